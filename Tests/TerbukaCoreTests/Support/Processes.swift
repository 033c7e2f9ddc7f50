import Foundation

/// Runs a program to its end; returns its exit status and what it printed (standard
/// output, and standard error too unless `errors` is false). `input` is given as its
/// standard input.
func runProcess(
    _ executable: URL, _ arguments: [String], in folder: URL? = nil, input: URL? = nil, errors: Bool = true,
    environment: [String: String]? = nil
) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = folder }
    if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = errors ? pipe : FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

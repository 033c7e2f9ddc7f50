import Foundation

/// A new, empty folder in the system's temporary folder, named `prefix-<UUID>`: the test
/// removes it when done (`defer { try? FileManager.default.removeItem(at: folder) }`).
func makeTemporaryFolder(_ prefix: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

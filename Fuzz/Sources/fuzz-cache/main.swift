import Foundation
import FuzzSupport

@testable import TerbukaCore

/// Any bytes as a build cache's state file (a file on disk that anything may have cut short
/// or changed): what is read must write back to the same state. Most inputs fail the
/// SHA-256 that ends each part, so the bytes are also read as a whole first part, and as
/// the second part (the records) of a state whose first part is whole. The first part is
/// also read as a build that may have nothing to do reads it (`UnchangedCheck.Outputs`,
/// without making tables, its paths looked up in an empty output): whatever the full
/// reading takes, it takes too, with the same key, counts and warnings. Its output lines
/// copied as they are (as a spare tree's are) read as the same records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let key = Data("key \(String(repeating: "a", count: 64))\n".utf8)
    for candidate in [bytes, file(first: bytes, rest: Data()), file(first: key, rest: bytes)] {
        let whole = [UInt8](candidate)
        if let length = BuildState.firstLength(whole), length <= whole.count {
            let first = Array(whole[..<length])
            let outputs = UnchangedCheck.Outputs(first: first, output: emptyOutput)
            precondition(outputs?.intact != true)
            if let read = BuildState.decode(first: first, tail: StateTail(bytes: [])) {
                // What the full reading takes, the nothing-changed check takes too.
                guard let part = outputs?.part else { preconditionFailure("first part refused") }
                let header = part.header
                precondition(header.key == read.key && header.files == read.files)
                precondition(header.pages == read.pages && header.warnings == read.warnings)
                // The output lines copied as they are (a spare tree's) are the records read.
                let copied = BuildState.LazyRecords<BuildState.Output>.lines(bytes: part.bytes, part.outputs, more: [:])
                precondition(copied.records?.mapValues(\.sha256) == read.outputs.mapValues(\.sha256))
                precondition(copied.records?.mapValues(\.stamp) == read.outputs.mapValues(\.stamp))
            }
        }
        guard let state = BuildState.decode(candidate) else { continue }
        let again = BuildState.decode(state.encoded())
        precondition(again?.key == state.key && again?.inputs.count == state.inputs.count)
        precondition(again?.outputs.count == state.outputs.count)
        precondition(again?.spare.records?.count ?? 0 == state.spare.records?.count ?? 0)
        precondition(again?.spareFolders.records ?? [:] == state.spareFolders.records ?? [:])
        precondition(again?.notices.records == state.notices.records ?? [:])
        precondition(again?.warnings == state.warnings)
    }
    return 0
}

/// An output folder that exists and holds nothing: every line's path is looked up in it
/// (`FileStamp.Folder.entry(escaped:)`) and none is found. One for every run, left empty.
let emptyOutput: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-fuzz-empty-output")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()

/// A state file whose first part holds `first` and whose second part holds `rest`.
func file(first: Data, rest: Data) -> Data {
    let rest = rest + Data("end \(Digest.sha256(rest))\n".utf8)
    let first = first + Data("tail \(Digest.sha256(rest))\n".utf8)
    let head = BuildState.header + "\nfirst "
    let length = head.utf8.count + BuildState.lengthDigits + 1 + first.count + BuildState.trailerLength
    var whole = Data((head + String(format: "%016d", length) + "\n").utf8) + first
    whole += Data("end \(Digest.sha256(whole))\n".utf8)
    return whole + rest
}

@_cdecl("fuzz_cache_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

import Foundation
import FuzzSupport

@testable import TerbukaCore

/// Any bytes as a build cache's state file (a file on disk that anything may have cut short
/// or changed): what is read must write back to the same state. Most inputs fail the
/// trailing SHA-256, so the body is also read with a correct one appended.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    for candidate in [bytes, bytes + Data("end \(Digest.sha256(bytes))\n".utf8)] {
        guard let state = BuildState.decode(candidate) else { continue }
        let again = BuildState.decode(state.encoded())
        precondition(again?.key == state.key && again?.inputs.count == state.inputs.count)
        precondition(again?.outputs.count == state.outputs.count && again?.spare.count == state.spare.count)
        precondition(again?.warnings == state.warnings)
    }
    return 0
}

@_cdecl("fuzz_cache_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

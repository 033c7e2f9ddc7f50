import Crypto
import Foundation

/// A state file's second part (the records of the spare tree and of the notices), read
/// once, when first wanted, and only if it is the part the first one names.
final class StateTail: @unchecked Sendable {
    private let lock = NSLock()
    private var source: Source
    private var expected = ""

    private enum Source {
        case bytes([UInt8])
        case file(String, offset: Int)
        case read((bytes: [UInt8], lines: [UInt8: [Range<Int>]])?)
    }

    init(bytes: [UInt8]) { source = .bytes(bytes) }

    init(file: String, offset: Int) { source = .file(file, offset: offset) }

    func expect(_ sha256: String) {
        lock.withLock { expected = sha256 }
    }

    /// Starts reading the part (`split`) on a thread of its own: the first to want it then
    /// waits less, or not at all. Nothing waits for the thread; what it reads is kept.
    func readAhead() {
        _ = Parallel.started { [self] in _ = split }
    }

    /// The part, ending with its own SHA-256, and its lines by kind (each from after its
    /// kind and space to before its end), split once for every kind that asks; nil when it
    /// cannot be read, is not the one the first part names, or holds a line that is not
    /// one. (The part the first one names is whole: its own SHA-256 need not be checked.)
    var split: (bytes: [UInt8], lines: [UInt8: [Range<Int>]])? {
        lock.withLock {
            let found: [UInt8]?
            switch source {
            case .read(let split): return split
            case .bytes(let bytes): found = bytes
            case .file(let path, let offset): found = KernelFile.bytes(path, from: offset)
            }
            let split = found.flatMap {
                $0.count >= BuildState.trailerLength && Digest.hex(SHA256.hash(data: $0)) == expected
                    ? Self.lines($0) : nil
            }
            source = .read(split)
            return split
        }
    }

    /// The lines of `bytes` (but its last, "end <SHA-256>"), found with `memchr`: going
    /// through 7 MB byte by byte for each kind asked for was a tenth of reading the state
    /// after one edit (perf).
    private static func lines(_ bytes: [UInt8]) -> (bytes: [UInt8], lines: [UInt8: [Range<Int>]])? {
        var lines: [UInt8: [Range<Int>]] = [:]
        let end = bytes.count - BuildState.trailerLength
        let whole = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return end == 0 }
            var start = 0
            while start < end {
                guard let found = memchr(base + start, 10, end - start) else { return false }
                let stop = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                guard stop - start >= 2, base[start + 1] == UInt8(ascii: " ") else { return false }
                lines[base[start], default: []].append((start + 2)..<stop)
                start = stop + 1
            }
            return true
        }
        return whole ? (bytes, lines) : nil
    }
}

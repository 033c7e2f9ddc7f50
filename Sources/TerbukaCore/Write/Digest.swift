import Crypto
import Foundation

/// SHA-256 as lowercase hex, as `sha256sum` prints it.
public enum Digest {
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Hashes a file in 1 MB pieces.
    public static func sha256(fileAt url: URL) throws -> (hex: String, size: Int) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
        }
        return (hex(hasher.finalize()), size)
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What a build wrote: every file's size and SHA-256, recorded as it is written (from
/// many tasks), for SHA256SUMS, the data package and the pages that show them.
public final class Ledger: @unchecked Sendable {
    public struct Entry: Sendable {
        public var size: Int
        public var sha256: String
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// `all` as last made, and the paths recorded since: the sitemap, the archive, the sums
    /// and the cache each ask for every file in order, and a few files come in between.
    private var sorted: [String]?
    private var added: [String] = []

    public func record(_ path: String, size: Int, sha256: String) {
        lock.withLock {
            if entries.updateValue(Entry(size: size, sha256: sha256), forKey: path) == nil, sorted != nil {
                added.append(path)
            }
        }
    }

    public func entry(_ path: String) -> Entry? {
        lock.withLock { entries[path] }
    }

    /// Every written file, sorted by path.
    public var all: [(path: String, entry: Entry)] {
        lock.withLock {
            var paths = sorted ?? entries.keys.sorted()
            if !added.isEmpty {
                // Merged once (a second language adds as many pages as the first has).
                let new = added.sorted()
                var merged: [String] = []
                merged.reserveCapacity(paths.count + new.count)
                var (old, next) = (0, 0)
                while old < paths.count || next < new.count {
                    if next == new.count || old < paths.count && paths[old] < new[next] {
                        merged.append(paths[old])
                        old += 1
                    } else {
                        merged.append(new[next])
                        next += 1
                    }
                }
                paths = merged
                added = []
            }
            sorted = paths
            return paths.map { ($0, entries[$0]!) }
        }
    }

    public var counts: (files: Int, pages: Int) {
        lock.withLock { (entries.count, entries.keys.filter { $0.hasSuffix(".html") }.count) }
    }
}

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

/// SHA-256 of bytes given in pieces, hashed in order on another thread while the caller
/// goes on: the 19 MB of a 10,000-notice site's archive were hashed on the core that wrote
/// them, a third of the archive's stage after one edit (perf; `manifest+zip` 53 → 50 ms,
/// BENCHMARKS.md, fourteenth session). At most `ahead` pieces wait for their turn: a writer
/// faster than the hash (tmpfs) waits rather than hold a large site's archive twice.
final class BackgroundHasher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "terbuka.sha256")
    /// Touched only on `queue`.
    private var hasher = SHA256()
    private let room: DispatchSemaphore

    init(ahead: Int = 4) {
        room = DispatchSemaphore(value: ahead)
    }

    /// Hashes `bytes` after the pieces given before (the array is shared, not copied); waits
    /// while `ahead` pieces are still to be hashed.
    func update(_ bytes: [UInt8]) {
        room.wait()
        queue.async {
            self.hasher.update(data: bytes)
            self.room.signal()
        }
    }

    /// The SHA-256 of every piece given, once they are hashed.
    func finalize() -> String {
        queue.sync { Digest.hex(hasher.finalize()) }
    }
}

/// What a build wrote: every file's size and SHA-256, recorded as it is written (from
/// many tasks), for SHA256SUMS, the data package and the pages that show them.
public final class Ledger: @unchecked Sendable {
    public struct Entry: Sendable {
        public var size: Int
        public var sha256: String
        /// The file's stamp when a spare tree's file was kept as found rather than written
        /// (`StagingFolder.reuses`): nothing written or linked since has touched it (a link
        /// is only ever made at the path it comes from), so the state after the swap need
        /// not ask for it again.
        var kept: FileStamp?

        public init(size: Int, sha256: String) {
            (self.size, self.sha256) = (size, sha256)
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// `all` as last made, and the paths recorded since (new or written again): the
    /// sitemap, the sweep, the archive, the sums and the cache each ask for every file in
    /// order, and a few files come in between.
    private var made: [(path: String, entry: Entry)]?
    private var since: [String] = []

    /// How many of `entries` are pages, and how many were kept, counted as they come.
    private var pages = 0
    private var keptCount = 0

    /// `capacity`: the files expected (an incremental build knows them), given room at once
    /// rather than the table grown again and again.
    public init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
    }

    public func record(_ path: String, size: Int, sha256: String) {
        record(path, Entry(size: size, sha256: sha256))
    }

    /// `kept`: the stamp of a spare tree's file kept as found (`Entry.kept`).
    func record(_ path: String, size: Int, sha256: String, kept: FileStamp) {
        var entry = Entry(size: size, sha256: sha256)
        entry.kept = kept
        record(path, entry)
    }

    private func record(_ path: String, _ entry: Entry) {
        lock.withLock {
            let old = entries.updateValue(entry, forKey: path)
            if old == nil, path.hasSuffix(".html") { pages += 1 }
            keptCount += (entry.kept == nil ? 0 : 1) - (old?.kept == nil ? 0 : 1)
            if made != nil { since.append(path) }
        }
    }

    public func entry(_ path: String) -> Entry? {
        lock.withLock { entries[path] }
    }

    /// Every written file, sorted by path.
    public var all: [(path: String, entry: Entry)] {
        lock.withLock {
            guard let kept = made else {
                let all = entries.keys.sorted().map { (path: $0, entry: entries[$0]!) }
                made = all
                return all
            }
            guard !since.isEmpty else { return kept }
            // Patched, not made again (copied first only while an earlier caller still holds
            // the list).
            var all = kept
            made = nil
            // The few recorded since: written again in place, new ones merged in once (a
            // second language adds as many pages as the first has).
            var new: [String] = []
            for path in Set(since) {
                let at = Self.position(of: path, in: all)
                if at < all.count, all[at].path == path {
                    all[at].entry = entries[path]!
                } else {
                    new.append(path)
                }
            }
            since = []
            if !new.isEmpty {
                new.sort()
                var merged: [(path: String, entry: Entry)] = []
                merged.reserveCapacity(all.count + new.count)
                var next = 0
                for old in all {
                    while next < new.count, new[next] < old.path {
                        merged.append((path: new[next], entry: entries[new[next]]!))
                        next += 1
                    }
                    merged.append(old)
                }
                for path in new[next...] { merged.append((path: path, entry: entries[path]!)) }
                all = merged
            }
            made = all
            return all
        }
    }

    /// The first position in `all` (sorted) whose path is not below `path`.
    private static func position(of path: String, in all: [(path: String, entry: Entry)]) -> Int {
        var (low, high) = (0, all.count)
        while low < high {
            let middle = (low + high) / 2
            if all[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }

    public var counts: (files: Int, pages: Int) {
        lock.withLock { (entries.count, pages) }
    }

    /// How many files were kept as found in a spare tree (`Entry.kept`).
    var kept: Int { lock.withLock { keptCount } }
}

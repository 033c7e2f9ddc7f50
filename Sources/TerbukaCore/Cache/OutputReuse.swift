import Foundation

/// What the render and write stages may take from the previous output instead of making
/// again, shared by the tasks that write: a page whose fingerprint is the one it had, and a
/// file whose bytes are the ones it had, are hard-linked from the output in place (or
/// copied where links cannot be made).
final class OutputReuse: @unchecked Sendable {
    /// The output folder in place, whose files are reused.
    let root: String
    private let previous: [String: BuildState.Output]
    /// Location on disk → SHA-256 of the inputs, for files published as they are.
    let sourceHashes: [String: String]
    /// Input path (`content/…`) → stamp and SHA-256.
    let inputs: [String: BuildState.Input]
    /// What every page made from one input also depends on (`PageKey.outline`); set once the
    /// site is computed.
    var outline = ""
    private let lock = NSLock()
    /// Each page's fingerprint and key, in shards by path, each with its own lock: 10,000
    /// pages noted from every core contended for one (perf).
    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var fingerprints: [String: String] = [:]
        var keys: [String: String] = [:]
    }
    private let shards: [Shard]
    private func shard(_ path: String) -> Shard {
        shards[Int(UInt(bitPattern: path.hashValue) % UInt(shards.count))]
    }
    /// Pages whose key matched but whose view had changed (debug builds only).
    private var stale: [String] = []
    /// Files taken by their key, their view not made.
    private var taken: [String] = []
    private var linkedCount = 0

    init(root: URL, previous: BuildState?, inputs: [String: BuildState.Input], sourceHashes: [String: String]) {
        self.root = root.standardizedFileURL.path
        self.previous = previous?.outputs ?? [:]
        self.inputs = inputs
        self.sourceHashes = sourceHashes
        // Room for the previous build's files at once: 10,000 pages' keys noted into tables
        // grown one by one were hashed again at each growth (perf, a build after one edit).
        let room = self.previous.count / 16 + self.previous.count / 64
        shards = (0..<16).map { _ in
            let shard = Shard()
            shard.keys.reserveCapacity(room)
            shard.fingerprints.reserveCapacity(room)
            return shard
        }
    }

    /// Release builds trust a page's key. Debug builds (the tests) also make its view and
    /// check that the fingerprint is the one it had; when not, the page shows something its
    /// key does not cover: it is noted in `staleKeys` and made from its view.
    func keyHolds(_ path: String, _ check: () -> Bool) -> Bool {
        #if DEBUG
            if !check() {
                lock.withLock { stale.append(path) }
                return false
            }
        #endif
        return true
    }

    /// The pages whose key did not cover what they show (debug builds only).
    var staleKeys: [String] { lock.withLock { stale.sorted() } }

    /// Notes that the file at `path` was taken by its key.
    func noteTaken(_ path: String) {
        lock.withLock { taken.append(path) }
    }

    /// The files taken by their key, their view not made, in the order they were taken
    /// (which depends on the scheduling; sorting 10,000 paths was the last stretch of a build
    /// after one edit, for what only tests ask).
    var takenByKey: [String] { lock.withLock { taken } }

    /// The fingerprint of the page at `path` ("" for a file that is not a page) and its key
    /// when made from one input ("" for others), as noted.
    func noted(_ path: String) -> (fingerprint: String, key: String) {
        let shard = shard(path)
        return shard.lock.withLock { (shard.fingerprints[path] ?? "", shard.keys[path] ?? "") }
    }

    /// Notes the key of the page at `path`; the previous page and its fingerprint when it
    /// had the same key (its view is then the same, and need not be made).
    func page(_ path: String, key: String) -> (entry: Ledger.Entry, fingerprint: String)? {
        let old = previous[path].flatMap { !$0.key.isEmpty && $0.key == key && !$0.fingerprint.isEmpty ? $0 : nil }
        let shard = shard(path)
        shard.lock.withLock {
            shard.keys[path] = key
            if let old { shard.fingerprints[path] = old.fingerprint }
        }
        return old.map { (Ledger.Entry(size: $0.stamp.size, sha256: $0.sha256), $0.fingerprint) }
    }
    /// Files linked from the output in place (those kept as found in the spare tree are
    /// counted by the ledger, `Ledger.kept`).
    var linked: Int { lock.withLock { linkedCount } }

    /// The previous output's files made together from `digest` (the SHA-256 of all they
    /// show, such as the site search's index and shards), when it has every one of them;
    /// they are noted under it again. Each is recorded with the key "<digest>+<count>" (a
    /// key is one word of the state file).
    func group(_ digest: String) -> [(path: String, entry: Ledger.Entry)]? {
        var found: [(path: String, entry: Ledger.Entry)] = []
        var count: Int?
        for (path, old) in previous where old.fingerprint.isEmpty && old.key.hasPrefix(digest + "+") {
            count = Int(old.key.dropFirst(digest.count + 1))
            found.append((path, Ledger.Entry(size: old.stamp.size, sha256: old.sha256)))
        }
        guard let count, found.count == count else { return nil }
        note(group: found.map(\.path), digest)
        return found.sorted { $0.path < $1.path }
    }

    /// Files made together from what `digest` covers (all they show): with an incremental
    /// build's previous output, its files when made from the same (debug builds check
    /// that `make` gives their bytes), else those `make` gives.
    static func files(
        madeFrom digest: String, reuse: OutputReuse?, _ make: @escaping @Sendable () -> [(path: String, data: Data)]
    ) -> [OutputFile] {
        guard let reuse else { return make().map { OutputFile(path: $0.path, contents: .bytes($0.data)) } }
        if let previous = reuse.group(digest), let first = previous.first {
            let made = Once { Dictionary(make(), uniquingKeysWith: { $1 }) }
            let same = {
                previous.count == made().count
                    && previous.allSatisfy { made()[$0.path].map(Digest.sha256) == $0.entry.sha256 }
            }
            if reuse.keyHolds(first.path, same) {
                for file in previous { reuse.noteTaken(file.path) }
                return previous.map { file in
                    OutputFile(path: file.path, contents: .previous(file.entry) { made()[file.path] ?? Data() })
                }
            }
        }
        let files = make()
        reuse.note(group: files.map(\.path), digest)
        return files.map { OutputFile(path: $0.path, contents: .bytes($0.data)) }
    }

    /// Notes that the files at `paths` were made together from `digest`.
    func note(group paths: [String], _ digest: String) {
        for path in paths {
            let shard = shard(path)
            shard.lock.withLock { shard.keys[path] = "\(digest)+\(paths.count)" }
        }
    }

    /// Notes the fingerprint of the page at `path`; the previous page when it had the same.
    func page(_ path: String, fingerprint: String) -> Ledger.Entry? {
        let shard = shard(path)
        shard.lock.withLock { shard.fingerprints[path] = fingerprint }
        guard let old = previous[path], old.fingerprint == fingerprint else { return nil }
        return Ledger.Entry(size: old.stamp.size, sha256: old.sha256)
    }

    /// True when the previous output has the file at `path` with this SHA-256.
    func has(_ path: String, sha256: String) -> Bool {
        previous[path]?.sha256 == sha256
    }

    /// The previous output's record of `path`.
    func record(_ path: String) -> BuildState.Output? {
        previous[path]
    }

    /// Makes `target` the previous output's file at `path`: a hard link, or a copy where
    /// the file system makes none. False when the previous file cannot be had.
    func link(_ path: String, to target: String) -> Bool {
        let source = root + "/" + path
        let done =
            Foundation.link(source, target) == 0
            || (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil
        if done { lock.withLock { linkedCount += 1 } }
        return done
    }
}

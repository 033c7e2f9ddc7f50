import Foundation

/// What an incremental build knows before it starts: every input with its SHA-256 (from
/// the previous build's state when its stamp is unchanged, else read and hashed now), the
/// key, and the previous build's state when its key is this one's and its output files are
/// still as it wrote them. Or, when the state's first part alone shows that nothing
/// changed (`unchanged`), only that.
struct IncrementalPlan: Sendable {
    let cache: BuildCache
    let key: String
    let scanned: Int64
    /// Path (`content/…`, `themes/…`, `(built-in)/…`) → stamp and SHA-256.
    let inputs: [String: BuildState.Input]
    /// The same, in the order of their paths (the scan's).
    let sortedInputs: [(key: String, value: BuildState.Input)]
    /// The inputs the state keeps: those whose SHA-256 is known.
    let storedInputs: [String: BuildState.Input]
    /// Location on disk → SHA-256, for files published as they are.
    let hashesByLocation: [String: String]
    /// The previous build's state, when it was made with the same key; its outputs are
    /// only those still in place as it wrote them.
    let previous: BuildState?
    /// The first part of the state `previous` was read from: the spare tree's records are
    /// its lines.
    let previousPart: BuildState.FirstPart?
    /// True when the previous build had every input this one has, with the same contents,
    /// and its output is whole.
    let nothingChanged: Bool
    /// True when the previous build's output files and folders were all found as it
    /// recorded them.
    let outputsIntact: Bool
    /// The permission bits of the output files found as recorded, for those without the
    /// bits a new file gets (`FileModes.file`).
    let outputModes: [String: UInt32]
    /// Held while the build runs.
    let lock: CacheLock?
    /// Set when the state's first part alone showed that nothing changed
    /// (`UnchangedCheck`): the state was then not read into tables; `inputs`,
    /// `hashesByLocation` and `key` are empty and `previous` is nil (nothing is written).
    let unchanged: UnchangedCheck.Found?

    /// What the previous build left, when this one has nothing to do: found by the first
    /// part alone, or by the full reading.
    var upToDate: UnchangedCheck.Found? {
        if let unchanged { return unchanged }
        guard nothingChanged, let previous else { return nil }
        return UnchangedCheck.Found(warnings: previous.warnings, files: previous.files, pages: previous.pages)
    }

    init(options: BuildOptions) {
        let cache = BuildCache(output: options.output)
        self.cache = cache
        lock = cache.lock()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        scanned = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        // The state is read while the inputs are scanned: two cores, two halves of the work.
        // The outputs are checked meanwhile, from the state's first part as it is.
        let (first, scan) = Parallel.both(
            { [cache, lock] () -> UnchangedCheck.Outputs? in
                lock == nil
                    ? nil : cache.readFirstPart().flatMap { UnchangedCheck.Outputs(first: $0, output: options.output) }
            },
            { InputScan(siteRoot: options.siteRoot, builtInThemes: Theme.builtInFolder) })
        if let first, let unchanged = UnchangedCheck.check(first, scan: scan, options: options) {
            self.unchanged = unchanged
            (inputs, storedInputs, hashesByLocation, key, previous, nothingChanged) = ([:], [:], [:], "", nil, true)
            sortedInputs = []
            (outputsIntact, outputModes, previousPart) = (true, [:], nil)
            return
        }
        unchanged = nil
        let found = first.flatMap { $0.part.state(tail: cache.tail(after: $0.part)) }
        // Hashes known from the previous build for files whose stamp has not changed since,
        // and was not taken too close to that build's scan to prove it.
        let hashes = Parallel.map(scan.files) { file -> String in
            if let known = found?.inputs[file.path], known.stamp == file.stamp, !found!.isRacy(file.stamp) {
                return known.sha256
            }
            return (try? Digest.sha256(fileAt: URL(fileURLWithPath: file.location, isDirectory: false)).0) ?? ""
        }
        var inputs: [String: BuildState.Input] = [:]
        var byLocation: [String: String] = [:]
        inputs.reserveCapacity(scan.files.count)
        byLocation.reserveCapacity(scan.files.count)
        let sorted = zip(scan.files, hashes).map { file, sha256 in
            (key: file.path, value: BuildState.Input(stamp: file.stamp, sha256: sha256))
        }
        for ((path, input), file) in zip(sorted, scan.files) {
            inputs[path] = input
            byLocation[file.location] = input.sha256
        }
        self.inputs = inputs
        sortedInputs = sorted
        storedInputs = inputs.filter { !$0.value.sha256.isEmpty }
        hashesByLocation = byLocation
        key = BuildCache.key(options: options, inputs: zip(scan.files, hashes).map { ($0.path, $1) }, links: scan.links)
        guard var previous = found, let outputs = first, previous.key == key else {
            self.previous = nil
            nothingChanged = false
            (outputsIntact, outputModes, previousPart) = (false, [:], nil)
            // A spare tree nothing describes is of no use.
            cache.removeSpare()
            return
        }
        let sameInputs =
            previous.inputs.count == inputs.count
            && inputs.allSatisfy { path, input in
                !input.sha256.isEmpty && previous.inputs[path]?.sha256 == input.sha256
            }
        // Outputs as the previous build left them (looked at with the first part, while the
        // inputs were scanned): the same file with the same stamp, and folders with the
        // same stamp (nothing added to them or taken away).
        for path in outputs.touchedFiles { previous.outputs[path] = nil }
        self.previous = previous
        nothingChanged = sameInputs && outputs.intact
        outputsIntact = outputs.intact
        outputModes = outputs.found.modes
        previousPart = outputs.part
    }

    /// The spare tree the previous build left, as it is on disk now; nil when there is none
    /// (anything but a real folder there is removed).
    func spare() -> SpareTree? {
        guard let previous, FileStamp.ofFolder(cache.spareFolder) != nil else {
            cache.removeSpare()
            return nil
        }
        if cache.spareIsRecorded(by: previous), let folders = previous.spareFolders.records,
            let lines = previous.spare.lines,
            let tree = SpareTree(
                recorded: cache.spareFolder, lines, folders: folders, output: previous.outputs, modes: outputModes)
        {
            return tree
        }
        guard let records = previous.spare.records else {
            cache.removeSpare()
            return nil
        }
        return SpareTree(cache.spareFolder, records, output: previous.outputs)
    }

    /// The lines of the state's inputs and notices (`notices`: this build's records), which
    /// are known before anything is written: made while the build goes on (on a core the
    /// ranking, the site's index and the archive leave free), for `state` to write as they
    /// are.
    func earlyLines(notices: [String: NoticeRecord]) -> [BuildState.Table: [UInt8]] {
        let known = BuildState(
            key: key, scanned: scanned, inputs: [:], outputs: [:], notices: .parsed(notices), warnings: [],
            files: 0, pages: 0)
        // The inputs as the scan found them, in order (not sorted again).
        let (inputs, notices) = Parallel.both(
            { BuildState.lines(ofInputs: sortedInputs) }, { known.lines(of: .notices) })
        return [.inputs: inputs, .notices: notices]
    }

    /// What the state says of output files and their folders, as they stand.
    struct OutputRecords: Sendable {
        var files: [String: BuildState.Output] = [:]
        /// By path; "" the output itself.
        var folders: [String: FileStamp] = [:]
        /// The state's lines of `files`, and of `folders` but the output itself (which the
        /// last files change), made with them (`record`): made after the swap, 20,000 lines of
        /// a 10,000-notice site were the last stretch of a build after one edit (perf).
        var lines = (files: [UInt8](), folders: [UInt8]())
    }

    /// `files` as they stand below `root`, with the folders holding them (`root` itself
    /// included): those in `kept` with the stamp given, the others looked at. A folder in
    /// `found` (a spare tree's, as found before anything was written into it) keeps the
    /// stamp given there when nothing was added to it or removed from it since: it is not
    /// `root`, not in `touched`, and holds no file but kept ones (a file written there was
    /// removed and made again, or added). The others are looked at: 10,000 folders looked
    /// at were a tenth of the samples of a build after one edit (perf). nil when one is not
    /// there.
    static func record(
        _ files: [(path: String, entry: Ledger.Entry)], below root: String, kept: [String: FileStamp],
        reuse: OutputReuse, found: [String: FileStamp] = [:], touched: Set<String> = []
    ) -> OutputRecords? {
        guard let folder = FileStamp.Folder(root) else { return nil }
        let stamps = Parallel.map(files.map(\.path)) { path -> (stamp: FileStamp?, wasKept: Bool) in
            kept[path].map { ($0, true) } ?? (folder.stamp(of: path), false)
        }
        var records = OutputRecords()
        records.files.reserveCapacity(files.count)
        var (fileLines, folderLines) = (ByteWriter(), ByteWriter())
        var folderPaths: Set<Substring> = [""]
        var changed = touched
        for ((path, entry), (stamp, wasKept)) in zip(files, stamps) {
            guard let stamp else { return nil }
            let (fingerprint, key) = reuse.noted(path)
            let record = BuildState.Output(stamp: stamp, sha256: entry.sha256, fingerprint: fingerprint, key: key)
            records.files[path] = record
            record.writeLine("o", path: path, into: &fileLines)
            if !wasKept { changed.insert(path.parentFolder) }
            var folder = Substring(path)
            while let slash = folder.lastSlash {
                folder = folder[..<slash]
                guard folderPaths.insert(folder).inserted else { break }
            }
        }
        let folderList = folderPaths.map(String.init)
        let folderStamps = Parallel.map(folderList) { path in
            (path.isEmpty || changed.contains(path) ? nil : found[path]) ?? folder.stamp(ofFolder: path)
        }
        records.folders.reserveCapacity(folderList.count)
        for (path, stamp) in zip(folderList, folderStamps) {
            guard let stamp else { return nil }
            records.folders[path] = stamp
            if !path.isEmpty { stamp.writeLine("d", path: path, into: &folderLines) }
        }
        records.lines = (fileLines.bytes, folderLines.bytes)
        return records
    }

    /// The state to keep after a build that wrote `ledger` into `output`, or nil when the
    /// output is not as written (a file gone already): no state is better than a wrong one.
    /// - `kept`: the stamps of files kept from the spare tree as found (by its walk, or from
    ///   the records and the look at the outputs).
    /// - `before`: the files written before the last ones, recorded in the staging folder
    ///   before the swap (which changes none of them, nor any folder but the output itself);
    ///   the others, and the folders holding them, are looked at now.
    /// - `keptPrevious`: the output that was in place is now the spare tree; its folders are
    ///   recorded for it when the build found every output file and folder as recorded, and
    ///   the folder itself still so just before the move (`movedRoot`: its stamp then).
    /// - `last`: the paths of the files written after those in `before` (found in the ledger
    ///   by filtering it when not given).
    /// - `early`: the lines `earlyLines(notices:)` made of the same `notices`.
    func state(
        ledger: Ledger, kept: [String: FileStamp], output: URL, reuse: OutputReuse, notices: [String: NoticeRecord],
        warnings: [Diagnostic], keptPrevious: Bool, movedRoot: FileStamp? = nil, before: consuming OutputRecords? = nil,
        last: [String]? = nil, early: [BuildState.Table: [UInt8]] = [:]
    ) -> BuildState? {
        let later: [(path: String, entry: Ledger.Entry)]
        if before != nil, let last {
            later = last.sorted().compactMap { path in ledger.entry(path).map { (path, $0) } }
        } else {
            later = ledger.all.filter { before?.files[$0.path] == nil }
        }
        guard let now = Self.record(later, below: output.standardizedFileURL.path, kept: kept, reuse: reuse) else {
            return nil
        }
        // The few recorded now into the many recorded before (taken, not copied: the
        // caller gives them up).
        let recordedBefore = before != nil
        var records = (consume before) ?? OutputRecords()
        // Lines made before of the files and folders recorded before, when the few recorded
        // now add to them (none of the same path, and no folder but the output itself).
        let premade =
            recordedBefore && now.files.keys.allSatisfy { records.files[$0] == nil }
                && now.folders.keys.allSatisfy(\.isEmpty)
            ? records.lines : nil
        records.files.merge(now.files) { _, now in now }
        records.folders.merge(now.folders) { _, now in now }
        var made = early
        if let premade {
            var (fileLines, folderLines) = (ByteWriter(), ByteWriter())
            (fileLines.bytes, folderLines.bytes) = premade
            fileLines.bytes += now.lines.files
            records.folders[""]?.writeLine("d", path: "", into: &folderLines)
            made[.outputs] = fileLines.bytes
            made[.folders] = folderLines.bytes
        }
        let outputs = records.files
        let folders = records.folders.map { BuildState.Folder(path: $0.key, stamp: $0.value) }
        // The spare tree's files: the previous output's, its lines written again as they are
        // when none was found touched. Its folders as recorded by the previous build (and as
        // found by this one), but the tree itself, moved since: its stamp now, when it was as
        // recorded just before the move (ctime included, which no tool sets back) and only
        // the move changed it since (its ctime).
        var spare: BuildState.LazyRecords<BuildState.Output> = .parsed([:])
        var spareFolders: BuildState.LazyRecords<FileStamp> = .parsed([:])
        if keptPrevious, let previous {
            spare = .parsed(previous.outputs)
            if outputsIntact, let part = previousPart {
                spare = .lines(bytes: part.bytes, part.outputs, more: [:])
                if let moved = FileStamp.ofFolder(cache.spareFolder),
                    let before = previous.folders.first(where: { $0.path.isEmpty })?.stamp, movedRoot == before,
                    FileStamp(
                        device: before.device, inode: before.inode, size: before.size, modified: before.modified,
                        changed: moved.changed) == moved
                {
                    let below = part.folders.filter { line in
                        var fields = BuildState.Fields(part.bytes[line])
                        return fields.stamp() != nil && !fields.bytes.isEmpty
                    }
                    spareFolders = .lines(bytes: part.bytes, below, more: ["": moved])
                }
            }
        }
        let counts = ledger.counts
        var state = BuildState(
            key: key, scanned: scanned, inputs: storedInputs, outputs: outputs, spare: spare,
            spareFolders: spareFolders,
            notices: .parsed(notices), folders: folders, warnings: warnings, files: counts.files, pages: counts.pages)
        state.made = made
        return state
    }
}

/// The spare tree as it is on disk: every file and folder in it, and the files that are
/// still as the state says (same inode, size and mtime), whose SHA-256 is therefore known.
/// Anything else in it (left by a build killed while updating it) is written again or
/// removed.
struct SpareTree: Sendable {
    let root: String
    let known: [String: BuildState.Output]
    /// In no particular order (read from the records, not sorted: only the sweep asks).
    let files: [String]
    let folders: [String]
    /// Links and special files, removed: the tree is walked without following links, so
    /// that nothing outside it is ever entered, written or removed.
    let others: [String]

    /// Permission bits of the known files.
    let modes: [String: UInt32]
    /// True when the tree was read from its records (its folders as recorded), not walked.
    let readFromRecords: Bool
    /// The full paths of `folders`, for the staging folder to know them made: put together
    /// here, while the content is read, rather than when writing starts (perf).
    let folderLocations: Set<String>
    /// When read from its records: the stamps its folders were found with, by path (the
    /// tree itself among them, as recorded), but those whose permissions were then set
    /// (which changed their ctime). A folder nothing is then made in or removed from keeps
    /// its stamp, and is recorded with it without a look (`IncrementalPlan.record`).
    let foundFolders: [String: FileStamp]

    /// Reads the tree at `root`, then makes it safe to write into: its links and special
    /// files are removed before anything is written (a write or a folder through a link
    /// would land outside it), and its folders get the permissions a new folder has.
    ///
    /// A file is known when its whole stamp, ctime included (which no tool sets back), is
    /// the one recorded: the output in place's record of the same path when it is the same
    /// file (a link made to it changed its ctime, and was recorded there), else the spare
    /// tree's own record (nothing links to a file the output in place no longer has).
    init(_ root: String, _ recorded: [String: BuildState.Output], output: [String: BuildState.Output] = [:]) {
        let walk = TreeWalk(root, followingLinks: false)
        var known: [String: BuildState.Output] = [:]
        var modes: [String: UInt32] = [:]
        known.reserveCapacity(walk.files.count)
        modes.reserveCapacity(walk.files.count)
        for file in walk.files {
            let shared = output[file.path].flatMap {
                $0.stamp.device == file.stamp.device && $0.stamp.inode == file.stamp.inode ? $0 : nil
            }
            if let record = shared ?? recorded[file.path], record.stamp == file.stamp {
                known[file.path] = record
                modes[file.path] = file.mode
            }
        }
        self.init(
            root: root, known: known, files: walk.files.map(\.path), folders: walk.folders,
            folderModes: walk.folderModes, others: walk.others, modes: modes, readFromRecords: false, stamps: [:])
    }

    /// The tree at `root` as found, made safe to write into (see above).
    private init(
        root: String, known: [String: BuildState.Output], files: [String], folders: [String], folderModes: [UInt32],
        others: [String], modes: [String: UInt32], readFromRecords: Bool, stamps: [String: FileStamp]
    ) {
        (self.root, self.known, self.files, self.folders, self.others, self.modes) = (
            root, known, files, folders, others, modes
        )
        self.readFromRecords = readFromRecords
        folderLocations = Set(folders.map { root + "/" + $0 })
        for path in others {
            unlink(root + "/" + path)
        }
        var stamps = stamps
        for (folder, mode) in zip(folders, folderModes) where mode != FileModes.folder {
            chmod(root + "/" + folder, mode_t(FileModes.folder))
            stamps[folder] = nil
        }
        foundFolders = stamps
        // The tree itself too: it becomes the output.
        if let mode = FileModes.of(root), mode != FileModes.folder { chmod(root, mode_t(FileModes.folder)) }
    }
}

extension SpareTree {
    /// The spare tree read from its records, without a walk: when every folder recorded
    /// for it (`folders`, "" for the tree itself) has the stamp recorded, nothing was added
    /// to, removed from or renamed in any of them since its files were recorded (and a
    /// folder's ctime is never set back), so the tree holds exactly the files recorded, each
    /// under the inode recorded. A file that is the output in place's at the same path (the
    /// same inode), which the build found as recorded there, is known without a look (its
    /// permission bits: `modes`, else those of a new file); any other is looked at. `lines`:
    /// the state's lines of its files. nil when a folder is not as recorded, or a line is
    /// not one: the tree is then walked (or, with no records of it, removed).
    init?(
        recorded root: String, _ lines: (bytes: [UInt8], ranges: [Range<Int>]), folders: [String: FileStamp],
        output: [String: BuildState.Output], modes outputModes: [String: UInt32]
    ) {
        guard let rootStamp = folders[""], FileStamp.ofFolder(root) == rootStamp, let tree = FileStamp.Folder(root)
        else { return nil }
        // Parents before their children.
        let folderPaths = folders.keys.filter { !$0.isEmpty }.sorted()
        let found = Parallel.map(folderPaths) { tree.entry($0, folder: true) }
        var folderModes: [UInt32] = []
        folderModes.reserveCapacity(found.count)
        for (path, entry) in zip(folderPaths, found) {
            guard let entry, entry.stamp == folders[path] else { return nil }
            folderModes.append(entry.mode)
        }
        // Each line's stamp and path only: the record of a file shared with the output in
        // place is that output's, and the others' are read whole (reading every line whole
        // into a table first was a tenth of the work before writing, perf).
        let read = Parallel.map(lines.ranges, from: 1_000) { range -> (path: String, stamp: FileStamp)? in
            var fields = BuildState.Fields(lines.bytes[range])
            guard let stamp = fields.stamp() else { return nil }
            for _ in 0..<3 { fields.skipWord() }
            return (BuildState.unescape(fields.rest()), stamp)
        }
        var known: [String: BuildState.Output] = [:]
        var modes: [String: UInt32] = [:]
        var paths: [String] = []
        known.reserveCapacity(read.count)
        modes.reserveCapacity(read.count)
        paths.reserveCapacity(read.count)
        var unshared: [(path: String, record: BuildState.Output)] = []
        for (range, line) in zip(lines.ranges, read) {
            guard let (path, stamp) = line else { return nil }
            paths.append(path)
            if let out = output[path], out.stamp.device == stamp.device, out.stamp.inode == stamp.inode {
                known[path] = out
                modes[path] = outputModes[path] ?? FileModes.file
            } else {
                guard let (_, record) = BuildState.Output.read(lines.bytes[range]) else { return nil }
                unshared.append((path, record))
            }
        }
        let looked = Parallel.map(unshared) { tree.entry($0.path, folder: false) }
        for (file, entry) in zip(unshared, looked) {
            if let entry, entry.stamp == file.record.stamp {
                known[file.path] = file.record
                modes[file.path] = entry.mode
            }
        }
        self.init(
            root: root, known: known, files: paths, folders: folderPaths, folderModes: folderModes,
            others: [], modes: modes, readFromRecords: true, stamps: folders)
    }
}

/// The permissions a new file and a new folder get here: 0o666 and 0o777 less the umask
/// (as a full build makes them).
enum FileModes {
    static let mask: UInt32 = {
        // Linux says it without changing it; elsewhere it is set and put back.
        if let status = KernelFile.contents("/proc/self/status"),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let value = UInt32(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        {
            return value
        }
        let mask = umask(0)
        umask(mask)
        return UInt32(mask)
    }()
    static var file: UInt32 { 0o666 & ~mask }
    static var folder: UInt32 { 0o777 & ~mask }

    /// The permission bits of the file at `path` (a link is not followed).
    static func of(_ path: String) -> UInt32? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }
}

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
    private let shards = (0..<16).map { _ in Shard() }
    private func shard(_ path: String) -> Shard {
        shards[Int(UInt(bitPattern: path.hashValue) % UInt(shards.count))]
    }
    /// Pages whose key matched but whose view had changed (debug builds only).
    private var stale: [String] = []
    /// Files taken by their key, their view not made.
    private var taken: [String] = []
    private var reusedCount = 0

    /// Counts a file kept or linked rather than written.
    func countReused() {
        lock.withLock { reusedCount += 1 }
    }

    init(root: URL, previous: BuildState?, inputs: [String: BuildState.Input], sourceHashes: [String: String]) {
        self.root = root.standardizedFileURL.path
        self.previous = previous?.outputs ?? [:]
        self.inputs = inputs
        self.sourceHashes = sourceHashes
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
    /// Files taken from the previous output.
    var reused: Int { lock.withLock { reusedCount } }

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
        if done { countReused() }
        return done
    }
}

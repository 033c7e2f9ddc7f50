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

    /// nil when two inputs' paths are the same text in other bytes (`NameTwins`: files the
    /// loader never lists, such as a result table named by a path of its own and a twin
    /// beside it): every table of a plan keyed by path would take them for one, so the
    /// build is a full one and keeps no state (`SiteBuilder`).
    init?(options: BuildOptions) {
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
        guard NameTwins.of(scan.files.map(\.path)).isEmpty else { return nil }
        if let first, let unchanged = UnchangedCheck.check(first, scan: scan, options: options) {
            self.unchanged = unchanged
            (inputs, storedInputs, hashesByLocation, key, previous, nothingChanged) = ([:], [:], [:], "", nil, true)
            sortedInputs = []
            (outputsIntact, outputModes, previousPart) = (true, [:], nil)
            return
        }
        unchanged = nil
        let found = first.flatMap { $0.part.state(tail: cache.tail(after: $0.part)) }
        // The state's second part (the notices' and the spare tree's records), which a build
        // after an edit wants next, read and checked on the other core while the inputs are
        // compared: after them, it was a stretch of one core (perf). A build that then finds
        // another key (a full one) or nothing changed has read it for nothing, once.
        found?.notices.readAhead()
        // Hashes known from the previous build for files whose stamp has not changed since,
        // and was not taken too close to that build's scan to prove it; and whether each file
        // has the SHA-256 the previous build had (looked up here, on every core, not again
        // one by one on this one).
        let hashes = Parallel.map(scan.files) { file -> (sha256: String, same: Bool) in
            let known = found?.inputs[file.path]
            if let known, known.stamp == file.stamp, !found!.isRacy(file.stamp) {
                return (known.sha256, !known.sha256.isEmpty)
            }
            let sha256 = (try? Digest.sha256(fileAt: URL(fileURLWithPath: file.location, isDirectory: false)).0) ?? ""
            return (sha256, !sha256.isEmpty && known?.sha256 == sha256)
        }
        let sorted = zip(scan.files, hashes).map { file, hash in
            (key: file.path, value: BuildState.Input(stamp: file.stamp, sha256: hash.sha256))
        }
        // The two tables on two cores: one after the other they were a stretch of one (perf).
        let (inputs, byLocation) = Parallel.both(
            {
                var inputs: [String: BuildState.Input] = [:]
                inputs.reserveCapacity(sorted.count)
                for (path, input) in sorted { inputs[path] = input }
                return inputs
            },
            {
                var byLocation: [String: String] = [:]
                byLocation.reserveCapacity(sorted.count)
                for (file, hash) in zip(scan.files, hashes) { byLocation[file.location] = hash.sha256 }
                return byLocation
            })
        self.inputs = inputs
        sortedInputs = sorted
        // Most often every SHA-256 is known: the table is then the same, not filtered anew.
        storedInputs =
            hashes.contains(where: { $0.sha256.isEmpty }) ? inputs.filter { !$0.value.sha256.isEmpty } : inputs
        hashesByLocation = byLocation
        key = BuildCache.key(
            options: options, inputs: zip(scan.files, hashes).map { ($0.path, $1.sha256) }, links: scan.links)
        guard var previous = found, let outputs = first, previous.key == key else {
            self.previous = nil
            nothingChanged = false
            (outputsIntact, outputModes, previousPart) = (false, [:], nil)
            // A spare tree nothing describes is of no use.
            cache.removeSpare()
            return
        }
        // Paths are unique (no twins, above): as many inputs, each with its SHA-256 then,
        // are the same inputs.
        let sameInputs = previous.inputs.count == inputs.count && hashes.allSatisfy(\.same)
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
    func earlyLines(notices: BuildState.LazyRecords<NoticeRecord>) -> [BuildState.Table: ByteWriter] {
        let known = BuildState(
            key: key, scanned: scanned, inputs: [:], outputs: [:], notices: notices, warnings: [],
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
        /// Kept in their writers: this build's state (`state(...)`) adds the last files' lines
        /// to them in place.
        var lines = (files: ByteWriter(), folders: ByteWriter())
    }

    /// `files` as they stand below `root`, with the folders holding them (`root` itself
    /// included): those kept as found in a spare tree with the stamp found
    /// (`Ledger.Entry.kept`), the others looked at. A folder in
    /// `found` (a spare tree's, as found before anything was written into it) keeps the
    /// stamp given there when nothing was added to it or removed from it since: it is not
    /// `root`, not in `touched`, and holds no file but kept ones (a file written there was
    /// removed and made again, or added). The others are looked at: 10,000 folders looked
    /// at were a tenth of the samples of a build after one edit (perf). nil when one is not
    /// there.
    static func record(
        _ files: [(path: String, entry: Ledger.Entry)], below root: String, reuse: OutputReuse,
        found: [String: FileStamp] = [:], touched: Set<String> = []
    ) -> OutputRecords? {
        guard let folder = FileStamp.Folder(root) else { return nil }
        let stamps = Parallel.map(files) { file -> (stamp: FileStamp?, wasKept: Bool) in
            file.entry.kept.map { ($0, true) } ?? (folder.stamp(of: file.path), false)
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
            for folder in Substring(path).foldersAbove {
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
        records.lines = (fileLines, folderLines)
        return records
    }

    /// The state to keep after a build that wrote `ledger` into `output`, or nil when the
    /// output is not as written (a file gone already): no state is better than a wrong one.
    /// - The files kept from the spare tree as found (by its walk, or from the records and
    ///   the look at the outputs) are recorded with the stamps found (`Ledger.Entry.kept`).
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
        ledger: Ledger, output: URL, reuse: OutputReuse, notices: BuildState.LazyRecords<NoticeRecord>,
        warnings: [Diagnostic], keptPrevious: Bool, movedRoot: FileStamp? = nil, before: consuming OutputRecords? = nil,
        last: [String]? = nil, early: [BuildState.Table: ByteWriter] = [:]
    ) -> BuildState? {
        let later: [(path: String, entry: Ledger.Entry)]
        if before != nil, let last {
            later = last.sorted().compactMap { path in ledger.entry(path).map { (path, $0) } }
        } else {
            later = ledger.all.filter { before?.files[$0.path] == nil }
        }
        guard let now = Self.record(later, below: output.standardizedFileURL.path, reuse: reuse) else {
            return nil
        }
        // The few recorded now into the many recorded before (taken, not copied: the
        // caller gives them up).
        let recordedBefore = before != nil
        var records = (consume before) ?? OutputRecords()
        // Lines made before of the files and folders recorded before, when the few recorded
        // now add to them (none of the same path, and no folder but the output itself).
        var premade =
            recordedBefore && now.files.keys.allSatisfy { records.files[$0] == nil }
                && now.folders.keys.allSatisfy(\.isEmpty)
            ? records.lines : nil
        // Given up here and taken below, so that the lines added go into the same buffers,
        // not into copies of them.
        if premade != nil { records.lines = (ByteWriter(), ByteWriter()) }
        records.files.merge(now.files) { _, now in now }
        records.folders.merge(now.folders) { _, now in now }
        var made = early
        if var lines = premade.take() {
            lines.files.append(now.lines.files)
            records.folders[""]?.writeLine("d", path: "", into: &lines.folders)
            made[.outputs] = lines.files
            made[.folders] = lines.folders
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
            notices: notices, folders: folders, warnings: warnings, files: counts.files, pages: counts.pages)
        state.made = made
        return state
    }
}

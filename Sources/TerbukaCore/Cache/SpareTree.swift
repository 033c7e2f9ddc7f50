import Foundation

/// The spare tree as it is on disk: every file and folder in it, and the files that are
/// still as the state says (same inode, size and mtime), whose SHA-256 is therefore known,
/// with their permission bits.
/// Anything else in it (left by a build killed while updating it) is written again or
/// removed.
struct SpareTree: Sendable {
    let root: String
    /// One table for both, looked up once for each file a build keeps (10,000 after one
    /// edit).
    let known: [String: (record: BuildState.Output, mode: UInt32)]
    /// In no particular order (read from the records, not sorted: only the sweep asks).
    let files: [String]
    let folders: [String]
    /// Links and special files, removed: the tree is walked without following links, so
    /// that nothing outside it is ever entered, written or removed.
    let others: [String]
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
        var known: [String: (record: BuildState.Output, mode: UInt32)] = [:]
        known.reserveCapacity(walk.files.count)
        for file in walk.files {
            let shared = output[file.path].flatMap {
                $0.stamp.device == file.stamp.device && $0.stamp.inode == file.stamp.inode ? $0 : nil
            }
            if let record = shared ?? recorded[file.path], record.stamp == file.stamp {
                known[file.path] = (record, file.mode)
            }
        }
        self.init(
            root: root, known: known, files: walk.files.map(\.path), folders: walk.folders,
            folderModes: walk.folderModes, others: walk.others, readFromRecords: false, stamps: [:])
    }

    /// The tree at `root` as found, made safe to write into (see above).
    private init(
        root: String, known: [String: (record: BuildState.Output, mode: UInt32)], files: [String],
        folders: [String], folderModes: [UInt32], others: [String], readFromRecords: Bool,
        stamps: [String: FileStamp]
    ) {
        (self.root, self.known, self.files, self.folders, self.others) = (root, known, files, folders, others)
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
        let read = Parallel.map(lines.ranges, from: 1_000) { BuildState.Output.stampAndPath(lines.bytes[$0]) }
        var known: [String: (record: BuildState.Output, mode: UInt32)] = [:]
        var paths: [String] = []
        known.reserveCapacity(read.count)
        paths.reserveCapacity(read.count)
        var unshared: [(path: String, record: BuildState.Output)] = []
        for (range, line) in zip(lines.ranges, read) {
            guard let (path, stamp) = line else { return nil }
            paths.append(path)
            if let out = output[path], out.stamp.device == stamp.device, out.stamp.inode == stamp.inode {
                known[path] = (out, outputModes[path] ?? FileModes.file)
            } else {
                guard let (_, record) = BuildState.Output.read(lines.bytes[range]) else { return nil }
                unshared.append((path, record))
            }
        }
        let looked = Parallel.map(unshared) { tree.entry($0.path, folder: false) }
        for (file, entry) in zip(unshared, looked) {
            if let entry, entry.stamp == file.record.stamp {
                known[file.path] = (file.record, entry.mode)
            }
        }
        self.init(
            root: root, known: known, files: paths, folders: folderPaths, folderModes: folderModes,
            others: [], readFromRecords: true, stamps: folders)
    }
}

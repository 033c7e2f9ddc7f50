import Crypto
import Foundation

/// The write stage: the site is written into a staging folder beside the destination and
/// swapped in only when every file is written, in one atomic step, so that a failed or
/// killed build leaves the previous output exactly as it was.
public struct OutputWriter: Sendable {
    public var destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var words: Bilingual
        public var description: String { words.en }
    }

    /// Why `destination` must not be written for the site at `siteRoot`, or nil. The swap
    /// replaces the folder whole, so it must never be the site, its sources, a folder
    /// above them, or a folder of other things.
    public static func refusal(_ destination: URL, siteRoot: URL) -> Bilingual? {
        let target = destination.resolvingSymlinksInPath().standardizedFileURL.path
        let site = siteRoot.resolvingSymlinksInPath().standardizedFileURL.path
        func inside(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        if target == site { return .outputIsSite }
        if inside(site, target) { return .outputHoldsSite }
        for sources in ["content", "themes"] where inside(target, site + "/" + sources) {
            return .outputInsideSources(sources)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return .outputIsFile }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if children.isEmpty || isPreviousOutput(URL(fileURLWithPath: target)) { return nil }
        return .outputHoldsOtherFiles
    }

    /// A previous output carries the manifest.json every build writes, naming Terbuka.
    static func isPreviousOutput(_ folder: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: folder.appendingPathComponent(Route.manifest)),
            let head = try? handle.read(upToCount: 256)
        else { return false }
        try? handle.close()
        return String(decoding: head, as: UTF8.self).contains("\"generator\": \"Terbuka ")
    }

    private var parent: URL { destination.deletingLastPathComponent() }
    private var stagingPrefix: String { ".\(destination.lastPathComponent).new-" }

    /// A new, empty staging folder beside the destination, named after this process, after
    /// removing those that builds killed before they finished left behind.
    func begin(reusing reuse: OutputReuse? = nil) throws -> StagingFolder {
        removeStaleStaging()
        let staging = parent.appendingPathComponent("\(stagingPrefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteError(words: .cannotCreate(staging.path, FileProblem.describe(error)))
        }
        return StagingFolder(root: staging, reuse: reuse)
    }

    /// Staging folders whose build is no longer running: its process id is in the name.
    func removeStaleStaging() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        let oldPrefix = ".\(destination.lastPathComponent).old-"
        for name in names where name.hasPrefix(stagingPrefix) || name.hasPrefix(oldPrefix) {
            let rest = name.dropFirst(name.hasPrefix(stagingPrefix) ? stagingPrefix.count : oldPrefix.count)
            if let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid != getpid(),
                kill(pid, 0) == 0 || errno == EPERM
            {
                continue
            }
            TreeRemoval.remove(parent.appendingPathComponent(name).path)
        }
    }

    /// The spare tree of an incremental build as the staging folder: it already holds
    /// the output before the one in place, and is brought up to date file by file.
    func beginUpdating(_ spare: SpareTree, reusing reuse: OutputReuse?) -> StagingFolder {
        removeStaleStaging()
        return StagingFolder(root: URL(fileURLWithPath: spare.root, isDirectory: true), reuse: reuse, updating: spare)
    }

    /// Removes a staging folder after a failure; a spare tree stays, for the next build to
    /// bring up to date.
    public func abandon(_ staging: StagingFolder) {
        guard staging.spare == nil else { return }
        TreeRemoval.remove(staging.root.path)
    }

    /// Puts the staging folder in the destination's place: one exchange of the two names
    /// (renameat2 with RENAME_EXCHANGE), so that at every instant `destination` is a whole
    /// site, old or new; then the old one, now under the staging name, is removed, or kept
    /// as the spare tree at `spare` (incremental builds). Returns true when the old output
    /// is now at `spare`.
    @discardableResult
    public func commit(_ staging: StagingFolder, keepingPreviousAt spare: String? = nil) throws -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if !exists {
            guard rename(staging.root.path, destination.path) == 0 else {
                let problem = String(cString: strerror(errno))
                abandon(staging)
                throw WriteError(words: .cannotMoveInto(destination.path, .same(problem)))
            }
            return false
        }
        // A destination that is a link (to a web server's folder, say) is replaced by the
        // new site, as it always was; the folder it pointed to is never kept as the spare
        // tree, which is updated in place.
        var info = stat()
        let isLink = lstat(destination.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        if AtomicSwap.exchange(staging.root.path, destination.path) {
            if let spare, !isLink {
                if staging.root.path == spare { return true }
                TreeRemoval.remove(spare)
                if rename(staging.root.path, spare) == 0 { return true }
            }
            if staging.root.path == spare {
                // The link itself now stands where the spare tree was.
                unlink(staging.root.path)
            } else {
                TreeRemoval.remove(staging.root.path)
            }
            return false
        }
        // No exchange on this system or file system: two renames, with a moment between
        // them when the destination is missing.
        let previous = parent.appendingPathComponent(
            ".\(destination.lastPathComponent).old-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try fm.moveItem(at: destination, to: previous)
        } catch {
            abandon(staging)
            throw WriteError(words: .cannotReplace(destination.path, FileProblem.describe(error)))
        }
        do {
            try fm.moveItem(at: staging.root, to: destination)
        } catch {
            try? fm.moveItem(at: previous, to: destination)
            abandon(staging)
            throw WriteError(words: .cannotMoveInto(destination.path, FileProblem.describe(error)))
        }
        TreeRemoval.remove(previous.path)
        return false
    }
}

/// Exchanging two paths in one system call. Linux has renameat2(RENAME_EXCHANGE) since
/// 3.15, in glibc since 2.28, but Swift's Glibc module does not declare it, so it is
/// looked up by name; macOS has renamex_np(RENAME_SWAP).
enum AtomicSwap {
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            typealias Renameat2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(nil, "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
            let renameExchange: UInt32 = 2
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
            return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
            return false
        #endif
    }
}

/// The folder a build writes into. Files are written as they are rendered, from many
/// tasks at once; each path is written once.
public struct StagingFolder: Sendable {
    public let root: URL
    /// `root`'s path, made once.
    let rootPath: String
    /// Every file written, with its size and SHA-256.
    public let ledger: Ledger
    /// Folders already made, so that 10,000 pages do not ask for theirs 10,000 times.
    private let folders: MadeFolders
    /// What may be taken from the previous output (incremental builds).
    let reuse: OutputReuse?
    /// The spare tree this folder is, when it is one: its files are kept where they already
    /// hold the bytes wanted, and replaced (never written into: the output in place may
    /// share them through hard links) where they do not.
    let spare: SpareTree?

    init(root: URL, reuse: OutputReuse? = nil, updating spare: SpareTree? = nil) {
        self.root = root
        rootPath = root.path
        self.reuse = reuse
        self.spare = spare
        ledger = Ledger(capacity: spare?.files.count ?? 0)
        folders = MadeFolders(
            existing: spare.map {
                $0.root == root.path ? $0.folderLocations : Set($0.folders.map { root.path + "/" + $0 })
            }
                ?? [])
    }

    /// Writes `file`: a file the spare tree already has with these bytes is kept, and one
    /// the output in place has is linked from it.
    /// A file kept is not looked for: its folder is there, and its full path is not made
    /// (10,000 pages kept after one edit, perf).
    public func write(_ file: OutputFile) throws {
        switch file.contents {
        case .bytes(let data):
            let entry = Ledger.Entry(size: data.count, sha256: Digest.sha256(data))
            if try reuses(file.path, entry, at: prepare(file.path)) { return }
            let target = try prepare(file.path)
            try clear(target)
            try Self.write(data, to: target)
            ledger.record(file.path, size: entry.size, sha256: entry.sha256)
        case .copy(let source):
            // Published as it is, with its permissions, as a copy has them.
            if let reuse, let sha256 = reuse.sourceHashes[source.standardizedFileURL.path],
                let old = reuse.record(file.path) ?? spare?.known[file.path]?.record,
                let mode = FileModes.of(source.resolvingSymlinksInPath().path),
                try reuses(
                    file.path, Ledger.Entry(size: old.stamp.size, sha256: sha256), mode: mode, at: prepare(file.path))
            {
                return
            }
            let target = try prepare(file.path)
            try clear(target)
            let url = URL(fileURLWithPath: target, isDirectory: false)
            try FileManager.default.copyItem(at: source.resolvingSymlinksInPath(), to: url)
            let (sha256, size) = try Digest.sha256(fileAt: url)
            ledger.record(file.path, size: size, sha256: sha256)
        case .previous(let entry, let make):
            if try reuses(file.path, entry, at: prepare(file.path)) { return }
            try write(OutputFile(path: file.path, contents: .bytes(make())))
        }
    }

    /// Makes the file at `path` one with `entry`'s bytes and `mode` taken from before: kept
    /// where the spare tree has it, else linked from the output in place, and recorded;
    /// false when neither has it (the caller writes it). Only a file with the permissions
    /// a full build gives it is taken. `target`: where the file goes, asked for only when
    /// it is linked.
    func reuses(
        _ path: String, _ entry: Ledger.Entry, mode: UInt32 = FileModes.file,
        at target: @autoclosure () throws -> String
    ) throws -> Bool {
        guard let reuse else { return false }
        if let (kept, keptMode) = spare?.known[path], kept.sha256 == entry.sha256, keptMode == mode {
            ledger.record(path, size: entry.size, sha256: entry.sha256, kept: kept.stamp)
            return true
        }
        guard reuse.has(path, sha256: entry.sha256), FileModes.of(reuse.root + "/" + path) == mode else {
            return false
        }
        let target = try target()
        try clear(target)
        guard reuse.link(path, to: target) else { return false }
        ledger.record(path, size: entry.size, sha256: entry.sha256)
        return true
    }

    /// Makes room for a new file at `path` in a spare tree: what is there goes.
    private func clear(_ path: String) throws {
        guard spare != nil, unlink(path) != 0, errno != ENOENT else { return }
        if errno == EISDIR || errno == EPERM {
            try FileManager.default.removeItem(atPath: path)
        } else {
            throw Self.failure(path)
        }
    }

    /// Removes from a spare tree what this build did not write: files, and then the
    /// folders left empty (its links and special files went before anything was written).
    /// `keeping`: the paths of files still to be written (while this runs, or after).
    /// Returns the folders it removed something from ("" the tree itself).
    @discardableResult
    func sweep(keeping: Set<String> = []) -> Set<String> {
        guard let spare else { return [] }
        var touched: Set<String> = []
        // Looked up in the ledger, not gathered into a set: 10,000 paths after one edit.
        let leftovers = spare.files.filter { ledger.entry($0) == nil && !keeping.contains($0) }
        // On a file system that ignores case (or Unicode normalisation), a file renamed from
        // `Formulir.pdf` to `formulir.pdf` is the same file as the one written: it stays.
        let spellings =
            leftovers.isEmpty ? [:] : Dictionary(grouping: ledger.all.map(\.path) + keeping, by: Self.folded)
        var removed: [String] = []
        for path in leftovers {
            let full = rootPath + "/" + path
            if let leftover = FileStamp.of(full, followingLinks: false),
                (spellings[Self.folded(path)] ?? []).contains(where: { other in
                    FileStamp.of(rootPath + "/" + other, followingLinks: false).map {
                        $0.device == leftover.device && $0.inode == leftover.inode
                    } == true
                })
            {
                continue
            }
            guard unlink(full) == 0 else { continue }
            touched.insert(path.parentFolder)
            removed.append(path)
        }
        // The folders that can be empty now. In a tree read from its records, every folder
        // held a file when recorded, and nothing but this sweep removes files from it: only
        // those above a file just removed, deepest first (a folder's path sorts after those
        // above it). In a walked tree, every folder with nothing written below it (asking
        // each of a spare tree's 10,000 folders cost 10,000 failed system calls).
        let emptied: [String]
        if spare.readFromRecords {
            var above: Set<String> = []
            for path in removed {
                for folder in Substring(path).foldersAbove {
                    guard above.insert(String(folder)).inserted else { break }
                }
            }
            emptied = above.sorted(by: >)
        } else {
            var holding: Set<Substring> = []
            for path in ledger.all.map(\.path) + keeping {
                for folder in Substring(path).foldersAbove {
                    guard holding.insert(folder).inserted else { break }
                }
            }
            emptied = spare.folders.reversed().filter { !holding.contains(Substring($0)) }
        }
        for folder in emptied where rmdir(rootPath + "/" + folder) == 0 {
            touched.insert(folder.parentFolder)
        }
        return touched
    }

    /// The folders this staging folder's writing may have added something to or removed
    /// something from, besides those of the files it wrote: `swept` (by `sweep`) and each
    /// folder above one it made ("" the staging folder itself: every folder above, as a
    /// file standing where one of them was wanted was replaced by a folder). A file written
    /// (not kept) changes its own folder, which the caller knows from the file.
    func touchedFolders(swept: Set<String>) -> Set<String> {
        var touched = swept
        for made in folders.all where made.hasPrefix(rootPath + "/") {
            for folder in Substring(made.dropFirst(rootPath.count + 1)).foldersAbove {
                touched.insert(String(folder))
            }
            touched.insert("")
        }
        return touched
    }

    private static func folded(_ path: String) -> String {
        path.decomposedStringWithCanonicalMapping.lowercased()
    }

    /// A file written in pieces, for outputs too large to hold in memory at once.
    public func open(_ path: String) throws -> StreamedFile {
        let target = try prepare(path)
        try clear(target)
        guard FileManager.default.createFile(atPath: target, contents: nil) else {
            throw OutputWriter.WriteError(words: .cannotCreate(target, .same("")))
        }
        return StreamedFile(
            handle: try FileHandle(forWritingTo: URL(fileURLWithPath: target, isDirectory: false)), path: path,
            ledger: ledger)
    }

    /// An empty file at `path`, for writers that fill it themselves and then record it.
    func prepareFile(_ path: String) throws -> URL {
        let target = try prepare(path)
        try clear(target)
        guard FileManager.default.createFile(atPath: target, contents: nil) else {
            throw OutputWriter.WriteError(words: .cannotCreate(target, .same("")))
        }
        return URL(fileURLWithPath: target, isDirectory: false)
    }

    /// The full path of the file at `path`, its folder made. Paths joined as text: a URL
    /// per file (URL.appendingPathComponent asks the file system whether each one is a
    /// folder) cost more than writing it, 10,000 times on a large site.
    private func prepare(_ path: String) throws -> String {
        let full = rootPath + "/" + path
        let folder = String(full[..<full.lastSlash!])
        try folders.make(folder) { try Self.makeFolder(folder, under: rootPath) }
        return full
    }

    /// `mkdir -p`, asking the file system once for a folder whose parent exists (most of
    /// them: pages are written after their parents' folders).
    private static func makeFolder(_ path: String, under root: String) throws {
        // As FileManager and Data.write make them: 0o777 and 0o666, less the umask.
        if mkdir(path, 0o777) == 0 { return }
        let problem = errno
        var info = stat()
        if problem == EEXIST, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        guard problem == EEXIST || problem == ENOENT || problem == ENOTDIR else {
            errno = problem
            throw failure(path)
        }
        // A folder whose parent is not made yet; or, in a spare tree, a file or a link where
        // a folder is wanted now, here or above: each one below the staging folder, from the
        // top down, is made a folder (a link is never followed; nothing above is touched).
        guard path.hasPrefix(root + "/") else { throw failure(path) }
        var made = root
        for component in path.dropFirst(root.count + 1).split(separator: "/") {
            made += "/" + component
            if lstat(made, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR { continue }
                guard unlink(made) == 0 else { throw failure(made) }
            }
            guard mkdir(made, 0o777) == 0 || errno == EEXIST else { throw failure(made) }
        }
    }

    /// The bytes into a new file, with plain system calls (Foundation's Data.write looks the
    /// path up several times over).
    private static func write(_ data: Data, to path: String) throws {
        try write(pieces: [data], to: path)
    }

    /// `pieces` one after the other into a new file, without joining them first.
    static func write<Piece: ContiguousBytes>(pieces: [Piece], to path: String) throws {
        #if canImport(Glibc)
            let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        #else
            let descriptor = Darwin.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        #endif
        guard descriptor >= 0 else { throw failure(path) }
        var closed = false
        defer { if !closed { close(descriptor) } }
        for piece in pieces {
            try piece.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw failure(path)
                    }
                    offset += written
                }
            }
        }
        closed = true
        // A full disk on a network file system may only say so here.
        if close(descriptor) != 0 { throw failure(path) }
    }

    private static func failure(_ path: String) -> OutputWriter.WriteError {
        OutputWriter.WriteError(
            words: .cannotCreate(path, FileProblem.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(errno)))))
    }
}

/// The folders of a staging folder made so far, shared by the tasks that write into it.
final class MadeFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Set<String> = []
    /// Folders there before anything was written (those of a spare tree): looked up without
    /// the lock, which 10,000 pages asking from every core contended for (perf).
    private let existing: Set<String>

    init(existing: Set<String> = []) {
        self.existing = existing
    }

    /// Runs `make` for a folder not made yet, holding the lock so that no other task writes
    /// into it before it exists.
    func make(_ path: String, _ make: () throws -> Void) throws {
        if existing.contains(path) { return }
        lock.lock()
        defer { lock.unlock() }
        guard !made.contains(path) else { return }
        try make()
        made.insert(path)
    }

    /// The folders made so far (full paths).
    var all: Set<String> { lock.withLock { made } }
}

/// Appends to one output file, each from a writer's bytes (the writer is the buffer),
/// hashed as they are written.
public final class StreamedFile {
    private let handle: FileHandle
    private let path: String
    private let ledger: Ledger
    private var hasher = SHA256()
    private var size = 0
    /// Bytes a writer gathers before it is appended: one write each.
    private static let flushSize = 1 << 20

    /// A writer with room for a piece and the row that takes it past `flushSize`.
    static func writer() -> ByteWriter {
        ByteWriter(capacity: flushSize + (1 << 16))
    }

    /// `append(_:)` once the writer holds a piece (`flushSize`), else nothing.
    func appendWhenFull(_ writer: inout ByteWriter) throws {
        if writer.count >= Self.flushSize { try append(&writer) }
    }

    init(handle: FileHandle, path: String, ledger: Ledger) {
        self.handle = handle
        self.path = path
        self.ledger = ledger
    }

    /// Writes what `writer` holds, from the writer itself, and empties it, keeping its
    /// capacity.
    public func append(_ writer: inout ByteWriter) throws {
        try writer.withBytes { bytes in
            guard !bytes.isEmpty else { return }
            try handle.write(contentsOf: UnsafeRawBufferPointer(bytes))
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            size += bytes.count
        }
        writer.removeAll()
    }

    /// Finishes the file; returns its size and SHA-256.
    @discardableResult
    public func close() throws -> Ledger.Entry {
        try handle.close()
        let entry = Ledger.Entry(size: size, sha256: Digest.hex(hasher.finalize()))
        ledger.record(path, size: entry.size, sha256: entry.sha256)
        return entry
    }
}

import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#else
    import Darwin
    private let systemRead = Darwin.read
#endif

/// The cache folder of an output folder: `.<output>.cache/` beside it, so that it is
/// never published with the site and never taken by the swap that replaces the output.
/// It holds one file, `state` (BuildState). A missing, damaged or foreign state means a
/// full build; the state is removed before the output is swapped and written again after,
/// so that it never describes an output other than the one in place.
struct BuildCache: Sendable {
    let folder: String
    var statePath: String { folder + "/state" }
    /// The output before the one in place, brought up to date by the next build and
    /// swapped in: no build copies or removes a whole site.
    var spareFolder: String { folder + "/spare" }

    init(output: URL) {
        let output = output.standardizedFileURL
        folder = output.deletingLastPathComponent().path + "/." + output.lastPathComponent + ".cache"
    }

    /// The state, reading only the file's first part: the records of the spare tree and of
    /// the notices are read when a build that writes wants them.
    func read() -> BuildState? {
        readFirstPart().flatMap(decode)
    }

    /// The state file's first part as it is, not checked beyond the length it names; nil
    /// when there is no state file, it does not start as one, or it names a length longer
    /// than itself.
    func readFirstPart() -> [UInt8]? {
        let descriptor = open(statePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func fill(_ bytes: inout [UInt8], from start: Int) -> Bool {
            var done = start
            while done < bytes.count {
                let count = bytes.withUnsafeMutableBytes {
                    systemRead(descriptor, $0.baseAddress! + done, $0.count - done)
                }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
        // Read into the array that is kept: a large site's first part is 5 MB. A length
        // beyond the file's (a damaged state) is not made room for.
        var info = stat()
        var head = [UInt8](repeating: 0, count: BuildState.headLength)
        guard fill(&head, from: 0), let length = BuildState.firstLength(head), fstat(descriptor, &info) == 0,
            length <= Int(info.st_size)
        else { return nil }
        var bytes = head
        bytes.append(contentsOf: repeatElement(0, count: length - head.count))
        return fill(&bytes, from: head.count) ? bytes : nil
    }

    /// The state whose first part is `first`, its second part read from the file when wanted.
    func decode(_ first: [UInt8]) -> BuildState? {
        BuildState.FirstPart(first).flatMap { $0.state(tail: tail(after: $0)) }
    }

    /// The state file's second part, after `first`.
    func tail(after first: BuildState.FirstPart) -> StateTail {
        StateTail(file: statePath, offset: first.bytes.count)
    }

    /// Writes the state whole or not at all: into a temporary file, then renamed.
    func write(_ state: BuildState) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/state.\(getpid()).tmp"
        try StagingFolder.write(pieces: state.pieces(), to: temporary)
        guard rename(temporary, statePath) == 0 else {
            unlink(temporary)
            throw OutputWriter.WriteError(words: .cannotMoveInto(statePath, .same(String(cString: strerror(errno)))))
        }
    }

    /// Holds the cache for this process until it ends or the lock is released: two builds
    /// of one output never update the spare tree at once. nil when the folder cannot be
    /// made (the build is then full).
    func lock() -> CacheLock? {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
        else { return nil }
        let descriptor = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                return nil
            }
        }
        return CacheLock(descriptor: descriptor)
    }

    /// Forgets the previous build.
    func discard() {
        unlink(statePath)
        unmarkSpare()
    }

    /// Present while the spare tree is as the state's lines of its folders record it: made
    /// after the state is written, removed before anything is written into the tree. A build
    /// that fails or is killed after writing there leaves the tree changed, perhaps within
    /// one tick of a coarse clock (a second, on some file systems), where its folders'
    /// stamps could not tell; the next build then walks it.
    var spareMarkPath: String { folder + "/spare-recorded" }

    /// Notes that the spare tree is as `state` records it.
    func markSpareRecorded(by state: BuildState) {
        try? Data(Self.mark(state).utf8).write(to: URL(fileURLWithPath: spareMarkPath, isDirectory: false))
    }

    /// True when the spare tree is as `state` records it (nothing was written into it since).
    func spareIsRecorded(by state: BuildState) -> Bool {
        KernelFile.contents(spareMarkPath) == Self.mark(state)
    }

    func unmarkSpare() {
        unlink(spareMarkPath)
    }

    private static func mark(_ state: BuildState) -> String {
        "\(state.key) \(state.scanned)\n"
    }

    /// Forgets everything, for a full build: the state and the spare tree are removed,
    /// holding the lock, which is returned (nil when there is no cache folder: there is
    /// nothing to forget, and none is made).
    func empty() -> CacheLock? {
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, let lock = lock() else { return nil }
        discard()
        removeSpare()
        return lock
    }

    /// Removes the spare tree, or whatever stands in its place (a link is removed, never
    /// followed).
    func removeSpare() {
        unmarkSpare()
        var info = stat()
        guard lstat(spareFolder, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            TreeRemoval.remove(spareFolder)
        } else {
            unlink(spareFolder)
        }
    }

    /// The part of the key that is not the inputs: this Terbuka and the libraries it runs
    /// with (a rebuilt binary or an upgraded cmark-gfm or libdeflate may write other bytes),
    /// the site and output folders, and the options that change what is written.
    /// The key of a build whose inputs, by path, have these SHA-256s: those of the themes
    /// (every input outside `content/`) go into it.
    /// - `links`: the inputs that are links (or not known not to be), each with the file it
    ///   leads to: whether a content file is refused depends on where its link leads (and on
    ///   where `content/` itself leads, also in the key), which its contents do not say (a
    ///   notice replaced by a link to the same bytes outside `content/` is refused by a full
    ///   build, so it must not be found unchanged).
    static func key(
        options: BuildOptions, inputs: [(path: String, sha256: String)], links: [(path: String, target: String)]
    ) -> String {
        var themes = ""
        for (path, sha256) in inputs where !path.hasPrefix("content/") {
            themes += "\(sha256) \(BuildState.escape(path))\n"
        }
        var linked = ""
        for (path, target) in links {
            linked += "\(BuildState.escape(path))\t\(BuildState.escape(target))\n"
        }
        return key(options: options, themes: Digest.sha256(Data(themes.utf8)), links: Digest.sha256(Data(linked.utf8)))
    }

    static func key(options: BuildOptions, themes: String, links: String) -> String {
        var text = "\(BuildState.header)\nterbuka \(TerbukaVersion.current)\n"
        for (path, stamp) in EngineIdentity.files {
            text += "engine \(stamp.device) \(stamp.inode) \(stamp.size) \(stamp.modified) \(path)\n"
        }
        text += "site \(options.siteRoot.standardizedFileURL.path)\n"
        text += "output \(options.output.standardizedFileURL.path)\n"
        text += "drafts \(options.includeDrafts)\n"
        text += "now \(options.now.map(String.init) ?? "content")\n"
        text += "signing \(options.signingKey?.publicKey.line ?? "none")\n"
        text += "themes \(themes)\n"
        text += "links \(links)\n"
        // Where content/ itself leads: whether a link in it leads out of it depends on it too.
        text += "content \(ContentLoader.contentRoot(of: options.siteRoot).resolvingSymlinksInPath().path)\n"
        return Digest.sha256(Data(text.utf8))
    }
}

/// The files the running program is made of, with their stamps: its executable and the
/// shared libraries whose code decides the bytes it writes (Markdown, deflate, CRC-32,
/// Foundation's text and dates, the Swift runtime), as /proc/self/maps names them on
/// Linux. Libraries loaded later or not at all (the unwinder, say) are not part of it, nor
/// are other mapped files (a file being read), so the identity is the same in every run.
enum EngineIdentity {
    static let libraries = ["libcmark", "libdeflate", "libz.", "libFoundation", "lib_Foundation", "libswiftCore."]

    static let files: [(String, FileStamp)] = {
        var paths: Set<String> = []
        if let maps = KernelFile.contents("/proc/self/maps") {
            for line in maps.split(separator: "\n") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = String(line[slash...])
                let name = path.split(separator: "/").last ?? ""
                if libraries.contains(where: { name.hasPrefix($0) }) { paths.insert(path) }
            }
        }
        if let executable = Bundle.main.executablePath { paths.insert(executable) }
        return paths.sorted().compactMap { path in FileStamp.of(path).map { (path, $0) } }
    }()

}

/// Files read with system calls alone: one the kernel makes as it is read (/proc: its size
/// says 0, so readers that trust the size get part of it), and part of a large one read
/// into the array kept.
enum KernelFile {
    /// The file's bytes from `offset` to its end, read into the array kept (a large site's
    /// state holds 7 MB after its first part); nil when it cannot be read whole.
    static func bytes(_ path: String, from offset: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, offset >= 0, Int(info.st_size) >= offset else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) - offset)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset + done))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }

    /// The whole file, read to its end; nil when it cannot be opened.
    static func contents(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// An exclusive lock on a cache folder, released when the last reference goes.
final class CacheLock: Sendable {
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}

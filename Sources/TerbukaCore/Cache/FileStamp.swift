import Foundation

/// What the file system says about a file without reading it: which file it is (device and
/// inode), its size, when its contents last changed (mtime) and when anything about it
/// last changed (ctime, which no ordinary tool can set back). Two equal stamps taken apart
/// in time mean the file was not written in between, as git's index trusts them; a stamp
/// taken too close to when it was recorded is not trusted (see `BuildState.isRacy`).
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    /// Nanoseconds since the Unix epoch.
    var modified: Int64
    var changed: Int64

    /// The stamp of the file at `path`, or nil when there is no regular file there; with
    /// `followingLinks` false, a link is not one (an output file is never a link).
    static func of(_ path: String, followingLinks: Bool = true) -> FileStamp? {
        var info = stat()
        let found = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard found == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// The stamp of the folder at `path` (not a link to one), or nil.
    static func ofFolder(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return FileStamp(info)
    }

    /// A folder opened once, whose files' stamps are taken relative to it: the kernel walks
    /// the path from there, not from /, for each one. Closed when no longer used.
    final class Folder: @unchecked Sendable {
        private let descriptor: Int32

        /// The folder at `path` (not a link to one), or nil.
        init?(_ path: String) {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if descriptor < 0 { return nil }
        }

        deinit { close(descriptor) }

        /// The stamp of the regular file at `path` below this folder (a link is not one).
        func stamp(of path: String) -> FileStamp? {
            entry(path, folder: false)?.stamp
        }

        /// The stamp of the folder at `path` below this one ("": this one), not a link to one.
        func stamp(ofFolder path: String) -> FileStamp? {
            entry(path, folder: true)?.stamp
        }

        /// The stamp and permission bits of the regular file (`folder` false) or folder at
        /// `path` below this one ("": this one); nil when there is none there (a link to one
        /// is not one).
        func entry(_ path: String, folder: Bool) -> (stamp: FileStamp, mode: UInt32)? {
            path.isEmpty ? entry(cPath: ".", folder: folder) : path.withCString { entry(cPath: $0, folder: folder) }
        }

        /// `entry(_:folder:)` of a path as a state file's line holds it (`BuildState.escape`),
        /// unescaped into temporary room (on the stack when it fits) rather than made a
        /// string; nil for a path holding a zero byte, which names no file.
        func entry(escaped path: ArraySlice<UInt8>, folder: Bool) -> (stamp: FileStamp, mode: UInt32)? {
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: path.count + 1) { room in
                var count = 0
                BuildState.unescape(path) { byte in
                    room[count] = CChar(bitPattern: byte)
                    count += 1
                }
                guard !room[..<count].contains(0) else { return nil }
                room[count] = 0
                return count == 0 ? entry(cPath: ".", folder: folder) : entry(cPath: room.baseAddress!, folder: folder)
            }
        }

        private func entry(cPath path: UnsafePointer<CChar>, folder: Bool) -> (stamp: FileStamp, mode: UInt32)? {
            var info = stat()
            guard fstatat(descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0,
                (info.st_mode & S_IFMT) == (folder ? S_IFDIR : S_IFREG)
            else { return nil }
            return (FileStamp(info), UInt32(info.st_mode) & 0o7777)
        }
    }

    init(device: UInt64, inode: UInt64, size: Int, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        #if canImport(Darwin)
            modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
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

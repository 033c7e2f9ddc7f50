import Foundation

/// Every file a build may read, found without reading them: everything under the site's
/// `content/` and `themes/` and the built-in themes, hidden files included, with their
/// stamps. A build that finds the same files with the same stamps as the previous one has
/// the same inputs.
struct InputScan: Sendable {
    struct File: Sendable {
        /// `content/…` or `themes/…` in the site, `(built-in)/…` in the built-in themes.
        var path: String
        /// The file on disk.
        var location: String
        var stamp: FileStamp
    }

    static let builtInPrefix = "(built-in)/"

    /// Sorted by path.
    var files: [File]

    init(siteRoot: URL, builtInThemes: URL?) {
        var found: [File] = []
        let site = siteRoot.standardizedFileURL.path
        for folder in ["content", "themes"] {
            Self.walk(site + "/" + folder, as: folder + "/", into: &found)
        }
        if let builtIn = builtInThemes?.standardizedFileURL.path {
            Self.walk(builtIn, as: Self.builtInPrefix, into: &found)
        }
        files = found.sorted { $0.path < $1.path }
    }

    private static func walk(_ folder: String, as prefix: String, into found: inout [File]) {
        found += TreeWalk(folder).files.map { File(path: prefix + $0.path, location: $0.location, stamp: $0.stamp) }
    }
}

/// The files and folders under a folder: symbolic links followed (as the loader follows
/// them), each folder entered once even when links make a loop; or, with `followingLinks`
/// false (a spare tree, whose links must be removed, never entered), links and anything
/// that is neither a file nor a folder listed apart as `others`.
struct TreeWalk {
    struct File {
        /// Relative to the folder walked.
        var path: String
        var location: String
        var stamp: FileStamp
        /// Permission bits.
        var mode: UInt32 = 0
    }

    var files: [File] = []
    /// Relative paths of the folders under it, parents before their children.
    var folders: [String] = []
    /// The permission bits of each folder of `folders`, in the same order.
    var folderModes: [UInt32] = []
    /// Relative paths of links, FIFOs, sockets and devices (not following links only).
    var others: [String] = []

    init(_ folder: String, followingLinks: Bool = true) {
        var seen: Set<[UInt64]> = []
        var pending: [(String, String)] = [(folder, "")]
        while let (path, shown) = pending.popLast() {
            var info = stat()
            let found = followingLinks ? stat(path, &info) : lstat(path, &info)
            guard found == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
                let directory = opendir(path)
            else { continue }
            defer { closedir(directory) }
            if !shown.isEmpty {
                folders.append(String(shown.dropLast()))
                folderModes.append(UInt32(info.st_mode) & 0o7777)
            }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                // Relative to the open folder: the path is not looked up again from the root.
                let flags = followingLinks ? 0 : AT_SYMLINK_NOFOLLOW
                guard fstatat(dirfd(directory), name, &info, flags) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append((child, shown + name + "/"))
                case S_IFREG:
                    files.append(
                        File(
                            path: shown + name, location: child, stamp: FileStamp(info),
                            mode: UInt32(info.st_mode) & 0o7777))
                default: if !followingLinks { others.append(shown + name) }
                }
            }
        }
    }
}

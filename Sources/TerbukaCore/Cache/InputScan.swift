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
        /// Its own entry in its folder's listing is a regular file, not a link
        /// (`TreeWalk.File.plain`; a folder on its way may be one).
        var plain: Bool
    }

    static let builtInPrefix = "(built-in)/"

    /// Sorted by path (`NameTwins.precedes`).
    var files: [File]
    /// The files not known to be regular files themselves (links, or where the folder's
    /// listing did not say: on a file system whose listings never say, every file, each
    /// resolved once per build), each with the file it leads to ("" when that cannot be
    /// resolved): in the cache's key (`BuildCache.key`).
    var links: [(path: String, target: String)]

    init(siteRoot: URL, builtInThemes: URL?) {
        var found: [File] = []
        let site = siteRoot.standardizedFileURL.path
        for folder in ["content", "themes"] {
            Self.walk(site + "/" + folder, as: folder + "/", into: &found)
        }
        if let builtIn = builtInThemes?.standardizedFileURL.path {
            Self.walk(builtIn, as: Self.builtInPrefix, into: &found)
        }
        // Paths that spell another's in other bytes next to each other, in one order
        // whatever the listing's (`IncrementalPlan.init`).
        files = found.sorted { NameTwins.precedes($0.path, $1.path) }
        links = files.filter { !$0.plain }.map { file in
            guard let real = realpath(file.location, nil) else { return (file.path, "") }
            defer { free(real) }
            return (file.path, String(cString: real))
        }
    }

    private static func walk(_ folder: String, as prefix: String, into found: inout [File]) {
        found += TreeWalk(folder).files.map {
            File(path: prefix + $0.path, location: $0.location, stamp: $0.stamp, plain: $0.plain)
        }
    }
}

/// The files and folders under a folder: symbolic links followed (as the loader follows
/// them), each folder entered once even when links make a loop; or, with `followingLinks`
/// false (a spare tree, whose links must be removed, never entered), links and anything
/// that is neither a file nor a folder listed apart as `others`.
struct TreeWalk {
    struct File: Sendable {
        /// Relative to the folder walked.
        var path: String
        var location: String
        var stamp: FileStamp
        /// Permission bits.
        var mode: UInt32 = 0
        /// The folder's listing said a regular file, not a link (`d_type`); false when it
        /// said a link, or did not say.
        var plain = false
    }

    var files: [File] = []
    /// Relative paths of the folders under it, parents before their children.
    var folders: [String] = []
    /// The permission bits of each folder of `folders`, in the same order.
    var folderModes: [UInt32] = []
    /// Relative paths of links, FIFOs, sockets and devices (not following links only).
    var others: [String] = []

    /// Walks the tree a level at a time, the folders of each level listed on every core,
    /// and put together in order (so the result does not depend on the scheduling): a site
    /// of 10,000 notices has 10,000 folders in one.
    init(_ folder: String, followingLinks: Bool = true) {
        var info = stat()
        let found = followingLinks ? stat(folder, &info) : lstat(folder, &info)
        guard found == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        struct Identity: Hashable {
            var device: UInt64
            var inode: UInt64
        }
        var seen: Set<Identity> = [Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))]
        var level: [(path: String, shown: String)] = [(folder, "")]
        while !level.isEmpty {
            let listings = Parallel.map(level) { Listing($0.path, shown: $0.shown, followingLinks: followingLinks) }
            var next: [(path: String, shown: String)] = []
            for listing in listings {
                files += listing.files
                others += listing.others
                for sub in listing.folders
                where seen.insert(Identity(device: sub.stamp.device, inode: sub.stamp.inode)).inserted {
                    folders.append(sub.path)
                    folderModes.append(sub.mode)
                    next.append((sub.location, sub.path + "/"))
                }
            }
            level = next
        }
    }

    /// The entries of one folder.
    private struct Listing: Sendable {
        var files: [File] = []
        var folders: [File] = []
        var others: [String] = []

        init(_ path: String, shown: String, followingLinks: Bool) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            var names: [String] = []
            var plain: [Bool] = []
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                names.append(name)
                plain.append(entry.pointee.d_type == UInt8(DT_REG))
            }
            // Relative to the open folder: the path is not looked up again from the root. A
            // large folder's entries (10,000 notices in one) are asked for on every core, from
            // within the level's own parallel listing (the folder is often alone on its level).
            let descriptor = dirfd(directory)
            let flags = followingLinks ? 0 : AT_SYMLINK_NOFOLLOW
            func look(_ name: String) -> stat? {
                var info = stat()
                return fstatat(descriptor, name, &info, flags) == 0 ? info : nil
            }
            let found = Parallel.map(names, from: 1_000, look)
            for (offset, (name, info)) in zip(names, found).enumerated() {
                guard let info else { continue }
                let file = File(
                    path: shown + name, location: path + "/" + name, stamp: FileStamp(info),
                    mode: UInt32(info.st_mode) & 0o7777, plain: plain[offset] && (info.st_mode & S_IFMT) == S_IFREG)
                switch info.st_mode & S_IFMT {
                case S_IFDIR: folders.append(file)
                case S_IFREG: files.append(file)
                default: if !followingLinks { others.append(shown + name) }
                }
            }
        }
    }
}

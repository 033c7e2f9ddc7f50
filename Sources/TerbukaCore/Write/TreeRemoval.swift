import Foundation

/// Removes a folder and everything below it, its files on every core: the previous output
/// of a million-row site (3,700 files, 550 MB on tmpfs) took 0.13 s on one core, the last
/// thing a build did before it ended (perf, issue 16). Links are removed, never followed.
/// Whatever this leaves (a file that came meanwhile, a folder it may not empty) is left to
/// FileManager, as before.
enum TreeRemoval {
    static func remove(_ path: String) {
        let tree = TreeWalk(path, followingLinks: false)
        let base = path + "/"
        let names = tree.files.map(\.location) + tree.others.map { base + $0 }
        _ = Parallel.map(names, from: 64) { unlink($0) }
        for folder in tree.folders.reversed() { rmdir(base + folder) }
        var info = stat()
        if rmdir(path) != 0, lstat(path, &info) == 0 { try? FileManager.default.removeItem(atPath: path) }
    }
}

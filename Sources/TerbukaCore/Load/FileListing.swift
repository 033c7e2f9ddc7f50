import Foundation

/// Lists the files under a folder (theme layers, `terbuka verify`).
enum FileListing {
    /// Regular files under `folder`, relative to it, sorted; hidden files are skipped
    /// unless `includingHidden`.
    static func files(under folder: URL, includingHidden: Bool = false) -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                options: includingHidden ? [] : [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.path + "/"
        var result: [String] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(base) { result.append(String(path.dropFirst(base.count))) }
        }
        return result.sorted()
    }
}

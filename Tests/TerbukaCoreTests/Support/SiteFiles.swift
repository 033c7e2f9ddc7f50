import Foundation

/// Reads a built site back: every file with its bytes, and every relative link in its HTML.
enum SiteFiles {
    /// Relative paths of every regular file under `folder`, sorted.
    static func list(_ folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                paths.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
            }
        }
        return paths.sorted()
    }

    /// Every file's bytes, by relative path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in list(folder) {
            result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return result
    }

    /// `href` and `src` values in an HTML text (the generator quotes every attribute).
    static func links(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                result.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return result
    }

    /// Links of `page` (relative to the site) that are relative and do not lead to a file
    /// of the site, with the reason.
    static func brokenLinks(in folder: URL) throws -> [String] {
        var broken: [String] = []
        for page in list(folder) where page.hasSuffix(".html") {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            let pageFolder = folder.appendingPathComponent(page).deletingLastPathComponent()
            for link in links(in: html) {
                if link.hasPrefix("#") || link.hasPrefix("mailto:") || link.hasPrefix("https://")
                    || link.hasPrefix("http://")
                {
                    continue
                }
                let path = String(
                    link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                let decoded = path.removingPercentEncoding ?? path
                if decoded.hasPrefix("/") || decoded.contains(":") {
                    broken.append("\(page): '\(link)' is not relative")
                    continue
                }
                if decoded.hasSuffix("/") || decoded.isEmpty {
                    broken.append("\(page): '\(link)' does not name a file")
                    continue
                }
                let target = pageFolder.appendingPathComponent(decoded).standardizedFileURL
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
                    || isDirectory.boolValue
                {
                    broken.append("\(page): '\(link)' leads to no file")
                } else if !target.path.hasPrefix(folder.standardizedFileURL.path + "/") {
                    broken.append("\(page): '\(link)' leads outside the site")
                }
            }
        }
        return broken
    }
}

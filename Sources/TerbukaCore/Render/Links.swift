import Foundation

/// Relative links between pages, so the site works from disk (file://) and from any
/// server path. Every link to a folder names its `index.html`.
public enum Links {
    /// The prefix that leads from the page at `path` back to the output root: "" for
    /// `index.html`, "../../" for `lowongan/x/index.html`.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// A link from a page with root prefix `root` to the output file `path`, each path
    /// segment percent-encoded.
    public static func href(to path: String, root: String) -> String {
        // Most paths are slugs and folders: nothing to encode.
        if path.utf8.allSatisfy(isPlain) { return root + path }
        return root
            + path.split(separator: "/", omittingEmptySubsequences: false).map {
                $0.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? String($0)
            }.joined(separator: "/")
    }

    /// ASCII letters and digits, `-._~` and the separator `/`.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default: false
        }
    }

    private static let segmentCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    /// Rewrites a URL written in Markdown: `/files/x.pdf` (from the site root) becomes
    /// relative, and a link to a folder (`../pengumuman/`) gains `index.html`. Links to
    /// other hosts, mail and fragments are left as written.
    public static func rewriteContentURL(_ url: String, root: String) -> String {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") { return url }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return url }
        var path = url
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(path[mark...])
            path = String(path[..<mark])
        }
        if path.hasPrefix("/") { path = root + path.dropFirst() }
        if path.hasSuffix("/") { path += "index.html" }
        return path + suffix
    }
}

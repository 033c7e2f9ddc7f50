import Foundation

/// Names that are the same text in other bytes: an accented letter written as one
/// character ("é", U+00E9, Unicode NFC, as most programs write it) in one and as a letter
/// and an accent ("e" and U+0301, NFD, as macOS programs often write file names) in the
/// other. Linux keeps both as two files, but Swift's strings compare by canonical
/// equivalence: every table keyed by path (the ledger behind SHA256SUMS, the cache's
/// inputs, the theme's layers) took the two for one file, so one of them was published
/// unlisted and an edit of it could go unseen. A Mac, whose file systems take the two for
/// one name, keeps only one of them when the site is unpacked there.
enum NameTwins {
    /// The order of names and paths used to find them: Swift's (in which such names are
    /// equal, so they come next to each other), then their bytes, so that which spelling
    /// comes first does not depend on a folder's listing order.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a < b || (a == b && a.utf8.lexicographicallyPrecedes(b.utf8))
    }

    static func sorted(_ names: [String]) -> [String] {
        names.sorted(by: precedes)
    }

    /// The names of `sorted` (in `precedes` order) that spell an earlier one in other
    /// bytes, each with the first spelling of it.
    static func of(_ sorted: [String]) -> [(name: String, first: String)] {
        var twins: [(name: String, first: String)] = []
        var first: String?
        for name in sorted {
            if let first, name == first, !name.utf8.elementsEqual(first.utf8) {
                twins.append((name, first))
            } else {
                first = name
            }
        }
        return twins
    }

    /// Relative paths ("/" between names) that spell an earlier one in other bytes, name by
    /// name at any depth: each the shortest such path, a file's or a folder's ("café/a.css"
    /// and "cafe\u{301}/b.css" give the folder, not the files below it).
    static func inPaths(_ paths: [String]) -> [String] {
        var seen = Set<[UInt8]>()
        var spellings: [String] = []
        for path in paths {
            for prefix in [Substring(path)] + Array(Substring(path).foldersAbove)
            where seen.insert(Array(prefix.utf8)).inserted {
                spellings.append(String(prefix))
            }
        }
        let twins = of(sorted(spellings)).map(\.name)
        return twins.filter { twin in !twins.contains { isBelow(twin, $0) } }
    }

    /// `paths` (names in one folder, or relative paths), in their order, but those that
    /// spell an earlier one in other bytes or lie below a folder that does (`inPaths`):
    /// each such shortest path is reported as `shown` + path, and left out.
    static func leavingOut(_ paths: [String], shownIn shown: String, into diagnostics: inout Diagnostics) -> [String] {
        let twins = inPaths(paths)
        guard !twins.isEmpty else { return paths }
        for twin in twins {
            diagnostics.error(.nameTwin(shown + twin, Spelling(of: twin)), at: SourceLocation(path: shown + twin))
        }
        return paths.filter { path in !twins.contains { path.utf8.elementsEqual($0.utf8) || isBelow(path, $0) } }
    }

    /// True when `path` is below `folder`, in bytes.
    static func isBelow(_ path: String, _ folder: String) -> Bool {
        path.utf8.count > folder.utf8.count && path.utf8.starts(with: folder.utf8)
            && path.utf8.dropFirst(folder.utf8.count).first == UInt8(ascii: "/")
    }

    /// How a name writes its accented letters, for the message that leaves it out.
    enum Spelling {
        /// As one character each (Unicode NFC).
        case composed
        /// As a letter and an accent (NFD).
        case decomposed
        /// Some one way, some the other.
        case mixed

        init(of name: String) {
            if name.utf8.elementsEqual(name.precomposedStringWithCanonicalMapping.utf8) {
                self = .composed
            } else if name.utf8.elementsEqual(name.decomposedStringWithCanonicalMapping.utf8) {
                self = .decomposed
            } else {
                self = .mixed
            }
        }
    }
}

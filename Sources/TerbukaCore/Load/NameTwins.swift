import Foundation

/// Names that are the same text in other bytes: an accented letter written whole ("é",
/// U+00E9, Unicode NFC, as most Windows and Linux programs write it) in one and as a letter
/// and an accent ("e" and U+0301, NFD, as macOS writes file names) in the other. Linux keeps
/// both as two files, but Swift's strings compare by their canonical equivalence: every
/// table keyed by path (the ledger behind SHA256SUMS, the cache's inputs, the theme's
/// layers) took them for one file, so one of the two was published unlisted and an edit of
/// it went unseen. A reader's computer keeps only one of them as well (macOS, and
/// Windows when the archive is unpacked).
enum NameTwins {
    /// `names` in order, each spelling once: the order is Swift's (such names are equal in
    /// it), then their bytes, so that which one is kept does not depend on the folder's
    /// listing order.
    static func sorted(_ names: [String]) -> [String] {
        names.sorted { $0 < $1 || ($0 == $1 && $0.utf8.lexicographicallyPrecedes($1.utf8)) }
    }

    /// The names of `sorted` (in `sorted(_:)`'s order) that spell an earlier one in other
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
}

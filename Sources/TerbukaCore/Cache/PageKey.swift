import Foundation

/// A page made from one input (a notice's own page), or from a few (a page of the list of
/// notices), has a key: the SHA-256 of those inputs and of everything else the page can
/// show, known before its view is made. A page whose
/// key is the one it had is taken from the previous output without making its view, which
/// for 10,000 notices is most of an incremental build's work (issue 16).
///
/// What such a page shows is its own file, and of the rest of the site only what comes
/// from inputs other than the notices (site.yml, vacancies, standing pages, attachments),
/// from the build time, and from the theme and options (the cache's key). The outline is
/// the SHA-256 of all of those but the notices themselves, so a notice added, edited or
/// removed changes the key of its own page only. Debug builds (the tests) make the view
/// of every page whose key matched and check that its fingerprint is the one it had: a
/// page that comes to show something else is caught there.
enum PageKey {
    /// The build time and every input with its SHA-256, but the notices' own files.
    /// `inputs`: in the order of their paths (the scan's).
    static func outline(of index: SiteIndex, inputs: [(key: String, value: BuildState.Input)]) -> String {
        var notices = Set<String>(minimumCapacity: index.announcements.count)
        for notice in index.announcements { notices.insert(notice.sourcePath) }
        var text = ByteWriter()
        text.raw("now \(index.now)\n")
        for (path, input) in inputs where !notices.contains(path) {
            text.raw(input.sha256)
            text.raw(" ")
            text.raw(BuildState.escape(path))
            text.raw("\n")
        }
        return Digest.sha256(text.takeData())
    }

    /// What a page with a key is made from.
    enum Made: Sendable {
        case announcement(Announcement)
        case announcementList(page: Int)
    }

    /// The key of the page at `path` (its full path, language folder included).
    static func key(_ made: Made, path: String, index: SiteIndex, lists: ListPages, reuse: OutputReuse) -> String? {
        switch made {
        case .announcement(let notice): announcement(notice, path: path, reuse: reuse)
        case .announcementList(let number):
            announcementList(page: number, path: path, index: index, lists: lists, reuse: reuse)
        }
    }

    /// The key of page `number` of the list of notices at `path`: what it shows of the rest
    /// of the site is the outline's, and of the notices only those on it (in order, and
    /// how many are current) and how many pages there are. nil when a file's SHA-256 is not
    /// known.
    static func announcementList(page number: Int, path: String, index: SiteIndex, lists: ListPages, reuse: OutputReuse)
        -> String?
    {
        guard var fingerprint = start("announcement-list", path: path, reuse: reuse) else { return nil }
        let current = index.currentAnnouncements
        let archived = index.archivedAnnouncements
        fingerprint.addInteger(number)
        fingerprint.addInteger(lists.announcements.count)
        fingerprint.addInteger(current.count)
        for position in lists.announcements[number] {
            let announcement =
                position < current.count ? current[position] : archived[position - current.count]
            guard let source = source(of: announcement, reuse: reuse) else { return nil }
            fingerprint.add(announcement.slug)
            fingerprint.add(source)
        }
        return fingerprint.digest
    }

    /// The key of a notice's page at `path`: nil when its file's SHA-256 is not known.
    static func announcement(_ announcement: Announcement, path: String, reuse: OutputReuse) -> String? {
        guard var fingerprint = start("announcement", path: path, reuse: reuse),
            let source = source(of: announcement, reuse: reuse)
        else { return nil }
        fingerprint.add(source)
        return fingerprint.digest
    }

    /// A key's first fields: the kind of page, its path and the outline; nil before the
    /// outline is known.
    private static func start(_ kind: String, path: String, reuse: OutputReuse) -> Fingerprint? {
        guard !reuse.outline.isEmpty else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(kind)
        fingerprint.add(path)
        fingerprint.add(reuse.outline)
        return fingerprint
    }

    /// The SHA-256 of a notice's file, when known.
    private static func source(of announcement: Announcement, reuse: OutputReuse) -> String? {
        reuse.inputs[announcement.sourcePath].flatMap { $0.sha256.isEmpty ? nil : $0.sha256 }
    }
}

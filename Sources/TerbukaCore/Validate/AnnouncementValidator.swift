/// `announcements/<slug>.md` into an Announcement.
enum AnnouncementValidator {
    static let keys = ["title", "date", "vacancy", "category", "number", "attachments", "pinned", "expires", "draft"]

    static func validate(
        _ file: SourceFile, zone: SiteTimeZone, vacancyIDs: [String], attachments: AttachmentIndex,
        into diagnostics: inout Diagnostics
    ) -> Announcement? {
        guard let (map, body) = MarkdownDocumentReader.read(file, into: &diagnostics) else { return nil }
        map.checkKeys(known: keys, required: ["title", "date"], in: .announcement, into: &diagnostics)
        let title = map.text("title", into: &diagnostics)
        let date = map.date("date", zone: zone, into: &diagnostics)
        var vacancyID: String?
        if let written = map.text("vacancy", into: &diagnostics) {
            if vacancyIDs.contains(written.value) {
                vacancyID = written.value
            } else {
                diagnostics.error(.unknownVacancy(written.value, known: vacancyIDs), at: written.location)
            }
        }
        var category = AnnouncementCategory.pengumuman
        if let written = map.text("category", into: &diagnostics) {
            if let parsed = AnnouncementCategory(rawValue: written.value) {
                category = parsed
            } else {
                let names = AnnouncementCategory.allCases.map(\.rawValue)
                diagnostics.error(.unknownCategory(written.value, known: names), at: written.location)
            }
        }
        var resolved: [Attachment] = []
        for item in map.list("attachments", into: &diagnostics) ?? [] {
            if let path = item.text(key: "attachments", into: &diagnostics),
                let attachment = attachments.resolve(path, into: &diagnostics)
            {
                resolved.append(attachment)
            }
        }
        let expires = map.date("expires", zone: zone, into: &diagnostics)
        if let expires, let date, expires.value.endInstant <= date.value.instant {
            diagnostics.warning(.expiresBeforeDate, at: expires.location)
        }
        let pinned = map.bool("pinned", into: &diagnostics) ?? false
        let draft = map.bool("draft", into: &diagnostics) ?? false
        let number = map.text("number", into: &diagnostics)
        guard let title, let date else { return nil }
        return Announcement(
            slug: stem(of: file.path), title: title.value, date: date.value, vacancyID: vacancyID,
            category: category, number: number?.value, attachments: resolved, pinned: pinned,
            expires: expires?.value, draft: draft, body: body, sourcePath: file.path)
    }

    /// The file's name without ".md": its last non-empty part, found in its bytes (split
    /// into parts by character, it was most of taking 10,000 notices from the previous
    /// build, perf); the path itself when it has none.
    static func stem(of path: String) -> String {
        var end = path.endIndex
        while end > path.startIndex, path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") {
            end = path.utf8.index(before: end)
        }
        let folder = path[..<end]
        guard !folder.isEmpty else { return path }
        let name = folder.lastSlash.map { folder[folder.utf8.index(after: $0)...] } ?? folder
        return String(name.hasSuffix(".md") ? name.dropLast(3) : name)
    }
}

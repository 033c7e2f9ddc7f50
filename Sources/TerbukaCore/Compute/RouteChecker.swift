/// Output paths are part of the contract (CONTENT-FORMAT.md, "Output"). This checks that no
/// two sources write the same path and that standing pages keep out of the folders the
/// generator owns.
public enum RouteChecker {
    /// Top-level folders the generator writes, with what it writes there.
    static let reserved: [String: String] = [
        "lowongan": "the vacancy pages",
        "pengumuman": "the announcement pages",
        "jadwal": "the schedule page",
        "cari": "the search page",
        "data": "the open data downloads",
        "files": "the attachments",
        "assets": "the theme's style sheets and scripts",
        "en": "the English interface",
        "id": "the Indonesian interface (when it is not the primary one)",
    ]

    public static func check(_ index: SiteIndex, into diagnostics: inout Diagnostics) {
        var owners: [String: String] = [:]
        func claim(_ path: String, by owner: String, at location: SourceLocation?) {
            if let first = owners[path] {
                diagnostics.error(
                    "\(owner) would write '\(path)', which \(first) already writes",
                    at: location ?? SourceLocation(path: path),
                    hint: "rename one of them")
            } else {
                owners[path] = owner
            }
        }
        claim(Route.home, by: "the home page", at: nil)
        claim(Route.vacancyList, by: "the vacancy list", at: nil)
        claim(Route.announcementList, by: "the announcement list", at: nil)
        claim(Route.notFound, by: "the 404 page", at: nil)
        claim(Route.schedule, by: "the schedule page", at: nil)
        claim(Route.calendar, by: "the calendar", at: nil)
        claim(Route.search, by: "the search page", at: nil)
        if index.content.config.signing != nil { claim(Route.authenticity, by: "the page 'Periksa keaslian'", at: nil) }
        for vacancy in index.vacancies {
            claim(Route.vacancy(vacancy.id), by: vacancy.sourcePath, at: SourceLocation(path: vacancy.sourcePath))
        }
        for announcement in index.announcements {
            claim(
                Route.announcement(announcement.slug), by: announcement.sourcePath,
                at: SourceLocation(path: announcement.sourcePath))
        }
        for page in index.pages {
            let location = SourceLocation(path: page.sourcePath)
            if let use = reserved[page.slug] {
                diagnostics.error(
                    "page '\(page.slug)' would write '\(Route.page(page.slug))', but '\(page.slug)/' holds \(use)",
                    at: location, hint: "rename the file, e.g. to 'tentang-\(page.slug).md'")
                continue
            }
            claim(Route.page(page.slug), by: page.sourcePath, at: location)
        }
    }
}

/// Output paths are part of the contract (CONTENT-FORMAT.md, "Output"). This checks that no
/// two sources write the same path and that standing pages keep out of the folders the
/// generator owns.
public enum RouteChecker {
    /// Top-level folders the generator writes, with what it writes there (named in
    /// Catalogue/SiteMessages.swift).
    static var reserved: [String: Bilingual] { Bilingual.reservedFolders }

    public static func check(_ index: SiteIndex, into diagnostics: inout Diagnostics) {
        var owners: [String: Bilingual] = [:]
        // Room for every page at once: grown one by one, 10,000 notices' paths were hashed
        // again at each growth (perf, a build after one edit).
        owners.reserveCapacity(
            Bilingual.generatedPages.count + 1 + index.vacancies.count + index.announcements.count + index.pages.count)
        func claim(_ path: String, by owner: Bilingual, at location: SourceLocation?) {
            if let first = owners[path] {
                diagnostics.error(.pathTaken(path, by: owner, first: first), at: location ?? SourceLocation(path: path))
            } else {
                owners[path] = owner
            }
        }
        for (path, owner) in Bilingual.generatedPages { claim(path, by: owner, at: nil) }
        if index.content.config.signing != nil { claim(Route.authenticity, by: .authenticityPage, at: nil) }
        for vacancy in index.vacancies {
            claim(
                Route.vacancy(vacancy.id), by: .same(vacancy.sourcePath), at: SourceLocation(path: vacancy.sourcePath))
        }
        for announcement in index.announcements {
            claim(
                Route.announcement(announcement.slug), by: .same(announcement.sourcePath),
                at: SourceLocation(path: announcement.sourcePath))
        }
        for page in index.pages {
            let location = SourceLocation(path: page.sourcePath)
            if let use = reserved[page.slug] {
                diagnostics.error(
                    .pageInReservedFolder(page.slug, path: Route.page(page.slug), holds: use), at: location)
                continue
            }
            claim(Route.page(page.slug), by: .same(page.sourcePath), at: location)
        }
    }
}

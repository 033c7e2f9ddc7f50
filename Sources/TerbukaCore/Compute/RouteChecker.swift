/// Output paths are part of the contract (CONTENT-FORMAT.md, "Output"). This checks that no
/// two sources write the same path and that standing pages keep out of the folders the
/// generator owns.
public enum RouteChecker {
    /// Top-level folders the generator writes, with what it writes there.
    static let reserved: [String: Bilingual] = [
        "lowongan": Bilingual(id: "halaman lowongan", en: "the vacancy pages"),
        "pengumuman": Bilingual(id: "halaman pengumuman", en: "the announcement pages"),
        "jadwal": Bilingual(id: "halaman jadwal", en: "the schedule page"),
        "cari": Bilingual(id: "halaman pencarian", en: "the search page"),
        "data": Bilingual(id: "unduhan data terbuka", en: "the open data downloads"),
        "files": Bilingual(id: "lampiran", en: "the attachments"),
        "assets": Bilingual(id: "style sheet dan skrip tema", en: "the theme's style sheets and scripts"),
        "en": Bilingual(id: "antarmuka bahasa Inggris", en: "the English interface"),
        "id": Bilingual(
            id: "antarmuka bahasa Indonesia (bila bukan bahasa utama)",
            en: "the Indonesian interface (when it is not the primary one)"),
    ]

    public static func check(_ index: SiteIndex, into diagnostics: inout Diagnostics) {
        var owners: [String: Bilingual] = [:]
        func claim(_ path: String, by owner: Bilingual, at location: SourceLocation?) {
            if let first = owners[path] {
                diagnostics.error(.pathTaken(path, by: owner, first: first), at: location ?? SourceLocation(path: path))
            } else {
                owners[path] = owner
            }
        }
        claim(Route.home, by: Bilingual(id: "halaman depan", en: "the home page"), at: nil)
        claim(Route.vacancyList, by: Bilingual(id: "daftar lowongan", en: "the vacancy list"), at: nil)
        claim(Route.announcementList, by: Bilingual(id: "daftar pengumuman", en: "the announcement list"), at: nil)
        claim(Route.notFound, by: Bilingual(id: "halaman 404", en: "the 404 page"), at: nil)
        claim(Route.schedule, by: Bilingual(id: "halaman jadwal", en: "the schedule page"), at: nil)
        claim(Route.calendar, by: Bilingual(id: "kalender", en: "the calendar"), at: nil)
        claim(Route.search, by: Bilingual(id: "halaman pencarian", en: "the search page"), at: nil)
        if index.content.config.signing != nil {
            claim(
                Route.authenticity,
                by: Bilingual(id: "halaman 'Periksa keaslian'", en: "the page 'Periksa keaslian'"), at: nil)
        }
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

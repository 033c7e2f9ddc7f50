import Foundation

/// Site-wide search that works from disk: the index is a plain script
/// (`data/search.js`) that the search page loads with a `<script>` tag when a search is
/// made. Without JavaScript the page lists the vacancies, announcements and pages.
struct SearchPageView: Sendable {
    var dataHref: String
    var scriptHref: String
    var prefix: String
    var entries: [SearchEntryView]
}

struct SearchEntryView: Sendable {
    var title: String
    var kindLabel: String
    var href: String
}

extension SiteRenderer {
    func searchView(root: String) -> SearchPageView {
        var entries = index.vacancies.map {
            SearchEntryView(
                title: $0.title, kindLabel: label("recruitment", $0.kind.rawValue),
                href: pageHref(Route.vacancy($0.id), root: root))
        }
        entries += index.announcements.map {
            SearchEntryView(
                title: $0.title, kindLabel: label("category", $0.category.rawValue),
                href: pageHref(Route.announcement($0.slug), root: root))
        }
        entries += index.pages.map {
            SearchEntryView(
                title: $0.title, kindLabel: text(.searchKindPage), href: pageHref(Route.page($0.slug), root: root))
        }
        return SearchPageView(
            dataHref: Links.href(to: Route.searchData, root: root),
            scriptHref: Links.href(to: Route.searchScript, root: root),
            prefix: prefix, entries: entries)
    }

    /// `TerbukaSearch.index([[title, kind, path, text], …])`: paths from the site's root,
    /// without a language prefix; the page adds its own.
    func searchData() -> OutputFile {
        var out = ByteWriter()
        out.raw("TerbukaSearch.index([")
        var first = true
        func entry(_ title: String, _ kind: String, _ path: String, _ text: String) {
            out.raw(first ? "\n[" : ",\n[")
            first = false
            out.json(title)
            out.raw(",")
            out.json(kind)
            out.raw(",")
            out.json(Links.href(to: path, root: ""))
            out.raw(",")
            out.json(text)
            out.raw("]")
        }
        for vacancy in index.vacancies {
            entry(
                vacancy.title, label("recruitment", vacancy.kind.rawValue), Route.vacancy(vacancy.id),
                [vacancy.number, vacancy.summary].compactMap { $0 }.joined(separator: " "))
            for formation in vacancy.formations {
                entry(
                    "\(formation.position) — \(formation.code)", text(.searchKindFormation), Route.vacancy(vacancy.id),
                    [formation.unit, formation.education ?? "", label("kind", formation.kind), vacancy.title].joined(
                        separator: " "))
            }
        }
        for announcement in index.announcements {
            entry(
                announcement.title, label("category", announcement.category.rawValue),
                Route.announcement(announcement.slug),
                announcement.number ?? "")
        }
        for page in index.pages {
            entry(page.title, text(.searchKindPage), Route.page(page.slug), "")
        }
        out.raw("\n]);\n")
        return OutputFile(path: Route.searchData, contents: .bytes(Data(out.bytes)))
    }
}

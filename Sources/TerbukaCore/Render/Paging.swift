/// Lists split into pages that stay within the page budget (60 KB with the style sheet and
/// scripts a page loads), however many items a site has: the announcements, the vacancies,
/// the schedule, and a vacancy's formations, related announcements and unfilled formations.
/// Page 1 keeps the list's own address; page n is
/// `<folder>/<n>/index.html`, which no slug can take (slugs start with a letter).
enum Paging {
    /// Estimated bytes of the items on one page: with the page's chrome (about 4 KB), the
    /// style sheet (7 KB) and its scripts, the page stays well under 60 KB.
    static let itemBudget = 32_000
    /// At most this many items on a page, so that a page is quick to scan as well.
    static let maximumItems = 50
    /// Page links shown either side of the current page; the first and last are always shown.
    static let linkWindow = 2

    /// Consecutive ranges of `sizes`, each within `budget` estimated bytes and `maximumItems`
    /// items, with at least one item each (an item over the budget alone is a page of its
    /// own). The first page may have less room (`firstBudget`), for what it carries besides
    /// the list. An empty list is one empty page.
    static func split(
        sizes: [Int], budget: Int = itemBudget, firstBudget: Int? = nil, maximumItems: Int = maximumItems
    ) -> [Range<Int>] {
        var pages: [Range<Int>] = []
        var start = 0
        var size = 0
        for (index, item) in sizes.enumerated() {
            let room = pages.isEmpty ? (firstBudget ?? budget) : budget
            if index > start, size + item > room || index - start >= maximumItems {
                pages.append(start..<index)
                start = index
                size = 0
            }
            size += item
        }
        pages.append(start..<sizes.count)
        return pages
    }

    /// Estimated bytes of a list item: its texts as written (escaping adds a little) and its
    /// markup.
    static func estimate(_ texts: String?..., markup: Int) -> Int {
        texts.reduce(markup) { $0 + ($1.map { $0.utf8.count + $0.utf8.count / 8 } ?? 0) }
    }
}

/// The links between the pages of a list: previous, next, the first, the last and a few
/// around the current one, with gaps between.
struct PagerView: Sendable {
    var label: String
    var previousHref: String?
    var nextHref: String?
    var links: [PagerLinkView]

    /// `href(n)` links to page n (0-based); nil when the list has one page.
    static func make(page: Int, count: Int, label: String, href: (Int) -> String) -> PagerView? {
        guard count > 1 else { return nil }
        var shown: [Int] = []
        for number in 0..<count
        where number == 0 || number == count - 1 || abs(number - page) <= Paging.linkWindow {
            shown.append(number)
        }
        var links: [PagerLinkView] = []
        for (offset, number) in shown.enumerated() {
            if offset > 0, number - shown[offset - 1] > 1 {
                links.append(PagerLinkView(label: "…", href: nil, current: false))
            }
            links.append(
                PagerLinkView(
                    label: "\(number + 1)", href: number == page ? nil : href(number), current: number == page))
        }
        return PagerView(
            label: label, previousHref: page > 0 ? href(page - 1) : nil,
            nextHref: page + 1 < count ? href(page + 1) : nil, links: links)
    }
}

/// The pager of a list inside a larger view (a vacancy's related announcements), so that
/// the `pager` partial finds it under its own name.
struct ListPagerView: Sendable {
    var pager: PagerView?
}

struct PagerLinkView: Sendable {
    var label: String
    /// nil for the current page and for a gap.
    var href: String?
    var current: Bool
}

/// How each list of the site is split into pages: planned from the content alone, so that
/// page n of the English list holds what page n of the Indonesian one does.
public struct ListPages: Sendable {
    /// Over the current announcements, then the archived ones.
    var announcements: [Range<Int>]
    var vacancies: [Range<Int>]
    /// Vacancies, each with its timeline.
    var schedule: [Range<Int>]
    /// A vacancy's formations, by vacancy id; page 0 is on the vacancy's page.
    var formations: [String: [Range<Int>]]
    /// A vacancy's related announcements and its unfilled formations, by vacancy id; page 0
    /// of each is on the vacancy's page, where it has a smaller share of the budget.
    var related: [String: [Range<Int>]]
    var unfilled: [String: [Range<Int>]]
    /// The room the first page of a vacancy's related announcements, and of its unfilled
    /// formations, may take on the vacancy's page.
    static let vacancyPageShare = 8_000

    public init(_ index: SiteIndex) {
        announcements = Paging.split(
            sizes: (index.currentAnnouncements + index.archivedAnnouncements).map {
                Paging.estimate($0.title, $0.number, $0.slug, markup: 330)
            })
        vacancies = Paging.split(
            sizes: index.vacancies.map { Paging.estimate($0.title, $0.summary, $0.number, $0.id, markup: 420) })
        // Each vacancy's timeline made once, for the schedule and for its own page.
        let timelines = index.vacancies.map(Timeline.items(for:))
        schedule = Paging.split(
            sizes: zip(index.vacancies, timelines).map { vacancy, items in
                items.reduce(Paging.estimate(vacancy.title, vacancy.id, markup: 420)) {
                    $0 + Paging.estimate($1.title, $1.location, $1.note, markup: 420)
                }
            })
        var formations: [String: [Range<Int>]] = [:]
        var related: [String: [Range<Int>]] = [:]
        var unfilled: [String: [Range<Int>]] = [:]
        let agency = index.content.config.agency
        for (vacancy, items) in zip(index.vacancies, timelines) {
            let announcements = Paging.split(
                sizes: (index.announcementsByVacancy[vacancy.id] ?? []).map {
                    Paging.estimate($0.title, $0.number, $0.slug, markup: 330)
                }, firstBudget: Self.vacancyPageShare)
            let unfilledRows = Paging.split(
                sizes: (index.results[vacancy.id]?.unfilled ?? []).map {
                    Paging.estimate($0.formation.code, $0.formation.position, $0.formation.unit, markup: 260)
                }, firstBudget: Self.vacancyPageShare)
            related[vacancy.id] = announcements
            unfilled[vacancy.id] = unfilledRows
            // The vacancy's page carries its notice, schedule, results and the first page of
            // its related announcements and unfilled formations before the formations: the
            // first page of them has less room.
            let before =
                vacancy.body.text.utf8.count + items.count * 420
                + announcements[0].count * 330
                + (index.results[vacancy.id].map { 1_500 + $0.tables.count * 300 + unfilledRows[0].count * 260 } ?? 0)
            formations[vacancy.id] = Paging.split(
                sizes: vacancy.formations.map { formation in
                    // The row and its JobPosting in the page's JSON-LD.
                    Paging.estimate(
                        formation.code, formation.position, formation.unit, formation.education, markup: 220)
                        + Paging.estimate(
                            formation.code, formation.position, formation.unit, formation.education,
                            formation.education, vacancy.title, vacancy.summary, agency, agency, markup: 760)
                },
                firstBudget: max(Paging.itemBudget - before, Paging.itemBudget / 4))
        }
        self.formations = formations
        self.related = related
        self.unfilled = unfilled
    }
}

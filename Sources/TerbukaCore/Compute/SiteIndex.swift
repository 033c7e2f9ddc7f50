/// The compute stage for the core site: orders content the way readers expect it, links
/// announcements to their vacancies, and decides what is current as of the build time.
public struct SiteIndex: Sendable {
    public var content: SiteContent
    /// Build time, seconds since the Unix epoch.
    public var now: Int
    /// Newest first.
    public var vacancies: [Vacancy]
    /// Newest first; pinned ones are not moved here (the home page does that).
    public var announcements: [Announcement]
    /// Announcements whose `expires` has passed.
    public var archivedSlugs: Set<String>
    /// The announcements not archived, then the archived ones, each newest first.
    public private(set) var currentAnnouncements: [Announcement] = []
    public private(set) var archivedAnnouncements: [Announcement] = []
    /// Menu order: `order`, then title.
    public var pages: [StandingPage]
    public var menuPages: [StandingPage]
    public var announcementsByVacancy: [String: [Announcement]]
    /// Ranked and checked result tables, by vacancy id.
    public var results: [String: VacancyResults]
    /// What the home page shows.
    public var home: HomeDigest = HomeDigest()
    /// Whether this build signs SHA256SUMS (SHA256SUMS.sig is published).
    public var signed = false

    public init(content: SiteContent, now: Int, results: [String: VacancyResults] = [:]) {
        self.content = content
        self.results = results
        self.now = now
        vacancies = content.vacancies.sorted {
            ($0.published.instant, $1.id) > ($1.published.instant, $0.id)
        }
        // Newest first, then by slug: sorted by keys made once (10,000 notices compared by
        // their dates worked out again at each comparison, and moved whole, perf).
        let notices = content.announcements
        let keys = notices.map { $0.date.instant }
        announcements = notices.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] > keys[b] : notices[a].slug < notices[b].slug
        }.map { notices[$0] }
        var archived: Set<String> = []
        for notice in notices where (notice.expires?.endInstant ?? Int.max) <= now { archived.insert(notice.slug) }
        archivedSlugs = archived
        pages = content.pages.sorted {
            ($0.order ?? Int.max, $0.title, $0.slug) < ($1.order ?? Int.max, $1.title, $1.slug)
        }
        menuPages = pages.filter(\.menu)
        announcementsByVacancy = Dictionary(grouping: announcements.filter { $0.vacancyID != nil }) { $0.vacancyID! }
        currentAnnouncements = announcements.filter { !archived.contains($0.slug) }
        archivedAnnouncements = announcements.filter { archived.contains($0.slug) }
        home = HomeDigest(self)
    }

    /// A vacancy is open until the end of its last scheduled stage; one without a schedule
    /// stays open.
    public func isOpen(_ vacancy: Vacancy) -> Bool {
        guard let last = vacancy.schedule.map(\.end.endInstant).max() else { return true }
        return last > now
    }

    /// Sites with more result rows than this get no ZIP: it would double a very large output.
    static let zipRowLimit = 200_000

    /// Whether the home page offers the whole site as one ZIP (not for very large sites).
    public var offersZip: Bool {
        content.vacancies.reduce(0) { $0 + $1.tables.rowCount } <= Self.zipRowLimit
    }

}

/// The home page's choices: open vacancies before past ones, pinned announcements first,
/// and for each open vacancy the stages running now and the next deadline.
public struct HomeDigest: Sendable {
    public static let announcementCount = 6
    /// Past vacancies shown, newest first; the vacancy list has them all.
    public static let pastVacancyCount = 6

    public var openVacancies: [Vacancy] = []
    public var pastVacancies: [Vacancy] = []
    public var announcements: [Announcement] = []
    public var running: [RunningStages] = []

    public struct RunningStages: Sendable {
        public var vacancy: Vacancy
        /// Timeline items in progress at the build time.
        public var current: [TimelineItem]
        /// The item that ends soonest after the build time.
        public var nextDeadline: TimelineItem?
    }

    init() {}

    init(_ index: SiteIndex) {
        openVacancies = index.vacancies.filter(index.isOpen)
        pastVacancies = Array(index.vacancies.filter { !index.isOpen($0) }.prefix(Self.pastVacancyCount))
        let current = index.currentAnnouncements
        // Pinned first, each kind in its order; only the few shown are copied (not 10,000).
        let pinned = Array(current.lazy.filter { $0.pinned }.prefix(Self.announcementCount))
        announcements =
            pinned + Array(current.lazy.filter { !$0.pinned }.prefix(Self.announcementCount - pinned.count))
        running = openVacancies.map { vacancy in
            let items = Timeline.items(for: vacancy)
            return RunningStages(
                vacancy: vacancy, current: items.filter { $0.state(at: index.now) == .current },
                nextDeadline: items.filter { $0.end.endInstant > index.now }.min {
                    $0.end.endInstant < $1.end.endInstant
                })
        }
    }
}

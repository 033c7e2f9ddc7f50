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
    /// Menu order: `order`, then title.
    public var pages: [StandingPage]
    public var menuPages: [StandingPage]
    public var announcementsByVacancy: [String: [Announcement]]
    /// Ranked and checked result tables, by vacancy id.
    public var results: [String: VacancyResults]

    public init(content: SiteContent, now: Int, results: [String: VacancyResults] = [:]) {
        self.content = content
        self.results = results
        self.now = now
        vacancies = content.vacancies.sorted {
            ($0.published.instant, $1.id) > ($1.published.instant, $0.id)
        }
        announcements = content.announcements.sorted {
            ($0.date.instant, $1.slug) > ($1.date.instant, $0.slug)
        }
        archivedSlugs = Set(content.announcements.filter { ($0.expires?.endInstant ?? Int.max) <= now }.map(\.slug))
        pages = content.pages.sorted {
            ($0.order ?? Int.max, $0.title, $0.slug) < ($1.order ?? Int.max, $1.title, $1.slug)
        }
        menuPages = pages.filter(\.menu)
        announcementsByVacancy = Dictionary(grouping: announcements.filter { $0.vacancyID != nil }) { $0.vacancyID! }
    }

    /// A vacancy is open until the end of its last scheduled stage; one without a schedule
    /// stays open.
    public func isOpen(_ vacancy: Vacancy) -> Bool {
        guard let last = vacancy.schedule.map(\.end.endInstant).max() else { return true }
        return last > now
    }

    /// Whether the home page offers the whole site as one ZIP (not for very large sites).
    public var offersZip: Bool {
        content.vacancies.reduce(0) { $0 + $1.tables.rowCount } <= ZipArchive.rowLimit
    }

    public var currentAnnouncements: [Announcement] {
        announcements.filter { !archivedSlugs.contains($0.slug) }
    }
}

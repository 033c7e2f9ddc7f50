struct HomeView: Sendable {
    var stages: [HomeStagesView]
    var hasStages: Bool
    var scheduleHref: String
    var zipHref: String?
    var sumsHref: String
    var authenticityHref: String?
    var openVacancies: [VacancySummaryView]
    var hasOpenVacancies: Bool
    var pastVacancies: [VacancySummaryView]
    var hasPastVacancies: Bool
    var announcements: [AnnouncementSummaryView]
    var hasAnnouncements: Bool
    var vacancyListHref: String
    var announcementListHref: String
}

struct VacancySummaryView: Sendable {
    var title: String
    var href: String
    var kindLabel: String
    var published: String
    var publishedISO: String
    var number: String?
    var summary: String?
    var formationCount: String
    var totalSeats: String
    var open: Bool
}

struct VacancyListView: Sendable {
    /// This page's vacancies.
    var vacancies: [VacancySummaryView]
    /// Whether the site has any.
    var hasVacancies: Bool
    var pager: PagerView?
}

struct VacancyView: Sendable {
    var title: String
    var kindLabel: String
    var number: String?
    var published: String
    var publishedISO: String
    var bodyHTML: String
    /// The first page of the formations.
    var table: FormationTableView
    var formationCount: String
    var totalSeats: String
    var schedule: [TimelineRowView]
    var hasSchedule: Bool
    var icsHref: String
    var scheduleScriptHref: String
    var asOf: String
    /// The first page of the related announcements; `relatedPages` links to the others.
    var announcements: [AnnouncementSummaryView]
    var hasAnnouncements: Bool
    var relatedPages: ListPagerView
    var downloads: [DownloadView]
    var results: [ResultLinkView]
    var hasResults: Bool
    var statisticsHref: String?
    var lookup: LookupFormView?
    /// After the final stage.
    var unfilled: UnfilledSectionView?
}

struct UnfilledSectionView: Sendable {
    var rows: [UnfilledRowView]
    var hasRows: Bool
    var downloads: [DownloadView]
    var pager: PagerView?
}

struct UnfilledRowView: Sendable {
    var code: String
    var position: String
    var unit: String
    var quota: String
    var filled: String
    var reason: String
}

/// One page of a vacancy's formations, with the columns the whole list has.
struct FormationTableView: Sendable {
    /// The vacancy's title, for the caption.
    var title: String
    var formations: [FormationRowView]
    var totalSeats: String
    var hasSalary: Bool
    var hasEducation: Bool
    var hasDisability: Bool
    /// Columns before the seats column, for the total row.
    var totalColspan: Int
    var pager: PagerView?
    /// schema.org JobPosting per formation of this page, as JSON already escaped for a
    /// script element.
    var jsonLD: String
}

/// A further page of a vacancy's formations.
/// Page n ≥ 2 of a vacancy's related announcements.
struct RelatedAnnouncementsPageView: Sendable {
    var vacancyTitle: String
    var vacancyHref: String
    var announcements: [AnnouncementSummaryView]
    var pager: PagerView?
}

/// Page n ≥ 2 of a vacancy's unfilled formations.
struct UnfilledPageView: Sendable {
    var vacancyTitle: String
    var vacancyHref: String
    var unfilled: UnfilledSectionView
}

struct FormationsPageView: Sendable {
    var vacancyTitle: String
    var vacancyHref: String
    var formationCount: String
    var totalSeats: String
    var downloads: [DownloadView]
    var table: FormationTableView
}

struct FormationRowView: Sendable {
    var code: String
    var position: String
    var unit: String
    var education: String?
    var kindLabel: String
    var quota: String
    var salary: String?
    /// "Ya" or "Tidak" when the formation list says whether it is open to applicants with
    /// disabilities.
    var disability: String?
}

struct AnnouncementSummaryView: Sendable {
    var title: String
    var href: String
    var date: String
    var dateISO: String
    var categoryLabel: String
    var isCorrection: Bool
    var pinned: Bool
    var number: String?
}

/// One page of the announcements: the current ones first, then the archived ones.
struct AnnouncementListView: Sendable {
    var current: [AnnouncementSummaryView]
    var hasCurrent: Bool
    /// The site has no current announcement (said on the first page).
    var noneCurrent: Bool
    var archived: [AnnouncementSummaryView]
    var hasArchived: Bool
    var pager: PagerView?
}

struct AnnouncementView: Sendable {
    var title: String
    var date: String
    var dateISO: String
    var categoryLabel: String
    var isCorrection: Bool
    var number: String?
    var vacancy: LinkView?
    var bodyHTML: String
    var attachments: [AttachmentView]
    var hasAttachments: Bool
    var expires: String?
    var archived: Bool
}

struct AttachmentView: Sendable {
    var name: String
    var href: String
    var size: String
    var sha256: String
}

struct DownloadView: Sendable {
    var label: String
    var href: String
    var size: String
    var sha256: String
}

struct StandingPageView: Sendable {
    var title: String
    var bodyHTML: String
}

/// The page "Periksa keaslian": the publisher's key and how to check the site with it.
struct AuthenticityView: Sendable {
    var keyLine: String
    var fingerprint: String
    var signer: String
    /// Whether this build wrote SHA256SUMS.sig; without it the page explains the hashes only.
    var signed: Bool
    var sumsHref: String
    var signatureHref: String
    var zipHref: String?
    var unixSignature: String
    var windowsSignature: String
    var linuxSums: String
    var macSums: String
    var windowsSums: String
}

struct NotFoundView: Sendable {
    var homeHref: String
    var vacancyListHref: String
    var announcementListHref: String
}

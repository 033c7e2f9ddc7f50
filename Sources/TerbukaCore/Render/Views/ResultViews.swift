struct ResultPageView: Sendable {
    var vacancyTitle: String
    var vacancyHref: String
    var stageLabel: String
    var number: String?
    var published: String
    var publishedISO: String
    var objection: ObjectionView?
    var legend: [LegendItem]
    var basis: [String]
    var hasBasis: Bool
    var lookup: LookupFormView
    var isFirstPage: Bool
    var pageLabel: SplicedText
    var directory: [PageLinkView]
    var hasDirectory: Bool
    var isPaged: Bool
    var firstPageHref: String
    var sectionsHTML: SplicedText
    var previousHref: SplicedText?
    var nextHref: SplicedText?
    var downloads: [DownloadView]
    var statisticsHref: String
    /// Participants moved in and out of each formation by optimisation (first page).
    var moves: [FormationMovesView] = []
    var hasMoves = false
    /// The version this table replaces (first page), when it has a history.
    var replaces: ReplacesView? = nil
}

struct ReplacesView: Sendable {
    /// "Menggantikan versi 18 November 2024 10.00 WITA".
    var text: String
    var reason: String?
    /// The page of changes.
    var href: String
}

struct ChangesPageView: Sendable {
    var vacancyTitle: String
    var vacancyHref: String
    var stageLabel: String
    var stageHref: String
    var steps: [ChangeStepView]
    var downloads: [DownloadView]
}

struct ChangeStepView: Sendable {
    var heading: String
    var number: String?
    /// The objection period that version announced.
    var objection: String?
    var reason: String?
    var changes: [ChangeRowView]
    var hasChanges: Bool
    /// The earlier table, as it was published.
    var downloads: [DownloadView]
}

struct ChangeRowView: Sendable {
    var participant: String
    var name: String
    var formation: String
    var field: String
    var before: String
    var after: String
}

struct FormationMovesView: Sendable {
    var code: String
    var position: String
    var movedIn: [String]
    var movedOut: [String]
}

struct ObjectionView: Sendable {
    var until: String
    var untilISO: String
}

struct LegendItem: Sendable {
    var code: String
    var meaning: String
}

struct PageLinkView: Sendable {
    var label: String
    var href: String
    var first: String
    var last: String
    var current: Bool
    /// The position, when the page holds one formation.
    var positions: String?
}

/// The participant lookup form; hidden until its script runs.
struct LookupFormView: Sendable {
    var dataHref: String
    var vacancyRoot: String
    var scriptHref: String
}

/// One published table as listed on its vacancy's page.
struct ResultLinkView: Sendable {
    var label: String
    var href: String
    var published: String
    var number: String?
    var objectionUntil: String?
}

struct StatisticsView: Sendable {
    var vacancyTitle: String
    var vacancyHref: String
    var formationsChart: String?
    var formationsNote: String?
    var histogram: String?
    var histogramNote: String?
    var hasCharts: Bool
    /// Each formation's cut-offs.
    var cutoffs: CutoffTableView? = nil
    /// The round's evaluation: counts in all, TMS reasons, counts per formation.
    var evaluation: EvaluationView? = nil
    /// Where the lookup's data is, to mark a participant's own total on the SKD chart when
    /// the page is opened from a lookup (`?cari=`).
    var ownPosition: LookupFormView? = nil
}

struct EvaluationView: Sendable {
    /// The whole round, a block per stage.
    var stages: [EvaluationStageView]
    /// Every TMS reason with its count, most first.
    var reasons: [EvaluationLineView]
    var hasReasons: Bool
    var headers: [String]
    var formations: [CutoffRowView]
    /// Said when the page lists only the first formations.
    var formationsNote: String?
    var csvHref: String
    var jsonHref: String
}

struct EvaluationStageView: Sendable {
    var title: String
    var lines: [EvaluationLineView]
}

struct EvaluationLineView: Sendable {
    var label: String
    var count: String
    /// A part of the line above it (absent by code, a mark missed alone).
    var part: Bool
}

/// One page of the cut-offs of each formation.
struct CutoffTableView: Sendable {
    var headers: [String]
    var rows: [CutoffRowView]
    var pager: PagerView?
}

/// A further page of the statistics: the rest of the cut-offs.
struct CutoffPageView: Sendable {
    var vacancyTitle: String
    var vacancyHref: String
    var statisticsHref: String
    var cutoffs: CutoffTableView
}

struct CutoffRowView: Sendable {
    var code: String
    var position: String
    var values: [String]
}

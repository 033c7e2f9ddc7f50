/// One recruitment round (CPNS or PPPK): `vacancies/<id>/index.md` and its formations.
public struct Vacancy: Sendable {
    public var id: String
    public var title: String
    public var kind: RecruitmentKind
    public var published: ContentDate
    public var number: String?
    public var summary: String?
    public var schedule: [ScheduleEntry]
    public var results: [ResultEntry]
    /// The result tables, read and checked row by row. Once ranked, a build keeps only
    /// their count of rows here (`VacancyResultTables.rowsLetGo`): the ranked tables are in
    /// the site's `results`.
    public var tables: VacancyResultTables
    public var scoring: ScoringRules
    public var draft: Bool
    public var body: MarkdownSource
    public var formations: [Formation]
    public var sourcePath: String
    /// `…/formations.csv` or `…/formations.xlsx`, as the site has it.
    public var formationsPath: String

    public var totalSeats: Int { formations.reduce(0) { $0 + $1.quota } }
}

public enum RecruitmentKind: String, CaseIterable, Sendable {
    case cpns
    case pppk
}

public struct ScheduleEntry: Sendable {
    public var stage: String
    /// Written title; nil means the stage id's default title in the interface language.
    public var title: String?
    public var start: ContentDate
    public var end: ContentDate
    public var location: String?
    public var note: String?

    /// The stage during which applications are taken.
    public static let registration = "pendaftaran"

    public static let knownStages = [
        "pengumuman", registration, "seleksi-administrasi", "hasil-administrasi",
        "sanggah-administrasi", "skd", "hasil-skd", "sanggah-skd", "skb", "integrasi",
        "hasil-akhir", "sanggah-akhir", "drh", "usul-nip", "seleksi-kompetensi", "hasil-kompetensi",
    ]

    /// Result stage names written as schedule stages, read as the stage they name: staff
    /// write the names they use in `results`.
    public static let resultStageAliases = [
        "administrasi": "seleksi-administrasi",
        "kompetensi": "seleksi-kompetensi",
        "akhir": "hasil-akhir",
    ]
}

public enum ResultStage: String, CaseIterable, Sendable {
    case administrasi
    case skd
    case skb
    case akhir
    case kompetensi

    public static func stages(for kind: RecruitmentKind) -> [ResultStage] {
        switch kind {
        case .cpns: [.administrasi, .skd, .skb, .akhir]
        case .pppk: [.administrasi, .kompetensi]
        }
    }
}

/// A published result table as the notice lists it; the table itself is read by the
/// results stage.
public struct ResultEntry: Sendable {
    public var stage: ResultStage
    /// Path under the vacancy folder, e.g. `results/skd.csv` or `results/skd.xlsx`.
    public var file: String?
    /// The worksheet of a workbook to read; nil for the first.
    public var sheet: String?
    /// A `file` was named but could not be found (reported at the entry).
    public var fileMissing: Bool = false
    public var published: ContentDate
    public var number: String?
    public var objectionUntil: ContentDate?
    /// Where the entry is written in the notice.
    public var location: SourceLocation
    /// Earlier versions this table replaces, oldest first (`history`).
    public var history: [ResultVersion] = []
    /// Every file `history` names, including versions refused for their dates.
    public var historyFiles: [String] = []
}

/// An earlier published version of a result table: a correction (ralat) or the table
/// before the objection period replaces it, and it stays published.
public struct ResultVersion: Sendable {
    /// Path under the vacancy folder.
    public var file: String
    public var sheet: String?
    public var published: ContentDate
    public var number: String?
    /// Why the next version replaced it ("Ralat setelah masa sanggah").
    public var reason: String?
    /// The end of the objection period this version announced.
    public var objectionUntil: ContentDate?
    /// Where the version is written in the notice.
    public var location: SourceLocation
}

/// One row of `formations.csv`.
public struct Formation: Sendable {
    public var code: String
    public var position: String
    public var unit: String
    public var education: String?
    /// A slug: `umum`, `cumlaude`, `disabilitas`, … (see FormationKind).
    public var kind: String
    public var quota: Int
    public var salaryMin: Int?
    public var salaryMax: Int?
    public var line: Int
    /// Open to applicants with disabilities (SSCASN's `disable`); nil when not stated.
    public var openToDisability: Bool? = nil
    /// SSCASN's `formasi_id`, kept when the import gave the formation a short code: result
    /// tables may name the formation by either.
    public var sscasnID: String? = nil
}

/// Markdown text and the line of the file on which it starts.
public struct MarkdownSource: Sendable {
    public var firstLine: Int
    public var path: String
    private var storage: Storage

    private enum Storage: Sendable {
        case text(String)
        /// Read when it is wanted: the body of a notice an incremental build knows from the
        /// previous one (Cache/NoticeMemo.swift), read only if its page must be made again.
        case deferred(@Sendable () -> String)
    }

    public init(text: String, firstLine: Int, path: String) {
        (self.firstLine, self.path, storage) = (firstLine, path, .text(text))
    }

    /// Text that `read` gives when it is first wanted (and gives the same each time).
    init(deferred read: @escaping @Sendable () -> String, firstLine: Int, path: String) {
        (self.firstLine, self.path, storage) = (firstLine, path, .deferred(read))
    }

    public var text: String {
        get {
            switch storage {
            case .text(let text): return text
            case .deferred(let read): return read()
            }
        }
        set { storage = .text(newValue) }
    }
}

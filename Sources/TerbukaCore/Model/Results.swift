/// Result tables as the agency supplies them (CONTENT-FORMAT.md, "Result tables"), one
/// typed row per participant. Values the generator computes are kept apart as
/// `Supplied`, to be checked.
public enum Absence: String, CaseIterable, Sendable {
    case absent = "TH"
    case disqualified = "DIS"
    case withdrew = "APS"
}

public enum AdministrationStatus: String, Sendable {
    case meets = "MS"
    case doesNotMeet = "TMS"
}

/// Tie-break data that is never published (UU 27/2022): kept out of every view and file.
public struct PrivateTieBreaks: Sendable {
    /// Grade point average in hundredths (3,45 → 345).
    public var ipk: Int16?
    /// Birth date as days since 1970-01-01.
    public var birthDay: Int32?

    public init(ipk: Int16? = nil, birthDay: Int32? = nil) {
        self.ipk = ipk
        self.birthDay = birthDay
    }
}

/// Who a row is about, and where it stands. Kept small: a table may have a million rows.
public struct RowIdentity: Sendable {
    public var participant: String
    public var name: String
    public var formation: String
    /// Position of the formation in formations.csv, so that later stages group rows
    /// without looking the code up again.
    public var formationIndex: Int32
    /// Spreadsheet row: the header is row 1.
    public var row: Int32
    /// Line of the file where the row starts.
    public var line: Int32
    public var tieBreaks: PrivateTieBreaks

    public func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: Int(line), column: 1)
    }
}

/// Computed columns the agency also typed, with where each stands. Most tables have
/// none, so rows hold it by reference (nil when nothing was supplied).
public final class SuppliedColumns: Sendable {
    public let total: Located<Int>?
    public let rank: Located<Int>?
    public let status: Located<String>?
    /// Final score in thousandths.
    public let final: Located<Int>?

    init(total: Located<Int>?, rank: Located<Int>?, status: Located<String>?, final: Located<Int>?) {
        self.total = total
        self.rank = rank
        self.status = status
        self.final = final
    }

    var isEmpty: Bool { total == nil && rank == nil && status == nil && final == nil }
}

public struct AdministrationRow: Sendable {
    public var identity: RowIdentity
    public var status: AdministrationStatus
    public var reason: String?
}

public struct SKDScores: Sendable, Equatable {
    public var twk: Int
    public var tiu: Int
    public var tkp: Int
    public var total: Int { twk + tiu + tkp }
}

public struct SKDRow: Sendable {
    public var identity: RowIdentity
    /// nil when absent.
    public var scores: SKDScores?
    public var absence: Absence?
    public var supplied: SuppliedColumns?
}

public struct SKBRow: Sendable {
    public var identity: RowIdentity
    /// Hundredths (85,25 → 8525); nil when absent.
    public var score: Int?
    public var absence: Absence?
    public var supplied: SuppliedColumns?
}

public struct FinalRow: Sendable {
    public var identity: RowIdentity
    /// SKD total and SKB score (hundredths) when the agency typed them.
    public var skd: Int?
    public var skb: Int?
    public var supplied: SuppliedColumns?
}

public struct CompetencyRow: Sendable {
    public var identity: RowIdentity
    /// One score per component of the rules, in their order; nil when absent.
    public var scores: [Int]?
    public var absence: Absence?
    public var supplied: SuppliedColumns?
}

/// The tables of one vacancy, each with the `results` entry that names it.
public struct VacancyResultTables: Sendable {
    public var administrasi: (entry: ResultEntry, path: String, rows: [AdministrationRow])?
    public var skd: (entry: ResultEntry, path: String, rows: [SKDRow])?
    public var skb: (entry: ResultEntry, path: String, rows: [SKBRow])?
    /// The final table: an entry always; rows only when a file was given.
    public var akhir: (entry: ResultEntry, path: String?, rows: [FinalRow]?)?
    public var kompetensi: (entry: ResultEntry, path: String, rows: [CompetencyRow])?

    public init() {}

    /// Rows in all tables: what the progress line counts and what decides the ZIP.
    public var rowCount: Int {
        (administrasi?.rows.count ?? 0) + (skd?.rows.count ?? 0) + (skb?.rows.count ?? 0)
            + (akhir?.rows?.count ?? 0) + (kompetensi?.rows.count ?? 0)
    }
}

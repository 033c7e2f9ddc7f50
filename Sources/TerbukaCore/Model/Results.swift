/// Result tables as the agency supplies them (CONTENT-FORMAT.md, "Result tables"), one
/// typed row per participant. Values the generator computes are kept apart as
/// `Supplied`, to be checked.

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

    /// Neither an IPK nor a birth date.
    public var isEmpty: Bool { ipk == nil && birthDay == nil }
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
    /// Line of the file where the row starts; in a worksheet, its row.
    public var line: Int32
    public var tieBreaks: PrivateTieBreaks

    public func location(in place: TablePlace) -> SourceLocation {
        place.location(line: Int(line))
    }
}

/// Computed columns the agency also typed, with where each stands. Most tables have
/// none, so rows hold it by reference (nil when nothing was supplied).
public final class SuppliedColumns: Sendable {
    public let total: Located<Int>?
    public let rank: Located<Int>?
    public let status: Located<ResultStatus>?
    /// Final score in thousandths.
    public let final: Located<Int>?

    init(total: Located<Int>?, rank: Located<Int>?, status: Located<ResultStatus>?, final: Located<Int>?) {
        self.total = total
        self.rank = rank
        self.status = status
        self.final = final
    }

}

public struct AdministrationRow: Sendable {
    public var identity: RowIdentity
    /// MS or TMS.
    public var status: ResultStatus
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
    /// The year of an SKD score carried over from an earlier round (KepmenPANRB 344/2024).
    public var source: Int16? = nil
}

public struct SKBRow: Sendable {
    public var identity: RowIdentity
    /// The score, or the weighted sum of the parts; nil when absent.
    public var score: SKBScore?
    /// The parts' scores in hundredths, in the order of the rules' SKB parts; nil without parts.
    public var parts: [Int]?
    /// The SKB score the agency typed beside its parts, checked against their sum.
    public var suppliedScore: Located<SKBScore.Written>?
    public var absence: Absence?
    public var supplied: SuppliedColumns?
}

public struct FinalRow: Sendable {
    public var identity: RowIdentity
    /// SKD total and SKB score when the agency typed them.
    public var skd: Int?
    public var skb: SKBScore.Written?
    /// The weighted parts (`SKD (40%)`, `SKB (60%)`) when the agency typed them: checked,
    /// not published, since the final score carries them.
    public var skdPart: Located<WrittenDecimal>?
    public var skbPart: Located<WrittenDecimal>?
    public var supplied: SuppliedColumns?
    public var move: MoveColumns? = nil
}

/// Where a row placed by national optimisation says the participant came from or went to,
/// as written (a formation code, or words naming another agency); Compute checks them.
public struct MoveColumns: Sendable {
    public var from: Located<String>?
    public var to: Located<String>?
}

/// A number as the agency wrote it, in thousandths, with how many decimals it had: a
/// weighted part rounded (or cut) to two decimals is still the right part.
public struct WrittenDecimal: Sendable, Equatable {
    public var thousandths: Int
    public var decimals: Int

    init(thousandths: Int, decimals: Int) {
        self.thousandths = thousandths
        self.decimals = decimals
    }

    init?(_ text: String, decimalComma: Bool) {
        guard let value = CellText.parse(text, scale: 3, decimalComma: decimalComma) else { return nil }
        thousandths = value
        let marks: Set<Character> = decimalComma ? [".", ","] : ["."]
        decimals =
            text.firstIndex(where: { marks.contains($0) }).map {
                min(3, text.distance(from: $0, to: text.endIndex) - 1)
            } ?? 0
    }

    /// Whether this is `numerator / denominator` rounded half up or cut to the decimals written.
    func agrees(numerator: Int, denominator: Int) -> Bool {
        var unit = 1
        for _ in decimals..<3 { unit *= 10 }
        let scaled = numerator * 1000
        let cut = scaled / (denominator * unit) * unit
        let rounded = (scaled + denominator * unit / 2) / (denominator * unit) * unit
        return thousandths == cut || thousandths == rounded
    }

    func text(mark: String) -> String {
        FixedPoint.text(thousandths / pow10(3 - decimals), scale: decimals, mark: mark)
    }

    private func pow10(_ n: Int) -> Int { (0..<max(0, n)).reduce(1) { value, _ in value * 10 } }
}

public struct CompetencyRow: Sendable {
    public var identity: RowIdentity
    /// One score per component of the rules, in their order; nil when absent.
    public var scores: [Int]?
    /// The PPPK priority group, when the table has one for the row.
    public var group: PriorityGroup?
    public var absence: Absence?
    public var supplied: SuppliedColumns?
    public var move: MoveColumns? = nil
}

/// Where a table's rows are: its file, and in a workbook the sheet.
public struct TablePlace: Sendable, Hashable {
    public var path: String
    public var sheet: String?

    public init(path: String, sheet: String? = nil) {
        self.path = path
        self.sheet = sheet
    }

    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column, sheet: sheet)
    }

    /// The place of field `index` of a row, named by its column's letter and header.
    public func location(_ position: TablePosition, field index: Int, header: String?) -> SourceLocation {
        SourceLocation(
            path: path, line: Int(position.line), column: Int(position.column), sheet: sheet,
            field: TableField(index: index, header: header))
    }

    /// The file as a whole, for a problem of the table rather than of a row.
    public var file: SourceLocation { SourceLocation(path: path) }
}

/// The tables of one vacancy, each with the `results` entry that names it.
public struct VacancyResultTables: Sendable {
    public var administrasi: (entry: ResultEntry, place: TablePlace, rows: [AdministrationRow])?
    public var skd: (entry: ResultEntry, place: TablePlace, rows: [SKDRow])?
    public var skb: (entry: ResultEntry, place: TablePlace, rows: [SKBRow])?
    /// The final table: an entry always; rows only when a file was given.
    public var akhir: (entry: ResultEntry, place: TablePlace?, rows: [FinalRow]?)?
    public var kompetensi: (entry: ResultEntry, place: TablePlace, rows: [CompetencyRow])?
    /// Stages whose table is listed but could not be read: what depends on them is not
    /// checked, so that one missing table is one error, not one per row of the next.
    public var unreadable: Set<ResultStage> = []
    /// Earlier versions of a stage's table, oldest first, each read into tables of its own
    /// (only that stage filled).
    public var versions: [ResultStage: [(version: ResultVersion, tables: VacancyResultTables)]] = [:]

    /// Rows of the tables let go (`rowsLetGo`), still counted by `rowCount`.
    private var rowsLetGoCount = 0

    public init() {}

    /// Rows in all tables: what the progress line counts and what decides the ZIP.
    public var rowCount: Int {
        rowsLetGoCount + (administrasi?.rows.count ?? 0) + (skd?.rows.count ?? 0) + (skb?.rows.count ?? 0)
            + (akhir?.rows?.count ?? 0) + (kompetensi?.rows.count ?? 0)
    }

    /// No tables, only their count of rows: what a vacancy keeps once its tables are ranked
    /// (`VacancyResults` holds them then).
    public var rowsLetGo: VacancyResultTables {
        var counted = VacancyResultTables()
        counted.rowsLetGoCount = rowCount
        return counted
    }
}

import Foundation

/// Where a cell stands: a line and a column of characters in a text file, or a row and a
/// column of a worksheet (then shown as Excel shows it, `F27`).
public struct TablePosition: Sendable, Equatable {
    public var line: Int32
    public var column: Int32

    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }
}

/// What a worksheet cell held; text files hold only text.
public enum TableCellKind: UInt8, Sendable {
    case text
    /// A number cell, written out in full ("2653001000007", "85.25"), never in E notation.
    case number
    /// A number cell whose whole part has more than 15 digits: Excel keeps 15 significant
    /// digits, so the rest were lost when it was typed.
    case longNumber
    /// A number cell formatted as a date, written out as `YYYY-MM-DD`.
    case date
    case boolean
    /// An Excel error value such as `#N/A`.
    case error
    /// A formula whose result was never saved with the workbook.
    case formulaWithoutValue
}

/// One record of a table, with the place of each field for messages. Sources reuse one
/// record from row to row, so a table of a million rows allocates little.
public struct TableRecord: Sendable {
    public var fields: [String] = []
    public var positions: [TablePosition] = []
    /// Kind of each field; empty when every field is text (CSV).
    public var kinds: [TableCellKind] = []
    /// True when the reader saw every byte of every field and each was printable ASCII
    /// (space to `~`): no field can hold a control character, and none is looked at again
    /// for one (scanning a million-row table's seven million fields for them was 1.4 % of
    /// its build's CPU; perf, BENCHMARKS.md, eighteenth session).
    public internal(set) var printableASCII = false

    public init() {}

    public var line: Int { positions.first.map { Int($0.line) } ?? 1 }

    public func kind(_ index: Int) -> TableCellKind { index < kinds.count ? kinds[index] : .text }

    /// True when no field holds anything but spaces: rows spreadsheets leave behind.
    public var isBlank: Bool { fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" } } }

    public mutating func removeAll() {
        printableASCII = false
        fields.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
    }
}

/// A problem that stops a table from being read at all (a broken quote, a corrupt
/// workbook), at the place it was found.
public struct TableSyntaxError: Error, Sendable {
    public var message: Message
    public var line: Int
    public var column: Int
    /// `line` and `column` are a worksheet cell's row and column (shown as `Sheet!F27`).
    public var isCell: Bool

    public init(_ message: Message, line: Int = 1, column: Int = 1, isCell: Bool = false) {
        self.message = message
        self.line = line
        self.column = column
        self.isCell = isCell
    }
}

/// How a source's cells are named in messages and how its numbers are written.
public struct TableStyle: Sendable {
    /// The worksheet's name; nil for a text file, whose places are line:column.
    public var sheet: String?
    /// True when a decimal comma is accepted in scores (`;`-separated CSV, workbooks).
    public var decimalComma: Bool
    /// The separator to name when a row has more fields than the header; nil when rows
    /// may be shorter or longer (worksheets omit empty cells).
    public var fieldCountSeparator: String?

    public func location(_ path: String, _ position: TablePosition, field: TableField? = nil) -> SourceLocation {
        SourceLocation(path: path, line: Int(position.line), column: Int(position.column), sheet: sheet, field: field)
    }
}

/// Rows of a table from any file a table may come in: CSV or an Excel workbook. Records
/// are delivered in order to `body`, which returns false to stop early.
public protocol TableSource {
    var style: TableStyle { get }
    mutating func forEachRecord(_ body: (inout TableRecord) -> Bool) throws(TableSyntaxError)
}

extension CSVReader: TableSource {
    public var style: TableStyle {
        TableStyle(
            sheet: nil, decimalComma: separator == UInt8(ascii: ";"),
            fieldCountSeparator: separatorName)
    }

    public mutating func forEachRecord(_ body: (inout TableRecord) -> Bool) throws(TableSyntaxError) {
        var record = TableRecord()
        while try read(into: &record) {
            if !body(&record) { return }
        }
    }
}

/// The file formats a table may come in, by extension.
public enum TableFormat: Sendable {
    case csv
    case xlsx
    /// Formats that are recognized only to say how to convert them.
    case unsupported(SpreadsheetFormat)

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": self = .csv
        case "xlsx", "xlsm": self = .xlsx
        case "xls": self = .unsupported(.xls)
        case "xlsb": self = .unsupported(.xlsb)
        case "ods": self = .unsupported(.ods)
        case "numbers": self = .unsupported(.numbers)
        default: return nil
        }
    }

    /// Opens a table file: a CSV reader, or a worksheet of a workbook (the first, or the
    /// one named by `sheet`).
    public static func open(_ url: URL, sheet: String?) throws(TableSyntaxError) -> any TableSource {
        switch TableFormat(path: url.path) {
        case .xlsx?:
            let workbook = try XLSXWorkbook(url: url)
            return try workbook.sheet(named: sheet)
        case .unsupported(let what)?:
            throw TableSyntaxError(.unsupportedFormat(what))
        case .csv?, nil:
            if sheet != nil {
                throw TableSyntaxError(.sheetOfCSV)
            }
            do {
                return try CSVReader(contentsOf: url)
            } catch {
                throw TableSyntaxError(.cannotRead(FileProblem.describe(error)))
            }
        }
    }
}

/// Why a file could not be read, in words a person can act on.
public enum FileProblem {
    /// The common reasons in both languages; others in the words of the system, which
    /// speaks only English here.
    public static func describe(_ error: Error) -> Bilingual {
        let nsError = error as NSError
        var posix: Int32?
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            posix = Int32(underlying.code)
        } else if nsError.domain == NSPOSIXErrorDomain {
            posix = Int32(nsError.code)
        }
        if let posix {
            switch posix {
            case EACCES, EPERM: return .permissionDenied
            case ENOENT: return .fileDoesNotExist
            default: return .same(String(cString: strerror(posix)))
            }
        }
        switch nsError.code {
        case NSFileReadNoPermissionError: return .permissionDenied
        case NSFileReadNoSuchFileError: return .fileDoesNotExist
        case NSFileReadCorruptFileError: return .fileDamaged
        default: return .same(nsError.localizedDescription)
        }
    }
}

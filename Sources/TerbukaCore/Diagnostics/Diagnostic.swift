/// A place in a content file. `path` is relative to the site folder (for example
/// `content/site.yml`) so that the message reads the same on every machine.
///
/// In a worksheet of a workbook, `sheet` names it and `line` and `column` are the cell's
/// row and column, shown as Excel shows them: `results/skd.xlsx:Hasil SKD!F27`.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int
    public var sheet: String?
    /// The table column a cell stands in, when the place is a cell of a table.
    public var field: TableField?

    public init(path: String, line: Int = 1, column: Int = 1, sheet: String? = nil, field: TableField? = nil) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
        self.sheet = sheet
        self.field = field
    }

    /// `Hasil SKD!F27` in a worksheet, nil in a text file.
    public var cell: String? {
        sheet.map { "\($0)!\(CellReference.columnName(column))\(line)" }
    }

    /// `path:line:column`, or `path:Sheet!F27` in a worksheet.
    public var formatted: String {
        if let cell { return "\(path):\(cell)" }
        return "\(path):\(line):\(column)"
    }

    /// `column F (TKP): ` before the message of a cell in a text table, whose `column`
    /// counts characters: a spreadsheet shows the column by its letter and its header.
    /// A worksheet's cell already names its column (`Hasil SKD!F27`).
    public func fieldPrefix(in language: Language) -> String {
        guard sheet == nil, let field else { return "" }
        return Bilingual.columnPrefix(field.label)[language]
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.sheet ?? "", a.line, a.column) < (b.path, b.sheet ?? "", b.line, b.column)
    }
}

/// A column of a table as a spreadsheet shows it: its letter (the first field is A) and
/// the header written above it.
public struct TableField: Hashable, Sendable {
    /// Index of the field in its row, from 0.
    public var index: Int
    /// The header as written, when there is one ("TKP", "NILAI SKD TWK").
    public var header: String?

    public init(index: Int, header: String? = nil) {
        self.index = index
        self.header = header
    }

    /// `F`, as Excel names the column.
    public var letter: String { CellReference.columnName(index + 1) }

    /// `F (TKP)`, or `F` without a header.
    public var label: String {
        guard let header, !header.isEmpty else { return letter }
        return "\(letter) (\(header))"
    }
}

public enum Severity: String, Sendable {
    case error
    case warning
}

/// One problem in the content, printed as `path:line:column: error|warning: message [T0203]`.
public struct Diagnostic: Hashable, Sendable {
    public var location: SourceLocation
    public var severity: Severity
    /// The message with its code and hint, in both languages (see Catalogue/).
    public var message: Message

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// The stable code, e.g. `T0203`, that docs/panduan.md explains.
    public var code: String { message.code }

    /// The line as printed: the gcc-style place and severity (the words `error` and
    /// `warning` stay English, for tools), the message and its hint in `language`, and the
    /// code in brackets at the end, e.g.
    /// `content/pages/tentang.md:3:1: error: kunci 'ordr' tidak dikenal … [T0203]`.
    public func line(in language: Language, code showCode: Bool = true) -> String {
        "\(location.formatted): \(severity.rawValue): \(text(in: language))" + (showCode ? " [\(code)]" : "")
    }

    /// What the line says after `error: `: the cell's column in a text table, the message
    /// and its hint, in `language`.
    public func text(in language: Language) -> String {
        location.fieldPrefix(in: language) + message.text[language]
            + (message.hint.map { " (\($0[language]))" } ?? "")
    }
}

/// Collects every problem of one run; stages append to it and never throw one by one.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    /// Records an error, a message of the catalogue (Diagnostics/Catalogue/).
    public mutating func error(_ message: Message, at location: SourceLocation) {
        all.append(Diagnostic(.error, message, at: location))
    }

    /// Records a warning, a message of the catalogue.
    public mutating func warning(_ message: Message, at location: SourceLocation) {
        all.append(Diagnostic(.warning, message, at: location))
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.filter { $0.severity == .error }.count }
    public var warningCount: Int { all.filter { $0.severity == .warning }.count }

    /// Sorted by file and position so that output does not depend on the order of work.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { lhs, rhs in
            if lhs.element.location != rhs.element.location { return lhs.element.location < rhs.element.location }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// A column a table accepts, with the other names spreadsheets give it.
public struct CSVColumn: Sendable {
    public var name: String
    public var aliases: [String]
    public var required: Bool

    public init(_ name: String, aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }

    var acceptedNames: [String] { [name] + aliases }

    /// Case, spaces, `_`, `.` and `-` do not matter in header names.
    static func normalize(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { !" _.-\u{00A0}\t".unicodeScalars.contains($0) })
    }
}

/// Header matching for a CSV table: which column of the file holds each known column.
public struct CSVHeader: Sendable {
    /// Known column name → index of the field in each record.
    public var indexOf: [String: Int]
    public var fieldCount: Int

    /// Matches the header record against `columns`, reporting missing required columns,
    /// duplicates, and unknown columns (as warnings, with the nearest known name).
    public static func match(_ record: CSVRecord, columns: [CSVColumn], path: String, into diagnostics: inout Diagnostics) -> CSVHeader? {
        var lookup: [String: String] = [:]
        for column in columns {
            for name in column.acceptedNames { lookup[CSVColumn.normalize(name)] = column.name }
        }
        var indexOf: [String: Int] = [:]
        var ok = true
        for (i, header) in record.fields.enumerated() {
            let location = SourceLocation(path: path, line: record.positions[i].line, column: record.positions[i].column)
            guard let name = lookup[CSVColumn.normalize(header)] else {
                diagnostics.warning("column '\(header)' is not used", at: location,
                                    hint: Suggestion.hint(for: header, in: columns.flatMap(\.acceptedNames)))
                continue
            }
            if let first = indexOf[name] {
                diagnostics.error("column '\(header)' is the same column as '\(record.fields[first])'", at: location)
                ok = false
                continue
            }
            indexOf[name] = i
        }
        for column in columns where column.required && indexOf[column.name] == nil {
            diagnostics.error("missing required column '\(column.name)'", at: SourceLocation(path: path, line: record.line, column: 1),
                              hint: "accepted names: \(column.acceptedNames.joined(separator: ", "))")
            ok = false
        }
        return ok ? CSVHeader(indexOf: indexOf, fieldCount: record.fields.count) : nil
    }
}

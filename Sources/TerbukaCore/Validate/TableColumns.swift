/// A column a table accepts, with the other names spreadsheets give it.
public struct TableColumn: Sendable {
    public var name: String
    public var aliases: [String]
    public var required: Bool
    /// Generic names (`KETERANGAN`, `HASIL`) that are this column only when its values
    /// fit it; otherwise the column is read another way or not at all.
    public var tentative: [String]

    public init(_ name: String, aliases: [String] = [], tentative: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.tentative = tentative
        self.required = required
    }

    var acceptedNames: [String] { [name] + aliases + tentative }

    /// Case, spaces, `_`, `.` and `-` do not matter in header names.
    static func normalize(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { !" _.-\u{00A0}\t\n\r".unicodeScalars.contains($0) })
    }

    /// The name without a part in brackets: `SKD (40%)` → `skd`.
    static func withoutBrackets(_ header: String) -> String? {
        guard let open = header.firstIndex(of: "("), let close = header.lastIndex(of: ")"), open < close else {
            return nil
        }
        let rest = String(header[..<open]) + String(header[header.index(after: close)...])
        let normalized = normalize(rest)
        return normalized.isEmpty ? nil : normalized
    }

    /// Names of a row-number column, which carries nothing to publish.
    static let rowNumberNames: Set<String> = ["no", "nourut", "nomorurut", "urut", "#", "nmr"]
}

/// Where a table's columns are, found from its first rows: the header row (after any
/// title rows), a second header row under merged group cells, and for each known column
/// the field that holds it.
public struct TableLayout: Sendable {
    /// Known column name → field index.
    public var indexOf: [String: Int]
    /// The header text of each field as a person reads it ("NILAI SKD TWK").
    public var headerNames: [String]
    /// Fields with a header that is not a known column.
    public var unknown: [Int]
    /// Number of fields in the header.
    public var width: Int
    /// Line or row of the last header row: data follows it.
    public var headerLine: Int
    /// Why a field was read the way it was, when the values decided (column name → words).
    public var readings: [String: Bilingual]

}

/// Reads a table from any TableSource: finds its header, matches the columns, then hands
/// each data row to the caller. Everything a table's shape can go wrong in is reported
/// here once; the caller sees only data rows.
struct TableReader {
    let path: String
    let columns: [TableColumn]
    /// Columns whose name in a row marks it as the header (participant number, code).
    let anchors: [String]
    /// Whether sample values fit a column that was named by a tentative name.
    var fits: (_ column: String, _ values: [String], _ header: String) -> Bool = { _, _, _ in true }
    /// What to say about a missing required column beyond its accepted names.
    var missingHint: (_ column: String) -> Bilingual? = { _ in nil }
    /// Columns that may be missing although marked required, because another way of
    /// giving them is there (a formation matched by position and unit).
    var optionalWhen: (_ column: String, _ found: Set<String>) -> Bool = { _, _ in false }

    static let titleRowLimit = 30
    static let sampleSize = 200
    /// Longer text in one cell is refused: it is the most an Excel cell holds, so a longer
    /// field comes from a broken export, and pages would carry it to every reader.
    static let fieldLimit = 32_767

    /// Reads `source`. `unknownHeader` is told about each unknown column (to warn or to
    /// refuse personal data) and returns false to stop the table; `row` gets each data
    /// row. Returns the layout, or nil when the table could not be read at all.
    func read(
        _ source: inout some TableSource, into diagnostics: inout Diagnostics,
        unknownHeader: (_ index: Int, _ name: String, _ location: SourceLocation, inout Diagnostics) -> Bool,
        row: (_ record: TableRecord, _ layout: TableLayout, inout Diagnostics) -> Void
    ) -> TableLayout? {
        let style = source.style
        var seen: [TableRecord] = []
        var header: TableRecord?
        var subheader: TableRecord?
        var sample: [TableRecord] = []
        var layout: TableLayout?
        var failed = false
        var overlong: Set<Int> = []
        var controlled: Set<Int> = []

        func location(_ position: TablePosition) -> SourceLocation { style.location(path, position) }
        func cell(_ record: TableRecord, _ index: Int, _ layout: TableLayout) -> SourceLocation {
            style.location(
                path, record.positions[index],
                field: TableField(
                    index: index, header: index < layout.headerNames.count ? layout.headerNames[index] : nil))
        }

        func emit(_ record: inout TableRecord, _ layout: TableLayout, _ diagnostics: inout Diagnostics) {
            if let separator = style.fieldCountSeparator {
                guard record.fields.count == layout.width else {
                    diagnostics.error(
                        .fieldCount(
                            row: Int(record.line), fields: record.fields.count, header: layout.width,
                            separator: separator),
                        at: location(record.positions[0]))
                    return
                }
            } else {
                conform(&record, width: layout.width)
            }
            var refused = false
            for (index, field) in record.fields.enumerated() {
                if field.utf8.count > Self.fieldLimit {
                    refused = true
                    if overlong.insert(index).inserted {
                        diagnostics.error(
                            .cellTooLong(field.count, limit: Self.fieldLimit), at: cell(record, index, layout))
                    }
                } else if ControlCharacters.mayHold(field), let found = ControlCharacters.first(in: field) {
                    refused = true
                    if controlled.insert(index).inserted {
                        diagnostics.error(
                            .cellControlCharacter(ControlCharacters.name(found.scalar)), at: cell(record, index, layout)
                        )
                    }
                }
            }
            if refused { return }
            row(record, layout, &diagnostics)
        }

        func settle(_ diagnostics: inout Diagnostics) -> Bool {
            guard let header else { return false }
            layout = resolve(
                header: header, subheader: subheader, sample: sample, style: style, into: &diagnostics,
                unknownHeader: unknownHeader)
            guard let layout else {
                failed = true
                return false
            }
            for index in sample.indices { emit(&sample[index], layout, &diagnostics) }
            sample = []
            return true
        }

        /// No row within the first rows names an anchor: the first row that names any
        /// known column is taken for the header, so that what is missing is reported.
        func fallBack(_ diagnostics: inout Diagnostics) {
            guard let first = seen.firstIndex(where: { names($0, columns.map(\.name)) }) else {
                failed = !seen.isEmpty
                return
            }
            header = seen[first]
            sample = Array(seen[(first + 1)...])
            seen = []
            if !settle(&diagnostics) { failed = true }
        }

        do {
            try source.forEachRecord { record in
                if failed { return false }
                if record.isBlank { return true }
                if let layout {
                    emit(&record, layout, &diagnostics)
                    return true
                }
                guard let found = header else {
                    if names(record, anchors) {
                        header = record
                    } else {
                        seen.append(record)
                        if seen.count >= Self.titleRowLimit { fallBack(&diagnostics) }
                    }
                    return !failed
                }
                if subheader == nil, sample.isEmpty, isSubheader(record, below: found) {
                    subheader = record
                    return true
                }
                sample.append(record)
                if sample.count >= Self.sampleSize { return settle(&diagnostics) }
                return true
            }
        } catch {
            diagnostics.error(
                error.message,
                at: SourceLocation(
                    path: path, line: error.line, column: error.column, sheet: error.isCell ? style.sheet : nil))
            return nil
        }
        if header == nil, !failed { fallBack(&diagnostics) }
        if layout == nil, !failed, header != nil, !settle(&diagnostics) { failed = true }
        if header == nil {
            let what = anchors.compactMap { anchor in columns.first { $0.name == anchor } }
                .map { "'\($0.name)' (\($0.aliases.prefix(3).joined(separator: ", ")))" }
            diagnostics.error(
                seen.isEmpty
                    ? .emptyTable(ofParticipants: anchors == ["participant"])
                    : .noHeader(rows: seen.count, columns: what),
                at: SourceLocation(path: path, line: 1, column: 1, sheet: style.sheet))
            return nil
        }
        return failed ? nil : layout
    }

    /// Worksheet cells that cannot be taken as they are: a formula never calculated, an
    /// Excel error value, a number in `longNumberColumn` (a participant number, a code)
    /// that lost its last digits. Reported once per column; false when the row has one.
    static func checkCells(
        _ record: TableRecord, longNumberColumn: Int?, what: NumberColumn, place: TablePlace,
        reported: inout Set<Int>, into diagnostics: inout Diagnostics
    ) -> Bool {
        var ok = true
        for (index, kind) in record.kinds.enumerated()
        where kind != .text && kind != .number && kind != .date && kind != .boolean {
            if kind == .longNumber, index != longNumberColumn { continue }
            ok = false
            guard !reported.contains(index) else { continue }
            reported.insert(index)
            let location = place.location(record.positions[index], field: index, header: nil)
            switch kind {
            case .formulaWithoutValue:
                diagnostics.error(.formulaWithoutValue, at: location)
            case .error:
                diagnostics.error(.excelError(record.fields[index]), at: location)
            case .longNumber:
                diagnostics.error(.longNumber(what, record.fields[index]), at: location)
            default: break
            }
        }
        return ok
    }

    /// A worksheet row omits empty cells at its end and may hold stray cells past the header.
    private func conform(_ record: inout TableRecord, width: Int) {
        if record.fields.count > width {
            record.fields.removeLast(record.fields.count - width)
            record.positions.removeLast(record.positions.count - width)
            if record.kinds.count > width { record.kinds.removeLast(record.kinds.count - width) }
        }
        let line = record.positions.first?.line ?? 1
        while record.fields.count < width {
            record.fields.append("")
            record.positions.append(TablePosition(line: line, column: Int32(record.fields.count)))
            if !record.kinds.isEmpty { record.kinds.append(.text) }
        }
    }

    /// The known columns a header text may be, best reading first.
    func candidates(_ text: String) -> [TableColumn] { match(text).columns }

    /// The columns a header text may be, and whether only generic names matched it.
    func match(_ text: String) -> (columns: [TableColumn], tentative: Bool) {
        let key = TableColumn.normalize(text)
        guard !key.isEmpty else { return ([], false) }
        for candidate in [key, TableColumn.withoutBrackets(text)].compactMap({ $0 }) {
            let found = columns.filter { $0.acceptedNames.contains { TableColumn.normalize($0) == candidate } }
            guard !found.isEmpty else { continue }
            let onlyGeneric = found.allSatisfy { column in
                column.tentative.contains { TableColumn.normalize($0) == candidate }
            }
            return (found, onlyGeneric || found.count > 1)
        }
        return ([], false)
    }

    private func names(_ record: TableRecord, _ wanted: [String]) -> Bool {
        record.fields.contains { field in candidates(field).contains { wanted.contains($0.name) } }
    }

    /// The row under a header is a second header row when it names columns and the
    /// participant (or code) cell is empty, or repeats the header (a cell merged down).
    private func isSubheader(_ record: TableRecord, below header: TableRecord) -> Bool {
        for (index, field) in header.fields.enumerated()
        where candidates(field).contains(where: { anchors.contains($0.name) }) {
            guard index < record.fields.count else { continue }
            let value = record.fields[index].trimmingSpaces
            if !value.isEmpty, value != field.trimmingSpaces { return false }
        }
        return record.fields.contains { !candidates($0).isEmpty }
    }

    /// The header text of each field: a second header row's name under its group
    /// (`NILAI SKD` over `TWK`), or the group's when the lower cell is empty.
    private func combinedNames(_ header: TableRecord, _ subheader: TableRecord?) -> [String] {
        guard let subheader else { return header.fields.map(\.trimmingSpaces) }
        var group = ""
        return (0..<max(header.fields.count, subheader.fields.count)).map { index in
            let top = index < header.fields.count ? header.fields[index].trimmingSpaces : ""
            let sub = index < subheader.fields.count ? subheader.fields[index].trimmingSpaces : ""
            if !top.isEmpty { group = top }
            if sub.isEmpty || sub == top { return top }
            if !candidates(sub).isEmpty { return sub }
            let joined = "\(group) \(sub)"
            if !candidates(joined).isEmpty { return joined }
            return group.isEmpty ? sub : joined
        }
    }

    private func resolve(
        header: TableRecord, subheader: TableRecord?, sample: [TableRecord], style: TableStyle,
        into diagnostics: inout Diagnostics,
        unknownHeader: (Int, String, SourceLocation, inout Diagnostics) -> Bool
    ) -> TableLayout? {
        var names = combinedNames(header, subheader)
        // A worksheet's header row stores no empty cells at its end: cells further right in
        // the rows below are columns without a name, to be warned about, not dropped unseen.
        if style.fieldCountSeparator == nil, let widest = sample.map(\.fields.count).max(), widest > names.count {
            names += Array(repeating: "", count: widest - names.count)
        }
        let last = subheader ?? header
        let positions = names.indices.map { index in
            index < header.positions.count
                ? header.positions[index]
                : TablePosition(line: header.positions.first?.line ?? 1, column: Int32(index + 1))
        }
        func location(_ index: Int) -> SourceLocation {
            let position =
                subheader.flatMap {
                    index < $0.positions.count && !$0.fields[index].trimmingSpaces.isEmpty ? $0.positions[index] : nil
                }
                ?? positions[index]
            return style.location(path, position, field: TableField(index: index))
        }
        func values(_ index: Int) -> [String] {
            sample.compactMap { index < $0.fields.count ? $0.fields[index].trimmingSpaces : nil }.filter { !$0.isEmpty }
        }
        var indexOf: [String: Int] = [:]
        var readings: [String: Bilingual] = [:]
        var unknown: [Int] = []
        var ok = true
        var tentativeFields: [(index: Int, choices: [TableColumn])] = []
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                if !values(index).isEmpty {
                    diagnostics.warning(.unnamedColumn(CellReference.columnName(index + 1)), at: location(index))
                }
                continue
            }
            let key = TableColumn.normalize(name)
            if TableColumn.rowNumberNames.contains(key) { continue }
            let (choices, isTentative) = match(name)
            if isTentative {
                tentativeFields.append((index, choices))
                continue
            }
            guard let column = choices.first else {
                unknown.append(index)
                continue
            }
            if let first = indexOf[column.name] {
                diagnostics.error(.sameColumnTwice(name, first: names[first]), at: location(index))
                ok = false
                continue
            }
            indexOf[column.name] = index
        }
        // Generic names: the values decide, in the order the columns prefer.
        for (index, choices) in tentativeFields {
            let sampleValues = values(index)
            let free = choices.filter { indexOf[$0.name] == nil }
            let chosen = free.first { fits($0.name, sampleValues, names[index]) }
            let example =
                sampleValues.first { !fits(free.first?.name ?? "", [$0], names[index]) }.map { " ('\($0)')" } ?? ""
            for skipped in free.prefix(while: { $0.name != chosen?.name }) {
                readings[skipped.name] = .readInstead(
                    names[index], as: chosen?.name, not: skipped.name, example: example)
            }
            if let chosen {
                indexOf[chosen.name] = index
                readings[chosen.name] = .readAs(names[index], chosen.name)
            } else {
                unknown.append(index)
            }
        }
        for index in unknown where !unknownHeader(index, names[index], location(index), &diagnostics) {
            ok = false
        }
        let found = Set(indexOf.keys)
        for column in columns where column.required && indexOf[column.name] == nil && !optionalWhen(column.name, found)
        {
            diagnostics.error(
                .missingColumn(
                    column.name, accepted: column.aliases.isEmpty ? [column.name] : [column.name] + column.aliases,
                    reading: readings[column.name], more: missingHint(column.name)),
                at: style.location(path, last.positions.first ?? TablePosition(line: 1, column: 1)))
            ok = false
        }
        guard ok else { return nil }
        return TableLayout(
            indexOf: indexOf, headerNames: names, unknown: unknown, width: names.count,
            headerLine: Int(last.positions.first?.line ?? 1), readings: readings)
    }
}

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

/// What a table's reader keeps from row to row: the rows it made and what it must
/// remember to report a problem once. Parts of a long table are read at once, each into a
/// sink of its own, then joined in order.
protocol TableRowSink {
    mutating func take(_ record: TableRecord, _ layout: TableLayout, into diagnostics: inout Diagnostics)
    /// Makes room for the rows of about `bytes` more of the table.
    mutating func expect(bytes: Int)
    /// A sink for a later part of the table, of about `bytes` from line `firstLine` on: it
    /// knows what this sink knows but has no rows of its own.
    func part(bytes: Int, firstLine: Int) -> Self
    /// Takes the rows of `later`, a part read after this sink's rows and reported nothing,
    /// when that is what reading them after this sink's rows would have made (false, with
    /// nothing taken, otherwise). `last`: no part follows, so what only later parts would
    /// need may be left out.
    mutating func join(_ later: Self, last: Bool) -> Bool
}

/// Reads a table from any TableSource: finds its header, matches the columns, then hands
/// each data row to the caller. Everything a table's shape can go wrong in is reported
/// here once; the caller sees only data rows.
struct TableReader {
    let path: String
    let columns: [TableColumn]
    /// Columns whose name in a row marks it as the header (participant number, code).
    let anchors: [String]
    /// Each column's accepted names and its tentative ones, normalized once: every cell of
    /// the first rows is matched against all of them.
    private let accepted: [Set<String>]
    private let tentative: [Set<String>]
    /// Whether sample values fit a column that was named by a tentative name.
    var fits: (_ column: String, _ values: [String], _ header: String) -> Bool = { _, _, _ in true }
    /// What to say about a missing required column beyond its accepted names.
    var missingHint: (_ column: String) -> Bilingual? = { _ in nil }
    /// Columns that may be missing although marked required, because another way of
    /// giving them is there (a formation matched by position and unit).
    var optionalWhen: (_ column: String, _ found: Set<String>) -> Bool = { _, _ in false }

    init(path: String, columns: [TableColumn], anchors: [String]) {
        self.path = path
        self.columns = columns
        self.anchors = anchors
        accepted = columns.map { Set($0.acceptedNames.map(TableColumn.normalize)) }
        tentative = columns.map { Set($0.tentative.map(TableColumn.normalize)) }
    }

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
        var check = RecordCheck(path: path, style: source.style)
        return readHead(
            &source, check: &check, into: &diagnostics, stopWhenSettled: false, unknownHeader: unknownHeader, row: row
        ).layout
    }

    /// Reads `source` as `read(_:into:unknownHeader:row:)` does, handing each data row to
    /// `sink`. The rows of a long CSV file after its first ones are read in `parts` parts
    /// at once (see `readParts`), with the same rows and diagnostics as reading on.
    func read<Sink: TableRowSink>(
        _ source: inout some TableSource, into diagnostics: inout Diagnostics,
        unknownHeader: (_ index: Int, _ name: String, _ location: SourceLocation, inout Diagnostics) -> Bool,
        sink: inout Sink, parts: Int, minimumPartBytes: Int
    ) -> TableLayout? {
        var check = RecordCheck(path: path, style: source.style)
        // Only a CSV file is cut, and only its reader goes on from where it stopped: a
        // worksheet's rows are read again from the first.
        let (layout, stopped) = readHead(
            &source, check: &check, into: &diagnostics, stopWhenSettled: parts > 1 && source is CSVReader,
            unknownHeader: unknownHeader
        ) { record, layout, diagnostics in
            sink.take(record, layout, into: &diagnostics)
        }
        guard let layout, stopped, var csv = source as? CSVReader else { return layout }
        // `split` may have read the rest of the file into `csv`, cut or not: go on with it.
        let done: Bool
        if let pieces = csv.split(into: parts, minimumBytes: minimumPartBytes) {
            done = readParts(pieces, layout: layout, check: &check, sink: &sink, into: &diagnostics)
        } else {
            sink.expect(bytes: csv.bytesLeft)
            done = readRest(&csv, layout: layout, check: &check, sink: &sink, into: &diagnostics)
        }
        return done ? layout : nil
    }

    /// What every data row is checked for before it is handed on: as many fields as the
    /// header (CSV), no cell over the limit, no control character. Each problem is reported
    /// once per column.
    struct RecordCheck {
        let path: String
        let style: TableStyle
        var overlong: Set<Int> = []
        var controlled: Set<Int> = []

        func cell(_ record: TableRecord, _ index: Int, _ layout: TableLayout) -> SourceLocation {
            style.location(
                path, record.positions[index],
                field: TableField(
                    index: index, header: index < layout.headerNames.count ? layout.headerNames[index] : nil))
        }

        /// True when `record` (completed to the header's width for a worksheet) may be read.
        mutating func passes(
            _ record: inout TableRecord, _ layout: TableLayout, into diagnostics: inout Diagnostics
        ) -> Bool {
            if let separator = style.fieldCountSeparator {
                guard record.fields.count == layout.width else {
                    diagnostics.error(
                        .fieldCount(
                            row: Int(record.line), fields: record.fields.count, header: layout.width,
                            separator: separator),
                        at: style.location(path, record.positions[0]))
                    return false
                }
            } else {
                TableReader.conform(&record, width: layout.width)
            }
            var refused = false
            for (index, field) in record.fields.enumerated() {
                if field.utf8.count > TableReader.fieldLimit {
                    refused = true
                    if overlong.insert(index).inserted {
                        diagnostics.error(
                            .cellTooLong(field.count, limit: TableReader.fieldLimit), at: cell(record, index, layout))
                    }
                } else if !record.printableASCII, ControlCharacters.mayHold(field),
                    let found = ControlCharacters.first(in: field)
                {
                    refused = true
                    if controlled.insert(index).inserted {
                        diagnostics.error(
                            .cellControlCharacter(ControlCharacters.name(found.scalar)), at: cell(record, index, layout)
                        )
                    }
                }
            }
            return !refused
        }
    }

    /// Finds the header and hands on the rows, to the end of the table; or, with
    /// `stopWhenSettled`, only those read until the layout is known, then `stopped` is true
    /// and the rest is for the caller to read.
    private func readHead(
        _ source: inout some TableSource, check: inout RecordCheck, into diagnostics: inout Diagnostics,
        stopWhenSettled: Bool,
        unknownHeader: (_ index: Int, _ name: String, _ location: SourceLocation, inout Diagnostics) -> Bool,
        row: (_ record: TableRecord, _ layout: TableLayout, inout Diagnostics) -> Void
    ) -> (layout: TableLayout?, stopped: Bool) {
        let style = source.style
        var seen: [TableRecord] = []
        var header: TableRecord?
        var subheader: TableRecord?
        var sample: [TableRecord] = []
        var layout: TableLayout?
        var failed = false
        var stopped = false

        func emit(_ record: inout TableRecord, _ layout: TableLayout, _ diagnostics: inout Diagnostics) {
            if check.passes(&record, layout, into: &diagnostics) { row(record, layout, &diagnostics) }
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
                guard sample.count >= Self.sampleSize else { return true }
                guard settle(&diagnostics) else { return false }
                stopped = stopWhenSettled
                return !stopped
            }
        } catch {
            report(error, style: style, into: &diagnostics)
            return (nil, false)
        }
        if stopped { return (layout, true) }
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
            return (nil, false)
        }
        return (failed ? nil : layout, false)
    }

    /// A syntax error stops the table where it was found.
    private func report(_ error: TableSyntaxError, style: TableStyle, into diagnostics: inout Diagnostics) {
        diagnostics.error(
            error.message,
            at: SourceLocation(
                path: path, line: error.line, column: error.column, sheet: error.isCell ? style.sheet : nil))
    }

    /// Reads the records `source` has left into `sink`; false after a syntax error.
    private func readRest<Sink: TableRowSink>(
        _ source: inout some TableSource, layout: TableLayout, check: inout RecordCheck, sink: inout Sink,
        into diagnostics: inout Diagnostics
    ) -> Bool {
        do {
            try source.forEachRecord { record in
                if !record.isBlank, check.passes(&record, layout, into: &diagnostics) {
                    sink.take(record, layout, into: &diagnostics)
                }
                return true
            }
            return true
        } catch {
            report(error, style: source.style, into: &diagnostics)
            return false
        }
    }

    /// Reads the parts of a CSV file's rest at once, then joins them in order so that the
    /// rows and diagnostics are those of reading on:
    /// - the first part starts from what the rows before it left, so it is exact;
    /// - a later part started from the state after the header, knowing nothing of the
    ///   parts before it. It is taken when it reported nothing and `join` can take its
    ///   rows as they are (no participant also in an earlier part). Otherwise it is read
    ///   again after the parts before it, as reading on reads it: so every message is
    ///   given once, where reading the file from its start gives it;
    /// - a part that did not stop where the next begins was cut inside a quoted field:
    ///   the rest is read on from where it stopped.
    private func readParts<Sink: TableRowSink>(
        _ parts: [CSVReader], layout: TableLayout, check: inout RecordCheck, sink: inout Sink,
        into diagnostics: inout Diagnostics
    ) -> Bool {
        let head = sink
        let headCheck = check
        var outcomes = Parallel.indices(parts.count) { index in
            var reader = parts[index]
            var partSink = head
            if index == 0 {
                // The first part takes the later parts' rows when they are joined: room for
                // them all at once, rather than growing it then.
                partSink.expect(bytes: parts.reduce(0) { $0 + $1.bytesLeft })
            } else {
                partSink = head.part(bytes: reader.bytesLeft, firstLine: reader.currentLine)
            }
            var partCheck = headCheck
            var found = Diagnostics()
            let read = readRest(&reader, layout: layout, check: &partCheck, sink: &partSink, into: &found)
            return (reader: reader, sink: partSink, check: partCheck, diagnostics: found, read: read)
        }
        sink = outcomes[0].sink
        // The first part's rows and participants held once: joined while also held in
        // `outcomes`, they were copied whole first (perf: 0.25 s on one core of a million-row
        // `check`).
        outcomes[0].sink = head
        check = outcomes[0].check
        diagnostics.append(contentsOf: outcomes[0].diagnostics)
        guard outcomes[0].read else { return false }
        var reader = outcomes[0].reader
        for index in 1..<parts.count {
            guard reader.endsWhereNextBegins else {
                reader.readToEnd()
                return readRest(&reader, layout: layout, check: &check, sink: &sink, into: &diagnostics)
            }
            let outcome = outcomes[index]
            if outcome.read, outcome.diagnostics.all.isEmpty, sink.join(outcome.sink, last: index == parts.count - 1) {
                reader = outcome.reader
                continue
            }
            reader = parts[index]
            guard readRest(&reader, layout: layout, check: &check, sink: &sink, into: &diagnostics) else {
                return false
            }
        }
        return true
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
    static func conform(_ record: inout TableRecord, width: Int) {
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
            let found = columns.indices.filter { accepted[$0].contains(candidate) }
            guard !found.isEmpty else { continue }
            let onlyGeneric = found.allSatisfy { tentative[$0].contains(candidate) }
            return (found.map { columns[$0] }, onlyGeneric || found.count > 1)
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

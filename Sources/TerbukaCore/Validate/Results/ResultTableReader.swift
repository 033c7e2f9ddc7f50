import Foundation

/// Reads one result table row by row (streamed from a CSV file or a worksheet), checking
/// what every table shares: the header, participant numbers, names, formations, private
/// tie-break columns, and anything that looks like personal data.
struct ResultTableReader {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    let place: TablePlace
    let url: URL
    let stage: ResultStage
    let rules: ScoringRules
    let formations: FormationIndex

    var path: String { place.path }

    /// The columns the stages read, resolved to field indexes once per table.
    enum Column: Int, CaseIterable {
        case participant, name, formation, position, unit, kind, ipk, birthDate, status, reason, twk, tiu, tkp, total,
            rank, skb, skd, final
        case skdWeighted, skbWeighted, skdSource

        var id: String {
            switch self {
            case .birthDate: "birth_date"
            case .skdWeighted: "skd_weighted"
            case .skbWeighted: "skb_weighted"
            case .skdSource: "skd_source"
            default: "\(self)"
            }
        }
    }

    /// One row's fields by column name, with their places, for the stage's parser.
    struct Fields {
        let record: TableRecord
        /// What every row of the table shares, in one object: a row's fields are made and
        /// dropped a million times, and each reference they hold is counted each time (perf).
        let table: Table

        final class Table {
            /// Column name → field index. A short list searched in order: cheaper than
            /// hashing the name for every cell of a million rows (measured with perf).
            let columns: [(name: String, index: Int)]
            /// Field index per Column, -1 where the table has none.
            let known: [Int]
            let place: TablePlace
            let layout: TableLayout
            let decimalComma: Bool

            init(layout: TableLayout, place: TablePlace, decimalComma: Bool) {
                columns = layout.indexOf.map { (name: $0.key, index: $0.value) }.sorted { $0.index < $1.index }
                known = Column.allCases.map { layout.indexOf[$0.id] ?? -1 }
                self.place = place
                self.layout = layout
                self.decimalComma = decimalComma
            }
        }

        var columns: [(name: String, index: Int)] { table.columns }
        var known: [Int] { table.known }
        var place: TablePlace { table.place }
        var layout: TableLayout { table.layout }
        var decimalComma: Bool { table.decimalComma }

        func text(_ column: Column) -> String? {
            let index = known[column.rawValue]
            return index < 0 ? nil : record.fields[index].trimmingSpaces
        }

        func location(_ column: Column) -> SourceLocation {
            location(field: known[column.rawValue])
        }

        /// The place of field `index`, named by its column; the row's start when the
        /// table has no such column.
        func location(field index: Int?) -> SourceLocation {
            guard let index, index >= 0, index < record.positions.count else {
                return place.location(line: Int(record.positions[0].line), column: Int(record.positions[0].column))
            }
            return place.location(
                record.positions[index], field: index,
                header: index < layout.headerNames.count ? layout.headerNames[index] : nil)
        }

        func scaled(_ column: Column, scale: Int) -> Int? {
            text(column).flatMap { CellText.parse($0, scale: scale, decimalComma: decimalComma) }
        }

        /// " (column 'KETERANGAN' read as the status)" when the values decided how a
        /// generic header was read, so that a message about it says so.
        func reading(_ column: Column) -> Bilingual {
            .aside(layout.readings[column.id])
        }

        func index(_ column: String) -> Int? {
            for entry in columns where entry.name == column { return entry.index }
            return nil
        }

        /// The trimmed text of a column, nil when the table has no such column.
        func text(_ column: String) -> String? {
            index(column).map { record.fields[$0].trimmingSpaces }
        }

        func location(_ column: String) -> SourceLocation {
            location(field: index(column))
        }

        /// A number with up to `scale` decimals, as an integer in units of 10^-scale.
        func scaled(_ column: String, scale: Int) -> Int? {
            text(column).flatMap { CellText.parse($0, scale: scale, decimalComma: decimalComma) }
        }
    }

    /// Opens the table: a CSV file, or a worksheet of an .xlsx workbook.
    static func open(_ url: URL, path: String, sheet: String?, into diagnostics: inout Diagnostics) -> (
        any TableSource
    )? {
        do {
            return try TableFormat.open(url, sheet: sheet)
        } catch {
            diagnostics.error(error.message, at: SourceLocation(path: path))
            return nil
        }
    }

    /// Long CSV tables are read in this many parts at once (see TableReader.readParts)...
    var parts = ProcessInfo.processInfo.activeProcessorCount
    /// ...of at least this many bytes: a shorter table is read faster by one thread.
    var minimumPartBytes = 1 << 20

    /// The rows of the table in `source`, or nil when it has errors, all reported. A
    /// participant number listed twice is found once the table is read (ParticipantLines):
    /// then the table, from `reopen`, is read again looking each number up as its row is
    /// read, for the messages and rows that reading gives.
    func read<Row>(
        _ source: inout some TableSource, reopen: (inout Diagnostics) -> (any TableSource)?,
        into diagnostics: inout Diagnostics, row make: @escaping (Fields, RowIdentity, inout Diagnostics) -> Row?
    ) -> [Row]? {
        var found = Diagnostics()
        var (rows, repeated) = read(&source, deferred: true, into: &found, row: make)
        if repeated {
            // The first reading's rows are let go before the second's are made.
            rows = nil
            found = Diagnostics()
            guard var again = reopen(&diagnostics) else { return nil }
            (rows, _) = read(&again, deferred: false, into: &found, row: make)
        }
        diagnostics.append(contentsOf: found)
        return rows
    }

    /// Reads the table once; `repeated` tells that a number collected (`deferred`) was
    /// collected twice, which makes the rows and messages not those to give.
    private func read<Row>(
        _ source: inout some TableSource, deferred: Bool, into diagnostics: inout Diagnostics,
        row make: @escaping (Fields, RowIdentity, inout Diagnostics) -> Row?
    ) -> (rows: [Row]?, repeated: Bool) {
        let before = diagnostics.errorCount
        let style = source.style
        let specs = ResultColumns.columns(for: stage, rules: rules)
        let statusCodes = ResultColumns.statusCodes(for: stage)
        var reader = TableReader(path: path, columns: specs, anchors: ["participant"])
        reader.fits = { column, values, header in
            ResultColumns.fits(
                column, values: values, header: header, statusCodes: statusCodes, formations: formations,
                decimalComma: style.decimalComma)
        }
        reader.optionalWhen = { column, found in
            column == "formation" && found.contains("position") && found.contains("unit")
        }
        reader.missingHint = { column in column == "formation" ? .formationByPositionAndUnit : nil }
        // A CSV table read on past its header by TableReader makes room for its rows then,
        // part by part when it is cut (TableRowSink.expect); only other tables ask the size.
        let readOn = parts > 1 && source is CSVReader
        let bytes = readOn ? 0 : (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var rows = Rows(
            reader: self, make: make, decimalComma: style.decimalComma, bytes: bytes, deferred: deferred)
        let layout = reader.read(
            &source, into: &diagnostics,
            unknownHeader: { index, name, location, diagnostics in
                if let kind = ResultColumns.personalHeader(name) {
                    diagnostics.error(.personalColumn(name, kind: kind), at: location)
                    return false
                }
                diagnostics.warning(
                    .unusedColumn(name, known: specs.flatMap(\.acceptedNames), unpublished: true), at: location)
                return true
            },
            sink: &rows, parts: parts, minimumPartBytes: minimumPartBytes)
        let repeated = deferred && rows.firstRowOf.repeatsANumber()
        guard let layout else { return (nil, repeated) }
        if rows.rows.isEmpty, diagnostics.errorCount == before {
            diagnostics.error(.headerWithoutRows, at: place.location(line: layout.headerLine + 1))
        }
        if rows.skipped.count > 0, let first = rows.skipped.first {
            diagnostics.warning(.notesSkipped(rows.skipped.count), at: first)
        }
        return (diagnostics.errorCount == before ? rows.rows : nil, repeated)
    }

    /// What reading a result table keeps from row to row.
    struct Rows<Row>: TableRowSink {
        let reader: ResultTableReader
        let make: (Fields, RowIdentity, inout Diagnostics) -> Row?
        let decimalComma: Bool
        var rows: [Row] = []
        /// A later part's rows, moved to the first part's `rows` when joined; nil in the
        /// first part.
        var laterRows: MovableRows<Row>?
        /// Participant → the line of its row, to report a participant listed twice (numbers
        /// only collected, without lines, when deferred).
        var firstRowOf = ParticipantLines()
        /// The line this part's rows start on: earlier lines in `firstRowOf` are not its own.
        var firstLine = 0
        var personalColumnsReported: Set<Int> = []
        var lastFormation = (written: "\u{0}", index: Int32(0))
        var prepared: Fields.Table?
        var skipped: (count: Int, first: SourceLocation?) = (0, nil)
        var cellProblems: Set<Int> = []

        init(
            reader: ResultTableReader, make: @escaping (Fields, RowIdentity, inout Diagnostics) -> Row?,
            decimalComma: Bool, bytes: Int, deferred: Bool
        ) {
            self.reader = reader
            self.make = make
            self.decimalComma = decimalComma
            // About one row per 40 bytes: growing a dictionary of a million keys rehashes them all.
            firstRowOf = ParticipantLines(capacity: max(1024, bytes / 40), deferred: deferred)
        }

        mutating func expect(bytes: Int) {
            firstRowOf.reserve(firstRowOf.count + bytes / 40)
            // Room made once: an array of a million rows grown by doubling copies them and
            // touches new memory at each step (perf: a tenth of `check`'s page faults).
            if laterRows == nil { rows.reserveCapacity(rows.count + bytes / 40) }
        }

        func part(bytes: Int, firstLine: Int) -> Rows {
            var part = self
            part.rows = []
            part.laterRows = MovableRows(capacity: bytes / 40)
            part.skipped = (0, nil)
            part.firstLine = firstLine
            part.firstRowOf = firstRowOf.forLaterPart()
            part.expect(bytes: bytes)
            // Its own, made again at its first row, so that the two cores do not count
            // references to the same object for every row.
            part.prepared = nil
            return part
        }

        mutating func join(_ later: Rows, last: Bool) -> Bool {
            if firstRowOf.sharesAny(later.firstRowOf, from: later.firstLine) { return false }
            firstRowOf.add(later.firstRowOf, from: later.firstLine, lines: !last)
            // A later part is made by `part`, with rows of its own to move.
            later.laterRows!.move(to: &rows)
            skipped.count += later.skipped.count
            if skipped.first == nil { skipped.first = later.skipped.first }
            return true
        }

        mutating func take(_ record: TableRecord, _ layout: TableLayout, into diagnostics: inout Diagnostics) {
            let place = reader.place
            if prepared == nil { prepared = Fields.Table(layout: layout, place: place, decimalComma: decimalComma) }
            let fields = Fields(record: record, table: prepared!)
            if !record.kinds.isEmpty,
                !TableReader.checkCells(
                    record, longNumberColumn: layout.indexOf["participant"], what: .participant, place: place,
                    reported: &cellProblems, into: &diagnostics)
            {
                return
            }
            // Notes under or inside the table (a signature, "Ditetapkan di …", a section
            // heading): no participant number and no name, or a single filled cell of words.
            // A row whose only cell looks like a participant number is never one.
            var participant = fields.text(.participant) ?? ""
            // Bytes in place, not `contains(" ")`: that is Foundation's substring search, per
            // row.
            let (space, digit) = participant.withUTF8 { bytes in
                (bytes.contains(UInt8(ascii: " ")), bytes.contains(where: ResultTableReader.isDigit))
            }
            let note =
                participant.isEmpty
                ? (fields.text(.name) ?? "").isEmpty || ResultTableReader.isNote(record)
                : (space || !digit && !participant.contains(where: \.isNumber)) && ResultTableReader.isNote(record)
            if note {
                skipped.count += 1
                if skipped.first == nil { skipped.first = place.location(line: record.line) }
                return
            }
            for index in layout.unknown where !personalColumnsReported.contains(index) {
                if let kind = PersonalData.kind(of: record.fields[index]) {
                    personalColumnsReported.insert(index)
                    diagnostics.error(
                        .columnHoldsPersonalData(layout.headerNames[index], kind: kind),
                        at: place.location(record.positions[index], field: index, header: nil))
                }
            }
            guard
                let identity = reader.identity(
                    fields, participant: participant, firstRowOf: &firstRowOf, lastFormation: &lastFormation,
                    into: &diagnostics),
                let row = make(fields, identity, &diagnostics)
            else { return }
            if let laterRows { laterRows.append(row) } else { rows.append(row) }
        }
    }

    /// A row with one filled cell at most: no participant row has less than a number and a name.
    static func isNote(_ record: TableRecord) -> Bool {
        var filled = 0
        for field in record.fields where !field.trimmingSpaces.isEmpty {
            filled += 1
            if filled > 1 { return false }
        }
        return true
    }

    /// `participant`: the row's number as `take` read it.
    private func identity(
        _ fields: Fields, participant: String, firstRowOf: inout ParticipantLines,
        lastFormation: inout (written: String, index: Int32),
        into diagnostics: inout Diagnostics
    ) -> RowIdentity? {
        var ok = true
        let row = fields.record.line
        if participant.isEmpty {
            diagnostics.error(.emptyParticipant(row: Int(row)), at: fields.location(.participant))
            ok = false
        } else if CellText.isScientificNotation(participant) {
            diagnostics.error(.scientificNotation(row: Int(row), participant), at: fields.location(.participant))
            ok = false
        } else if let first = firstRowOf.claim(participant, line: row) {
            diagnostics.error(
                .participantTwice(row: Int(row), participant, first: first), at: fields.location(.participant))
            ok = false
        }
        let name = fields.text(.name) ?? ""
        if name.isEmpty {
            diagnostics.error(.emptyName(row: Int(row)), at: fields.location(.name))
            ok = false
        } else if let kind = PersonalData.kindInside(name) {
            diagnostics.error(.personalDataInRow(row: Int(row), .name, kind: kind), at: fields.location(.name))
            ok = false
        }
        let formation: String
        var formationIndex = lastFormation.index
        if fields.known[Column.formation.rawValue] >= 0 {
            let written = fields.text(.formation) ?? ""
            if written != lastFormation.written {
                // A code, or SSCASN's formasi_id of a formation imported with a short code.
                guard let index = formations.byCode[written] ?? formations.bySSCASNID[written] else {
                    diagnostics.error(
                        .unknownFormationInRow(
                            row: Int(row), written, reading: fields.reading(.formation),
                            known: formations.byCode.keys.sorted()),
                        at: fields.location(.formation))
                    return nil
                }
                formationIndex = Int32(index)
                lastFormation = (written, formationIndex)
            }
            formation = formations.all[Int(formationIndex)].code
        } else {
            guard
                let index = formations.match(
                    position: fields.text(.position) ?? "", unit: fields.text(.unit) ?? "", kind: fields.text(.kind),
                    row: row, at: fields.location(.position), into: &diagnostics)
            else { return nil }
            formation = formations.all[index].code
            formationIndex = Int32(index)
        }
        var tieBreaks = PrivateTieBreaks()
        if let raw = fields.text(.ipk), !raw.isEmpty {
            if let ipk = CellText.parse(raw, scale: 2, decimalComma: true), ipk <= 400 {
                tieBreaks.ipk = Int16(ipk)
            } else {
                diagnostics.error(.badIPK(row: Int(row), raw), at: fields.location(.ipk))
                ok = false
            }
        }
        if let raw = fields.text(.birthDate), !raw.isEmpty {
            if let date = CellText.birthDate(raw) {
                tieBreaks.birthDay = Int32(date.daysSinceEpoch)
            } else {
                diagnostics.error(.badBirthDate(row: Int(row), raw), at: fields.location(.birthDate))
                ok = false
            }
        }
        guard ok else { return nil }
        return RowIdentity(
            participant: participant, name: name, formation: formation, formationIndex: formationIndex, row: Int32(row),
            line: Int32(row), tieBreaks: tieBreaks)
    }
}

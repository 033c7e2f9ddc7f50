import Foundation

/// Reads one result table row by row (streamed from disk), checking what every table
/// shares: the header, participant numbers, names, formation codes, private tie-break
/// columns, and anything that looks like personal data.
struct ResultTableReader {
    let path: String
    let url: URL
    let stage: ResultStage
    let rules: ScoringRules
    /// Formation code → position in formations.csv.
    let formations: [String: Int]

    /// The columns the stages read, resolved to field indexes once per table.
    enum Column: Int, CaseIterable {
        case participant, name, formation, ipk, birthDate, status, reason, twk, tiu, tkp, total, rank, skb, skd, final

        var id: String {
            switch self {
            case .birthDate: "birth_date"
            default: "\(self)"
            }
        }
    }

    /// One row's fields by column name, with their places, for the stage's parser.
    struct Fields {
        let record: CSVRecord
        /// Column name → field index. A short list searched in order: cheaper than hashing
        /// the name for every cell of a million rows (measured with perf).
        let columns: [(name: String, index: Int)]
        /// Field index per Column, -1 where the table has none.
        let known: [Int]
        let path: String
        let decimalComma: Bool

        func text(_ column: Column) -> String? {
            let index = known[column.rawValue]
            return index < 0 ? nil : record.fields[index].trimmingSpaces
        }

        func location(_ column: Column) -> SourceLocation {
            let index = known[column.rawValue]
            let position = index < 0 ? record.positions[0] : record.positions[index]
            return SourceLocation(path: path, line: position.line, column: position.column)
        }

        func scaled(_ column: Column, scale: Int) -> Int? {
            text(column).flatMap { Scores.parse($0, scale: scale, decimalComma: decimalComma) }
        }

        func index(_ column: String) -> Int? {
            for entry in columns where entry.name == column { return entry.index }
            return nil
        }

        func has(_ column: String) -> Bool { index(column) != nil }

        /// The trimmed text of a column, nil when the table has no such column.
        func text(_ column: String) -> String? {
            index(column).map { record.fields[$0].trimmingSpaces }
        }

        func location(_ column: String) -> SourceLocation {
            let position = index(column).map { record.positions[$0] } ?? record.positions[0]
            return SourceLocation(path: path, line: position.line, column: position.column)
        }

        /// A number with up to `scale` decimals, as an integer in units of 10^-scale.
        func scaled(_ column: String, scale: Int) -> Int? {
            text(column).flatMap { Scores.parse($0, scale: scale, decimalComma: decimalComma) }
        }
    }

    func read<Row>(into diagnostics: inout Diagnostics, row make: (Fields, RowIdentity, inout Diagnostics) -> Row?) -> [Row]? {
        let before = diagnostics.errorCount
        var reader: CSVReader
        do {
            reader = try CSVReader(contentsOf: url)
        } catch {
            diagnostics.error("cannot read the result table: \(error.localizedDescription)", at: SourceLocation(path: path))
            return nil
        }
        var rows: [Row] = []
        do {
            guard let headerRecord = try reader.next() else {
                diagnostics.error("the result table is empty: it needs a header line and one line per participant", at: SourceLocation(path: path))
                return nil
            }
            let specs = ResultColumns.columns(for: stage, rules: rules)
            guard let header = matchHeader(headerRecord, specs: specs, into: &diagnostics) else { return nil }
            let decimalComma = reader.separator == UInt8(ascii: ";")
            let columns = header.columns.map { (name: $0.key, index: $0.value) }.sorted { $0.index < $1.index }
            let known = Column.allCases.map { header.columns[$0.id] ?? -1 }
            var firstRowOf: [String: Int] = [:]
            // About one row per 40 bytes: growing a dictionary of a million keys rehashes them all.
            let fileSize = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            firstRowOf.reserveCapacity(max(1024, (fileSize ?? 0) / 40))
            var personalColumnsReported: Set<Int> = []
            // No code matches this: the first row's formation is always looked up.
            var lastFormation = (code: "\u{0}", index: Int32(0))
            var rowNumber = 1
            var record = CSVRecord(fields: [], positions: [])
            while try reader.read(into: &record) {
                rowNumber += 1
                let fields = Fields(record: record, columns: columns, known: known, path: path, decimalComma: decimalComma)
                guard record.fields.count == header.fieldCount else {
                    diagnostics.error("row \(rowNumber) has \(record.fields.count) fields but the header has \(header.fieldCount)",
                                      at: SourceLocation(path: path, line: record.line, column: 1),
                                      hint: "a field containing the separator '\(reader.separatorName)' must be in quotes")
                    continue
                }
                for index in header.unknown where !personalColumnsReported.contains(index) {
                    if let kind = PersonalData.kind(of: record.fields[index]) {
                        personalColumnsReported.insert(index)
                        let position = record.positions[index]
                        diagnostics.error("column '\(headerRecord.fields[index])' holds \(kind), which is personal data; remove the column",
                                          at: SourceLocation(path: path, line: position.line, column: position.column))
                    }
                }
                guard let identity = identity(fields, row: rowNumber, firstRowOf: &firstRowOf, lastFormation: &lastFormation, into: &diagnostics),
                      let row = make(fields, identity, &diagnostics) else { continue }
                rows.append(row)
            }
        } catch {
            diagnostics.error(error.message, at: SourceLocation(path: path, line: error.line, column: error.column), hint: error.hint)
            return nil
        }
        return diagnostics.errorCount == before ? rows : nil
    }

    private struct Header {
        var columns: [String: Int]
        var fieldCount: Int
        /// Indexes of columns that are not part of the table.
        var unknown: [Int]
    }

    private func matchHeader(_ record: CSVRecord, specs: [CSVColumn], into diagnostics: inout Diagnostics) -> Header? {
        var ok = true
        var unknownNames: [Int] = []
        for (index, name) in record.fields.enumerated() {
            let normalized = CSVColumn.normalize(name)
            guard !specs.contains(where: { $0.acceptedNames.map(CSVColumn.normalize).contains(normalized) }) else { continue }
            let position = record.positions[index]
            let location = SourceLocation(path: path, line: position.line, column: position.column)
            if let kind = ResultColumns.personalHeaders[normalized] {
                diagnostics.error("column '\(name)' is personal data (\(kind)) and must not be published; remove it from the table", at: location,
                                  hint: kind == "birth date" ? "a birth date for tie-breaks goes in a column named 'birth_date' or 'tanggal_lahir', which is never published" : nil)
                ok = false
            } else {
                unknownNames.append(index)
            }
        }
        var known = Diagnostics()
        guard let matched = CSVHeader.match(record, columns: specs, path: path, into: &known) else {
            diagnostics.append(contentsOf: Diagnostics(known.all.filter { $0.severity == .error }))
            return nil
        }
        // Unknown columns are not published; say so once each.
        for index in unknownNames {
            let position = record.positions[index]
            diagnostics.warning("column '\(record.fields[index])' is not used and is not published",
                                at: SourceLocation(path: path, line: position.line, column: position.column),
                                hint: Suggestion.hint(for: record.fields[index], in: specs.flatMap(\.acceptedNames)))
        }
        guard ok else { return nil }
        return Header(columns: matched.indexOf, fieldCount: matched.fieldCount, unknown: unknownNames)
    }

    private func identity(_ fields: Fields, row: Int, firstRowOf: inout [String: Int], lastFormation: inout (code: String, index: Int32),
                          into diagnostics: inout Diagnostics) -> RowIdentity? {
        var ok = true
        let participant = fields.text(.participant) ?? ""
        if participant.isEmpty {
            diagnostics.error("row \(row): empty participant number", at: fields.location(.participant))
            ok = false
        } else if Scores.isScientificNotation(participant) {
            diagnostics.error("row \(row): participant number '\(participant)' is in scientific notation, so Excel has already rounded it",
                              at: fields.location(.participant),
                              hint: "format the column as Text in the spreadsheet, type the numbers again and export")
            ok = false
        } else if let first = firstRowOf[participant] {
            diagnostics.error("row \(row): participant '\(participant)' appears twice (first in row \(first))", at: fields.location(.participant))
            ok = false
        } else {
            firstRowOf[participant] = row
        }
        let name = fields.text(.name) ?? ""
        if name.isEmpty {
            diagnostics.error("row \(row): empty name", at: fields.location(.name))
            ok = false
        } else if let kind = PersonalData.kindInside(name) {
            diagnostics.error("row \(row): the name holds \(kind), which is personal data", at: fields.location(.name))
            ok = false
        }
        let formation = fields.text(.formation) ?? ""
        var formationIndex = lastFormation.index
        if formation != lastFormation.code {
            guard let index = formations[formation] else {
                diagnostics.error("row \(row): unknown formation code '\(formation)'", at: fields.location(.formation),
                                  hint: Suggestion.hint(for: formation, in: formations.keys.sorted()) ?? "codes are listed in formations.csv")
                return nil
            }
            formationIndex = Int32(index)
            lastFormation = (formation, formationIndex)
        }
        var tieBreaks = PrivateTieBreaks()
        if let raw = fields.text(.ipk), !raw.isEmpty {
            if let ipk = Scores.parse(raw, scale: 2, decimalComma: true), ipk <= 400 {
                tieBreaks.ipk = Int16(ipk)
            } else {
                diagnostics.error("row \(row): IPK '\(raw)' is not a grade point average between 0 and 4", at: fields.location(.ipk))
                ok = false
            }
        }
        if let raw = fields.text(.birthDate), !raw.isEmpty {
            if let date = Scores.birthDate(raw) {
                tieBreaks.birthDay = Int32(date.daysSinceEpoch)
            } else {
                diagnostics.error("row \(row): birth date '\(raw)' is not a date with a four-digit year", at: fields.location(.birthDate),
                                  hint: "write YYYY-MM-DD or DD-MM-YYYY")
                ok = false
            }
        }
        guard ok else { return nil }
        return RowIdentity(participant: participant, name: name, formation: formation, formationIndex: formationIndex, row: Int32(row),
                           line: Int32(fields.record.line), tieBreaks: tieBreaks)
    }
}

extension Diagnostics {
    init(_ list: [Diagnostic]) {
        self.init()
        for diagnostic in list {
            switch diagnostic.severity {
            case .error: error(diagnostic.message, at: diagnostic.location, hint: diagnostic.hint)
            case .warning: warning(diagnostic.message, at: diagnostic.location, hint: diagnostic.hint)
            }
        }
    }
}

/// Reading numbers as agencies write them: exact, as integers of a fixed scale.
enum Scores {
    /// "85,25" (with a decimal comma when allowed) or "85.25" → 8525 at scale 2. Rejects
    /// more decimals than `scale`, signs and thousands separators.
    static func parse(_ text: String, scale: Int, decimalComma: Bool) -> Int? {
        var whole = 0
        var fraction = 0
        var fractionDigits = 0
        var seenMark = false
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                let value = Int(scalar.value - 48)
                if seenMark {
                    fractionDigits += 1
                    // Trailing zeros beyond the scale are harmless ("80,500" at scale 2).
                    if fractionDigits > scale {
                        if value != 0 { return nil }
                        continue
                    }
                    fraction = fraction * 10 + value
                } else {
                    whole = whole * 10 + value
                    digits += 1
                    if digits > 12 { return nil }
                }
            case ".", "," where decimalComma:
                if seenMark { return nil }
                seenMark = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        var factor = 1
        for _ in 0..<scale { factor *= 10 }
        var scaledFraction = fraction
        for _ in Swift.min(fractionDigits, scale)..<scale { scaledFraction *= 10 }
        return whole * factor + scaledFraction
    }

    static func isScientificNotation(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 == 0x45 || $0 == 0x65 }) else { return false }
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e].replacingOccurrences(of: ",", with: ".")
        var exponent = upper[upper.index(after: e)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !mantissa.isEmpty && Double(mantissa) != nil && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }

    /// YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, with a four-digit year from 1900: a
    /// two-digit year would make an applicant centuries old and decide a tie.
    static func birthDate(_ text: String) -> CivilDate? {
        let pieces = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        let parts = pieces.compactMap { Int($0) }
        guard parts.count == 3, pieces.count == 3 else { return nil }
        let date = pieces[0].count == 4 ? CivilDate(year: parts[0], month: parts[1], day: parts[2])
            : pieces[2].count == 4 ? CivilDate(year: parts[2], month: parts[1], day: parts[0]) : nil
        guard let date, date.year >= 1900, date.year <= 2100 else { return nil }
        return date
    }
}

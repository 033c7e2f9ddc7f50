import Foundation

/// `terbuka import sscasn`: a formation export from the SSCASN portal (one row per
/// formation × study programme) into `formations.csv`: rows grouped by formation, study
/// programmes joined, kinds mapped, seats and salaries kept; with a report of what was
/// merged and what was unclear. Two layouts are read: the portal's API fields
/// (`formasi_id`, `jabatan_nm`, `lokasi_nm`, `formasi_nm`, `jumlah_formasi`, `gaji_min`,
/// `gaji_max`, `jenjang_studi`, `program_studi`) and scraped tables (`jabatan`,
/// `unit_kerja`, `formasi`, `kebutuhan`, `penghasilan_min`/`_max` in millions).
public enum SSCASNImporter {
    public struct Report: Sendable {
        public var rowsRead = 0
        public var formations = 0
        public var merged = 0
        /// Kind written in the export → slug, for every kind seen.
        public var kinds: [String: String] = [:]
        /// Slugs that have no passing marks in the CPNS preset: the notice needs
        /// `scoring.passing` for them.
        public var kindsWithoutPassingMarks: [String] = []
        /// Things a person should look at, one line each.
        public var unclear: [Bilingual] = []

        public var text: String { text(in: .en) }

        public func text(in language: Language) -> String {
            var lines: [Bilingual] = [.importRead(rows: rowsRead, formations: formations, merged: merged)]
            for (written, slug) in kinds.sorted(by: { $0.key < $1.key }) { lines.append(.importKind(written, slug)) }
            if !kindsWithoutPassingMarks.isEmpty { lines.append(.importKindsWithoutMarks(kindsWithoutPassingMarks)) }
            lines += unclear.map(Bilingual.unclear)
            return lines.map { $0[language] }.joined(separator: "\n")
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var words: Bilingual
        public var description: String { words.en }
    }

    private struct Group {
        var code: String
        /// SSCASN's formasi_id when the code is a short one made for people to read.
        var sscasnID: String?
        var position: String
        var unit: String
        var kind: String
        var quota: Int?
        var salaryMin: Int?
        var salaryMax: Int?
        var education: [String] = []
        var firstLine: Int
        /// SSCASN's `disable`: open to applicants with disabilities.
        var disability: Bool?
    }

    /// Reads `source` and returns the formations.csv text and the report.
    public static func convert(_ source: URL, displayPath: String) throws -> (csv: String, report: Report) {
        // Exports are small: read whole, from CSV or a workbook alike.
        var records: [TableRecord] = []
        do {
            var reader = try TableFormat.open(source, sheet: nil)
            try reader.forEachRecord { record in
                if !record.isBlank { records.append(record) }
                return true
            }
        } catch {
            let place = error.line > 1 ? ":\(error.line):\(error.column)" : ""
            let message = error.message
            throw Failure(
                words: Bilingual(
                    id:
                        "\(displayPath)\(place): \(message.text.id)\(message.hint.map { " (\($0.id))" } ?? "") [\(message.code)]",
                    en:
                        "\(displayPath)\(place): \(message.text.en)\(message.hint.map { " (\($0.en))" } ?? "") [\(message.code)]"
                ))
        }
        guard let header = records.first else { throw Failure(words: .importEmpty(displayPath)) }
        let names = header.fields.map { TableColumn.normalize($0) }
        func column(_ candidates: String...) -> Int? {
            candidates.lazy.compactMap { names.firstIndex(of: TableColumn.normalize($0)) }.first
        }
        guard let positionColumn = column("jabatan_nm", "jabatan"),
            let unitColumn = column("lokasi_nm", "unit_kerja", "lokasi"),
            let kindColumn = column("formasi_nm", "jenis_formasi", "formasi"),
            let quotaColumn = column("jumlah_formasi", "kebutuhan")
        else {
            throw Failure(words: .importNotAnExport(displayPath))
        }
        let idColumn = column("formasi_id", "kode_formasi")
        let minColumn = column("gaji_min", "penghasilan_min")
        let maxColumn = column("gaji_max", "penghasilan_max")
        let millions = column("penghasilan_min") != nil
        let levelColumn = column("jenjang_studi", "pendidikan_nm")
        let programmeColumn = column("program_studi")
        let disableColumn = column("disable")

        var report = Report()
        var groups: [Group] = []
        var indexOf: [String: Int] = [:]
        func money(_ raw: String, line: Int) -> Int? {
            let text = clean(raw)
            guard !text.isEmpty else { return nil }
            if millions {
                guard let value = CellText.parse(text, scale: 2, decimalComma: true) else {
                    report.unclear.append(.salaryNotMillions(line: line, raw))
                    return nil
                }
                return value * 10_000
            }
            guard let value = Int(text.filter { $0 != "." && $0 != "," }) else {
                report.unclear.append(.salaryNotWhole(line: line, raw))
                return nil
            }
            return value
        }
        for var record in records.dropFirst() {
            // Worksheets omit empty cells at the end of a row.
            if record.kinds.count > 0, record.fields.count < header.fields.count {
                record.fields += Array(repeating: "", count: header.fields.count - record.fields.count)
            }
            report.rowsRead += 1
            let line = record.line
            guard record.fields.count == header.fields.count else {
                report.unclear.append(
                    .importFieldCount(line: line, fields: record.fields.count, header: header.fields.count))
                continue
            }
            let field = { (index: Int?) -> String in index.map { clean(record.fields[$0]) } ?? "" }
            let position = field(positionColumn)
            let unit = field(unitColumn)
            let writtenKind = field(kindColumn)
            let key = idColumn.map { clean(record.fields[$0]) } ?? "\(position)|\(unit)|\(writtenKind)"
            // "S-2" and "S-2 MATEMATIKA TERAPAN" make "S-2 MATEMATIKA TERAPAN", not the level twice.
            let level = field(levelColumn)
            let programme = field(programmeColumn)
            let education =
                programme.uppercased().hasPrefix(level.uppercased()) && !level.isEmpty
                ? programme
                : [level, programme].filter { !$0.isEmpty }.joined(separator: " ")
            if let existing = indexOf[key] {
                report.merged += 1
                let quota = Int(field(quotaColumn))
                if quota != groups[existing].quota {
                    report.unclear.append(
                        .importSeatsDiffer(
                            line: line, code: groups[existing].code, here: field(quotaColumn),
                            first: groups[existing].quota, firstLine: groups[existing].firstLine
                        ))
                }
                if !education.isEmpty, !groups[existing].education.contains(education) {
                    groups[existing].education.append(education)
                }
                continue
            }
            let kind = FormationKind.normalize(writtenKind)
            report.kinds[writtenKind] = kind
            let quota = Int(field(quotaColumn))
            if quota == nil || quota! < 1 {
                report.unclear.append(.importBadSeats(line: line, field(quotaColumn)))
            }
            // SSCASN's formasi_id (32 or 36 characters) is no code a person reads: the formation
            // gets a short code, and the id is kept beside it for result tables that use it.
            let short = "F\(String(format: "%04d", groups.count + 1))"
            let readable = idColumn != nil && key.count <= Self.longestReadableCode
            let code = readable ? key : short
            let sscasnID = idColumn != nil && !readable ? key : nil
            indexOf[key] = groups.count
            groups.append(
                Group(
                    code: code, sscasnID: sscasnID, position: position, unit: unit, kind: kind, quota: quota,
                    salaryMin: minColumn.flatMap { money(record.fields[$0], line: line) },
                    salaryMax: maxColumn.flatMap { money(record.fields[$0], line: line) },
                    education: education.isEmpty ? [] : [education], firstLine: line,
                    disability: disableColumn.flatMap { FormationsValidator.yesOrNo(field($0)) }))
        }
        report.formations = groups.count
        report.kindsWithoutPassingMarks = Set(groups.map(\.kind)).filter { ScoringRules.cpns2024.passing[$0] == nil }
            .sorted()
        if millions {
            report.unclear.append(.importSalariesInMillions)
        }

        var out = ByteWriter()
        let hasIDs = groups.contains { $0.sscasnID != nil }
        let columns =
            DataExport.formationColumns + (disableColumn != nil ? ["disability"] : []) + (hasIDs ? ["sscasn_id"] : [])
        out.raw(columns.joined(separator: ",") + "\r\n")
        for group in groups {
            var values: [String] = [
                group.code, group.position, group.unit, group.education.joined(separator: " / "), group.kind,
                group.quota.map(String.init) ?? "", group.salaryMin.map(String.init) ?? "",
                group.salaryMax.map(String.init) ?? "",
            ]
            if disableColumn != nil {
                let disability: String = group.disability.map { $0 ? "ya" : "tidak" } ?? ""
                values.append(disability)
            }
            if hasIDs { values.append(group.sscasnID ?? "") }
            for (index, value) in values.enumerated() {
                if index > 0 { out.raw(",") }
                out.csv(value)
            }
            out.raw("\r\n")
        }
        return (out.string, report)
    }

    /// Codes longer than this (SSCASN's formasi_id) are replaced by short codes.
    static let longestReadableCode = 16

    /// Trimmed, with no-break spaces made plain: exports carry both.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingSpaces
    }
}

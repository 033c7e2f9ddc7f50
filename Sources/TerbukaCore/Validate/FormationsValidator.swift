/// `formations.csv` into formations.
enum FormationsValidator {
    static let columns = [
        CSVColumn("code", aliases: ["kode", "kode_formasi"], required: true),
        CSVColumn("position", aliases: ["jabatan", "nama_jabatan"], required: true),
        CSVColumn("unit", aliases: ["unit_kerja", "lokasi", "lokasi_formasi", "penempatan"], required: true),
        CSVColumn("education", aliases: ["pendidikan", "kualifikasi_pendidikan"]),
        CSVColumn("kind", aliases: ["jenis", "jenis_formasi", "formasi_nm"], required: true),
        CSVColumn("quota", aliases: ["kebutuhan", "jumlah_kebutuhan", "formasi"], required: true),
        CSVColumn("salary_min", aliases: ["gaji_min"]),
        CSVColumn("salary_max", aliases: ["gaji_max"]),
    ]

    static func validate(_ file: SourceFile, kind: RecruitmentKind?, passingKinds: Set<String>,
                         into diagnostics: inout Diagnostics) -> [Formation]? {
        let before = diagnostics.errorCount
        guard SourceText.decode(file.data, path: file.path, into: &diagnostics) != nil else { return nil }
        var reader = CSVReader(bytes: [UInt8](file.data))
        func location(_ record: CSVRecord, _ index: Int) -> SourceLocation {
            SourceLocation(path: file.path, line: record.positions[index].line, column: record.positions[index].column)
        }
        do {
            guard let headerRecord = try reader.next() else {
                diagnostics.error("formations.csv is empty: it needs a header line and one line per formation", at: SourceLocation(path: file.path))
                return nil
            }
            guard let header = CSVHeader.match(headerRecord, columns: columns, path: file.path, into: &diagnostics) else { return nil }
            var formations: [Formation] = []
            var firstLineOfCode: [String: Int] = [:]
            while let record = try reader.next() {
                guard record.fields.count == header.fieldCount else {
                    diagnostics.error("this row has \(record.fields.count) fields but the header has \(header.fieldCount)",
                                      at: location(record, 0), hint: "a field containing '\(reader.separatorName == "comma" ? "," : ";")' must be in quotes")
                    continue
                }
                func field(_ name: String) -> (String, SourceLocation)? {
                    guard let index = header.indexOf[name] else { return nil }
                    return (record.fields[index].trimmingSpaces, location(record, index))
                }
                func required(_ name: String) -> (String, SourceLocation)? {
                    guard let (value, at) = field(name) else { return nil }
                    if value.isEmpty {
                        diagnostics.error("empty '\(name)'", at: at)
                        return nil
                    }
                    return (value, at)
                }
                let code = required("code")
                if let (code, at) = code {
                    if let first = firstLineOfCode[code] {
                        diagnostics.error("duplicate formation code '\(code)' (first on line \(first))", at: at)
                    } else {
                        firstLineOfCode[code] = record.line
                    }
                }
                let quota = required("quota").flatMap { value, at -> Int? in
                    guard let number = Int(value), number >= 1 else {
                        diagnostics.error("quota must be a whole number of at least 1, found '\(value)'", at: at)
                        return nil
                    }
                    return number
                }
                let kindSlug = required("kind").flatMap { value, at -> String? in
                    let slug = FormationKind.normalize(value)
                    if kind == .cpns, !passingKinds.contains(slug) {
                        diagnostics.error("formation kind '\(value)' has no passing marks: define them under scoring.passing.\(slug) in index.md",
                                          at: at, hint: Suggestion.hint(for: slug, in: passingKinds.sorted()))
                        return nil
                    }
                    return slug
                }
                let salaryMin = rupiah(field("salary_min"), into: &diagnostics)
                let salaryMax = rupiah(field("salary_max"), into: &diagnostics)
                if let salaryMin, let salaryMax, salaryMax < salaryMin, let (_, at) = field("salary_max") {
                    diagnostics.error("salary_max \(salaryMax) is below salary_min \(salaryMin)", at: at)
                }
                guard let (code, _) = code, let (position, _) = required("position"), let (unit, _) = required("unit"),
                      let quota, let kindSlug else { continue }
                let education = field("education").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
                formations.append(Formation(code: code, position: position, unit: unit, education: education, kind: kindSlug,
                                            quota: quota, salaryMin: salaryMin, salaryMax: salaryMax, line: record.line))
            }
            if formations.isEmpty, diagnostics.errorCount == before {
                diagnostics.error("formations.csv lists no formation", at: SourceLocation(path: file.path, line: 2))
            }
            return diagnostics.errorCount == before ? formations : nil
        } catch {
            diagnostics.error(error.message, at: SourceLocation(path: file.path, line: error.line, column: error.column), hint: error.hint)
            return nil
        }
    }

    /// Whole Rupiah; thousands separators ('.' or ',') and "Rp" are accepted.
    private static func rupiah(_ field: (String, SourceLocation)?, into diagnostics: inout Diagnostics) -> Int? {
        guard let (raw, at) = field, !raw.isEmpty else { return nil }
        var text = raw
        if text.lowercased().hasPrefix("rp") { text = String(text.dropFirst(2)).trimmingSpaces }
        let digits = text.filter { $0 != "." && $0 != "," && $0 != " " }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else {
            diagnostics.error("'\(raw)' is not an amount in whole Rupiah", at: at, hint: "write it as 2500000 or 2.500.000")
            return nil
        }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

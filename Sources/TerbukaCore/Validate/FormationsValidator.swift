import Foundation

/// `formations.csv` (or `formations.xlsx`) into formations.
enum FormationsValidator {
    static let columns = [
        TableColumn("code", aliases: ["kode", "kode_formasi", "id_formasi", "formasi_id"], required: true),
        TableColumn("position", aliases: ["jabatan", "nama_jabatan"], required: true),
        TableColumn(
            "unit", aliases: ["unit_kerja", "lokasi", "lokasi_formasi", "penempatan", "unit_penempatan"], required: true
        ),
        TableColumn("education", aliases: ["pendidikan", "kualifikasi_pendidikan"]),
        TableColumn("kind", aliases: ["jenis", "jenis_formasi", "formasi_nm"], required: true),
        TableColumn(
            "quota", aliases: ["kebutuhan", "jumlah_kebutuhan", "formasi", "jumlah_formasi", "alokasi"], required: true),
        TableColumn("salary_min", aliases: ["gaji_min"]),
        TableColumn("salary_max", aliases: ["gaji_max"]),
        TableColumn("disability", aliases: ["disable", "terbuka_disabilitas", "penyandang_disabilitas"]),
        TableColumn("sscasn_id", aliases: ["id_sscasn"]),
    ]

    static func validate(
        _ file: SourceFile, kind: RecruitmentKind?, passingKinds: Set<String>,
        into diagnostics: inout Diagnostics
    ) -> [Formation]? {
        let before = diagnostics.errorCount
        var source: any TableSource
        if case .xlsx? = TableFormat(path: file.path) {
            do {
                source = try TableFormat.open(file.url, sheet: nil)
            } catch {
                diagnostics.error(error.message, at: SourceLocation(path: file.path))
                return nil
            }
        } else {
            guard SourceText.decode(file.data, path: file.path, into: &diagnostics) != nil else { return nil }
            source = CSVReader(bytes: [UInt8](file.data))
        }
        let style = source.style
        let place = TablePlace(path: file.path, sheet: style.sheet)
        var formations: [Formation] = []
        var firstLineOfCode: [String: Int] = [:]
        var cellProblems: Set<Int> = []
        let reader = TableReader(path: file.path, columns: columns, anchors: ["code"])
        let layout = reader.read(
            &source, into: &diagnostics,
            unknownHeader: { _, name, location, diagnostics in
                diagnostics.warning(
                    .unusedColumn(name, known: columns.flatMap(\.acceptedNames), unpublished: false), at: location)
                return true
            },
            row: { record, layout, diagnostics in
                if !record.kinds.isEmpty,
                    !TableReader.checkCells(
                        record, longNumberColumn: layout.indexOf["code"], what: .formationCode, place: place,
                        reported: &cellProblems, into: &diagnostics)
                {
                    return
                }
                func field(_ name: String) -> (String, SourceLocation)? {
                    guard let index = layout.indexOf[name] else { return nil }
                    return (
                        record.fields[index].trimmingSpaces,
                        place.location(record.positions[index], field: index, header: layout.headerNames[index])
                    )
                }
                func required(_ name: String) -> (String, SourceLocation)? {
                    guard let (value, at) = field(name) else { return nil }
                    if value.isEmpty {
                        diagnostics.error(.emptyFormationField(name), at: at)
                        return nil
                    }
                    return (value, at)
                }
                let code = required("code")
                if let (code, at) = code {
                    if let first = firstLineOfCode[code] {
                        diagnostics.error(
                            .duplicateFormationCode(code, first: first, inSheet: style.sheet != nil), at: at)
                    } else {
                        firstLineOfCode[code] = record.line
                    }
                }
                let quota = required("quota").flatMap { value, at -> Int? in
                    guard let number = Int(value), number >= 1 else {
                        diagnostics.error(.badQuota(value), at: at)
                        return nil
                    }
                    return number
                }
                let kindSlug = required("kind").flatMap { value, at -> String? in
                    let slug = FormationKind.normalize(value)
                    if kind == .cpns, !passingKinds.contains(slug) {
                        diagnostics.error(
                            .kindWithoutPassingMarks(value, slug: slug, known: passingKinds.sorted()), at: at)
                        return nil
                    }
                    return slug
                }
                let salaryMin = rupiah(field("salary_min"), into: &diagnostics)
                let salaryMax = rupiah(field("salary_max"), into: &diagnostics)
                if let salaryMin, let salaryMax, salaryMax < salaryMin, let (_, at) = field("salary_max") {
                    diagnostics.error(.salaryRange(max: salaryMax, min: salaryMin), at: at)
                }
                guard let (code, _) = code, let (position, _) = required("position"), let (unit, _) = required("unit"),
                    let quota, let kindSlug
                else { return }
                let education = field("education").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
                var openToDisability: Bool?
                if let (raw, at) = field("disability"), !raw.isEmpty {
                    openToDisability = Self.yesOrNo(raw)
                    if openToDisability == nil {
                        diagnostics.error(.disabilityValue(raw), at: at)
                    }
                }
                formations.append(
                    Formation(
                        code: code, position: position, unit: unit, education: education, kind: kindSlug,
                        quota: quota, salaryMin: salaryMin, salaryMax: salaryMax, line: record.line,
                        openToDisability: openToDisability,
                        sscasnID: field("sscasn_id").map(\.0).flatMap { $0.isEmpty ? nil : $0 }))
            })
        guard let layout else { return nil }
        if formations.isEmpty, diagnostics.errorCount == before {
            diagnostics.error(
                .noFormations((file.path as NSString).lastPathComponent),
                at: place.location(line: layout.headerLine + 1))
        }
        return diagnostics.errorCount == before ? formations : nil
    }

    /// Whole Rupiah; thousands separators ('.' or ',') and "Rp" are accepted.
    /// 1/0, ya/tidak, y/t, yes/no, true/false; nil for anything else.
    static func yesOrNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "ya", "y", "yes", "true", "benar": true
        case "0", "tidak", "t", "no", "n", "false", "salah": false
        default: nil
        }
    }

    private static func rupiah(_ field: (String, SourceLocation)?, into diagnostics: inout Diagnostics) -> Int? {
        guard let (raw, at) = field, !raw.isEmpty else { return nil }
        var text = raw
        if text.lowercased().hasPrefix("rp") { text = String(text.dropFirst(2)).trimmingSpaces }
        let digits = text.filter { $0 != "." && $0 != "," && $0 != " " }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else {
            diagnostics.error(.notRupiah(raw), at: at)
            return nil
        }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

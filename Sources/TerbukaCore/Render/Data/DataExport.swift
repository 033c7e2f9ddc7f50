import Foundation

/// Open data downloads: `data/<id>/formasi.csv` and `.json` (CONTENT-FORMAT.md, "Output").
enum DataExport {
    static let formationColumns = ["code", "position", "unit", "education", "kind", "quota", "salary_min", "salary_max"]

    struct FormationRecord: Encodable {
        var code: String
        var position: String
        var unit: String
        var education: String?
        var kind: String
        var quota: Int
        var salary_min: Int?
        var salary_max: Int?

        enum CodingKeys: String, CodingKey {
            case code, position, unit, education, kind, quota, salary_min, salary_max
        }

        /// Every column in every row, absent values as null, as the CSV has them.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(position, forKey: .position)
            try container.encode(unit, forKey: .unit)
            try container.encode(education, forKey: .education)
            try container.encode(kind, forKey: .kind)
            try container.encode(quota, forKey: .quota)
            try container.encode(salary_min, forKey: .salary_min)
            try container.encode(salary_max, forKey: .salary_max)
        }
    }

    struct FormationDocument: Encodable {
        var vacancy: String
        var published: String
        var rows: [FormationRecord]
    }

    static func formations(_ vacancies: [Vacancy]) -> [OutputFile] {
        vacancies.flatMap { vacancy -> [OutputFile] in
            var csv = CSVWriter.row(formationColumns)
            let records = vacancy.formations.map {
                FormationRecord(code: $0.code, position: $0.position, unit: $0.unit, education: $0.education, kind: $0.kind,
                                quota: $0.quota, salary_min: $0.salaryMin, salary_max: $0.salaryMax)
            }
            for record in records {
                csv += CSVWriter.row([record.code, record.position, record.unit, record.education ?? "", record.kind,
                                      String(record.quota), record.salary_min.map(String.init) ?? "", record.salary_max.map(String.init) ?? ""])
            }
            let document = FormationDocument(vacancy: vacancy.id, published: vacancy.published.date.description, rows: records)
            return [.text(Route.formationData(vacancy.id, "csv"), csv),
                    OutputFile(path: Route.formationData(vacancy.id, "json"), contents: .bytes(JSON.encode(document)))]
        }
    }
}

/// JSON output: the one place where JSON is written, with sorted keys so that builds are
/// byte-identical.
enum JSON {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain records cannot fail; an empty object keeps the file valid if it did.
        return ((try? encoder.encode(value)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }
}

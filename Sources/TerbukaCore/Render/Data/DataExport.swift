import Foundation

/// Open data downloads: `data/<id>/formasi.csv` and `.json` (CONTENT-FORMAT.md, "Output"),
/// written with the same escaping as the result data (ByteWriter).
enum DataExport {
    static let formationColumns = [
        "code", "position", "unit", "education", "kind", "quota", "salary_min", "salary_max",
    ]

    static func formations(_ vacancies: [Vacancy]) -> [OutputFile] {
        vacancies.flatMap { vacancy -> [OutputFile] in
            var csv = ByteWriter()
            var json = ByteWriter()
            json.raw("{\"vacancy\":")
            json.json(vacancy.id)
            json.raw(",\"published\":")
            json.json(vacancy.published.iso8601)
            json.raw(",\"rows\":[")
            csv.raw(formationColumns.joined(separator: ",") + "\r\n")
            for (index, formation) in vacancy.formations.enumerated() {
                let values: [CellValue] = [
                    .text(formation.code), .text(formation.position), .text(formation.unit),
                    formation.education.map(CellValue.text) ?? .empty, .text(formation.kind), .integer(formation.quota),
                    formation.salaryMin.map(CellValue.integer) ?? .empty,
                    formation.salaryMax.map(CellValue.integer) ?? .empty,
                ]
                json.raw(index == 0 ? "\n{" : ",\n{")
                for (column, value) in zip(formationColumns, values) {
                    if column != formationColumns[0] {
                        csv.raw(",")
                        json.raw(",")
                    }
                    json.json(column)
                    json.raw(":")
                    switch value {
                    case .text(let text):
                        csv.csv(text)
                        json.json(text)
                    case .integer(let number):
                        csv.integer(number)
                        json.integer(number)
                    case .fixed, .empty:
                        json.raw("null")
                    }
                }
                csv.raw("\r\n")
                json.raw("}")
            }
            json.raw("\n]}\n")
            return [
                OutputFile(path: Route.formationData(vacancy.id, "csv"), contents: .bytes(Data(csv.bytes))),
                OutputFile(path: Route.formationData(vacancy.id, "json"), contents: .bytes(Data(json.bytes))),
            ]
        }
    }
}

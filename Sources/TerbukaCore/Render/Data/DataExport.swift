import Foundation

/// Open data downloads about formations: `data/<id>/formasi.csv` and `.json`
/// (CONTENT-FORMAT.md, "Output"), after the final stage `data/<id>/formasi-kosong.csv`
/// and `.json`, and with results `data/<id>/evaluasi.csv` and `.json`; written with the
/// same escaping as the result data (ByteWriter).
enum DataExport {
    static let formationColumns = [
        "code", "position", "unit", "education", "kind", "quota", "salary_min", "salary_max",
    ]

    static let unfilledColumns = [
        "code", "position", "unit", "kind", "quota", "filled", "unfilled", "applicants", "withdrew", "absent", "reason",
    ]

    static let evaluationColumns = ["formation", "stage", "measure", "detail", "count"]

    /// Table Schema types of the columns of these files: text unless named here.
    static let columnTypes: [String: ResultColumn.ValueType] = [
        "quota": .integer, "salary_min": .integer, "salary_max": .integer, "disability": .boolean,
        "filled": .integer, "unfilled": .integer, "applicants": .integer, "withdrew": .integer, "absent": .integer,
        "count": .integer,
    ]

    static func typed(_ columns: [String]) -> [ResultColumn] {
        columns.map { ResultColumn(id: $0, type: columnTypes[$0] ?? .text) }
    }

    /// The columns of a vacancy's formasi.csv: `disability` and `sscasn_id` only when its
    /// list has them.
    static func formationColumns(_ vacancy: Vacancy) -> [String] {
        formationColumns + (vacancy.formations.contains { $0.openToDisability != nil } ? ["disability"] : [])
            + (vacancy.formations.contains { $0.sscasnID != nil } ? ["sscasn_id"] : [])
    }

    static func formations(_ vacancies: [Vacancy]) -> [OutputFile] {
        vacancies.flatMap { vacancy -> [OutputFile] in
            let columns = formationColumns(vacancy)
            return table(
                csv: Route.formationData(vacancy.id, "csv"), json: Route.formationData(vacancy.id, "json"),
                vacancy: vacancy, columns: columns,
                rows: vacancy.formations.map { formation in
                    let values: [CellValue] = [
                        .text(formation.code), .text(formation.position), .text(formation.unit),
                        formation.education.map(CellValue.text) ?? .empty, .text(formation.kind),
                        .integer(formation.quota), formation.salaryMin.map(CellValue.integer) ?? .empty,
                        formation.salaryMax.map(CellValue.integer) ?? .empty,
                    ]
                    var extra: [CellValue] = []
                    if columns.contains("disability") {
                        extra.append(formation.openToDisability.map { .boolean($0) } ?? .empty)
                    }
                    if columns.contains("sscasn_id") { extra.append(formation.sscasnID.map { .text($0) } ?? .empty) }
                    return values + extra
                })
        }
    }

    /// The formations the final stage left with empty seats, and why.
    static func unfilled(_ vacancy: Vacancy, _ formations: [UnfilledFormation]) -> [OutputFile] {
        table(
            csv: Route.unfilledData(vacancy.id, "csv"), json: Route.unfilledData(vacancy.id, "json"), vacancy: vacancy,
            columns: unfilledColumns,
            rows: formations.map { item in
                let formation = item.formation
                return [
                    .text(formation.code), .text(formation.position), .text(formation.unit), .text(formation.kind),
                    .integer(formation.quota), .integer(item.filled), .integer(item.unfilled),
                    .integer(item.applicants),
                    .integer(item.withdrew), .integer(item.absent), .text(item.reason.rawValue),
                ]
            })
    }

    /// The round's evaluation, a row per count: per formation, then the whole round (an
    /// empty formation); `stage` is empty for a formation's seats.
    static func evaluation(_ vacancy: Vacancy, _ evaluation: RoundEvaluation) -> [OutputFile] {
        table(
            csv: Route.evaluationData(vacancy.id, "csv"), json: Route.evaluationData(vacancy.id, "json"),
            vacancy: vacancy, columns: evaluationColumns,
            rows: evaluation.rows.map { row in
                [
                    row.formation.map(CellValue.text) ?? .empty, row.stage.map { .text($0.rawValue) } ?? .empty,
                    .text(row.measure.rawValue), .text(row.detail), .integer(row.count),
                ]
            })
    }

    /// One table as CSV (header, CRLF) and as JSON (`{"vacancy", "published", "rows"}`).
    private static func table(
        csv csvPath: String, json jsonPath: String, vacancy: Vacancy, columns: [String],
        rows: [[CellValue]]
    ) -> [OutputFile] {
        var csv = ByteWriter()
        var json = ByteWriter()
        json.raw("{\"vacancy\":")
        json.json(vacancy.id)
        json.raw(",\"published\":")
        json.json(vacancy.published.iso8601)
        json.raw(",\"rows\":[")
        csv.raw(columns.joined(separator: ",") + "\r\n")
        for (index, values) in rows.enumerated() {
            json.raw(index == 0 ? "\n{" : ",\n{")
            for (column, value) in zip(columns, values) {
                if column != columns[0] {
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
                case .fixed(let number, let scale):
                    csv.fixed(number, scale: scale, mark: UInt8(ascii: "."))
                    json.fixed(number, scale: scale, mark: UInt8(ascii: "."))
                case .boolean(let value):
                    csv.raw(value ? "true" : "false")
                    json.raw(value ? "true" : "false")
                case .empty:
                    json.raw("null")
                }
            }
            csv.raw("\r\n")
            json.raw("}")
        }
        json.raw("\n]}\n")
        return [
            OutputFile(path: csvPath, contents: .bytes(Data(csv.bytes))),
            OutputFile(path: jsonPath, contents: .bytes(Data(json.bytes))),
        ]
    }
}

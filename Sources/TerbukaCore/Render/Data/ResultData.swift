import Foundation

/// `data/<id>/<stage>.csv` and `.json`: one result table as published, computed columns
/// included, in the contract's column order (CONTENT-FORMAT.md, "Output").
enum ResultData {

    static func writeCSV(
        _ table: some PublishedResultTable, vacancy: String, to staging: StagingFolder, path: String? = nil
    ) throws {
        let file = try staging.open(path ?? Route.resultData(vacancy, table.stage, "csv"))
        var out = StreamedFile.writer()
        for (index, id) in (["participant", "name", "formation"] + table.columns.map(\.id)).enumerated() {
            if index > 0 { out.raw(",") }
            out.csv(id)
        }
        out.raw("\r\n")
        var cells: [CellValue] = []
        try table.withTexts { participants, names in
            for position in 0..<table.count {
                out.csv(utf8: participants[position])
                out.raw(",")
                out.csv(utf8: names[position])
                out.raw(",")
                out.csv(table.formation(position))
                table.cells(position, into: &cells)
                for value in cells {
                    out.raw(",")
                    switch value {
                    case .text(let text): out.csv(text)
                    case .integer(let number): out.integer(number)
                    case .fixed(let number, let scale): out.fixed(number, scale: scale, mark: UInt8(ascii: "."))
                    case .boolean(let value): out.raw(value ? "true" : "false")
                    case .empty: break
                    }
                }
                out.raw("\r\n")
                try file.appendWhenFull(&out)
            }
        }
        try file.append(&out)
        try file.close()
    }

    static func writeJSON(
        _ table: some PublishedResultTable, vacancy: String, to staging: StagingFolder, path: String? = nil
    ) throws {
        let file = try staging.open(path ?? Route.resultData(vacancy, table.stage, "json"))
        var out = StreamedFile.writer()
        out.raw("{\"vacancy\":")
        out.json(vacancy)
        out.raw(",\"stage\":")
        out.json(table.stage.rawValue)
        out.raw(",\"published\":")
        out.json(table.entry.published.iso8601)
        out.raw(",\"rows\":[")
        // Each key with its quotes and colon, and the comma before it but the first, read in
        // place (PackedRuns).
        let keys = PackedRuns(
            (["participant", "name", "formation"] + table.columns.map(\.id)).enumerated().map { index, id in
                var key = ByteWriter()
                if index > 0 { key.raw(",") }
                key.json(id)
                key.raw(":")
                return key.bytes
            })
        defer { keys.deallocate() }
        var cells: [CellValue] = []
        try table.withTexts { participants, names in
            for position in 0..<table.count {
                out.raw(position == 0 ? "\n{" : ",\n{")
                out.append(keys[0])
                out.json(utf8: participants[position])
                out.append(keys[1])
                out.json(utf8: names[position])
                out.append(keys[2])
                out.json(table.formation(position))
                table.cells(position, into: &cells)
                for index in cells.indices {
                    out.append(keys[index + 3])
                    switch cells[index] {
                    case .text(let text): out.json(text)
                    case .integer(let number): out.integer(number)
                    case .fixed(let number, let scale): out.fixed(number, scale: scale, mark: UInt8(ascii: "."))
                    case .boolean(let value): out.raw(value ? "true" : "false")
                    case .empty: out.raw("null")
                    }
                }
                out.raw("}")
                try file.appendWhenFull(&out)
            }
        }
        out.raw("\n]}\n")
        try file.append(&out)
        try file.close()
    }

    static let changeColumns = ["participant", "name", "formation", "field", "before", "after", "version"]

    /// `data/<id>/<stage>-perubahan.csv` and `.json`: every change between the versions of
    /// a table, a row per participant and field; `version` is the date of the version that
    /// made the change.
    static func changeFiles(_ versions: ResultVersions, vacancy: String) -> [OutputFile] {
        var csv = ByteWriter()
        for (index, id) in changeColumns.enumerated() {
            if index > 0 { csv.raw(",") }
            csv.csv(id)
        }
        csv.raw("\r\n")
        var json = ByteWriter()
        json.raw("{\"vacancy\":")
        json.json(vacancy)
        json.raw(",\"stage\":")
        json.json(versions.stage.rawValue)
        json.raw(",\"changes\":[")
        var first = true
        for step in versions.steps {
            for change in step.changes {
                let values = [
                    change.participant, change.name, change.formation, change.field, change.before, change.after,
                    step.to.date.description,
                ]
                for (index, value) in values.enumerated() {
                    if index > 0 { csv.raw(",") }
                    csv.csv(value)
                }
                csv.raw("\r\n")
                json.raw(first ? "\n{" : ",\n{")
                first = false
                for (index, value) in values.enumerated() {
                    if index > 0 { json.raw(",") }
                    json.json(changeColumns[index])
                    json.raw(":")
                    json.json(value)
                }
                json.raw("}")
            }
        }
        json.raw("\n]}\n")
        return [
            OutputFile(path: Route.changesData(vacancy, versions.stage, "csv"), contents: .bytes(Data(csv.bytes))),
            OutputFile(path: Route.changesData(vacancy, versions.stage, "json"), contents: .bytes(Data(json.bytes))),
        ]
    }
}

/// `data/<id>/<stage>.csv` and `.json`: one result table as published, computed columns
/// included, in the contract's column order (CONTENT-FORMAT.md, "Output").
enum ResultData {
    static func csvPath(_ vacancy: String, _ stage: ResultStage) -> String { "data/\(vacancy)/\(stage.rawValue).csv" }
    static func jsonPath(_ vacancy: String, _ stage: ResultStage) -> String { "data/\(vacancy)/\(stage.rawValue).json" }

    static func write(_ table: any PublishedResultTable, vacancy: String, to staging: StagingFolder) throws {
        let ids = ["participant", "name", "formation"] + table.columns.map(\.id)
        let csv = try staging.open(csvPath(vacancy, table.stage))
        try csv.append(CSVWriter.row(ids))
        let json = try staging.open(jsonPath(vacancy, table.stage))
        try json.append("{\"vacancy\":\(JSONText.quote(vacancy)),\"stage\":\(JSONText.quote(table.stage.rawValue)),"
            + "\"published\":\(JSONText.quote(table.entry.published.iso8601)),\"rows\":[")
        let keys = ids.map { JSONText.quote($0) + ":" }
        for position in 0..<table.count {
            let values = [CellValue.text(table.participant(position)), .text(table.name(position)), .text(table.formation(position))]
                + table.cells(position)
            try csv.append(CSVWriter.row(values.map(\.dataText)))
            var object = position == 0 ? "\n{" : ",\n{"
            for (index, value) in values.enumerated() {
                if index > 0 { object += "," }
                object += keys[index] + JSONText.value(value)
            }
            try json.append(object + "}")
        }
        try json.append("\n]}\n")
        try csv.close()
        try json.close()
    }
}

/// `data/<id>/<stage>.csv` and `.json`: one result table as published, computed columns
/// included, in the contract's column order (CONTENT-FORMAT.md, "Output").
enum ResultData {

    static func writeCSV(_ table: any PublishedResultTable, vacancy: String, to staging: StagingFolder) throws {
        let file = try staging.open(Route.resultData(vacancy, table.stage, "csv"))
        var out = ByteWriter(capacity: 1 << 16)
        for (index, id) in (["participant", "name", "formation"] + table.columns.map(\.id)).enumerated() {
            if index > 0 { out.raw(",") }
            out.csv(id)
        }
        out.raw("\r\n")
        for position in 0..<table.count {
            out.csv(table.participant(position))
            out.raw(",")
            out.csv(table.name(position))
            out.raw(",")
            out.csv(table.formation(position))
            for value in table.cells(position) {
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
            if out.bytes.count > 1 << 16 { try file.append(&out) }
        }
        try file.append(&out)
        try file.close()
    }

    static func writeJSON(_ table: any PublishedResultTable, vacancy: String, to staging: StagingFolder) throws {
        let file = try staging.open(Route.resultData(vacancy, table.stage, "json"))
        var out = ByteWriter(capacity: 1 << 16)
        out.raw("{\"vacancy\":")
        out.json(vacancy)
        out.raw(",\"stage\":")
        out.json(table.stage.rawValue)
        out.raw(",\"published\":")
        out.json(table.entry.published.iso8601)
        out.raw(",\"rows\":[")
        let keys = (["participant", "name", "formation"] + table.columns.map(\.id)).map { JSONText.quote($0) + ":" }
        for position in 0..<table.count {
            out.raw(position == 0 ? "\n{" : ",\n{")
            out.raw(keys[0])
            out.json(table.participant(position))
            out.raw(",")
            out.raw(keys[1])
            out.json(table.name(position))
            out.raw(",")
            out.raw(keys[2])
            out.json(table.formation(position))
            for (index, value) in table.cells(position).enumerated() {
                out.raw(",")
                out.raw(keys[index + 3])
                switch value {
                case .text(let text): out.json(text)
                case .integer(let number): out.integer(number)
                case .fixed(let number, let scale): out.fixed(number, scale: scale, mark: UInt8(ascii: "."))
                case .boolean(let value): out.raw(value ? "true" : "false")
                case .empty: out.raw("null")
                }
            }
            out.raw("}")
            if out.bytes.count > 1 << 16 { try file.append(&out) }
        }
        out.raw("\n]}\n")
        try file.append(&out)
        try file.close()
    }
}

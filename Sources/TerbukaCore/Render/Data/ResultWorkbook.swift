import Foundation

/// `data/<id>/<stage>.xlsx`: one result table as an Excel workbook, for readers who open
/// data in a spreadsheet. A CSV opened in Excel set to Indonesian lands in one column and
/// turns 16-digit participant numbers into `2,65E+15`; here participant numbers, names and
/// codes are text cells and scores are numbers, so it opens right in Excel, LibreOffice
/// and Google Sheets alike. Not written above `rowLimit` rows (the CSV serves those).
enum ResultWorkbook {
    /// Sites publish CSV alone above this: a worksheet is built in memory before it is
    /// compressed.
    static let rowLimit = 200_000

    /// Whether a table of `rows` rows gets its workbook.
    static func isWritten(rows: Int) -> Bool { rows <= rowLimit }

    static func write(_ table: any PublishedResultTable, vacancy: String, buildTime: Int, to staging: StagingFolder)
        throws
    {
        let path = Route.resultData(vacancy, table.stage, "xlsx")
        let target = try staging.prepareFile(path)
        let parts = workbookParts(sheet: sheet(table), name: table.stage.rawValue)
        try ZipArchive.write(names: parts.map(\.0), to: target, buildTime: buildTime) { parts[$0].1 }
        let (sha256, size) = try Digest.sha256(fileAt: target)
        staging.ledger.record(path, size: size, sha256: sha256)
    }

    /// The worksheet: a header row of column ids, then one row per participant.
    static func sheet(_ table: any PublishedResultTable) -> Data {
        var out = ByteWriter(capacity: 1 << 16)
        out.raw(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        )
        func text(_ value: String) {
            out.raw("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            out.raw(XMLText.escape(value))
            out.raw("</t></is></c>")
        }
        out.raw("<row>")
        for id in ["participant", "name", "formation"] + table.columns.map(\.id) { text(id) }
        out.raw("</row>")
        for position in 0..<table.count {
            out.raw("<row>")
            text(table.participant(position))
            text(table.name(position))
            text(table.formation(position))
            for value in table.cells(position) {
                switch value {
                case .text(let value): text(value)
                case .integer(let number):
                    out.raw("<c><v>")
                    out.integer(number)
                    out.raw("</v></c>")
                case .fixed(let number, let scale):
                    out.raw("<c><v>")
                    out.fixed(number, scale: scale, mark: UInt8(ascii: "."))
                    out.raw("</v></c>")
                case .boolean(let value): out.raw("<c t=\"b\"><v>\(value ? 1 : 0)</v></c>")
                case .empty: out.raw("<c/>")
                }
            }
            out.raw("</row>")
        }
        out.raw("</sheetData></worksheet>\n")
        return out.takeData()
    }

    /// The parts of a workbook with one sheet, in the order Excel writes them.
    static func workbookParts(sheet: Data, name: String) -> [(String, Data)] {
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let types = [
            (
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>"
            ),
            (
                "_rels/.rels",
                "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"\(XMLText.escape(name))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
            ),
            (
                "xl/styles.xml",
                "<styleSheet xmlns=\"\(main)\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
            ),
        ]
        return types.map { ($0.0, Data((header + $0.1).utf8)) } + [("xl/worksheets/sheet1.xml", sheet)]
    }
}

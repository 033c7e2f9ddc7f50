import Foundation
import TerbukaZlib

@testable import TerbukaCore

/// Small Excel workbooks made in the test, part by part as Excel writes them (shared
/// strings, inline strings, numbers, booleans, formulas, date styles, merged cells), so
/// that every fixture's origin is readable here.
struct WorkbookFixture {
    enum Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        /// Text in the shared strings, as Excel writes typed text.
        case text(String)
        /// Text written inside the cell (`t="inlineStr"`), as some exporters do.
        case inline(String)
        /// A number cell, written as it would be stored (`"85.25"`, `"2.41E+16"`).
        case number(String)
        case boolean(Bool)
        /// A formula with its saved value, or none when the workbook was never calculated.
        case formula(String, cached: String?)
        /// A date as Excel stores it: a serial day number with a date format.
        case date(Int)
        /// A number as stored, shown with the format `0.000` (three decimals).
        case threeDecimals(String)
        case empty

        init(stringLiteral value: String) { self = value.isEmpty ? .empty : .text(value) }
        init(integerLiteral value: Int) { self = .number(String(value)) }
    }

    struct Sheet {
        var name: String
        var rows: [[Cell]]
        /// Ranges such as `"D2:F2"`.
        var merges: [String] = []
        /// Write row and cell references (`r="B3"`); some exporters leave them out.
        var references = true
    }

    var sheets: [Sheet]
    /// Bytes cut from the end of each sheet's deflated data (a damaged workbook).
    var cutSheets = 0

    init(_ sheets: Sheet...) { self.sheets = sheets }

    /// One sheet named "Sheet1".
    init(rows: [[Cell]], merges: [String] = []) {
        sheets = [Sheet(name: "Sheet1", rows: rows, merges: merges)]
    }

    func data() throws -> Data {
        var archive = DeflatedZip()
        var shared: [String] = []
        var sharedIndex: [String: Int] = [:]
        func add(_ path: String, _ text: String) throws {
            archive.add(path, Data(text.utf8))
        }
        var sheetParts: [String] = []
        for sheet in sheets {
            var xml =
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                xml += sheet.references ? #"<row r="\#(r + 1)">"# : "<row>"
                for (c, cell) in row.enumerated() {
                    let ref = sheet.references ? #" r="\#(Self.column(c + 1))\#(r + 1)""# : ""
                    switch cell {
                    case .text(let text):
                        if sharedIndex[text] == nil {
                            sharedIndex[text] = shared.count
                            shared.append(text)
                        }
                        xml += #"<c\#(ref) t="s"><v>\#(sharedIndex[text]!)</v></c>"#
                    case .inline(let text): xml += #"<c\#(ref) t="inlineStr"><is><t>\#(Self.escape(text))</t></is></c>"#
                    case .number(let value): xml += "<c\(ref)><v>\(value)</v></c>"
                    case .boolean(let value): xml += #"<c\#(ref) t="b"><v>\#(value ? 1 : 0)</v></c>"#
                    case .formula(let formula, let cached):
                        xml += "<c\(ref)><f>\(Self.escape(formula))</f>\(cached.map { "<v>\($0)</v>" } ?? "")</c>"
                    case .date(let serial): xml += #"<c\#(ref) s="1"><v>\#(serial)</v></c>"#
                    case .threeDecimals(let value): xml += #"<c\#(ref) s="2"><v>\#(value)</v></c>"#
                    case .empty: break
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if !sheet.merges.isEmpty {
                xml +=
                    #"<mergeCells count="\#(sheet.merges.count)">"#
                    + sheet.merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
            }
            xml += "</worksheet>"
            sheetParts.append(xml)
        }
        try add(
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
        )
        try add(
            "_rels/.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        let sheetList = sheets.enumerated().map {
            #"<sheet name="\#(Self.escape($1.name))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"#
        }.joined()
        try add(
            "xl/workbook.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheetList)</sheets></workbook>"#
        )
        var rels = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        rels +=
            #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        rels +=
            #"<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        try add(
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#
        )
        try add(
            "xl/styles.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#
        )
        for (index, xml) in sheetParts.enumerated() {
            archive.add("xl/worksheets/sheet\(index + 1).xml", Data(xml.utf8), cut: cutSheets)
        }
        let items = shared.map { "<si><t xml:space=\"preserve\">\(Self.escape($0))</t></si>" }.joined()
        try add(
            "xl/sharedStrings.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(shared.count)" uniqueCount="\#(shared.count)">\#(items)</sst>"#
        )
        return archive.finish()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func column(_ number: Int) -> String {
        var n = number
        var letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}

/// A ZIP archive with deflated entries, as Excel writes workbooks: zlib's raw deflate and
/// CRC-32, local headers, then the central directory.
struct DeflatedZip {
    private var body = Data()
    private var central = Data()
    private var count = 0

    /// `cut`: bytes dropped from the end of the deflated data, for a damaged archive whose
    /// stream never ends.
    mutating func add(_ name: String, _ contents: Data, cut: Int = 0) {
        let compressed = Self.deflate(contents).dropLast(cut)
        let crc = contents.withUnsafeBytes {
            UInt32(crc32(0, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)))
        }
        let nameBytes = Data(name.utf8)
        let offset = body.count
        body += Self.le32(0x0403_4B50) + Self.le16(20) + Self.le16(0) + Self.le16(8) + Self.le16(0) + Self.le16(0x21)
        body += Self.le32(crc) + Self.le32(UInt32(compressed.count)) + Self.le32(UInt32(contents.count))
        body += Self.le16(UInt16(nameBytes.count)) + Self.le16(0) + nameBytes + compressed
        central +=
            Self.le32(0x0201_4B50) + Self.le16(20) + Self.le16(20) + Self.le16(0) + Self.le16(8) + Self.le16(0)
            + Self.le16(0x21)
        central += Self.le32(crc) + Self.le32(UInt32(compressed.count)) + Self.le32(UInt32(contents.count))
        central +=
            Self.le16(UInt16(nameBytes.count)) + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le16(0)
            + Self.le32(0)
        central += Self.le32(UInt32(offset)) + nameBytes
        count += 1
    }

    func finish() -> Data {
        body + central + Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(UInt16(count))
            + Self.le16(UInt16(count))
            + Self.le32(UInt32(central.count)) + Self.le32(UInt32(body.count)) + Self.le16(0)
    }

    /// Raw deflate by the system zlib, as the generator's Excel downloads use it.
    static func deflate(_ data: Data) -> Data { ZipArchive.deflate(data)! }

    static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
}

import Foundation

/// An Excel workbook (Office Open XML, `.xlsx`): the ZIP archive, its sheets by name, the
/// shared strings and which cell styles are dates. Sheets are read as a stream
/// (XLSXSheet); only the shared strings are held in memory, as Excel itself does.
final class XLSXWorkbook {
    struct Sheet {
        var name: String
        /// Path of the sheet's XML inside the archive.
        var part: String
        var hidden: Bool
    }

    let archive: ZipReader
    let sheets: [Sheet]
    let sharedStrings: [String]
    /// Per cell style (the `s` attribute of a cell): how its number format shows numbers.
    let styles: [CellStyle]
    /// Serial day 0 is 1904-01-01 instead of 1899-12-31 (workbooks made on old Macs).
    let date1904: Bool

    /// Limits that keep a hostile workbook from exhausting memory: the text of the shared
    /// strings, and any other part read whole.
    static let sharedStringsLimit = 512 << 20
    static let partLimit = 64 << 20
    /// A sheet of Excel's 1,048,576 rows of a few dozen cells stays far below this.
    static let sheetLimit = 4 << 30

    convenience init(url: URL) throws(TableSyntaxError) {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw TableSyntaxError(.cannotRead(FileProblem.describe(error)))
        }
        try Self.checkSignature(head) { (try? Data(contentsOf: url, options: .mappedIfSafe)) ?? Data() }
        let archive: ZipReader
        do {
            archive = try ZipReader(url: url)
        } catch {
            throw Self.damaged
        }
        try self.init(archive: archive)
    }

    convenience init(data: Data) throws(TableSyntaxError) {
        try Self.checkSignature(data.prefix(8)) { data }
        let archive: ZipReader
        do {
            archive = try ZipReader(data: data)
        } catch {
            throw Self.damaged
        }
        try self.init(archive: archive)
    }

    static let damaged = TableSyntaxError(.workbookDamaged(.cannotOpen))

    /// A workbook is a ZIP archive. An older binary file (an OLE compound document) is
    /// either a password-protected workbook or an .xls under another name.
    private static func checkSignature(_ head: Data, whole: () -> Data) throws(TableSyntaxError) {
        let bytes = [UInt8](head)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // Encrypted Office files keep the real workbook in a stream named EncryptedPackage.
            let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if whole().range(of: marker) != nil {
                throw TableSyntaxError(.workbookPassword(detailed: true))
            }
            throw TableSyntaxError(.otherFormatUnderXLSXName(.xls))
        }
        throw TableSyntaxError(.notAZip)
    }

    private init(archive: ZipReader) throws(TableSyntaxError) {
        self.archive = archive
        if archive["mimetype"] != nil, archive["content.xml"] != nil {
            throw TableSyntaxError(.otherFormatUnderXLSXName(.ods))
        }
        let workbookPart = Self.officeDocument(in: archive) ?? "xl/workbook.xml"
        guard archive[workbookPart] != nil else {
            throw TableSyntaxError(.zipWithoutWorkbook(workbookPart))
        }
        let folder = (workbookPart as NSString).deletingLastPathComponent
        let relationships = try Self.relationships(of: workbookPart, in: archive)
        var workbook = XMLScanner(handler: WorkbookHandler())
        try Self.read(workbookPart, in: archive, into: &workbook)
        date1904 = workbook.handler.date1904
        sheets = workbook.handler.sheets.compactMap { sheet in
            guard let target = relationships[sheet.relationship] else { return nil }
            return Sheet(name: sheet.name, part: Self.resolve(target, from: folder), hidden: sheet.hidden)
        }
        let sharedPart =
            relationships.first { $0.value.hasSuffix("sharedStrings.xml") }.map { Self.resolve($0.value, from: folder) }
            ?? "\(folder)/sharedStrings.xml"
        if archive[sharedPart] != nil {
            var strings = XMLScanner(handler: SharedStringsHandler())
            try Self.read(sharedPart, in: archive, limit: Self.sharedStringsLimit, into: &strings)
            sharedStrings = strings.handler.strings
        } else {
            sharedStrings = []
        }
        let stylesPart =
            relationships.first { $0.value.hasSuffix("styles.xml") }.map { Self.resolve($0.value, from: folder) }
            ?? "\(folder)/styles.xml"
        if archive[stylesPart] != nil {
            var styles = XMLScanner(handler: StylesHandler())
            try Self.read(stylesPart, in: archive, into: &styles)
            self.styles = styles.handler.styles
        } else {
            self.styles = []
        }
    }

    /// The sheet called `name` (case and surrounding spaces aside), or the first visible one.
    func sheet(named name: String?) throws(TableSyntaxError) -> XLSXSheet {
        if let name {
            let wanted = name.trimmingSpaces.lowercased()
            guard let sheet = sheets.first(where: { $0.name.trimmingSpaces.lowercased() == wanted }) else {
                throw TableSyntaxError(.noSuchSheet(name, sheets: sheets.map(\.name)))
            }
            return XLSXSheet(workbook: self, sheet: sheet)
        }
        guard let sheet = sheets.first(where: { !$0.hidden }) ?? sheets.first else {
            throw TableSyntaxError(.noWorksheet)
        }
        return XLSXSheet(workbook: self, sheet: sheet)
    }

    /// Streams one part of the archive through a scanner.
    static func read<H: XMLHandler>(
        _ part: String, in archive: ZipReader, limit: Int = partLimit,
        into scanner: inout XMLScanner<H>
    ) throws(TableSyntaxError) {
        try stream(part, in: archive, limit: limit) { chunk throws(TableSyntaxError) -> Bool in
            try scanner.feed(chunk)
            return true
        }
        try scanner.finish()
    }

    /// Calls `body` with each inflated chunk of a part until it returns false; true when
    /// the part was read to its end. Errors from `body` pass through; anything the archive
    /// reports means a damaged workbook.
    @discardableResult
    static func stream(
        _ part: String, in archive: ZipReader, limit: Int = sheetLimit, chunkSize: Int = 1 << 18,
        _ body: (UnsafeRawBufferPointer) throws(TableSyntaxError) -> Bool
    ) throws(TableSyntaxError) -> Bool {
        guard let entry = archive[part] else {
            throw TableSyntaxError(.workbookDamaged(.missingPart(part)))
        }
        var total = 0
        do {
            return try archive.stream(entry, chunkSize: chunkSize) { chunk throws(TableSyntaxError) -> Bool in
                total += chunk.count
                if total > limit {
                    throw TableSyntaxError(.partTooLarge(part, megabytes: limit >> 20))
                }
                return try body(chunk)
            }
        } catch {
            switch error {
            case .body(let failure): throw failure
            case .encrypted:
                throw TableSyntaxError(.workbookPassword(detailed: false))
            case .unsupportedMethod(let method):
                throw TableSyntaxError(.unusualCompression(part, method: Int(method)))
            case .damaged: throw damaged
            }
        }
    }

    /// The target of the workbook part from the package relationships.
    private static func officeDocument(in archive: ZipReader) -> String? {
        guard let rels = try? relationships(of: "", in: archive) else { return nil }
        return rels.first { $0.value.hasSuffix(".xml") && $0.value.lowercased().contains("workbook") }.map {
            resolve($0.value, from: "")
        }
    }

    /// Id → target of the relationships of a part (`xl/_rels/workbook.xml.rels`).
    private static func relationships(of part: String, in archive: ZipReader) throws(TableSyntaxError) -> [String:
        String]
    {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let relsPart = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
        guard archive[relsPart] != nil else { return [:] }
        var scanner = XMLScanner(handler: RelationshipsHandler())
        try read(relsPart, in: archive, into: &scanner)
        return scanner.handler.targets
    }

    /// A relationship target, relative to the part's folder or absolute from the root.
    private static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

private struct WorkbookHandler: XMLHandler {
    var sheets: [(name: String, relationship: String, hidden: Bool)] = []
    var date1904 = false

    mutating func start(_ name: XMLBytes, attributes: XMLBytes, selfClosing: Bool) throws(TableSyntaxError) {
        if name.equals("sheet"), let sheetName = attributes.attribute("name"), let id = attributes.attribute("id") {
            let state = try attributes.attribute("state").map(XMLCharacters.decode) ?? "visible"
            sheets.append((try XMLCharacters.decode(sheetName), try XMLCharacters.decode(id), state != "visible"))
        } else if name.equals("workbookPr"), let value = attributes.attribute("date1904") {
            date1904 = value.equals("1") || value.equals("true")
        }
    }

    mutating func end(_ name: XMLBytes) throws(TableSyntaxError) {}
    mutating func text(_ text: XMLBytes) throws(TableSyntaxError) {}
}

private struct RelationshipsHandler: XMLHandler {
    var targets: [String: String] = [:]

    mutating func start(_ name: XMLBytes, attributes: XMLBytes, selfClosing: Bool) throws(TableSyntaxError) {
        guard name.equals("Relationship"), let id = attributes.attribute("Id"),
            let target = attributes.attribute("Target")
        else { return }
        targets[try XMLCharacters.decode(id)] = try XMLCharacters.decode(target)
    }

    mutating func end(_ name: XMLBytes) throws(TableSyntaxError) {}
    mutating func text(_ text: XMLBytes) throws(TableSyntaxError) {}
}

/// `<si>` items of the shared strings: the text of their `<t>` runs, without phonetic
/// guides (`<rPh>`).
private struct SharedStringsHandler: XMLHandler {
    var strings: [String] = []
    private var current: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var inPhonetic = false

    mutating func start(_ name: XMLBytes, attributes: XMLBytes, selfClosing: Bool) throws(TableSyntaxError) {
        if name.equals("si") {
            inItem = true
            current.removeAll(keepingCapacity: true)
        } else if name.equals("t") {
            inText = inItem && !inPhonetic
        } else if name.equals("rPh") {
            inPhonetic = true
        } else if name.equals("sst"),
            let count = attributes.attribute("uniqueCount").flatMap({ Int(String(decoding: $0, as: UTF8.self)) })
        {
            strings.reserveCapacity(min(count, 1 << 24))
        }
    }

    mutating func end(_ name: XMLBytes) throws(TableSyntaxError) {
        if name.equals("si") {
            inItem = false
            strings.append(
                try current.withUnsafeBufferPointer { bytes throws(TableSyntaxError) in try XMLCharacters.decode(bytes)
                })
        } else if name.equals("t") {
            inText = false
        } else if name.equals("rPh") {
            inPhonetic = false
        }
    }

    mutating func text(_ text: XMLBytes) throws(TableSyntaxError) {
        if inText { current.append(contentsOf: text) }
    }
}

/// How a cell style's number format shows a number: as a date, or rounded to a number of
/// decimals (`0.000` shows 74.5454545 as 74.545), or as stored (General, percentages,
/// scientific notation).
struct CellStyle: Sendable {
    var isDate = false
    /// Decimals shown; nil when the number is read as stored.
    var decimals: Int?
}

/// The cell formats of styles.xml: built-in ones by number, custom ones by their code.
private struct StylesHandler: XMLHandler {
    var styles: [CellStyle] = []
    private var custom: [Int: CellStyle] = [:]
    private var inCellFormats = false

    mutating func start(_ name: XMLBytes, attributes: XMLBytes, selfClosing: Bool) throws(TableSyntaxError) {
        if name.equals("numFmt"), let id = attributes.attribute("numFmtId").flatMap(Self.int),
            let code = attributes.attribute("formatCode")
        {
            custom[id] = Self.style(code: try XMLCharacters.decode(code))
        } else if name.equals("cellXfs") {
            inCellFormats = true
        } else if name.equals("xf"), inCellFormats {
            let id = attributes.attribute("numFmtId").flatMap(Self.int) ?? 0
            styles.append(custom[id] ?? Self.builtIn(id))
        }
    }

    mutating func end(_ name: XMLBytes) throws(TableSyntaxError) {
        if name.equals("cellXfs") { inCellFormats = false }
    }

    mutating func text(_ text: XMLBytes) throws(TableSyntaxError) {}

    private static func int(_ bytes: XMLBytes) -> Int? { Int(String(decoding: bytes, as: UTF8.self)) }

    /// ECMA-376 part 1, 18.8.30: the built-in number formats.
    static func builtIn(_ id: Int) -> CellStyle {
        switch id {
        case 14...22, 27...36, 45...47, 50...58: CellStyle(isDate: true)
        case 1, 3, 37, 38: CellStyle(decimals: 0)
        case 2, 4, 39, 40: CellStyle(decimals: 2)
        default: CellStyle()
        }
    }

    /// A format code: a date when it has d, m or y outside quotes, brackets and escapes;
    /// else the zeros and hashes after its point are the decimals shown. Percentages and
    /// scientific notation change the number shown, so they are read as stored.
    static func style(code: String) -> CellStyle {
        let section = code.split(separator: ";", maxSplits: 1).first.map(String.init) ?? code
        var plain = ""
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in section.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default:
                if !inQuotes, !inBrackets { plain.append(character) }
            }
        }
        if plain.contains(where: { $0 == "d" || $0 == "m" || $0 == "y" }) { return CellStyle(isDate: true) }
        if plain.contains("%") || plain.contains("e") || plain == "general" || plain.contains("general") {
            return CellStyle()
        }
        guard plain.contains(where: { $0 == "0" || $0 == "#" }) else { return CellStyle() }
        guard let point = plain.firstIndex(of: ".") else { return CellStyle(decimals: 0) }
        return CellStyle(decimals: plain[plain.index(after: point)...].prefix { $0 == "0" || $0 == "#" }.count)
    }
}

/// Turns the XML of a worksheet into records: one per `<row>`, fields placed by their
/// cell reference (gaps are empty fields), ready in `rows[0..<ready]` after each chunk.
struct SheetHandler: XMLHandler {
    private let sharedStrings: [String]
    private let styles: [CellStyle]
    private let date1904: Bool
    /// Merged ranges taller than one row, by first row: their value fills the cells below.
    private var pendingFills: [CellRange]
    private struct Fill {
        var range: CellRange
        var value: String
        var kind: TableCellKind
    }

    private var activeFills: [Fill] = []

    var rows: [TableRecord] = []
    var ready = 0

    private enum CellType { case number, shared, inline, formulaText, boolean, error, isoDate }

    private var inSheetData = false
    private var inRow = false
    /// A `<c>` of the current row is open: what its end refers to.
    private var inCell = false
    private var row: Int32 = 0
    private var column: Int32 = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var hasFormula = false
    private var collecting = false
    private var inPhonetic = false
    private var value: [UInt8] = []

    init(workbook: XLSXWorkbook, merges: Set<CellRange>) {
        self.init(
            sharedStrings: workbook.sharedStrings, styles: workbook.styles, date1904: workbook.date1904, merges: merges)
    }

    init(sharedStrings: [String], styles: [CellStyle], date1904: Bool, merges: Set<CellRange>) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        pendingFills = merges.filter { $0.lastRow > $0.firstRow }.sorted {
            ($0.firstRow, $0.firstColumn) > ($1.firstRow, $1.firstColumn)
        }
    }

    /// After the ready rows were delivered: their records are reused, and a row still
    /// being read when the chunk ended moves to the front with what it has so far.
    mutating func recycle() {
        if inRow, ready > 0 { rows.swapAt(0, ready) }
        ready = 0
    }

    mutating func start(_ name: XMLBytes, attributes: XMLBytes, selfClosing: Bool) throws(TableSyntaxError) {
        guard let first = name.first else { return }
        switch first {
        case UInt8(ascii: "c") where name.count == 1 && inRow:
            column = attributes.attribute("r").flatMap { CellReference.parse($0)?.column } ?? column + 1
            guard column <= 16_384 else {
                throw TableSyntaxError(.workbookDamaged(.beyondXFD))
            }
            cellType = .number
            if let type = attributes.attribute("t") {
                if type.equals("s") {
                    cellType = .shared
                } else if type.equals("inlineStr") {
                    cellType = .inline
                } else if type.equals("str") {
                    cellType = .formulaText
                } else if type.equals("b") {
                    cellType = .boolean
                } else if type.equals("e") {
                    cellType = .error
                } else if type.equals("d") {
                    cellType = .isoDate
                }
            }
            cellStyle = attributes.attribute("s").flatMap { Self.integer($0) } ?? 0
            hasFormula = false
            inCell = true
            value.removeAll(keepingCapacity: true)
        case UInt8(ascii: "v") where name.count == 1:
            collecting = inRow
        case UInt8(ascii: "t") where name.count == 1:
            collecting = inRow && cellType == .inline && !inPhonetic
        case UInt8(ascii: "f") where name.count == 1:
            hasFormula = true
        case UInt8(ascii: "r"):
            if name.equals("row"), inSheetData {
                // Compared as Int: a row number past Int32 would trap in the conversion.
                let number = attributes.attribute("r").flatMap { Self.integer($0) } ?? Int(row) + 1
                guard number > Int(row), number <= 1_048_576 else {
                    throw TableSyntaxError(.workbookDamaged(.rowOrder(Int(number), after: Int(row))))
                }
                row = Int32(number)
                column = 0
                inRow = true
                inCell = false
                if ready == rows.count { rows.append(TableRecord()) }
                rows[ready].removeAll()
            } else if name.equals("rPh") {
                inPhonetic = true
            }
        case UInt8(ascii: "s") where name.equals("sheetData"):
            inSheetData = true
        default:
            break
        }
    }

    mutating func end(_ name: XMLBytes) throws(TableSyntaxError) {
        guard let first = name.first else { return }
        switch first {
        case UInt8(ascii: "c") where name.count == 1 && inRow && inCell:
            inCell = false
            try finishCell()
        case UInt8(ascii: "v") where name.count == 1, UInt8(ascii: "t") where name.count == 1:
            collecting = false
        case UInt8(ascii: "r"):
            if name.equals("row"), inRow {
                try finishRow()
                inRow = false
                inCell = false
            } else if name.equals("rPh") {
                inPhonetic = false
            }
        case UInt8(ascii: "s") where name.equals("sheetData"):
            inSheetData = false
        default:
            break
        }
    }

    mutating func text(_ text: XMLBytes) throws(TableSyntaxError) {
        if collecting { value.append(contentsOf: text) }
    }

    private mutating func finishCell() throws(TableSyntaxError) {
        var kind = TableCellKind.text
        let text: String
        switch cellType {
        case .shared:
            guard let index = value.withUnsafeBufferPointer({ Self.integer($0) }), index < sharedStrings.count else {
                throw TableSyntaxError(
                    .workbookDamaged(.missingSharedText), line: Int(row), column: Int(column), isCell: true)
            }
            text = sharedStrings[index]
        case .inline, .formulaText:
            text = try decode()
        case .boolean:
            kind = .boolean
            text = value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE"
        case .error:
            kind = .error
            text = try decode()
        case .isoDate:
            kind = .date
            text = String(try decode().prefix(10))
        case .number:
            if value.isEmpty {
                guard hasFormula else { return }
                kind = .formulaWithoutValue
                text = ""
            } else if cellStyle < styles.count, styles[cellStyle].isDate,
                let date = ExcelDate.text(serial: value, date1904: date1904)
            {
                kind = .date
                text = date
            } else {
                // As the cell shows it: a formula's 74.5454545454545 under `0.000` is 74.545.
                let decimals = cellStyle < styles.count ? styles[cellStyle].decimals : nil
                guard let number = NumberText.format(value, decimals: decimals) else {
                    throw TableSyntaxError(
                        .workbookDamaged(.notANumber(String(decoding: value.prefix(40), as: UTF8.self))),
                        line: Int(row), column: Int(column), isCell: true)
                }
                kind = number.long ? .longNumber : .number
                text = number.text
            }
        }
        place(text, kind: kind, at: column)
    }

    private func decode() throws(TableSyntaxError) -> String {
        try value.withUnsafeBufferPointer { bytes throws(TableSyntaxError) in try XMLCharacters.decode(bytes) }
    }

    private mutating func place(_ text: String, kind: TableCellKind, at column: Int32) {
        let index = Int(column) - 1
        guard index >= 0 else { return }
        while rows[ready].fields.count <= index {
            rows[ready].fields.append("")
            rows[ready].positions.append(TablePosition(line: row, column: Int32(rows[ready].fields.count)))
            rows[ready].kinds.append(.text)
        }
        rows[ready].fields[index] = text
        rows[ready].kinds[index] = kind
    }

    /// Cells filled from merged ranges so far: bounded, so that many tall ranges over many
    /// rows cannot take hours.
    private var fillWork = 0
    static let fillWorkLimit = 50_000_000

    private mutating func finishRow() throws(TableSyntaxError) {
        // Merged ranges that start here remember their value; those that cover this row
        // from above fill their first column when it is empty.
        if !activeFills.isEmpty { activeFills.removeAll { $0.range.lastRow < row } }
        fillWork += activeFills.count
        if fillWork > Self.fillWorkLimit {
            throw TableSyntaxError(.mergedRangesTooLarge())
        }
        for fill in activeFills {
            let index = Int(fill.range.firstColumn) - 1
            if index >= rows[ready].fields.count || rows[ready].fields[index].isEmpty {
                place(fill.value, kind: fill.kind, at: fill.range.firstColumn)
            }
        }
        while let next = pendingFills.last, next.firstRow <= row {
            pendingFills.removeLast()
            guard next.firstRow == row else { continue }
            let index = Int(next.firstColumn) - 1
            let record = rows[ready]
            if index < record.fields.count, !record.fields[index].isEmpty {
                activeFills.append(Fill(range: next, value: record.fields[index], kind: record.kind(index)))
            }
        }
        ready += 1
    }

    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }
}

/// Excel's numbers as a person reads them: in full, never in E notation, rounded to the
/// 15 significant digits Excel keeps (so 85.249999999999986 is 85.25).
enum NumberText {
    /// `decimals`: round half away from zero to this many decimals, as a number format
    /// shows it; nil keeps what is stored (to 15 significant digits).
    static func format(_ bytes: [UInt8], decimals: Int? = nil) -> (text: String, long: Bool)? {
        if bytes.count <= 15, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return (String(decoding: bytes, as: UTF8.self), false)
        }
        guard let decimals else { return stored(bytes) }
        guard let plain = stored(bytes) else { return nil }
        return (round(plain.text, decimals: min(decimals, 15)), plain.long)
    }

    /// `text` (plain notation) rounded half away from zero to `decimals`.
    static func round(_ text: String, decimals: Int) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = String(parts.first ?? "0")
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard fraction.count > decimals else { return text }
        var digits = Array((whole + fraction.prefix(decimals)).utf8).map { Int($0) - 48 }
        if let next = fraction.dropFirst(decimals).first, next >= "5" {
            var k = digits.count - 1
            while k >= 0 {
                if digits[k] < 9 {
                    digits[k] += 1
                    break
                }
                digits[k] = 0
                k -= 1
            }
            if k < 0 { digits.insert(1, at: 0) }
        }
        let wholeCount = digits.count - decimals
        var result = String(digits[..<wholeCount].map { Character(Unicode.Scalar(UInt8($0 + 48))) })
        if decimals > 0 {
            result += "." + String(digits[wholeCount...].map { Character(Unicode.Scalar(UInt8($0 + 48))) })
        }
        let isZero = digits.allSatisfy { $0 == 0 }
        return negative && !isZero ? "-" + result : result
    }

    private static func stored(_ bytes: [UInt8]) -> (text: String, long: Bool)? {
        if bytes.count <= 15, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return (String(decoding: bytes, as: UTF8.self), false)
        }
        var negative = false
        var digits: [UInt8] = []
        var pointAt: Int?
        var exponent = 0
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x30, byte <= 0x39 {
                digits.append(byte - 0x30)
            } else if byte == UInt8(ascii: "."), pointAt == nil {
                pointAt = digits.count
            } else if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e") {
                // Range-checked without abs(), which traps on Int.min.
                guard let value = Int(String(decoding: bytes[(i + 1)...], as: UTF8.self)), value > -400, value < 400
                else { return nil }
                exponent = value
                break
            } else {
                return nil
            }
            i += 1
        }
        guard !digits.isEmpty else { return nil }
        // value = 0.d1d2d3… × 10^wholeDigits
        var wholeDigits = (pointAt ?? digits.count) + exponent
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            wholeDigits -= 1
        }
        guard !digits.isEmpty else { return ("0", false) }
        if digits.count > 15 {
            let roundUp = digits[15] >= 5
            digits.removeLast(digits.count - 15)
            if roundUp {
                var k = 14
                while k >= 0 {
                    if digits[k] < 9 {
                        digits[k] += 1
                        break
                    }
                    digits[k] = 0
                    k -= 1
                }
                if k < 0 {
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    wholeDigits += 1
                }
            }
        }
        while let last = digits.last, last == 0, digits.count > max(wholeDigits, 1) { digits.removeLast() }
        var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let ascii = digits.map { $0 + 0x30 }
        if wholeDigits <= 0 {
            text += Array("0.".utf8) + Array(repeating: 0x30, count: -wholeDigits) + ascii
        } else if wholeDigits >= ascii.count {
            text += ascii + Array(repeating: 0x30, count: wholeDigits - ascii.count)
        } else {
            text += ascii[..<wholeDigits] + [UInt8(ascii: ".")] + ascii[wholeDigits...]
        }
        return (String(decoding: text, as: UTF8.self), wholeDigits > 15)
    }
}

/// Excel's date serials: days since 1899-12-31 (with Lotus's phantom 29 February 1900),
/// or since 1904-01-01 in workbooks made on old Macs.
enum ExcelDate {
    static func text(serial bytes: [UInt8], date1904: Bool) -> String? {
        guard let serial = Double(String(decoding: bytes, as: UTF8.self)), serial >= 1, serial < 2_958_466 else {
            return nil
        }
        let days = Int(serial.rounded(.down))
        let base =
            date1904
            ? CivilDate(year: 1904, month: 1, day: 1)!
            : days >= 61 ? CivilDate(year: 1899, month: 12, day: 30)! : CivilDate(year: 1899, month: 12, day: 31)!
        let date = CivilDate(daysSinceEpoch: base.daysSinceEpoch + days)
        var text = date.description
        let minutes = Int(((serial - Double(days)) * 1440).rounded())
        if minutes > 0, minutes < 1440 {
            text +=
                " " + (minutes / 60 < 10 ? "0" : "") + String(minutes / 60) + ":" + (minutes % 60 < 10 ? "0" : "")
                + String(minutes % 60)
        }
        return text
    }
}

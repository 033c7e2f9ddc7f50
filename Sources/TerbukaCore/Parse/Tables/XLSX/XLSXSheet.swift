import Foundation

/// One worksheet of a workbook as a table source, streamed from the archive: rows are
/// delivered as they are inflated and never held together.
///
/// Cells become text as Excel shows them: shared and inline strings as written, numbers
/// in full ("2653001000007", never "2.653001E+12"), dates as `YYYY-MM-DD`, booleans as
/// TRUE/FALSE, formulas by their saved value. A merged range's value fills the cells
/// below it (a formation code merged over its participants' rows); across, it stays in
/// its first cell, so a group heading does not repeat into every column.
struct XLSXSheet: TableSource {
    let workbook: XLSXWorkbook
    let sheet: XLSXWorkbook.Sheet

    var style: TableStyle { TableStyle(sheet: sheet.name, decimalComma: true, fieldCountSeparator: nil) }

    mutating func forEachRecord(_ body: (inout TableRecord) -> Bool) throws(TableSyntaxError) {
        let merges = try mergedRanges()
        var scanner = XMLScanner(handler: SheetHandler(workbook: workbook, merges: merges))
        let finished = try XLSXWorkbook.stream(sheet.part, in: workbook.archive) {
            chunk throws(TableSyntaxError) -> Bool in
            try scanner.feed(chunk)
            return deliver(&scanner.handler, body)
        }
        guard finished else { return }
        try scanner.finish()
        _ = deliver(&scanner.handler, body)
    }

    private func deliver(_ handler: inout SheetHandler, _ body: (inout TableRecord) -> Bool) -> Bool {
        defer { handler.recycle() }
        for index in 0..<handler.ready where !body(&handler.rows[index]) { return false }
        return true
    }

    /// The merged ranges of the sheet. They are listed after the cells, so the sheet is
    /// inflated once more and searched for `mergeCell` elements without parsing the rest.
    private func mergedRanges() throws(TableSyntaxError) -> Set<CellRange> {
        var ranges: Set<CellRange> = []
        var previousTail: [UInt8] = []
        try XLSXWorkbook.stream(sheet.part, in: workbook.archive) { chunk throws(TableSyntaxError) -> Bool in
            let bytes = chunk.bindMemory(to: UInt8.self)
            // A tag cut by the end of the last chunk: search the seam.
            let seam = previousTail + bytes.prefix(MergeSearch.overlap)
            seam.withUnsafeBufferPointer { MergeSearch.find(in: $0, into: &ranges) }
            MergeSearch.find(in: bytes, into: &ranges)
            previousTail = Array(bytes.suffix(MergeSearch.overlap))
            if ranges.count > MergeSearch.limit {
                throw TableSyntaxError(.tooManyMergedRanges)
            }
            return true
        }
        return ranges
    }
}

/// A rectangle of cells, 1-based and inclusive.
struct CellRange: Hashable {
    var firstRow: Int32
    var firstColumn: Int32
    var lastRow: Int32
    var lastColumn: Int32

    init?(_ text: UnsafeBufferPointer<UInt8>) {
        let colon = text.firstIndex(of: UInt8(ascii: ":"))
        guard let first = CellReference.parse(UnsafeBufferPointer(rebasing: text[..<(colon ?? text.endIndex)])) else {
            return nil
        }
        let last = colon.map { CellReference.parse(UnsafeBufferPointer(rebasing: text[($0 + 1)...])) } ?? first
        guard let last else { return nil }
        firstRow = first.row
        firstColumn = first.column
        lastRow = max(first.row, last.row)
        lastColumn = max(first.column, last.column)
    }
}

enum MergeSearch {
    static let overlap = 256
    /// A sheet with a merged formation code per group of rows has a few thousand; each
    /// one costs work on every row it covers.
    static let limit = 100_000

    /// Finds `<mergeCell ref="…">` (with or without a prefix) in raw sheet bytes; a tag
    /// cut by the end of `bytes` is left to the seam search.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, into ranges: inout Set<CellRange>) {
        let pattern: StaticString = "mergeCell"
        let length = pattern.utf8CodeUnitCount
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 1
        while i + length < n {
            // memchr skips to the next 'm' at the speed of memory: cell markup has none.
            guard let hit = memchr(base + i, Int32(UInt8(ascii: "m")), n - i) else { return }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard i + length < n else { return }
            if i > 0, bytes[i - 1] == UInt8(ascii: "<") || bytes[i - 1] == UInt8(ascii: ":"),
                XMLByte.isSpace(bytes[i + length]),
                memcmp(base + i, pattern.utf8Start, length) == 0
            {
                var end = i
                while end < n, bytes[end] != UInt8(ascii: ">") { end += 1 }
                guard end < n else { return }
                if let ref = UnsafeBufferPointer(rebasing: bytes[(i + length)..<end]).attribute("ref"),
                    let range = CellRange(ref)
                {
                    ranges.insert(range)
                }
                i = end
            }
            i += 1
        }
    }
}

/// `F27` ↔ column 6, row 27.
enum CellReference {
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> (column: Int32, row: Int32)? {
        var column: Int32 = 0
        var row: Int32 = 0
        var letters = 0
        var digits = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int32(byte - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int32(byte - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int32(byte - 48)
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (column, row)
    }

    static func columnName(_ column: Int) -> String {
        var n = max(1, column)
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }
}

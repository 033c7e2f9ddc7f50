import Foundation
import FuzzSupport

@testable import TerbukaCore

/// Any bytes as an Excel workbook (when they start as a ZIP archive does): opened, its
/// first sheet streamed to the end, or an error that says what is wrong. Other bytes are
/// a sheet's XML, fed in two chunks so that the scanner's carry between chunks is
/// exercised, and searched for merged ranges. Never a crash, never unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if bytes.starts(with: [0x50, 0x4B]) {
        // Through a file, as the build opens workbooks.
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fuzz-xlsx-\(getpid()).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(bytes).write(to: file)
            let workbook = try XLSXWorkbook(url: file)
            var sheet = try workbook.sheet(named: nil)
            try sheet.forEachRecord { record in
                precondition(record.fields.count == record.positions.count)
                return true
            }
        } catch let error as TableSyntaxError {
            precondition(!error.message.text.en.isEmpty && !error.message.text.id.isEmpty)
        } catch {
            preconditionFailure("\(error)")
        }
        return 0
    }
    var ranges: Set<CellRange> = []
    MergeSearch.find(in: bytes, into: &ranges)
    var scanner = XMLScanner(
        handler: SheetHandler(
            sharedStrings: ["a", "b"], styles: [CellStyle(), CellStyle(isDate: true), CellStyle(decimals: 3)],
            date1904: false, merges: ranges))
    do {
        let middle = size / 2
        try scanner.feed(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[..<middle]))
        scanner.handler.recycle()
        try scanner.feed(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[middle...]))
        try scanner.finish()
    } catch {
        precondition(!error.message.text.en.isEmpty && !error.message.text.id.isEmpty)
    }
    return 0
}

@_cdecl("fuzz_xlsx_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

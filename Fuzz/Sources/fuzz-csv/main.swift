import FuzzSupport

@testable import TerbukaCore

/// Any bytes as a CSV file: records are read to the end or a syntax error, and every
/// result table's header and rows go through the same reader the build uses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var reader = CSVReader(bytes: bytes)
    var diagnostics = Diagnostics()
    let table = TableReader(
        path: "fuzz.csv", columns: ResultColumns.columns(for: .skd, rules: .cpns2024), anchors: ["participant"])
    _ = table.read(
        &reader, into: &diagnostics, unknownHeader: { _, _, _, _ in true },
        row: { record, layout, _ in
            precondition(record.fields.count == layout.width)
        })
    return 0
}

@_cdecl("fuzz_csv_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

@testable import TerbukaCore

/// Any bytes as a CSV file: records are read to the end or a syntax error, and every
/// result table's header and rows go through the same reader the build uses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var reader = CSVReader(bytes: bytes)
    var diagnostics = Diagnostics()
    let table = TableReader(path: "fuzz.csv", columns: ResultColumns.columns(for: .skd, rules: .cpns2024), anchors: ["participant"])
    _ = table.read(&reader, into: &diagnostics, unknownHeader: { _, _, _, _ in true }, row: { record, layout, _ in
        precondition(record.fields.count == layout.width)
    })
    return 0
}

/// SwiftPM links an executable's entry point as `<module>_main`; libFuzzer's own driver
/// takes over from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("fuzz_csv_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}

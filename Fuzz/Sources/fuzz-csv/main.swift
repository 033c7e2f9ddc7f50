import Foundation
import FuzzSupport

@testable import TerbukaCore

/// Any bytes as a CSV file: records are read to the end or a syntax error, and every
/// result table's header and rows go through the same reader the build uses. Read in
/// parts at once (CSVReader.split, TableReader.readParts), the file must give the same
/// records, rows and messages as read from its start to its end.
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
    let parts = 2 + Int(bytes.first ?? 0) % 7
    precondition(records(bytes, parts: parts) == records(bytes, parts: 1))
    // Only a table with rows past the sample the header is found from is read in parts.
    if bytes.lazy.filter({ $0 == 0x0A }).count > TableReader.sampleSize {
        precondition(resultTable(bytes, parts: parts) == resultTable(bytes, parts: 1))
    }
    return 0
}

/// Every record with its places, then the syntax error if one stopped the reading; read in
/// `parts` parts after the first record, following them as readParts does.
func records(_ bytes: [UInt8], parts: Int) -> [String] {
    var found: [String] = []
    var record = TableRecord()
    var reader = CSVReader(bytes: bytes)
    do {
        if try reader.read(into: &record) { found.append(describe(record)) }
        var pieces = parts > 1 ? reader.split(into: parts, minimumBytes: 1) ?? [reader] : [reader]
        var index = 0
        while true {
            while try pieces[index].read(into: &record) { found.append(describe(record)) }
            guard index + 1 < pieces.count else { break }
            if pieces[index].endsWhereNextBegins {
                index += 1
            } else {
                // Cut inside a record: this part reads on to the end, the later ones are not read.
                pieces[index].readToEnd()
                pieces.removeSubrange((index + 1)...)
            }
        }
    } catch {
        found.append("\(error.line):\(error.column): \(error.message.text.en)")
    }
    return found
}

func describe(_ record: TableRecord) -> String {
    zip(record.fields, record.positions).map { "\($0.1.line):\($0.1.column)=\($0.0)" }.joined(separator: "|")
}

let formations = (0..<6).map {
    Formation(
        code: "U\($0)", position: "Analis", unit: "Dinas", education: nil, kind: "umum", quota: 2, salaryMin: nil,
        salaryMax: nil, line: $0 + 2)
}

/// The messages and rows of the bytes read as an SKD table in `parts` parts.
func resultTable(_ bytes: [UInt8], parts: Int) -> [String] {
    var reader = ResultTableReader(
        place: TablePlace(path: "skd.csv"), url: URL(fileURLWithPath: "/nonexistent/skd.csv"), stage: .skd,
        rules: .cpns2024, formations: FormationIndex(formations))
    reader.parts = parts
    reader.minimumPartBytes = 1
    var source = CSVReader(bytes: bytes)
    let reopen = { (_: inout Diagnostics) -> (any TableSource)? in CSVReader(bytes: bytes) }
    var diagnostics = Diagnostics()
    let rows = reader.read(&source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.skd)
    return diagnostics.all.map { $0.line(in: .en, code: true) }
        + (rows.map { $0.map { String(describing: $0) } } ?? ["not read"])
}

@_cdecl("fuzz_csv_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

import YaslabCSV
import Foundation

typealias TerbukaCSV = CSVReader  // Terbuka's, from TerbukaCSVReader.swift

// Usage: csv-readers terbuka|csvswift FILE   → prints rows, fields and seconds
//        csv-readers spectrum DIR            → conformance of both readers on csv-spectrum
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: csv-readers terbuka|csvswift FILE | spectrum DIR")
    exit(64)
}

func readTerbuka(_ url: URL) throws -> [[String]] {
    var reader = try TerbukaCSV(contentsOf: url)
    var rows: [[String]] = []
    while let record = try reader.next() { rows.append(record.fields) }
    return rows
}

func readCSVSwift(_ url: URL) throws -> [[String]] {
    try YaslabCSV.rows(url)
}

switch arguments[1] {
case "terbuka", "csvswift":
    let url = URL(fileURLWithPath: arguments[2])
    let start = Date()
    var rows = 0
    var fields = 0
    if arguments[1] == "terbuka" {
        var reader = try TerbukaCSV(contentsOf: url)
        var record = CSVRecord(fields: [], positions: [])
        while try reader.read(into: &record) {
            rows += 1
            fields += record.fields.count
        }
    } else {
        let counted = try YaslabCSV.count(url)
        (rows, fields) = (counted.rows, counted.fields)
        if let error = counted.error { print("csvswift reported: \(error)") }
    }
    print("\(arguments[1]): \(rows) rows, \(fields) fields in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
case "spectrum":
    let folder = URL(fileURLWithPath: arguments[2])
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csvs").path)
        .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    for (label, read) in [("terbuka", readTerbuka), ("csvswift", readCSVSwift)] as [(String, (URL) throws -> [[String]])] {
        var passed: [String] = []
        var failed: [String] = []
        for name in names where name != "location_coordinates" {
            let expected = try JSONDecoder().decode([[String: String]].self,
                                                    from: Data(contentsOf: folder.appendingPathComponent("json/\(name).json")))
            let rows = (try? read(folder.appendingPathComponent("csvs/\(name).csv"))) ?? []
            let header = rows.first ?? []
            let objects = rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
            (objects == expected ? { passed.append(name) } : { failed.append(name) })()
        }
        print("\(label): \(passed.count) of \(passed.count + failed.count) csv-spectrum cases\(failed.isEmpty ? "" : "; failed: \(failed.joined(separator: ", "))")")
    }
default:
    print("unknown reader \(arguments[1])")
    exit(64)
}

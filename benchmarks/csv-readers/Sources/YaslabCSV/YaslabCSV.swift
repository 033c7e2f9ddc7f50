import CSV
import Foundation

/// yaslab/CSV.swift behind two functions, in a module of its own: its `CSV` type alias
/// would otherwise clash with Terbuka's `CSVReader` in one module.
public enum YaslabCSV {
    /// The rows read. On Linux the reader reports `cannotReadFile` at the end of every file
    /// (the stream's read returns -1 there); the rows read before it are what is compared.
    public static func rows(_ url: URL) throws -> [[String]] {
        guard let stream = InputStream(fileAtPath: url.path) else { throw CocoaError(.fileReadNoSuchFile) }
        let reader = try CSVReader(stream: stream)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// Rows and fields read, and the error the reader reported at the end, if any.
    public static func count(_ url: URL) throws -> (rows: Int, fields: Int, error: String?) {
        guard let stream = InputStream(fileAtPath: url.path) else { throw CocoaError(.fileReadNoSuchFile) }
        let reader = try CSVReader(stream: stream)
        var rows = 0
        var fields = 0
        while let row = reader.next() {
            rows += 1
            fields += row.count
        }
        return (rows, fields, reader.error.map { "\($0)" })
    }
}

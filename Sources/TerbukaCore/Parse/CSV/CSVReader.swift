/// One record of a CSV file, with the position of each field for messages.
public struct CSVRecord: Sendable {
    public var fields: [String]
    /// Line and column (in characters, 1-based) where each field starts.
    public var positions: [(line: Int, column: Int)]

    public var line: Int { positions.first?.line ?? 1 }
}

public struct CSVSyntaxError: Error, Sendable {
    public var message: String
    public var line: Int
    public var column: Int
    public var hint: String?
}

/// An RFC 4180 reader for what spreadsheets write: optional byte-order mark, LF or CRLF,
/// `,`, `;` or tab as the separator (detected from the header line), quoted fields with
/// separators, quotes and line breaks inside. Blank lines are skipped.
public struct CSVReader: Sendable {
    public let separator: UInt8
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    private var lineStart: Int

    public init(bytes input: [UInt8]) {
        let start = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.bytes = input
        self.index = start
        self.lineStart = start
        self.separator = CSVReader.detectSeparator(input, from: start)
    }

    public var separatorName: String {
        switch separator {
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "comma"
        }
    }

    /// The separator that occurs most often, outside quotes, on the first line.
    static func detectSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            else if !inQuotes, counts[byte] != nil { counts[byte]! += 1 }
            i += 1
        }
        let order: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        return order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }!
    }

    private func column(at position: Int) -> Int {
        var count = 1
        var i = lineStart
        while i < position {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// The next record, or nil at the end of the file.
    public mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        while true {
            guard index < bytes.count else { return nil }
            // Skip blank lines.
            if bytes[index] == Self.lf || bytes[index] == Self.cr {
                consumeLineBreak()
                continue
            }
            break
        }
        var fields: [String] = []
        var positions: [(line: Int, column: Int)] = []
        while true {
            positions.append((line, column(at: index)))
            let field = try readField()
            fields.append(field)
            if index < bytes.count, bytes[index] == separator {
                index += 1
                continue
            }
            if index < bytes.count { consumeLineBreak() }
            return CSVRecord(fields: fields, positions: positions)
        }
    }

    private mutating func consumeLineBreak() {
        if bytes[index] == Self.cr { index += 1 }
        if index < bytes.count, bytes[index] == Self.lf { index += 1 }
        line += 1
        lineStart = index
    }

    private mutating func readField() throws(CSVSyntaxError) -> String {
        if index < bytes.count, bytes[index] == Self.quote {
            let startLine = line
            let startColumn = column(at: index)
            index += 1
            var value: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw CSVSyntaxError(message: "the quoted field that starts here is never closed", line: startLine, column: startColumn,
                                         hint: "a quote inside a quoted field must be doubled (\"\")")
                }
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        value.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    if index < bytes.count, bytes[index] != separator, bytes[index] != Self.lf, bytes[index] != Self.cr {
                        throw CSVSyntaxError(message: "unexpected text after the closing quote of a field", line: line, column: column(at: index),
                                             hint: "a quote inside a quoted field must be doubled (\"\")")
                    }
                    return String(decoding: value, as: UTF8.self)
                }
                if byte == Self.lf || (byte == Self.cr && (index + 1 >= bytes.count || bytes[index + 1] != Self.lf)) {
                    value.append(byte)
                    index += 1
                    line += 1
                    lineStart = index
                    continue
                }
                value.append(byte)
                index += 1
            }
        }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == separator || byte == Self.lf || byte == Self.cr { break }
            if byte == Self.quote {
                throw CSVSyntaxError(message: "stray quote in a field that does not start with a quote", line: line, column: column(at: index),
                                     hint: "put the whole field in quotes and double the quote inside: \"say \"\"yes\"\"\"")
            }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}

/// JSON text; the escaping rules are in ByteWriter.json.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        var writer = ByteWriter(capacity: text.utf8.count + 2)
        writer.json(text)
        return writer.string
    }

    /// A cell as a JSON value: numbers as numbers, nothing as null.
    static func value(_ cell: CellValue) -> String {
        switch cell {
        case .text(let text): quote(text)
        case .integer(let value): String(value)
        case .fixed(let value, let scale): Decimals.text(value, scale: scale, mark: ".")
        case .empty: "null"
        }
    }
}

extension CellValue {
    /// The cell as published data writes it: a decimal point, nothing for empty.
    var dataText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .fixed(let value, let scale): Decimals.text(value, scale: scale, mark: ".")
        case .empty: ""
        }
    }
}

extension ContentDate {
    /// `2024-08-19`, or `2024-08-19T09:00:00+08:00` with a time.
    public var iso8601: String {
        guard let minutes = minuteOfDay else { return date.description }
        let offset = abs(utcOffsetSeconds) / 60
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        return "\(date)T\(Formatters.twoDigits(minutes / 60)):\(Formatters.twoDigits(minutes % 60)):00"
            + "\(sign)\(Formatters.twoDigits(offset / 60)):\(Formatters.twoDigits(offset % 60))"
    }
}

/// JSON text: the one place where JSON strings are escaped. Besides what JSON requires,
/// `<`, `>`, `&`, U+2028 and U+2029 are escaped, so the same text is safe inside a
/// `<script>` element.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        // Most values need no escape: one scan of the bytes decides.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
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

import Foundation

/// CSV cells for published data: the one place where CSV output is escaped. Fields are
/// quoted when they hold a separator, quote or line break (RFC 4180), and text that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR and not a
/// number) is prefixed with an apostrophe.
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",") + "\r\n"
    }

    public static func cell(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        var text = value
        // = + - @ tab CR: a spreadsheet would run it as a formula.
        if first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D, !isNumber(text) {
            text = "'" + text
        }
        if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}

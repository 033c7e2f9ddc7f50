/// Characters that no page, feed, calendar or data file may carry, and that a terminal
/// would act on: C0 controls other than tab, line feed and carriage return, DEL, C1
/// controls, and the noncharacters U+FFFE and U+FFFF (which end an XML document's
/// well-formedness). Content holding one is refused at its place; escapers replace any
/// that arrive by other ways (a numeric entity in Markdown) with U+FFFD.
public enum ControlCharacters {
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// True when the UTF-8 bytes of `text` may hold a forbidden character: a cheap test
    /// that lets the common case through without decoding.
    static func mayHold(_ text: String) -> Bool {
        @inline(__always) func suspect(_ byte: UInt8) -> Bool {
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F || byte == 0xC2 || byte == 0xEF
        }
        // Scanned in place where the string's bytes are contiguous (native strings): every
        // page's HTML and every notice goes through here.
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: suspect) }) {
            return found
        }
        return text.utf8.contains(where: suspect)
    }

    /// The first forbidden character of `text`, with its line and column (1-based).
    public static func first(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        guard mayHold(text) else { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) { return (scalar, line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// `U+001B (ESC)` for messages.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x1B: "ESC", 0x7F: "DEL", 0xFFFE: "a noncharacter",
            0xFFFF: "a noncharacter",
        ]
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    /// `text` with every forbidden character made visible as `\u{1B}`: what is printed to
    /// a terminal, so that content cannot retitle or recolour it.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isForbidden($0) || $0 == "\r" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) || scalar == "\r" {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` with forbidden characters replaced by U+FFFD, for output.
    public static func replaced(_ text: String) -> String {
        guard mayHold(text), text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(result)
    }
}

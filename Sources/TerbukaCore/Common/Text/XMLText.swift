/// XML text and attribute values: the one place where XML output is escaped.
enum XMLText {
    static func escape(_ text: String) -> String {
        // Most text (every address in a sitemap of 10,000 pages) has nothing to escape.
        if !ControlCharacters.mayHold(text), !text.utf8.contains(where: isSpecial) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Characters XML 1.0 does not allow, and controls, are dropped.
                if ControlCharacters.isForbidden(scalar) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

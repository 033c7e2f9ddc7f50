/// Values as agencies type them in a table cell, read exactly: numbers as integers of a
/// fixed scale, numbers Excel turned into scientific notation, birth dates.
enum CellText {
    /// "85,25" (with a decimal comma when allowed) or "85.25" → 8525 at scale 2. Rejects
    /// more decimals than `scale`, signs and thousands separators.
    static func parse(_ text: String, scale: Int, decimalComma: Bool) -> Int? {
        var whole = 0
        var fraction = 0
        var fractionDigits = 0
        var seenMark = false
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                let value = Int(scalar.value - 48)
                if seenMark {
                    fractionDigits += 1
                    // Trailing zeros beyond the scale are harmless ("80,500" at scale 2).
                    if fractionDigits > scale {
                        if value != 0 { return nil }
                        continue
                    }
                    fraction = fraction * 10 + value
                } else {
                    whole = whole * 10 + value
                    digits += 1
                    if digits > 12 { return nil }
                }
            case ".", ",":
                // A comma is a decimal mark only where the table uses one.
                if seenMark || (scalar == "," && !decimalComma) { return nil }
                seenMark = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        var factor = 1
        for _ in 0..<scale { factor *= 10 }
        var scaledFraction = fraction
        for _ in Swift.min(fractionDigits, scale)..<scale { scaledFraction *= 10 }
        return whole * factor + scaledFraction
    }

    static func isScientificNotation(_ text: String) -> Bool {
        // In place: asked of every participant number of a million-row table (perf).
        var text = text
        guard text.withUTF8({ $0.contains { $0 == 0x45 || $0 == 0x65 } }) else { return false }
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e].replacingOccurrences(of: ",", with: ".")
        var exponent = upper[upper.index(after: e)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !mantissa.isEmpty && Double(mantissa) != nil && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }

    /// YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, with a four-digit year from 1900: a
    /// two-digit year would make an applicant centuries old and decide a tie.
    static func birthDate(_ text: String) -> CivilDate? {
        let pieces = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        let parts = pieces.compactMap { Int($0) }
        guard parts.count == 3, pieces.count == 3 else { return nil }
        let date =
            pieces[0].count == 4
            ? CivilDate(year: parts[0], month: parts[1], day: parts[2])
            : pieces[2].count == 4 ? CivilDate(year: parts[2], month: parts[1], day: parts[0]) : nil
        guard let date, date.year >= 1900, date.year <= 2100 else { return nil }
        return date
    }
}

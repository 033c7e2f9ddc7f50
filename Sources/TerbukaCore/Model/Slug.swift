/// Ids and file stems are slugs: lower-case a–z, 0–9 and '-', starting with a letter or digit.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLowerAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
    }

    /// A slug made from free text, for suggestions: "Ralat Formasi" → "ralat-formasi".
    public static func make(from text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if isLowerAlphanumeric(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

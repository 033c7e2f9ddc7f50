/// Recognizes values that are personal data.
enum PersonalData {
    /// What the value looks like, or nil.
    static func kind(of raw: String) -> String? {
        let text = raw.trimmingSpaces
        if text.isEmpty { return nil }
        let compact = text.filter { $0 != " " && $0 != "-" && $0 != "." && $0 != "'" }
        if compact.count == 16, compact.allSatisfy(\.isASCIIDigit) { return "a NIK (16 digits)" }
        if text.contains("@"), text.contains("."), !text.contains(" ") { return "an e-mail address" }
        var phone = compact
        if phone.hasPrefix("+") { phone.removeFirst() }
        if phone.hasPrefix("628") || phone.hasPrefix("08"), (10...14).contains(phone.count),
            phone.allSatisfy(\.isASCIIDigit)
        {
            return "a phone number"
        }
        if looksLikeDate(text) { return "a date (birth date?)" }
        return nil
    }

    /// Published free text: a NIK, e-mail or phone anywhere inside, or a date that looks
    /// like a birth date. It runs on every name of every table: one pass over the bytes, in
    /// place; only text with a digit, a date separator and a digit in a row is then split
    /// into words to look at its dates.
    static func kindInside(_ text: String) -> String? {
        var bytes = text
        return bytes.withUTF8 { kindInside(bytes: $0, text) }
    }

    private static func kindInside(bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> String? {
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        // A date with a year before 2010 in published text is most likely a birth date. Only
        // text with a digit, a date separator and a digit in a row is looked at closely, after
        // the pass; it comes before whatever else the text holds.
        var mayHoldDate = false
        var twoBack: UInt8 = 0
        var oneBack: UInt8 = 0
        // The first NIK, phone number or e-mail address met.
        var found: String?
        var count = 0
        var first: UInt8 = 0
        var second: UInt8 = 0
        var third: UInt8 = 0
        var previousWasSeparator = false
        var previous: UInt8 = 0x20
        // Inside what follows an '@' up to a space, and whether it has a dot.
        var afterAt = false
        var dotAfterAt = false
        for byte in bytes {
            if !mayHoldDate {
                if oneBack == 0x2D || oneBack == 0x2F || oneBack == 0x2E, isDigit(twoBack), isDigit(byte) {
                    mayHoldDate = true
                }
                twoBack = oneBack
                oneBack = byte
            }
            if found != nil {
                if mayHoldDate { break }
                continue
            }
            defer { previous = byte }
            if afterAt {
                if byte == 0x20 {
                    if dotAfterAt { found = "an e-mail address" }
                    afterAt = false
                } else if byte == 0x2E {
                    dotAfterAt = true
                }
                continue
            }
            if isDigit(byte) {
                switch count {
                case 0: first = byte
                case 1: second = byte
                case 2: third = byte
                default: break
                }
                count += 1
                previousWasSeparator = false
            } else if count > 0, !previousWasSeparator, byte == 0x20 || byte == 0x2D || byte == 0x2E {
                // "0812-3456-7890", "5301 0123 …": one separator inside a number keeps it going.
                previousWasSeparator = true
            } else {
                found = numberKind(count, first, second, third)
                count = 0
                previousWasSeparator = false
                if byte == 0x40, previous != 0x20 { (afterAt, dotAfterAt) = (true, false) }
            }
        }
        if mayHoldDate {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
            where PersonalData.looksLikeDate(String(word)) {
                let year = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init).first {
                    $0.count == 4
                }
                if let year, let value = Int(year), value < 2010 { return "a date that looks like a birth date" }
            }
        }
        if let found { return found }
        if afterAt, dotAfterAt { return "an e-mail address" }
        return numberKind(count, first, second, third)
    }

    /// What a run of `count` digits beginning with `first`, `second` and `third` is: a NIK, a
    /// mobile phone number or neither. A function of its own, not one nested in the pass: the
    /// digits it read from the pass were checked for exclusive access at run time, for every
    /// name of every table (perf).
    private static func numberKind(_ count: Int, _ first: UInt8, _ second: UInt8, _ third: UInt8) -> String? {
        if count >= 16 { return "a NIK (16 digits)" }
        let mobile = (first == 0x30 && second == 0x38) || (first == 0x36 && second == 0x32 && third == 0x38)
        if mobile, (10...14).contains(count) { return "a phone number" }
        return nil
    }

    static func looksLikeDate(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        return (parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2)
            || (parts[0].count <= 2 && parts[1].count <= 2 && parts[2].count == 4)
    }
}

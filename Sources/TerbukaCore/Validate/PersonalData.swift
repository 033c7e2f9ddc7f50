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

    /// Published free text: a NIK, e-mail or phone anywhere inside. One pass over the
    /// bytes without allocating, since it runs on every name of every table.
    static func kindInside(_ text: String) -> String? {
        // Names and reasons rarely hold digits or '@'; nothing else here can match.
        guard text.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x40 }) else { return nil }
        // A date with a year before 2010 in published text is most likely a birth date. Only
        // text with a digit, a date separator and a digit in a row is looked at closely.
        var mayHoldDate = false
        var twoBack: UInt8 = 0
        var oneBack: UInt8 = 0
        for byte in text.utf8 {
            if oneBack == 0x2D || oneBack == 0x2F || oneBack == 0x2E, twoBack >= 0x30, twoBack <= 0x39, byte >= 0x30,
                byte <= 0x39
            {
                mayHoldDate = true
                break
            }
            twoBack = oneBack
            oneBack = byte
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
        var count = 0
        var first: UInt8 = 0
        var second: UInt8 = 0
        var third: UInt8 = 0
        var previousWasSeparator = false
        func finish() -> String? {
            defer { count = 0 }
            if count >= 16 { return "a NIK (16 digits)" }
            let mobile = (first == 0x30 && second == 0x38) || (first == 0x36 && second == 0x32 && third == 0x38)
            if mobile, (10...14).contains(count) { return "a phone number" }
            return nil
        }
        var previous: UInt8 = 0x20
        var afterAt: [UInt8]? = nil
        for byte in text.utf8 {
            defer { previous = byte }
            if var tail = afterAt {
                // Collecting what follows an '@' up to a space.
                if byte == 0x20 {
                    if tail.contains(0x2E) { return "an e-mail address" }
                    afterAt = nil
                } else {
                    tail.append(byte)
                    afterAt = tail
                }
                continue
            }
            if byte >= 0x30 && byte <= 0x39 {
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
                if let kind = finish() { return kind }
                previousWasSeparator = false
                if byte == 0x40, previous != 0x20 { afterAt = [] }
            }
        }
        if let tail = afterAt, tail.contains(0x2E) { return "an e-mail address" }
        return finish()
    }

    static func looksLikeDate(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        return (parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2)
            || (parts[0].count <= 2 && parts[1].count <= 2 && parts[2].count == 4)
    }
}

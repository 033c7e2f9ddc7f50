extension LookupData {
    /// Words are indexed by at most this many letters: no name has longer words, and the
    /// prefix keys are made one letter at a time (a 100,000-letter word went 100,000 calls
    /// deep and overflowed the stack).
    static let maximumNameLetters = 48

    /// Lower-case letter words of a name, at least `minimumNameLetters` long, each cut to
    /// `maximumNameLetters`.
    static func words(_ name: String) -> [String] {
        var name = name
        return name.withUTF8(words)
    }

    /// As above, from the name's UTF-8 bytes (read in place, as from a `TextColumn`).
    static func words(_ name: UnsafeBufferPointer<UInt8>) -> [String] {
        // ASCII names (most) are split byte by byte, in place; others by Unicode letters.
        if !name.contains(where: { $0 >= 0x80 }) { return asciiWords(name) }
        var result: [String] = []
        let lowered = String(decoding: name, as: UTF8.self).lowercased()
        for word in lowered.unicodeScalars.split(whereSeparator: { !$0.properties.isAlphabetic })
        where word.count >= minimumNameLetters {
            let text = String(String.UnicodeScalarView(word.prefix(maximumNameLetters)))
            if !result.contains(text) { result.append(text) }
        }
        return result
    }

    /// The words of an ASCII name, each made straight from its letters (a million names
    /// through an array per word were 4 % of the build; a word gathered by a nested function
    /// had each of its letters checked for exclusive access at run time; perf).
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        // The word so far: where it starts and its letters (those past
        // `maximumNameLetters` are counted only).
        var start = 0
        var length = 0
        for index in bytes.indices {
            // A-Z or a-z: with the 0x20 bit set, both are a-z.
            let lower = bytes[index] | 0x20
            if lower >= 0x61, lower <= 0x7A {
                if length == 0 { start = index }
                length += 1
            } else {
                addASCIIWord(bytes, start: start, length: length, to: &result)
                length = 0
            }
        }
        addASCIIWord(bytes, start: start, length: length, to: &result)
        return result
    }

    /// The letters of `bytes` from `start`, lower-cased and cut to `maximumNameLetters`, added
    /// to `words` unless too short or there already.
    private static func addASCIIWord(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, to words: inout [String]
    ) {
        guard length >= minimumNameLetters else { return }
        let word = String(
            lowercasedASCII: UnsafeBufferPointer(rebasing: bytes[start..<start + min(length, maximumNameLetters)]))
        if !words.contains(word) { words.append(word) }
    }
}

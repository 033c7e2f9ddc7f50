extension LookupData {
    /// Words are indexed by at most this many letters: no name has longer words, and the
    /// prefix keys are made one letter at a time (a 100,000-letter word went 100,000 calls
    /// deep and overflowed the stack).
    static let maximumNameLetters = 48

    /// Lower-case letter words of a name, at least `minimumNameLetters` long, each cut to
    /// `maximumNameLetters`.
    static func words(_ name: String) -> [String] {
        // ASCII names (most) are split byte by byte, in place, each word made straight from
        // its letters (a million names through an array per word were 4 % of the build; a
        // word gathered by a nested function had each of its letters checked for exclusive
        // access at run time; perf); others by Unicode letters.
        var name = name
        let ascii = name.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
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
        if let ascii { return ascii }
        var result: [String] = []
        for word in name.lowercased().unicodeScalars.split(whereSeparator: { !$0.properties.isAlphabetic })
        where word.count >= minimumNameLetters {
            let text = String(String.UnicodeScalarView(word.prefix(maximumNameLetters)))
            if !result.contains(text) { result.append(text) }
        }
        return result
    }

    /// The letters of `bytes` from `start`, lower-cased and cut to `maximumNameLetters`, added
    /// to `words` unless too short or there already.
    private static func addASCIIWord(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, to words: inout [String]
    ) {
        guard length >= minimumNameLetters else { return }
        let kept = min(length, maximumNameLetters)
        let word = String(unsafeUninitializedCapacity: kept) { buffer in
            for offset in 0..<kept { buffer[offset] = bytes[start + offset] | 0x20 }
            return kept
        }
        if !words.contains(word) { words.append(word) }
    }
}

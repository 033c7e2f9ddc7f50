import Foundation
import Mustache

/// A value of a page's view put into the rendered page as bytes: the template engine
/// writes a marker in its place, and `splice` replaces each marker with its value.
///
/// - A result page's rows (up to 200 KB a page, 207 MB on the million-row site): as a
///   `String` the engine copied them into its output, and they were checked as UTF-8 and
///   copied three more times on the way to the file (perf, issue 16).
/// - The values that alone tell a table's further pages apart (the page's label, the
///   links to the pages before and after): with them marked, those pages' views are the
///   same, and the engine renders their content once (PageChrome's memo).
///
/// The engine writes this value as its marker wherever a template writes it (`{{{…}}}`,
/// `{{…}}` escaped, `{{.}}` inside its section, `{{#…}}` always shown as a string is) and
/// `splice` puts in what the engine would have written for the value as a string. Where a
/// theme's template goes further, it differs: the engine's string transforms
/// (`{{uppercased(…)}}`, `{{#empty(…)}}`) give nothing, since this is not a string; inside
/// its section the engine finds `slot` and `bytes` in it; and an indented partial or block
/// indents the line after the value only if the marker ends a line. The built-in theme
/// does none of these.
///
/// Each value of a page has its own slot, a number given by `SplicedValues`. The marker
/// begins and ends with U+0001, which no content, theme or Markdown can bring to a page
/// (ControlCharacters, YAMLParser): escaped, its `&` comes out as `&amp;`, and the value
/// is then put in escaped, as the engine would have written it.
struct SplicedText: Sendable, MustacheCustomRenderable, Fingerprinted {
    let slot: Int
    let bytes: Data

    fileprivate init(slot: Int, _ bytes: Data) {
        self.slot = slot
        self.bytes = bytes
    }

    private static let prefix = "\u{1}terbuka&spliced"
    /// The marker's beginning as the engine writes it, raw and escaped.
    private static let rawPrefix = Array(prefix.utf8)
    private static let escapedPrefix = Array(PageChrome.escape(prefix).utf8)

    static func marker(_ slot: Int) -> String { "\(prefix)\(slot)\u{1}" }

    var renderText: String { Self.marker(slot) }
    var isNull: Bool { false }

    /// For a page's fingerprint (an incremental build's reuse), the value; for the memo of
    /// a page's content, the slot alone: the pages that differ only in these values share it.
    func fingerprint(into f: inout Fingerprint) {
        if f.splicedAsSlots { f.addInteger(slot) } else { f.addBytes(bytes) }
    }

    /// `page` with each marker replaced by the value in its slot (escaped where the marker
    /// was). Any other U+0001 becomes U+FFFD, as the escapers do with any control character.
    static func splice(_ values: [SplicedText], into page: String) -> Data {
        var page = page
        return page.withUTF8 { text in
            var out = Data(capacity: text.count + values.reduce(0) { $0 + $1.bytes.count })
            guard let base = text.baseAddress else { return out }
            var start = 0
            var index = 0
            while index < text.count, let hit = memchr(base + index, 1, text.count - index) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                out.append(UnsafeBufferPointer(rebasing: text[start..<at]))
                let rest = UnsafeBufferPointer(rebasing: text[at...])
                let raw = slot(in: rest, after: rawPrefix)
                if let (slot, length) = raw ?? slot(in: rest, after: escapedPrefix),
                    let value = values.first(where: { $0.slot == slot })
                {
                    if raw != nil {
                        out.append(value.bytes)
                    } else {
                        out.append(contentsOf: PageChrome.escape(String(decoding: value.bytes, as: UTF8.self)).utf8)
                    }
                    index = at + length
                } else {
                    out.append(contentsOf: "\u{FFFD}".utf8)
                    index = at + 1
                }
                start = index
            }
            out.append(UnsafeBufferPointer(rebasing: text[start...]))
            return out
        }
    }

    /// The slot of the marker `text` starts with, and the marker's length: `prefix`, up to
    /// four digits, U+0001.
    private static func slot(in text: UnsafeBufferPointer<UInt8>, after prefix: [UInt8]) -> (Int, Int)? {
        guard text.starts(with: prefix) else { return nil }
        var slot = 0
        var index = prefix.count
        while index < text.count, index - prefix.count < 4, (0x30...0x39).contains(text[index]) {
            slot = slot * 10 + Int(text[index] - 0x30)
            index += 1
        }
        guard index > prefix.count, index < text.count, text[index] == 1 else { return nil }
        return (slot, index + 1)
    }
}

/// The values spliced into one page, each with a slot of its own: the page is given
/// `all`, and no value can be left out of it or share a slot.
struct SplicedValues {
    private(set) var all: [SplicedText] = []

    mutating func add(_ bytes: Data) -> SplicedText {
        precondition(all.count < 10_000, "a marker's slot has at most four digits")
        let value = SplicedText(slot: all.count, bytes)
        all.append(value)
        return value
    }

    mutating func add(_ text: String) -> SplicedText {
        add(Data(text.utf8))
    }
}

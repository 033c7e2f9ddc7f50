import Foundation
import Mustache

/// HTML made outside the template engine (a result page's rows: up to 200 KB a page,
/// 207 MB on the million-row site), put into the rendered page as bytes. The engine
/// writes a marker in its place, and `splice` replaces the marker with the bytes. Given
/// the rows as a `String` instead, the engine copied them into its output, and the
/// rows were checked as UTF-8 and copied three more times on the way to the file (perf,
/// issue 16).
///
/// The engine writes this value as its marker wherever a template writes it (`{{{…}}}`,
/// or `{{…}}` escaped, or `{{.}}` inside its section); it is not a string, so the
/// engine's string transforms give nothing, as for any other value they do not apply to.
/// The marker begins and ends with U+0001, which no content, theme or Markdown can bring
/// to a page (ControlCharacters): escaped, its `&` comes out as `&amp;`, and the HTML is
/// then put in escaped, as the engine would have written it.
struct SplicedHTML: Sendable, MustacheCustomRenderable, Fingerprinted {
    let bytes: Data

    static let marker = "\u{1}terbuka&spliced\u{1}"
    static let escapedMarker = PageChrome.escape(marker)

    var renderText: String { Self.marker }
    var isNull: Bool { false }

    func fingerprint(into f: inout Fingerprint) {
        bytes.withUnsafeBytes { f.addBytes($0.bindMemory(to: UInt8.self)) }
    }

    /// `page` with each marker replaced by the HTML (escaped where the marker was). Any
    /// other U+0001 becomes U+FFFD, as the escapers do with any control character.
    func splice(into page: String) -> Data {
        var page = page
        return page.withUTF8 { text in
            var out = Data(capacity: text.count + bytes.count)
            guard let base = text.baseAddress else { return out }
            let raw = Array(Self.marker.utf8)
            let escaped = Array(Self.escapedMarker.utf8)
            var start = 0
            var index = 0
            while index < text.count, let hit = memchr(base + index, 1, text.count - index) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                out.append(UnsafeBufferPointer(rebasing: text[start..<at]))
                let rest = UnsafeBufferPointer(rebasing: text[at...])
                if rest.starts(with: raw) {
                    out.append(bytes)
                    index = at + raw.count
                } else if rest.starts(with: escaped) {
                    out.append(contentsOf: PageChrome.escape(String(decoding: bytes, as: UTF8.self)).utf8)
                    index = at + escaped.count
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
}

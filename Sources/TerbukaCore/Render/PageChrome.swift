import Foundation
import Mustache

/// What every page has around its own content (the head, the header with the menu, the
/// footer: the theme's `base` template) rendered once per kind of page instead of once per
/// page. On the 10,000-notice site the template engine's lookups for it were most of the
/// rendering (issue 16, measured with perf).
///
/// The chrome depends on the page's language, its depth (`root`), the menu item it marks
/// and whether it has a description; within one such kind, only the title, the description
/// and the path in the links to the other languages differ. So `base` is rendered once per
/// kind with markers in their place, and each page fills them in, escaped as the template
/// engine escapes them, around its `main` block rendered alone. Templates that do not
/// extend `base` are rendered whole. Whether a kind can be cut so is decided from the
/// marked rendering alone, the same whatever page comes first: a `base` that writes the
/// title or description unescaped (the markers hold a `&`, which then stays bare), changes
/// them (a marker left broken), or reads the page's own view (the probe's body records any
/// lookup) keeps whole rendering for that kind.
final class PageChrome: @unchecked Sendable {
    /// The theme's templates in the two forms the chrome needs.
    struct Templates: @unchecked Sendable {
        /// Every template as written, and the probe.
        var full: MustacheLibrary
        /// `base` reduced to its `main` block: a page template renders its content alone.
        var main: MustacheLibrary
        var extendingBase: Set<String>

        static let probe = "\u{E000}terbuka-chrome-probe"

        init(_ templates: [String: MustacheTemplate], extendingBase: Set<String>) {
            var full = templates
            var main = templates
            if templates["base"] != nil,
                let probe = try? MustacheTemplate(string: "{{<base}}{{$main}}\(Marker.main){{/main}}{{/base}}"),
                let reduced = try? MustacheTemplate(string: "{{$main}}{{/main}}")
            {
                full[Self.probe] = probe
                main["base"] = reduced
                self.extendingBase = extendingBase
            } else {
                self.extendingBase = []
            }
            self.full = MustacheLibrary(templates: full)
            self.main = MustacheLibrary(templates: main)
        }
    }

    /// Stand-ins the template engine leaves as they are (no character it escapes), from
    /// Unicode's private use area.
    enum Marker {
        /// The title's and description's markers hold an `&`: escaped, they come out with
        /// `&amp;`, which is what the chrome is cut at; written unescaped, they do not.
        static let title = "\u{E000}terbuka&title\u{E000}"
        static let description = "\u{E000}terbuka&description\u{E000}"
        static let path = "\u{E000}terbuka-path\u{E000}"
        static let main = "\u{E000}terbuka-main\u{E000}"
    }

    /// A chrome cut at its markers.
    enum Part {
        case text(String)
        case title, description, path, main
    }

    /// A page's values, escaped for the chrome.
    struct Values {
        var title: String
        var description: String
        var path: String
        var main: String
    }

    private let lock = NSLock()
    /// By kind: the chrome's parts, or nil where pages of that kind are rendered whole.
    private var kinds: [String: [Part]?] = [:]
    /// Pages' `main` blocks by memo key: pages whose views differ only in spliced values
    /// (a result table's further pages, SplicedText) have the same one.
    private var mains: [String: String] = [:]

    /// Whether a template's source is `{{<base}} … {{/base}}` and nothing else.
    static func extendsBase(_ source: String) -> Bool {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix("{{<base}}") && trimmed.hasSuffix("{{/base}}")
            && trimmed.components(separatedBy: "{{<").count == 2
    }

    /// The page: `view` in `template`. `probe` is the same view with the markers in place
    /// of the title, description and path. `memo`: a key of the view and template, the
    /// same only for pages whose `main` block renders the same.
    func render<Body>(
        _ view: PageView<Body>, probe: @autoclosure () -> PageView<ProbeBody>, template: String, kind: String,
        values: @autoclosure () -> (title: String, description: String, path: String), templates: Templates,
        memo: String? = nil
    ) -> String {
        guard templates.extendingBase.contains(template) else {
            return templates.full.render(view, withTemplate: template) ?? ""
        }
        let parts: [Part]?
        if let known = lock.withLock({ kinds[kind] }) {
            parts = known
        } else {
            parts = Self.decide(probe(), templates)
            lock.withLock { kinds[kind] = .some(parts) }
        }
        guard let parts else { return templates.full.render(view, withTemplate: template) ?? "" }
        let (title, description, path) = values()
        return Self.fill(
            parts,
            Values(
                title: Self.escape(title), description: Self.escape(description), path: path,
                main: main(view, template: template, templates: templates, memo: memo)))
    }

    /// The page's `main` block, rendered once per memo key.
    private func main<Body>(_ view: PageView<Body>, template: String, templates: Templates, memo: String?) -> String {
        guard let memo else { return templates.main.render(view, withTemplate: template) ?? "" }
        if let known = lock.withLock({ mains[memo] }) { return known }
        let main = templates.main.render(view, withTemplate: template) ?? ""
        lock.withLock { mains[memo] = main }
        return main
    }

    /// The chrome of a kind cut at its markers, or nil when pages of the kind must be
    /// rendered whole.
    static func decide(_ probe: PageView<ProbeBody>, _ templates: Templates) -> [Part]? {
        guard let chrome = templates.full.render(probe, withTemplate: Templates.probe), !probe.body.wasRead else {
            return nil
        }
        let parts = cut(chrome)
        let mains = parts.filter { if case .main = $0 { true } else { false } }.count
        // A marker written unescaped or changed leaves its private-use character in the text.
        let broken = parts.contains { if case .text(let text) = $0 { text.contains("\u{E000}") } else { false } }
        return mains == 1 && !broken ? parts : nil
    }

    static func cut(_ chrome: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(chrome)
        let markers: [(String, Part)] = [
            (escape(Marker.title), .title), (escape(Marker.description), .description), (Marker.path, .path),
            (Marker.main, .main),
        ]
        while let start = rest.firstIndex(of: "\u{E000}") {
            guard let (marker, part) = markers.first(where: { rest[start...].hasPrefix($0.0) }) else {
                // Not one of ours: text, up to and including this character.
                let next = rest.index(after: start)
                parts.append(.text(String(rest[..<next])))
                rest = rest[next...]
                continue
            }
            if start > rest.startIndex { parts.append(.text(String(rest[..<start]))) }
            parts.append(part)
            rest = rest[rest.index(start, offsetBy: marker.count)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    static func fill(_ parts: [Part], _ values: Values) -> String {
        var out = ""
        out.reserveCapacity(values.main.utf8.count + 4096)
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .title: out += values.title
            case .description: out += values.description
            case .path: out += values.path
            case .main: out += values.main
            }
        }
        return out
    }

    /// As the template engine escapes a value (swift-mustache's String.htmlEscape): `<`,
    /// `>`, `&`, `"` and `'`, character by character. Not HTMLText.escape, which works on
    /// bytes (an apostrophe with a combining mark is one character the engine leaves alone)
    /// and replaces control characters: the filled chrome must equal whole rendering.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The body of the chrome's probe: nothing, and whether the chrome looked anything up in it
/// (then the chrome depends on the page's own view).
final class ProbeBody: MustacheParent, @unchecked Sendable {
    private(set) var wasRead = false

    func child(named name: String) -> Any? {
        wasRead = true
        return nil
    }
}

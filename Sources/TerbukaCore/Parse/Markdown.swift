import CCmarkGFM
import Foundation

/// Markdown to HTML through the system's cmark-gfm, with the GitHub extensions for
/// tables, strikethrough, autolinks and the tag filter. Raw HTML in content is never
/// passed through (cmark's safe mode replaces it with a comment), and dangerous link
/// schemes such as `javascript:` are dropped by cmark.
public enum Markdown {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensions = ["table", "strikethrough", "autolink", "tagfilter"]

    /// cmark-gfm keeps the characters that start an extension's inlines (`~`, `|`, …) in a
    /// table shared by every parser: `cmark_parser_finish` adds them, parses the inlines and
    /// removes them again. Two documents finished at once on two threads would let one
    /// remove `~` while the other parses, and `~~struck~~` come out as written, depending on
    /// the scheduling. Finishing is done one document at a time; feeding (block parsing) and
    /// rendering HTML stay parallel.
    private static let finishing = NSLock()

    /// The URLs cmark's safe mode refuses (its `_scan_dangerous_url`): script schemes,
    /// files, and data other than images.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        if ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lower.hasPrefix) {
            return false
        }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: lower.hasPrefix)
    }

    /// Renders `markdown` to HTML. `rewriteURL` sees every link and image URL and may
    /// change it (the renderer makes site-absolute links relative).
    public static func html(_ markdown: String, rewriteURL: (String) -> String = { $0 }) -> String {
        precondition(registered)
        // Table alignment as style attributes: the align attribute is obsolete in HTML.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        markdown.withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        finishing.lock()
        let finished = cmark_parser_finish(parser)
        finishing.unlock()
        guard let document = finished else { return "" }
        defer { cmark_node_free(document) }

        var unsafeImages: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let raw = cmark_node_get_url(node) else {
                    continue
                }
                let url = String(cString: raw)
                if type == CMARK_NODE_IMAGE, isDangerous(url) {
                    unsafeImages.append(node)
                    continue
                }
                let rewritten = rewriteURL(url)
                if rewritten != url { cmark_node_set_url(node, rewritten) }
            }
        }
        // cmark would write such an image with an empty src, which is invalid HTML: it
        // becomes its description. Innermost first: an image inside another one's
        // description is replaced before the outer one is freed (found by fuzz-markdown).
        for image in unsafeImages.reversed() {
            var description = ""
            if let walker = cmark_iter_new(image) {
                while true {
                    let event = cmark_iter_next(walker)
                    if event == CMARK_EVENT_DONE { break }
                    guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(walker), node != image else {
                        continue
                    }
                    let type = cmark_node_get_type(node)
                    if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                        description += String(cString: literal)
                    }
                }
                cmark_iter_free(walker)
            }
            if let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, description)
                cmark_node_replace(image, text)
                cmark_node_free(image)
            }
        }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        // A numeric reference (&#27;) makes cmark write the character itself.
        return ControlCharacters.replaced(String(cString: rendered))
    }
}

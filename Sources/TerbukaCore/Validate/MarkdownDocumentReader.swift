import Foundation

/// Reads a Markdown content file into its front matter mapping and body.
enum MarkdownDocumentReader {
    static func read(_ file: SourceFile, into diagnostics: inout Diagnostics) -> (YAMLMapping, MarkdownSource)? {
        guard let document = split(file.data, path: file.path, into: &diagnostics),
            let root = YAMLParser.parse(
                document.yaml, path: file.path, firstLine: document.yamlFirstLine, into: &diagnostics)
        else { return nil }
        guard case .mapping(let map) = root else {
            diagnostics.error(.frontMatterNotAMapping(found: root), at: root.location)
            return nil
        }
        return (map, MarkdownSource(text: document.body, firstLine: document.bodyFirstLine, path: file.path))
    }

    /// The file's text (UTF-8, no control characters) split into front matter and body.
    static func split(_ data: Data, path: String, into diagnostics: inout Diagnostics) -> FrontMatterDocument? {
        guard let text = SourceText.decode(data, path: path, into: &diagnostics) else { return nil }
        return FrontMatter.split(text, path: path, into: &diagnostics)
    }
}

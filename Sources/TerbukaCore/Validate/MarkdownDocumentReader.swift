/// Reads a Markdown content file into its front matter mapping and body.
enum MarkdownDocumentReader {
    static func read(_ file: SourceFile, into diagnostics: inout Diagnostics) -> (YAMLMapping, MarkdownSource)? {
        guard let text = SourceText.decode(file.data, path: file.path, into: &diagnostics),
            let document = FrontMatter.split(text, path: file.path, into: &diagnostics),
            let root = YAMLParser.parse(
                document.yaml, path: file.path, firstLine: document.yamlFirstLine, into: &diagnostics)
        else { return nil }
        guard case .mapping(let map) = root else {
            diagnostics.error(.frontMatterNotAMapping(found: root), at: root.location)
            return nil
        }
        return (map, MarkdownSource(text: document.body, firstLine: document.bodyFirstLine, path: file.path))
    }
}

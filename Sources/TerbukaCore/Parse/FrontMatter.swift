/// A Markdown file split into its YAML front matter and its body, with the line on
/// which each begins so that locations point into the original file.
public struct FrontMatterDocument: Sendable {
    public var yaml: String
    /// 1-based line in the file of the first YAML line.
    public var yamlFirstLine: Int
    public var body: String
    public var bodyFirstLine: Int
}

public enum FrontMatter {
    public static func split(_ text: String, path: String, into diagnostics: inout Diagnostics) -> FrontMatterDocument?
    {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            diagnostics.error(.noFrontMatter, at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        guard
            let closing = lines.indices.dropFirst().first(where: {
                let line = lines[$0].trimmingTrailingSpaces
                return line == "---" || line == "..."
            })
        else {
            diagnostics.error(.frontMatterNotClosed, at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return FrontMatterDocument(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

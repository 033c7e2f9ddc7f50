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
    /// Splits at the lines `---` (opening) and `---` or `...` (closing), trailing spaces
    /// allowed. Lines end with LF or CRLF (files saved by Windows editors); the YAML and the
    /// body come out with LF. Works on the bytes and copies the body once: a site's
    /// thousands of notices are split in a few milliseconds.
    public static func split(_ text: String, path: String, into diagnostics: inout Diagnostics) -> FrontMatterDocument?
    {
        var text = text
        return text.withUTF8 { bytes in
            let lf = UInt8(ascii: "\n")
            let cr = UInt8(ascii: "\r")
            /// The line starting at `start`: its content (without the line end) and where the
            /// next line starts.
            func line(at start: Int) -> (content: Range<Int>, next: Int) {
                var stop = start
                while stop < bytes.count, bytes[stop] != lf { stop += 1 }
                let end = stop > start && bytes[stop - 1] == cr ? stop - 1 : stop
                return (start..<end, min(stop + 1, bytes.count))
            }
            func isFence(_ range: Range<Int>, dots: Bool) -> Bool {
                var end = range.upperBound
                while end > range.lowerBound,
                    bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")
                {
                    end -= 1
                }
                guard end - range.lowerBound == 3 else { return false }
                let first = bytes[range.lowerBound]
                guard first == UInt8(ascii: "-") || (dots && first == UInt8(ascii: ".")) else { return false }
                return bytes[range.lowerBound + 1] == first && bytes[range.lowerBound + 2] == first
            }
            /// The lines of `range` joined with LF, without a line end after the last one.
            func joined(_ range: Range<Int>) -> String {
                if !bytes[range].contains(cr) {
                    let end =
                        range.upperBound > range.lowerBound && bytes[range.upperBound - 1] == lf
                        ? range.upperBound - 1 : range.upperBound
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end]), as: UTF8.self)
                }
                var out: [UInt8] = []
                out.reserveCapacity(range.count)
                var start = range.lowerBound
                while start < range.upperBound {
                    let (content, next) = line(at: start)
                    if start > range.lowerBound { out.append(lf) }
                    out.append(contentsOf: bytes[content])
                    start = next
                }
                return String(decoding: out, as: UTF8.self)
            }
            let (first, afterFirst) = line(at: 0)
            guard bytes.count > 0, isFence(first, dots: false) else {
                diagnostics.error(.noFrontMatter, at: SourceLocation(path: path, line: 1, column: 1))
                return nil
            }
            var start = afterFirst
            var number = 2
            while start < bytes.count {
                let (content, next) = line(at: start)
                if isFence(content, dots: true) {
                    // The YAML ends before the closing line's own start.
                    return FrontMatterDocument(
                        yaml: joined(afterFirst..<start), yamlFirstLine: 2, body: joined(next..<bytes.count),
                        bodyFirstLine: number + 1)
                }
                start = next
                number += 1
            }
            diagnostics.error(.frontMatterNotClosed, at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

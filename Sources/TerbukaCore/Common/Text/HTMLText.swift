/// HTML text and attribute values written by Swift code (the result tables, charts): the
/// same five characters the template engine escapes, and forbidden control characters
/// replaced. The rules are in ByteWriter.html.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        guard ByteWriter.changesInHTML(text) else { return text }
        var writer = ByteWriter(capacity: text.utf8.count + 16)
        writer.html(text)
        return writer.string
    }
}

/// HTML text and attribute values written by Swift code (the result tables, charts): the
/// same five characters the template engine escapes, and forbidden control characters
/// replaced. The rules are in ByteWriter.html.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        guard
            text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
                || ControlCharacters.mayHold(text)
        else { return text }
        var writer = ByteWriter(capacity: text.utf8.count + 16)
        writer.html(text)
        return writer.string
    }
}

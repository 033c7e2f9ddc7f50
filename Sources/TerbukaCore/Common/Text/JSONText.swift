/// JSON text; the escaping rules are in ByteWriter.json.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        var writer = ByteWriter(capacity: text.utf8.count + 2)
        writer.json(text)
        return writer.string
    }
}

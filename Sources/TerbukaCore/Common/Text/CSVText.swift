/// CSV fields for published data; the escaping rules are in ByteWriter.csv.
public enum CSVText {
    public static func cell(_ value: String) -> String {
        var writer = ByteWriter()
        writer.csv(value)
        return writer.string
    }
}

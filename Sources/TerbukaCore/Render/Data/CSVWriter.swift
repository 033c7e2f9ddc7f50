/// CSV rows for published data; the escaping rules are in ByteWriter.csv.
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        var writer = ByteWriter()
        for (index, field) in fields.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.csv(field)
        }
        writer.raw("\r\n")
        return writer.string
    }

    public static func cell(_ value: String) -> String {
        var writer = ByteWriter()
        writer.csv(value)
        return writer.string
    }
}

/// Fixed-point numbers as text: 80125 at scale 3 → "80.125" or "80,125". The digits are
/// ByteWriter.fixed's, the one writer of fixed-point numbers.
public enum FixedPoint {
    public static func text(_ value: Int, scale: Int, mark: String) -> String {
        var writer = ByteWriter(capacity: 24)
        writer.fixed(value, scale: scale, mark: mark.utf8.first ?? 0x2E)
        return writer.string
    }
}

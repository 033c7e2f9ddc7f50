public enum TerbukaVersion {
    public static let current = "0.1.0"
}

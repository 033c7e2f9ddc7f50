extension String {
    /// The same text in storage of its own, made now (a short text is held inline, with
    /// none): strings copied in the order they will be read lie in memory in that order
    /// (Grouping.copyNamesInOrder).
    mutating func copyAnew() {
        self = withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { $0.initialize(fromContentsOf: bytes) }
        }
    }
}

extension String {
    /// ASCII letters and digits lower-cased, made straight from their bytes (a word of the
    /// participant lookup's names or of the site search's texts, split from bytes in place).
    init(lowercasedASCII bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
            // With the 0x20 bit set, A-Z are a-z, and a-z and the digits stay as they are.
            for offset in bytes.indices { buffer[offset] = bytes[offset] | 0x20 }
            return bytes.count
        }
    }
}

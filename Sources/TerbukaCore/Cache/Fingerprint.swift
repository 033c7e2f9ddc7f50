import Crypto

/// What a page is made from, as one SHA-256: the template's name and every value of its
/// view, each written with its length or count so that no two different views give the
/// same bytes. The views feed themselves (Render/Views/ViewFingerprints.swift, generated).
/// Everything else a page depends on (the theme, the Terbuka binary, the options) is in
/// the cache's key, so an equal fingerprint under an equal key means equal bytes.
struct Fingerprint {
    private var bytes: [UInt8] = []
    /// Spliced values add their slot rather than their value (SplicedText).
    var splicedAsSlots = false

    init() {
        bytes.reserveCapacity(4096)
    }

    mutating func add<Value: Fingerprinted>(_ value: Value) {
        value.fingerprint(into: &self)
    }

    mutating func addInteger(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func addByte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func addBytes(_ value: some Collection<UInt8>) {
        addInteger(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func addString(_ value: String) {
        var value = value
        value.withUTF8 { text in
            addInteger(text.count)
            bytes.append(contentsOf: text)
        }
    }

    /// The SHA-256 of everything added, in hexadecimal.
    var digest: String {
        Digest.hex(SHA256.hash(data: bytes))
    }
}

/// A value that can feed a page's fingerprint.
protocol Fingerprinted {
    func fingerprint(into f: inout Fingerprint)
}

extension String: Fingerprinted {
    func fingerprint(into f: inout Fingerprint) { f.addString(self) }
}

extension Int: Fingerprinted {
    func fingerprint(into f: inout Fingerprint) { f.addInteger(self) }
}

extension Bool: Fingerprinted {
    func fingerprint(into f: inout Fingerprint) { f.addByte(self ? 1 : 0) }
}

extension Optional: Fingerprinted where Wrapped: Fingerprinted {
    func fingerprint(into f: inout Fingerprint) {
        switch self {
        case .none: f.addByte(0)
        case .some(let value):
            f.addByte(1)
            value.fingerprint(into: &f)
        }
    }
}

extension Array: Fingerprinted where Element: Fingerprinted {
    func fingerprint(into f: inout Fingerprint) {
        f.addInteger(count)
        for element in self { element.fingerprint(into: &f) }
    }
}

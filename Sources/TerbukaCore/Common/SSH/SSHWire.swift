import Foundation

/// The SSH wire encoding (RFC 4251 §5) as far as OpenSSH keys and signatures use it:
/// `uint32` big-endian and `string` (a uint32 length, then the bytes).
struct SSHWriter {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ data: some Sequence<UInt8>) { bytes.append(contentsOf: data) }

    mutating func uint32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    mutating func string(_ data: some Collection<UInt8>) {
        uint32(UInt32(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func string(_ text: String) { string(Array(text.utf8)) }
}

/// Reads what SSHWriter writes; every read is bounds-checked, so hostile input is an error.
struct SSHReader {
    struct Truncated: Error {}

    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }
    var rest: ArraySlice<UInt8> { bytes[offset...] }

    mutating func raw(_ count: Int) throws(Truncated) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        try raw(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() throws(Truncated) -> [UInt8] {
        let count = try uint32()
        guard count <= UInt32(Int32.max) else { throw Truncated() }
        return Array(try raw(Int(count)))
    }

    mutating func text() throws(Truncated) -> String { String(decoding: try string(), as: UTF8.self) }
}

/// PEM-like armour of OpenSSH (`-----BEGIN SSH SIGNATURE-----`, base64 in lines of 70).
enum SSHArmor {
    static func wrap(_ bytes: [UInt8], label: String) -> String {
        let base64 = Data(bytes).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The bytes between the BEGIN and END lines of `label`; nil when the text has none.
    static func unwrap(_ text: String, label: String) -> [UInt8]? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"),
            let end = lines[begin...].firstIndex(of: "-----END \(label)-----")
        else { return nil }
        return Data(base64Encoded: lines[(begin + 1)..<end].joined()).map { Array($0) }
    }
}

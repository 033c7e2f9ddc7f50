import Foundation

/// Output built as UTF-8 bytes, with the escaping of each output format. This is the one
/// place where HTML text, JSON strings and CSV cells are escaped; `HTMLText`, `JSONText` and
/// `CSVWriter` are thin wrappers. Bytes rather than String appends: on a million-row table
/// the String version spent most of its time growing and re-validating strings (perf).
///
/// The bytes are in a buffer of its own, not an array: appending a few bytes to an array
/// went through generic code, about 15 ns per append against 3 here, and a million-row
/// build appends some 70 million times (perf, issue 16). A copy of a writer shares the
/// buffer until either appends (copy on write).
public struct ByteWriter {
    /// The buffer's first byte, nil until something is written or room is asked for (most
    /// writers of a short text never need more than one buffer).
    private var base: UnsafeMutablePointer<UInt8>?
    public private(set) var count = 0
    private var capacity = 0
    /// Holds the buffer (one allocation with it); held by one writer only while it appends.
    private var storage: ManagedBuffer<Void, UInt8>?

    public init(capacity: Int = 0) {
        if capacity > 0 { reallocate(capacity) }
    }

    /// A writer that has written `bytes`.
    public init(_ bytes: [UInt8]) {
        self.init(capacity: bytes.count)
        append(bytes)
    }

    public var isEmpty: Bool { count == 0 }

    /// The bytes written (a copy).
    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// The bytes written (a copy).
    public var data: Data { withBytes { Data(buffer: $0) } }

    /// The bytes written, handed over without a copy when this writer alone holds them (a
    /// page, a shard): the `Data` holds the buffer then; the writer starts a new one.
    public mutating func takeData() -> Data {
        defer { self = ByteWriter() }
        // Shared with a copy of this writer, the buffer is copied: a `Data` may change its
        // bytes in place.
        guard count > 0, isKnownUniquelyReferenced(&storage), let base, let storage else { return data }
        return Data(bytesNoCopy: base, count: count, deallocator: .custom { _, _ in withExtendedLifetime(storage) {} })
    }

    /// `body` with the bytes written, in place.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    public subscript(index: Int) -> UInt8 {
        get {
            precondition(index >= 0 && index < count)
            return withExtendedLifetime(storage) { base![index] }
        }
        set {
            precondition(index >= 0 && index < count)
            makeRoom(0)
            base![index] = newValue
        }
    }

    /// Forgets the bytes written, keeping the room.
    public mutating func removeAll() {
        if storage != nil, !isKnownUniquelyReferenced(&storage) { self = ByteWriter(capacity: capacity) }
        count = 0
    }

    /// Room for `more` bytes after those written, in a buffer this writer alone holds.
    @inline(__always)
    private mutating func makeRoom(_ more: Int) {
        if capacity - count < more || !isKnownUniquelyReferenced(&storage) { reallocate(count + more) }
    }

    private mutating func reallocate(_ needed: Int) {
        let made = ManagedBuffer<Void, UInt8>.create(minimumCapacity: Swift.max(needed, capacity * 2, 16)) { _ in }
        let newBase = made.withUnsafeMutablePointerToElements { $0 }
        if let base { newBase.initialize(from: base, count: count) }
        (base, capacity, storage) = (newBase, made.capacity, made)
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        makeRoom(1)
        base![count] = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        guard capacity - count >= bytes.count, isKnownUniquelyReferenced(&storage) else {
            return appendMovingBuffer(from, bytes.count)
        }
        (base! + count).initialize(from: from, count: bytes.count)
        count += bytes.count
    }

    /// Appends into a new buffer; the old one is kept until then, as the bytes may lie in it.
    @inline(never)
    private mutating func appendMovingBuffer(_ from: UnsafePointer<UInt8>, _ length: Int) {
        let old = storage
        reallocate(count + length)
        (base! + count).initialize(from: from, count: length)
        count += length
        withExtendedLifetime(old) {}
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    public mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    public mutating func append(_ other: ByteWriter) {
        other.withBytes { append($0) }
    }

    @inline(__always)
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// HTML text or attribute value: & < > " ' escaped, as the template engine does, and
    /// control characters replaced (ControlCharacters).
    public mutating func html(_ text: String) {
        var text = text
        text.withUTF8 { html(utf8: $0) }
    }

    /// As `html`, from valid UTF-8 bytes (read in place, as from a `TextColumn`).
    mutating func html(utf8 text: UnsafeBufferPointer<UInt8>) {
        if appendWhole(text, unless: Self.htmlSpecial) { return }
        htmlEscaping(String(decoding: text, as: UTF8.self))
    }

    private mutating func htmlEscaping(_ text: String) {
        for byte in ControlCharacters.replaced(text).utf8 {
            switch byte {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x27: raw("&#39;")
            default: append(byte)
            }
        }
    }

    /// A JSON string in quotes. Besides what JSON requires, < > & U+2028 and U+2029 are
    /// escaped so that the same text is safe inside a <script> element.
    public mutating func json(_ text: String) {
        var text = text
        text.withUTF8 { json(utf8: $0) }
    }

    /// As `json`, from valid UTF-8 bytes (read in place, as from a `TextColumn`).
    mutating func json(utf8 text: UnsafeBufferPointer<UInt8>) {
        if appendQuoted(text, unless: Self.jsonSpecial) { return }
        jsonEscaping(text)
    }

    private mutating func jsonEscaping(_ text: UnsafeBufferPointer<UInt8>) {
        append(0x22)
        var index = 0
        while index < text.count {
            let byte = text[index]
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x3C: raw("\\u003c")
            case 0x3E: raw("\\u003e")
            case 0x26: raw("\\u0026")
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 {
                    raw(text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 2
                } else {
                    append(byte)
                }
            case 0x00..<0x20:
                raw("\\u00")
                append(Self.hex[Int(byte >> 4)])
                append(Self.hex[Int(byte & 0x0F)])
            default:
                append(byte)
            }
            index += 1
        }
        append(0x22)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Bytes after which a format's text is no longer copied as it is: each format's
    /// escaping below handles them one by one. HTML: & < > " ' and what may begin a forbidden
    /// character (ControlCharacters.mayHold). JSON: controls, " \ < > & and the lead byte of
    /// U+2028 and U+2029. CSV: , " LF CR.
    private static let htmlSpecial = ByteSet(
        [0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F, 0xC2, 0xEF]
            + (0..<0x20).filter {
                $0 != 0x09 && $0 != 0x0A && $0 != 0x0D
            })
    private static let jsonSpecial = ByteSet([0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2] + Array(0..<0x20))
    private static let csvSpecial = ByteSet([0x2C, 0x22, 0x0A, 0x0D])

    /// Whether `html` would write `text` other than as it is.
    static func changesInHTML(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(where: htmlSpecial.contains) }
    }

    /// As below, for a string (`withUTF8` makes one bridged from Foundation contiguous first).
    @inline(__always)
    private mutating func appendWhole(_ text: String, unless special: ByteSet) -> Bool {
        var text = text
        return text.withUTF8 { appendWhole($0, unless: special) }
    }

    /// Appends `text`'s bytes in one copy and returns true when none is in `special`; else
    /// appends nothing. Scanned in place: every cell of a million-row table goes through
    /// here, and going through the UTF-8 view byte by byte cost a tenth of the build (perf).
    @inline(__always)
    private mutating func appendWhole(_ text: UnsafeBufferPointer<UInt8>, unless special: ByteSet) -> Bool {
        guard special.isInNone(of: text) else { return false }
        append(text)
        return true
    }

    /// `text` in double quotes when none of its bytes is `special`, with room made once (a
    /// quote, the text and a quote appended apart checked the buffer three times, for every
    /// JSON string of a million rows; perf); false, with nothing written, when one is.
    @inline(__always)
    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>, unless special: ByteSet) -> Bool {
        guard special.isInNone(of: text) else { return false }
        makeRoom(text.count + 2)
        base![count] = 0x22
        if let start = text.baseAddress { (base! + count + 1).initialize(from: start, count: text.count) }
        base![count + 1 + text.count] = 0x22
        count += text.count + 2
        return true
    }

    /// A CSV cell (RFC 4180), with text a spreadsheet would run as a formula (starting with
    /// = + - @ tab or CR and not a number) prefixed by an apostrophe.
    public mutating func csv(_ text: String) {
        var text = text
        text.withUTF8 { csv(utf8: $0) }
    }

    /// As `csv`, from valid UTF-8 bytes (read in place, as from a `TextColumn`).
    mutating func csv(utf8 text: UnsafeBufferPointer<UInt8>) {
        if !appendPlainCSV(text) { csvEscaping(String(decoding: text, as: UTF8.self)) }
    }

    /// Appends `text` when it needs neither quotes nor the apostrophe and returns true;
    /// else appends nothing.
    @inline(__always)
    private mutating func appendPlainCSV(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = text.first, Self.mayBeAFormula(first) { return false }
        return appendWhole(text, unless: Self.csvSpecial)
    }

    /// Whether a cell starting with `first` is run as a formula, unless it is a number.
    private static func mayBeAFormula(_ first: UInt8) -> Bool {
        first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
    }

    private mutating func csvEscaping(_ text: String) {
        var value = text
        if let first = text.utf8.first, Self.mayBeAFormula(first), !Self.isNumber(text) {
            value = "'" + text
        }
        if appendWhole(value, unless: Self.csvSpecial) { return }
        append(0x22)
        for byte in value.utf8 {
            if byte == 0x22 { append(0x22) }
            append(byte)
        }
        append(0x22)
    }

    static func isNumber(_ text: String) -> Bool {
        var digits = 0
        var points = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x2E: points += 1
            case 0x2B where index == 0, 0x2D where index == 0: break
            default: return false
            }
        }
        return digits > 0 && points <= 1 && text.utf8.last != 0x2E
    }

    /// A whole number, with `grouping` between groups of three digits when given.
    public mutating func integer(_ value: Int, grouping: UInt8? = nil) {
        if value < 0 { append(0x2D) }
        digits(of: value.magnitude, grouping: grouping)
    }

    /// `value` × 10^-scale with `scale` decimals after `mark`.
    public mutating func fixed(_ value: Int, scale: Int, mark: UInt8, grouping: UInt8? = nil) {
        precondition((0...18).contains(scale), "a scale of at most 18 decimals")
        var factor: UInt = 1
        for _ in 0..<scale { factor *= 10 }
        if value < 0 { append(0x2D) }
        digits(of: value.magnitude / factor, grouping: grouping)
        guard scale > 0 else { return }
        append(mark)
        digits(of: value.magnitude % factor, grouping: nil, count: scale)
    }

    /// The decimal digits of `value`, at least `count` (zeros first), with `grouping`
    /// between groups of three: made from the last into a buffer on the stack and
    /// appended at once (dividing by the constant 10 is a multiplication).
    private mutating func digits(of value: UInt, grouping: UInt8?, count: Int = 1) {
        // 20 digits and 6 marks at most, or `count` ≤ 18 digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var value = value
            var at = buffer.count
            var written = 0
            repeat {
                if let grouping, written > 0, written % 3 == 0 {
                    at -= 1
                    buffer[at] = grouping
                }
                at -= 1
                buffer[at] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
                written += 1
            } while value > 0 || written < count
            append(UnsafeBufferPointer(rebasing: buffer[at...]))
        }
    }

    public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}

/// Sendable as an array is: a buffer two writers share is never written to (each appends
/// to a copy of its own).
extension ByteWriter: @unchecked Sendable {}

extension ByteWriter: ContiguousBytes {
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withBytes { try body(UnsafeRawBufferPointer($0)) }
    }
}

/// A set of bytes as four 64-bit words: a membership test is a shift and a mask.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ members: [UInt8]) {
        for byte in members {
            let bit = UInt64(1) << (byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word =
            switch byte >> 6 {
            case 0: words.0
            case 1: words.1
            case 2: words.2
            default: words.3
            }
        return word >> (byte & 63) & 1 == 1
    }

    /// Whether no byte of `bytes` is in the set.
    @inline(__always)
    func isInNone(of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where contains(byte) { return false }
        return true
    }
}

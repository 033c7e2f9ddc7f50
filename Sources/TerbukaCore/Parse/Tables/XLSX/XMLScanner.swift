import Foundation

/// What a streamed XML document tells its reader. Names are local names (a prefix such
/// as `x:` is dropped: some writers put every element of a sheet in a prefix).
protocol XMLHandler {
    mutating func start(_ name: XMLBytes, attributes: XMLBytes, selfClosing: Bool) throws(TableSyntaxError)
    mutating func end(_ name: XMLBytes) throws(TableSyntaxError)
    mutating func text(_ text: XMLBytes) throws(TableSyntaxError)
}

/// Bytes of the document being scanned, valid during one handler call. A buffer of its
/// own (not a slice) so that every use is concrete code: slices of a generic base cost
/// runtime metadata look-ups per call (measured with perf on a million-row sheet).
typealias XMLBytes = UnsafeBufferPointer<UInt8>

enum XMLByte {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    func equals(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard count == n else { return false }
        guard n > 0, let base = baseAddress else { return true }
        return memcmp(base, literal.utf8Start, n) == 0
    }

    /// The value of attribute `name` in the attribute text of a start tag, undecoded.
    func attribute(_ name: StaticString) -> XMLBytes? {
        let key = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var i = startIndex
        while i < endIndex {
            // Skip spaces to the attribute's name.
            while i < endIndex, XMLByte.isSpace(self[i]) { i += 1 }
            let nameStart = i
            while i < endIndex, self[i] != UInt8(ascii: "="), !XMLByte.isSpace(self[i]) { i += 1 }
            var local = nameStart
            for j in nameStart..<i where self[j] == UInt8(ascii: ":") { local = j + 1 }
            let nameEnd = i
            while i < endIndex, self[i] != UInt8(ascii: "\""), self[i] != UInt8(ascii: "'") { i += 1 }
            guard i < endIndex else { return nil }
            let quote = self[i]
            i += 1
            let valueStart = i
            while i < endIndex, self[i] != quote { i += 1 }
            let value = UnsafeBufferPointer(rebasing: self[valueStart..<Swift.min(i, endIndex)])
            i += 1
            // Compared by local name: `r:id` answers to `id`.
            if nameEnd - local == key.count, key.count > 0, let base = baseAddress,
                memcmp(base + local, key.baseAddress!, key.count) == 0
            {
                return value
            }
        }
        return nil
    }
}

/// A small streaming XML tokenizer for the parts of a workbook: elements, attributes and
/// text, fed chunk by chunk, so that a sheet of a million rows is never held whole.
/// Comments, processing instructions and the document type are skipped; CDATA is text.
/// It checks what it needs and no more: a workbook's XML is machine-written.
struct XMLScanner<Handler: XMLHandler> {
    var handler: Handler
    private var carry: [UInt8] = []

    init(handler: Handler) {
        self.handler = handler
    }

    /// The longest tag or text between tags: a cell holds at most 32,767 characters, so a
    /// longer run is no table, and rescanning it chunk after chunk would take time growing
    /// with the square of its length.
    static var tokenLimit: Int { 1 << 20 }

    /// Scans the next chunk of the document.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(TableSyntaxError) {
        if carry.count > Self.tokenLimit {
            throw TableSyntaxError(.workbookDamaged(.tokenTooLong(megabytes: Self.tokenLimit >> 20)))
        }
        if carry.isEmpty {
            let consumed = try chunk.withMemoryRebound(to: UInt8.self) { bytes throws(TableSyntaxError) in
                try Self.scan(bytes, final: false, handler: &handler)
            }
            if consumed < chunk.count { carry.append(contentsOf: chunk[consumed...]) }
            return
        }
        carry.append(contentsOf: chunk)
        try scanCarry(final: false)
    }

    /// Ends the document: what is left must be complete.
    mutating func finish() throws(TableSyntaxError) {
        try scanCarry(final: true)
        if !carry.isEmpty {
            throw TableSyntaxError(.workbookDamaged(.endsInTag))
        }
    }

    private mutating func scanCarry(final: Bool) throws(TableSyntaxError) {
        var pending = carry
        carry = []
        let consumed = try pending.withUnsafeBufferPointer { bytes throws(TableSyntaxError) in
            try Self.scan(bytes, final: final, handler: &handler)
        }
        if consumed < pending.count {
            pending.removeFirst(consumed)
            carry = pending
        }
    }

    /// Scans every complete token in `bytes` and returns how many bytes were consumed.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, handler: inout Handler) throws(TableSyntaxError)
        -> Int
    {
        let lt = UInt8(ascii: "<")
        let gt = UInt8(ascii: ">")
        let count = bytes.count
        var i = 0
        while i < count {
            if bytes[i] != lt {
                // Text up to the next tag.
                var j = i
                while j < count, bytes[j] != lt { j += 1 }
                if j == count, !final { return i }
                try handler.text(UnsafeBufferPointer(rebasing: bytes[i..<j]))
                i = j
                continue
            }
            guard i + 1 < count else { return final ? try throwDamaged() : i }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // <?…?>, <!--…-->, <![CDATA[…]]>, <!DOCTYPE…>
                if startsWith(bytes, at: i, "<![CDATA[") {
                    guard let end = find(bytes, from: i + 9, "]]>") else { return final ? try throwDamaged() : i }
                    try handler.text(UnsafeBufferPointer(rebasing: bytes[(i + 9)..<end]))
                    i = end + 3
                } else if startsWith(bytes, at: i, "<!--") {
                    guard let end = find(bytes, from: i + 4, "-->") else { return final ? try throwDamaged() : i }
                    i = end + 3
                } else {
                    var j = i + 2
                    while j < count, bytes[j] != gt { j += 1 }
                    guard j < count else { return final ? try throwDamaged() : i }
                    i = j + 1
                }
                continue
            }
            // A start or end tag: find its '>' outside quoted attribute values.
            var j = i + 1
            var quote: UInt8 = 0
            while j < count {
                let byte = bytes[j]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == gt {
                    break
                }
                j += 1
            }
            guard j < count else { return final ? try throwDamaged() : i }
            if next == UInt8(ascii: "/") {
                var nameEnd = i + 2
                while nameEnd < j, !XMLByte.isSpace(bytes[nameEnd]) { nameEnd += 1 }
                try handler.end(localName(bytes, from: i + 2, to: nameEnd))
            } else {
                let selfClosing = bytes[j - 1] == UInt8(ascii: "/")
                let tagEnd = selfClosing ? j - 1 : j
                var nameEnd = i + 1
                while nameEnd < tagEnd, !XMLByte.isSpace(bytes[nameEnd]) { nameEnd += 1 }
                let name = localName(bytes, from: i + 1, to: nameEnd)
                try handler.start(
                    name, attributes: UnsafeBufferPointer(rebasing: bytes[nameEnd..<tagEnd]), selfClosing: selfClosing)
                if selfClosing { try handler.end(name) }
            }
            i = j + 1
        }
        return i
    }

    private static func throwDamaged() throws(TableSyntaxError) -> Int {
        throw TableSyntaxError(.workbookDamaged(.endsInTag))
    }

    private static func localName(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> XMLBytes {
        var start = from
        var i = from
        while i < end {
            if bytes[i] == UInt8(ascii: ":") { start = i + 1 }
            i += 1
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let p = literal.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, _ literal: StaticString) -> Int? {
        let n = literal.utf8CodeUnitCount
        var i = from
        while i + n <= bytes.count {
            if startsWith(bytes, at: i, literal) { return i }
            i += 1
        }
        return nil
    }
}

/// Text of an XML document as Swift strings: entities and character references decoded,
/// and Office's `_xHHHH_` escapes for characters XML cannot hold.
enum XMLCharacters {
    static func decode(_ bytes: XMLBytes) throws(TableSyntaxError) -> String {
        var needsWork = false
        for byte in bytes where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "_") {
            needsWork = true
            break
        }
        guard needsWork else { return try utf8(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "&") {
                var j = i + 1
                while j < bytes.endIndex, bytes[j] != UInt8(ascii: ";"), j - i < 12 { j += 1 }
                guard j < bytes.endIndex, bytes[j] == UInt8(ascii: ";") else {
                    out.append(byte)
                    i += 1
                    continue
                }
                let entity = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if let scalar = scalar(entity) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                } else {
                    out.append(contentsOf: bytes[i...j])
                }
                i = j + 1
            } else if byte == UInt8(ascii: "_"), i + 6 < bytes.endIndex, bytes[i + 1] == UInt8(ascii: "x"),
                bytes[i + 6] == UInt8(ascii: "_"),
                let code = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 7
            } else {
                out.append(byte)
                i += 1
            }
        }
        return try out.withUnsafeBufferPointer { buffer throws(TableSyntaxError) in try utf8(buffer) }
    }

    private static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) throws(TableSyntaxError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw TableSyntaxError(.workbookDamaged(.textNotUTF8))
        }
        return text
    }

    private static func scalar(_ entity: String) -> Unicode.Scalar? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}

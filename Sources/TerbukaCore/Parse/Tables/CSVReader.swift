import Foundation

/// An RFC 4180 reader for what spreadsheets write: optional byte-order mark, LF or CRLF,
/// `,`, `;` or tab as the separator (detected from the header line), quoted fields with
/// separators, doubled quotes and line breaks inside. Blank lines are skipped. A quote
/// inside a field that does not start with one is kept as text, as Excel does.
///
/// The file is read in chunks, so memory does not grow with its size, unless its rest is
/// asked for in parts to be read at once (`split`, for result tables of over 200 rows):
/// then the rest is held in memory, cut or not. Every field is checked to be UTF-8.
public struct CSVReader {
    public private(set) var separator: UInt8
    private var buffer: [UInt8]
    private var position: Int
    private var refill: () -> [UInt8]?
    /// Appends the rest of the file to the bytes given, at once (`split`); nil: by `refill`.
    private var readRest: ((inout [UInt8]) -> Void)?
    private var line = 1
    private var column = 1
    /// Why the file's bytes ended before the file did, when a read failed: shared with the
    /// closures that read it and with the parts of a `split`, so that the reader at the end
    /// of the bytes stops with an error there (`read(into:)`), not take the rows read for
    /// the whole table.
    private let failure: ReadFailure
    private var field: [UInt8] = []
    /// Where this reader's part of the file ends and the next part begins (see `split`).
    private var limit = Int.max
    /// The file's size when it was opened, and the place in it where `buffer` starts.
    private let fileSize: Int
    private var chunkStart = 0

    static let chunkSize = 1 << 20

    /// Reads from bytes in memory.
    public init(bytes: [UInt8]) {
        var delivered = false
        self.init(first: bytes, size: bytes.count) {
            defer { delivered = true }
            return delivered ? nil : []
        }
    }

    /// Reads the file at `url` in chunks.
    public init(contentsOf url: URL) throws {
        let handle = try FileHandle(forReadingFrom: url)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let first = try handle.read(upToCount: Self.chunkSize).map { [UInt8]($0) } ?? []
        let failure = ReadFailure()
        // Read to its end (or to a failed read, noted) by the chunks or by the rest at once,
        // whichever comes first: the handle is then closed, and nothing reads it again (a
        // read of it would fail though nothing is missing).
        var ended = false
        func end() {
            ended = true
            try? handle.close()
        }
        self.init(first: first, size: size, failure: failure) {
            guard !ended else { return nil }
            do {
                if let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty { return [UInt8](data) }
            } catch {
                failure.note(error)
            }
            end()
            return nil
        }
        readRest = { bytes in
            guard !ended else { return }
            if let error = Self.appendRest(of: handle, size: size, to: &bytes) { failure.note(error) }
            end()
        }
    }

    /// A rest of the file (`split`) from this many bytes on is read in two halves at once.
    static let halvesFrom = 8 << 20

    /// Appends what is left in the file at `handle` (from its offset to its end) to `bytes`:
    /// the bytes up to `size` (the file's size when opened) straight into their place, in
    /// two halves read at once from `halvesFrom` bytes on, then whatever the file has grown
    /// by. Read in 1 MB chunks, each copied twice, on one core, a 60 MB table's rest was a
    /// tenth of a second at the start of the million-row build with the other core idle
    /// (perf; BENCHMARKS.md, sixteenth session). A read that fails ends the bytes, as the
    /// chunks' reading does, and its error is returned; nil when the file was read to its end.
    @discardableResult
    static func appendRest(of handle: FileHandle, size: Int, to bytes: inout [UInt8]) -> Error? {
        do {
            let start = try handle.offset()
            let expected = size - Int(start)
            if expected > 0 {
                let (read, failed) = appendInPlace(handle.fileDescriptor, from: start, count: expected, to: &bytes)
                if let failed { return NSError(domain: NSPOSIXErrorDomain, code: Int(failed)) }
                // On from where the reading stopped (the file's end, if it shrank).
                try handle.seek(toOffset: start + UInt64(read))
            }
            // To the file's end as it is now.
            while let data = try handle.read(upToCount: chunkSize), !data.isEmpty { bytes += data }
            return nil
        } catch {
            return error
        }
    }

    /// Appends up to `expected` bytes of the file from `start`, read into their place (in two
    /// halves at once from `halvesFrom`); how many, up to the file's end or a failed read,
    /// and the error number of a failed read that cut them short.
    private static func appendInPlace(
        _ descriptor: Int32, from start: UInt64, count expected: Int, to bytes: inout [UInt8]
    )
        -> (read: Int, failed: Int32?)
    {
        let kept = bytes.count
        let halves = expected >= halvesFrom ? 2 : 1
        let cut = expected / halves
        var read = 0
        var failed: Int32?
        bytes = [UInt8](unsafeUninitializedCapacity: kept + expected) { buffer, count in
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            nonisolated(unsafe) let base = buffer.baseAddress! + kept
            let got = Parallel.indices(halves) { half in
                let from = half * cut
                let to = half == halves - 1 ? expected : from + cut
                return readFully(descriptor, into: base + from, count: to - from, at: Int64(start) + Int64(from))
            }
            // Bytes in a row from the start: a first half cut short (the file shrank, or a read
            // failed) ends them.
            read = got[0].read
            failed = got[0].failed
            if halves == 2, got[0].read == cut {
                read += got[1].read
                failed = got[1].failed
            }
            count = kept + read
        }
        return (read, failed)
    }

    /// Reads up to `count` bytes at `offset` of the file, until its end; how many were read,
    /// and the error number when a read failed.
    private static func readFully(
        _ descriptor: Int32, into base: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int64
    )
        -> (read: Int, failed: Int32?)
    {
        var done = 0
        while done < count {
            let got = pread(descriptor, base + done, count - done, off_t(offset) + off_t(done))
            if got > 0 {
                done += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                return (done, errno)
            }
        }
        return (done, nil)
    }

    /// Reads `first`, then each chunk `refill` gives until nil; `failure` says why the bytes
    /// ended early, when a read failed (noted by `refill`).
    init(first: [UInt8], size: Int, failure: ReadFailure = ReadFailure(), refill: @escaping () -> [UInt8]?) {
        self.failure = failure
        buffer = first
        fileSize = size
        position = first.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.refill = refill
        separator = Self.detectSeparator(first, from: position)
    }

    public var separatorName: String {
        switch separator {
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "comma"
        }
    }

    /// The separator of the line that has the most of them among the first lines (up to
    /// 30), outside quotes: the header, even below title rows without separators; a comma
    /// when there is none. On each line the most frequent of `,`, `;` and tab counts.
    static func detectSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var best: (count: Int, separator: UInt8) = (0, UInt8(ascii: ","))
        var comma = 0
        var semicolon = 0
        var tab = 0
        var inQuotes = false
        var lines = 0
        func finishLine() {
            let pick: (Int, UInt8)
            if semicolon > comma, semicolon >= tab {
                pick = (semicolon, UInt8(ascii: ";"))
            } else if tab > comma, tab > semicolon {
                pick = (tab, UInt8(ascii: "\t"))
            } else {
                pick = (comma, UInt8(ascii: ","))
            }
            if pick.0 > best.count { best = pick }
            comma = 0
            semicolon = 0
            tab = 0
            lines += 1
        }
        var i = start
        while i < bytes.count, lines < 30 {
            let byte = bytes[i]
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                switch byte {
                case lf: finishLine()
                case UInt8(ascii: ","): comma += 1
                case UInt8(ascii: ";"): semicolon += 1
                case UInt8(ascii: "\t"): tab += 1
                default: break
                }
            }
            i += 1
        }
        if lines < 30 { finishLine() }
        return best.separator
    }

    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// The next byte without consuming it, reading the next chunk when needed.
    @inline(__always)
    private mutating func peek() -> UInt8? {
        if position < buffer.count { return buffer[position] }
        while let next = refill() {
            if next.isEmpty { continue }
            chunkStart += buffer.count
            buffer = next
            position = 0
            return buffer[0]
        }
        return nil
    }

    @inline(__always)
    private mutating func advance(_ byte: UInt8) {
        position += 1
        if byte == Self.lf {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Consumes a line break (LF, CRLF or a lone CR).
    private mutating func consumeLineBreak(_ byte: UInt8) {
        if byte == Self.cr {
            position += 1
            if peek() == Self.lf { position += 1 }
            line += 1
            column = 1
        } else {
            advance(byte)
        }
    }

    /// The next record, or nil at the end of the file.
    public mutating func next() throws(TableSyntaxError) -> TableRecord? {
        var record = TableRecord()
        return try read(into: &record) ? record : nil
    }

    /// Reads the next record into `record`, reusing its storage (no allocation per row when
    /// the caller keeps nothing of it); false at the end of the file.
    public mutating func read(into record: inout TableRecord) throws(TableSyntaxError) -> Bool {
        // Skip blank lines, not past the end of this part: the next part skips the rest.
        while position < limit, let byte = peek(), byte == Self.lf || byte == Self.cr {
            consumeLineBreak(byte)
        }
        guard position < limit else { return false }
        guard peek() != nil else {
            // The end of the bytes: of the file, or where a read failed.
            if let stopped = stoppedReading { throw stopped }
            return false
        }
        record.removeAll()
        var printable = true
        while true {
            let start = TablePosition(line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column))
            record.positions.append(start)
            record.fields.append(try readField(start: start, printable: &printable))
            guard let byte = peek() else {
                // A record the bytes end in after a failed read may be cut short: not taken.
                if let stopped = stoppedReading { throw stopped }
                break
            }
            if byte == separator {
                advance(byte)
                continue
            }
            consumeLineBreak(byte)
            break
        }
        record.printableASCII = printable
        return true
    }

    /// The error where the bytes end, when they end because a read failed: asked for only
    /// where they end, not for every record.
    private var stoppedReading: TableSyntaxError? {
        failure.reason.map { TableSyntaxError(.readStopped($0), line: line, column: column) }
    }

    /// The records not yet read, cut at line breaks into up to `count` parts of at least
    /// `minimumBytes` each, to be read at the same time. Each part stops where the next
    /// begins and numbers its lines as reading the whole file would. A cut inside a quoted
    /// field is found afterwards: that part does not end where the next begins
    /// (`endsWhereNextBegins`). Nil when the rest is too short to cut, or when a carriage
    /// return stands alone before a cut: whether it ends a line depends on the quotes, so the
    /// next part's line numbers could not be known.
    ///
    /// The rest of the file is read into memory, unless the chunk in memory already has a
    /// lone carriage return (a file saved with old Macintosh line ends is read on in
    /// chunks); this reader is left at the same place.
    public mutating func split(into count: Int, minimumBytes: Int) -> [CSVReader]? {
        if Self.hasLoneReturn(buffer, position..<max(position, buffer.count - 1)) { return nil }
        var rest = Array(buffer[position...])
        if let readRest {
            readRest(&rest)
        } else {
            rest.reserveCapacity(bytesLeft)
            while let next = refill() { rest += next }
        }
        chunkStart += position
        buffer = rest
        position = 0
        refill = { nil }
        readRest = nil
        let parts = min(count, rest.count / max(1, minimumBytes))
        guard parts > 1 else { return nil }
        var starts = [0]
        for part in 1..<parts {
            guard let lineFeed = rest[(rest.count * part / parts)...].firstIndex(of: Self.lf),
                lineFeed + 1 < rest.count, lineFeed + 1 > starts[starts.count - 1]
            else { continue }
            starts.append(lineFeed + 1)
        }
        guard starts.count > 1 else { return nil }
        var readers: [CSVReader] = []
        var line = line
        var counted = 0
        for (index, start) in starts.enumerated() {
            if Self.hasLoneReturn(rest, counted..<start) { return nil }
            line += Self.lineFeeds(in: rest, counted..<start)
            counted = start
            var part = self
            part.position = start
            part.line = line
            if index > 0 { part.column = 1 }
            part.limit = index + 1 < starts.count ? starts[index + 1] : Int.max
            readers.append(part)
        }
        return readers
    }

    /// Whether a carriage return not followed by a line feed starts in `range` of `bytes`.
    /// Each carriage return found with memchr: a file whose lines end in LF alone has none,
    /// and a long table's split looks through all of it on one core.
    static func hasLoneReturn(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var lone = false
        each(cr, in: bytes, range) { index in
            lone = index + 1 >= bytes.count || bytes[index + 1] != lf
            return !lone
        }
        return lone
    }

    /// The line feeds in `range` of `bytes`, each found with memchr.
    static func lineFeeds(in bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        each(lf, in: bytes, range) { _ in
            count += 1
            return true
        }
        return count
    }

    /// `found` with the index of each `byte` in `range` of `bytes`, in order, while it
    /// answers true; each found with memchr.
    private static func each(_ byte: UInt8, in bytes: [UInt8], _ range: Range<Int>, _ found: (Int) -> Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = range.lowerBound
            while start < range.upperBound, let match = memchr(base + start, Int32(byte), range.upperBound - start) {
                let index = base.distance(to: match.assumingMemoryBound(to: UInt8.self))
                guard found(index) else { return }
                start = index + 1
            }
        }
    }

    /// About how many bytes are left to read: to the end of this part, or of the file as it
    /// was when opened.
    public var bytesLeft: Int { max(0, min(limit, max(buffer.count, fileSize - chunkStart)) - position) }

    /// The line the next record starts on, or a blank line before it.
    public var currentLine: Int { line }

    /// True when this part, read to its end, stopped exactly where the next part begins:
    /// false when the cut fell inside a record (a quoted field with a line break).
    public var endsWhereNextBegins: Bool { position == limit }

    /// Reads on past the end of this part, to the end of the file: after a cut that fell
    /// inside a record, the records of the parts after it are read again from here.
    public mutating func readToEnd() {
        limit = Int.max
    }

    /// `printable` is set false unless the field was read on the fast path below and each
    /// of its bytes is printable ASCII.
    private mutating func readField(start: TablePosition, printable: inout Bool) throws(TableSyntaxError) -> String {
        field.removeAll(keepingCapacity: true)
        if peek() == Self.quote {
            printable = false
            advance(Self.quote)
            while true {
                guard let byte = peek() else {
                    // Where a read failed, the quote may close in the bytes not read.
                    throw stoppedReading
                        ?? TableSyntaxError(.quoteNeverClosed, line: Int(start.line), column: Int(start.column))
                }
                advance(byte)
                if byte == Self.quote {
                    if peek() == Self.quote {
                        advance(Self.quote)
                        field.append(Self.quote)
                        continue
                    }
                    if let after = peek(), after != separator, after != Self.lf, after != Self.cr {
                        throw TableSyntaxError(.textAfterQuote, line: line, column: column - 1)
                    }
                    break
                }
                field.append(byte)
            }
        } else {
            // Fast path: the field ends within the chunk in memory; make the string straight
            // from the chunk's bytes.
            var end = position
            var characters = 0
            var ascii = true
            // Below space (0x20 wraps past 0x5F) or from DEL (0x7F) up.
            var unprintable = false
            while end < buffer.count {
                let byte = buffer[end]
                if byte == separator || byte == Self.lf || byte == Self.cr { break }
                if byte & 0xC0 != 0x80 { characters += 1 }
                if byte >= 0x80 { ascii = false }
                if byte &- 0x20 >= 0x5F { unprintable = true }
                end += 1
            }
            if end < buffer.count {
                let range = position..<end
                position = end
                column += characters
                if unprintable { printable = false }
                // From the buffer's memory, and ASCII (most fields) without validating: the
                // validating initializer is generic and looks up type metadata for each of
                // millions of fields.
                let made = buffer.withUnsafeBufferPointer {
                    ascii
                        ? String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
                        : String(validating: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
                }
                guard let text = made else {
                    throw TableSyntaxError(.tableNotUTF8, line: Int(start.line), column: Int(start.column))
                }
                return text
            }
            printable = false
            while let byte = peek(), byte != separator, byte != Self.lf, byte != Self.cr {
                advance(byte)
                field.append(byte)
            }
            // Where a read failed, the field may end inside a character.
            if position >= buffer.count, let stopped = stoppedReading { throw stopped }
        }
        guard let text = String(validating: field, as: UTF8.self) else {
            throw TableSyntaxError(.tableNotUTF8, line: Int(start.line), column: Int(start.column))
        }
        return text
    }
}

extension CSVReader {
    /// Why a file's bytes ended before the file did (`CSVReader.failure`).
    final class ReadFailure: @unchecked Sendable {
        /// Set once, while the file is read on one thread (chunk by chunk, or its rest at
        /// once before the parts are read); only read after.
        var reason: Bilingual?

        func note(_ error: Error) {
            if reason == nil { reason = FileProblem.describe(error) }
        }
    }
}

import Foundation
import TerbukaZlib

/// Reads the parts of a ZIP archive (APPNOTE 6.3: the central directory, ZIP64 records,
/// stored and deflated entries) as a stream of chunks, for Excel workbooks.
///
/// Terbuka's own rather than ZIPFoundation 0.9.20's, after fuzzing found that library's
/// inflate loop never ending on a truncated deflate stream (it waits for the stream's end
/// while its reader returns nothing more), its CRC-32 in Swift taking a tenth of the time
/// of a large sheet, and memory kept when an archive fails to open. Every offset and size
/// read from the file is checked against the file's length before it is used, and a
/// stream that ends early is an error.
final class ZipReader {
    struct Entry {
        var name: String
        var method: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
        var encrypted: Bool
        var crc: UInt32 = 0
    }

    private let source: ByteSource
    let size: UInt64
    /// The entries in the central directory's order.
    private(set) var list: [Entry] = []
    /// The entries by name (the last one of a name), made when first asked for: a site's
    /// previous archive is gone through in order (`SiteArchive`).
    private(set) lazy var entries: [String: Entry] = Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { $1 })

    /// The archive's directory cannot be read.
    struct Damaged: Error {}

    init(url: URL) throws {
        source = try FileBytes(url: url)
        size = source.size
        try readDirectory()
    }

    init(data: Data) throws {
        source = DataBytes(data: data)
        size = source.size
        try readDirectory()
    }

    subscript(name: String) -> Entry? { entries[name] }

    private func readDirectory() throws {
        // The end record is in the last 22 + 65,535 bytes (its comment is at most that long).
        let tailLength = min(size, 22 + 65_535)
        let tail = try source.read(at: size - tailLength, count: Int(tailLength))
        guard tail.count >= 22,
            let end = (0...(tail.count - 22)).reversed().first(where: { Self.u32(tail, $0) == 0x0605_4B50 })
        else {
            throw Damaged()
        }
        var count = UInt64(Self.u16(tail, end + 10))
        var directorySize = UInt64(Self.u32(tail, end + 12))
        var directoryOffset = UInt64(Self.u32(tail, end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            let locatorAt = size - tailLength + UInt64(end)
            guard locatorAt >= 20 else { throw Damaged() }
            let locator = try source.read(at: locatorAt - 20, count: 20)
            guard Self.u32(locator, 0) == 0x0706_4B50 else { throw Damaged() }
            let recordAt = Self.u64(locator, 8)
            guard recordAt <= size, size - recordAt >= 56 else { throw Damaged() }
            let record = try source.read(at: recordAt, count: 56)
            guard Self.u32(record, 0) == 0x0606_4B50 else { throw Damaged() }
            count = Self.u64(record, 32)
            directorySize = Self.u64(record, 40)
            directoryOffset = Self.u64(record, 48)
        }
        guard directoryOffset <= size, directorySize <= size - directoryOffset, count <= directorySize / 46 + 1,
            directorySize <= 256 << 20
        else { throw Damaged() }
        let directory = try source.read(at: directoryOffset, count: Int(directorySize))
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, Self.u32(directory, at) == 0x0201_4B50 else { throw Damaged() }
            let flags = Self.u16(directory, at + 8)
            let method = Self.u16(directory, at + 10)
            var compressed = UInt64(Self.u32(directory, at + 20))
            var uncompressed = UInt64(Self.u32(directory, at + 24))
            let nameLength = Int(Self.u16(directory, at + 28))
            let extraLength = Int(Self.u16(directory, at + 30))
            let commentLength = Int(Self.u16(directory, at + 32))
            var offset = UInt64(Self.u32(directory, at + 42))
            let nameStart = at + 46
            guard nameStart + nameLength + extraLength + commentLength <= directory.count else { throw Damaged() }
            let name = String(decoding: directory[nameStart..<(nameStart + nameLength)], as: UTF8.self)
            // ZIP64 extra field: the sizes and offset that did not fit, in this order.
            var extra = nameStart + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = Self.u16(directory, extra)
                let length = Int(Self.u16(directory, extra + 2))
                var field = extra + 4
                guard field + length <= extraEnd else { break }
                if id == 0x0001 {
                    if uncompressed == 0xFFFF_FFFF, field + 8 <= extra + 4 + length {
                        uncompressed = Self.u64(directory, field)
                        field += 8
                    }
                    if compressed == 0xFFFF_FFFF, field + 8 <= extra + 4 + length {
                        compressed = Self.u64(directory, field)
                        field += 8
                    }
                    if offset == 0xFFFF_FFFF, field + 8 <= extra + 4 + length { offset = Self.u64(directory, field) }
                }
                extra += 4 + length
            }
            list.append(
                Entry(
                    name: name, method: method, compressedSize: compressed, uncompressedSize: uncompressed,
                    localHeaderOffset: offset, encrypted: flags & 1 != 0, crc: Self.u32(directory, at + 16)))
            at = extraEnd + commentLength
        }
    }

    enum StreamError: Error {
        case damaged
        case encrypted
        case unsupportedMethod(UInt16)
        /// Thrown by the body, passed through.
        case body(TableSyntaxError)
    }

    /// The entry's bytes as they are stored (deflated or not); nil when the archive is
    /// damaged there.
    func stored(_ entry: Entry) -> [UInt8]? {
        storedRange(entry).flatMap { try? source.read(at: UInt64($0.lowerBound), count: $0.count) }
    }

    /// Where the entry's bytes as stored are in the archive; nil when its local header is
    /// not whole or they do not fit in it.
    func storedRange(_ entry: Entry) -> Range<Int>? {
        guard entry.localHeaderOffset <= size, size - entry.localHeaderOffset >= 30,
            let header = source.localHeader(at: entry.localHeaderOffset), header.signature == 0x0403_4B50
        else { return nil }
        let start = entry.localHeaderOffset + 30 + UInt64(header.nameLength) + UInt64(header.extraLength)
        guard start <= size, entry.compressedSize <= size - start, size <= UInt64(Int.max) else {
            return nil
        }
        return Int(start)..<Int(start + entry.compressedSize)
    }

    /// Calls `body` with the entry's content, chunk by chunk, until it returns false; true
    /// when the entry was read to its end.
    func stream(
        _ entry: Entry, chunkSize: Int = 1 << 18,
        _ body: (UnsafeRawBufferPointer) throws(TableSyntaxError) -> Bool
    ) throws(StreamError) -> Bool {
        guard !entry.encrypted else { throw .encrypted }
        guard entry.localHeaderOffset <= size, size - entry.localHeaderOffset >= 30,
            let header = try? source.read(at: entry.localHeaderOffset, count: 30), Self.u32(header, 0) == 0x0403_4B50
        else {
            throw .damaged
        }
        let dataStart = entry.localHeaderOffset + 30 + UInt64(Self.u16(header, 26)) + UInt64(Self.u16(header, 28))
        guard dataStart <= size, entry.compressedSize <= size - dataStart else { throw .damaged }
        var position = dataStart
        let end = dataStart + entry.compressedSize
        func nextInput() throws(StreamError) -> [UInt8] {
            let count = Int(min(UInt64(chunkSize), end - position))
            guard count > 0 else { return [] }
            guard let bytes = try? source.read(at: position, count: count), bytes.count == count else { throw .damaged }
            position += UInt64(count)
            return bytes
        }
        func deliver(_ bytes: UnsafeRawBufferPointer) throws(StreamError) -> Bool {
            do {
                return try body(bytes)
            } catch {
                throw .body(error)
            }
        }
        switch entry.method {
        case 0:
            while position < end {
                let chunk = try nextInput()
                if try !chunk.withUnsafeBufferPointer({ (buffer: UnsafeBufferPointer<UInt8>) throws(StreamError) in
                    try deliver(UnsafeRawBufferPointer(buffer))
                }) {
                    return false
                }
            }
            return true
        case 8:
            return try inflate(chunkSize: chunkSize, nextInput: nextInput, deliver: deliver)
        default:
            throw .unsupportedMethod(entry.method)
        }
    }

    private func inflate(
        chunkSize: Int, nextInput: () throws(StreamError) -> [UInt8],
        deliver: (UnsafeRawBufferPointer) throws(StreamError) -> Bool
    ) throws(StreamError) -> Bool {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: chunkSize)
        while true {
            var input = try nextInput()
            // The compressed data ran out before the deflate stream ended: damaged, not a
            // wait for bytes that will never come.
            guard !input.isEmpty else { throw .damaged }
            var finished = false
            var goOn = true
            try input.withUnsafeMutableBufferPointer {
                (inBuffer: inout UnsafeMutableBufferPointer<UInt8>) throws(StreamError) in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                repeat {
                    let (status, produced) = output.withUnsafeMutableBufferPointer { outBuffer -> (Int32, Int) in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = UInt32(outBuffer.count)
                        let status = TerbukaZlib.inflate(&stream, Z_NO_FLUSH)
                        return (status, outBuffer.count - Int(stream.avail_out))
                    }
                    guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced == 0) else {
                        throw .damaged
                    }
                    if produced > 0 {
                        goOn = try output.withUnsafeBufferPointer {
                            (buffer: UnsafeBufferPointer<UInt8>) throws(StreamError) in
                            try deliver(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<produced])))
                        }
                        if !goOn { return }
                    }
                    if status == Z_STREAM_END {
                        finished = true
                        return
                    }
                    if status == Z_BUF_ERROR { return }
                } while stream.avail_in > 0 || stream.avail_out == 0
            }
            if !goOn { return false }
            if finished { return true }
        }
    }

    // Little-endian numbers in an array of bytes or in bytes read in place.
    fileprivate static func u16<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ at: Int) -> UInt16
    where Bytes.Index == Int {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }
    fileprivate static func u32<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ at: Int) -> UInt32
    where Bytes.Index == Int {
        UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }
    private static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(u32(bytes, at)) | UInt64(u32(bytes, at + 4)) << 32
    }
}

/// Random reads from a file or from bytes in memory.
private protocol ByteSource {
    var size: UInt64 { get }
    func read(at offset: UInt64, count: Int) throws -> [UInt8]
    /// The signature and the name's and extra field's lengths of the local header at
    /// `offset` (30 bytes there); nil when they are not there.
    func localHeader(at offset: UInt64) -> LocalHeader?
}

/// What `ZipReader.storedRange` needs of a local header.
private typealias LocalHeader = (signature: UInt32, nameLength: UInt16, extraLength: UInt16)

extension ByteSource {
    func localHeader(at offset: UInt64) -> LocalHeader? {
        guard let bytes = try? read(at: offset, count: 30), bytes.count == 30 else { return nil }
        return Self.localHeader(bytes, at: 0)
    }

    /// The local header whose 30 bytes start at `start` of `bytes`.
    static func localHeader<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> LocalHeader
    where Bytes.Index == Int {
        (ZipReader.u32(bytes, start), ZipReader.u16(bytes, start + 26), ZipReader.u16(bytes, start + 28))
    }
}

private final class FileBytes: ByteSource {
    let descriptor: Int32
    let size: UInt64

    init(url: URL) throws {
        descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw ZipReader.Damaged() }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw ZipReader.Damaged()
        }
        size = UInt64(info.st_size)
    }

    deinit { close(descriptor) }

    func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            }
            if got <= 0 { break }
            done += got
        }
        guard done == count else { throw ZipReader.Damaged() }
        return bytes
    }
}

private struct DataBytes: ByteSource {
    let data: Data
    var size: UInt64 { UInt64(data.count) }

    func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard offset <= size, UInt64(count) <= size - offset else { throw ZipReader.Damaged() }
        let start = data.startIndex + Int(offset)
        return [UInt8](data[start..<(start + count)])
    }

    /// Read in place, without an array per header: a site's previous archive has one per
    /// file (perf).
    func localHeader(at offset: UInt64) -> LocalHeader? {
        guard offset <= size, size - offset >= 30 else { return nil }
        return data.withUnsafeBytes { Self.localHeader($0, at: Int(offset)) }
    }
}

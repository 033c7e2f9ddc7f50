import Crypto
import Foundation
import TerbukaDeflate
import TerbukaZlib

/// ZIP archives: the whole site for readers to keep and pass on offline, and the Excel
/// downloads, deflated by the system libdeflate (an entry that deflate does not make
/// smaller, such as a PDF or an image, is stored). ZIP 2.0 with CRC-32 (zlib's), readable by
/// every unzip tool, and ZIP64 past 65,535 entries or 4 GB. Timestamps are the build time,
/// and libdeflate's output depends only on its input and level, so archives are
/// reproducible.
enum ZipArchive {
    /// One entry as it goes into the archive.
    struct Entry: Sendable {
        var crc: UInt32
        var size: Int
        var data: Data
        /// 0 stored, 8 deflated.
        var method: UInt16

        init(crc: UInt32, size: Int, data: Data, method: UInt16) {
            (self.crc, self.size, self.data, self.method) = (crc, size, data, method)
        }

        init(_ original: Data, deflate wanted: Bool) {
            crc = ZipArchive.crc32(original)
            size = original.count
            if wanted, let packed = ZipArchive.deflate(original), packed.count < original.count {
                data = packed
                method = 8
            } else {
                data = original
                method = 0
            }
        }
    }

    /// The whole site: the files at `paths` below `root`, read and deflated on every core,
    /// written in the given order; an entry in `known` at a file's position (an incremental
    /// build's, from the previous archive) is taken as it is.
    @discardableResult
    static func write(
        files paths: [String], under root: String, to target: URL, buildTime: Int, known: [Entry?] = []
    ) throws -> (sha256: String, size: Int) {
        let entries = UnsafeMutableBufferPointer<Result<Entry, Error>>.allocate(capacity: paths.count)
        defer {
            entries.baseAddress?.deinitialize(count: paths.count)
            entries.deallocate()
        }
        nonisolated(unsafe) let slots = entries
        // Each index writes its own slot: no two threads touch the same one.
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            (slots.baseAddress! + index).initialize(
                to: Result {
                    try (index < known.count ? known[index] : nil)
                        ?? Entry(
                            try Data(contentsOf: URL(fileURLWithPath: root + "/" + paths[index], isDirectory: false)),
                            deflate: true)
                })
        }
        return try write(names: paths, to: target, buildTime: buildTime) { try entries[$0].get() }
    }

    /// Writes entries `names`, deflated, the contents of entry `i` given by `contents(i)`.
    static func write(names: [String], to target: URL, buildTime: Int, contents: (Int) throws -> Data) throws {
        try write(names: names, to: target, buildTime: buildTime) { Entry(try contents($0), deflate: true) }
    }

    /// Writes entries `names`, entry `i` given by `entry(i)`. ZIP64 records (APPNOTE 4.5.3)
    /// are added only where a count, size or offset needs them, so an ordinary site's
    /// archive stays plain ZIP 2.0. Returns the archive's SHA-256 and size, hashed as it is
    /// written rather than read back.
    @discardableResult
    static func write(names: [String], to target: URL, buildTime: Int, entry: (Int) throws -> Entry) throws -> (
        sha256: String, size: Int
    ) {
        let handle = try FileHandle(forWritingTo: target)
        defer { try? handle.close() }
        let (dosTime, dosDate) = dos(buildTime)
        var central: [UInt8] = []
        var offset = 0
        let hasher = BackgroundHasher()
        var written = 0
        // Written in pieces of about a megabyte, not two system calls per entry; each piece
        // is hashed on another thread while it is written and the next one is put together.
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 21)
        func flush() throws {
            hasher.update(pending)
            written += pending.count
            try handle.write(contentsOf: pending)
            // Emptied with its room kept, or a new buffer while the hasher still holds it.
            pending.removeAll(keepingCapacity: true)
        }
        for (index, path) in names.enumerated() {
            let item = try entry(index)
            let name = Array(path.utf8)
            let (crc, data, method, size) = (item.crc, item.data, item.method, item.size)
            let bigSize = size >= 0xFFFF_FFFF || data.count >= 0xFFFF_FFFF
            let bigOffset = offset >= 0xFFFF_FFFF
            let headerStart = pending.count
            put32(&pending, 0x0403_4B50)
            put16(&pending, bigSize ? 45 : 20)
            put16(&pending, 0x0800)
            put16(&pending, method)
            put16(&pending, dosTime)
            put16(&pending, dosDate)
            put32(&pending, crc)
            put32(&pending, bigSize ? 0xFFFF_FFFF : UInt32(data.count))
            put32(&pending, bigSize ? 0xFFFF_FFFF : UInt32(size))
            put16(&pending, UInt16(name.count))
            put16(&pending, bigSize ? 20 : 0)
            pending.append(contentsOf: name)
            if bigSize {
                put16(&pending, 0x0001)
                put16(&pending, 16)
                put64(&pending, size)
                put64(&pending, data.count)
            }
            let headerCount = pending.count - headerStart
            pending.append(contentsOf: data)
            if pending.count >= 1 << 20 { try flush() }
            var extra: [UInt8] = []
            if bigSize {
                put64(&extra, size)
                put64(&extra, data.count)
            }
            if bigOffset { put64(&extra, offset) }
            put32(&central, 0x0201_4B50)
            let version: UInt16 = extra.isEmpty ? 20 : 45
            put16(&central, version)
            put16(&central, version)
            put16(&central, 0x0800)
            put16(&central, method)
            put16(&central, dosTime)
            put16(&central, dosDate)
            put32(&central, crc)
            put32(&central, bigSize ? 0xFFFF_FFFF : UInt32(data.count))
            put32(&central, bigSize ? 0xFFFF_FFFF : UInt32(size))
            put16(&central, UInt16(name.count))
            put16(&central, extra.isEmpty ? 0 : UInt16(extra.count + 4))
            put16(&central, 0)
            put16(&central, 0)
            put16(&central, 0)
            put32(&central, 0)
            put32(&central, bigOffset ? 0xFFFF_FFFF : UInt32(offset))
            central.append(contentsOf: name)
            if !extra.isEmpty {
                put16(&central, 0x0001)
                put16(&central, UInt16(extra.count))
                central.append(contentsOf: extra)
            }
            offset += headerCount + data.count
        }
        let centralOffset = offset
        let needs64 = names.count >= 0xFFFF || central.count >= 0xFFFF_FFFF || centralOffset >= 0xFFFF_FFFF
        var end: [UInt8] = []
        if needs64 {
            let record64Offset = centralOffset + central.count
            put32(&end, 0x0606_4B50)
            put64(&end, 44)
            put16(&end, 45)
            put16(&end, 45)
            put32(&end, 0)
            put32(&end, 0)
            put64(&end, names.count)
            put64(&end, names.count)
            put64(&end, central.count)
            put64(&end, centralOffset)
            put32(&end, 0x0706_4B50)
            put32(&end, 0)
            put64(&end, record64Offset)
            put32(&end, 1)
        }
        put32(&end, 0x0605_4B50)
        put16(&end, 0)
        put16(&end, 0)
        let count = UInt16(min(names.count, 0xFFFF))
        put16(&end, count)
        put16(&end, count)
        put32(&end, UInt32(min(central.count, 0xFFFF_FFFF)))
        put32(&end, UInt32(min(centralOffset, 0xFFFF_FFFF)))
        put16(&end, 0)
        pending.append(contentsOf: central)
        pending.append(contentsOf: end)
        try flush()
        return (hasher.finalize(), written)
    }

    private static func put16(_ bytes: inout [UInt8], _ value: UInt16) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    private static func put32(_ bytes: inout [UInt8], _ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    private static func put64(_ bytes: inout [UInt8], _ value: Int) {
        withUnsafeBytes(of: UInt64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// MS-DOS date and time hold the years 1980 to 2107: a build time outside them is
    /// written as the nearest they can hold.
    static func dos(_ instant: Int) -> (UInt16, UInt16) {
        let earliest = 315_532_800 // 1980-01-01T00:00:00Z
        let latest = 4_354_819_198 // 2107-12-31T23:59:58Z
        let date = ContentDate(instant: min(max(instant, earliest), latest), offset: 0)
        let minutes = date.minuteOfDay ?? 0
        let time = UInt16((minutes / 60) << 11 | (minutes % 60) << 5 | date.seconds / 2)
        let day = UInt16((date.date.year - 1980) << 9 | date.date.month << 5 | date.date.day)
        return (time, day)
    }

    /// libdeflate's level. Measured on the 10,000 notices' 62 MB of pages (issue 16): level 1
    /// packs them into 17.5 MB in 0.27 s of one core; level 6, 17.0 MB in 0.68 s; zlib's
    /// default, 17.0 MB in 0.93 s.
    static let level: Int32 = 1

    /// Raw deflate (no zlib header), as ZIP method 8 stores it, by libdeflate; nil when the
    /// result would not fit the bound libdeflate gives, and the entry is stored instead.
    static func deflate(_ data: Data) -> Data? {
        Compressors.shared.with { compressor in
            let bound = libdeflate_deflate_compress_bound(compressor, data.count)
            var output = Data(count: bound)
            let produced = data.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    libdeflate_deflate_compress(compressor, input.baseAddress, input.count, out.baseAddress, bound)
                }
            }
            guard produced > 0 || data.isEmpty else { return nil }
            output.count = produced
            return output
        }
    }

    /// libdeflate compressors, one per thread at work: each is made once and reused, since
    /// making one costs more than deflating a small page.
    final class Compressors: @unchecked Sendable {
        static let shared = Compressors()
        private let lock = NSLock()
        private var idle: [OpaquePointer] = []

        func with<T>(_ body: (OpaquePointer) -> T?) -> T? {
            lock.lock()
            let taken = idle.popLast()
            lock.unlock()
            guard let compressor = taken ?? libdeflate_alloc_compressor(ZipArchive.level) else { return nil }
            let result = body(compressor)
            lock.lock()
            idle.append(compressor)
            lock.unlock()
            return result
        }
    }

    /// CRC-32 of ZIP, by zlib (vectorised where the machine has it).
    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> UInt32 in
            var crc = TerbukaZlib.crc32(0, nil, 0)
            // zlib counts in uInt: fed in pieces below 4 GB.
            var start = 0
            while start < bytes.count {
                let count = min(bytes.count - start, 1 << 30)
                let base = bytes.baseAddress!.advanced(by: start).assumingMemoryBound(to: Bytef.self)
                crc = TerbukaZlib.crc32(crc, base, uInt(count))
                start += count
            }
            return UInt32(crc)
        }
    }
}

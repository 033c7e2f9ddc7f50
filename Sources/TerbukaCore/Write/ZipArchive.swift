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

    /// The whole site: files read and deflated on every core, written in the given order;
    /// an entry in `known` (an incremental build's, from the previous archive) is taken
    /// as it is.
    static func write(
        files: [(path: String, url: URL)], to target: URL, buildTime: Int, known: [String: Entry] = [:]
    ) throws {
        let entries = UnsafeMutableBufferPointer<Result<Entry, Error>>.allocate(capacity: files.count)
        defer {
            entries.baseAddress?.deinitialize(count: files.count)
            entries.deallocate()
        }
        nonisolated(unsafe) let slots = entries
        // Each index writes its own slot: no two threads touch the same one.
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            (slots.baseAddress! + index).initialize(
                to: Result {
                    try known[files[index].path] ?? Entry(try Data(contentsOf: files[index].url), deflate: true)
                })
        }
        try write(names: files.map(\.path), to: target, buildTime: buildTime) { try entries[$0].get() }
    }

    /// Writes entries `names`, deflated, the contents of entry `i` given by `contents(i)`.
    static func write(names: [String], to target: URL, buildTime: Int, contents: (Int) throws -> Data) throws {
        try write(names: names, to: target, buildTime: buildTime) { Entry(try contents($0), deflate: true) }
    }

    /// Writes entries `names`, entry `i` given by `entry(i)`. ZIP64 records (APPNOTE 4.5.3)
    /// are added only where a count, size or offset needs them, so an ordinary site's
    /// archive stays plain ZIP 2.0.
    static func write(names: [String], to target: URL, buildTime: Int, entry: (Int) throws -> Entry) throws {
        let handle = try FileHandle(forWritingTo: target)
        defer { try? handle.close() }
        let (dosTime, dosDate) = dos(buildTime)
        var central = Data()
        var offset = 0
        // Written in pieces of about a megabyte, not two system calls per entry.
        var pending = Data()
        func flush() throws {
            try handle.write(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
        }
        for (index, path) in names.enumerated() {
            let item = try entry(index)
            let name = Data(path.utf8)
            let crc = item.crc
            let data = item.data
            let method = item.method
            let size = item.size
            let bigSize = size >= 0xFFFF_FFFF || data.count >= 0xFFFF_FFFF
            let bigOffset = offset >= 0xFFFF_FFFF
            var header = Data()
            header.append(le32(0x0403_4B50))
            header.append(le16(bigSize ? 45 : 20))
            header.append(le16(0x0800))
            header.append(le16(method))
            header.append(le16(dosTime))
            header.append(le16(dosDate))
            header.append(le32(crc))
            header.append(le32(bigSize ? 0xFFFF_FFFF : UInt32(data.count)))
            header.append(le32(bigSize ? 0xFFFF_FFFF : UInt32(size)))
            header.append(le16(UInt16(name.count)))
            header.append(le16(bigSize ? 20 : 0))
            header.append(name)
            if bigSize {
                header.append(le16(0x0001))
                header.append(le16(16))
                header.append(le64(size))
                header.append(le64(data.count))
            }
            pending.append(header)
            pending.append(data)
            if pending.count >= 1 << 20 { try flush() }
            var extra = Data()
            if bigSize {
                extra.append(le64(size))
                extra.append(le64(data.count))
            }
            if bigOffset { extra.append(le64(offset)) }
            var entry = Data()
            entry.append(le32(0x0201_4B50))
            let version: UInt16 = extra.isEmpty ? 20 : 45
            entry.append(le16(version))
            entry.append(le16(version))
            entry.append(le16(0x0800))
            entry.append(le16(method))
            entry.append(le16(dosTime))
            entry.append(le16(dosDate))
            entry.append(le32(crc))
            entry.append(le32(bigSize ? 0xFFFF_FFFF : UInt32(data.count)))
            entry.append(le32(bigSize ? 0xFFFF_FFFF : UInt32(size)))
            entry.append(le16(UInt16(name.count)))
            entry.append(le16(extra.isEmpty ? 0 : UInt16(extra.count + 4)))
            entry.append(le16(0))
            entry.append(le16(0))
            entry.append(le16(0))
            entry.append(le32(0))
            entry.append(le32(bigOffset ? 0xFFFF_FFFF : UInt32(offset)))
            entry.append(name)
            if !extra.isEmpty {
                entry.append(le16(0x0001))
                entry.append(le16(UInt16(extra.count)))
                entry.append(extra)
            }
            central.append(entry)
            offset += header.count + data.count
        }
        let centralOffset = offset
        let needs64 = names.count >= 0xFFFF || central.count >= 0xFFFF_FFFF || centralOffset >= 0xFFFF_FFFF
        var end = Data()
        if needs64 {
            let record64Offset = centralOffset + central.count
            end.append(le32(0x0606_4B50))
            end.append(le64(44))
            end.append(le16(45))
            end.append(le16(45))
            end.append(le32(0))
            end.append(le32(0))
            end.append(le64(names.count))
            end.append(le64(names.count))
            end.append(le64(central.count))
            end.append(le64(centralOffset))
            end.append(le32(0x0706_4B50))
            end.append(le32(0))
            end.append(le64(record64Offset))
            end.append(le32(1))
        }
        end.append(le32(0x0605_4B50))
        end.append(le16(0))
        end.append(le16(0))
        let count = UInt16(min(names.count, 0xFFFF))
        end.append(le16(count))
        end.append(le16(count))
        end.append(le32(UInt32(min(central.count, 0xFFFF_FFFF))))
        end.append(le32(UInt32(min(centralOffset, 0xFFFF_FFFF))))
        end.append(le16(0))
        pending.append(central)
        pending.append(end)
        try flush()
    }

    private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
    private static func le64(_ value: Int) -> Data {
        Data((0..<8).map { UInt8((UInt64(value) >> (8 * UInt64($0))) & 0xFF) })
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

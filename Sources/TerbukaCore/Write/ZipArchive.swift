import Foundation

/// The whole site as one ZIP for readers to keep and pass on offline. Entries are stored
/// (not compressed): ZIP 2.0 with CRC-32, readable by every unzip tool, written without a
/// compression dependency. Timestamps are the build time, so the archive is reproducible.
enum ZipArchive {
    static let path = "situs.zip"

    /// Sites with more result rows than this get no ZIP: it would double a very large output.
    static let rowLimit = 200_000

    static func write(files: [(path: String, url: URL)], to target: URL, buildTime: Int) throws {
        let handle = try FileHandle(forWritingTo: target)
        defer { try? handle.close() }
        let (dosTime, dosDate) = dos(buildTime)
        var central = Data()
        var offset = 0
        for file in files {
            let data = try Data(contentsOf: file.url)
            let name = Data(file.path.utf8)
            let crc = crc32(data)
            var header = Data()
            header.append(le32(0x0403_4B50))
            header.append(le16(20)); header.append(le16(0x0800)); header.append(le16(0))
            header.append(le16(dosTime)); header.append(le16(dosDate))
            header.append(le32(crc)); header.append(le32(UInt32(data.count))); header.append(le32(UInt32(data.count)))
            header.append(le16(UInt16(name.count))); header.append(le16(0))
            header.append(name)
            try handle.write(contentsOf: header)
            try handle.write(contentsOf: data)
            var entry = Data()
            entry.append(le32(0x0201_4B50))
            entry.append(le16(20)); entry.append(le16(20)); entry.append(le16(0x0800)); entry.append(le16(0))
            entry.append(le16(dosTime)); entry.append(le16(dosDate))
            entry.append(le32(crc)); entry.append(le32(UInt32(data.count))); entry.append(le32(UInt32(data.count)))
            entry.append(le16(UInt16(name.count))); entry.append(le16(0)); entry.append(le16(0))
            entry.append(le16(0)); entry.append(le16(0)); entry.append(le32(0)); entry.append(le32(UInt32(offset)))
            entry.append(name)
            central.append(entry)
            offset += header.count + data.count
        }
        var end = Data()
        end.append(le32(0x0605_4B50))
        end.append(le16(0)); end.append(le16(0))
        end.append(le16(UInt16(files.count))); end.append(le16(UInt16(files.count)))
        end.append(le32(UInt32(central.count))); end.append(le32(UInt32(offset))); end.append(le16(0))
        try handle.write(contentsOf: central)
        try handle.write(contentsOf: end)
    }

    private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }

    private static func dos(_ instant: Int) -> (UInt16, UInt16) {
        let date = ContentDate(instant: instant, offset: 0)
        let minutes = date.minuteOfDay ?? 0
        let time = UInt16((minutes / 60) << 11 | (minutes % 60) << 5 | date.seconds / 2)
        let day = UInt16(max(0, date.date.year - 1980) << 9 | date.date.month << 5 | date.date.day)
        return (time, day)
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

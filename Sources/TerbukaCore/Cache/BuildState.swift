import Crypto
import Foundation

/// What a build knew when it finished, kept for the next one in the cache folder beside the
/// output (`.<output>.cache/state`, never published): the key of the Terbuka binary and
/// options it ran with, every input with its stamp and SHA-256, every output file with its
/// stamp, SHA-256 and, for a page, the fingerprint of what it was rendered from (and its
/// key), the warnings it gave, and the records of the spare tree (its files and folders)
/// and of the notices.
///
/// The file is text, one record per line, in two parts that each end with their SHA-256:
/// a first part cut short or changed by hand is not read at all, and the build is full; a
/// second part that is not the one the first names leaves the spare tree and the notices
/// unknown (the spare tree is removed and every notice validated).
struct BuildState: Sendable {
    struct Input: Sendable {
        var stamp: FileStamp
        var sha256: String
    }

    struct Output: Sendable {
        var stamp: FileStamp
        var sha256: String
        /// The page's fingerprint; "" for a file that is not a rendered page.
        var fingerprint: String
        /// The page's key, for a page made from one input (`PageKey`); "" for others.
        var key = ""
    }

    /// The binary, its libraries and the options (`BuildCache.key`).
    var key: String
    /// Nanoseconds since the epoch when the inputs were scanned: a file written within
    /// `racyWindow` of it may have changed without its stamp changing.
    var scanned: Int64
    var inputs: [String: Input] {
        didSet { made[.inputs] = nil }
    }
    var outputs: [String: Output]
    /// The files of the spare tree (`.<output>.cache/spare`, the output before this one),
    /// which the next build brings up to date and swaps in. Read from the file only when
    /// asked for: a build that finds nothing changed never needs them.
    var spare: LazyRecords<Output> = .parsed([:])
    /// The spare tree's folders ("" for the tree itself), when every one is known as it was
    /// when its files were recorded: with each still so, the tree holds those files and no
    /// others, and need not be walked (`SpareTree(recorded:…)`). Empty when not known.
    var spareFolders: LazyRecords<FileStamp> = .parsed([:])
    /// What the validate stage made of each notice (`NoticeRecord`), by path; read only
    /// when asked for, as the spare tree's.
    var notices: LazyRecords<NoticeRecord> = .parsed([:]) {
        didSet { made[.notices] = nil }
    }
    /// The output's folders ("" for the output itself): a file added to or removed from a
    /// folder changes its stamp.
    var folders: [Folder] = []
    var warnings: [Diagnostic]
    /// The SHA-256 of the file's second part, as the first part names it.
    var tailSHA256: String?
    /// Lines of some tables made already from the same records (while the build wrote),
    /// written as they are; forgotten when those records are set again.
    var made: [Table: ByteWriter] = [:]
    var files: Int
    var pages: Int

    struct Folder: Sendable {
        var path: String
        var stamp: FileStamp
    }

    /// Records by path: as a build made them, or still in the state file's second part, as
    /// lines starting with their kind.
    enum LazyRecords<Record: StateRecord>: Sendable {
        case parsed([String: Record])
        case tail(StateTail, kind: UInt8)
        /// Lines of another state file (`bytes`, each line from after its kind), with `more`
        /// records besides: written again as they are, not made from records (the spare
        /// tree's are the previous output's lines of the first part, the notices taken from
        /// the previous build their lines of the second).
        case lines(bytes: [UInt8], [Range<Int>], more: [String: Record])

        /// The records; nil when the part is not whole or a line is not one (they are then
        /// of no use).
        var records: [String: Record]? {
            switch self {
            case .parsed(let records): return records
            case .tail(let tail, let kind):
                guard let part = tail.split else { return nil }
                return Self.read(part.lines[kind] ?? [], of: part.bytes)
            case .lines(let bytes, let lines, let more): return Self.read(lines, of: bytes)?.merging(more) { $1 }
            }
        }

        /// Starts reading the part its lines are in, when that is still in the state's file
        /// (`StateTail.readAhead`).
        func readAhead() {
            if case .tail(let tail, _) = self { tail.readAhead() }
        }

        /// The lines of a part read from a file (each from after its kind); nil for records
        /// made by a build, or when the part is not whole.
        var lines: (bytes: [UInt8], ranges: [Range<Int>])? {
            guard case .tail(let tail, let kind) = self, let part = tail.split else { return nil }
            return (part.bytes, part.lines[kind] ?? [])
        }

        /// The records of a part read from a file, each with its line (as in `lines`; never
        /// nil here, optional for records made since): a record taken again as it is need
        /// not be written again. nil for records made by a build, or when the part is not
        /// whole or a line is not one.
        var recordsWithLines: (bytes: [UInt8], records: [String: (record: Record, line: Range<Int>?)])? {
            guard case .tail(let tail, let kind) = self, let part = tail.split,
                let records = Self.read(part.lines[kind] ?? [], of: part.bytes, { ($0, $1) })
            else { return nil }
            return (part.bytes, records)
        }

        /// The records on `lines` of `bytes`; nil when a line is not one.
        static func read(_ lines: [Range<Int>], of bytes: [UInt8]) -> [String: Record]? {
            read(lines, of: bytes) { record, _ in record }
        }

        /// `value` of each record on `lines` of `bytes` and its line, by path; nil when a
        /// line is not one.
        private static func read<Value>(
            _ lines: [Range<Int>], of bytes: [UInt8], _ value: (Record, Range<Int>) -> Value
        ) -> [String: Value]? {
            // Read on every core when there are many: 10,000 notices' records took a tenth
            // of a build after one edit when read on one.
            let read = Parallel.map(lines, from: 1_000) { Record.read(bytes[$0]) }
            var records: [String: Value] = [:]
            records.reserveCapacity(read.count)
            for (item, line) in zip(read, lines) {
                guard let (path, record) = item else { return nil }
                records[path] = value(record, line)
            }
            return records
        }

        /// Every record as a line starting with `kind`; nothing when they cannot be read.
        func write(kind: StaticString, into text: inout ByteWriter) {
            let lines: (bytes: [UInt8], ranges: [Range<Int>])
            let records: [String: Record]
            switch self {
            case .lines(let bytes, let ranges, let more): (lines, records) = ((bytes, ranges), more)
            default: (lines, records) = (([], []), self.records ?? [:])
            }
            // Lines next to each other (another table's, all of it) are copied at once and
            // given their kind, not copied one by one (20,000 lines after one edit, perf).
            var at = 0
            let ranges = lines.ranges
            while at < ranges.count {
                var end = at + 1
                while end < ranges.count, ranges[end].lowerBound == ranges[end - 1].upperBound + 3 { end += 1 }
                let first = text.count
                text.append(lines.bytes[(ranges[at].lowerBound - 2)..<(ranges[end - 1].upperBound + 1)])
                kind.withUTF8Buffer { kind in
                    for range in ranges[at..<end] {
                        // Where the line starts (its kind) in what was copied.
                        let line = first + range.lowerBound - ranges[at].lowerBound
                        text[line] = kind[0]
                        text[line + 1] = UInt8(ascii: " ")
                    }
                }
                at = end
            }
            for (path, record) in records { record.writeLine(kind, path: path, into: &text) }
        }
    }

    static let header = "terbuka-build-cache 4"
    /// Coarse file systems keep times to 2 s (FAT) or 1 s; fine ones to the nanosecond.
    static let racyWindow: Int64 = 2_000_000_000

    /// True when `stamp` was taken too close to the scan for its equality to prove the file
    /// unchanged since: a write in the same tick of the clock leaves the same times.
    func isRacy(_ stamp: FileStamp) -> Bool {
        stamp.modified >= scanned - Self.racyWindow || stamp.changed >= scanned - Self.racyWindow
    }

    // MARK: - The file

    /// The file: the part every build reads (its length on the second line, so that it
    /// is found without reading further), ending with its SHA-256; then the spare tree's
    /// and the notices' records, ending with theirs, read only by a build that writes.
    /// Each kind of line not `made` already is written on its own core, in no particular
    /// order (the file is read into tables).
    func encoded() -> Data {
        let pieces = pieces()
        var file = Data(capacity: pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { piece.withBytes { file.append(contentsOf: $0) } }
        return file
    }

    /// The file as the pieces it is written from, in order: not joined into one (a large
    /// site's state is 10 MB, and joining it was most of writing it, perf).
    func pieces() -> [ByteWriter] {
        var text = ByteWriter()
        text.raw("key \(key)\nscanned \(scanned)\ncounts \(files) \(pages)\n")
        let warningsJSON = (try? JSONEncoder().encode(warnings.map(StoredDiagnostic.init))) ?? Data("[]".utf8)
        text.raw("warnings " + String(decoding: warningsJSON, as: UTF8.self) + "\n")
        let wanted = Table.allCases.filter { made[$0] == nil }
        // On every core only when there is much to write: threads cost more than a small
        // state's lines.
        let lines = inputs.count + outputs.count > 2_000 ? self.lines(of: wanted) : [:]
        let parts = Table.allCases.map { made[$0] ?? lines[$0] ?? self.lines(of: $0) }
        // The first part names the second by its SHA-256 (a second part is only ever read
        // with the first it was written with), on its last line before its end (the lines
        // of the first part are read in any order): each part's SHA-256 is taken at once,
        // the first's up to that line, on two cores for a large state (one after the
        // other, 12 MB were a stretch of one core at the end of a build after one edit, perf).
        let tailLineLength = "tail ".utf8.count + 64 + 1
        let head = Self.header + "\n" + "first "
        let count = text.count + parts[0].count + parts[1].count + parts[2].count + tailLineLength
        let length = head.utf8.count + Self.lengthDigits + 1 + count + Self.trailerLength
        let start = ByteWriter(Array((head + String(format: "%016d", length) + "\n").utf8))
        let firstSoFar = { [text] in
            var hash = SHA256()
            for part in [start, text] + parts[0..<3] { part.withUnsafeBytes { hash.update(bufferPointer: $0) } }
            return Handed(hash)
        }
        let tail = { () -> (end: [UInt8], sha256: String) in
            var hash = SHA256()
            for part in parts[3..<6] { part.withUnsafeBytes { hash.update(bufferPointer: $0) } }
            let end = Array("end \(Digest.hex(hash.finalize()))\n".utf8)
            hash.update(data: end)
            return (end, Digest.hex(hash.finalize()))
        }
        let (soFar, (tailEnd, tailSHA256)) =
            parts.reduce(0) { $0 + $1.count } > 1 << 20 ? Parallel.both(firstSoFar, tail) : (firstSoFar(), tail())
        var firstHash = soFar.value
        let tailLine = Array("tail \(tailSHA256)\n".utf8)
        firstHash.update(data: tailLine)
        let firstEnd = Array("end \(Digest.hex(firstHash.finalize()))\n".utf8)
        return [
            start, text, parts[0], parts[1], parts[2], ByteWriter(tailLine), ByteWriter(firstEnd), parts[3], parts[4],
            parts[5], ByteWriter(tailEnd),
        ]
    }

    /// A hash's state, which Crypto does not mark Sendable, given back by `Parallel.both`
    /// once made (it is never shared while it changes).
    private struct Handed<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// The tables of the file, in its order: the first part's (inputs, output files, output
    /// folders), then the second's.
    enum Table: CaseIterable, Sendable {
        case inputs, outputs, folders, notices, spare, spareFolders
    }

    /// The lines of `tables`, each made on its own core.
    func lines(of tables: [Table]) -> [Table: ByteWriter] {
        Dictionary(uniqueKeysWithValues: zip(tables, Parallel.map(tables) { self.lines(of: $0) }))
    }

    /// The lines of one table.
    func lines(of table: Table) -> ByteWriter {
        var text = ByteWriter()
        switch table {
        case .inputs: return Self.lines(ofInputs: inputs.sorted(by: { $0.key < $1.key }))
        case .outputs: LazyRecords.parsed(outputs).write(kind: "o", into: &text)
        case .folders:
            for folder in folders { folder.stamp.writeLine("d", path: folder.path, into: &text) }
        case .notices: notices.write(kind: "n", into: &text)
        case .spare: spare.write(kind: "s", into: &text)
        case .spareFolders: spareFolders.write(kind: "f", into: &text)
        }
        return text
    }

    /// The lines of inputs given in the order of their paths, as the scan finds them (a
    /// build that finds nothing changed goes through both side by side, UnchangedCheck);
    /// those whose SHA-256 is not known are left out.
    static func lines(ofInputs sorted: [(key: String, value: Input)]) -> ByteWriter {
        var text = ByteWriter()
        for (path, input) in sorted where !input.sha256.isEmpty { input.writeLine("i", path: path, into: &text) }
        return text
    }

    /// The stamp's device, inode, size, mtime and ctime.
    static func write(_ stamp: FileStamp, into text: inout ByteWriter) {
        // No array per line: 20,000 lines of a large site's state.
        unsigned(stamp.device, into: &text)
        text.raw(" ")
        unsigned(stamp.inode, into: &text)
        text.raw(" ")
        text.integer(stamp.size)
        text.raw(" ")
        text.integer(Int(stamp.modified))
        text.raw(" ")
        text.integer(Int(stamp.changed))
    }

    private static func unsigned(_ value: UInt64, into text: inout ByteWriter) {
        if value <= UInt64(Int.max) { text.integer(Int(value)) } else { text.raw(String(value)) }
    }

    static let lengthDigits = 16
    /// "end <64 hex digits>\n".
    static let trailerLength = 4 + 64 + 1

    /// True when `bytes[range]` ends with "end <its SHA-256>\n".
    static func isWhole(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count >= trailerLength, range.lowerBound >= 0, range.upperBound <= bytes.count else {
            return false
        }
        let bodyEnd = range.upperBound - trailerLength
        guard bytes[range.upperBound - 1] == UInt8(ascii: "\n"),
            bodyEnd == range.lowerBound || bytes[bodyEnd - 1] == UInt8(ascii: "\n"),
            String(decoding: bytes[bodyEnd..<(bodyEnd + 4)], as: UTF8.self) == "end "
        else { return false }
        return String(decoding: bytes[(bodyEnd + 4)..<(range.upperBound - 1)], as: UTF8.self)
            == Digest.hex(SHA256.hash(data: bytes[range.lowerBound..<bodyEnd]))
    }

    /// The length of the first part, read from the first bytes of a state file; nil when
    /// they are not the start of one.
    static func firstLength(_ bytes: [UInt8]) -> Int? {
        let head = Array((header + "\nfirst ").utf8)
        let lengthEnd = head.count + lengthDigits
        guard bytes.count > lengthEnd, bytes.starts(with: head), bytes[lengthEnd] == UInt8(ascii: "\n"),
            bytes[head.count..<lengthEnd].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let length = Int(String(decoding: bytes[head.count..<lengthEnd], as: UTF8.self)), length > lengthEnd
        else { return nil }
        return length
    }

    /// The bytes a state file starts with, enough for `firstLength`.
    static var headLength: Int { header.utf8.count + 1 + "first ".utf8.count + lengthDigits + 1 }

    /// The state in `data` (the whole file), or nil when its first part is not whole, of
    /// this format. The rest (the records of the spare tree and of the notices) is checked
    /// when read.
    static func decode(_ data: Data) -> BuildState? {
        let bytes = [UInt8](data)
        guard let length = firstLength(bytes), length <= bytes.count else { return nil }
        return decode(first: Array(bytes[..<length]), tail: .init(bytes: Array(bytes[length...])))
    }

    /// The state whose first part is `bytes`, its second read from `tail` when wanted.
    static func decode(first bytes: [UInt8], tail: StateTail) -> BuildState? {
        FirstPart(bytes)?.state(tail: tail)
    }
}

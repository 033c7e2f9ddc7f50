import Foundation
import Testing

@testable import TerbukaCore

/// A long CSV table is read in parts at once (CSVReader.split, TableReader.readParts): what
/// comes out must be what reading it from its start to its end gives, rows and messages.
@Suite struct TablePartsTests {
    // MARK: - Cutting a CSV file

    /// Every record of `bytes` with its places, read after `head` records in `parts` parts
    /// cut at least `minimum` bytes apart, the way readParts follows them: a part that did
    /// not end where the next begins is read on to the end instead. Nil when not cut.
    static func records(_ bytes: [UInt8], head: Int, parts: Int, minimum: Int = 1) throws -> [String]? {
        var reader = CSVReader(bytes: bytes)
        return try records(&reader, head: head, parts: parts, minimum: minimum)
    }

    /// The same, from `reader`.
    static func records(_ reader: inout CSVReader, head: Int, parts: Int, minimum: Int = 1) throws -> [String]? {
        var found: [String] = []
        var record = TableRecord()
        for _ in 0..<head where try reader.read(into: &record) { found.append(describe(record)) }
        guard let pieces = reader.split(into: parts, minimumBytes: minimum) else { return nil }
        var current = pieces[0]
        var index = 0
        while true {
            while try current.read(into: &record) { found.append(describe(record)) }
            index += 1
            guard index < pieces.count else { break }
            if current.endsWhereNextBegins {
                current = pieces[index]
            } else {
                current.readToEnd()
            }
        }
        return found
    }

    static func wholeRecords(_ bytes: [UInt8]) throws -> [String] {
        var reader = CSVReader(bytes: bytes)
        var record = TableRecord()
        var found: [String] = []
        while try reader.read(into: &record) { found.append(describe(record)) }
        return found
    }

    static func describe(_ record: TableRecord) -> String {
        zip(record.fields, record.positions).map { "\($0.1.line):\($0.1.column)=\($0.0)" }.joined(separator: "|")
    }

    /// Records with quoted separators, doubled quotes, line breaks inside quotes, CRLF,
    /// blank lines and non-ASCII text, so that cuts fall in every kind of place.
    static let awkward: [UInt8] = {
        var text = "\u{FEFF}a,b,c\r\n"
        for row in 0..<400 {
            switch row % 6 {
            case 0: text += "\(row),\"two\nlines\",x\r\n"
            case 1: text += "\(row),\"say \"\"hi\"\"\",y\n"
            case 2: text += "\n\(row),plain,z\n\r\n"
            case 3: text += "\(row),\"a,b\",Ünïcödé\n"
            case 4: text += "\(row),\"\n\n\",\"\"\n"
            default: text += "\(row),x\"y,w\n"
            }
        }
        return Array(text.utf8)
    }()

    @Test func partsGiveTheRecordsOfTheWholeFileWhereverTheCutsFall() throws {
        let whole = try Self.wholeRecords(Self.awkward)
        for parts in [2, 3, 5, 8, 13, 40] {
            for head in [0, 1, 7] {
                #expect(
                    try Self.records(Self.awkward, head: head, parts: parts) == whole, "\(parts) parts after \(head)")
            }
        }
    }

    @Test(needsConformance) func csvSpectrumReadsTheSameInParts() throws {
        let folder = sharedConformance.appendingPathComponent("csv-spectrum/csvs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(names.count >= 10)
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let whole = try Self.wholeRecords(bytes)
            for parts in [2, 3, 4] {
                if let split = try Self.records(bytes, head: 0, parts: parts) {
                    #expect(split == whole, "\(name) in \(parts) parts")
                }
            }
        }
    }

    @Test func aCutInsideAQuotedFieldIsFound() throws {
        // The only line feed after the middle is inside quotes, so the cut falls there.
        let text =
            "a,b\n1,x\n2,\"" + String(repeating: "y", count: 40) + "\n" + String(repeating: "y", count: 10)
            + "\"\n3,z\n"
        var reader = CSVReader(bytes: Array(text.utf8))
        let split = reader.split(into: 2, minimumBytes: 1)
        let parts = try #require(split)
        #expect(parts.count == 2)
        var first = parts[0]
        var record = TableRecord()
        while try first.read(into: &record) {}
        #expect(!first.endsWhereNextBegins)
        first.readToEnd()
        #expect(try first.read(into: &record))
        #expect(record.fields == ["3", "z"])
        #expect(record.positions[0].line == 5)
    }

    @Test func aPartStopsAtABlankLineWhereTheNextBegins() throws {
        // The cut falls among the blank lines: the first part must not skip them into the next.
        var reader = CSVReader(bytes: Array("a,b\n1,x\n\n\n\n\n2,y\n".utf8))
        var record = TableRecord()
        #expect(try reader.read(into: &record))
        let split = reader.split(into: 2, minimumBytes: 1)
        var parts = try #require(split)
        #expect(try parts[0].read(into: &record))
        #expect(record.fields == ["1", "x"])
        #expect(try !parts[0].read(into: &record))
        #expect(parts[0].endsWhereNextBegins)
        #expect(try parts[1].read(into: &record))
        #expect(record.fields == ["2", "y"] && record.line == 7)
    }

    @Test func aLoneCarriageReturnBeforeACutLeavesTheFileWhole() throws {
        var reader = CSVReader(bytes: Array("a,b\r1,x\n2,y\n3,z\n4,w\n5,v\n".utf8))
        #expect(reader.split(into: 2, minimumBytes: 1) == nil)
        var record = TableRecord()
        var lines: [Int] = []
        while try reader.read(into: &record) { lines.append(record.line) }
        #expect(lines == [1, 2, 3, 4, 5, 6])
    }

    @Test func loneCarriageReturnsAndLineFeedsAreFoundWhereverTheyAre() {
        let crlf = Array("a,b\r\n1,x\r\n2,y\r\n".utf8)
        #expect(!CSVReader.hasLoneReturn(crlf, 0..<crlf.count))
        #expect(CSVReader.lineFeeds(in: crlf, 0..<crlf.count) == 3)
        #expect(CSVReader.lineFeeds(in: crlf, 5..<crlf.count - 1) == 1)
        for text in ["\ra,b\n", "a,b\n1,x\r2,y\n", "a,b\r\n1,x\r", "a\r\r\n"] {
            let bytes = Array(text.utf8)
            #expect(CSVReader.hasLoneReturn(bytes, 0..<bytes.count), "\(text.debugDescription)")
        }
        // A return at the end of the range whose line feed lies just past it is not lone.
        #expect(!CSVReader.hasLoneReturn(crlf, 0..<4))
        // Only the range is looked at.
        let late = Array("a,b\n1,x\r2".utf8)
        #expect(!CSVReader.hasLoneReturn(late, 0..<7))
        #expect(CSVReader.hasLoneReturn(late, 7..<late.count))
    }

    @Test func aFileCutInPartsGivesTheRecordsOfItsBytes() throws {
        let folder = try makeTemporaryFolder("terbuka-parts")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.csv")
        // Past the first chunk, so that the rest is read from the file when it is cut.
        var bytes = Self.awkward
        while bytes.count <= CSVReader.chunkSize { bytes += Self.awkward.drop(while: { $0 != 10 }).dropFirst() }
        try Data(bytes).write(to: file)
        var reader = try CSVReader(contentsOf: file)
        let found = try Self.records(&reader, head: 1, parts: 3)
        #expect(try found == Self.wholeRecords(bytes))
    }

    /// `appendRest` after the first `first` bytes of a file of `count` bytes opened when it
    /// had `size`: the bytes appended.
    static func rest(count: Int, first: Int, size: Int) throws -> (appended: Data, file: Data) {
        let folder = try makeTemporaryFolder("terbuka-rest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.bin")
        // Each run of 1,000 bytes its own value: a byte out of place shows.
        var bytes = Data(count: count)
        bytes.withUnsafeMutableBytes { bytes in
            for run in stride(from: 0, to: count, by: 1_000) {
                memset(bytes.baseAddress! + run, Int32(run / 1_000 % 251), min(1_000, count - run))
            }
        }
        try bytes.write(to: file)
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var appended = Array(try handle.read(upToCount: first) ?? Data())
        // A file that grew or shrank since it was opened is no failed read.
        #expect(CSVReader.appendRest(of: handle, size: size, to: &appended) == nil)
        return (Data(appended), bytes)
    }

    @Test func theRestOfALongFileIsReadInTwoHalvesIntoPlace() throws {
        let count = CSVReader.halvesFrom + CSVReader.chunkSize + 12_345
        let (appended, file) = try Self.rest(count: count, first: CSVReader.chunkSize, size: count)
        #expect(appended == file)
    }

    @Test func theRestIsReadToTheFilesEndWhateverSizeItHadWhenOpened() throws {
        let count = CSVReader.halvesFrom + 3 * CSVReader.chunkSize
        // Grown since it was opened: read on past the size it had, after a rest read in one
        // piece or in two halves. Shrunk: what is there, whether the second half ends or
        // starts past its end.
        for size in [count / 2, CSVReader.halvesFrom + CSVReader.chunkSize, count + 1_000, 3 * count] {
            let (appended, file) = try Self.rest(count: count, first: 100, size: size)
            #expect(appended == file, "opened at \(size) bytes")
        }
    }

    @Test func aRestThatCannotBeReadGivesItsError() throws {
        // A folder opened for reading: every read of it fails (EISDIR).
        let handle = try #require(FileHandle(forReadingAtPath: NSTemporaryDirectory()))
        defer { try? handle.close() }
        var bytes = Array("a,b\n".utf8)
        let error = CSVReader.appendRest(of: handle, size: 1_000, to: &bytes)
        #expect((error as NSError?)?.code == Int(EISDIR) && bytes == Array("a,b\n".utf8))
    }

    /// A reader of `first` then `chunks`, after which a read fails.
    static func failingReader(_ first: String, _ chunks: [String]) -> CSVReader {
        let failure = CSVReader.ReadFailure()
        var left = chunks.map { Array($0.utf8) }
        return CSVReader(first: Array(first.utf8), size: 0, failure: failure) {
            guard left.isEmpty else { return left.removeFirst() }
            failure.note(NSError(domain: NSPOSIXErrorDomain, code: Int(EIO)))
            return nil
        }
    }

    @Test func aReadThatFailsStopsTheTableWhereTheBytesEnd() throws {
        var reader = Self.failingReader("a,b\n1,x\n", ["2,y\n3,"])
        #expect(try reader.next()?.fields == ["a", "b"])
        #expect(try reader.next()?.fields == ["1", "x"])
        #expect(try reader.next()?.fields == ["2", "y"])
        // The last row, cut short, is not taken: the error is where the bytes end.
        do {
            _ = try reader.next()
            Issue.record("a row after the failed read")
        } catch {
            #expect(error.message.code == "T0115" && error.line == 4 && error.column == 3)
            #expect(error.message.text.en.contains("reading stopped here (\(String(cString: strerror(EIO))))"))
        }
    }

    @Test func aReadThatFailsInsideAQuoteOrACharacterIsReportedAsTheFailedRead() throws {
        // A quote the bytes read never close; a character cut in two (é is C3 A9), in a field
        // read on from one chunk into the next.
        let cases: [(first: String, chunks: [[UInt8]])] = [("a,b\n1,\"nama", []), ("a,b\n1,Jos", [[0xC3]])]
        for (first, chunks) in cases {
            let failure = CSVReader.ReadFailure()
            var left = chunks
            var reader = CSVReader(first: Array(first.utf8), size: 0, failure: failure) {
                guard left.isEmpty else { return left.removeFirst() }
                failure.note(NSError(domain: NSPOSIXErrorDomain, code: Int(EIO)))
                return nil
            }
            #expect(try reader.next()?.fields == ["a", "b"])
            var code: String?
            do { _ = try reader.next() } catch { code = error.message.code }
            #expect(code == "T0115", "\(first)")
        }
    }

    @Test func aReadThatFailsStopsTheLastPartOfATableReadInParts() throws {
        let rows = (1...400).map { "\($0),nama \($0)\n" }.joined()
        var reader = Self.failingReader("a,b\n", [rows + "401,na"])
        var record = TableRecord()
        _ = try reader.read(into: &record)
        let split = reader.split(into: 4, minimumBytes: 100)
        let parts = try #require(split)
        var taken: [String] = []
        var stopped: TableSyntaxError?
        for var part in parts {
            do {
                while try part.read(into: &record) { taken.append(record.fields[0]) }
            } catch {
                stopped = error
            }
        }
        // Every row before the failed read, and the error where the bytes end, in the last part.
        #expect(taken == (1...400).map(String.init))
        #expect(stopped?.message.code == "T0115" && stopped?.line == 402 && stopped?.column == 7)
    }

    @Test func aFileReadToItsEndBeforeItsRestIsAskedForEndsWithoutAnError() throws {
        let folder = try makeTemporaryFolder("terbuka-end")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.csv")
        // No line break at the end: the last field is read on until the file has no more.
        try Data("a,b\n1,x".utf8).write(to: file)
        var reader = try CSVReader(contentsOf: file)
        #expect(try reader.next()?.fields == ["a", "b"])
        #expect(try reader.next()?.fields == ["1", "x"])
        #expect(reader.split(into: 2, minimumBytes: 1) == nil)
        #expect(try reader.next() == nil)
    }

    @Test func aShortRestIsNotCut() throws {
        var reader = CSVReader(bytes: Array("a,b\n1,x\n2,y\n".utf8))
        #expect(reader.split(into: 2, minimumBytes: 1 << 20) == nil)
    }

    // MARK: - Joining the rows of the parts

    /// Counts the values alive, to see that a value moved is neither copied nor lost.
    final class Counted {
        nonisolated(unsafe) static var alive = 0
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.alive += 1
        }
        deinit { Self.alive -= 1 }
    }

    /// Rows appended past the room first made, then moved after an array's own: in order,
    /// each once, and none left behind or freed twice.
    @Test func rowsMovedToAnArrayComeAfterItsOwnInOrderAndEachOnce() {
        let before = Counted.alive
        do {
            var array = [Counted(-1)]
            let later = MovableRows<Counted>(capacity: 2)
            for value in 0..<100 { later.append(Counted(value)) }
            later.move(to: &array)
            #expect(array.map(\.value) == Array(-1..<100))
            #expect(later.count == 0 && Counted.alive == before + 101)
            later.append(Counted(100))
            #expect(later.count == 1 && Counted.alive == before + 102)
        }
        #expect(Counted.alive == before)
    }

    // MARK: - Reading a result table in parts

    static let formations = (0..<6).map {
        Formation(
            code: "U\($0)", position: "Analis", unit: "Dinas", education: nil, kind: "umum", quota: 2, salaryMin: nil,
            salaryMax: nil, line: $0 + 2)
    }

    /// The rows and messages of `csv` read as an SKD table in `parts` parts (1: in one go).
    static func read(_ csv: String, parts: Int) -> [String] {
        var reader = ResultTableReader(
            place: TablePlace(path: "skd.csv"), url: URL(fileURLWithPath: "/nonexistent/skd.csv"), stage: .skd,
            rules: .cpns2024, formations: FormationIndex(formations))
        reader.parts = parts
        reader.minimumPartBytes = 1
        var source = CSVReader(bytes: Array(csv.utf8))
        let reopen = { (_: inout Diagnostics) -> (any TableSource)? in CSVReader(bytes: Array(csv.utf8)) }
        var diagnostics = Diagnostics()
        let rows = reader.read(&source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.skd)
        return diagnostics.all.map(\.formatted) + (rows.map { $0.map { String(describing: $0) } } ?? ["not read"])
    }

    static func number(_ row: Int) -> String { "24\(String(format: "%011d", row))" }

    /// A table of `count` rows; `change` may rewrite any row by its number.
    static func table(
        _ count: Int, header: String = "participant,name,formation,twk,tiu,tkp",
        change: (Int, String) -> String = { $1 }
    ) -> String {
        var text = header + "\n"
        for row in 0..<count {
            let line =
                "\(number(row)),NAMA \(row % 97 == 0 ? "ÁNÍ" : "ANI"),U\(row % 6),"
                + "\(60 + row % 90 / 5 * 5),\(80 + row % 60 / 5 * 5),\(150 + row % 70)"
            text += change(row, line) + "\n"
        }
        return text
    }

    static func expectSameInParts(_ csv: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let whole = read(csv, parts: 1)
        for parts in [2, 3, 7] {
            #expect(read(csv, parts: parts) == whole, "\(parts) parts", sourceLocation: sourceLocation)
        }
    }

    @Test func aTableFileOfAsManyRowsAsTheSampleWithoutALastLineBreakIsReadWhole() throws {
        let folder = try makeTemporaryFolder("terbuka-sample")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("skd.csv")
        // The last row is read to the file's end before the rest is asked for, in parts.
        try Data(Self.table(TableReader.sampleSize).dropLast().utf8).write(to: file)
        var reader = ResultTableReader(
            place: TablePlace(path: "skd.csv"), url: file, stage: .skd, rules: .cpns2024,
            formations: FormationIndex(Self.formations))
        reader.parts = 2
        reader.minimumPartBytes = 1
        var source = try CSVReader(contentsOf: file)
        let reopen = { (_: inout Diagnostics) -> (any TableSource)? in try? CSVReader(contentsOf: file) }
        var diagnostics = Diagnostics()
        let rows = reader.read(&source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.skd)
        #expect(diagnostics.all.map(\.formatted) == [] && rows?.count == TableReader.sampleSize)
    }

    @Test func aCleanTableGivesTheSameRows() {
        let csv = Self.table(1500)
        #expect(Self.read(csv, parts: 1).count == 1500)
        Self.expectSameInParts(csv)
    }

    @Test func aParticipantInTwoPartsIsReportedOnceAgainstItsFirstRow() {
        let csv = Self.table(1500) { row, line in
            switch row {
            case 1400: line.replacingOccurrences(of: Self.number(1400), with: Self.number(10))
            case 1200: line.replacingOccurrences(of: Self.number(1200), with: Self.number(700))
            case 1300: line.replacingOccurrences(of: Self.number(1300), with: Self.number(700))
            case 900: line.replacingOccurrences(of: Self.number(900), with: Self.number(901))
            default: line
            }
        }
        #expect(Self.read(csv, parts: 1).filter { $0.contains("appears twice") }.count == 4)
        Self.expectSameInParts(csv)
        // Alone in its part, the second row reports nothing there: only the join finds it.
        let once = Self.table(1500) { row, line in
            row == 1450 ? line.replacingOccurrences(of: Self.number(1450), with: Self.number(300)) : line
        }
        #expect(Self.read(once, parts: 1).filter { $0.contains("appears twice") }.count == 1)
        Self.expectSameInParts(once)
    }

    @Test func problemsInLaterPartsAreReportedOnceWhereTheWholeReadingReportsThem() {
        let csv = Self.table(1500, header: "participant,name,formation,twk,tiu,tkp,catatan") { row, line in
            switch row {
            case 500: line.replacingOccurrences(of: ",U2,", with: ",X9,") + ","
            case 800: line.replacingOccurrences(of: "NAMA ANI", with: "") + ","
            case 1000, 1450: line + ",3201234567890001"
            case 1100: line + ",\u{7}"
            case 1200: line + ",a,b"
            case 1300: line.replacingOccurrences(of: ",U4,", with: ",U4,abc") + ","
            default: line + ","
            }
        }
        let whole = Self.read(csv, parts: 1)
        #expect(whole.count >= 6 && whole.last == "not read", "\(whole)")
        Self.expectSameInParts(csv)
    }

    @Test func notesBetweenRowsAreSkippedAndCountedAsInOneReading() {
        let csv = Self.table(1500) { row, line in
            row % 400 == 399 ? "Ditetapkan di Kota Contoh,,,,," : line
        }
        let whole = Self.read(csv, parts: 1)
        #expect(whole.first?.contains("3") == true, "\(whole.first ?? "")")
        Self.expectSameInParts(csv)
    }

    @Test func namesOverSeveralLinesGiveTheSameRowsAndLines() {
        let csv = Self.table(1500) { row, line in
            line.replacingOccurrences(of: "NAMA ANI", with: "\"NAMA\nANI\"")
        }
        Self.expectSameInParts(csv)
    }

    /// A file longer than the chunks it is read in, cut or read on after the header.
    @Test func aFileReadInChunksGivesTheSameRowsCutOrNot() throws {
        let csv = Self.table(30_000)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString).csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(csv.utf8.count > CSVReader.chunkSize)
        func read(parts: Int, minimum: Int) throws -> (rows: Int, messages: Int) {
            var reader = ResultTableReader(
                place: TablePlace(path: "skd.csv"), url: file, stage: .skd, rules: .cpns2024,
                formations: FormationIndex(Self.formations))
            reader.parts = parts
            reader.minimumPartBytes = minimum
            var source = try CSVReader(contentsOf: file)
            let reopen = { (_: inout Diagnostics) -> (any TableSource)? in try? CSVReader(contentsOf: file) }
            var diagnostics = Diagnostics()
            let rows = reader.read(&source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.skd)
            return (rows?.count ?? -1, diagnostics.all.count)
        }
        #expect(try read(parts: 1, minimum: 1) == (30_000, 0))
        #expect(try read(parts: 2, minimum: 1 << 30) == (30_000, 0), "too short to cut")
        #expect(try read(parts: 3, minimum: 1) == (30_000, 0), "cut")
    }

    @Test func aBrokenQuoteInALaterPartStopsTheTableAsInOneReading() {
        let csv = Self.table(1500) { row, line in
            switch row {
            case 700: line.replacingOccurrences(of: ",U", with: ",X")
            case 1100: line.replacingOccurrences(of: "NAMA ANI", with: "\"NAMA\"ANI")
            default: line
            }
        }
        let whole = Self.read(csv, parts: 1)
        #expect(whole.contains { $0.contains("stray quote") }, "\(whole)")
        Self.expectSameInParts(csv)
    }
}

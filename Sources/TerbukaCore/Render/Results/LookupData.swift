import Foundation

/// Data for the participant lookup that works from disk (file://): plain scripts loaded
/// by `<script>` tags, never `fetch`. Participants are sharded by a hash of their number
/// and by the first letters of each word of their name, so that one lookup loads the
/// manifest and a single shard, at most about 200 KB.
enum LookupData {
    /// Bytes of one shard; with the manifest and the script a lookup stays under 200 KB.
    static let shardBudget = 100_000
    static let minimumNameLetters = 3

    /// A participant: their number and name are read from the first table they are in
    /// (held here, two strings per participant were 32 MB of the million-row build's peak
    /// memory).
    struct Entry {
        /// The participant's formation, an index into `Prepared.formations`.
        var formation: Int32
        /// Position of this participant in each table, -1 where absent.
        var positions: TablePositions

        /// The first table the participant is in, where its number and name are read.
        var first: Int { positions.firstIndex { $0 >= 0 }! }

        /// The participant's text in `columns` (per table, its numbers or its names), from the
        /// first table they are in.
        func text(in columns: [TextColumn.View]) -> UnsafeBufferPointer<UInt8> {
            let first = first
            return columns[first][Int(positions[first])]
        }

        /// `tables`: the vacancy's tables, in boxes of the caller's own (`ownBoxes`).
        /// `previous`: per table, participant → the status an earlier version gave, for those
        /// whose status a newer version changed. `sources`: the tables' rows' pages and
        /// formation groups, each group's end of a journey and each formation's code.
        /// `participants`, `names`: per table, its rows' numbers and names in place. `cells`:
        /// room for a row's cells.
        func write(
            into out: inout ByteWriter, tables: [any PublishedResultTable], sources: EntrySources,
            participants: [TextColumn.View], names: [TextColumn.View], previous: [[String: String]],
            cells: inout [CellValue]
        ) {
            let number = text(in: participants)
            out.raw("[")
            out.json(utf8: number)
            out.raw(",")
            out.json(utf8: text(in: names))
            out.raw(",")
            out.append(sources.codes[Int(formation)])
            out.raw(",[")
            for index in 0..<positions.count {
                if index > 0 { out.raw(",") }
                let position = positions[index]
                if position < 0 {
                    out.raw("\"\"")
                } else {
                    out.json(tables[index].status(Int(position))?.code ?? "–")
                }
            }
            out.raw("],[")
            for index in 0..<positions.count {
                if index > 0 { out.raw(",") }
                out.integer(sources.page(table: index, position: positions[index]))
            }
            out.raw("]")
            // The sixth item: for a participant whose status a correction changed, the earlier
            // status per table, else 0; `previous` is empty when no table has versions, so the
            // million-row case looks nothing up.
            let changed = previous.isEmpty ? [] : previous.map { $0[String(decoding: number, as: UTF8.self)] ?? "" }
            if changed.contains(where: { !$0.isEmpty }) {
                out.raw(",[")
                for (index, code) in changed.enumerated() {
                    if index > 0 { out.raw(",") }
                    out.json(code)
                }
                out.raw("]")
            } else {
                out.raw(",0")
            }
            // The seventh: the journey, per table 0 where absent, else [cells in the order of
            // the manifest's columns, the formation's rows, its cut-off or null, the formation
            // kind whose passing marks apply (SKD) or null].
            out.raw(",[")
            for index in 0..<positions.count {
                if index > 0 { out.raw(",") }
                let position = positions[index]
                guard position >= 0 else {
                    out.raw("0")
                    continue
                }
                out.raw("[[")
                tables[index].cells(Int(position), into: &cells)
                for offset in cells.indices {
                    if offset > 0 { out.raw(",") }
                    Self.cell(cells[offset], into: &out)
                }
                out.raw("]")
                out.append(sources.tail(table: index, position: position))
            }
            out.raw("]]")
        }

        /// A number as JSON (decimals as a string with '.', for the page to write with its own
        /// mark), text as a string, nothing as null.
        static func cell(_ value: CellValue, into out: inout ByteWriter) {
            switch value {
            case .integer(let number): out.integer(number)
            case .fixed(let number, let scale):
                // Digits and a point: nothing to escape.
                out.raw("\"")
                out.fixed(number, scale: scale, mark: UInt8(ascii: "."))
                out.raw("\"")
            case .text(let text): out.json(text)
            case .boolean(let value): out.raw(value ? "true" : "false")
            case .empty: out.raw("null")
            }
        }
    }

    /// A participant's position in each of a vacancy's tables, -1 where absent, kept inline:
    /// a vacancy has at most one table per stage, and an array per participant cost 40 MB
    /// of the million-row build's peak memory (issue 16).
    struct TablePositions: RandomAccessCollection, Sendable {
        private var storage: (Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1)
        let count: Int

        init(count: Int) {
            precondition(count <= ResultStage.allCases.count, "one table per stage")
            self.count = count
        }

        var startIndex: Int { 0 }
        var endIndex: Int { count }

        subscript(index: Int) -> Int32 {
            get {
                precondition(index >= 0 && index < count)
                return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: index * 4, as: Int32.self) }
            }
            set {
                precondition(index >= 0 && index < count)
                withUnsafeMutableBytes(of: &storage) {
                    $0.storeBytes(of: newValue, toByteOffset: index * 4, as: Int32.self)
                }
            }
        }
    }

    /// The tables, each in a box of the caller's own. A table is read through a copy of its
    /// box for every row it is asked about: with a box two tasks share, both cores changed
    /// its reference count for each. When the entries' two tasks ran at once, that was a
    /// quarter of the lookup's CPU in the million-row build (perf).
    static func ownBoxes(_ tables: [any PublishedResultTable]) -> [any PublishedResultTable] {
        func own<Table: PublishedResultTable>(_ table: Table) -> any PublishedResultTable { table }
        return tables.map { own($0) }
    }

    /// What a row's cells are estimated to take in a shard: text as written, with an eighth
    /// more for escapes (TMS reasons can be long), a number or nothing 8 bytes, a decimal 12.
    static func estimate(_ cells: [CellValue]) -> Int {
        cells.reduce(0) { size, cell in
            switch cell {
            case .text(let text): size + textEstimate(text)
            case .integer, .boolean, .empty: size + numberEstimate
            case .fixed: size + decimalEstimate
            }
        }
    }

    static let numberEstimate = 8
    static let decimalEstimate = 12

    static func textEstimate(_ text: String) -> Int { text.utf8.count + text.utf8.count / 8 + 3 }

    /// FNV-1a over the UTF-8 bytes; `assets/lookup.js` computes the same.
    static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var value: UInt32 = 2_166_136_261
        for byte in text {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        return value
    }

    /// Everything but the page numbers, which are known only once the pages are written:
    /// built while they are.
    struct Prepared: Sendable {
        var entries: [Entry]
        /// The entries' estimated bytes, for the room their writers ask for.
        var bytes: Int
        var numberShards: [[Int32]]
        /// Name-word prefix keys and the shard each is in; the shards' members.
        var nameKeys: [String]
        var nameShards: [[Int32]]
        var formations: Formations
    }

    /// The formations of a vacancy's tables, in the order the tables first show them, as
    /// the shards write them: each code as a JSON string, and `"code":"position"` as a JSON
    /// pair for the shards that hold one of its participants. Written from these bytes, not
    /// looked up by code: a million participants in 1,800 shards looked their formation up
    /// three million times (perf).
    struct Formations: Sendable {
        var codes: [[UInt8]] = []
        var pairs: [[UInt8]] = []
        /// What a participant's formation adds to the estimate of a shard's size: its code
        /// and its pair.
        var estimates: [Int] = []
    }

    static func prepare(tables: [any PublishedResultTable]) -> Prepared {
        // Each row's formation from its table's groups, which hold every row: a row's
        // formation is the code of its group's formation (rows are grouped by formation).
        var formations = Formations()
        var formationIndex: [String: Int32] = [:]
        let formationAt = tables.map { table in
            var at = [Int32](repeating: 0, count: table.count)
            for group in table.groups {
                let code = group.formation.code
                let index: Int32
                if let known = formationIndex[code] {
                    index = known
                } else {
                    index = Int32(formations.codes.count)
                    formationIndex[code] = index
                    let pair = JSONText.quote(code) + ":" + JSONText.quote(group.formation.position)
                    formations.codes.append(Array(JSONText.quote(code).utf8))
                    formations.pairs.append(Array(pair.utf8))
                    formations.estimates.append(code.utf8.count + pair.utf8.count + 2)
                }
                for position in group.range { at[position] = index }
            }
            return at
        }
        // One entry per participant, in the order the tables first list them. With one table
        // every row is a new participant; with more, each number is looked up among those of
        // the tables before. Numbers all in ASCII (SSCASN's digits) are looked up by their
        // bytes in place, which are equal exactly when the strings are: asked as strings, an
        // SKD table's million numbers were a million strings made anew. Others are looked up
        // as strings, canonically equivalent numbers being one participant as the checks of
        // the tables take them.
        func gathered<Key: Hashable>(_ key: (UnsafeBufferPointer<UInt8>) -> Key, numbers: [TextColumn.View]) -> [Entry]
        {
            var entries: [Entry] = []
            var indexOf: [Key: Int] = [:]
            for (stageIndex, table) in tables.enumerated() {
                entries.reserveCapacity(max(entries.count, table.count))
                for position in 0..<table.count {
                    if tables.count > 1 {
                        let number = key(numbers[stageIndex][position])
                        if let existing = indexOf[number] {
                            entries[existing].positions[stageIndex] = Int32(position)
                            continue
                        }
                        indexOf[number] = entries.count
                    }
                    var positions = TablePositions(count: tables.count)
                    positions[stageIndex] = Int32(position)
                    entries.append(Entry(formation: formationAt[stageIndex][position], positions: positions))
                }
            }
            return entries
        }
        // Sizes are estimated without page numbers (a few bytes each): the number and the name
        // (from the first table the participant is in), each table's journey (its cells and
        // the formation's figures, 2 bytes where absent), and the position of the formation:
        // the shard names it for each of its formations, counted for every participant as if
        // each brought one of its own.
        // They need every participant's cells: counted on every core, a table at a time, the
        // table opened once per run: asked through `any`, each row's question copied the table
        // and counted a reference to it from both cores (perf). By index: an entry handed over
        // by value was copied (perf).
        // Numbers and names are read in place from each table's columns (`TextColumn.View`).
        let (entries, total, byNumber, byName) = TextColumn.withViews(
            tables.map(\.participants), tables.map(\.names)
        ) { participants, names in
            // One table looks nothing up: its numbers are not scanned.
            let entries =
                tables.count == 1 || participants.allSatisfy(\.isASCII)
                ? gathered(NumberBytes.init, numbers: participants)
                : gathered({ String(decoding: $0, as: UTF8.self) }, numbers: participants)
            var sizes = [Int](repeating: 0, count: entries.count)
            sizes.withUnsafeMutableBufferPointer { sizes in
                _ = Parallel.runs(entries.count) { run in
                    for index in run {
                        sizes[index] = formations.estimates[Int(entries[index].formation)] + 12 * tables.count + 20
                    }
                    for (stage, table) in tables.enumerated() {
                        addEstimates(
                            of: table, participants: participants[stage], names: names[stage], stage: stage,
                            entries: entries, run: run, to: sizes)
                    }
                }
            }
            let byName = WordShards(
                words: { words(entries[$0].text(in: names)) }, sizes: sizes, budget: shardBudget,
                minimumLetters: minimumNameLetters)
            let total = sizes.reduce(0, +)
            let numberShardCount = max(1, (total + shardBudget - 1) / shardBudget)
            var byNumber = [[Int32]](repeating: [], count: numberShardCount)
            for (index, entry) in entries.enumerated() {
                byNumber[Int(hash(entry.text(in: participants)) % UInt32(numberShardCount))].append(Int32(index))
            }
            return (entries, total, byNumber, byName)
        }
        return Prepared(
            entries: entries, bytes: total, numberShards: byNumber, nameKeys: byName.keys.map(\.json),
            nameShards: byName.shards,
            formations: formations)
    }

    /// A participant number's bytes in a column, valid while the column's view is, hashed and
    /// compared by those bytes (`prepare`, for numbers all in ASCII).
    private struct NumberBytes: Hashable {
        let bytes: UnsafeBufferPointer<UInt8>

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        static func == (a: Self, b: Self) -> Bool { a.bytes.elementsEqual(b.bytes) }

        func hash(into hasher: inout Hasher) { hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
    }

    /// Adds to `sizes` what table `stage` brings to each entry of `run` (`prepare`).
    private static func addEstimates<Table: PublishedResultTable>(
        of table: Table, participants: TextColumn.View, names: TextColumn.View, stage: Int, entries: [Entry],
        run: Range<Int>, to sizes: UnsafeMutableBufferPointer<Int>
    ) {
        var cells: [CellValue] = []
        for index in run {
            let position = entries[index].positions[stage]
            guard position >= 0 else {
                sizes[index] += 2
                continue
            }
            sizes[index] += 32 + table.cellsEstimate(Int(position), cells: &cells)
            if entries[index].first == stage {
                sizes[index] += participants[Int(position)].count + names[Int(position)].count
            }
        }
    }

    /// Every entry serialized once into one buffer, so that shards copy bytes rather than
    /// serialize again (a participant is in one number shard and in a name shard per word).
    struct Serialized: Sendable {
        var bytes: ByteWriter
        /// Entry `i` is bytes[offsets[i]..<offsets[i + 1]].
        var offsets: [Int]

        /// Its bytes and offsets in place, for as long as `body` runs.
        struct View {
            var bytes: UnsafeBufferPointer<UInt8>
            var offsets: UnsafeBufferPointer<Int>
        }
    }

    static func serialize(
        _ prepared: Prepared, range: Range<Int>, tables: [any PublishedResultTable], sources: EntrySources,
        previous: [[String: String]]
    ) -> Serialized {
        // Room for the entries' estimated bytes: the estimate leaves out the page numbers but
        // charges every entry its formation's position, which the entry never writes (that
        // is for the shard), so it is above what is written; the buffer is not grown.
        var out = ByteWriter(
            capacity: prepared.entries.isEmpty ? 0 : prepared.bytes / prepared.entries.count * range.count + 4096)
        var offsets = [Int]()
        offsets.reserveCapacity(range.count + 1)
        var cells: [CellValue] = []
        let tables = ownBoxes(tables)
        TextColumn.withViews(sources.participants, sources.names) { participants, names in
            for index in range {
                offsets.append(out.count)
                prepared.entries[index].write(
                    into: &out, tables: tables, sources: sources, participants: participants, names: names,
                    previous: previous, cells: &cells)
            }
        }
        offsets.append(out.count)
        return Serialized(bytes: out, offsets: offsets)
    }

    /// Writes the shards of one vacancy, with the page of every row; the work is split into
    /// `parts` tasks. The manifest is written apart, once the data files are.
    static func write(
        _ prepared: Prepared, vacancy: String, tables: [any PublishedResultTable], pageOf: [ResultStage: [Int32]],
        versions: [ResultStage: ResultVersions] = [:], cutoffs: [ResultStage: [Int: CellValue]] = [:],
        to staging: StagingFolder, parts: Int = 2
    ) async throws {
        let sources = EntrySources(
            tables: tables, pages: tables.map { pageOf[$0.stage] ?? [] }, cutoffs: cutoffs,
            codes: prepared.formations.codes)
        let changes = tables.map { table in (versions[table.stage]?.statusChanges ?? [:]).mapValues(\.before) }
        let previous = changes.contains { !$0.isEmpty } ? changes : []
        let count = prepared.entries.count
        let chunk = max(1, (count + parts - 1) / parts)
        let pieces = await withTaskGroup(of: (Int, Serialized).self) { group in
            for part in 0..<parts where part * chunk < count {
                group.addTask {
                    (
                        part,
                        serialize(
                            prepared, range: part * chunk..<min(count, (part + 1) * chunk), tables: tables,
                            sources: sources, previous: previous)
                    )
                }
            }
            var pieces: [(Int, Serialized)] = []
            for await piece in group { pieces.append(piece) }
            return pieces.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let shards =
            prepared.numberShards.enumerated().map { ("n\($0.offset)", $0.element) }
            + prepared.nameShards.enumerated().map { ("a\($0.offset)", $0.element) }
        // Each task takes the next shard not yet taken: dealt out in turn, one task was left
        // writing its last shards alone at the end of the million-row build (perf).
        let next = Turns(shards.count)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<parts {
                group.addTask {
                    // Per formation, the last shard that named its position.
                    var named = [Int](repeating: -1, count: prepared.formations.pairs.count)
                    try withViews(pieces[...]) { views in
                        for shard in next {
                            try writeShard(
                                shard, shards[shard], views: views, chunk: chunk, prepared: prepared, named: &named,
                                vacancy: vacancy, staging: staging)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// `body` with each piece's bytes and offsets in place: a shard copies its members' bytes
    /// straight from them (a piece taken from the array for each of three million members
    /// was retained and released each time; perf).
    private static func withViews<Result>(
        _ pieces: ArraySlice<Serialized>, _ body: ([Serialized.View]) throws -> Result
    ) rethrows -> Result {
        try withEach(
            pieces,
            opening: { piece, view in
                try piece.bytes.withBytes { bytes in
                    try piece.offsets.withUnsafeBufferPointer { try view(Serialized.View(bytes: bytes, offsets: $0)) }
                }
            }, body)
    }

    /// The manifest: shard counts and name keys, each table's stage, folder, columns and
    /// source (announcement number, date, data file and its SHA-256, from `ledger`: written
    /// after the data files), `texts` (the answer's words per language), the passing marks,
    /// the stages still to come and the positions.
    static func writeManifest(
        _ prepared: Prepared, vacancy: String, tables: [any PublishedResultTable], stageLabels: [String],
        rules: ScoringRules?, texts: String, ledger: Ledger, to staging: StagingFolder
    ) throws {
        let sources = tables.map { table in
            let file = Route.resultData(vacancy, table.stage, "csv")
            return "{\"number\":\(table.entry.number.map(JSONText.quote) ?? "null"),"
                + "\"published\":\(JSONText.quote(table.entry.published.date.description)),"
                + "\"file\":\(JSONText.quote(file)),\"sha256\":\(JSONText.quote(ledger.entry(file)?.sha256 ?? ""))}"
        }
        let manifest =
            "TerbukaLookup.manifest({\"vacancy\":\(JSONText.quote(vacancy)),\"numberShards\":\(prepared.numberShards.count),"
            + "\"stages\":[\(stageLabels.map(JSONText.quote).joined(separator: ","))],"
            + "\"pages\":[\(tables.map { JSONText.quote(String(Route.resultFolder(vacancy, $0.stage).dropFirst(Route.vacancyFolder(vacancy).count))) }.joined(separator: ","))],"
            + "\"names\":[\(prepared.nameKeys.joined(separator: ","))],"
            + "\"columns\":[\(tables.map { "[" + $0.columns.map { JSONText.quote($0.id) }.joined(separator: ",") + "]" }.joined(separator: ","))],"
            + "\"marks\":{\(marks(tables, rules))},"
            + "\"tables\":[\(sources.joined(separator: ","))],\(texts),"
            + "\"continuing\":[\"MS\",\"P/L\"]});\n"
        try staging.write(.text(Route.lookupScript(vacancy, "manifest"), manifest))
    }

    /// `"kind":{"twk":65,…}`: the passing marks of each formation kind of the SKD table.
    static func marks(_ tables: [any PublishedResultTable], _ rules: ScoringRules?) -> String {
        guard let rules, let skd = tables.first(where: { $0.stage == .skd }) else { return "" }
        var seen: Set<String> = []
        var pairs: [String] = []
        for group in skd.groups where seen.insert(group.formation.kind).inserted {
            let marks = rules.passing[group.formation.kind] ?? PassingMarks()
            pairs.append(
                JSONText.quote(group.formation.kind) + ":{"
                    + marks.listed.map { "\(JSONText.quote($0.mark.rawValue)):\($0.minimum)" }.joined(separator: ",")
                    + "}")
        }
        return pairs.joined(separator: ",")
    }

    /// One shard: its members' entries, then the position of each of their formations, in
    /// the order the members first bring them. `named` is kept from shard to shard, so that
    /// finding a formation already named costs no clearing: `shard` is unique to this one.
    private static func writeShard(
        _ shard: Int, _ nameAndMembers: (String, [Int32]), views: [Serialized.View], chunk: Int,
        prepared: Prepared, named: inout [Int], vacancy: String, staging: StagingFolder
    ) throws {
        let (name, members) = nameAndMembers
        var out = ByteWriter(capacity: shardBudget + shardBudget / 2)
        out.raw("TerbukaLookup.receive(")
        out.json(name)
        out.raw(",[")
        // Members lie anywhere in the entries: the bytes of the ones a few ahead (and their
        // `Entry`, whose formation the end of the shard reads) are asked into the caches while
        // this one is copied, their offsets further ahead still; else each waited for memory
        // (perf).
        func prefetchOffset(_ member: Int32) {
            let view = views[Int(member) / chunk]
            prefetch(view.offsets.baseAddress! + Int(member) % chunk)
        }
        func prefetchBytes(_ member: Int32) {
            let view = views[Int(member) / chunk]
            let local = Int(member) % chunk
            let (start, end) = (view.offsets[local], view.offsets[local + 1])
            // Every cache line the entry spans: one each 64 bytes from its first, and its last.
            for byte in stride(from: start, to: end, by: 64) { prefetch(view.bytes.baseAddress! + byte) }
            prefetch(view.bytes.baseAddress! + end - 1)
            prepared.entries.withUnsafeBufferPointer { prefetch($0.baseAddress! + Int(member)) }
        }
        let ahead = 16
        for member in members.prefix(2 * ahead) { prefetchOffset(member) }
        for member in members.prefix(ahead) { prefetchBytes(member) }
        for (offset, member) in members.enumerated() {
            if offset + 2 * ahead < members.count { prefetchOffset(members[offset + 2 * ahead]) }
            if offset + ahead < members.count { prefetchBytes(members[offset + ahead]) }
            let index = Int(member)
            out.raw(offset == 0 ? "\n" : ",\n")
            let view = views[index / chunk]
            let local = index % chunk
            out.append(UnsafeBufferPointer(rebasing: view.bytes[view.offsets[local]..<view.offsets[local + 1]]))
        }
        out.raw("\n],{")
        var first = true
        for member in members {
            let formation = Int(prepared.entries[Int(member)].formation)
            guard named[formation] != shard else { continue }
            named[formation] = shard
            if !first { out.raw(",") }
            out.append(prepared.formations.pairs[formation])
            first = false
        }
        out.raw("});\n")
        try staging.write(OutputFile(path: Route.lookupScript(vacancy, name), contents: .bytes(out.takeData())))
    }
}

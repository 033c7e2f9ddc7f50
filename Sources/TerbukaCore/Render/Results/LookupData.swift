import Foundation

/// Data for the participant lookup that works from disk (file://): plain scripts loaded
/// by `<script>` tags, never `fetch`. Participants are sharded by a hash of their number
/// and by the first letters of each word of their name, so that one lookup loads the
/// manifest and a single shard, at most about 200 KB.
enum LookupData {
    /// Bytes of one shard; with the manifest and the script a lookup stays under 200 KB.
    static let shardBudget = 100_000
    static let minimumNameLetters = 3

    struct Entry {
        var number: String
        var name: String
        var formation: String
        /// Position of this participant in each table, -1 where absent.
        var positions: [Int32]

        /// `previous`: per table, participant → the status an earlier version gave, for those
        /// whose status a newer version changed.
        func write(
            into out: inout ByteWriter, tables: [any PublishedResultTable], pages: [[Int32]],
            previous: [[String: String]]
        ) {
            out.raw("[")
            out.json(number)
            out.raw(",")
            out.json(name)
            out.raw(",")
            out.json(formation)
            out.raw(",[")
            for (index, position) in positions.enumerated() {
                if index > 0 { out.raw(",") }
                if position < 0 {
                    out.raw("\"\"")
                } else {
                    out.json(tables[index].status(Int(position))?.code ?? "–")
                }
            }
            out.raw("],[")
            for (index, position) in positions.enumerated() {
                if index > 0 { out.raw(",") }
                out.integer(position < 0 || Int(position) >= pages[index].count ? -1 : Int(pages[index][Int(position)]))
            }
            out.raw("]")
            // A fifth list only for a participant whose status a correction changed; `previous`
            // is empty when no table has versions, so the million-row case looks nothing up.
            let changed = previous.map { $0[number] ?? "" }
            if !previous.isEmpty, changed.contains(where: { !$0.isEmpty }) {
                out.raw(",[")
                for (index, code) in changed.enumerated() {
                    if index > 0 { out.raw(",") }
                    out.json(code)
                }
                out.raw("]")
            }
            out.raw("]")
        }
    }

    /// FNV-1a over the UTF-8 bytes; `assets/lookup.js` computes the same.
    static func hash(_ text: String) -> UInt32 {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        return value
    }

    /// Words are indexed by at most this many letters: no name has longer words, and the
    /// prefix keys are made one letter at a time (a 100,000-letter word went 100,000 calls
    /// deep and overflowed the stack).
    static let maximumNameLetters = 48

    /// Lower-case letter words of a name, at least `minimumNameLetters` long, each cut to
    /// `maximumNameLetters`.
    static func words(_ name: String) -> [String] {
        // ASCII names (most) are split byte by byte; others by Unicode letters.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var result: [String] = []
            var word: [UInt8] = []
            func flush() {
                if word.count >= minimumNameLetters {
                    let text = String(decoding: word.prefix(maximumNameLetters), as: UTF8.self)
                    if !result.contains(text) { result.append(text) }
                }
                word.removeAll(keepingCapacity: true)
            }
            for byte in name.utf8 {
                switch byte {
                case 0x41...0x5A: word.append(byte + 0x20)
                case 0x61...0x7A: word.append(byte)
                default: flush()
                }
            }
            flush()
            return result
        }
        var result: [String] = []
        for word in name.lowercased().unicodeScalars.split(whereSeparator: { !$0.properties.isAlphabetic })
        where word.count >= minimumNameLetters {
            let text = String(String.UnicodeScalarView(word.prefix(maximumNameLetters)))
            if !result.contains(text) { result.append(text) }
        }
        return result
    }

    /// Everything but the page numbers, which are known only once the pages are written:
    /// built while they are.
    struct Prepared: Sendable {
        var entries: [Entry]
        var numberShards: [[Int]]
        /// Name-word prefix keys and the shard each is in; the shards' members.
        var nameKeys: [String]
        var nameShards: [[Int]]
    }

    static func prepare(tables: [any PublishedResultTable]) -> Prepared {
        var entries: [Entry] = []
        var indexOf: [String: Int] = [:]
        for (stageIndex, table) in tables.enumerated() {
            entries.reserveCapacity(max(entries.count, table.count))
            for position in 0..<table.count {
                // With one table every row is a new participant; no need to look them up.
                let number = table.participant(position)
                if tables.count > 1, let existing = indexOf[number] {
                    entries[existing].positions[stageIndex] = Int32(position)
                    continue
                }
                if tables.count > 1 { indexOf[number] = entries.count }
                var positions = [Int32](repeating: -1, count: tables.count)
                positions[stageIndex] = Int32(position)
                entries.append(
                    Entry(
                        number: number, name: table.name(position), formation: table.formation(position),
                        positions: positions))
            }
        }
        // Sizes are estimated without page numbers (a few bytes each).
        let sizes = entries.map {
            $0.number.utf8.count + $0.name.utf8.count + $0.formation.utf8.count + 12 * tables.count + 16
        }
        let total = sizes.reduce(0, +)
        let numberShardCount = max(1, (total + shardBudget - 1) / shardBudget)
        var byNumber = [[Int]](repeating: [], count: numberShardCount)
        for (index, entry) in entries.enumerated() {
            byNumber[Int(hash(entry.number) % UInt32(numberShardCount))].append(index)
        }

        var byWord: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for word in words(entry.name) { byWord[word, default: []].append(index) }
        }
        // Prefixes of name words, split further where one prefix alone is over budget, down to
        // whole words. A word too common for one shard (MUHAMMAD in a national table) keeps
        // the rows that fit and is marked truncated; the manifest gives each key's count, so
        // that the lookup searches by the rarest word typed.
        var groups: [(key: String, members: [Int], size: Int, count: Int, truncated: Bool)] = []
        func members(_ words: [String]) -> [Int] {
            if words.count == 1 { return byWord[words[0]]! }
            var result: [Int] = []
            var seen: Set<Int> = []
            for word in words { for index in byWord[word]! where seen.insert(index).inserted { result.append(index) } }
            return result
        }
        func add(_ key: String, _ group: [Int]) {
            var kept = group
            var size = 0
            for (offset, index) in group.enumerated() {
                if size + sizes[index] > shardBudget {
                    kept = Array(group[..<offset])
                    break
                }
                size += sizes[index]
            }
            groups.append((key, kept, size, group.count, kept.count < group.count))
        }
        func place(_ prefix: String, _ words: [String]) {
            let group = members(words)
            let size = group.reduce(0) { $0 + sizes[$1] }
            let longer = Dictionary(grouping: words.filter { $0.count > prefix.count }) {
                String($0.prefix(prefix.count + 1))
            }
            guard size > shardBudget, !longer.isEmpty else {
                add(longer.isEmpty && words.count == 1 ? prefix + "$" : prefix, group)
                return
            }
            let exact = words.filter { $0.count == prefix.count }
            if !exact.isEmpty { add(prefix + "$", members(exact)) }
            for key in longer.keys.sorted() { place(key, longer[key]!) }
        }
        let byFirstLetters = Dictionary(grouping: byWord.keys) { String($0.prefix(minimumNameLetters)) }
        for key in byFirstLetters.keys.sorted() { place(key, byFirstLetters[key]!.sorted()) }
        // Small neighbouring groups share a shard, up to the budget.
        var nameKeys: [String] = []
        var nameShards: [[Int]] = [[]]
        var present: Set<Int> = []
        var shardSize = 0
        for group in groups {
            if !nameShards[nameShards.count - 1].isEmpty, shardSize + group.size > shardBudget {
                nameShards.append([])
                present = []
                shardSize = 0
            }
            for member in group.members where present.insert(member).inserted {
                nameShards[nameShards.count - 1].append(member)
            }
            shardSize += group.size
            nameKeys.append(
                "[\(JSONText.quote(group.key)),\(nameShards.count - 1),\(group.count),\(group.truncated ? 1 : 0)]")
        }
        return Prepared(entries: entries, numberShards: byNumber, nameKeys: nameKeys, nameShards: nameShards)
    }

    /// Every entry serialized once into one buffer, so that shards copy bytes rather than
    /// serialize again (a participant is in one number shard and in a name shard per word).
    struct Serialized: Sendable {
        var bytes: [UInt8]
        /// Entry `i` is bytes[offsets[i]..<offsets[i + 1]].
        var offsets: [Int]
    }

    static func serialize(
        _ prepared: Prepared, range: Range<Int>, tables: [any PublishedResultTable], pages: [[Int32]],
        previous: [[String: String]]
    ) -> Serialized {
        var out = ByteWriter(capacity: range.count * 72)
        var offsets = [Int]()
        offsets.reserveCapacity(range.count + 1)
        for index in range {
            offsets.append(out.bytes.count)
            prepared.entries[index].write(into: &out, tables: tables, pages: pages, previous: previous)
        }
        offsets.append(out.bytes.count)
        return Serialized(bytes: out.bytes, offsets: offsets)
    }

    /// Writes the manifest and the shards of one vacancy, with the page of every row; the
    /// work is split into `parts` tasks.
    static func write(
        _ prepared: Prepared, vacancy: String, tables: [any PublishedResultTable], pageOf: [ResultStage: [Int32]],
        stageLabels: [String], versions: [ResultStage: ResultVersions] = [:], to staging: StagingFolder,
        parts: Int = 2
    ) async throws {
        let pages = tables.map { pageOf[$0.stage] ?? [] }
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
                            pages: pages,
                            previous: previous)
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
        try await withThrowingTaskGroup(of: Void.self) { group in
            for part in 0..<parts {
                group.addTask {
                    for (name, members) in stride(from: part, to: shards.count, by: parts).map({ shards[$0] }) {
                        try writeShard(
                            name, members: members, pieces: pieces, chunk: chunk, vacancy: vacancy, staging: staging)
                    }
                }
            }
            try await group.waitForAll()
        }
        let manifest =
            "TerbukaLookup.manifest({\"vacancy\":\(JSONText.quote(vacancy)),\"numberShards\":\(prepared.numberShards.count),"
            + "\"stages\":[\(stageLabels.map(JSONText.quote).joined(separator: ","))],"
            + "\"pages\":[\(tables.map { JSONText.quote(String(Route.resultFolder(vacancy, $0.stage).dropFirst(Route.vacancyFolder(vacancy).count))) }.joined(separator: ","))],"
            + "\"names\":[\(prepared.nameKeys.joined(separator: ","))],"
            + "\"positions\":{\(positions(tables))}});\n"
        try staging.write(.text(Route.lookupScript(vacancy, "manifest"), manifest))
    }

    /// `"code":"position"` for every formation with rows: the answer names the position.
    static func positions(_ tables: [any PublishedResultTable]) -> String {
        var seen: Set<String> = []
        var pairs: [String] = []
        for table in tables {
            for group in table.groups where seen.insert(group.formation.code).inserted {
                pairs.append(JSONText.quote(group.formation.code) + ":" + JSONText.quote(group.formation.position))
            }
        }
        return pairs.joined(separator: ",")
    }

    private static func writeShard(
        _ name: String, members: [Int], pieces: [Serialized], chunk: Int, vacancy: String,
        staging: StagingFolder
    ) throws {
        var out = ByteWriter(capacity: shardBudget + shardBudget / 2)
        out.raw("TerbukaLookup.receive(")
        out.json(name)
        out.raw(",[")
        for (offset, index) in members.enumerated() {
            out.raw(offset == 0 ? "\n" : ",\n")
            let piece = pieces[index / chunk]
            let local = index % chunk
            out.bytes.append(contentsOf: piece.bytes[piece.offsets[local]..<piece.offsets[local + 1]])
        }
        out.raw("\n]);\n")
        try staging.write(OutputFile(path: Route.lookupScript(vacancy, name), contents: .bytes(Data(out.bytes))))
    }
}

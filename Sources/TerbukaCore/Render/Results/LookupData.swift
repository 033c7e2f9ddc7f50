/// Data for the participant lookup that works from disk (file://): plain scripts loaded
/// by `<script>` tags, never `fetch`. Participants are sharded by a hash of their number
/// and by the first letters of each word of their name, so that one lookup loads the
/// manifest and a single shard, at most about 200 KB.
enum LookupData {
    static let shardBudget = 120_000
    static let minimumNameLetters = 3
    static let maximumPrefix = 8

    static func folder(_ vacancy: String) -> String { "data/\(vacancy)/cari" }

    struct Entry {
        var number: String
        var name: String
        var formation: String
        var statuses: [String]
        var pages: [Int32]

        var json: String {
            "[" + JSONText.quote(number) + "," + JSONText.quote(name) + "," + JSONText.quote(formation) + ",["
                + statuses.map(JSONText.quote).joined(separator: ",") + "],[" + pages.map(String.init).joined(separator: ",") + "]]"
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

    /// Lower-case letter words of a name, at least `minimumNameLetters` long.
    static func words(_ name: String) -> [String] {
        // ASCII names (most) are split byte by byte; others by Unicode letters.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var result: [String] = []
            var word: [UInt8] = []
            func flush() {
                if word.count >= minimumNameLetters {
                    let text = String(decoding: word, as: UTF8.self)
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
        for word in name.lowercased().unicodeScalars.split(whereSeparator: { !$0.properties.isAlphabetic }) where word.count >= minimumNameLetters {
            let text = String(String.UnicodeScalarView(word))
            if !result.contains(text) { result.append(text) }
        }
        return result
    }

    /// Everything but the page numbers, which are known only once the pages are written:
    /// built while they are.
    struct Prepared: Sendable {
        var entries: [Entry]
        /// Per table, for each of its positions, the entry it belongs to.
        var entryOf: [[Int32]]
        var numberShards: [[Int]]
        /// Name-word prefix keys and the shard each is in; the shards' members.
        var nameKeys: [String]
        var nameShards: [[Int]]
    }

    static func prepare(tables: [any PublishedResultTable]) -> Prepared {
        var entries: [Entry] = []
        var indexOf: [String: Int] = [:]
        var entryOf: [[Int32]] = []
        for (stageIndex, table) in tables.enumerated() {
            var positions = [Int32](repeating: 0, count: table.count)
            for position in 0..<table.count {
                let number = table.participant(position)
                let index: Int
                if let existing = indexOf[number] {
                    index = existing
                } else {
                    index = entries.count
                    indexOf[number] = index
                    entries.append(Entry(number: number, name: table.name(position), formation: table.formation(position),
                                         statuses: Array(repeating: "", count: tables.count), pages: Array(repeating: -1, count: tables.count)))
                }
                entries[index].statuses[stageIndex] = table.status(position).isEmpty ? "–" : table.status(position)
                positions[position] = Int32(index)
            }
            entryOf.append(positions)
        }
        // Sizes are estimated without page numbers (a few bytes each).
        let sizes = entries.map { $0.number.utf8.count + $0.name.utf8.count + $0.formation.utf8.count + 12 * $0.statuses.count + 16 }
        let total = sizes.reduce(0, +)
        let numberShardCount = max(1, (total + shardBudget - 1) / shardBudget)
        var byNumber = [[Int]](repeating: [], count: numberShardCount)
        for (index, entry) in entries.enumerated() { byNumber[Int(hash(entry.number) % UInt32(numberShardCount))].append(index) }

        var byWord: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for word in words(entry.name) { byWord[word, default: []].append(index) }
        }
        // Prefixes of name words, split further where one prefix alone is over budget.
        var groups: [(key: String, members: [Int], size: Int)] = []
        func members(_ words: [String]) -> [Int] {
            if words.count == 1 { return byWord[words[0]]! }
            var result: [Int] = []
            var seen: Set<Int> = []
            for word in words { for index in byWord[word]! where seen.insert(index).inserted { result.append(index) } }
            return result
        }
        func place(_ prefix: String, _ words: [String]) {
            let group = members(words)
            let size = group.reduce(0) { $0 + sizes[$1] }
            if size > shardBudget, prefix.count < maximumPrefix {
                let longer = Dictionary(grouping: words.filter { $0.count > prefix.count }) { String($0.prefix(prefix.count + 1)) }
                let exact = words.filter { $0.count == prefix.count }
                if !exact.isEmpty {
                    let exactMembers = members(exact)
                    groups.append((prefix + "$", exactMembers, exactMembers.reduce(0) { $0 + sizes[$1] }))
                }
                for key in longer.keys.sorted() { place(key, longer[key]!) }
                return
            }
            groups.append((prefix, group, size))
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
            for member in group.members where present.insert(member).inserted { nameShards[nameShards.count - 1].append(member) }
            shardSize += group.size
            nameKeys.append("[\(JSONText.quote(group.key)),\(nameShards.count - 1)]")
        }
        return Prepared(entries: entries, entryOf: entryOf, numberShards: byNumber, nameKeys: nameKeys, nameShards: nameShards)
    }

    /// Writes the manifest and the shards of one vacancy, with the page of every row.
    static func write(_ prepared: Prepared, vacancy: String, tables: [any PublishedResultTable], pageOf: [ResultStage: [Int32]],
                      stageLabels: [String], to staging: StagingFolder) throws {
        var entries = prepared.entries
        for (stageIndex, table) in tables.enumerated() {
            guard let pages = pageOf[table.stage] else { continue }
            for (position, entry) in prepared.entryOf[stageIndex].enumerated() where position < pages.count {
                entries[Int(entry)].pages[stageIndex] = pages[position]
            }
        }
        let texts = entries.map(\.json)
        let folder = folder(vacancy)
        for (shard, members) in prepared.numberShards.enumerated() {
            try writeShard("n\(shard)", members: members, texts: texts, folder: folder, staging: staging)
        }
        for (shard, members) in prepared.nameShards.enumerated() {
            try writeShard("a\(shard)", members: members, texts: texts, folder: folder, staging: staging)
        }
        let manifest = "TerbukaLookup.manifest({\"vacancy\":\(JSONText.quote(vacancy)),\"numberShards\":\(prepared.numberShards.count),"
            + "\"stages\":[\(stageLabels.map(JSONText.quote).joined(separator: ","))],"
            + "\"pages\":[\(tables.map { JSONText.quote("hasil/\($0.stage.rawValue)/") }.joined(separator: ","))],"
            + "\"names\":[\(prepared.nameKeys.joined(separator: ","))]});\n"
        try staging.write(.text("\(folder)/manifest.js", manifest))
    }

    private static func writeShard(_ name: String, members: [Int], texts: [String], folder: String, staging: StagingFolder) throws {
        let file = try staging.open("\(folder)/\(name).js")
        try file.append("TerbukaLookup.receive(\(JSONText.quote(name)),[")
        for (offset, index) in members.enumerated() {
            try file.append((offset == 0 ? "\n" : ",\n") + texts[index])
        }
        try file.append("\n]);\n")
        try file.close()
    }
}

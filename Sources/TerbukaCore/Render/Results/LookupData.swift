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
    static func words(_ name: String) -> Set<String> {
        Set(name.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= minimumNameLetters })
    }

    /// Writes the manifest and the shards of one vacancy.
    static func write(vacancy: String, tables: [any PublishedResultTable], pageOf: [ResultStage: [Int32]], stageLabels: [String],
                      to staging: StagingFolder) throws {
        var entries: [Entry] = []
        var indexOf: [String: Int] = [:]
        for (stageIndex, table) in tables.enumerated() {
            let pages = pageOf[table.stage] ?? []
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
                entries[index].pages[stageIndex] = position < pages.count ? pages[position] : 0
            }
        }
        let folder = folder(vacancy)
        let texts = entries.map(\.json)
        let total = texts.reduce(0) { $0 + $1.utf8.count + 1 }
        let numberShards = max(1, (total + shardBudget - 1) / shardBudget)
        var byNumber = [[Int]](repeating: [], count: numberShards)
        for (index, entry) in entries.enumerated() { byNumber[Int(hash(entry.number) % UInt32(numberShards))].append(index) }
        for (shard, members) in byNumber.enumerated() {
            try writeShard("n\(shard)", members: members, texts: texts, folder: folder, staging: staging)
        }

        var byWord: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for word in words(entry.name) { byWord[word, default: []].append(index) }
        }
        // Prefixes of name words, split further where one prefix alone is over budget.
        var groups: [(key: String, members: [Int], size: Int)] = []
        func members(_ words: [String]) -> [Int] {
            var result: [Int] = []
            var seen: Set<Int> = []
            for word in words { for index in byWord[word]! where seen.insert(index).inserted { result.append(index) } }
            return result
        }
        func place(_ prefix: String, _ words: [String]) {
            let group = members(words)
            let size = group.reduce(0) { $0 + texts[$1].utf8.count + 1 }
            if size > shardBudget, prefix.count < maximumPrefix {
                let longer = Dictionary(grouping: words.filter { $0.count > prefix.count }) { String($0.prefix(prefix.count + 1)) }
                let exact = words.filter { $0.count == prefix.count }
                if !exact.isEmpty {
                    let exactMembers = members(exact)
                    groups.append((prefix + "$", exactMembers, exactMembers.reduce(0) { $0 + texts[$1].utf8.count + 1 }))
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
        var shard: [Int] = []
        var shardSize = 0
        var shardNumber = 0
        for group in groups {
            if !shard.isEmpty, shardSize + group.size > shardBudget {
                try writeShard("a\(shardNumber)", members: shard, texts: texts, folder: folder, staging: staging)
                shardNumber += 1
                shard = []
                shardSize = 0
            }
            let present = Set(shard)
            shard += group.members.filter { !present.contains($0) }
            shardSize += group.size
            nameKeys.append("[\(JSONText.quote(group.key)),\(shardNumber)]")
        }
        if !shard.isEmpty || shardNumber == 0 {
            try writeShard("a\(shardNumber)", members: shard, texts: texts, folder: folder, staging: staging)
        }

        let manifest = "TerbukaLookup.manifest({\"vacancy\":\(JSONText.quote(vacancy)),\"numberShards\":\(numberShards),"
            + "\"stages\":[\(stageLabels.map(JSONText.quote).joined(separator: ","))],"
            + "\"pages\":[\(tables.map { JSONText.quote("hasil/\($0.stage.rawValue)/") }.joined(separator: ","))],"
            + "\"names\":[\(nameKeys.joined(separator: ","))]});\n"
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

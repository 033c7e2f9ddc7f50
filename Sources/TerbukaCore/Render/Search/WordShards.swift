/// Entries sharded by the first letters of their words, for searches that work from disk:
/// the participant lookup (names) and the site search (titles). A search loads a small list
/// of keys, picks the key of the rarest word typed, and loads the one shard that holds it.
struct WordShards: Sendable {
    struct Key: Sendable {
        /// A prefix of words, or a whole word followed by `$`.
        var key: String
        var shard: Int
        /// Entries with a word under this key.
        var count: Int
        /// Too many for one shard: the shard holds the first that fit.
        var truncated: Bool

        /// `["key",shard,count,0|1]`
        var json: String {
            "[\(JSONText.quote(key)),\(shard),\(count),\(truncated ? 1 : 0)]"
        }
    }

    var keys: [Key] = []
    /// The entries of each shard, each once, group by group (32-bit indices: a million
    /// participants' memberships are millions of them).
    var shards: [[Int32]] = [[]]

    /// `words(i)` are entry i's distinct words (at least `minimumLetters` long), asked once
    /// per entry and not kept (a million participants' words would take 100 MB), `sizes[i]`
    /// its bytes in a shard. Words are grouped by their first `minimumLetters` letters, and a
    /// group over `budget` is split by one more letter, down to whole words. A word too
    /// common for one shard keeps the entries that fit, first first, and is marked
    /// truncated; the keys give each one's count, so that a search uses the rarest word
    /// typed. Small neighbouring groups share a shard, up to the budget.
    ///
    /// `words` must be a pure function, safe to ask from several threads at once: a long
    /// list's words are gathered on every core, in runs of entries joined in their order (so
    /// that each word's entries stay in the entries' order whatever the scheduling).
    init(
        words: (Int) -> [String], sizes: [Int], budget: Int, minimumLetters: Int,
        parallelFrom: Int = Parallel.parallelFrom
    ) {
        var gathered = Parallel.runs(sizes.count, parallelFrom: parallelFrom) { run in
            var byWord: [String: [Int32]] = [:]
            for index in run {
                for word in words(index) { byWord[word, default: []].append(Int32(index)) }
            }
            return byWord
        }
        var byWord = gathered[0]
        gathered[0] = [:]
        for run in gathered.indices.dropFirst() {
            for (word, entries) in gathered[run] { byWord[word, default: []] += entries }
            gathered[run] = [:]
        }
        var groups: [(key: String, members: [Int32], count: Int, truncated: Bool)] = []
        func members(_ words: [String]) -> [Int32] {
            if words.count == 1 { return byWord[words[0]]! }
            var result: [Int32] = []
            var seen: Set<Int32> = []
            for word in words { for index in byWord[word]! where seen.insert(index).inserted { result.append(index) } }
            return result
        }
        func add(_ key: String, _ group: [Int32]) {
            var kept = group
            var size = 0
            for (offset, index) in group.enumerated() {
                if size + sizes[Int(index)] > budget {
                    kept = Array(group[..<offset])
                    break
                }
                size += sizes[Int(index)]
            }
            groups.append((key, kept, group.count, kept.count < group.count))
        }
        // Lengths and prefixes in Unicode scalars, as the pages' scripts count code points.
        func length(_ word: String) -> Int { word.unicodeScalars.count }
        func prefix(_ word: String, _ count: Int) -> String {
            String(String.UnicodeScalarView(word.unicodeScalars.prefix(count)))
        }
        func place(_ stem: String, _ words: [String]) {
            let group = members(words)
            let size = group.reduce(0) { $0 + sizes[Int($1)] }
            let stemLength = length(stem)
            let longer = Dictionary(grouping: words.filter { length($0) > stemLength }) { prefix($0, stemLength + 1) }
            guard size > budget, !longer.isEmpty else {
                add(longer.isEmpty && words.count == 1 ? stem + "$" : stem, group)
                return
            }
            let exact = words.filter { length($0) == stemLength }
            if !exact.isEmpty { add(stem + "$", members(exact)) }
            for key in longer.keys.sorted() { place(key, longer[key]!) }
        }
        let byFirstLetters = Dictionary(grouping: byWord.keys) { prefix($0, minimumLetters) }
        for key in byFirstLetters.keys.sorted() { place(key, byFirstLetters[key]!.sorted()) }
        var present: Set<Int32> = []
        var shardSize = 0
        for group in groups {
            // An entry already in the shard (by another of its words) costs nothing more.
            let added = group.members.reduce(0) { present.contains($1) ? $0 : $0 + sizes[Int($1)] }
            if !shards[shards.count - 1].isEmpty, shardSize + added > budget {
                shards.append([])
                present = []
                shardSize = 0
            }
            for member in group.members where present.insert(member).inserted {
                shards[shards.count - 1].append(member)
                shardSize += sizes[Int(member)]
            }
            keys.append(Key(key: group.key, shard: shards.count - 1, count: group.count, truncated: group.truncated))
        }
    }
}

/// Orders rows per formation (in formations.csv order) and within it by `before`.
enum Grouping {
    /// The `count` rows' indexes, by the index in `formations` of each row's formation
    /// (`formation`, asked by row index so that no row is copied), then by `before`.
    /// Counted into place, then each formation's rows sorted where they lie: no array per
    /// formation.
    static func order(
        count: Int, formations: [Formation], formation: (Int) -> Int32, before: (Int, Int) -> Bool
    ) -> (order: [Int32], ranges: [(Formation, Range<Int>)]) {
        var ends = [Int](repeating: 0, count: formations.count + 1)
        for index in 0..<count { ends[Int(formation(index)) + 1] += 1 }
        for index in formations.indices { ends[index + 1] += ends[index] }
        var next = ends
        var order = [Int32](repeating: 0, count: count)
        for index in 0..<count {
            let group = Int(formation(index))
            order[next[group]] = Int32(index)
            next[group] += 1
        }
        var ranges: [(Formation, Range<Int>)] = []
        for (index, item) in formations.enumerated() where ends[index] < ends[index + 1] {
            let range = ends[index]..<ends[index + 1]
            order[range].sort { before(Int($0), Int($1)) }
            ranges.append((item, range))
        }
        return (order, ranges)
    }

    /// Standard competition ranking (1, 2, 2, 4) of `sorted` positions whose keys compare
    /// with `same`; the first position of each tie holds the rank for the rest.
    static func competitionRanks(count: Int, same: (Int, Int) -> Bool) -> [Int] {
        var ranks = [Int](repeating: 0, count: count)
        for position in 0..<count {
            ranks[position] = position > 0 && same(position - 1, position) ? ranks[position - 1] : position + 1
        }
        return ranks
    }
}

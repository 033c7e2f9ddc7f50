/// Orders rows per formation (in formations.csv order) and within it by `before`.
enum Grouping {
    static func order<Row>(
        _ rows: [Row], formations: [Formation], formation: (Row) -> Int32,
        before: (Int, Int) -> Bool
    ) -> (order: [Int32], ranges: [(Formation, Range<Int>)]) {
        var byFormation = [[Int]](repeating: [], count: formations.count)
        for (index, row) in rows.enumerated() { byFormation[Int(formation(row))].append(index) }
        var order: [Int32] = []
        order.reserveCapacity(rows.count)
        var ranges: [(Formation, Range<Int>)] = []
        for (index, item) in formations.enumerated() where !byFormation[index].isEmpty {
            let start = order.count
            order.append(contentsOf: byFormation[index].sorted(by: before).map(Int32.init))
            ranges.append((item, start..<order.count))
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

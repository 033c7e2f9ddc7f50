/// Orders rows per formation (in formations.csv order) and within it by `before`.
enum Grouping {
    /// The `count` rows' indexes, by the index in `formations` of each row's formation
    /// (`formation`, asked by row index so that no row is copied), then by `before`.
    /// Counted into place, then each formation's rows sorted where they lie: no array per
    /// formation.
    static func order(
        count: Int, formations: [Formation], formation: (Int) -> Int32, before: (Int, Int) -> Bool,
        parallelFrom: Int = Parallel.parallelFrom
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
            ranges.append((item, ends[index]..<ends[index + 1]))
        }
        // Each formation's rows sorted where they lie; on a long table, runs of formations of
        // about the same number of rows on every core (each range is sorted by one thread, so
        // the order is the same whatever the scheduling).
        let runs = count < parallelFrom ? [0..<ranges.count] : runs(of: ranges.map(\.1), count: count)
        order.withUnsafeMutableBufferPointer { buffer in
            _ = Parallel.indices(runs.count) { run in
                for (_, range) in ranges[runs[run]] {
                    var slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
                    slice.sort { before(Int($0), Int($1)) }
                }
            }
        }
        return (order, ranges)
    }

    /// `rows` in `order` (`order[position]` is the index of the row at `position`, each
    /// index once). Each row is read in turn and written to its place, on every core from
    /// `Parallel.parallelFrom` rows: read in `order`, a million rows listed by participant
    /// number rather than by formation were a cache miss each (perf).
    static func inOrder<Row: Sendable>(_ rows: [Row], _ order: [Int32]) -> [Row] {
        precondition(order.count == rows.count)
        var positionOf = [Int32](repeating: -1, count: order.count)
        for (position, index) in order.enumerated() {
            // Each slot below is written once: an index twice would leave another unwritten.
            precondition(positionOf[Int(index)] < 0, "each index once")
            positionOf[Int(index)] = Int32(position)
        }
        return [Row](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            // Each run writes the slots of its own rows: no two threads touch the same one.
            _ = Parallel.runs(rows.count) { run in
                for index in run { (slots.baseAddress! + Int(positionOf[index])).initialize(to: rows[index]) }
            }
            initialized = rows.count
        }
    }

    /// `copy` (a row's name copied anew) for each row in turn, on every core from
    /// `parallelFrom` rows: the names then lie in memory in the table's order, as the pages,
    /// the downloads and the lookup read them. Read from a table listed by participant
    /// number, each row's name was a cache miss for each of them (perf: the name getter was
    /// 6 % of the million-row build's CPU; BENCHMARKS.md, fifteenth session).
    static func copyNamesInOrder<Row>(
        _ rows: inout [Row], parallelFrom: Int = Parallel.parallelFrom, _ copy: @Sendable (inout Row) -> Void
    ) {
        rows.withUnsafeMutableBufferPointer { rows in
            nonisolated(unsafe) let rows = rows
            // Each run copies its own rows' names: no two threads touch the same row.
            _ = Parallel.runs(rows.count, parallelFrom: parallelFrom) { run in
                for position in run { copy(&rows[position]) }
            }
        }
    }

    /// `ranges` (consecutive, covering `count` rows) cut into `Parallel.runCount` runs of
    /// about equal rows.
    private static func runs(of ranges: [Range<Int>], count: Int) -> [Range<Int>] {
        let wanted = Parallel.runCount
        var runs: [Range<Int>] = []
        var start = 0
        for index in ranges.indices where ranges[index].upperBound * wanted >= (runs.count + 1) * count {
            runs.append(start..<(index + 1))
            start = index + 1
        }
        if start < ranges.count { runs.append(start..<ranges.count) }
        return runs
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

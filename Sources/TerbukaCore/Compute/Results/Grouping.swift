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
        var (sorted, ends) = countedIntoPlace(
            count: count, formations: formations.count, formation, parallelFrom: parallelFrom)
        var ranges: [(Formation, Range<Int>)] = []
        for (index, item) in formations.enumerated() where ends[index] < ends[index + 1] {
            ranges.append((item, ends[index]..<ends[index + 1]))
        }
        // Each formation's rows sorted where they lie; on a long table, runs of formations of
        // about the same number of rows on every core (each range is sorted by one thread, so
        // the order is the same whatever the scheduling).
        let runs = runs(of: ranges, count: count, parallelFrom: parallelFrom)
        sorted.withUnsafeMutableBufferPointer { buffer in
            _ = Parallel.indices(runs.count) { run in
                for (_, range) in ranges[runs[run]] {
                    var slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
                    slice.sort { before(Int($0), Int($1)) }
                }
            }
        }
        return (sorted, ranges)
    }

    /// The `count` indices by `formation` (of `formations`), each formation's in index order
    /// (a counting sort), and where each formation's end: formation `f` holds
    /// `indices[ends[f]..<ends[f + 1]]`. From `parallelFrom` indices, counted and put in
    /// place in runs on every core, each run's indices after those of the runs before it:
    /// the same order (on one core, a million rows' formations were read twice in a stretch
    /// of one core; BENCHMARKS.md, sixteenth session).
    static func countedIntoPlace(
        count: Int, formations: Int, _ formation: (Int) -> Int32, parallelFrom: Int = Parallel.parallelFrom
    ) -> (indices: [Int32], ends: [Int]) {
        // One run per core: each keeps a count per formation.
        let runCount = count < parallelFrom ? 1 : Parallel.cores
        let length = max(1, (count + runCount - 1) / runCount)
        let runs = (0..<runCount).map { min(count, $0 * length)..<min(count, ($0 + 1) * length) }
        func counted(_ run: Range<Int>) -> [Int] {
            var counts = [Int](repeating: 0, count: formations)
            for index in run { counts[Int(formation(index))] += 1 }
            return counts
        }
        let counts = runCount == 1 ? [counted(runs[0])] : Parallel.indices(runCount) { counted(runs[$0]) }
        var ends = [Int](repeating: 0, count: formations + 1)
        for group in 0..<formations {
            ends[group + 1] = ends[group] + counts.reduce(0) { $0 + $1[group] }
        }
        // Where each run puts its first index of each formation.
        var starts: [[Int]] = []
        var start = Array(ends.dropLast())
        for run in 0..<runCount {
            starts.append(start)
            for group in 0..<formations { start[group] += counts[run][group] }
        }
        let indices = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            // Each run writes its own slots: the counts gave every run its own places.
            func place(_ run: Int) {
                var next = starts[run]
                for index in runs[run] {
                    let group = Int(formation(index))
                    (slots.baseAddress! + next[group]).initialize(to: Int32(index))
                    next[group] += 1
                }
            }
            if runCount == 1 { place(0) } else { _ = Parallel.indices(runCount) { place($0) } }
            initialized = count
        }
        return (indices, ends)
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

    /// The formations of `ranges` (consecutive, covering `count` rows), as `order` gives
    /// them, cut into `Parallel.runCount` runs of about equal rows; one run below
    /// `parallelFrom` rows.
    static func runs(
        of ranges: [(Formation, Range<Int>)], count: Int, parallelFrom: Int = Parallel.parallelFrom
    ) -> [Range<Int>] {
        guard count >= parallelFrom else { return [0..<ranges.count] }
        let wanted = Parallel.runCount
        var runs: [Range<Int>] = []
        var start = 0
        for index in ranges.indices where ranges[index].1.upperBound * wanted >= (runs.count + 1) * count {
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

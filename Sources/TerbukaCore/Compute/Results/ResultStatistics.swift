/// What the statistics page shows of a vacancy's results, decided here and only
/// formatted by Render: the counts per formation and the spread of SKD totals.
public struct ResultStatistics: Sendable {
    /// A count per formation, for one bar of the formations chart.
    public enum Measure: String, CaseIterable, Sendable {
        case participants, ms, tms
        case passedSKD = "passed_skd"
        case shortlisted, final
    }

    public struct Series: Sendable {
        public var measure: Measure
        /// By formation code; formations without rows in the table are absent.
        public var counts: [String: Int]
    }

    /// In chart order: the administration's counts, then SKD's, then the final ones.
    public var series: [Series]
    /// Formations with a count in the first series, most first (ties by code).
    public var formationsByCount: [Formation]
    public var skdHistogram: SKDHistogram?

    init(tables: [any PublishedResultTable], skd: SKDResults?, formations: [Formation], rules: ScoringRules) {
        var series: [Series] = []
        let hasAdministration = tables.contains { $0.stage == .administrasi }
        for table in tables {
            let groups = Dictionary(table.groups.map { ($0.formation.code, $0) }, uniquingKeysWith: { a, _ in a })
            switch table.stage {
            case .administrasi:
                series.append(Series(measure: .participants, counts: groups.mapValues(\.range.count)))
                series.append(Series(measure: .ms, counts: groups.mapValues(\.passed)))
                series.append(Series(measure: .tms, counts: groups.mapValues { $0.range.count - $0.passed }))
            case .skd:
                if !hasAdministration {
                    series.append(Series(measure: .participants, counts: groups.mapValues(\.range.count)))
                }
                series.append(Series(measure: .passedSKD, counts: groups.mapValues(\.passed)))
                series.append(Series(measure: .shortlisted, counts: groups.mapValues { $0.shortlisted ?? 0 }))
            case .akhir, .kompetensi:
                series.append(Series(measure: .final, counts: groups.mapValues(\.passed)))
            case .skb:
                break
            }
        }
        self.series = series
        let first = series.first?.counts ?? [:]
        formationsByCount = formations.filter { first[$0.code] != nil }
            .sorted { (first[$0.code] ?? 0, $1.code) > (first[$1.code] ?? 0, $0.code) }
        skdHistogram = skd.map { SKDHistogram($0, formations: formations, rules: rules) }
    }
}

/// SKD totals counted in 10-point bins, with the lowest passing total of each formation
/// kind the vacancy has.
public struct SKDHistogram: Sendable {
    public static let binWidth = 10
    /// Bins from 0; the last one also holds the maximum.
    public var counts: [Int]
    /// Participants with scores.
    public var scored: Int
    /// Lowest passing totals, ascending, each with the formation kinds it is for.
    public var marks: [(total: Int, kinds: [String])]

    init(_ skd: SKDResults, formations: [Formation], rules: ScoringRules) {
        let bins = SKDMark.total.maximum / Self.binWidth
        var counts = [Int](repeating: 0, count: bins)
        var scored = 0
        for position in 0..<skd.count {
            guard let total = skd.scores(position)?.total else { continue }
            counts[min(bins - 1, total / Self.binWidth)] += 1
            scored += 1
        }
        self.counts = counts
        self.scored = scored
        var byTotal: [Int: [String]] = [:]
        for kind in Set(formations.map(\.kind)).sorted() {
            guard let marks = rules.passing[kind] else { continue }
            byTotal[marks.lowestPassingTotal, default: []].append(kind)
        }
        self.marks = byTotal.keys.sorted().map { ($0, byTotal[$0]!) }
    }
}

/// SKD ranking (DOMAIN.md, "Who goes on to SKB"): per formation, those who reached the
/// passing marks of their formation kind first, then by total, TKP, TIU, TWK; P/L while
/// rank ≤ multiplier × quota (ties at the cut-off all go on), P for the others who
/// passed, TL for those who did not.
struct SKDResults: PublishedResultTable {
    let entry: ResultEntry
    /// The rows' numbers and names in published order, laid out at ranking: the table keeps
    /// what it publishes and what the later stages ask, by position, and no rows. (Its rows
    /// copied into published order were a second copy of a million rows, which held their
    /// 17-digit numbers and names, strings of their own, to the end of the build: without
    /// them, its peak memory went from 560 to 400 MiB; issue 16.)
    let texts: TableTexts
    /// Per position: the rank (0 for absentees) and the computed status.
    let ranks: [Int32]
    let statuses: [ResultStatus?]
    let groups: [FormationGroup]
    /// Per position: TWK, TIU and TKP packed 10 bits each (`packedScores`), `absent` for
    /// an absentee: the evaluation and the render ask for every row's scores, read from
    /// four bytes a row (from rows of a hundred, they were a cache miss each; perf).
    private let scoresInOrder: [UInt32]
    private static let absent = UInt32.max
    /// Per position: the index in `groups` of the row's formation.
    private let groupAt: [Int32]
    /// Per position: the index of its row in the table as read (4 bytes a row, as the ranks).
    /// The later stages look a participant's position up by the number the rows as read hold
    /// already (made anew from the column, a million numbers of 17 digits were a million
    /// strings more).
    let indexAsRead: [Int32]
    /// Per position: the year of an SKD score carried over from an earlier round; empty
    /// when no row has one.
    private let sourcesInOrder: [Int16?]
    /// Per position: the tie-breaks the final ranking may need (never published); empty
    /// when no row has any.
    private let tieBreaksInOrder: [PrivateTieBreaks]

    /// After whether the passing marks were reached, in this order.
    static let rankingKeys: [RankingKey] = [.skdTotal, .tkp, .tiu, .twk]

    var stage: ResultStage { .skd }
    var count: Int { ranks.count }
    /// Whether some score was carried over from an earlier round: the table then shows
    /// the year beside the total.
    var hasSources: Bool { !sourcesInOrder.isEmpty }

    var columns: [ResultColumn] {
        SKDMark.allCases.map { ResultColumn(id: $0.rawValue, type: .integer) }
            + [ResultColumn(id: "rank", type: .integer), ResultColumn(id: "status", type: .text)]
            + (hasSources ? [ResultColumn(id: "skd_source", type: .integer)] : [])
    }

    /// What a row failed, for messages.
    static func failures(_ scores: SKDScores, _ marks: PassingMarks) -> [Bilingual] {
        marks.shortfalls(scores).map { mark, score, minimum in
            .belowPassingMark(mark == .total ? nil : mark.label, score, minimum: minimum)
        }
    }

    /// The ranking keys of `scores`, packed so that a larger number ranks higher: 12 bits
    /// each (the largest score is 550), whether the marks were reached above them.
    static func packedKey(_ scores: SKDScores, passed: Bool) -> Int {
        rankingKeys.reduce(passed ? 1 : 0) { packed, key in
            let value =
                switch key {
                case .skdTotal: scores.total
                case .tkp: scores.tkp
                case .tiu: scores.tiu
                case .twk: scores.twk
                default: 0
                }
            return packed << 12 | value
        }
    }

    static let passedBit = 12 * rankingKeys.count

    /// Each score is at most 225 (SKDMark.maximum; the row parser refuses more): 10 bits
    /// hold it, and the result is never `absent`.
    static func packedScores(_ scores: SKDScores) -> UInt32 {
        assert([scores.twk, scores.tiu, scores.tkp].allSatisfy { (0..<1024).contains($0) })
        return UInt32(scores.twk) | UInt32(scores.tiu) << 10 | UInt32(scores.tkp) << 20
    }

    init(
        entry: ResultEntry, place: TablePlace, rows: [SKDRow], formations: [Formation], rules: ScoringRules,
        into diagnostics: inout Diagnostics
    ) {
        self.entry = entry
        let marksOf = formations.map { rules.passing[$0.kind]?.minimumsToMeet }
        var keys = [Int](repeating: -1, count: rows.count)
        var packed = [UInt32](repeating: Self.absent, count: rows.count)
        // By index, not by row: a copy of each row would retain and release its strings. A
        // long table's rows in runs on every core, each run writing its own indices, and
        // telling whether one of its rows has a year or tie-breaks.
        let found = keys.withUnsafeMutableBufferPointer { keyBuffer in
            packed.withUnsafeMutableBufferPointer { packedBuffer in
                Parallel.runs(rows.count) { run in
                    var (anySource, anyTieBreak) = (false, false)
                    for index in run {
                        anySource = anySource || rows[index].source != nil
                        anyTieBreak = anyTieBreak || !rows[index].identity.tieBreaks.isEmpty
                        guard let scores = rows[index].scores else { continue }
                        packedBuffer[index] = Self.packedScores(scores)
                        guard let marks = marksOf[Int(rows[index].identity.formationIndex)] else { continue }
                        keyBuffer[index] = Self.packedKey(scores, passed: marks.areMet(by: scores))
                    }
                    return (anySource: anySource, anyTieBreak: anyTieBreak)
                }
            }
        }
        let (order, ranges) = Grouping.order(
            count: rows.count, formations: formations, formation: { rows[$0].identity.formationIndex },
            before: { a, b in
                if keys[a] != keys[b] { return keys[a] > keys[b] }
                return rows[a].identity.participant < rows[b].identity.participant
            })
        texts = Self.texts(of: rows, in: order)
        indexAsRead = order
        scoresInOrder = order.map { packed[Int($0)] }
        sourcesInOrder = found.contains { $0.anySource } ? order.map { rows[Int($0)].source } : []
        tieBreaksInOrder = found.contains { $0.anyTieBreak } ? order.map { rows[Int($0)].identity.tieBreaks } : []
        var ranks = [Int32](repeating: 0, count: order.count)
        var statuses = [ResultStatus?](repeating: nil, count: order.count)
        // Formations are ranked apart: a long table's in runs of about equal rows on every
        // core, each writing its own positions (on one, a million rows' ranks and statuses were
        // a stretch of one core; BENCHMARKS.md, sixteenth session). Groups and differences are
        // joined in the runs' order: as one loop over the formations gives them.
        let runs = Grouping.runs(of: ranges, count: rows.count)
        let parts = ranks.withUnsafeMutableBufferPointer { ranks in
            statuses.withUnsafeMutableBufferPointer { statuses in
                nonisolated(unsafe) let (ranks, statuses) = (ranks, statuses)
                return Parallel.indices(runs.count) { run in
                    Self.rank(
                        ranges[runs[run]], rows: rows, order: order, keys: keys, rules: rules, place: place,
                        ranks: ranks, statuses: statuses)
                }
            }
        }
        var groups: [FormationGroup] = []
        groups.reserveCapacity(ranges.count)
        var report = DifferenceReport(place: place)
        for part in parts {
            groups += part.groups
            report.append(part.report)
        }
        report.finish(into: &diagnostics)
        self.ranks = ranks
        self.statuses = statuses
        self.groups = groups
        var groupAt = [Int32](repeating: 0, count: order.count)
        for (index, group) in groups.enumerated() {
            for position in group.range { groupAt[position] = Int32(index) }
        }
        self.groupAt = groupAt
    }

    /// The numbers and names of `rows` in `order`, gathered on every core, each row read once
    /// for both, its texts' bytes where they lie. The row a few ahead is asked into the
    /// caches (rows listed by participant number lie far apart in rank order; perf); the bytes
    /// of its number and name, which lie apart from it, are still a miss each.
    private static func texts(of rows: [SKDRow], in order: [Int32]) -> TableTexts {
        let (participants, names) = rows.withUnsafeBufferPointer { rows in
            order.withUnsafeBufferPointer { order in
                TextColumn.pair(count: order.count) { position, participants, names in
                    if position + 8 < order.count { prefetch(rows.baseAddress! + Int(order[position + 8])) }
                    let row = rows.baseAddress! + Int(order[position])
                    participants.append(row.pointee.identity.participant)
                    names.append(row.pointee.identity.name)
                }
            }
        }
        return TableTexts(participants: participants, names: names)
    }

    /// Ranks and statuses of the rows of `ranges` (formations, in `order`), written at
    /// their positions; the formations' groups and the differences from what the agency
    /// typed, in the formations' order.
    private static func rank(
        _ ranges: ArraySlice<(Formation, Range<Int>)>, rows: [SKDRow], order: [Int32], keys: [Int],
        rules: ScoringRules, place: TablePlace, ranks: UnsafeMutableBufferPointer<Int32>,
        statuses: UnsafeMutableBufferPointer<ResultStatus?>
    ) -> (groups: [FormationGroup], report: DifferenceReport) {
        var groups: [FormationGroup] = []
        var report = DifferenceReport(place: place)
        for (formation, range) in ranges {
            let cutoff = rules.shortlistMultiplier * formation.quota
            let scored = range.filter { keys[Int(order[$0])] >= 0 }
            let local = Grouping.competitionRanks(count: scored.count) {
                keys[Int(order[scored[$0]])] == keys[Int(order[scored[$1]])]
            }
            var passed = 0
            var shortlisted = 0
            for (offset, position) in scored.enumerated() {
                let rank = local[offset]
                ranks[position] = Int32(rank)
                let didPass = keys[Int(order[position])] >> Self.passedBit == 1
                let status: ResultStatus =
                    didPass ? (rank <= cutoff ? .shortlisted : .passedNotShortlisted) : .notPassed
                statuses[position] = status
                if didPass { passed += 1 }
                if status == .shortlisted { shortlisted += 1 }
            }
            for position in range where keys[Int(order[position])] < 0 {
                statuses[position] = rows[Int(order[position])].absence.map(ResultStatus.absent)
            }
            groups.append(
                FormationGroup(
                    formation: formation, range: range, present: scored.count, passed: passed, shortlisted: shortlisted)
            )
            // Check what the agency typed against what the rules decide.
            let marks = rules.passing[formation.kind] ?? PassingMarks()
            // Most tables type none of total, rank and status: no row is copied to find that.
            for position in range where rows[Int(order[position])].supplied != nil {
                let row = rows[Int(order[position])]
                guard let supplied = row.supplied, let scores = row.scores, let status = statuses[position] else {
                    continue
                }
                let rank = Int(ranks[position])
                if let total = supplied.total, total.value != scores.total {
                    report.add(
                        .suppliedDiffers(
                            row: Int(row.identity.row), "total", supplied: "\(total.value)",
                            computed: "\(scores.total)",
                            rule: .same("TWK \(scores.twk) + TIU \(scores.tiu) + TKP \(scores.tkp)")),
                        at: total.location)
                }
                if let written = supplied.rank, written.value != rank {
                    report.add(
                        .suppliedDiffers(
                            row: Int(row.identity.row), "rank", supplied: "\(written.value)", computed: "\(rank)",
                            rule: .skdRankRule(Self.rankingKeys.map(\.name))),
                        at: written.location)
                }
                if let written = supplied.status, written.value != status {
                    let rule = Bilingual.skdStatusRule(
                        status, failed: failures(scores, marks), kind: formation.kind, rank: rank, cutoff: cutoff,
                        multiplier: rules.shortlistMultiplier, seats: formation.quota)
                    report.add(
                        .suppliedDiffers(
                            row: Int(row.identity.row), "status", supplied: written.value.code, computed: status.code,
                            rule: rule),
                        at: written.location)
                }
            }
        }
        return (groups, report)
    }

    /// The scores of a row, from `scoresInOrder` (a million rows counted for the evaluation).
    func scores(_ position: Int) -> SKDScores? {
        let packed = scoresInOrder[position]
        guard packed != Self.absent else { return nil }
        return SKDScores(twk: Int(packed & 0x3FF), tiu: Int(packed >> 10 & 0x3FF), tkp: Int(packed >> 20 & 0x3FF))
    }
    /// The absence of a row: a row without scores has the status of its absence, if any.
    func absence(_ position: Int) -> Absence? { statuses[position]?.absence }
    func participant(_ position: Int) -> String { texts.participants[position] }
    func name(_ position: Int) -> String { texts.names[position] }
    func formation(_ position: Int) -> String { groups[Int(groupAt[position])].formation.code }
    /// The private tie-breaks of a row, for the final ranking.
    func tieBreaks(_ position: Int) -> PrivateTieBreaks {
        tieBreaksInOrder.isEmpty ? PrivateTieBreaks() : tieBreaksInOrder[position]
    }
    func status(_ position: Int) -> ResultStatus? { statuses[position] }
    /// TWK, TIU, TKP, total, rank, status, and the year of a score carried over.
    func cells(_ position: Int, into cells: inout [CellValue]) {
        cells.removeAll(keepingCapacity: true)
        if let scores = scores(position) {
            for mark in SKDMark.allCases { cells.append(.integer(mark.score(in: scores))) }
            cells.append(.integer(Int(ranks[position])))
        } else {
            for _ in 0...SKDMark.allCases.count { cells.append(.empty) }
        }
        cells.append(.status(statuses[position]))
        if hasSources { cells.append(sourcesInOrder[position].map { .integer(Int($0)) } ?? .empty) }
    }

    /// As the cells above count (`LookupData.estimate`), without making them: four scores and
    /// the rank or as many empty cells, the status's code as text, and where the table shows
    /// years, the year or an empty cell. Made for a million rows only to count them, they were
    /// a tenth of the lookup's preparation (perf).
    func cellsEstimate(_ position: Int, cells: inout [CellValue]) -> Int {
        let numbers = SKDMark.allCases.count + 1 + (hasSources ? 1 : 0)
        return numbers * LookupData.numberEstimate + LookupData.textEstimate(statuses[position]?.code ?? "")
    }
}

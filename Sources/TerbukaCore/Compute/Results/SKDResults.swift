/// SKD ranking (DOMAIN.md, "Who goes on to SKB"): per formation, those who reached the
/// passing marks of their formation kind first, then by total, TKP, TIU, TWK; P/L while
/// rank ≤ multiplier × quota (ties at the cut-off all go on), P for the others who
/// passed, TL for those who did not.
struct SKDResults: PublishedResultTable {
    let entry: ResultEntry
    let rows: [SKDRow]
    let order: [Int32]
    /// Per position: the rank (0 for absentees) and the computed status.
    let ranks: [Int32]
    let statuses: [String]
    let groups: [FormationGroup]

    var stage: ResultStage { .skd }
    var count: Int { order.count }
    var columns: [ResultColumn] {
        ["twk", "tiu", "tkp", "total", "rank"].map { ResultColumn(id: $0, numeric: true) } + [ResultColumn(id: "status", numeric: false)]
    }

    /// Passing marks each row was held to, and what it failed, for messages.
    static func failures(_ scores: SKDScores, _ marks: PassingMarks) -> [String] {
        var failed: [String] = []
        if let min = marks.twk, scores.twk < min { failed.append("TWK \(scores.twk) is below the passing mark \(min)") }
        if let min = marks.tiu, scores.tiu < min { failed.append("TIU \(scores.tiu) is below the passing mark \(min)") }
        if let min = marks.tkp, scores.tkp < min { failed.append("TKP \(scores.tkp) is below the passing mark \(min)") }
        if let min = marks.total, scores.total < min { failed.append("the total \(scores.total) is below the passing mark \(min)") }
        return failed
    }

    init(entry: ResultEntry, place: TablePlace, rows: [SKDRow], formations: [Formation], rules: ScoringRules,
         into diagnostics: inout Diagnostics) {
        self.entry = entry
        self.rows = rows
        // Key: passed, total, TKP, TIU, TWK, packed so that a larger number ranks higher.
        let marksOf = formations.map { rules.passing[$0.kind] }
        var keys = [Int](repeating: -1, count: rows.count)
        for (index, row) in rows.enumerated() {
            guard let scores = row.scores, let marks = marksOf[Int(row.identity.formationIndex)] else { continue }
            let passed = Self.failures(scores, marks).isEmpty ? 1 : 0
            keys[index] = passed << 40 | scores.total << 24 | scores.tkp << 16 | scores.tiu << 8 | scores.twk
        }
        let (order, ranges) = Grouping.order(rows, formations: formations, formation: \.identity.formationIndex) { a, b in
            if keys[a] != keys[b] { return keys[a] > keys[b] }
            return rows[a].identity.participant < rows[b].identity.participant
        }
        self.order = order
        var ranks = [Int32](repeating: 0, count: order.count)
        var statuses = [String](repeating: "", count: order.count)
        var groups: [FormationGroup] = []
        var report = DifferenceReport(place: place)
        for (formation, range) in ranges {
            let cutoff = rules.shortlistMultiplier * formation.quota
            let scored = range.filter { keys[Int(order[$0])] >= 0 }
            let local = Grouping.competitionRanks(count: scored.count) { keys[Int(order[scored[$0]])] == keys[Int(order[scored[$1]])] }
            var passed = 0
            var shortlisted = 0
            for (offset, position) in scored.enumerated() {
                let rank = local[offset]
                ranks[position] = Int32(rank)
                let didPass = keys[Int(order[position])] >> 40 == 1
                let status = didPass ? (rank <= cutoff ? "P/L" : "P") : "TL"
                statuses[position] = status
                if didPass { passed += 1 }
                if status == "P/L" { shortlisted += 1 }
            }
            for position in range where keys[Int(order[position])] < 0 {
                statuses[position] = rows[Int(order[position])].absence?.rawValue ?? ""
            }
            groups.append(FormationGroup(formation: formation, range: range, present: scored.count, passed: passed, shortlisted: shortlisted))
            // Check what the agency typed against what the rules decide.
            let marks = rules.passing[formation.kind] ?? PassingMarks()
            for position in range {
                let row = rows[Int(order[position])]
                guard let supplied = row.supplied, let scores = row.scores else { continue }
                let rank = Int(ranks[position])
                let status = statuses[position]
                if let total = supplied.total, total.value != scores.total {
                    report.add("row \(row.identity.row): total \(total.value) supplied, computed \(scores.total): TWK \(scores.twk) + TIU \(scores.tiu) + TKP \(scores.tkp)",
                               at: total.location)
                }
                if let written = supplied.rank, written.value != rank {
                    report.add("row \(row.identity.row): rank \(written.value) supplied, computed \(rank): per formation, those who reached the passing marks first, then by total, TKP, TIU and TWK, equal scores sharing a rank",
                               at: written.location)
                }
                if let written = supplied.status, written.value != status {
                    let failed = Self.failures(scores, marks)
                    let seats = "\(rules.shortlistMultiplier) × \(formation.quota) seat\(formation.quota == 1 ? "" : "s")"
                    let rule = switch status {
                    case "TL": "\(failed.joined(separator: "; ")) for formation kind \(formation.kind)"
                    case "P/L": "the passing marks for formation kind \(formation.kind) are reached and rank \(rank) is within the shortlist of \(cutoff) (\(seats))"
                    default: "the passing marks are reached but rank \(rank) is beyond the shortlist of \(cutoff) (\(seats))"
                    }
                    report.add("row \(row.identity.row): status \(written.value) supplied, computed \(status): \(rule)", at: written.location)
                }
            }
        }
        report.finish(into: &diagnostics)
        self.ranks = ranks
        self.statuses = statuses
        self.groups = groups
    }

    func row(_ position: Int) -> SKDRow { rows[Int(order[position])] }
    // Direct indexing: copying a whole row for one field would retain and release each of
    // its strings, a million times per table (perf).
    func participant(_ position: Int) -> String { rows[Int(order[position])].identity.participant }
    func name(_ position: Int) -> String { rows[Int(order[position])].identity.name }
    func formation(_ position: Int) -> String { rows[Int(order[position])].identity.formation }
    func status(_ position: Int) -> String { statuses[position] }
    func cells(_ position: Int) -> [CellValue] {
        guard let scores = rows[Int(order[position])].scores else { return [.empty, .empty, .empty, .empty, .empty, .text(statuses[position])] }
        return [.integer(scores.twk), .integer(scores.tiu), .integer(scores.tkp), .integer(scores.total),
                .integer(Int(ranks[position])), .text(statuses[position])]
    }
}

/// Differences between supplied and computed values: every one is an error, but past a
/// limit per table they are counted rather than listed, so a wrong column does not bury
/// the rest of the report.
struct DifferenceReport {
    let place: TablePlace
    static let limit = 50
    private var listed: [(String, SourceLocation)] = []
    private var more = 0

    init(place: TablePlace) { self.place = place }

    mutating func add(_ message: String, at location: SourceLocation) {
        if listed.count < Self.limit { listed.append((message, location)) } else { more += 1 }
    }

    func finish(into diagnostics: inout Diagnostics) {
        for (message, location) in listed { diagnostics.error(message, at: location) }
        if more > 0 {
            diagnostics.error("… and \(more) more rows whose supplied values differ from the computed ones", at: place.file)
        }
    }
}

/// The evaluation of a round, per formation and for the whole round: the report agencies
/// write by hand after each round. Every count is part of a partition of one table's rows
/// (MS + TMS are the administration's rows, the TMS reasons add up to TMS, present and
/// absent are the SKD's rows, met and missed are those present), so nothing is counted
/// twice or lost; `rows` gives them flat, as `data/<id>/evaluasi.csv` publishes them.
public struct RoundEvaluation: Sendable {
    /// One count: at `stage`, `measure` (with `detail`: a reason, an absence code, a mark).
    public struct Row: Sendable, Equatable {
        /// The formation's code; nil for the whole round.
        public var formation: String?
        /// The stage whose table is counted; nil for the formation's seats.
        public var stage: ResultStage?
        public var measure: Measure
        public var detail: String
        public var count: Int
    }

    public enum Measure: String, Sendable, CaseIterable {
        /// Rows of the stage's table.
        case rows
        /// Administration: MS and TMS, and the TMS rows by reason (as first written; the
        /// same reason in other case or spacing counts with it; no reason is "").
        case ms, tms
        case tmsReason = "tms_reason"
        /// A test (SKD, SKB, PPPK competency, final): rows with scores, and rows without, by
        /// code (TH absent, DIS disqualified, APS withdrew).
        case present, absent
        /// SKD: reached every passing mark, or missed one mark alone (detail: twk, tiu,
        /// tkp, total), or several.
        case metMarks = "met_marks"
        case missedAlone = "missed_alone"
        case missedSeveral = "missed_several"
        /// SKD: P/L, went on to the SKB.
        case shortlisted
        /// Final and PPPK competency, by the rows listed under the formation: passed (L, a
        /// priority group's L, or placed by optimisation, wherever placed), or with scores and
        /// not passed.
        case passed
        case notPassed = "not_passed"
        /// PPPK with priority groups: per group (detail R1–R4), members who took a seat and
        /// members without one (who may be proposed as PPPK paruh waktu); parts of `passed`
        /// and `not_passed`.
        case groupPassed = "group_passed"
        case groupWaiting = "group_waiting"
        /// The formation's seats; how many the final stage filled (placements by optimisation
        /// counted where placed); and how many are left.
        case seats, filled, unfilled
    }

    /// Per formation in the formations' order, then the whole round.
    public let rows: [Row]
    /// Where each formation's counts are in `rows` (a few dozen each), and the whole
    /// round's (as many more as the round has TMS reasons), looked through for a stage,
    /// measure and detail: a key per count was a hundred thousand keys hashed on one core
    /// for 5,000 formations.
    private let byFormation: [String: Range<Int>]
    private let roundRows: Range<Int>

    public func count(_ formation: String?, _ stage: ResultStage?, _ measure: Measure, _ detail: String = "") -> Int? {
        let range: Range<Int>
        if let formation {
            guard let found = byFormation[formation] else { return nil }
            range = found
        } else {
            range = roundRows
        }
        return rows[range].last { $0.stage == stage && $0.measure == measure && $0.detail == detail }?.count
    }

    /// Rows of the whole round only.
    public var round: [Row] { rows.filter { $0.formation == nil } }

    init(tables: [any PublishedResultTable], skd: SKDResults?, formations: [Formation], rules: ScoringRules) {
        var perFormation: [String: [Row]] = [:]
        for table in tables {
            // Each formation's rows counted on every core (a million rows), then kept in order.
            let groups = table.groups
            let counted = Parallel.map(Array(groups.indices)) { index -> [Row] in
                let group = groups[index]
                let code = group.formation.code
                var rows: [Row] = []
                func add(_ measure: Measure, _ detail: String, _ count: Int) {
                    rows.append(
                        Row(formation: code, stage: table.stage, measure: measure, detail: detail, count: count))
                }
                add(.rows, "", group.range.count)
                switch table.stage {
                case .administrasi:
                    Self.administration(table, group, add)
                case .skd:
                    if let skd {
                        Self.skd(skd, group, marks: rules.passing[group.formation.kind] ?? PassingMarks(), add)
                    }
                case .kompetensi, .akhir:
                    Self.attendance(table, group, seats: true, add)
                case .skb:
                    Self.attendance(table, group, seats: false, add)
                }
                return rows
            }
            for (group, rows) in zip(groups, counted) { perFormation[group.formation.code, default: []] += rows }
        }
        let final = tables.last { $0.stage == .akhir || $0.stage == .kompetensi }
        let filled = final?.seatFilling?.filled
        var rows: [Row] = []
        var byFormation: [String: Range<Int>] = [:]
        byFormation.reserveCapacity(formations.count)
        // Every formation of the round: one without applicants has its seats, and, after the
        // final stage, all of them unfilled.
        for formation in formations {
            let start = rows.count
            defer { byFormation[formation.code] = start..<rows.count }
            rows.append(Row(formation: formation.code, stage: nil, measure: .seats, detail: "", count: formation.quota))
            rows += perFormation[formation.code] ?? []
            if let final, let filled {
                let taken = filled[formation.code] ?? 0
                rows.append(
                    Row(formation: formation.code, stage: final.stage, measure: .filled, detail: "", count: taken))
                rows.append(
                    Row(
                        formation: formation.code, stage: final.stage, measure: .unfilled, detail: "",
                        count: max(0, formation.quota - taken)))
            }
        }
        let formationRows = rows.count
        rows += Self.round(rows)
        self.rows = rows
        self.byFormation = byFormation
        roundRows = formationRows..<rows.count
    }

    /// The whole round: each (stage, measure, detail) summed over formations, each (stage,
    /// measure) together where it first came, TMS reasons merged across formations (ignoring
    /// case and spacing) and listed most first.
    private static func round(_ rows: [Row]) -> [Row] {
        /// One (stage, measure) with its totals by detail in the order first met. Found by
        /// looking through the few dozen there are, from the last one found (formations list
        /// them in the same order); a detail by looking through the group's few, except TMS
        /// reasons, which may be many and are found by their key.
        struct Group {
            var stage: ResultStage?
            var measure: Measure
            var totals: [Row] = []
            var byReason: [String: Int] = [:]
        }
        var groups: [Group] = []
        var last = 0
        for row in rows {
            var found = groups.count
            for offset in groups.indices {
                let candidate = (last + offset) % groups.count
                if groups[candidate].stage == row.stage, groups[candidate].measure == row.measure {
                    found = candidate
                    break
                }
            }
            if found == groups.count { groups.append(Group(stage: row.stage, measure: row.measure)) }
            last = found
            let total: Int?
            if row.measure == .tmsReason {
                let key = TMSReason.key(row.detail)
                total = groups[found].byReason[key]
                if total == nil { groups[found].byReason[key] = groups[found].totals.count }
            } else {
                total = groups[found].totals.firstIndex { $0.detail == row.detail }
            }
            if let total {
                groups[found].totals[total].count += row.count
            } else {
                groups[found].totals.append(
                    Row(formation: nil, stage: row.stage, measure: row.measure, detail: row.detail, count: row.count))
            }
        }
        return groups.flatMap { group in
            guard group.measure == .tmsReason else { return group.totals }
            return group.totals.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
                .map(\.element)
        }
    }

    private static func administration(
        _ table: any PublishedResultTable, _ group: FormationGroup, _ add: (Measure, String, Int) -> Void
    ) {
        add(.ms, "", group.passed)
        add(.tms, "", group.range.count - group.passed)
        guard let reason = table.columns.firstIndex(where: { $0.id == "reason" }) else { return }
        var reasons = TMSReason.Tally()
        for position in group.range where table.status(position) == .doesNotMeet {
            if case .text(let written) = table.cells(position)[reason] {
                reasons.add(written)
            } else {
                reasons.add("")
            }
        }
        for (written, count) in reasons.counts { add(.tmsReason, written, count) }
    }

    private static func skd(
        _ skd: SKDResults, _ group: FormationGroup, marks: PassingMarks, _ add: (Measure, String, Int) -> Void
    ) {
        // Counted by the codes' and marks' places in `allCases`: a dictionary hashed its key
        // for each of a million rows.
        var absent = [Int](repeating: 0, count: Absence.allCases.count)
        var met = 0
        var alone = [Int](repeating: 0, count: SKDMark.allCases.count)
        var several = 0
        var shortlisted = 0
        // The marks listed once; each row's shortfalls counted without an array of them.
        let listed = marks.listed.map { (place: SKDMark.allCases.firstIndex(of: $0.mark)!, $0.mark, $0.minimum) }
        for position in group.range {
            if skd.status(position) == .shortlisted { shortlisted += 1 }
            guard let scores = skd.scores(position) else {
                absent[Absence.allCases.firstIndex(of: skd.absence(position) ?? .absent)!] += 1
                continue
            }
            var missed = 0
            var only = 0
            for (place, mark, minimum) in listed where mark.score(in: scores) < minimum {
                missed += 1
                only = place
            }
            switch missed {
            case 0: met += 1
            case 1: alone[only] += 1
            default: several += 1
            }
        }
        add(.present, "", group.range.count - absent.reduce(0, +))
        for (code, count) in zip(Absence.allCases, absent) { add(.absent, code.rawValue, count) }
        add(.metMarks, "", met)
        for (mark, count) in zip(SKDMark.allCases, alone) { add(.missedAlone, mark.rawValue, count) }
        add(.missedSeveral, "", several)
        add(.shortlisted, "", shortlisted)
    }

    /// Rows with scores and without (by absence code), in one pass; with `seats` (final and
    /// PPPK competency) also the rows that passed and not, and priority groups' members
    /// seated and waiting.
    private static func attendance(
        _ table: any PublishedResultTable, _ group: FormationGroup, seats: Bool, _ add: (Measure, String, Int) -> Void
    ) {
        var absent: [Absence: Int] = [:]
        var passed = 0
        var seated: [PriorityGroup: Int] = [:]
        var waiting: [PriorityGroup: Int] = [:]
        for position in group.range {
            guard let status = table.status(position) else { continue }
            if case .absent(let code) = status { absent[code, default: 0] += 1 }
            if status.isSeated { passed += 1 }
            switch status {
            case .groupPassed(let member): seated[member, default: 0] += 1
            case .groupWaiting(let member): waiting[member, default: 0] += 1
            default: break
            }
        }
        let withoutScores = absent.values.reduce(0, +)
        add(.present, "", group.range.count - withoutScores)
        for code in Absence.allCases { add(.absent, code.rawValue, absent[code] ?? 0) }
        guard seats else { return }
        add(.passed, "", passed)
        add(.notPassed, "", group.range.count - passed - withoutScores)
        guard !seated.isEmpty || !waiting.isEmpty else { return }
        for member in PriorityGroup.allCases {
            add(.groupPassed, member.code, seated[member] ?? 0)
            add(.groupWaiting, member.code, waiting[member] ?? 0)
        }
    }
}

/// TMS reasons as agencies write them, counted together when they differ only in case and
/// spacing ("Ijazah tidak sesuai", "IJAZAH  TIDAK SESUAI").
enum TMSReason {
    static func key(_ written: String) -> String {
        written.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    struct Tally {
        private var order: [String] = []
        private var byKey: [String: (written: String, count: Int)] = [:]

        mutating func add(_ written: String) {
            let trimmed = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let key = TMSReason.key(trimmed)
            if let found = byKey[key] {
                byKey[key] = (found.written, found.count + 1)
            } else {
                order.append(key)
                byKey[key] = (trimmed, 1)
            }
        }

        /// Most first, then as first written.
        var counts: [(written: String, count: Int)] {
            order.enumerated().map { (index: $0.offset, entry: byKey[$0.element]!) }
                .sorted { ($1.entry.count, $0.index) < ($0.entry.count, $1.index) }
                .map { ($0.entry.written, $0.entry.count) }
        }
    }
}

/// The compute stage for results: every table of a vacancy ranked by its rules and
/// checked against the stage before it, one stage at a time.
public struct VacancyResults: Sendable {
    /// In stage order.
    public var tables: [any PublishedResultTable]
    public var rules: ScoringRules
    public var statistics: ResultStatistics
    /// After the final stage: the formations with fewer passed than seats, and why; nil
    /// before the final stage is published.
    public var unfilled: [UnfilledFormation]?
    /// Earlier versions of a stage's table and what changed, by stage.
    public var versions: [ResultStage: ResultVersions] = [:]
    /// Each formation's cut-off per stage that decides by score, by group index.
    public var cutoffs: [ResultStage: [Int: CellValue]] = [:]
    /// The round's evaluation: per formation and in all, counts that partition each table.
    public var evaluation: RoundEvaluation

    public func table(_ stage: ResultStage) -> (any PublishedResultTable)? {
        tables.first { $0.stage == stage }
    }

    /// The result stages of `kind` after the last one published: those still to come for a
    /// participant whose last status lets them go on.
    public func stagesToCome(for kind: RecruitmentKind) -> [ResultStage] {
        let stages = ResultStage.stages(for: kind)
        let last = tables.compactMap { stages.firstIndex(of: $0.stage) }.max() ?? -1
        return Array(stages.dropFirst(last + 1))
    }

    /// The cut-offs a participant's own answer states: not the PPPK competency's when
    /// priority groups rank first, where a lower total can take a seat ahead of a higher one.
    public var cutoffsStatedToParticipants: [ResultStage: [Int: CellValue]] {
        rules.priorityGroups.isEmpty ? cutoffs : cutoffs.filter { $0.key != .kompetensi }
    }

    public init(_ vacancy: Vacancy, into diagnostics: inout Diagnostics) {
        var stages = StageComputation(vacancy: vacancy)
        stages.administration()
        stages.skd(into: &diagnostics)
        stages.skb(into: &diagnostics)
        stages.final(into: &diagnostics)
        stages.competency(into: &diagnostics)
        tables = stages.tables
        rules = vacancy.scoring
        let computed = stages.tables
        let final = computed.last { $0.stage == .akhir || $0.stage == .kompetensi }
        unfilled = final.map { UnfilledFormation.list(final: $0, first: computed[0], formations: vacancy.formations) }
        // Each reads every row of every table: the statistics and the cut-offs at once with
        // the evaluation (the cut-offs after, on one core, were a stretch of one core of the
        // million-row build; BENCHMARKS.md, sixteenth session).
        let skd = stages.skdResults
        let ((statistics, cutoffs), evaluation) = Parallel.both(
            { [rules] in
                (
                    ResultStatistics(tables: computed, skd: skd, formations: vacancy.formations, rules: rules),
                    computed.map(Cutoff.perGroup)
                )
            },
            { [rules] in RoundEvaluation(tables: computed, skd: skd, formations: vacancy.formations, rules: rules) })
        (self.statistics, self.evaluation) = (statistics, evaluation)
        for (table, cutoffs) in zip(tables, cutoffs) {
            if !cutoffs.isEmpty { self.cutoffs[table.stage] = cutoffs }
            if let versions = ResultVersions(stage: table.stage, vacancy: vacancy, current: table, into: &diagnostics) {
                self.versions[table.stage] = versions
            }
        }
    }
}

/// The stages of one vacancy computed in order; each one reads what the stages before it
/// decided (who was MS, who was P/L, whose SKB score is what).
struct StageComputation {
    let vacancy: Vacancy
    let rules: ScoringRules
    let input: VacancyResultTables
    let formations: [Formation]
    private(set) var tables: [any PublishedResultTable] = []

    /// Administration status and formation per participant.
    private var adminStatuses: [String: (status: ResultStatus, formation: String)] = [:]
    private var skd: SKDResults?
    var skdResults: SKDResults? { skd }
    /// Position in the SKD table per participant, kept only when a later stage needs it.
    private var skdPositions: [String: Int] = [:]
    private var skbRows: [String: SKBRow] = [:]

    init(vacancy: Vacancy) {
        self.vacancy = vacancy
        rules = vacancy.scoring
        input = vacancy.tables
        formations = vacancy.formations
    }

    /// The stages up to `last`: the earlier ones quietly (their problems are reported with
    /// the current tables), `last` with its problems reported.
    mutating func run(through last: ResultStage, reporting diagnostics: inout Diagnostics) {
        var quiet = Diagnostics()
        administration()
        if last == .administrasi { return }
        if last == .skd { return skd(into: &diagnostics) }
        skd(into: &quiet)
        if last == .skb { return skb(into: &diagnostics) }
        skb(into: &quiet)
        if last == .akhir {
            final(into: &diagnostics)
        } else {
            competency(into: &diagnostics)
        }
    }

    mutating func administration() {
        guard let table = input.administrasi else { return }
        for row in table.rows { adminStatuses[row.identity.participant] = (row.status, row.identity.formation) }
        tables.append(AdministrationResults(entry: table.entry, rows: table.rows, formations: formations))
    }

    /// Only MS participants sit a test: checked when there is an administration table.
    private func requireMS(
        _ identity: RowIdentity, place: TablePlace, stage: Bilingual, into diagnostics: inout Diagnostics
    ) {
        guard input.administrasi != nil else { return }
        guard let (status, formation) = adminStatuses[identity.participant] else {
            diagnostics.error(
                .notInEarlierTable(row: Int(identity.row), identity.participant, .administration, sits: stage),
                at: identity.location(in: place))
            return
        }
        if status != .meets {
            diagnostics.error(
                .notThroughEarlierTable(
                    row: Int(identity.row), identity.participant, status: status.code, .administration, sits: stage),
                at: identity.location(in: place))
        } else if formation != identity.formation {
            diagnostics.error(
                .formationDiffers(row: Int(identity.row), identity.formation, earlier: formation, in: .administration),
                at: identity.location(in: place))
        }
    }

    mutating func skd(into diagnostics: inout Diagnostics) {
        guard let table = input.skd else { return }
        // requireMS does nothing without an administration table: the rows are not even gone
        // through then, and by index with one (a row copied would retain and release each of
        // its strings, a million times; perf).
        if input.administrasi != nil {
            for index in table.rows.indices {
                requireMS(table.rows[index].identity, place: table.place, stage: .same("SKD"), into: &diagnostics)
            }
        }
        let computed = SKDResults(
            entry: table.entry, place: table.place, rows: table.rows, formations: formations, rules: rules,
            into: &diagnostics)
        // Only the later stages look participants up in SKD.
        if input.skb != nil || input.akhir != nil {
            skdPositions.reserveCapacity(computed.count)
            for (position, index) in computed.indexAsRead.enumerated() {
                skdPositions[table.rows[Int(index)].identity.participant] = position
            }
        }
        skd = computed
        tables.append(computed)
    }

    mutating func skb(into diagnostics: inout Diagnostics) {
        guard let table = input.skb else { return }
        for row in table.rows {
            skbRows[row.identity.participant] = row
            guard let skd else { continue }
            guard let position = skdPositions[row.identity.participant] else {
                diagnostics.error(
                    .notInEarlierTable(row: Int(row.identity.row), row.identity.participant, .skd, sits: .same("SKB")),
                    at: row.identity.location(in: table.place))
                continue
            }
            let status = skd.status(position)
            if status != .shortlisted {
                diagnostics.error(
                    .notThroughEarlierTable(
                        row: Int(row.identity.row), row.identity.participant, status: status?.code ?? "", .skd,
                        sits: .same("SKB")),
                    at: row.identity.location(in: table.place))
            } else if skd.formation(position) != row.identity.formation {
                diagnostics.error(
                    .formationDiffers(
                        row: Int(row.identity.row), row.identity.formation, earlier: skd.formation(position), in: .skd),
                    at: row.identity.location(in: table.place))
            }
        }
        checkSuppliedSKB(table.rows, place: table.place, into: &diagnostics)
        tables.append(SKBResults(entry: table.entry, rows: table.rows, parts: rules.skbParts, formations: formations))
    }

    /// An SKB score typed beside its parts must be their weighted sum, rounded or cut to
    /// the decimals written.
    private func checkSuppliedSKB(_ rows: [SKBRow], place: TablePlace, into diagnostics: inout Diagnostics) {
        let parts = rules.skbParts
        guard !parts.isEmpty else { return }
        var differences = DifferenceReport(place: place)
        for row in rows {
            guard let written = row.suppliedScore, let score = row.score, let scores = row.parts,
                !score.agrees(with: written.value)
            else { continue }
            let sum = zip(parts, scores).map { part, value in
                "\(part.weight ?? 0) % × \(part.label) \(FixedPoint.text(value, scale: 2, mark: ","))"
            }
            differences.add(
                .suppliedDiffers(
                    row: Int(row.identity.row), "SKB", supplied: written.value.text(mark: ","),
                    computed: score.text(mark: ","), rule: .same(sum.joined(separator: " + "))),
                at: written.location)
        }
        differences.finish(into: &diagnostics)
    }

    /// The CPNS final ranking from the SKD and SKB scores (DOMAIN.md, "Final integration").
    mutating func final(into diagnostics: inout Diagnostics) {
        // A final ranking from an SKD or SKB table that could not be read would report every
        // row again; that table's own errors say what to mend.
        guard let final = input.akhir, input.unreadable.isDisjoint(with: [.skd, .skb]) else { return }
        // Computed without a file of its own, its rows are the SKB table's.
        let place = final.place ?? input.skb?.place ?? TablePlace(path: vacancy.sourcePath)
        var entrants: [Entrant] = []
        var differences = DifferenceReport(place: place)
        let sources: [(RowIdentity, FinalRow?)] =
            final.rows.map { rows in rows.map { ($0.identity, $0) } }
            ?? (input.skb?.rows ?? []).map { ($0.identity, nil) }
        for (identity, row) in sources {
            if let entrant = finalEntrant(identity, row, place: place, differences: &differences, into: &diagnostics) {
                entrants.append(entrant)
            }
        }
        // Everyone who sat the SKB is in the final ranking: a missing row would hand
        // their seat to someone else.
        if final.rows != nil, let skb = input.skb {
            let listed = Set(entrants.map(\.identity.participant))
            for row in skb.rows where !listed.contains(row.identity.participant) {
                diagnostics.error(.missingFromFinal(row.identity.participant, name: row.identity.name), at: place.file)
            }
        }
        differences.finish(into: &diagnostics)
        let columns =
            [
                ResultColumn(id: "skd", type: .integer), ResultColumn(id: "skb", type: .number),
                ResultColumn(id: "final", type: .number), ResultColumn(id: "rank", type: .integer),
            ] + [
                ResultColumn(id: "status", type: .text)
            ]
        tables.append(
            SeatRanking(
                stage: .akhir, entry: final.entry, place: place, columns: columns, entrants: entrants,
                formations: formations,
                keyNames: [.finalScore] + rules.tieBreak.map(\.name),
                privateKeys: SeatRanking.privateKeys(rules.tieBreak, offset: 1), explain: { _ in nil },
                into: &diagnostics))
    }

    /// One participant of the final ranking, with the scores the earlier tables hold and
    /// the supplied values checked; nil when the row cannot be ranked (reported).
    private func finalEntrant(
        _ identity: RowIdentity, _ row: FinalRow?, place: TablePlace, differences: inout DifferenceReport,
        into diagnostics: inout Diagnostics
    ) -> Entrant? {
        let location = identity.location(in: place)
        var scores: SKDScores?
        var skdTotal = row?.skd
        if let skd, let position = skdPositions[identity.participant] {
            scores = skd.scores(position)
            if let written = row?.skd, let total = scores?.total, written != total {
                differences.add(
                    .differsFromEarlierTable(
                        row: Int(identity.row), "skd", supplied: "\(written)", .skd, has: "\(total)"),
                    at: location)
            }
            if input.skb == nil, skd.status(position) != .shortlisted {
                diagnostics.error(
                    .notThroughEarlierTable(
                        row: Int(identity.row), identity.participant, status: skd.status(position)?.code ?? "", .skd,
                        sits: nil),
                    at: location)
                return nil
            }
            if skd.formation(position) != identity.formation {
                diagnostics.error(
                    .formationDiffers(
                        row: Int(identity.row), identity.formation, earlier: skd.formation(position), in: .skd),
                    at: location)
                return nil
            }
            skdTotal = scores?.total
        } else if skd != nil {
            diagnostics.error(
                .notInEarlierTable(row: Int(identity.row), identity.participant, .skd, sits: nil), at: location)
            return nil
        }
        var skbScore = row?.skb?.score
        var absence = row?.supplied?.status?.value.absence
        if input.skb != nil {
            guard let skbRow = skbRows[identity.participant] else {
                diagnostics.error(
                    .notInEarlierTable(row: Int(identity.row), identity.participant, .skb, sits: nil), at: location)
                return nil
            }
            if let written = row?.skb, let score = skbRow.score, !score.agrees(with: written) {
                differences.add(
                    .differsFromEarlierTable(
                        row: Int(identity.row), "skb", supplied: written.text(mark: ","), .skb,
                        has: score.text(mark: ",")),
                    at: location)
            }
            if skbRow.identity.formation != identity.formation {
                diagnostics.error(
                    .formationDiffers(
                        row: Int(identity.row), identity.formation, earlier: skbRow.identity.formation, in: .skb),
                    at: location)
                return nil
            }
            skbScore = skbRow.score
            absence = skbRow.absence ?? absence
        }
        if absence == nil, skdTotal == nil || skbScore == nil {
            diagnostics.error(.finalWithoutScores(row: Int(identity.row)), at: location)
            return nil
        }
        let tieBreaks = PrivateKeys.merged(
            row?.identity.tieBreaks, skbRows[identity.participant]?.identity.tieBreaks,
            skdPositions[identity.participant].map { skd!.tieBreaks($0) })
        var entrant = Entrant(
            identity: identity, absence: absence, keys: [], supplied: row?.supplied,
            values: [
                skdTotal.map(CellValue.integer) ?? .empty, skbScore?.cell ?? .empty, .empty,
            ],
            finalThousandths: nil, meetsMinimums: true)
        entrant.move = row?.move
        if case .optimised = row?.supplied?.status?.value { entrant.placement = row?.supplied?.status?.value }
        guard absence == nil, let skdTotal, let skbScore else { return entrant }
        let weights = rules.weights
        let numerator = FinalScore.numerator(skd: skdTotal, skb: skbScore, weights: weights)
        let thousandths = FinalScore.thousandths(numerator)
        entrant.finalThousandths = thousandths
        entrant.values[2] = .fixed(thousandths, scale: 3)
        entrant.keys =
            [numerator]
            + rules.tieBreak.map { key -> Int in
                switch key {
                case .skdTotal: skdTotal
                case .tkp: scores?.tkp ?? -1
                case .tiu: scores?.tiu ?? -1
                case .twk: scores?.twk ?? -1
                case .skb: skbScore.tenThousandths
                case .ipk, .birthDate, .component: PrivateKeys.value(key, tieBreaks) ?? -1
                }
            }
        let skdPart = FinalScore.numerator(skd: skdTotal, skb: SKBScore(tenThousandths: 0), weights: weights)
        let skbPart = FinalScore.numerator(skd: 0, skb: skbScore, weights: weights)
        let skdText = "\(weights.skd) % × (SKD \(skdTotal) / \(SKDMark.total.maximum) × 100)"
        let skbText = "\(weights.skb) % × SKB \(skbScore.text(mark: ","))"
        if let part = row?.skdPart, !part.value.agrees(numerator: skdPart, denominator: FinalScore.denominator) {
            differences.add(
                .suppliedDiffers(
                    row: Int(identity.row), "weighted SKD part", supplied: part.value.text(mark: ","),
                    computed: FixedPoint.text(FinalScore.thousandths(skdPart), scale: 3, mark: ","),
                    rule: .same(skdText)),
                at: part.location)
        }
        if let part = row?.skbPart, !part.value.agrees(numerator: skbPart, denominator: FinalScore.denominator) {
            differences.add(
                .suppliedDiffers(
                    row: Int(identity.row), "weighted SKB part", supplied: part.value.text(mark: ","),
                    computed: FixedPoint.text(FinalScore.thousandths(skbPart), scale: 3, mark: ","),
                    rule: .same(skbText)),
                at: part.location)
        }
        if let written = row?.supplied?.final, written.value != thousandths {
            differences.add(
                .suppliedDiffers(
                    row: Int(identity.row), "final", supplied: FixedPoint.text(written.value, scale: 3, mark: ","),
                    computed: FixedPoint.text(thousandths, scale: 3, mark: ","), rule: .same("\(skdText) + \(skbText)")),
                at: written.location)
        }
        return entrant
    }

    /// The PPPK ranking (DOMAIN.md, "PPPK" and "2024–2025 rules"): per formation, those who
    /// met the component minimums, by priority group (members of an earlier group first,
    /// applicants without one after every group), then total, then the tie-break keys.
    mutating func competency(into diagnostics: inout Diagnostics) {
        guard let table = input.kompetensi else { return }
        let components = rules.components
        let groupOrder = rules.priorityGroups
        let showsGroups = table.rows.contains { $0.group != nil }
        /// Before the total: whether the minimums were met, then the group when there are groups.
        let leadingKeys: [Bilingual] =
            [.minimumsMet] + (groupOrder.isEmpty ? [] : [.priorityGroupKey]) + [.totalKey]
        var entrants: [Entrant] = []
        var differences = DifferenceReport(place: table.place)
        for row in table.rows {
            requireMS(
                row.identity, place: table.place,
                stage: .competencyTest, into: &diagnostics)
            let groupCell: [CellValue] = showsGroups ? [row.group.map { .text($0.code) } ?? .empty] : []
            var entrant = Entrant(
                identity: row.identity, absence: row.absence, keys: [], supplied: row.supplied,
                values: components.map { _ in .empty } + [.empty], finalThousandths: nil,
                meetsMinimums: true, group: row.group, move: row.move)
            // An optimisation placement, or TMS: taken as given, not ranked.
            switch row.supplied?.status?.value {
            case .optimised?: entrant.placement = row.supplied?.status?.value
            case .doesNotMeet? where row.scores == nil: entrant.placement = .doesNotMeet
            default: break
            }
            entrant.trailing = groupCell
            if let scores = row.scores {
                let total = scores.reduce(0, +)
                entrant.meetsMinimums = zip(components, scores).allSatisfy { $1 >= ($0.min ?? 0) }
                entrant.values = scores.map(CellValue.integer) + [.integer(total)]
                // A member of the first group ranks highest; no group ranks 0.
                let groupRank = row.group.flatMap { groupOrder.firstIndex(of: $0) }.map { groupOrder.count - $0 } ?? 0
                entrant.keys =
                    [entrant.meetsMinimums ? 1 : 0] + (groupOrder.isEmpty ? [] : [groupRank]) + [total]
                    + rules.tieBreak.map { key in
                        components.firstIndex { RankingKey.component($0.id) == key }.map { scores[$0] }
                            ?? PrivateKeys.value(key, row.identity.tieBreaks) ?? -1
                    }
                if let written = row.supplied?.total, written.value != total {
                    differences.add(
                        .suppliedDiffers(
                            row: Int(row.identity.row), "total", supplied: "\(written.value)", computed: "\(total)",
                            rule: .same(zip(components, scores).map { "\($0.id) \($1)" }.joined(separator: " + "))),
                        at: written.location)
                }
            }
            entrants.append(entrant)
        }
        differences.finish(into: &diagnostics)
        let columns =
            components.map { ResultColumn(id: $0.id, type: .integer) }
            + [
                ResultColumn(id: "total", type: .integer), ResultColumn(id: "rank", type: .integer),
                ResultColumn(id: "status", type: .text),
            ]
        tables.append(
            SeatRanking(
                stage: .kompetensi, entry: table.entry, place: table.place, columns: columns,
                trailingColumns: showsGroups ? [ResultColumn(id: "group", type: .text)] : [], entrants: entrants,
                formations: formations, keyNames: leadingKeys + rules.tieBreak.map(\.name),
                privateKeys: SeatRanking.privateKeys(rules.tieBreak, offset: leadingKeys.count),
                explain: { entrant in
                    guard !entrant.meetsMinimums else { return nil }
                    let below = zip(components, entrant.values).compactMap { component, value -> Bilingual? in
                        guard case .integer(let score) = value, let min = component.min, score < min else { return nil }
                        return .belowMinimum(component.label, score, minimum: min)
                    }
                    return .joined(below)
                }, into: &diagnostics))
    }
}

/// One participant of a final or competency ranking, with the keys that rank them.
struct Entrant {
    var identity: RowIdentity
    var absence: Absence?
    /// Ranking keys, larger first; empty for absentees.
    var keys: [Int]
    var supplied: SuppliedColumns?
    /// Values shown in the table, in column order.
    var values: [CellValue]
    /// Final score in thousandths, rounded half up (final table only).
    var finalThousandths: Int?
    var meetsMinimums: Bool
    /// PPPK priority group: a member's status carries it (`R2/L`, `R2`).
    var group: PriorityGroup? = nil
    /// Where an optimisation placement came from or went to, as written.
    var move: MoveColumns? = nil
    /// A status taken as given, not ranked: the optimisation code BKN placed this
    /// participant with (seated), or TMS in a competency table.
    var placement: ResultStatus? = nil
    /// Values shown after rank and status (the priority group), in `trailingColumns` order.
    var trailing: [CellValue] = []

    /// Ranked among the formation's applicants: scored, and not placed by optimisation.
    var isRanked: Bool { !keys.isEmpty && placement == nil }

    /// L or TL, with the group for a member.
    func status(seated: Bool) -> ResultStatus {
        if let group { return seated ? .groupPassed(group) : .groupWaiting(group) }
        return seated ? .passed : .notPassed
    }
}

/// Ranks entrants per formation and decides L (rank ≤ quota) or TL; shared by the CPNS
/// final table and the PPPK competency table.
struct SeatRanking: PublishedResultTable {
    let stage: ResultStage
    let entry: ResultEntry
    /// The columns of the entrants' values, then rank and status, then the trailing values.
    let rankedColumns: [ResultColumn]
    let trailingColumns: [ResultColumn]
    /// In published order (`Grouping.inOrder`): the pages, the downloads and the lookup
    /// read every row in turn.
    let entrants: [Entrant]
    let texts: TableTexts
    let ranks: [Int32]
    let statuses: [ResultStatus?]
    let groups: [FormationGroup]
    /// Seats filled per formation, optimisation moves included.
    let seats: SeatFilling

    var count: Int { entrants.count }

    /// A ranking key from private data (IPK, birth date): when it must decide a tie across
    /// the last seat, every tied participant needs it.
    struct PrivateKey {
        /// Index in the entrants' keys.
        var index: Int
        /// The key's value when the participant has none.
        var missing: Int
        /// What it is and what it decides, for messages.
        var kind: PrivateKeyKind
    }

    /// The private keys among `keys` (after `offset` leading keys), in ranking order.
    static func privateKeys(_ keys: [RankingKey], offset: Int) -> [PrivateKey] {
        keys.enumerated().compactMap { index, key in
            switch key {
            case .ipk:
                PrivateKey(index: index + offset, missing: -1, kind: .ipk)
            case .birthDate:
                PrivateKey(index: index + offset, missing: Int.min, kind: .birthDate)
            default: nil
            }
        }
    }

    /// `keyNames` name the keys for messages (final, SKD, …). Entrants placed by
    /// optimisation (`placement`) are not ranked: their seat is BKN's decision.
    init(
        stage: ResultStage, entry: ResultEntry, place: TablePlace, columns: [ResultColumn],
        trailingColumns: [ResultColumn] = [], entrants: [Entrant],
        formations: [Formation], keyNames: [Bilingual], privateKeys: [PrivateKey], explain: (Entrant) -> Bilingual?,
        into diagnostics: inout Diagnostics
    ) {
        self.stage = stage
        self.entry = entry
        rankedColumns = columns
        self.trailingColumns = trailingColumns
        let (order, ranges) = Grouping.order(
            count: entrants.count, formations: formations, formation: { entrants[$0].identity.formationIndex },
            before: { a, b in
                let (x, y) = (entrants[a], entrants[b])
                if x.isRanked != y.isRanked { return x.isRanked }
                if x.keys != y.keys { return x.keys.lexicographicallyPrecedes(y.keys, by: >) }
                return x.identity.participant < y.identity.participant
            })
        let inOrder = Grouping.inOrder(entrants, order)
        self.entrants = inOrder
        texts = TableTexts(
            count: inOrder.count, participant: { inOrder[$0].identity.participant }, name: { inOrder[$0].identity.name }
        )
        let keyCount = entrants.lazy.map(\.keys.count).max() ?? 0
        var ranks = [Int32](repeating: 0, count: inOrder.count)
        var statuses = [ResultStatus?](repeating: nil, count: inOrder.count)
        var groups: [FormationGroup] = []
        var report = DifferenceReport(place: place)
        for (formation, range) in ranges {
            let ranked = range.filter { inOrder[$0].isRanked }
            let local = Grouping.competitionRanks(count: ranked.count) {
                inOrder[ranked[$0]].keys == inOrder[ranked[$1]].keys
            }
            var passed = 0
            /// Tied blocks across the last seat, as positions in `ranked`, among those who can
            /// pass (met the minimums): `length` keys compared.
            func blocksAcrossTheLastSeat(comparing length: Int) -> [Range<Int>] {
                var blocks: [Range<Int>] = []
                var start = 0
                while start < ranked.count {
                    let keys = inOrder[ranked[start]].keys.prefix(length)
                    var end = start + 1
                    while end < ranked.count, inOrder[ranked[end]].keys.prefix(length) == keys { end += 1 }
                    if start < formation.quota, end > formation.quota, end - start > 1,
                        inOrder[ranked[start]].meetsMinimums
                    {
                        blocks.append(start..<end)
                    }
                    start = end
                }
                return blocks
            }
            // Tied on every score across the last seat: a private key decides, so each tied
            // participant needs it. One missing is the cause to report, once, at its row; the
            // supplied rank and status of that block are not compared with a guess.
            var undecided = Set<Int>()
            for key in privateKeys {
                for block in blocksAcrossTheLastSeat(comparing: key.index)
                where block.allSatisfy({ !undecided.contains($0) }) {
                    let tied = block.map { inOrder[ranked[$0]] }
                    let without = tied.filter { $0.keys[key.index] == key.missing }
                    guard let first = without.first else { continue }
                    undecided.formUnion(block)
                    diagnostics.error(
                        .tieNeedsPrivateKey(
                            formation: formation.code, seats: formation.quota, tied: Self.listed(tied),
                            decides: key.kind,
                            without: Self.listed(without), count: without.count),
                        at: first.identity.location(in: place))
                }
            }
            if keyCount > 0 {
                for block in blocksAcrossTheLastSeat(comparing: keyCount)
                where block.allSatisfy({ !undecided.contains($0) }) {
                    let tied = block.map { inOrder[ranked[$0]] }
                    undecided.formUnion(block)
                    diagnostics.error(
                        .undecidedTie(
                            formation: formation.code, seats: formation.quota, tied: Self.listed(tied), keys: keyNames),
                        at: place.file)
                }
            }
            for (offset, position) in ranked.enumerated() {
                let entrant = inOrder[position]
                ranks[position] = Int32(local[offset])
                let status = entrant.status(seated: entrant.meetsMinimums && local[offset] <= formation.quota)
                statuses[position] = status
                if status.isSeated { passed += 1 }
                guard !undecided.contains(offset) else { continue }
                if let written = entrant.supplied?.status, written.value != status {
                    let rule = Bilingual.seatStatusRule(
                        seated: status.isSeated, reason: explain(entrant), rank: local[offset], seats: formation.quota,
                        formation: formation.code, group: entrant.group)
                    report.add(
                        .suppliedDiffers(
                            row: Int(entrant.identity.row), "status", supplied: written.value.code,
                            computed: status.code,
                            rule: rule),
                        at: written.location)
                }
                if let written = entrant.supplied?.rank, written.value != local[offset] {
                    report.add(
                        .suppliedDiffers(
                            row: Int(entrant.identity.row), "rank", supplied: "\(written.value)",
                            computed: "\(local[offset])", rule: .seatRankRule(keyNames)),
                        at: written.location)
                }
            }
            for position in range where !inOrder[position].isRanked {
                let entrant = inOrder[position]
                statuses[position] = entrant.placement ?? entrant.absence.map(ResultStatus.absent)
            }
            groups.append(
                FormationGroup(
                    formation: formation, range: range, present: ranked.count, passed: passed, shortlisted: nil))
        }
        report.finish(into: &diagnostics)
        let seats = SeatFilling(
            placed: inOrder.indices.map { (inOrder[$0], statuses[$0]) }, formations: formations,
            place: place,
            into: &diagnostics)
        // A seat counts where the participant was placed.
        for index in groups.indices { groups[index].passed = seats.filled[groups[index].formation.code] ?? 0 }
        self.seats = seats
        self.ranks = ranks
        self.statuses = statuses
        self.groups = groups
    }

    /// "A (ANI), B (BUDI)", for messages.
    static func listed(_ entrants: [Entrant]) -> String {
        entrants.map { "\($0.identity.participant) (\($0.identity.name))" }.joined(separator: ", ")
    }

    func participant(_ position: Int) -> String { entrants[position].identity.participant }
    func name(_ position: Int) -> String { entrants[position].identity.name }
    func formation(_ position: Int) -> String { entrants[position].identity.formation }
    func status(_ position: Int) -> ResultStatus? { statuses[position] }
    var seatFilling: SeatFilling? { seats }

    var columns: [ResultColumn] {
        rankedColumns + trailingColumns
            + (seats.hasMoveColumns
                ? [ResultColumn(id: "from_formation", type: .text), ResultColumn(id: "to_formation", type: .text)] : [])
    }

    func cells(_ position: Int, into cells: inout [CellValue]) {
        cells.removeAll(keepingCapacity: true)
        cells += entrants[position].values
        cells.append(ranks[position] > 0 ? .integer(Int(ranks[position])) : .empty)
        cells.append(.status(statuses[position]))
        cells += entrants[position].trailing
        guard seats.hasMoveColumns else { return }
        let move = entrants[position].move
        cells.append(move?.from.map { .text($0.value) } ?? .empty)
        cells.append(move?.to.map { .text($0.value) } ?? .empty)
    }
}

/// Tie-break keys from private data: a higher IPK first, then the older applicant;
/// a missing value ranks after a given one.
enum PrivateKeys {
    static func value(_ key: RankingKey, _ tieBreaks: PrivateTieBreaks) -> Int? {
        switch key {
        case .ipk: Int(tieBreaks.ipk ?? -1)
        case .birthDate: tieBreaks.birthDay.map { -Int($0) } ?? Int.min
        default: nil
        }
    }

    static func merged(_ sources: PrivateTieBreaks?...) -> PrivateTieBreaks {
        PrivateTieBreaks(
            ipk: sources.lazy.compactMap { $0?.ipk }.first, birthDay: sources.lazy.compactMap { $0?.birthDay }.first)
    }
}

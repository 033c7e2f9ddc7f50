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
    /// The columns of the entrants' values, then rank and status.
    let rankedColumns: [ResultColumn]
    let entrants: [Entrant]
    let order: [Int32]
    let ranks: [Int32]
    let statuses: [ResultStatus?]
    let groups: [FormationGroup]
    /// Seats filled per formation, optimisation moves included.
    let seats: SeatFilling

    var count: Int { order.count }

    /// `keyNames` name the keys for messages ("final", "SKD", …); `birthDateKey` is the
    /// index of the older-applicant key, which needs every tied participant's birth date.
    init(
        stage: ResultStage, entry: ResultEntry, place: TablePlace, columns: [ResultColumn], entrants: [Entrant],
        formations: [Formation], keyNames: [String], birthDateKey: Int?, explain: (Entrant) -> String?,
        into diagnostics: inout Diagnostics
    ) {
        self.stage = stage
        self.entry = entry
        rankedColumns = columns
        self.entrants = entrants
        let (order, ranges) = Grouping.order(entrants, formations: formations, formation: \.identity.formationIndex) {
            a, b in
            let (x, y) = (entrants[a], entrants[b])
            if x.keys.isEmpty != y.keys.isEmpty { return !x.keys.isEmpty }
            if x.keys != y.keys { return x.keys.lexicographicallyPrecedes(y.keys, by: >) }
            return x.identity.participant < y.identity.participant
        }
        self.order = order
        var ranks = [Int32](repeating: 0, count: order.count)
        var statuses = [ResultStatus?](repeating: nil, count: order.count)
        var groups: [FormationGroup] = []
        var report = DifferenceReport(place: place)
        for (formation, range) in ranges {
            let ranked = range.filter { !entrants[Int(order[$0])].keys.isEmpty }
            let local = Grouping.competitionRanks(count: ranked.count) {
                entrants[Int(order[ranked[$0]])].keys == entrants[Int(order[ranked[$1]])].keys
            }
            var passed = 0
            let seats = "\(formation.quota) seat\(formation.quota == 1 ? "" : "s")"
            // Those tied on every score across the last seat: the older applicant passes, so
            // each needs a birth date; one missing is the cause to report, not the tie.
            var missingBirthDate = false
            if let birthDateKey {
                var start = 0
                while start < ranked.count {
                    let keys = entrants[Int(order[ranked[start]])].keys
                    var end = start + 1
                    while end < ranked.count,
                        entrants[Int(order[ranked[end]])].keys.prefix(birthDateKey) == keys.prefix(birthDateKey)
                    {
                        end += 1
                    }
                    let tied = ranked[start..<end].map { entrants[Int(order[$0])] }
                    let without = tied.filter { $0.keys[birthDateKey] == Int.min }
                    if start < formation.quota, end > formation.quota, tied.count > 1, !without.isEmpty {
                        missingBirthDate = true
                        diagnostics.error(
                            "formation \(formation.code) (\(seats)): \(Self.names(tied)) tie on every score across the last seat, so the older applicant passes, but \(Self.names(without)) \(without.count == 1 ? "has" : "have") no birth date",
                            at: place.file,
                            hint:
                                "give each a birth date in a column 'birth_date' (tanggal_lahir); it decides the tie and is never published"
                        )
                    }
                    start = end
                }
            }
            var start = 0
            while start < ranked.count {
                var end = start + 1
                while end < ranked.count, local[end] == local[start] { end += 1 }
                let rank = local[start]
                if !missingBirthDate, rank <= formation.quota, rank + (end - start) - 1 > formation.quota {
                    let tied = ranked[start..<end].map { entrants[Int(order[$0])] }
                    diagnostics.error(
                        "formation \(formation.code) (\(seats)): \(Self.names(tied)) tie on every ranking key (\(keyNames.joined(separator: ", "))) across the last seat; the rules cannot decide who passes",
                        at: place.file)
                }
                start = end
            }
            for (offset, position) in ranked.enumerated() {
                let entrant = entrants[Int(order[position])]
                ranks[position] = Int32(local[offset])
                let status = entrant.status(seated: entrant.meetsMinimums && local[offset] <= formation.quota)
                statuses[position] = status
                if status.isSeated { passed += 1 }
                if let written = entrant.supplied?.status {
                    if case .optimised = written.value {
                        statuses[position] = written.value
                    } else if written.value != status {
                        let reason = explain(entrant).map { "\($0); " } ?? ""
                        let member =
                            entrant.group.map { " and the participant is in priority group \($0.code) (\($0.name))" }
                            ?? ""
                        let rule =
                            status.isSeated
                            ? "rank \(local[offset]) is within the \(seats) of formation \(formation.code)\(member)"
                            : "\(reason)rank \(local[offset]) is beyond the \(seats) of formation \(formation.code)\(member)"
                        report.add(
                            "row \(entrant.identity.row): status \(written.value.code) supplied, computed \(status.code): \(rule)",
                            at: written.location)
                    }
                }
                if let written = entrant.supplied?.rank, written.value != local[offset] {
                    report.add(
                        "row \(entrant.identity.row): rank \(written.value) supplied, computed \(local[offset]): per formation by \(keyNames.joined(separator: ", then ")), equal keys sharing a rank",
                        at: written.location)
                }
            }
            for position in range where entrants[Int(order[position])].keys.isEmpty {
                statuses[position] = entrants[Int(order[position])].absence.map(ResultStatus.absent)
            }
            groups.append(
                FormationGroup(
                    formation: formation, range: range, present: ranked.count, passed: passed, shortlisted: nil))
        }
        report.finish(into: &diagnostics)
        let seats = SeatFilling(
            placed: order.indices.map { (entrants[Int(order[$0])], statuses[$0]) }, formations: formations,
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
    static func names(_ entrants: [Entrant]) -> String {
        entrants.map { "\($0.identity.participant) (\($0.identity.name))" }.joined(separator: ", ")
    }

    func participant(_ position: Int) -> String { entrants[Int(order[position])].identity.participant }
    func name(_ position: Int) -> String { entrants[Int(order[position])].identity.name }
    func formation(_ position: Int) -> String { entrants[Int(order[position])].identity.formation }
    func status(_ position: Int) -> ResultStatus? { statuses[position] }
    var seatFilling: SeatFilling? { seats }

    var columns: [ResultColumn] {
        rankedColumns
            + (seats.hasMoveColumns
                ? [ResultColumn(id: "from_formation", type: .text), ResultColumn(id: "to_formation", type: .text)] : [])
    }

    func cells(_ position: Int) -> [CellValue] {
        let rank: CellValue = ranks[position] > 0 ? .integer(Int(ranks[position])) : .empty
        let entrant = entrants[Int(order[position])]
        let cells = entrant.values + [rank, .status(statuses[position])]
        guard seats.hasMoveColumns else { return cells }
        return cells + [entrant.move?.from, entrant.move?.to].map { $0.map { .text($0.value) } ?? .empty }
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

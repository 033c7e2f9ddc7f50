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
}

/// Ranks entrants per formation and decides L (rank ≤ quota) or TL; shared by the CPNS
/// final table and the PPPK competency table.
struct SeatRanking: PublishedResultTable {
    let stage: ResultStage
    let entry: ResultEntry
    let columns: [ResultColumn]
    let entrants: [Entrant]
    let order: [Int32]
    let ranks: [Int32]
    let statuses: [ResultStatus?]
    let groups: [FormationGroup]

    var count: Int { order.count }

    /// `keyNames` name the keys for messages ("final", "SKD", …).
    init(
        stage: ResultStage, entry: ResultEntry, place: TablePlace, columns: [ResultColumn], entrants: [Entrant],
        formations: [Formation], keyNames: [String], explain: (Entrant) -> String?, into diagnostics: inout Diagnostics
    ) {
        self.stage = stage
        self.entry = entry
        self.columns = columns
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
            var start = 0
            while start < ranked.count {
                var end = start + 1
                while end < ranked.count, local[end] == local[start] { end += 1 }
                let rank = local[start]
                if rank <= formation.quota, rank + (end - start) - 1 > formation.quota {
                    let names = ranked[start..<end].map {
                        let who = entrants[Int(order[$0])].identity
                        return "\(who.participant) (\(who.name))"
                    }
                    diagnostics.error(
                        "formation \(formation.code) (\(formation.quota) seat\(formation.quota == 1 ? "" : "s")): \(names.joined(separator: ", ")) tie on every ranking key (\(keyNames.joined(separator: ", "))) across the last seat; the rules cannot decide who passes",
                        at: place.file)
                }
                start = end
            }
            for (offset, position) in ranked.enumerated() {
                let entrant = entrants[Int(order[position])]
                ranks[position] = Int32(local[offset])
                let status: ResultStatus =
                    entrant.meetsMinimums && local[offset] <= formation.quota ? .passed : .notPassed
                statuses[position] = status
                if status == .passed { passed += 1 }
                if let written = entrant.supplied?.status {
                    if case .optimised = written.value {
                        statuses[position] = written.value
                    } else if written.value != status {
                        let reason = explain(entrant).map { "\($0); " } ?? ""
                        let rule =
                            status == .passed
                            ? "rank \(local[offset]) is within the \(formation.quota) seat\(formation.quota == 1 ? "" : "s") of formation \(formation.code)"
                            : "\(reason)rank \(local[offset]) is beyond the \(formation.quota) seat\(formation.quota == 1 ? "" : "s") of formation \(formation.code)"
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
        self.ranks = ranks
        self.statuses = statuses
        self.groups = groups
    }

    func participant(_ position: Int) -> String { entrants[Int(order[position])].identity.participant }
    func name(_ position: Int) -> String { entrants[Int(order[position])].identity.name }
    func formation(_ position: Int) -> String { entrants[Int(order[position])].identity.formation }
    func status(_ position: Int) -> ResultStatus? { statuses[position] }
    func cells(_ position: Int) -> [CellValue] {
        let rank: CellValue = ranks[position] > 0 ? .integer(Int(ranks[position])) : .empty
        return entrants[Int(order[position])].values + [rank, .status(statuses[position])]
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

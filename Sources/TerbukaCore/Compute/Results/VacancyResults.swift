/// The compute stage for results: every table of a vacancy ranked by its rules and
/// checked against the stage before it.
public struct VacancyResults: Sendable {
    /// In stage order.
    public var tables: [any PublishedResultTable]
    public var rules: ScoringRules

    public func table(_ stage: ResultStage) -> (any PublishedResultTable)? {
        tables.first { $0.stage == stage }
    }

    public init(_ vacancy: Vacancy, into diagnostics: inout Diagnostics) {
        let rules = vacancy.scoring
        let input = vacancy.tables
        let formations = vacancy.formations
        var tables: [any PublishedResultTable] = []

        var adminStatus: [String: (AdministrationStatus, String)] = [:]
        if let admin = input.administrasi {
            for row in admin.rows { adminStatus[row.identity.participant] = (row.status, row.identity.formation) }
            tables.append(AdministrationResults(entry: admin.entry, rows: admin.rows, formations: formations))
        }
        func requireMS(_ identity: RowIdentity, place: TablePlace, stage: String) {
            guard input.administrasi != nil else { return }
            guard let (status, formation) = adminStatus[identity.participant] else {
                diagnostics.error("row \(identity.row): participant \(identity.participant) is not in the administration table; only MS participants sit the \(stage)",
                                  at: identity.location(in: place))
                return
            }
            if status != .meets {
                diagnostics.error("row \(identity.row): participant \(identity.participant) is \(status.rawValue) in the administration table; only MS participants sit the \(stage)",
                                  at: identity.location(in: place))
            } else if formation != identity.formation {
                diagnostics.error("row \(identity.row): formation \(identity.formation) differs from \(formation) in the administration table",
                                  at: identity.location(in: place))
            }
        }

        var skd: SKDResults?
        var skdByParticipant: [String: Int] = [:]
        if let table = input.skd {
            for row in table.rows { requireMS(row.identity, place: table.place, stage: "SKD") }
            let computed = SKDResults(entry: table.entry, place: table.place, rows: table.rows, formations: formations, rules: rules, into: &diagnostics)
            // Only the later stages look participants up in SKD.
            if input.skb != nil || input.akhir != nil {
                skdByParticipant.reserveCapacity(computed.count)
                for position in 0..<computed.count { skdByParticipant[computed.participant(position)] = position }
            }
            skd = computed
            tables.append(computed)
        }

        var skbByParticipant: [String: SKBRow] = [:]
        if let table = input.skb {
            for row in table.rows {
                skbByParticipant[row.identity.participant] = row
                guard let skd else { continue }
                guard let position = skdByParticipant[row.identity.participant] else {
                    diagnostics.error("row \(row.identity.row): participant \(row.identity.participant) is not in the SKD table; only P/L participants sit the SKB",
                                      at: row.identity.location(in: table.place))
                    continue
                }
                if skd.status(position) != "P/L" {
                    diagnostics.error("row \(row.identity.row): participant \(row.identity.participant) is \(skd.status(position)) in the SKD table; only P/L participants sit the SKB",
                                      at: row.identity.location(in: table.place))
                } else if skd.formation(position) != row.identity.formation {
                    diagnostics.error("row \(row.identity.row): formation \(row.identity.formation) differs from \(skd.formation(position)) in the SKD table",
                                      at: row.identity.location(in: table.place))
                }
            }
            tables.append(SKBResults(entry: table.entry, rows: table.rows, formations: formations))
        }

        // A final ranking from an SKD or SKB table that could not be read would report every
        // row again; that table's own errors say what to mend.
        if let final = input.akhir, input.unreadable.isDisjoint(with: [.skd, .skb]) {
            // Computed without a file of its own, its rows are the SKB table's.
            let place = final.place ?? input.skb?.place ?? TablePlace(path: vacancy.sourcePath)
            var entrants: [Entrant] = []
            var differences = DifferenceReport(place: place)
            let sources: [(RowIdentity, FinalRow?)] = final.rows.map { rows in rows.map { ($0.identity, $0) } }
                ?? (input.skb?.rows ?? []).map { ($0.identity, nil) }
            for (identity, row) in sources {
                let location = identity.location(in: place)
                var scores: SKDScores?
                var skdTotal = row?.skd
                if let skd, let position = skdByParticipant[identity.participant] {
                    scores = skd.row(position).scores
                    if let written = row?.skd, let total = scores?.total, written != total {
                        differences.add("row \(identity.row): skd \(written) supplied, but the SKD table has \(total)", at: location)
                    }
                    if input.skb == nil, skd.status(position) != "P/L" {
                        diagnostics.error("row \(identity.row): participant \(identity.participant) is \(skd.status(position)) in the SKD table; only P/L participants reach the final ranking",
                                          at: location)
                        continue
                    }
                    if skd.formation(position) != identity.formation {
                        diagnostics.error("row \(identity.row): formation \(identity.formation) differs from \(skd.formation(position)) in the SKD table", at: location)
                        continue
                    }
                    skdTotal = scores?.total
                } else if skd != nil {
                    diagnostics.error("row \(identity.row): participant \(identity.participant) is not in the SKD table", at: location)
                    continue
                }
                var skbScore = row?.skb
                var absence = row?.supplied?.status.flatMap { Absence(rawValue: $0.value) }
                if input.skb != nil {
                    guard let skbRow = skbByParticipant[identity.participant] else {
                        diagnostics.error("row \(identity.row): participant \(identity.participant) is not in the SKB table", at: location)
                        continue
                    }
                    if let written = row?.skb, let score = skbRow.score, written != score {
                        differences.add("row \(identity.row): skb \(Decimals.text(written, scale: 2, mark: ",")) supplied, but the SKB table has \(Decimals.text(score, scale: 2, mark: ","))",
                                        at: location)
                    }
                    if skbRow.identity.formation != identity.formation {
                        diagnostics.error("row \(identity.row): formation \(identity.formation) differs from \(skbRow.identity.formation) in the SKB table", at: location)
                        continue
                    }
                    skbScore = skbRow.score
                    absence = skbRow.absence ?? absence
                }
                if absence == nil, skdTotal == nil || skbScore == nil {
                    diagnostics.error("row \(identity.row): the final score needs the SKD total and the SKB score (columns skd and skb, or the SKD and SKB tables)",
                                      at: location)
                    continue
                }
                let tieBreaks = PrivateKeys.merged(row?.identity.tieBreaks, skbByParticipant[identity.participant]?.identity.tieBreaks,
                                                   skdByParticipant[identity.participant].map { skd!.row($0).identity.tieBreaks })
                var entrant = Entrant(identity: identity, absence: absence, keys: [], supplied: row?.supplied,
                                      values: [skdTotal.map(CellValue.integer) ?? .empty, skbScore.map { .fixed($0, scale: 2) } ?? .empty, .empty],
                                      finalThousandths: nil, meetsMinimums: true)
                if absence == nil, let skdTotal, let skbScore {
                    let numerator = FinalScore.numerator(skd: skdTotal, skbHundredths: skbScore, weights: rules.weights)
                    let thousandths = FinalScore.thousandths(numerator)
                    entrant.finalThousandths = thousandths
                    entrant.values[2] = .fixed(thousandths, scale: 3)
                    entrant.keys = [numerator] + rules.tieBreak.map { key -> Int in
                        switch key {
                        case "skd": skdTotal
                        case "tkp": scores?.tkp ?? -1
                        case "tiu": scores?.tiu ?? -1
                        case "twk": scores?.twk ?? -1
                        case "skb": skbScore
                        default: PrivateKeys.value(key, tieBreaks) ?? -1
                        }
                    }
                    if let part = row?.skdPart, !part.value.agrees(numerator: rules.weights.skd * skdTotal * 10_000, denominator: FinalScore.denominator) {
                        differences.add(
                            "row \(identity.row): weighted SKD part \(part.value.text(mark: ",")) supplied, computed \(Decimals.text(FinalScore.thousandths(rules.weights.skd * skdTotal * 10_000), scale: 3, mark: ",")): \(rules.weights.skd) % × (SKD \(skdTotal) / 550 × 100)",
                            at: part.location)
                    }
                    if let part = row?.skbPart, !part.value.agrees(numerator: rules.weights.skb * skbScore * 550, denominator: FinalScore.denominator) {
                        differences.add(
                            "row \(identity.row): weighted SKB part \(part.value.text(mark: ",")) supplied, computed \(Decimals.text(FinalScore.thousandths(rules.weights.skb * skbScore * 550), scale: 3, mark: ",")): \(rules.weights.skb) % × SKB \(Decimals.text(skbScore, scale: 2, mark: ","))",
                            at: part.location)
                    }
                    if let written = row?.supplied?.final, written.value != thousandths {
                        differences.add(
                            "row \(identity.row): final \(Decimals.text(written.value, scale: 3, mark: ",")) supplied, computed \(Decimals.text(thousandths, scale: 3, mark: ",")): \(rules.weights.skd) % × (SKD \(skdTotal) / 550 × 100) + \(rules.weights.skb) % × SKB \(Decimals.text(skbScore, scale: 2, mark: ","))",
                            at: written.location)
                    }
                }
                entrants.append(entrant)
            }
            // Everyone who sat the SKB is in the final ranking: a missing row would hand
            // their seat to someone else.
            if final.rows != nil, let skb = input.skb {
                let listed = Set(entrants.map(\.identity.participant))
                for row in skb.rows where !listed.contains(row.identity.participant) {
                    diagnostics.error("participant \(row.identity.participant) (\(row.identity.name)) sat the SKB but is not in the final table",
                                      at: place.file)
                }
            }
            differences.finish(into: &diagnostics)
            let columns = [ResultColumn(id: "skd", numeric: true), ResultColumn(id: "skb", numeric: true), ResultColumn(id: "final", numeric: true),
                           ResultColumn(id: "rank", numeric: true), ResultColumn(id: "status", numeric: false)]
            tables.append(SeatRanking(stage: .akhir, entry: final.entry, place: place, columns: columns, entrants: entrants, formations: formations,
                                      keyNames: ["final"] + rules.tieBreak.map(Self.keyName), explain: { _ in nil }, into: &diagnostics))
        }

        if let table = input.kompetensi {
            var entrants: [Entrant] = []
            var differences = DifferenceReport(place: table.place)
            for row in table.rows {
                requireMS(row.identity, place: table.place, stage: "competency test")
                var entrant = Entrant(identity: row.identity, absence: row.absence, keys: [], supplied: row.supplied,
                                      values: rules.components.map { _ in .empty } + [.empty], finalThousandths: nil, meetsMinimums: true)
                if let scores = row.scores {
                    let total = scores.reduce(0, +)
                    entrant.meetsMinimums = zip(rules.components, scores).allSatisfy { $1 >= ($0.min ?? 0) }
                    entrant.values = scores.map(CellValue.integer) + [.integer(total)]
                    entrant.keys = [entrant.meetsMinimums ? 1 : 0, total] + rules.tieBreak.map { key in
                        rules.components.firstIndex { $0.id == key }.map { scores[$0] } ?? PrivateKeys.value(key, row.identity.tieBreaks) ?? -1
                    }
                    if let written = row.supplied?.total, written.value != total {
                        differences.add("row \(row.identity.row): total \(written.value) supplied, computed \(total): \(zip(rules.components, scores).map { "\($0.id) \($1)" }.joined(separator: " + "))",
                                          at: written.location)
                    }
                }
                entrants.append(entrant)
            }
            differences.finish(into: &diagnostics)
            let columns = rules.components.map { ResultColumn(id: $0.id, numeric: true) }
                + [ResultColumn(id: "total", numeric: true), ResultColumn(id: "rank", numeric: true), ResultColumn(id: "status", numeric: false)]
            let components = rules.components
            tables.append(SeatRanking(stage: .kompetensi, entry: table.entry, place: table.place, columns: columns, entrants: entrants,
                                      formations: formations, keyNames: ["minimums met", "total"] + rules.tieBreak.map(Self.keyName),
                                      explain: { entrant in
                                          guard !entrant.meetsMinimums else { return nil }
                                          let below = zip(components, entrant.values).compactMap { component, value -> String? in
                                              guard case .integer(let score) = value, let min = component.min, score < min else { return nil }
                                              return "\(component.label) \(score) is below the minimum \(min)"
                                          }
                                          return below.joined(separator: "; ")
                                      }, into: &diagnostics))
        }
        self.tables = tables
        self.rules = rules
    }

    static func keyName(_ key: String) -> String {
        switch key {
        case "skd": "SKD total"
        case "birth_date": "the older applicant"
        case "ipk": "IPK"
        default: key.uppercased().count <= 3 ? key.uppercased() : key
        }
    }
}

/// Fixed-point numbers as text: 80125 at scale 3 → "80.125" or "80,125".
public enum Decimals {
    public static func text(_ value: Int, scale: Int, mark: String) -> String {
        guard scale > 0 else { return String(value) }
        var factor = 1
        for _ in 0..<scale { factor *= 10 }
        let whole = value / factor
        var fraction = String(value % factor)
        while fraction.count < scale { fraction = "0" + fraction }
        return "\(whole)\(mark)\(fraction)"
    }
}

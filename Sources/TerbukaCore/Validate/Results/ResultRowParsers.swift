/// Stage by stage: the values of one row of a result table.
enum ResultRowParsers {
    static let absenceCodes = Absence.allCases.map(\.rawValue)
    static let skdStatuses = ["P/L", "P", "TL"] + absenceCodes
    static let finalStatuses = ["L", "TL"] + absenceCodes
    /// National optimisation codes, accepted as given in the final table (DOMAIN.md).
    static let optimisationStatuses = ["L-1", "L-2", "P/L-E1", "P/L-E2", "P/L-E3", "P/L-U1", "P/L-U2", "P/L-U3"]

    /// "p / l" → "P/L".
    static func normalizeStatus(_ text: String) -> String {
        text.uppercased().filter { $0 != " " }
    }

    static func administration(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, _ d: inout Diagnostics) -> AdministrationRow? {
        let raw = normalizeStatus(fields.text(.status) ?? "")
        guard let status = AdministrationStatus(rawValue: raw) else {
            d.error("row \(identity.row): status '\(raw)' is not MS or TMS\(fields.reading(.status))", at: fields.location(.status))
            return nil
        }
        let reason = fields.text(.reason).flatMap { $0.isEmpty ? nil : $0 }
        if let reason, let kind = PersonalData.kindInside(reason) {
            d.error("row \(identity.row): the reason holds \(kind), which is personal data", at: fields.location(.reason))
            return nil
        }
        return AdministrationRow(identity: identity, status: status, reason: reason)
    }

    static func skd(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, _ d: inout Diagnostics) -> SKDRow? {
        guard let supplied = supplied(fields, identity, allowed: skdStatuses, &d) else { return nil }
        let written = ["twk", "tiu", "tkp"].map { fields.text($0) ?? "" }
        guard let outcome = outcome(noScores: written.allSatisfy(\.isEmpty), supplied: supplied, identity, place: fields.place, &d) else { return nil }
        var scores: SKDScores?
        if case .scored = outcome {
            let twk = score(fields, "TWK", "twk", max: 150, multipleOf: 5, identity, &d)
            let tiu = score(fields, "TIU", "tiu", max: 175, multipleOf: 5, identity, &d)
            let tkp = score(fields, "TKP", "tkp", max: 225, multipleOf: nil, identity, &d)
            guard let twk, let tiu, let tkp else { return nil }
            scores = SKDScores(twk: twk, tiu: tiu, tkp: tkp)
        }
        let absence = outcome.absence
        return SKDRow(identity: identity, scores: scores, absence: absence, supplied: supplied)
    }

    static func skb(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, _ d: inout Diagnostics) -> SKBRow? {
        guard let supplied = supplied(fields, identity, allowed: absenceCodes, &d) else { return nil }
        let written = fields.text(.skb) ?? ""
        guard let outcome = outcome(noScores: written.isEmpty, supplied: supplied, identity, place: fields.place, &d) else { return nil }
        var score: Int?
        if case .scored = outcome {
            guard let value = fields.scaled(.skb, scale: 2), value <= 10_000 else {
                d.error("row \(identity.row): SKB '\(written)' is not a score from 0 to 100 with at most two decimals", at: fields.location(.skb))
                return nil
            }
            score = value
        }
        let absence = outcome.absence
        return SKBRow(identity: identity, score: score, absence: absence, supplied: supplied)
    }

    static func final(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, _ d: inout Diagnostics) -> FinalRow? {
        guard let supplied = supplied(fields, identity, allowed: finalStatuses + optimisationStatuses, &d) else { return nil }
        var ok = true
        var skd: Int?
        if let raw = fields.text(.skd), !raw.isEmpty {
            skd = Scores.parse(raw, scale: 0, decimalComma: fields.decimalComma)
            if skd == nil || skd! > 550 {
                d.error("row \(identity.row): SKD total '\(raw)' is not a whole number from 0 to 550", at: fields.location(.skd))
                ok = false
            }
        }
        var skb: Int?
        if let raw = fields.text(.skb), !raw.isEmpty {
            skb = fields.scaled(.skb, scale: 2)
            if skb == nil || skb! > 10_000 {
                d.error("row \(identity.row): SKB '\(raw)' is not a score from 0 to 100 with at most two decimals", at: fields.location(.skb))
                ok = false
            }
        }
        var parts: [Located<WrittenDecimal>] = []
        for (column, label) in [(ResultTableReader.Column.skdWeighted, "SKD"), (.skbWeighted, "SKB")] {
            guard let raw = fields.text(column), !raw.isEmpty else {
                parts.append(Located(WrittenDecimal(thousandths: -1, decimals: 0), at: fields.location(column)))
                continue
            }
            guard let value = WrittenDecimal(raw, decimalComma: fields.decimalComma), value.thousandths <= 100_000 else {
                d.error("row \(identity.row): weighted \(label) part '\(raw)' is not a number from 0 to 100 with at most three decimals\(fields.reading(column))",
                        at: fields.location(column))
                ok = false
                continue
            }
            parts.append(Located(value, at: fields.location(column)))
        }
        guard ok else { return nil }
        let given = parts.map { $0.value.thousandths >= 0 ? $0 : nil }
        return FinalRow(identity: identity, skd: skd, skb: skb, skdPart: given[0], skbPart: given[1], supplied: supplied)
    }

    static func competency(rules: ScoringRules) -> (ResultTableReader.Fields, RowIdentity, inout Diagnostics) -> CompetencyRow? {
        { fields, identity, d in
            guard let supplied = supplied(fields, identity, allowed: finalStatuses, &d) else { return nil }
            let allEmpty = rules.components.allSatisfy { (fields.text($0.id) ?? "").isEmpty }
            guard let outcome = outcome(noScores: allEmpty, supplied: supplied, identity, place: fields.place, &d) else { return nil }
            var scores: [Int]?
            if case .scored = outcome {
                var values: [Int] = []
                for component in rules.components {
                    guard let value = score(fields, component.label, component.id, max: component.max, multipleOf: component.multipleOf, identity, &d)
                    else { return nil }
                    values.append(value)
                }
                scores = values
            }
            let absence = outcome.absence
            return CompetencyRow(identity: identity, scores: scores, absence: absence, supplied: supplied)
        }
    }

    enum Outcome {
        case scored
        case absent(Absence)

        var absence: Absence? {
            if case .absent(let absence) = self { return absence }
            return nil
        }
    }

    /// Scores, or an absence status with no scores; anything else is an error.
    private static func outcome(noScores: Bool, supplied: SuppliedColumns?, _ identity: RowIdentity, place: TablePlace,
                                _ d: inout Diagnostics) -> Outcome? {
        let absence = supplied?.status.flatMap { Absence(rawValue: $0.value) }
        if noScores {
            guard let absence else {
                d.error("row \(identity.row): no scores; write the scores, or the status TH (absent), DIS (disqualified) or APS (withdrew)",
                        at: identity.location(in: place))
                return nil
            }
            return .absent(absence)
        }
        if let absence, let status = supplied?.status {
            d.error("row \(identity.row): status \(absence.rawValue) but scores are given; an absent participant has no scores", at: status.location)
            return nil
        }
        return .scored
    }

    private static func score(_ fields: ResultTableReader.Fields, _ label: String, _ column: String, max: Int, multipleOf: Int?,
                              _ identity: RowIdentity, _ d: inout Diagnostics) -> Int? {
        let raw = fields.text(column) ?? ""
        guard let value = Scores.parse(raw, scale: 0, decimalComma: fields.decimalComma) else {
            d.error("row \(identity.row): \(label) '\(raw)' is not a whole number", at: fields.location(column))
            return nil
        }
        guard value <= max else {
            d.error("row \(identity.row): \(label) \(value) is outside 0–\(max)", at: fields.location(column))
            return nil
        }
        if let step = multipleOf, value % step != 0 {
            d.error("row \(identity.row): \(label) \(value) is not a multiple of \(step) (\(step) points per correct answer)", at: fields.location(column))
            return nil
        }
        return value
    }

    private static func supplied(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, allowed: [String],
                                 _ d: inout Diagnostics) -> SuppliedColumns?? {
        var total: Located<Int>?, rank: Located<Int>?, status: Located<String>?, final: Located<Int>?
        var ok = true
        if let raw = fields.text(.total), !raw.isEmpty {
            if let value = Scores.parse(raw, scale: 0, decimalComma: fields.decimalComma) {
                total = Located(value, at: fields.location(.total))
            } else {
                d.error("row \(identity.row): total '\(raw)' is not a whole number", at: fields.location(.total))
                ok = false
            }
        }
        if let raw = fields.text(.rank), !raw.isEmpty {
            if let value = Int(raw), value >= 1 {
                rank = Located(value, at: fields.location(.rank))
            } else {
                d.error("row \(identity.row): rank '\(raw)' is not a whole number from 1", at: fields.location(.rank))
                ok = false
            }
        }
        if let raw = fields.text(.status), !raw.isEmpty {
            let normalized = normalizeStatus(raw)
            if allowed.contains(normalized) {
                status = Located(normalized, at: fields.location(.status))
            } else {
                d.error("row \(identity.row): status '\(raw)' is not one of \(allowed.joined(separator: ", "))\(fields.reading(.status))", at: fields.location(.status))
                ok = false
            }
        }
        if let raw = fields.text(.final), !raw.isEmpty {
            if let value = fields.scaled(.final, scale: 3), value <= 100_000 {
                final = Located(value, at: fields.location(.final))
            } else {
                d.error("row \(identity.row): final '\(raw)' is not a score from 0 to 100 with at most three decimals", at: fields.location(.final))
                ok = false
            }
        }
        guard ok else { return nil }
        let result = SuppliedColumns(total: total, rank: rank, status: status, final: final)
        return .some(result.isEmpty ? nil : result)
    }
}

/// Stage by stage: the values of one row of a result table.
enum ResultRowParsers {
    static func administration(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, _ d: inout Diagnostics)
        -> AdministrationRow?
    {
        let raw = ResultStatus.normalize(fields.text(.status) ?? "")
        let accepted = ResultStatus.accepted(at: .administrasi)
        guard let status = ResultStatus(code: raw), accepted.contains(status) else {
            d.error(
                .badStatus(
                    row: Int(identity.row), raw, accepted: accepted.map(\.code), optimisation: false,
                    reading: fields.reading(.status)),
                at: fields.location(.status))
            return nil
        }
        let reason = fields.text(.reason).flatMap { $0.isEmpty ? nil : $0 }
        if let reason, let kind = PersonalData.kindInside(reason) {
            d.error(.personalDataInRow(row: Int(identity.row), .reason, kind: kind), at: fields.location(.reason))
            return nil
        }
        return AdministrationRow(identity: identity, status: status, reason: reason)
    }

    /// The SKD's tests with their columns, looked up by index rather than by name: this runs
    /// for every row.
    private static let skdTests: [(mark: SKDMark, column: ResultTableReader.Column)] = [
        (.twk, .twk), (.tiu, .tiu), (.tkp, .tkp),
    ]

    static func skd(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, _ d: inout Diagnostics) -> SKDRow? {
        guard let supplied = supplied(fields, identity, stage: .skd, &d) else {
            return nil
        }
        // Three values, not an array of them: this runs for every row.
        let written = (fields.text(.twk) ?? "", fields.text(.tiu) ?? "", fields.text(.tkp) ?? "")
        guard
            let outcome = outcome(
                noScores: written.0.isEmpty && written.1.isEmpty && written.2.isEmpty, supplied: supplied, identity,
                place: fields.place, &d)
        else { return nil }
        var scores: SKDScores?
        if case .scored = outcome {
            func value(_ test: Int, _ raw: String) -> Int? {
                let (mark, column) = skdTests[test]
                return score(
                    raw, mark.label, at: fields.location(column), max: mark.maximum, multipleOf: mark.multipleOf,
                    decimalComma: fields.decimalComma, identity, &d)
            }
            // Each test read, and reported, in the tests' order (TWK, TIU, TKP).
            let twk = value(0, written.0)
            let tiu = value(1, written.1)
            let tkp = value(2, written.2)
            guard let twk, let tiu, let tkp else { return nil }
            scores = SKDScores(twk: twk, tiu: tiu, tkp: tkp)
        }
        var row = SKDRow(identity: identity, scores: scores, absence: outcome.absence, supplied: supplied)
        if let raw = fields.text(.skdSource), !raw.isEmpty {
            // "2023", "SKD 2023", "Tahun 2023": the year the score was obtained.
            let digits = raw.split(whereSeparator: { !$0.isASCIIDigit }).map { String($0) }.filter { $0.count == 4 }
            guard digits.count == 1, let year = Int16(digits[0]), (2000...2099).contains(year), scores != nil else {
                d.error(
                    .skdSourceNotAYear(row: Int(identity.row), raw, noScores: scores == nil),
                    at: fields.location(.skdSource))
                return nil
            }
            row.source = year
        }
        return row
    }

    /// The SKB score, or, when the notice declares the SKB's parts, each part and their
    /// weighted sum (with the typed SKB score kept to be checked against it).
    static func skb(rules: ScoringRules) -> (ResultTableReader.Fields, RowIdentity, inout Diagnostics) -> SKBRow? {
        { fields, identity, d in
            guard let supplied = supplied(fields, identity, stage: .skb, &d) else {
                return nil
            }
            let parts = rules.skbParts
            let written = parts.isEmpty ? [fields.text(.skb) ?? ""] : parts.map { fields.text($0.id) ?? "" }
            guard
                let outcome = outcome(
                    noScores: written.allSatisfy(\.isEmpty), supplied: supplied, identity, place: fields.place, &d)
            else { return nil }
            var row = SKBRow(identity: identity, score: nil, absence: outcome.absence, supplied: supplied)
            guard case .scored = outcome else { return row }
            if parts.isEmpty {
                guard let value = fields.scaled(.skb, scale: 2), value <= ScoreRange.maximumHundredths else {
                    d.error(
                        .notAScore(row: Int(identity.row), "SKB", written[0], decimals: 2), at: fields.location(.skb))
                    return nil
                }
                row.score = SKBScore(hundredths: value)
                return row
            }
            var scores: [Int] = []
            for (part, raw) in zip(parts, written) {
                guard let value = fields.scaled(part.id, scale: 2), value <= ScoreRange.maximumHundredths else {
                    d.error(
                        .notAScore(row: Int(identity.row), "SKB part \(part.label)", raw, decimals: 2),
                        at: fields.location(part.id))
                    return nil
                }
                scores.append(value)
            }
            row.parts = scores
            row.score = SKBScore(parts: scores, weights: parts.map { $0.weight ?? 0 })
            if let raw = fields.text(.skb), !raw.isEmpty {
                guard let value = SKBScore.Written(raw, decimalComma: fields.decimalComma) else {
                    d.error(.notAScore(row: Int(identity.row), "SKB", raw, decimals: 4), at: fields.location(.skb))
                    return nil
                }
                row.suppliedScore = Located(value, at: fields.location(.skb))
            }
            return row
        }
    }

    static func final(_ fields: ResultTableReader.Fields, _ identity: RowIdentity, _ d: inout Diagnostics) -> FinalRow?
    {
        guard let supplied = supplied(fields, identity, stage: .akhir, &d) else {
            return nil
        }
        var ok = true
        var skd: Int?
        if let raw = fields.text(.skd), !raw.isEmpty {
            skd = CellText.parse(raw, scale: 0, decimalComma: fields.decimalComma)
            if skd == nil || skd! > SKDMark.total.maximum {
                d.error(
                    .skdTotalNotWhole(row: Int(identity.row), raw, maximum: SKDMark.total.maximum),
                    at: fields.location(.skd))
                ok = false
            }
        }
        var skb: SKBScore.Written?
        if let raw = fields.text(.skb), !raw.isEmpty {
            skb = SKBScore.Written(raw, decimalComma: fields.decimalComma)
            if skb == nil {
                d.error(.notAScore(row: Int(identity.row), "SKB", raw, decimals: 4), at: fields.location(.skb))
                ok = false
            }
        }
        var parts: [Located<WrittenDecimal>] = []
        for (column, label) in [(ResultTableReader.Column.skdWeighted, "SKD"), (.skbWeighted, "SKB")] {
            guard let raw = fields.text(column), !raw.isEmpty else {
                parts.append(Located(WrittenDecimal(thousandths: -1, decimals: 0), at: fields.location(column)))
                continue
            }
            guard let value = WrittenDecimal(raw, decimalComma: fields.decimalComma),
                value.thousandths <= ScoreRange.maximumThousandths
            else {
                d.error(
                    .notAScore(
                        row: Int(identity.row), "weighted \(label) part", raw, decimals: 3,
                        reading: fields.reading(column)),
                    at: fields.location(column))
                ok = false
                continue
            }
            parts.append(Located(value, at: fields.location(column)))
        }
        guard ok else { return nil }
        let given = parts.map { $0.value.thousandths >= 0 ? $0 : nil }
        return FinalRow(
            identity: identity, skd: skd, skb: skb, skdPart: given[0], skbPart: given[1], supplied: supplied,
            move: move(fields))
    }

    /// `from_formation` and `to_formation`, when written.
    static func move(_ fields: ResultTableReader.Fields) -> MoveColumns? {
        func cell(_ column: String) -> Located<String>? {
            guard let text = fields.text(column), !text.isEmpty else { return nil }
            return Located(text, at: fields.location(column))
        }
        let move = MoveColumns(from: cell("from_formation"), to: cell("to_formation"))
        return move.from == nil && move.to == nil ? nil : move
    }

    static func competency(rules: ScoringRules) -> (ResultTableReader.Fields, RowIdentity, inout Diagnostics) ->
        CompetencyRow?
    {
        { fields, identity, d in
            guard let supplied = supplied(fields, identity, stage: .kompetensi, &d) else {
                return nil
            }
            let allEmpty = rules.components.allSatisfy { (fields.text($0.id) ?? "").isEmpty }
            guard
                let outcome = outcome(
                    noScores: allEmpty, supplied: supplied, identity, place: fields.place, allowsTMS: true, &d)
            else { return nil }
            var scores: [Int]?
            if case .scored = outcome {
                var values: [Int] = []
                for component in rules.components {
                    // A component written as its parts, in columns of their own, is their sum.
                    let parts =
                        !component.separateParts.isEmpty
                            && component.separateParts.allSatisfy { fields.index($0.id) != nil }
                        ? component.parts : [component]
                    var sum = 0
                    for part in parts {
                        guard
                            let value = score(
                                fields.text(part.id) ?? "", part.label, at: fields.location(part.id), max: part.max,
                                multipleOf: part.multipleOf, decimalComma: fields.decimalComma, identity, &d)
                        else { return nil }
                        sum += value
                    }
                    values.append(sum)
                }
                scores = values
            }
            var group: PriorityGroup?
            if let raw = fields.text("group"), !raw.isEmpty {
                guard let written = PriorityGroup(written: raw), rules.priorityGroups.contains(written) else {
                    d.error(
                        .unknownGroupInRow(row: Int(identity.row), raw, groups: rules.priorityGroups),
                        at: fields.location("group"))
                    return nil
                }
                group = written
            }
            let absence = outcome.absence
            return CompetencyRow(
                identity: identity, scores: scores, group: group, absence: absence, supplied: supplied,
                move: move(fields))
        }
    }

    enum Outcome {
        case scored
        case absent(Absence)
        /// TMS in a competency table: found not to meet the requirements, so no scores.
        case doesNotMeet

        var absence: Absence? {
            if case .absent(let absence) = self { return absence }
            return nil
        }
    }

    /// Scores, or an absence status with no scores (or TMS where `allowsTMS`); anything
    /// else is an error.
    private static func outcome(
        noScores: Bool, supplied: SuppliedColumns?, _ identity: RowIdentity, place: TablePlace,
        allowsTMS: Bool = false, _ d: inout Diagnostics
    ) -> Outcome? {
        let absence = supplied?.status?.value.absence
        if allowsTMS, let status = supplied?.status, status.value == .doesNotMeet {
            guard noScores else {
                d.error(.tmsWithScores(row: Int(identity.row)), at: status.location)
                return nil
            }
            return .doesNotMeet
        }
        if noScores {
            guard let absence else {
                d.error(.noScores(row: Int(identity.row)), at: identity.location(in: place))
                return nil
            }
            return .absent(absence)
        }
        if let absence, let status = supplied?.status {
            d.error(.absentWithScores(row: Int(identity.row), absence.rawValue), at: status.location)
            return nil
        }
        return .scored
    }

    /// The whole score `raw`, written in the cell at `location`, named `label` in messages.
    private static func score(
        _ raw: String, _ label: String, at location: @autoclosure () -> SourceLocation, max: Int, multipleOf: Int?,
        decimalComma: Bool, _ identity: RowIdentity, _ d: inout Diagnostics
    ) -> Int? {
        guard let value = CellText.parse(raw, scale: 0, decimalComma: decimalComma) else {
            d.error(.notAWholeScore(row: Int(identity.row), label, raw), at: location())
            return nil
        }
        guard value <= max else {
            d.error(.scoreOutOfRange(row: Int(identity.row), label, value, maximum: max), at: location())
            return nil
        }
        if let step = multipleOf, value % step != 0 {
            d.error(.notAMultiple(row: Int(identity.row), label, value, step: step), at: location())
            return nil
        }
        return value
    }

    private static func supplied(
        _ fields: ResultTableReader.Fields, _ identity: RowIdentity, stage: ResultStage,
        _ d: inout Diagnostics
    ) -> SuppliedColumns?? {
        let written = (fields.text(.total), fields.text(.rank), fields.text(.status), fields.text(.final))
        // Most tables type none of them: no optional values made and dropped per row (perf
        // showed their generic copies and destroys on every row of a million).
        func empty(_ raw: String?) -> Bool { raw?.isEmpty ?? true }
        if empty(written.0), empty(written.1), empty(written.2), empty(written.3) { return .some(nil) }
        var total: Located<Int>?
        var rank: Located<Int>?
        var status: Located<ResultStatus>?
        var final: Located<Int>?
        var ok = true
        if let raw = written.0, !raw.isEmpty {
            if let value = CellText.parse(raw, scale: 0, decimalComma: fields.decimalComma) {
                total = Located(value, at: fields.location(.total))
            } else {
                d.error(.notAWholeScore(row: Int(identity.row), "total", raw), at: fields.location(.total))
                ok = false
            }
        }
        if let raw = written.1, !raw.isEmpty {
            if let value = Int(raw), value >= 1 {
                rank = Located(value, at: fields.location(.rank))
            } else {
                d.error(.badRank(row: Int(identity.row), raw), at: fields.location(.rank))
                ok = false
            }
        }
        if let raw = written.2, !raw.isEmpty {
            if let value = ResultStatus(code: raw), value.isAccepted(at: stage) {
                status = Located(value, at: fields.location(.status))
            } else {
                d.error(
                    .badStatus(
                        row: Int(identity.row), raw, accepted: ResultStatus.accepted(at: stage).map(\.code),
                        optimisation: ResultStatus.acceptsOptimisation(at: stage), reading: fields.reading(.status)),
                    at: fields.location(.status))
                ok = false
            }
        }
        if let raw = written.3, !raw.isEmpty {
            if let value = fields.scaled(.final, scale: 3), value <= ScoreRange.maximumThousandths {
                final = Located(value, at: fields.location(.final))
            } else {
                d.error(.notAScore(row: Int(identity.row), "final", raw, decimals: 3), at: fields.location(.final))
                ok = false
            }
        }
        guard ok else { return nil }
        return .some(SuppliedColumns(total: total, rank: rank, status: status, final: final))
    }
}

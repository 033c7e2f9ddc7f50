/// A vacancy's `scoring` overrides applied to its preset.
enum ScoringValidator {
    static let keys = [
        "passing", "shortlist_multiplier", "weights", "components", "tie_break", "priority_groups", "skb",
    ]
    static let skbPartKeys = ["id", "weight", "label"]
    /// Names a component or SKB part cannot take: every column a result table already reads
    /// (with its other names), compared as headers are.
    static let reservedColumns: Set<String> = Set(
        (ResultColumns.common + [ResultColumns.total, ResultColumns.rank, ResultColumns.status, ResultColumns.group])
            .flatMap(\.acceptedNames).map(TableColumn.normalize)
            + ["skb", "skd", "final", "reason", "skdsource", "fromformation", "toformation"])

    static func isReserved(_ id: String) -> Bool { reservedColumns.contains(TableColumn.normalize(id)) }
    static let componentKeys = ["id", "label", "max", "min", "multiple_of"]

    static func rules(_ map: YAMLMapping?, kind: RecruitmentKind, into diagnostics: inout Diagnostics) -> ScoringRules {
        var rules = ScoringRules.preset(for: kind)
        guard let map else { return rules }
        map.checkKeys(known: keys, required: [], in: .scoring, into: &diagnostics)
        if let passing = map.mapping("passing", into: &diagnostics) {
            for entry in passing.entries {
                guard Slug.isValid(entry.key) else {
                    diagnostics.error(.formationKindNotASlug(entry.key), at: entry.keyLocation)
                    continue
                }
                guard let marks = entry.value.mapping(what: .passing(entry.key), into: &diagnostics) else { continue }
                marks.checkKeys(
                    known: SKDMark.allCases.map(\.rawValue), required: [], in: .passing(entry.key),
                    into: &diagnostics)
                // Figures given replace the preset's one by one; 0 removes a minimum.
                var merged = rules.passing[entry.key] ?? PassingMarks()
                for mark in SKDMark.allCases {
                    guard let value = marks.integer(mark.rawValue, into: &diagnostics) else { continue }
                    guard (0...mark.maximum).contains(value.value) else {
                        diagnostics.error(
                            .passingMarkOutOfRange(mark.rawValue, value.value, maximum: mark.maximum),
                            at: value.location)
                        continue
                    }
                    merged[mark] = value.value == 0 ? nil : value.value
                }
                if merged == PassingMarks(), marks.entries.isEmpty {
                    diagnostics.error(.passingNamesNoMinimum(entry.key), at: entry.keyLocation)
                    continue
                }
                rules.passing[entry.key] = merged
            }
        }
        if let multiplier = map.integer("shortlist_multiplier", into: &diagnostics) {
            if multiplier.value >= 1 {
                rules.shortlistMultiplier = multiplier.value
            } else {
                diagnostics.error(.shortlistMultiplierBelowOne, at: multiplier.location)
            }
        }
        if let weights = map.mapping("weights", into: &diagnostics) {
            weights.checkKeys(
                known: ["skd", "skb"], required: ["skd", "skb"], in: .weights, into: &diagnostics)
            if let skd = weights.integer("skd", into: &diagnostics),
                let skb = weights.integer("skb", into: &diagnostics)
            {
                if skd.value < 0 || skb.value < 0 || skd.value + skb.value != 100 {
                    diagnostics.error(.weightsDoNotAddUp(skd: skd.value, skb: skb.value), at: weights.location)
                } else {
                    rules.weights = ScoringRules.Weights(skd: skd.value, skb: skb.value)
                }
            }
        }
        if let list = map.list("components", into: &diagnostics) {
            var components: [ScoreComponent] = []
            for item in list {
                guard let component = item.mapping(what: .component, into: &diagnostics) else { continue }
                component.checkKeys(
                    known: componentKeys, required: ["id", "label", "max"], in: .component,
                    into: &diagnostics)
                guard let id = component.text("id", into: &diagnostics),
                    let label = component.text("label", into: &diagnostics),
                    let max = component.integer("max", into: &diagnostics)
                else { continue }
                let min = component.integer("min", into: &diagnostics)
                let step = component.integer("multiple_of", into: &diagnostics)
                if !Slug.isValid(id.value)
                    || isReserved(id.value)
                {
                    diagnostics.error(.componentIDTaken(id.value), at: id.location)
                    continue
                }
                if components.contains(where: { $0.id == id.value }) {
                    diagnostics.error(.componentListedTwice(id.value), at: id.location)
                    continue
                }
                if max.value < 1 || (min.map { $0.value < 0 || $0.value > max.value } ?? false)
                    || (step.map { $0.value < 1 } ?? false)
                {
                    diagnostics.error(.componentBounds(id.value), at: component.location)
                    continue
                }
                components.append(
                    ScoreComponent(
                        id: id.value, label: label.value, max: max.value, min: min?.value, multipleOf: step?.value))
            }
            if !components.isEmpty {
                rules.components = components
                if kind == .pppk, map["tie_break"] == nil {
                    rules.tieBreak = components.map { .component($0.id) } + [.birthDate]
                }
            }
        }
        if let list = map.list("skb", into: &diagnostics) {
            let before = diagnostics.errorCount
            rules.skbParts = skbParts(list, kind: kind, at: map["skb"]?.location ?? map.location, into: &diagnostics)
            rules.skbPartsUnreadable = rules.skbParts.isEmpty && diagnostics.errorCount > before
        }
        if let list = map.list("priority_groups", into: &diagnostics) {
            var groups: [PriorityGroup] = []
            let before = diagnostics.errorCount
            for item in list {
                guard let written = item.text(key: "priority_groups", into: &diagnostics) else { continue }
                guard let group = PriorityGroup(written: written.value) else {
                    diagnostics.error(.unknownPriorityGroup(written.value), at: written.location)
                    continue
                }
                if groups.contains(group) {
                    diagnostics.error(.priorityGroupListedTwice(group.code), at: written.location)
                    continue
                }
                groups.append(group)
            }
            if diagnostics.errorCount > before {
                // The preset's groups stay, so that the table is not checked against half a list.
            } else if kind == .cpns, !groups.isEmpty {
                diagnostics.error(.priorityGroupsForCPNS, at: list.first?.location ?? map.location)
            } else {
                rules.priorityGroups = groups
            }
        }
        if let list = map.list("tie_break", into: &diagnostics) {
            let allowed = kind == .cpns ? RankingKey.cpnsKeys : RankingKey.pppkKeys(rules.components)
            var keys: [RankingKey] = []
            for item in list {
                guard let written = item.text(key: "tie_break", into: &diagnostics) else { continue }
                if let key = allowed.first(where: { $0.id == written.value }), !keys.contains(key) {
                    keys.append(key)
                } else {
                    let ids = allowed.map(\.id)
                    diagnostics.error(.unknownTieBreak(written.value, known: ids), at: written.location)
                }
            }
            rules.tieBreak = keys
        }
        return rules
    }

    /// `skb: [{id: cat, weight: 60}, …]`: the SKB's parts, each scored 0–100, and their
    /// weights in whole percent adding up to 100 (PermenPANRB 6/2024 art. 22).
    static func skbParts(
        _ list: [YAMLValue], kind: RecruitmentKind, at location: SourceLocation,
        into diagnostics: inout Diagnostics
    ) -> [ScoreComponent] {
        let before = diagnostics.errorCount
        if kind == .pppk, !list.isEmpty {
            diagnostics.error(.skbPartsForPPPK, at: location)
            return []
        }
        var parts: [ScoreComponent] = []
        for item in list {
            guard let part = item.mapping(what: .skbPart, into: &diagnostics) else { continue }
            part.checkKeys(known: skbPartKeys, required: ["id", "weight"], in: .skbPart, into: &diagnostics)
            guard let id = part.text("id", into: &diagnostics), let weight = part.integer("weight", into: &diagnostics)
            else { continue }
            let label = part.text("label", into: &diagnostics)?.value
            if !Slug.isValid(id.value) || isReserved(id.value) {
                diagnostics.error(.skbPartIDTaken(id.value), at: id.location)
                continue
            }
            if parts.contains(where: { $0.id == id.value }) {
                diagnostics.error(.skbPartListedTwice(id.value), at: id.location)
                continue
            }
            guard (1...100).contains(weight.value) else {
                diagnostics.error(.skbPartWeight(id.value, weight.value), at: weight.location)
                continue
            }
            parts.append(
                ScoreComponent(
                    id: id.value, label: label ?? (id.value.count <= 3 ? id.value.uppercased() : id.value.capitalized),
                    max: 100, weight: weight.value))
        }
        guard diagnostics.errorCount == before else { return [] }
        let sum = parts.reduce(0) { $0 + ($1.weight ?? 0) }
        if !parts.isEmpty, sum != 100 {
            // The parts stay, so that the SKB table is read as the notice means it; the build
            // stops on this one error.
            diagnostics.error(
                .skbPartWeightsSum(sum, parts: parts.map { "\($0.id) \($0.weight ?? 0)" }.joined(separator: " + ")),
                at: location)
        }
        return parts
    }
}

/// A vacancy's `scoring` overrides applied to its preset.
enum ScoringValidator {
    static let keys = ["passing", "shortlist_multiplier", "weights", "components", "tie_break"]
    static let markKeys = ["twk", "tiu", "tkp", "total"]
    static let componentKeys = ["id", "label", "max", "min", "multiple_of"]

    static func rules(_ map: YAMLMapping?, kind: RecruitmentKind, into diagnostics: inout Diagnostics) -> ScoringRules {
        var rules = ScoringRules.preset(for: kind)
        guard let map else { return rules }
        map.checkKeys(known: keys, required: [], in: "scoring", into: &diagnostics)
        if let passing = map.mapping("passing", into: &diagnostics) {
            for entry in passing.entries {
                guard Slug.isValid(entry.key) else {
                    diagnostics.error("formation kind '\(entry.key)' is not a slug", at: entry.keyLocation,
                                      hint: "write it as '\(FormationKind.normalize(entry.key))'")
                    continue
                }
                guard let marks = entry.value.mapping(what: "passing entry", into: &diagnostics) else { continue }
                marks.checkKeys(known: markKeys, required: [], in: "scoring.passing.\(entry.key)", into: &diagnostics)
                func mark(_ key: String, max: Int) -> Int? {
                    guard let value = marks.integer(key, into: &diagnostics) else { return nil }
                    guard (0...max).contains(value.value) else {
                        diagnostics.error("passing mark \(key) \(value.value) is outside 0–\(max)", at: value.location)
                        return nil
                    }
                    return value.value
                }
                // Figures given replace the preset's one by one; 0 removes a minimum.
                var merged = rules.passing[entry.key] ?? PassingMarks()
                if let value = mark("twk", max: 150) { merged.twk = value == 0 ? nil : value }
                if let value = mark("tiu", max: 175) { merged.tiu = value == 0 ? nil : value }
                if let value = mark("tkp", max: 225) { merged.tkp = value == 0 ? nil : value }
                if let value = mark("total", max: 550) { merged.total = value == 0 ? nil : value }
                if merged == PassingMarks(), marks.entries.isEmpty {
                    diagnostics.error("scoring.passing.\(entry.key) names no minimum", at: entry.keyLocation, hint: "give twk, tiu, tkp or total")
                    continue
                }
                rules.passing[entry.key] = merged
            }
        }
        if let multiplier = map.integer("shortlist_multiplier", into: &diagnostics) {
            if multiplier.value >= 1 {
                rules.shortlistMultiplier = multiplier.value
            } else {
                diagnostics.error("shortlist_multiplier must be at least 1", at: multiplier.location)
            }
        }
        if let weights = map.mapping("weights", into: &diagnostics) {
            weights.checkKeys(known: ["skd", "skb"], required: ["skd", "skb"], in: "scoring.weights", into: &diagnostics)
            if let skd = weights.integer("skd", into: &diagnostics), let skb = weights.integer("skb", into: &diagnostics) {
                if skd.value < 0 || skb.value < 0 || skd.value + skb.value != 100 {
                    diagnostics.error("weights skd \(skd.value) and skb \(skb.value) must be whole percentages adding up to 100", at: weights.location)
                } else {
                    rules.weights = ScoringRules.Weights(skd: skd.value, skb: skb.value)
                }
            }
        }
        if let list = map.list("components", into: &diagnostics) {
            var components: [CompetencyComponent] = []
            for item in list {
                guard let component = item.mapping(what: "component", into: &diagnostics) else { continue }
                component.checkKeys(known: componentKeys, required: ["id", "label", "max"], in: "a scoring component", into: &diagnostics)
                guard let id = component.text("id", into: &diagnostics), let label = component.text("label", into: &diagnostics),
                      let max = component.integer("max", into: &diagnostics) else { continue }
                let min = component.integer("min", into: &diagnostics)
                let step = component.integer("multiple_of", into: &diagnostics)
                if !Slug.isValid(id.value) || ["participant", "name", "formation", "total", "rank", "status"].contains(id.value) {
                    diagnostics.error("component id '\(id.value)' must be a slug other than a column the table already has", at: id.location)
                    continue
                }
                if components.contains(where: { $0.id == id.value }) {
                    diagnostics.error("component '\(id.value)' is listed twice", at: id.location)
                    continue
                }
                if max.value < 1 || (min.map { $0.value < 0 || $0.value > max.value } ?? false) || (step.map { $0.value < 1 } ?? false) {
                    diagnostics.error("component '\(id.value)' needs max ≥ 1, 0 ≤ min ≤ max and multiple_of ≥ 1", at: component.location)
                    continue
                }
                components.append(CompetencyComponent(id: id.value, label: label.value, max: max.value, min: min?.value, multipleOf: step?.value))
            }
            if !components.isEmpty {
                rules.components = components
                if kind == .pppk, map["tie_break"] == nil { rules.tieBreak = components.map(\.id) }
            }
        }
        if let list = map.list("tie_break", into: &diagnostics) {
            let allowed = kind == .cpns
                ? ["skd", "tkp", "tiu", "twk", "skb", "ipk", "birth_date"]
                : rules.components.map(\.id) + ["ipk", "birth_date"]
            var keys: [String] = []
            for item in list {
                guard let key = item.text(key: "tie_break", into: &diagnostics) else { continue }
                if allowed.contains(key.value), !keys.contains(key.value) {
                    keys.append(key.value)
                } else {
                    diagnostics.error("tie_break key '\(key.value)' is unknown or repeated", at: key.location,
                                      hint: Suggestion.hint(for: key.value, in: allowed) ?? "use: \(allowed.joined(separator: ", "))")
                }
            }
            rules.tieBreak = keys
        }
        return rules
    }
}

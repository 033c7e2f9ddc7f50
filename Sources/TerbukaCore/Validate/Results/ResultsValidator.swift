/// Reads the result tables a notice lists, one per stage.
enum ResultsValidator {
    static func read(_ entries: [ResultEntry], vacancy: LoadedVacancy, kind: RecruitmentKind, formations: [Formation],
                     rules: ScoringRules, into diagnostics: inout Diagnostics) -> VacancyResultTables {
        var tables = VacancyResultTables()
        var seen: [ResultStage: SourceLocation] = [:]
        let byCode = Dictionary(formations.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in entries {
            if let first = seen[entry.stage] {
                diagnostics.error("stage '\(entry.stage.rawValue)' is listed twice in 'results' (first on line \(first.line))", at: entry.location)
                continue
            }
            seen[entry.stage] = entry.location
            if kind == .pppk, entry.stage == .kompetensi, rules.components.isEmpty {
                diagnostics.error("a kompetensi table needs scoring components", at: entry.location)
                continue
            }
            guard let file = entry.file else {
                if entry.stage == .akhir { tables.akhir = (entry, nil, nil) }
                continue
            }
            let path = "\(vacancy.folderPath)/\(file)"
            let reader = ResultTableReader(path: path, url: vacancy.folderURL.appendingPathComponent(file), stage: entry.stage,
                                           rules: rules, formations: byCode)
            switch entry.stage {
            case .administrasi:
                if let rows = reader.read(into: &diagnostics, row: ResultRowParsers.administration) { tables.administrasi = (entry, path, rows) }
            case .skd:
                if let rows = reader.read(into: &diagnostics, row: ResultRowParsers.skd) { tables.skd = (entry, path, rows) }
            case .skb:
                if let rows = reader.read(into: &diagnostics, row: ResultRowParsers.skb) { tables.skb = (entry, path, rows) }
            case .akhir:
                if let rows = reader.read(into: &diagnostics, row: ResultRowParsers.final) { tables.akhir = (entry, path, rows) }
            case .kompetensi:
                if let rows = reader.read(into: &diagnostics, row: ResultRowParsers.competency(rules: rules)) { tables.kompetensi = (entry, path, rows) }
            }
        }
        if let akhir = entries.first(where: { $0.stage == .akhir }), akhir.file == nil, seen[.skd] == nil || seen[.skb] == nil {
            diagnostics.error("the final results need a 'file', or 'skd' and 'skb' tables to compute them from", at: akhir.location)
        }
        return tables
    }
}

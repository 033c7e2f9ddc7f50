/// Reads the result tables a notice lists, one per stage.
enum ResultsValidator {
    static func read(
        _ entries: [ResultEntry], vacancy: LoadedVacancy, kind: RecruitmentKind, formations: [Formation],
        rules: ScoringRules, into diagnostics: inout Diagnostics
    ) -> VacancyResultTables {
        var tables = VacancyResultTables()
        var seen: [ResultStage: SourceLocation] = [:]
        let index = FormationIndex(formations)
        for entry in entries {
            if let first = seen[entry.stage] {
                diagnostics.error(
                    "stage '\(entry.stage.rawValue)' is listed twice in 'results' (first on line \(first.line))",
                    at: entry.location)
                continue
            }
            seen[entry.stage] = entry.location
            if entry.stage == .skb, rules.skbPartsUnreadable {
                tables.unreadable.insert(entry.stage)
                continue
            }
            if kind == .pppk, entry.stage == .kompetensi, rules.components.isEmpty {
                diagnostics.error("a kompetensi table needs scoring components", at: entry.location)
                tables.unreadable.insert(entry.stage)
                continue
            }
            guard let file = entry.file else {
                if entry.stage == .akhir, !entry.fileMissing {
                    tables.akhir = (entry, nil, nil)
                } else {
                    // Named but not there: reported where it is named.
                    tables.unreadable.insert(entry.stage)
                }
                continue
            }
            let path = "\(vacancy.folderPath)/\(file)"
            let url = vacancy.folderURL.appendingPathComponent(file)
            guard var source = ResultTableReader.open(url, path: path, sheet: entry.sheet, into: &diagnostics) else {
                tables.unreadable.insert(entry.stage)
                continue
            }
            let place = TablePlace(path: path, sheet: source.style.sheet)
            let reader = ResultTableReader(place: place, url: url, stage: entry.stage, rules: rules, formations: index)
            var read = false
            switch entry.stage {
            case .administrasi:
                if let rows = reader.read(&source, into: &diagnostics, row: ResultRowParsers.administration) {
                    tables.administrasi = (entry, place, rows)
                    read = true
                }
            case .skd:
                if let rows = reader.read(&source, into: &diagnostics, row: ResultRowParsers.skd) {
                    tables.skd = (entry, place, rows)
                    read = true
                }
            case .skb:
                if let rows = reader.read(&source, into: &diagnostics, row: ResultRowParsers.skb(rules: rules)) {
                    tables.skb = (entry, place, rows)
                    read = true
                }
            case .akhir:
                if let rows = reader.read(&source, into: &diagnostics, row: ResultRowParsers.final) {
                    tables.akhir = (entry, place, rows)
                    read = true
                }
            case .kompetensi:
                if let rows = reader.read(&source, into: &diagnostics, row: ResultRowParsers.competency(rules: rules)) {
                    tables.kompetensi = (entry, place, rows)
                    read = true
                }
            }
            if !read { tables.unreadable.insert(entry.stage) }
        }
        if let akhir = entries.first(where: { $0.stage == .akhir }), akhir.file == nil, !akhir.fileMissing,
            seen[.skd] == nil || seen[.skb] == nil
        {
            diagnostics.error(
                "the final results need a 'file', or 'skd' and 'skb' tables to compute them from", at: akhir.location)
            // Nothing to rank: not row by row again.
            tables.akhir = nil
            tables.unreadable.insert(.akhir)
        }
        return tables
    }
}

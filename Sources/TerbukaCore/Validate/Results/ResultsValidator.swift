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
                diagnostics.error(.stageListedTwice(entry.stage.rawValue, firstLine: first.line), at: entry.location)
                continue
            }
            seen[entry.stage] = entry.location
            if entry.stage == .skb, rules.skbPartsUnreadable {
                tables.unreadable.insert(entry.stage)
                continue
            }
            if kind == .pppk, entry.stage == .kompetensi, rules.components.isEmpty {
                diagnostics.error(.competencyWithoutComponents, at: entry.location)
                tables.unreadable.insert(entry.stage)
                continue
            }
            // Each earlier version read by the same rules, into tables of its own.
            for version in entry.history {
                var versionEntry = entry
                versionEntry.file = version.file
                versionEntry.sheet = version.sheet
                versionEntry.published = version.published
                versionEntry.number = version.number
                versionEntry.history = []
                var versionTables = VacancyResultTables()
                if readTable(
                    versionEntry, file: version.file, sheet: version.sheet, vacancy: vacancy, rules: rules,
                    index: index, into: &versionTables, diagnostics: &diagnostics)
                {
                    tables.versions[entry.stage, default: []].append((version, versionTables))
                }
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
            let read = readTable(
                entry, file: file, sheet: entry.sheet, vacancy: vacancy, rules: rules, index: index, into: &tables,
                diagnostics: &diagnostics)
            if !read { tables.unreadable.insert(entry.stage) }
        }
        if let akhir = entries.first(where: { $0.stage == .akhir }), akhir.file == nil, !akhir.fileMissing,
            seen[.skd] == nil || seen[.skb] == nil
        {
            diagnostics.error(.finalWithoutSources, at: akhir.location)
            // Nothing to rank: not row by row again.
            tables.akhir = nil
            tables.unreadable.insert(.akhir)
        }
        return tables
    }

    /// Reads the table of `entry`'s stage from `file` into `tables`; false when it could not be read.
    private static func readTable(
        _ entry: ResultEntry, file: String, sheet: String?, vacancy: LoadedVacancy, rules: ScoringRules,
        index: FormationIndex, into tables: inout VacancyResultTables, diagnostics: inout Diagnostics
    ) -> Bool {
        let path = "\(vacancy.folderPath)/\(file)"
        let url = vacancy.folderURL.appendingPathComponent(file)
        guard let opened = ResultTableReader.open(url, path: path, sheet: sheet, into: &diagnostics) else {
            return false
        }
        let place = TablePlace(path: path, sheet: opened.style.sheet)
        let reader = ResultTableReader(place: place, url: url, stage: entry.stage, rules: rules, formations: index)
        let reopen = { (diagnostics: inout Diagnostics) in
            ResultTableReader.open(url, path: path, sheet: sheet, into: &diagnostics)
        }
        // Each kind of table read by code made for its reader: as `any TableSource`, every
        // row went through generic code, its type's metadata looked up for each (perf: the
        // million-row build; BENCHMARKS.md, sixteenth session).
        if var csv = opened as? CSVReader {
            return readRows(&csv, entry, reader: reader, reopen: reopen, into: &tables, diagnostics: &diagnostics)
        }
        if var sheet = opened as? XLSXSheet {
            return readRows(&sheet, entry, reader: reader, reopen: reopen, into: &tables, diagnostics: &diagnostics)
        }
        var source = opened
        return readRows(&source, entry, reader: reader, reopen: reopen, into: &tables, diagnostics: &diagnostics)
    }

    /// The rows of `entry`'s stage from `source`, into `tables`; false when it could not be read.
    private static func readRows(
        _ source: inout some TableSource, _ entry: ResultEntry, reader: ResultTableReader,
        reopen: (inout Diagnostics) -> (any TableSource)?, into tables: inout VacancyResultTables,
        diagnostics: inout Diagnostics
    ) -> Bool {
        let place = reader.place
        let rules = reader.rules
        switch entry.stage {
        case .administrasi:
            guard
                let rows = reader.read(
                    &source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.administration)
            else {
                return false
            }
            tables.administrasi = (entry, place, rows)
        case .skd:
            guard let rows = reader.read(&source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.skd) else {
                return false
            }
            tables.skd = (entry, place, rows)
        case .skb:
            guard
                let rows = reader.read(
                    &source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.skb(rules: rules))
            else {
                return false
            }
            tables.skb = (entry, place, rows)
        case .akhir:
            guard let rows = reader.read(&source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.final)
            else { return false }
            tables.akhir = (entry, place, rows)
        case .kompetensi:
            guard
                let rows = reader.read(
                    &source, reopen: reopen, into: &diagnostics, row: ResultRowParsers.competency(rules: rules))
            else { return false }
            tables.kompetensi = (entry, place, rows)
        }
        return true
    }
}

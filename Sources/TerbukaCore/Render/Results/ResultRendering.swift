import Foundation

/// A piece of `writeResults`' work done, with what it made that others wait for.
private enum ResultWork: Sendable {
    case plan(table: Int, ResultSections.Plan)
    case lookup(LookupData.Prepared)
    case data
    case other
}

/// Result pages, data files, lookup shards and statistics of one vacancy.
extension SiteRenderer {
    /// Writes everything of `results`: per table its pages (planned first, then written in
    /// parallel) and data files, the statistics, and the lookup, which needs each row's page.
    func writeResults(_ vacancy: Vacancy, _ results: VacancyResults, to staging: StagingFolder) async throws {
        // What each piece of work waits for: the lookup's shards for the plans (each row's
        // page) and its entries; the pages for the plans and the data files, whose sizes and
        // SHA-256 they show, as does the lookup's manifest. Each starts as soon as what it
        // waits for is done (perf: the data files and the statistics waited for the plans and
        // the lookup's entries, and the pages for the entries too, one core idle meanwhile).
        // Data and the lookup are shared by every language; the primary one writes them.
        try await withThrowingTaskGroup(of: ResultWork.self) { group in
            if isPrimary { group.addTask { .lookup(LookupData.prepare(tables: results.tables)) } }
            for (index, table) in results.tables.enumerated() {
                group.addTask { .plan(table: index, ResultSections.plan(table)) }
            }
            if isPrimary {
                group.addTask {
                    try await self.writeResultData(vacancy, results, to: staging)
                    return .data
                }
            }
            group.addTask {
                try self.writeStatisticsPages(vacancy, results, to: staging)
                return .other
            }
            var planned = [ResultSections.Plan?](repeating: nil, count: results.tables.count)
            var plansLeft = results.tables.count
            var plans: [ResultSections.Plan]? = plansLeft == 0 ? [] : nil
            var prepared: LookupData.Prepared?
            var dataWritten = !isPrimary
            var lookupStarted = !isPrimary
            var manifestWritten = !isPrimary
            var pagesStarted = false
            while let done = try await group.next() {
                switch done {
                case .plan(let table, let plan):
                    planned[table] = plan
                    plansLeft -= 1
                    if plansLeft == 0 { plans = planned.map { $0! } }
                case .lookup(let made): prepared = made
                case .data: dataWritten = true
                case .other: break
                }
                if !lookupStarted, let plans, let prepared {
                    lookupStarted = true
                    let pageOf = Dictionary(
                        zip(results.tables.map(\.stage), plans.map(\.pageOf)), uniquingKeysWith: { a, _ in a })
                    group.addTask {
                        try await LookupData.write(
                            prepared, vacancy: vacancy.id, tables: results.tables, pageOf: pageOf,
                            versions: results.versions, cutoffs: results.cutoffsStatedToParticipants, to: staging)
                        return .other
                    }
                }
                if !pagesStarted, dataWritten, let plans {
                    pagesStarted = true
                    addPages(vacancy, results, plans: plans, to: staging, into: &group)
                }
                if !manifestWritten, dataWritten, let prepared {
                    manifestWritten = true
                    try LookupData.writeManifest(
                        prepared, vacancy: vacancy.id, tables: results.tables,
                        stageLabels: results.tables.map { self.label("result", $0.stage.rawValue) },
                        rules: results.rules, texts: lookupTexts(vacancy, results), ledger: staging.ledger, to: staging)
                }
            }
        }
    }

    /// The pages of `results`' tables as planned, taken in turn by a few tasks per table,
    /// and the pages of the changes between versions.
    private func addPages(
        _ vacancy: Vacancy, _ results: VacancyResults, plans: [ResultSections.Plan], to staging: StagingFolder,
        into group: inout ThrowingTaskGroup<ResultWork, any Error>
    ) {
        for versions in results.versions.values {
            group.addTask {
                try staging.write(self.changesPage(vacancy, versions, ledger: staging.ledger))
                return .other
            }
        }
        for (table, plan) in zip(results.tables, plans) {
            // Pages taken in turn by the tasks free.
            let pages = Turns(plan.pages.count)
            for _ in 0..<max(1, min(8, plan.pages.count / 4)) {
                group.addTask {
                    try self.writeResultPages(
                        vacancy, table, plan: plan, pages: pages, rules: results.rules,
                        versions: results.versions[table.stage], cutoffs: results.cutoffs[table.stage] ?? [:],
                        to: staging)
                    return .other
                }
            }
        }
    }

    /// The statistics page and the further pages of its cut-offs.
    private func writeStatisticsPages(_ vacancy: Vacancy, _ results: VacancyResults, to staging: StagingFolder)
        throws
    {
        let cutoffs = cutoffRows(vacancy, results)
        let pages = Paging.split(
            sizes: cutoffs.rows.map { Paging.estimate($0.code, $0.position, markup: 60 + 40 * $0.values.count) },
            firstBudget: Paging.itemBudget / 4, maximumItems: 250)
        try staging.write(statisticsPage(vacancy, results, cutoffs: cutoffs, pages: pages))
        for number in pages.indices.dropFirst() {
            try staging.write(cutoffPage(vacancy, cutoffs: cutoffs, pages: pages, page: number))
        }
    }

    /// `data/<id>/`: each table as CSV, JSON and (up to its row limit) a workbook, and the
    /// changes between the versions of a table, with the earlier versions as they were ranked.
    private func writeResultData(_ vacancy: Vacancy, _ results: VacancyResults, to staging: StagingFolder)
        async throws
    {
        try await withThrowingTaskGroup(of: Void.self) { data in
            for versions in results.versions.values {
                data.addTask {
                    for file in ResultData.changeFiles(versions, vacancy: vacancy.id) {
                        try staging.write(file)
                    }
                    // Earlier versions stay published, as they were ranked.
                    for earlier in versions.earlier {
                        let date = earlier.version.published.date.description
                        try ResultData.writeCSV(
                            earlier.table, vacancy: vacancy.id, to: staging,
                            path: Route.versionData(vacancy.id, date, versions.stage, "csv"))
                        try ResultData.writeJSON(
                            earlier.table, vacancy: vacancy.id, to: staging,
                            path: Route.versionData(vacancy.id, date, versions.stage, "json"))
                    }
                }
            }
            for table in results.tables {
                data.addTask { try ResultData.writeCSV(table, vacancy: vacancy.id, to: staging) }
                data.addTask { try ResultData.writeJSON(table, vacancy: vacancy.id, to: staging) }
                if ResultWorkbook.isWritten(rows: table.count) {
                    data.addTask {
                        try ResultWorkbook.write(table, vacancy: vacancy.id, buildTime: self.index.now, to: staging)
                    }
                }
            }
            try await data.waitForAll()
        }
    }

    private func writeResultPages(
        _ vacancy: Vacancy, _ table: any PublishedResultTable, plan: ResultSections.Plan, pages: Turns,
        rules: ScoringRules, versions: ResultVersions?, cutoffs: [Int: CellValue], to staging: StagingFolder
    ) throws {
        var columns: [String: String] = [:]
        for column in table.columns { columns[column.id] = columnLabel(column.id, rules: rules) }
        let labels = ResultSections.Labels(
            columns: columns, participant: text(.colParticipant), name: text(.colName),
            unit: text(.colUnit), kind: { self.label("kind", $0) }, seats: text(.colQuota),
            participants: text(.resultsParticipants), passed: strings["results_passed_\(table.stage.rawValue)"] ?? "",
            shortlisted: text(.resultsShortlisted), continued: text(.resultsContinued),
            caption: text(.resultsCaption), cutoff: strings["results_cutoff_\(table.stage.rawValue)"] ?? "",
            format: format)
        let stageLabel = label("result", table.stage.rawValue)
        let pageCount = plan.pages.count
        for index in pages {
            let path = Route.resultPage(vacancy.id, table.stage, page: index)
            // Spliced into the page: the rows, and what tells the further pages apart, so
            // that their content is rendered once (SplicedText; the first page differs).
            let root = Links.root(from: prefix + path)
            var spliced = SplicedValues()
            let sections = spliced.add(
                ResultSections.render(plan.pages[index], of: table, cutoffs: cutoffs, labels: labels))
            let pageLabel = spliced.add(pageCount > 1 ? "\(text(.page)) \(index + 1) / \(pageCount)" : "")
            let previous =
                index > 0
                ? spliced.add(pageHref(Route.resultPage(vacancy.id, table.stage, page: index - 1), root: root)) : nil
            let next =
                index + 1 < pageCount
                ? spliced.add(pageHref(Route.resultPage(vacancy.id, table.stage, page: index + 1), root: root)) : nil
            let file = self.page(
                path, template: "results", title: "\(stageLabel) — \(vacancy.title)", description: "",
                current: Route.vacancyList, spliced: spliced.all, memo: index > 0
            ) { [self] root in
                // The first page carries the announcement, the legend and the directory of
                // pages, so that each further page stays small however many pages there are.
                var directory: [PageLinkView] = []
                var legend: [LegendItem] = []
                if index == 0 {
                    if pageCount > 1 {
                        directory = plan.pages.enumerated().dropFirst().map { number, slices in
                            let first = table.groups[slices.first!.group].formation
                            let last = table.groups[slices.last!.group].formation
                            return PageLinkView(
                                label: "\(number + 1)",
                                href: pageHref(Route.resultPage(vacancy.id, table.stage, page: number), root: root),
                                first: first.code, last: last.code, current: false,
                                positions: slices.count == 1 ? first.position : nil)
                        }
                    }
                    legend = ResultStatus.legendOrder(table.statusesUsed).map {
                        LegendItem(code: $0.code, meaning: statusMeaning($0))
                    }
                }
                let basis = index == 0 ? basisLines(table, vacancy: vacancy, rules: rules) : []
                let replaced = index == 0 ? versions?.earlier.last : nil
                let moves = index == 0 ? movesView(table.seatFilling?.moves ?? []) : []
                return ResultPageView(
                    vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
                    stageLabel: stageLabel,
                    number: table.entry.number, published: format.dateTime(table.entry.published, siteZone: zone),
                    publishedISO: table.entry.published.iso8601,
                    objection: table.entry.objectionUntil.map {
                        ObjectionView(
                            until: objectionText($0),
                            untilISO: $0.iso8601)
                    },
                    legend: legend, basis: basis, hasBasis: !basis.isEmpty, lookup: lookupForm(vacancy, root: root),
                    isFirstPage: index == 0,
                    pageLabel: pageLabel,
                    directory: directory, hasDirectory: !directory.isEmpty, isPaged: pageCount > 1,
                    firstPageHref: pageHref(Route.resultPage(vacancy.id, table.stage, page: 0), root: root),
                    sectionsHTML: sections,
                    previousHref: previous, nextHref: next,
                    downloads: [
                        download(
                            "CSV", Route.resultData(vacancy.id, table.stage, "csv"), root: root, ledger: staging.ledger),
                        download(
                            "JSON", Route.resultData(vacancy.id, table.stage, "json"), root: root,
                            ledger: staging.ledger),
                    ]
                        + (ResultWorkbook.isWritten(rows: table.count)
                            ? [
                                download(
                                    text(.downloadExcel), Route.resultData(vacancy.id, table.stage, "xlsx"), root: root,
                                    ledger: staging.ledger)
                            ] : []),
                    statisticsHref: pageHref(Route.statistics(vacancy.id), root: root),
                    moves: moves, hasMoves: !moves.isEmpty,
                    replaces: replaced.map {
                        ReplacesView(
                            text: text(
                                .replacesText,
                                ["date": format.dateTime($0.version.published, siteZone: zone)]),
                            reason: $0.version.reason,
                            href: pageHref(Route.changes(vacancy.id, table.stage), root: root))
                    })
            }
            try staging.write(file)
        }
    }

    /// `lowongan/<id>/hasil/<stage>/perubahan/`: per version step, every participant added,
    /// removed or changed, with before and after, and the earlier tables to download.
    func changesPage(_ vacancy: Vacancy, _ versions: ResultVersions, ledger: Ledger) -> OutputFile {
        let stageLabel = label("result", versions.stage.rawValue)
        let zone = index.content.config.timeZone
        return page(
            Route.changes(vacancy.id, versions.stage), template: "changes",
            title: "\(text(.changesTitle)): \(stageLabel) — \(vacancy.title)", description: "",
            current: Route.vacancyList
        ) { [self] root in
            let steps = zip(versions.steps, versions.earlier).map { step, earlier in
                let date = earlier.version.published.date.description
                let rows = step.changes.map { change in
                    ChangeRowView(
                        participant: change.participant, name: change.name, formation: change.formation,
                        field: change.field == "participant"
                            ? text(change.before.isEmpty ? .changesAdded : .changesRemoved)
                            : columnLabel(change.field, rules: vacancy.scoring),
                        before: change.field == "participant" ? "" : change.before,
                        after: change.field == "participant" ? "" : change.after)
                }
                return ChangeStepView(
                    heading: text(
                        .changesStep,
                        [
                            "from": format.dateTime(step.from, siteZone: zone),
                            "to": format.dateTime(step.to, siteZone: zone),
                        ]),
                    number: earlier.version.number,
                    objection: earlier.version.objectionUntil.map(objectionText),
                    reason: earlier.version.reason, changes: rows,
                    hasChanges: !rows.isEmpty,
                    downloads: ["csv", "json"].map {
                        download(
                            "\($0.uppercased()) \(date)", Route.versionData(vacancy.id, date, versions.stage, $0),
                            root: root, ledger: ledger)
                    })
            }
            return ChangesPageView(
                vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
                stageLabel: stageLabel,
                stageHref: pageHref(Route.resultPage(vacancy.id, versions.stage, page: 0), root: root),
                steps: steps,
                downloads: ["csv", "json"].map {
                    download(
                        $0.uppercased(), Route.changesData(vacancy.id, versions.stage, $0), root: root, ledger: ledger)
                })
        }
    }

    /// Each formation's cut-offs, one column per stage that decides by score; nil when none has.
    /// Every formation's cut-offs, in the order of the formation list; no rows when no table
    /// states one.
    private func cutoffRows(_ vacancy: Vacancy, _ results: VacancyResults) -> (headers: [String], rows: [CutoffRowView])
    {
        let tables = results.tables.filter { results.cutoffs[$0.stage] != nil }
        guard !tables.isEmpty else { return ([], []) }
        var byCode: [String: [String]] = [:]
        for (column, table) in tables.enumerated() {
            for (group, value) in results.cutoffs[table.stage] ?? [:] {
                var text = ByteWriter()
                ResultSections.number(value, grouping: format.groupingMark, mark: format.decimalMark, into: &text)
                byCode[table.groups[group].formation.code, default: Array(repeating: "–", count: tables.count)][
                    column] = text.string
            }
        }
        let rows = vacancy.formations.compactMap { formation in
            byCode[formation.code].map { CutoffRowView(code: formation.code, position: formation.position, values: $0) }
        }
        return (tables.map { strings["results_cutoff_\($0.stage.rawValue)"] ?? $0.stage.rawValue }, rows)
    }

    /// Page `number` of the cut-offs, with the links between the pages.
    private func cutoffTable(
        _ vacancy: Vacancy, cutoffs: (headers: [String], rows: [CutoffRowView]), pages: [Range<Int>], page number: Int,
        root: String
    ) -> CutoffTableView? {
        guard !cutoffs.rows.isEmpty else { return nil }
        return CutoffTableView(
            headers: cutoffs.headers, rows: Array(cutoffs.rows[pages[number]]),
            pager: pager(number, of: pages.count, root: root) { Route.statisticsPage(vacancy.id, page: $0) })
    }

    /// A further page of the statistics, with the rest of the cut-offs.
    private func cutoffPage(
        _ vacancy: Vacancy, cutoffs: (headers: [String], rows: [CutoffRowView]), pages: [Range<Int>], page number: Int
    ) -> OutputFile {
        page(
            Route.statisticsPage(vacancy.id, page: number), template: "cutoffs",
            title: pagedTitle("\(text(.statisticsTitle)) — \(vacancy.title)", number), description: "",
            current: Route.vacancyList
        ) { [self] root in
            CutoffPageView(
                vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
                statisticsHref: pageHref(Route.statistics(vacancy.id), root: root),
                cutoffs: cutoffTable(vacancy, cutoffs: cutoffs, pages: pages, page: number, root: root)!)
        }
    }

    /// The evaluation on the statistics page: the round's counts by stage, the TMS reasons,
    /// and the main counts of each formation (the first 40; all are in evaluasi.csv).
    private func evaluationView(_ vacancy: Vacancy, _ evaluation: RoundEvaluation, root: String) -> EvaluationView? {
        let round = evaluation.round
        guard !round.isEmpty else { return nil }
        func line(_ row: RoundEvaluation.Row) -> EvaluationLineView? {
            let name: String
            var part = false
            switch row.measure {
            case .tmsReason, .seats, .filled, .unfilled: return nil
            case .absent:
                guard row.count > 0 else { return nil }
                name = label("status", row.detail)
                part = true
            case .groupPassed, .groupWaiting:
                guard row.count > 0 else { return nil }
                name = text(
                    row.measure == .groupPassed ? .evalGroupPassed : .evalGroupWaiting,
                    ["group": "\(row.detail) — \(label("group", row.detail))"])
                part = true
            case .missedAlone:
                guard row.count > 0, let mark = SKDMark(rawValue: row.detail) else { return nil }
                name = text(.evalMissedMark, ["mark": markName(mark)])
                part = true
            default:
                name = strings["eval_\(row.measure.rawValue)"] ?? row.measure.rawValue
            }
            return EvaluationLineView(label: name, count: format.integer(row.count), part: part)
        }
        var stages: [EvaluationStageView] = []
        for stage in ResultStage.allCases {
            let lines = round.filter { $0.stage == stage }.compactMap(line)
            if !lines.isEmpty {
                stages.append(EvaluationStageView(title: label("result", stage.rawValue), lines: lines))
            }
        }
        let seatLines = round.filter { [.seats, .filled, .unfilled].contains($0.measure) }.map {
            EvaluationLineView(
                label: strings["eval_\($0.measure.rawValue)"] ?? "", count: format.integer($0.count), part: false)
        }
        if !seatLines.isEmpty { stages.append(EvaluationStageView(title: text(.evalSeatsTitle), lines: seatLines)) }
        // Most first, as the evaluation lists them.
        let reasons = round.filter { $0.measure == .tmsReason }.map {
            EvaluationLineView(
                label: $0.detail.isEmpty ? text(.evalNoReason) : $0.detail, count: format.integer($0.count), part: false
            )
        }
        // The formation table: the counts that say most, where the round has the stage.
        var columns: [(stage: ResultStage?, measure: RoundEvaluation.Measure, detail: String?, header: String)] = []
        func offer(_ stage: ResultStage?, _ measure: RoundEvaluation.Measure, _ detail: String? = nil, _ header: String)
        {
            if round.contains(where: {
                $0.stage == stage && $0.measure == measure && (detail == nil || $0.detail == detail)
            }) {
                columns.append((stage, measure, detail, header))
            }
        }
        offer(nil, .seats, nil, text(.evalSeatsShort))
        if round.contains(where: { $0.stage == .administrasi }) {
            offer(.administrasi, .rows, nil, text(.evalApplicantsShort))
            offer(.administrasi, .ms, nil, "MS")
            offer(.administrasi, .tms, nil, "TMS")
        }
        offer(.skd, .present, nil, text(.evalPresentShort))
        offer(.skd, .absent, nil, text(.evalAbsentShort))
        offer(.skd, .metMarks, nil, text(.evalMetShort))
        for mark in SKDMark.allCases
        where round.contains(where: { $0.measure == .missedAlone && $0.detail == mark.rawValue && $0.count > 0 }) {
            offer(.skd, .missedAlone, mark.rawValue, text(.evalMissedShort, ["mark": markName(mark)]))
        }
        offer(.skd, .missedSeveral, nil, text(.evalSeveralShort))
        offer(.skd, .shortlisted, nil, "P/L")
        for stage in [ResultStage.kompetensi, .akhir] { offer(stage, .filled, nil, text(.evalPassedShort)) }
        for stage in [ResultStage.kompetensi, .akhir] { offer(stage, .unfilled, nil, text(.evalUnfilledShort)) }
        // Every formation of the vacancy is in the evaluation (one without applicants has its
        // seats); rows without scores summed over their codes.
        // The first 40: with the charts and the first cut-offs the page stays within 60 KB
        // (issue 16; 100 made it 73 KB on the 5,000-formation benchmark).
        let limit = 40
        let shown = vacancy.formations
        let formations = shown.prefix(limit).map { formation in
            CutoffRowView(
                code: formation.code, position: formation.position,
                values: columns.map { column in
                    let count: Int? =
                        column.measure == .absent
                        ? Absence.allCases.compactMap {
                            evaluation.count(formation.code, column.stage, .absent, $0.rawValue)
                        }.reduce(nil) { ($0 ?? 0) + $1 }
                        : evaluation.count(formation.code, column.stage, column.measure, column.detail ?? "")
                    return count.map(format.integer) ?? "–"
                })
        }
        return EvaluationView(
            stages: stages, reasons: reasons, hasReasons: !reasons.isEmpty, headers: columns.map(\.header),
            formations: Array(formations),
            formationsNote: shown.count > limit
                ? text(.evalFormationsLimited, ["n": String(limit), "total": format.integer(shown.count)]) : nil,
            csvHref: Links.href(to: Route.evaluationData(vacancy.id, "csv"), root: root),
            jsonHref: Links.href(to: Route.evaluationData(vacancy.id, "json"), root: root))
    }

    /// A passing mark as the evaluation names it: TWK, TIU, TKP, or the total.
    private func markName(_ mark: SKDMark) -> String {
        mark == .total ? text(.colTotal) : mark.label
    }

    /// The end of an objection period as announced: a date alone means the end of that day.
    func objectionText(_ until: ContentDate) -> String {
        format.dateTime(until, siteZone: index.content.config.timeZone) + (until.hasTime ? "" : " \(text(.endOfDay))")
    }

    /// A published column's header: PPPK components and SKB parts by their own labels.
    func columnLabel(_ id: String, rules: ScoringRules) -> String {
        Self.columnLabel(id, rules: rules, strings: strings)
    }

    /// A column's header in the language of `strings`.
    static func columnLabel(_ id: String, rules: ScoringRules, strings: [String: String]) -> String {
        if let part = (rules.components + rules.skbParts).first(where: { $0.id == id }) { return part.label }
        return strings["col_\(id)"] ?? id
    }

    /// The result stages of the vacancy's kind not published yet, for the lookup to say
    /// they are still to come.
    func lookupForm(_ vacancy: Vacancy, root: String) -> LookupFormView {
        LookupFormView(
            dataHref: Links.href(to: Route.lookupFolder(vacancy.id) + "/", root: root),
            vacancyRoot: pageHref(Route.vacancyFolder(vacancy.id), root: root),
            scriptHref: Links.href(to: Route.lookupScript, root: root))
    }

    /// What the answer says, in every language of the site (the manifest is shared by
    /// them, and the pages stay light): the journey's words, each column's header, the
    /// decimal mark; with the site's and the vacancy's titles for the slip.
    func lookupTexts(_ vacancy: Vacancy, _ results: VacancyResults) -> String {
        let keys: [(String, String)] = [
            ("met", InterfaceString.lookupMet.rawValue), ("missed", InterfaceString.lookupMissed.rawValue),
            ("rank", InterfaceString.lookupRank.rawValue), ("cutoff", InterfaceString.lookupCutoff.rawValue),
            ("upcoming", InterfaceString.lookupUpcoming.rawValue), ("reason", "col_reason"),
            ("print", InterfaceString.lookupPrint.rawValue), ("position", InterfaceString.lookupPosition.rawValue),
        ]
        var languages: [String] = []
        for language in index.content.config.languages {
            let strings = theme.strings[language] ?? [:]
            var labels: [String] = []
            var seen: Set<String> = []
            for table in results.tables {
                for column in table.columns where seen.insert(column.id).inserted {
                    labels.append(
                        JSONText.quote(column.id) + ":"
                            + JSONText.quote(Self.columnLabel(column.id, rules: results.rules, strings: strings)))
                }
            }
            let words = keys.map { JSONText.quote($0.0) + ":" + JSONText.quote(strings[$0.1] ?? "") }
            let format = Formatters.formatter(for: language)
            let mark = String(UnicodeScalar(format.decimalMark))
            func list(_ items: [String]) -> String { "[" + items.map(JSONText.quote).joined(separator: ",") + "]" }
            let stages = results.tables.map { strings["result_\($0.stage.rawValue)"] ?? $0.stage.rawValue }
            let upcoming = results.stagesToCome(for: vacancy.kind).map {
                strings["result_\($0.rawValue)"] ?? $0.rawValue
            }
            let dates = results.tables.map { format.longDate($0.entry.published.date) }
            languages.append(
                JSONText.quote(language.rawValue) + ":{" + words.joined(separator: ",") + ",\"labels\":{"
                    + labels.joined(separator: ",") + "},\"decimal\":" + JSONText.quote(mark) + ",\"stages\":"
                    + list(stages) + ",\"upcoming\":" + list(upcoming) + ",\"dates\":" + list(dates) + "}")
        }
        return "\"site\":\(JSONText.quote(index.content.config.title)),\"vacancy\":\(JSONText.quote(vacancy.title)),"
            + "\"text\":{" + languages.joined(separator: ",") + "}"
    }

    /// Who moved in and out of each formation by optimisation, in words.
    private func movesView(_ moves: [FormationMoves]) -> [FormationMovesView] {
        func place(_ place: OptimisationMove.Place) -> String {
            switch place {
            case .formation(let code): text(.movesFormation, ["code": code])
            case .elsewhere(let words): words
            case .unnamed: text(.movesUnnamed)
            }
        }
        func line(_ move: OptimisationMove, _ key: InterfaceString, _ other: OptimisationMove.Place) -> String {
            "\(move.name) (\(move.participant)), \(move.status.code), " + text(key, ["place": place(other)])
        }
        return moves.map { moves in
            FormationMovesView(
                code: moves.formation.code, position: moves.formation.position,
                movedIn: moves.movedIn.map { line($0, .movesFrom, $0.from) },
                movedOut: moves.movedOut.map { line($0, .movesTo, $0.to) })
        }
    }

    /// What a status code means, for the legend; a group's statuses name the group.
    func statusMeaning(_ status: ResultStatus) -> String {
        let meaning = strings[status.stringKey] ?? ""
        guard let group = status.group else { return meaning }
        return meaning.replacingOccurrences(of: "{group}", with: "\(group.code) (\(label("group", group.code)))")
    }

    /// The rules that decided the table, in plain words, for the page's readers.
    private func basisLines(_ table: any PublishedResultTable, vacancy: Vacancy, rules: ScoringRules) -> [String] {
        switch table.stage {
        case .skd:
            let kinds = Set(vacancy.formations.map(\.kind))
            return rules.passing.keys.sorted().filter(kinds.contains).map { kind in
                let parts = rules.passing[kind]!.listed.map { mark, minimum in
                    "\(mark == .total ? text(.colTotal) : mark.label) ≥ \(minimum)"
                }
                return "\(label("kind", kind)): \(parts.joined(separator: ", "))"
            } + [text(.basisShortlist, ["n": String(rules.shortlistMultiplier)])]
                + (table.columns.contains { $0.id == "skd_source" } ? [text(.basisSkdSource)] : [])
        case .akhir:
            return [
                text(
                    .basisFinal,
                    [
                        "skd": String(rules.weights.skd), "skb": String(rules.weights.skb),
                        "max": String(SKDMark.total.maximum),
                    ])
            ]
        case .kompetensi:
            var lines = rules.components.map { component in
                "\(component.label): 0–\(component.max)"
                    + (component.min.map { text(.basisMinimum, ["n": String($0)]) } ?? "")
            }
            lines.append(text(.basisCompetency))
            if !rules.priorityGroups.isEmpty {
                lines.append(text(.basisGroups, ["groups": rules.priorityGroups.map(\.code).joined(separator: ", ")]))
                lines += rules.priorityGroups.map { "\($0.code): \(label("group", $0.code))" }
            }
            if !rules.tieBreak.isEmpty {
                let keys = rules.tieBreak.map { key -> String in
                    switch key {
                    case .component(let id): rules.components.first { $0.id == id }?.label ?? id
                    case .birthDate: text(.tieBirthDate)
                    case .ipk: text(.tieIpk)
                    default: key.label
                    }
                }
                lines.append(text(.basisTieBreak, ["keys": keys.joined(separator: ", ")]))
            }
            return lines
        case .skb:
            guard !rules.skbParts.isEmpty else { return [] }
            let parts = rules.skbParts.map { "\($0.weight ?? 0)% × \($0.label)" }.joined(separator: " + ")
            return [text(.basisSkbParts, ["parts": parts])]
        case .administrasi:
            return []
        }
    }

    private func statisticsPage(
        _ vacancy: Vacancy, _ results: VacancyResults, cutoffs: (headers: [String], rows: [CutoffRowView]),
        pages: [Range<Int>]
    ) -> OutputFile {
        let path = Route.statistics(vacancy.id)
        return page(
            path, template: "statistics", title: "\(text(.statisticsTitle)) — \(vacancy.title)", description: "",
            current: Route.vacancyList
        ) { [self] root in
            var view = StatisticsView(
                vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
                formationsChart: nil, formationsNote: nil, histogram: nil, histogramNote: nil, hasCharts: false)
            let statistics = results.statistics
            if !statistics.series.isEmpty {
                let limit = 30
                let chosen = statistics.formationsByCount.prefix(limit)
                view.formationsChart = Charts.groupedBars(
                    id: "chart-formasi", title: text(.chartFormationsTitle), description: text(.chartFormationsDesc),
                    categories: chosen.map(\.code),
                    series: statistics.series.prefix(Charts.palette.count).enumerated().map { index, item in
                        Charts.Series(
                            label: strings["chart_\(item.measure.rawValue)"] ?? "",
                            values: chosen.map { item.counts[$0.code] ?? 0 },
                            color: Charts.palette[index])
                    }, format: format)
                if statistics.formationsByCount.count > limit {
                    view.formationsNote = text(
                        .chartFormationsLimited,
                        ["n": String(limit), "total": format.integer(statistics.formationsByCount.count)])
                }
            }
            if let histogram = statistics.skdHistogram {
                let marks = histogram.marks.map { total, kinds in
                    (total, "\(kinds.map { label("kind", $0) }.joined(separator: ", ")): \(total)")
                }
                view.histogram = Charts.histogram(
                    id: "chart-skd", title: text(.chartHistogramTitle),
                    description: text(.chartHistogramDesc, ["n": format.integer(histogram.scored)]),
                    counts: histogram.counts, binWidth: SKDHistogram.binWidth, marks: marks, format: format)
                view.histogramNote = text(.chartHistogramNote)
                view.ownPosition = lookupForm(vacancy, root: root)
            }
            view.hasCharts = view.formationsChart != nil || view.histogram != nil
            view.cutoffs = cutoffTable(vacancy, cutoffs: cutoffs, pages: pages, page: 0, root: root)
            view.evaluation = evaluationView(vacancy, results.evaluation, root: root)
            return view
        }
    }
}

import Foundation

/// Result pages, data files, lookup shards and statistics of one vacancy.
extension SiteRenderer {
    /// Writes everything of `results`: per table its pages (planned first, then written in
    /// parallel) and data files, the statistics, and the lookup, which needs each row's page.
    func writeResults(_ vacancy: Vacancy, _ results: VacancyResults, to staging: StagingFolder) async throws {
        async let lookup = isPrimary ? LookupData.prepare(tables: results.tables) : nil
        let plans = await withTaskGroup(of: (Int, ResultSections.Plan).self) { group in
            for (index, table) in results.tables.enumerated() { group.addTask { (index, ResultSections.plan(table)) } }
            var plans = [ResultSections.Plan?](repeating: nil, count: results.tables.count)
            for await (index, plan) in group { plans[index] = plan }
            return plans.map { $0! }
        }
        let pageOf = Dictionary(zip(results.tables.map(\.stage), plans.map(\.pageOf)), uniquingKeysWith: { a, _ in a })
        let prepared = await lookup
        try await withThrowingTaskGroup(of: Void.self) { group in
            // The lookup is the longest single job: it goes first, split in two. Data and the
            // lookup are shared by every language; the primary one writes them.
            if isPrimary {
                group.addTask {
                    try await LookupData.write(prepared!, vacancy: vacancy.id, tables: results.tables, pageOf: pageOf,
                                               stageLabels: results.tables.map { self.label("result", $0.stage.rawValue) }, to: staging)
                }
            }
            group.addTask { try staging.write(self.statisticsPage(vacancy, results)) }
            // Data files before the pages, which show their sizes and SHA-256.
            if isPrimary {
                try await withThrowingTaskGroup(of: Void.self) { data in
                    for table in results.tables {
                        data.addTask { try ResultData.writeCSV(table, vacancy: vacancy.id, to: staging) }
                        data.addTask { try ResultData.writeJSON(table, vacancy: vacancy.id, to: staging) }
                    }
                    try await data.waitForAll()
                }
            }
            for (table, plan) in zip(results.tables, plans) {
                // Pages in a few interleaved batches, one task each.
                let batches = max(1, min(8, plan.pages.count / 4))
                for batch in 0..<batches {
                    let pages = Array(stride(from: batch, to: plan.pages.count, by: batches))
                    group.addTask { try self.writeResultPages(vacancy, table, plan: plan, pages: pages, rules: results.rules, to: staging) }
                }
            }
            try await group.waitForAll()
        }
    }

    private func writeResultPages(_ vacancy: Vacancy, _ table: any PublishedResultTable, plan: ResultSections.Plan, pages: [Int],
                                  rules: ScoringRules, to staging: StagingFolder) throws {
        var columns: [String: String] = [:]
        for column in table.columns { columns[column.id] = strings["col_\(column.id)"] ?? column.id }
        for component in rules.components { columns[component.id] = component.label }
        let labels = ResultSections.Labels(
            columns: columns, participant: strings["col_participant"] ?? "", name: strings["col_name"] ?? "",
            unit: strings["col_unit"] ?? "", kind: { self.label("kind", $0) }, seats: strings["col_quota"] ?? "",
            participants: strings["results_participants"] ?? "", passed: strings["results_passed_\(table.stage.rawValue)"] ?? "",
            shortlisted: strings["results_shortlisted"] ?? "", continued: strings["results_continued"] ?? "",
            caption: strings["results_caption"] ?? "", format: format)
        let stageLabel = label("result", table.stage.rawValue)
        let pageCount = plan.pages.count
        for index in pages {
            let path = Route.resultPage(vacancy.id, table.stage, page: index)
            let html = ResultSections.render(plan.pages[index], of: table, labels: labels)
            let file = self.page(path, template: "results", title: "\(stageLabel) — \(vacancy.title)", description: "", current: Route.vacancyList) { root in
                // The first page carries the announcement, the legend and the directory of
                // pages, so that each further page stays small however many pages there are.
                var directory: [PageLinkView] = []
                var legend: [LegendItem] = []
                if index == 0 {
                    if pageCount > 1 {
                        directory = plan.pages.enumerated().dropFirst().map { number, slices in
                            let first = table.groups[slices.first!.group].formation
                            let last = table.groups[slices.last!.group].formation
                            return PageLinkView(label: "\(number + 1)",
                                                href: pageHref(Route.resultPage(vacancy.id, table.stage, page: number), root: root),
                                                first: first.code, last: last.code, current: false,
                                                positions: slices.count == 1 ? first.position : nil)
                        }
                    }
                    let used = Set(table.statusesUsed)
                    legend = ResultStatus.all.filter(used.contains).map { LegendItem(code: $0.code, meaning: strings[$0.stringKey] ?? "") }
                }
                let basis = index == 0 ? basisLines(table.stage, vacancy: vacancy, rules: rules) : []
                return ResultPageView(
                    vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root), stageLabel: stageLabel,
                    number: table.entry.number, published: format.dateTime(table.entry.published, siteZone: zone),
                    publishedISO: table.entry.published.iso8601,
                    objection: table.entry.objectionUntil.map {
                        ObjectionView(until: format.dateTime($0, siteZone: zone) + ($0.hasTime ? "" : " \(strings["end_of_day"] ?? "")"),
                                      untilISO: $0.iso8601)
                    },
                    legend: legend, basis: basis, hasBasis: !basis.isEmpty, lookup: lookupForm(vacancy.id, root: root), isFirstPage: index == 0,
                    pageLabel: pageCount > 1 ? "\(strings["page"] ?? "") \(index + 1) / \(pageCount)" : "",
                    directory: directory, hasDirectory: !directory.isEmpty, isPaged: pageCount > 1,
                    firstPageHref: pageHref(Route.resultPage(vacancy.id, table.stage, page: 0), root: root),
                    sectionsHTML: html,
                    previousHref: index > 0 ? pageHref(Route.resultPage(vacancy.id, table.stage, page: index - 1), root: root) : nil,
                    nextHref: index + 1 < pageCount ? pageHref(Route.resultPage(vacancy.id, table.stage, page: index + 1), root: root) : nil,
                    downloads: [download("CSV", Route.resultData(vacancy.id, table.stage, "csv"), root: root, ledger: staging.ledger),
                                download("JSON", Route.resultData(vacancy.id, table.stage, "json"), root: root, ledger: staging.ledger)],
                    statisticsHref: pageHref(Route.statistics(vacancy.id), root: root))
            }
            try staging.write(file)
        }
    }

    func lookupForm(_ vacancy: String, root: String) -> LookupFormView {
        LookupFormView(dataHref: Links.href(to: Route.lookupFolder(vacancy) + "/", root: root),
                       vacancyRoot: pageHref("lowongan/\(vacancy)/", root: root),
                       scriptHref: Links.href(to: "assets/lookup.js", root: root))
    }

    /// The rules that decided the table, in plain words, for the page's readers.
    private func basisLines(_ stage: ResultStage, vacancy: Vacancy, rules: ScoringRules) -> [String] {
        switch stage {
        case .skd:
            let kinds = Set(vacancy.formations.map(\.kind))
            return rules.passing.keys.sorted().filter(kinds.contains).map { kind in
                let parts = rules.passing[kind]!.listed.map { mark, minimum in
                    "\(mark == .total ? strings["col_total"] ?? "total" : mark.label) ≥ \(minimum)"
                }
                return "\(label("kind", kind)): \(parts.joined(separator: ", "))"
            } + [(strings["basis_shortlist"] ?? "").replacingOccurrences(of: "{n}", with: String(rules.shortlistMultiplier))]
        case .akhir:
            return [(strings["basis_final"] ?? "").replacingOccurrences(of: "{skd}", with: String(rules.weights.skd))
                .replacingOccurrences(of: "{skb}", with: String(rules.weights.skb))]
        case .kompetensi:
            return rules.components.map { component in
                "\(component.label): 0–\(component.max)" + (component.min.map { ", minimum \($0)" } ?? "")
            } + [strings["basis_competency"] ?? ""]
        case .administrasi, .skb:
            return []
        }
    }

    private func statisticsPage(_ vacancy: Vacancy, _ results: VacancyResults) -> OutputFile {
        let path = Route.statistics(vacancy.id)
        return page(path, template: "statistics", title: "\(strings["statistics_title"] ?? "") — \(vacancy.title)", description: "",
                    current: Route.vacancyList) { root in
            var view = StatisticsView(vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
                                      formationsChart: nil, formationsNote: nil, histogram: nil, histogramNote: nil, hasCharts: false)
            var series: [(String, [String: Int])] = []
            for table in results.tables {
                let counts = Dictionary(table.groups.map { ($0.formation.code, $0) }, uniquingKeysWith: { a, _ in a })
                switch table.stage {
                case .administrasi:
                    series.append((strings["chart_participants"] ?? "", counts.mapValues(\.range.count)))
                    series.append((strings["chart_ms"] ?? "", counts.mapValues(\.passed)))
                    series.append((strings["chart_tms"] ?? "", counts.mapValues { $0.range.count - $0.passed }))
                case .skd:
                    if results.table(.administrasi) == nil { series.append((strings["chart_participants"] ?? "", counts.mapValues(\.range.count))) }
                    series.append((strings["chart_passed_skd"] ?? "", counts.mapValues(\.passed)))
                    series.append((strings["chart_shortlisted"] ?? "", counts.mapValues { $0.shortlisted ?? 0 }))
                case .akhir, .kompetensi:
                    series.append((strings["chart_final"] ?? "", counts.mapValues(\.passed)))
                case .skb:
                    break
                }
            }
            if !series.isEmpty {
                let limit = 30
                let first = series[0].1
                let chosen = vacancy.formations.filter { first[$0.code] != nil }
                    .sorted { (first[$0.code] ?? 0, $1.code) > (first[$1.code] ?? 0, $0.code) }.prefix(limit)
                view.formationsChart = Charts.groupedBars(
                    id: "chart-formasi", title: strings["chart_formations_title"] ?? "", description: strings["chart_formations_desc"] ?? "",
                    categories: chosen.map(\.code),
                    series: series.prefix(Charts.palette.count).enumerated().map { index, item in
                        Charts.Series(label: item.0, values: chosen.map { item.1[$0.code] ?? 0 }, color: Charts.palette[index])
                    }, format: format)
                let withRows = vacancy.formations.filter { first[$0.code] != nil }.count
                if withRows > limit {
                    view.formationsNote = (strings["chart_formations_limited"] ?? "").replacingOccurrences(of: "{n}", with: String(limit))
                        .replacingOccurrences(of: "{total}", with: format.integer(withRows))
                }
            }
            if let skd = results.table(.skd) as? SKDResults {
                var counts = [Int](repeating: 0, count: 55)
                var scored = 0
                for row in skd.rows {
                    guard let total = row.scores?.total else { continue }
                    counts[min(54, total / 10)] += 1
                    scored += 1
                }
                let kinds = Set(vacancy.formations.map(\.kind))
                var byValue: [Int: [String]] = [:]
                for kind in kinds.sorted() {
                    guard let marks = results.rules.passing[kind] else { continue }
                    let value = marks.lowestPassingTotal
                    byValue[value, default: []].append(label("kind", kind))
                }
                let marks = byValue.keys.sorted().map { value in (value, "\(byValue[value]!.joined(separator: ", ")): \(value)") }
                view.histogram = Charts.histogram(
                    id: "chart-skd", title: strings["chart_histogram_title"] ?? "",
                    description: (strings["chart_histogram_desc"] ?? "").replacingOccurrences(of: "{n}", with: format.integer(scored)),
                    counts: counts, binWidth: 10, marks: marks, format: format)
                view.histogramNote = strings["chart_histogram_note"]
            }
            view.hasCharts = view.formationsChart != nil || view.histogram != nil
            return view
        }
    }
}

import Foundation
import Mustache

/// The render stage: view models into the theme's templates, one page per job, rendered
/// in parallel; the result is sorted by path so that it does not depend on scheduling.
public final class SiteRenderer: Sendable {
    let index: SiteIndex
    let theme: Theme
    let language: Language
    let strings: [String: String]
    let format: any InterfaceFormatter
    /// "" for the primary language, "en/" for English when it is a further language.
    let prefix: String
    /// How the lists are split into pages.
    let lists: ListPages
    /// The chrome of each kind of page, rendered once.
    let chrome = PageChrome()
    /// The previous output's pages that may be linked instead of rendered again.
    let reuse: OutputReuse?

    var zone: SiteTimeZone { index.content.config.timeZone }
    var isPrimary: Bool { prefix.isEmpty }

    /// `lists`: how the lists are split, the same for every language (made from `index` when
    /// not given).
    public convenience init(index: SiteIndex, theme: Theme, language: Language, lists: ListPages? = nil) {
        self.init(index: index, theme: theme, language: language, lists: lists, reuse: nil)
    }

    init(index: SiteIndex, theme: Theme, language: Language, lists: ListPages?, reuse: OutputReuse?) {
        self.reuse = reuse
        self.index = index
        self.theme = theme
        self.language = language
        self.strings = theme.strings[language] ?? [:]
        self.format = Formatters.formatter(for: language)
        self.prefix = Route.languageFolder(language, primary: index.content.config.primaryLanguage)
        self.lists = lists ?? ListPages(index)
    }

    /// A link to a page in this language's tree.
    func pageHref(_ path: String, root: String) -> String {
        Links.href(to: prefix + path, root: root)
    }

    static let languageNames: [Language: String] = [.id: "Bahasa Indonesia", .en: "English"]

    /// The cases holding a vacancy or a standing page hold it boxed (`indirect`): a job is
    /// as large as its largest case, and a vacancy inline made each of 10,000 notices' jobs
    /// hundreds of bytes, the list of jobs megabytes, copied as it was put together (perf:
    /// its page faults were a tenth of a build after one edit).
    enum Job: Sendable {
        case home, notFound, calendar, search, authenticity
        /// Page n (0-based) of a list.
        case vacancyList(page: Int)
        case announcementList(page: Int)
        case schedule(page: Int)
        indirect case vacancyCalendar(Vacancy)
        indirect case vacancy(Vacancy)
        /// Page n ≥ 1 of a vacancy's formations (page 0 is on the vacancy's page).
        indirect case formations(Vacancy, page: Int)
        /// Page n ≥ 1 of a vacancy's related announcements, and of its unfilled formations.
        indirect case relatedAnnouncements(Vacancy, page: Int)
        indirect case unfilled(Vacancy, page: Int)
        /// The announcement at this position of the site's (a position, not the notice: jobs
        /// are copied as they are handed out, and a notice is large).
        case announcement(Int)
        indirect case page(StandingPage)
    }

    var jobs: [Job] {
        // Calendars are shared by every language; the primary one writes them.
        [.home, .notFound, .search]
            + lists.vacancies.indices.map { Job.vacancyList(page: $0) }
            + lists.announcements.indices.map { Job.announcementList(page: $0) }
            + lists.schedule.indices.map { Job.schedule(page: $0) }
            + (isPrimary ? [.calendar] : [])
            + index.vacancies.map(Job.vacancy)
            + index.vacancies.flatMap { vacancy in
                (lists.formations[vacancy.id] ?? []).indices.dropFirst().map { Job.formations(vacancy, page: $0) }
                    + (lists.related[vacancy.id] ?? []).indices.dropFirst().map {
                        Job.relatedAnnouncements(vacancy, page: $0)
                    }
                    + (lists.unfilled[vacancy.id] ?? []).indices.dropFirst().map { Job.unfilled(vacancy, page: $0) }
            }
            + (isPrimary ? index.vacancies.map(Job.vacancyCalendar) : [])
            + index.announcements.indices.map(Job.announcement)
            + index.pages.map(Job.page)
            + (index.content.config.signing == nil ? [] : [.authenticity])
    }

    /// Renders every page and file into `staging` as it goes: data files, assets and
    /// attachments first, since the pages show their sizes and SHA-256 (read from the
    /// ledger, not hashed again per page or per language), then pages and results. The feed,
    /// sitemap and data package, which list them, are written once every language's pages
    /// are (`writePublicationFiles`).
    public func render(to staging: StagingFolder) async throws {
        // Data, assets, attachments, feed and data package are written once, by the
        // primary language; a further language adds its pages under its prefix.
        if isPrimary {
            var files = DataExport.formations(index.vacancies)
            for vacancy in index.vacancies {
                guard let results = index.results[vacancy.id], !results.tables.isEmpty else { continue }
                if let unfilled = results.unfilled { files += DataExport.unfilled(vacancy, unfilled) }
                files += DataExport.evaluation(vacancy, results.evaluation)
            }
            files += theme.assets.map { OutputFile(path: Route.asset($0.path), contents: .copy($0.url)) }
            files += theme.rootFiles.map { OutputFile(path: $0.path, contents: .copy($0.url)) }
            files += index.content.files.map { OutputFile(path: $0.outputPath, contents: .copy($0.source)) }
            for file in files { try staging.write(file) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Pages in interleaved batches, not a task each: on a site of 10,000 notices whose
            // pages an incremental build takes as they were, making the tasks cost more than
            // the pages.
            // The site search's files first: made on one core, they would otherwise be the
            // last task left running once the pages are done (perf).
            if isPrimary {
                group.addTask { for file in self.searchData() { try staging.write(file) } }
            }
            let jobs = jobs
            let batches = min(jobs.count, 64)
            for batch in 0..<batches {
                group.addTask {
                    for index in stride(from: batch, to: jobs.count, by: batches) {
                        try staging.write(self.render(jobs[index], ledger: staging.ledger))
                    }
                }
            }
            for vacancy in index.vacancies {
                guard let results = index.results[vacancy.id], !results.tables.isEmpty else { continue }
                group.addTask { try await self.writeResults(vacancy, results, to: staging) }
            }
            try await group.waitForAll()
        }
    }

    /// A download link with the size and SHA-256 of what was written.
    func download(_ label: String, _ path: String, root: String, ledger: Ledger) -> DownloadView {
        let entry = ledger.entry(path)
        return DownloadView(
            label: label, href: Links.href(to: path, root: root), size: entry.map { format.fileSize($0.size) } ?? "",
            sha256: entry?.sha256 ?? "")
    }

    func render(_ job: Job, ledger: Ledger) -> OutputFile {
        switch job {
        case .home:
            return page(
                Route.home, template: "home", title: text(.homeTitle),
                description: text(.homeDescription), current: Route.home
            ) { [self] root in homeView(root: root) }
        case .vacancyList(let number):
            let range = lists.vacancies[number]
            return page(
                Route.listPage(Route.vacancyList, page: number), template: "vacancy-list",
                title: pagedTitle(text(.vacanciesTitle), number), description: "", current: Route.vacancyList
            ) { [self] root in
                let shown = index.vacancies[range].map { vacancySummary($0, root: root) }
                return VacancyListView(
                    vacancies: shown, hasVacancies: !index.vacancies.isEmpty,
                    pager: pager(Route.vacancyList, number, of: lists.vacancies.count, root: root))
            }
        case .announcementList(let number):
            let range = lists.announcements[number]
            return page(
                Route.listPage(Route.announcementList, page: number), template: "announcement-list",
                title: pagedTitle(text(.announcementsTitle), number), description: "",
                current: Route.announcementList,
                key: .announcementList(page: number)
            ) { [self] root in
                // Current announcements first, then the archived ones, across the pages.
                let current = index.currentAnnouncements
                let shownCurrent = current[range.clamped(to: current.indices)].map {
                    announcementSummary($0, root: root)
                }
                let archived = index.archivedAnnouncements
                let shownArchived = archived[
                    (range.lowerBound - current.count..<range.upperBound - current.count).clamped(to: archived.indices)
                ].map { announcementSummary($0, root: root) }
                return AnnouncementListView(
                    current: shownCurrent, hasCurrent: !shownCurrent.isEmpty,
                    noneCurrent: current.isEmpty && number == 0, archived: shownArchived,
                    hasArchived: !shownArchived.isEmpty,
                    pager: pager(Route.announcementList, number, of: lists.announcements.count, root: root))
            }
        case .schedule(let number):
            return page(
                Route.listPage(Route.schedule, page: number), template: "schedule",
                title: pagedTitle(text(.schedulePageTitle), number), description: "", current: Route.schedule
            ) { [self] root in scheduleView(page: number, root: root) }
        case .search:
            return page(
                Route.search, template: "search", title: text(.searchTitle), description: "", current: Route.search
            ) { [self] root in
                searchView(root: root)
            }
        case .authenticity:
            return page(
                Route.authenticity, template: "authenticity", title: text(.authenticityTitle), description: "",
                current: Route.authenticity
            ) { [self] root in authenticityView(root: root) }
        case .calendar:
            return OutputFile(
                path: Route.calendar, contents: calendar(for: index.vacancies, name: index.content.config.title))
        case .vacancyCalendar(let vacancy):
            return OutputFile(
                path: Route.vacancyCalendar(vacancy.id), contents: calendar(for: [vacancy], name: vacancy.title))
        case .notFound:
            return page(Route.notFound, template: "404", title: text(.notFoundTitle), description: "", current: nil) {
                [self] root in
                NotFoundView(
                    homeHref: pageHref(Route.home, root: root),
                    vacancyListHref: pageHref(Route.vacancyList, root: root),
                    announcementListHref: pageHref(Route.announcementList, root: root))
            }
        case .vacancy(let vacancy):
            return page(
                Route.vacancy(vacancy.id), template: "vacancy", title: vacancy.title,
                description: vacancy.summary ?? "",
                current: Route.vacancyList
            ) { [self] root in vacancyView(vacancy, root: root, ledger: ledger) }
        case .formations(let vacancy, let number):
            return page(
                Route.formationPage(vacancy.id, page: number), template: "formations",
                title: pagedTitle("\(text(.formationsTitle)) — \(vacancy.title)", number), description: "",
                current: Route.vacancyList
            ) { [self] root in formationsView(vacancy, page: number, root: root, ledger: ledger) }
        case .relatedAnnouncements(let vacancy, let number):
            return page(
                Route.relatedAnnouncementsPage(vacancy.id, page: number), template: "related-announcements",
                title: pagedTitle("\(text(.relatedAnnouncements)) — \(vacancy.title)", number), description: "",
                current: Route.vacancyList
            ) { [self] root in
                RelatedAnnouncementsPageView(
                    vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
                    announcements: relatedAnnouncements(vacancy, page: number, root: root),
                    pager: relatedPager(vacancy, page: number, root: root))
            }
        case .unfilled(let vacancy, let number):
            return page(
                Route.unfilledPage(vacancy.id, page: number), template: "unfilled",
                title: pagedTitle("\(text(.unfilledTitle)) — \(vacancy.title)", number), description: "",
                current: Route.vacancyList
            ) { [self] root in
                UnfilledPageView(
                    vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
                    unfilled: unfilledView(
                        vacancy, index.results[vacancy.id]?.unfilled ?? [], page: number, root: root, ledger: ledger))
            }
        case .announcement(let position):
            let announcement = index.announcements[position]
            return page(
                Route.announcement(announcement.slug), template: "announcement", title: announcement.title,
                description: "", current: Route.announcementList,
                key: .announcement(announcement)
            ) { [self] root in announcementView(announcement, root: root, ledger: ledger) }
        case .page(let standing):
            return page(
                Route.page(standing.slug), template: "page", title: standing.title, description: "",
                current: Route.page(standing.slug)
            ) { [self] root in
                StandingPageView(title: standing.title, bodyHTML: markdown(standing.body, root: root))
            }
        }
    }

    /// The page at `path`, `template` filled with the chrome and `body`; with an
    /// incremental build's previous output, that output's page when it had the same `key`
    /// (a page made from one input: its view is not made), or was made from the same view
    /// (the same fingerprint). `spliced`: the values the view holds as SplicedText. `memo`:
    /// other pages may have the same view but for those values (`made`).
    func page<Body: Sendable & Fingerprinted>(
        _ path: String, template: String, title: String, description: String, current: String?,
        key: PageKey.Made? = nil, spliced: [SplicedText] = [], memo: Bool = false,
        body: @escaping @Sendable (String) -> Body
    ) -> OutputFile {
        let finish: @Sendable (String) -> Data = { page in
            spliced.isEmpty ? Data(page.utf8) : SplicedText.splice(spliced, into: page)
        }
        let fullPath = prefix + path
        // Before anything of the page is made: most pages of a large site are taken by key.
        if let reuse, let made = key,
            let key = PageKey.key(made, path: fullPath, index: index, lists: lists, reuse: reuse),
            let (previous, known) = reuse.page(fullPath, key: key)
        {
            let made: @Sendable () -> (fingerprint: () -> String, render: @Sendable () -> String) = { [self] in
                self.made(
                    path, template: template, title: title, description: description, current: current,
                    memo: memo, body: body)
            }
            if reuse.keyHolds(fullPath, { made().fingerprint() == known }) {
                reuse.noteTaken(fullPath)
                return OutputFile(path: fullPath, contents: .previous(previous) { finish(made().render()) })
            }
        }
        let (fingerprint, render) = made(
            path, template: template, title: title, description: description, current: current,
            memo: memo, body: body)
        if let reuse, let previous = reuse.page(fullPath, fingerprint: fingerprint()) {
            return OutputFile(path: fullPath, contents: .previous(previous) { finish(render()) })
        }
        return OutputFile(path: fullPath, contents: .bytes(finish(render())))
    }

    /// The page at `path`: the fingerprint of its view, and its HTML. With `memo`, its
    /// `main` block is rendered once for every page whose view differs only in its
    /// spliced values; not on a site in several languages, where each page's view holds
    /// its own path (the links to its other languages), so no two would share it.
    private func made<Body: Sendable & Fingerprinted>(
        _ path: String, template: String, title: String, description: String, current: String?, memo: Bool,
        body: (String) -> Body
    ) -> (fingerprint: () -> String, render: @Sendable () -> String) {
        let fullPath = prefix + path
        let root = Links.root(from: fullPath)
        let config = index.content.config
        let contact = config.contact.map {
            ContactView(
                address: $0.address, phone: $0.phone, email: $0.email, emailHref: $0.email.map { "mailto:" + $0 },
                hours: $0.hours)
        }
        let site = SiteView(
            title: config.title, agency: config.agency, region: config.region, sampleData: config.sampleData,
            homeHref: pageHref(Route.home, root: root), contact: contact)
        var nav = [
            NavItem(title: text(.navHome), href: pageHref(Route.home, root: root), current: current == Route.home),
            NavItem(
                title: text(.navVacancies), href: pageHref(Route.vacancyList, root: root),
                current: current == Route.vacancyList),
            NavItem(
                title: text(.navAnnouncements), href: pageHref(Route.announcementList, root: root),
                current: current == Route.announcementList),
            NavItem(
                title: text(.navSchedule), href: pageHref(Route.schedule, root: root),
                current: current == Route.schedule),
            NavItem(
                title: text(.navSearch), href: pageHref(Route.search, root: root), current: current == Route.search),
        ]
        nav += index.menuPages.map {
            NavItem(
                title: $0.title, href: pageHref(Route.page($0.slug), root: root),
                current: current == Route.page($0.slug))
        }
        func alternates(_ path: String) -> [AlternateLink] {
            config.languages.filter { $0 != language }.map { other in
                AlternateLink(
                    lang: other.rawValue, label: Self.languageNames[other] ?? other.rawValue,
                    href: root + Route.languageFolder(other, primary: config.primaryLanguage) + path)
            }
        }
        let encodedPath = Links.href(to: path, root: "")
        let (links, menu) = (alternates(encodedPath), nav)
        let view = PageView(
            lang: language.rawValue, root: root, t: strings, site: site, nav: menu, alternates: links,
            pageTitle: title, description: description, body: body(root))
        // The theme's name: site.yml may choose another theme with the same files.
        // With spliced values as their slots: the memo key of the page's `main` block.
        let digest = { @Sendable [theme] (splicedAsSlots: Bool) -> String in
            var fingerprint = Fingerprint()
            fingerprint.splicedAsSlots = splicedAsSlots
            fingerprint.add(theme.name)
            fingerprint.add(template)
            fingerprint.add(view)
            return fingerprint.digest
        }
        let fingerprint = { digest(false) }
        let probe = PageView(
            lang: language.rawValue, root: root, t: strings, site: site, nav: nav,
            alternates: alternates(PageChrome.Marker.path), pageTitle: PageChrome.Marker.title,
            description: description.isEmpty ? "" : PageChrome.Marker.description, body: ProbeBody())
        let kind = "\(template)|\(root)|\(current ?? "")|\(description.isEmpty)"
        let render: @Sendable () -> String = { [chrome, theme] in
            chrome.render(
                view, probe: probe, template: template, kind: kind, values: (title, description, encodedPath),
                templates: theme.chrome, memo: memo && links.isEmpty ? digest(true) : nil)
        }
        return (fingerprint, render)
    }

    private func markdown(_ source: MarkdownSource, root: String) -> String {
        Markdown.html(source.text) { Links.rewriteContentURL($0, root: root) }
    }

    /// An interface string of this language; the theme was checked to have every one.
    func text(_ key: InterfaceString) -> String {
        strings[key.rawValue] ?? ""
    }

    /// An interface string with its `{name}` placeholders filled in.
    func text(_ key: InterfaceString, _ values: KeyValuePairs<String, String>) -> String {
        values.reduce(text(key)) { result, pair in result.replacingOccurrences(of: "{\(pair.key)}", with: pair.value) }
    }

    func label(_ prefix: String, _ id: String) -> String {
        strings["\(prefix)_\(id)"] ?? id
    }

    /// The key, its fingerprint and the exact commands that check the site, for each system.
    private func authenticityView(root: String) -> AuthenticityView {
        let signing = index.content.config.signing!
        let allowed = "\(signing.signer) \(signing.key.line)"
        let verify =
            "ssh-keygen -Y verify -f allowed_signers -I \(signing.signer) -n file -s \(Route.signature) < \(Route.sums)"
        return AuthenticityView(
            keyLine: signing.key.line, fingerprint: signing.key.fingerprint, signer: signing.signer,
            signed: index.signed, sumsHref: Links.href(to: Route.sums, root: root),
            signatureHref: Links.href(to: Route.signature, root: root),
            zipHref: index.offersZip ? Links.href(to: Route.zip, root: root) : nil,
            unixSignature: "printf '%s\\n' '\(allowed)' > allowed_signers\n\(verify)",
            windowsSignature: "cmd /c \"echo \(allowed)> allowed_signers\"\ncmd /c \"\(verify)\"",
            linuxSums: "sha256sum -c \(Route.sums)", macSums: "shasum -a 256 -c \(Route.sums)",
            windowsSums:
                "Get-Content \(Route.sums) | ForEach-Object { $h, $p = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $p).Hash -ne $h.ToUpper()) { \"FAILED: $p\" } }"
        )
    }

    private func homeView(root: String) -> HomeView {
        let home = index.home
        let open = home.openVacancies.map { vacancySummary($0, root: root) }
        let past = home.pastVacancies.map { vacancySummary($0, root: root) }
        let latest = home.announcements.map { announcementSummary($0, root: root) }
        let stages = homeStages(root: root)
        return HomeView(
            stages: stages, hasStages: !stages.isEmpty, scheduleHref: pageHref(Route.schedule, root: root),
            zipHref: index.offersZip ? Links.href(to: Route.zip, root: root) : nil,
            sumsHref: Links.href(to: Route.sums, root: root),
            authenticityHref: index.content.config.signing == nil ? nil : pageHref(Route.authenticity, root: root),
            openVacancies: open, hasOpenVacancies: !open.isEmpty, pastVacancies: past, hasPastVacancies: !past.isEmpty,
            announcements: latest, hasAnnouncements: !latest.isEmpty,
            vacancyListHref: pageHref(Route.vacancyList, root: root),
            announcementListHref: pageHref(Route.announcementList, root: root))
    }

    private func vacancySummary(_ vacancy: Vacancy, root: String) -> VacancySummaryView {
        VacancySummaryView(
            title: vacancy.title, href: pageHref(Route.vacancy(vacancy.id), root: root),
            kindLabel: label("recruitment", vacancy.kind.rawValue),
            published: format.mediumDate(format.localDay(vacancy.published, siteZone: zone)),
            publishedISO: vacancy.published.iso8601, number: vacancy.number, summary: vacancy.summary,
            formationCount: format.integer(vacancy.formations.count), totalSeats: format.integer(vacancy.totalSeats),
            open: index.isOpen(vacancy))
    }

    /// Page `number` of a vacancy's formations, with the columns the whole list has.
    private func formationTable(_ vacancy: Vacancy, page number: Int, root: String) -> FormationTableView {
        let pages = lists.formations[vacancy.id] ?? [vacancy.formations.indices]
        let rows = vacancy.formations[pages[number]].map { formation in
            FormationRowView(
                code: formation.code, position: formation.position, unit: formation.unit,
                education: formation.education,
                kindLabel: label("kind", formation.kind), quota: format.integer(formation.quota),
                salary: salaryText(formation),
                disability: formation.openToDisability.map { text($0 ? .yes : .no) })
        }
        let hasSalary = vacancy.formations.contains { $0.salaryMin != nil || $0.salaryMax != nil }
        let hasEducation = vacancy.formations.contains { $0.education != nil }
        let hasDisability = vacancy.formations.contains { $0.openToDisability != nil }
        return FormationTableView(
            title: vacancy.title, formations: rows, totalSeats: format.integer(vacancy.totalSeats),
            hasSalary: hasSalary, hasEducation: hasEducation, hasDisability: hasDisability,
            totalColspan: 4 + (hasSalary ? 1 : 0) + (hasEducation ? 1 : 0) + (hasDisability ? 1 : 0),
            pager: pager(number, of: pages.count, root: root) { Route.formationPage(vacancy.id, page: $0) },
            jsonLD: JobPostings.jsonLD(
                vacancy, formations: vacancy.formations[pages[number]],
                page: Route.formationPage(vacancy.id, page: number), index: index,
                label: { self.label("kind", $0) }))
    }

    /// Page `number` ≥ 1 of a vacancy's formations.
    private func formationsView(_ vacancy: Vacancy, page number: Int, root: String, ledger: Ledger)
        -> FormationsPageView
    {
        FormationsPageView(
            vacancyTitle: vacancy.title, vacancyHref: pageHref(Route.vacancy(vacancy.id), root: root),
            formationCount: format.integer(vacancy.formations.count), totalSeats: format.integer(vacancy.totalSeats),
            downloads: [
                download("CSV", Route.formationData(vacancy.id, "csv"), root: root, ledger: ledger),
                download("JSON", Route.formationData(vacancy.id, "json"), root: root, ledger: ledger),
            ],
            table: formationTable(vacancy, page: number, root: root))
    }

    /// "Pengumuman (Halaman 2)" from page 2 on.
    func pagedTitle(_ title: String, _ number: Int) -> String {
        number == 0 ? title : "\(title) (\(text(.page)) \(format.integer(number + 1)))"
    }

    /// The links between the pages of a list whose first page is `first`.
    func pager(_ first: String, _ number: Int, of count: Int, root: String) -> PagerView? {
        pager(number, of: count, root: root) { Route.listPage(first, page: $0) }
    }

    /// The links between `count` pages, page n at `path(n)`, seen from page `number`.
    func pager(_ number: Int, of count: Int, root: String, path: (Int) -> String) -> PagerView? {
        PagerView.make(
            page: number, count: count,
            label: text(.pageOf, ["page": format.integer(number + 1), "pages": format.integer(count)])
        ) { pageHref(path($0), root: root) }
    }

    private func vacancyView(_ vacancy: Vacancy, root: String, ledger: Ledger) -> VacancyView {
        let zone = index.content.config.timeZone
        let schedule = timelineRows(vacancy)
        let announcements = relatedAnnouncements(vacancy, page: 0, root: root)
        let resultLinks = (index.results[vacancy.id]?.tables ?? []).map { table in
            ResultLinkView(
                label: label("result", table.stage.rawValue),
                href: pageHref(Route.resultPage(vacancy.id, table.stage), root: root),
                published: format.dateTime(table.entry.published, siteZone: zone), number: table.entry.number,
                objectionUntil: table.entry.objectionUntil.map { format.dateTime($0, siteZone: zone) })
        }
        return VacancyView(
            title: vacancy.title, kindLabel: label("recruitment", vacancy.kind.rawValue), number: vacancy.number,
            published: format.longDate(format.localDay(vacancy.published, siteZone: zone)),
            publishedISO: vacancy.published.iso8601,
            bodyHTML: markdown(vacancy.body, root: root), table: formationTable(vacancy, page: 0, root: root),
            formationCount: format.integer(vacancy.formations.count), totalSeats: format.integer(vacancy.totalSeats),
            schedule: schedule, hasSchedule: !schedule.isEmpty,
            icsHref: Links.href(to: Route.vacancyCalendar(vacancy.id), root: root),
            scheduleScriptHref: Links.href(to: Route.scheduleScript, root: root),
            asOf: format.dateTime(ContentDate(instant: index.now, in: zone), siteZone: zone),
            announcements: announcements, hasAnnouncements: !announcements.isEmpty,
            relatedPages: ListPagerView(pager: relatedPager(vacancy, page: 0, root: root)),
            downloads: [
                download("CSV", Route.formationData(vacancy.id, "csv"), root: root, ledger: ledger),
                download("JSON", Route.formationData(vacancy.id, "json"), root: root, ledger: ledger),
            ],
            results: resultLinks, hasResults: !resultLinks.isEmpty,
            statisticsHref: resultLinks.isEmpty ? nil : pageHref(Route.statistics(vacancy.id), root: root),
            lookup: resultLinks.isEmpty ? nil : lookupForm(vacancy, root: root),
            unfilled: index.results[vacancy.id]?.unfilled.map {
                unfilledView(vacancy, $0, page: 0, root: root, ledger: ledger)
            }
        )
    }

    /// Page `number` of a vacancy's related announcements.
    private func relatedAnnouncements(_ vacancy: Vacancy, page number: Int, root: String) -> [AnnouncementSummaryView] {
        let all = index.announcementsByVacancy[vacancy.id] ?? []
        let pages = lists.related[vacancy.id] ?? [all.indices]
        return all[pages[number]].map { announcementSummary($0, root: root) }
    }

    private func relatedPager(_ vacancy: Vacancy, page number: Int, root: String) -> PagerView? {
        pager(number, of: lists.related[vacancy.id]?.count ?? 1, root: root) {
            Route.relatedAnnouncementsPage(vacancy.id, page: $0)
        }
    }

    /// Page `number` of the formations the final stage left with empty seats, with why.
    private func unfilledView(
        _ vacancy: Vacancy, _ formations: [UnfilledFormation], page number: Int, root: String, ledger: Ledger
    ) -> UnfilledSectionView {
        let pages = lists.unfilled[vacancy.id] ?? [formations.indices]
        let rows = formations[pages[number]].map { item in
            UnfilledRowView(
                code: item.formation.code, position: item.formation.position, unit: item.formation.unit,
                quota: format.integer(item.formation.quota), filled: format.integer(item.filled),
                reason: strings["unfilled_\(item.reason.rawValue)"].map {
                    $0.replacingOccurrences(of: "{applicants}", with: format.integer(item.applicants))
                        .replacingOccurrences(of: "{withdrew}", with: format.integer(item.withdrew))
                        .replacingOccurrences(of: "{absent}", with: format.integer(item.absent))
                } ?? item.reason.rawValue)
        }
        return UnfilledSectionView(
            rows: rows, hasRows: !rows.isEmpty,
            downloads: [
                download("CSV", Route.unfilledData(vacancy.id, "csv"), root: root, ledger: ledger),
                download("JSON", Route.unfilledData(vacancy.id, "json"), root: root, ledger: ledger),
            ],
            pager: pager(number, of: pages.count, root: root) { Route.unfilledPage(vacancy.id, page: $0) })
    }

    static func webAddress(_ text: String) -> String? {
        text.hasPrefix("https://") || text.hasPrefix("http://") ? text : nil
    }

    private func salaryText(_ formation: Formation) -> String? {
        switch (formation.salaryMin, formation.salaryMax) {
        case (let min?, let max?) where min == max: format.rupiah(min)
        case (let min?, let max?): "\(format.rupiah(min)) – \(format.rupiah(max))"
        case (let min?, nil): format.rupiah(min)
        case (nil, let max?): format.rupiah(max)
        case (nil, nil): nil
        }
    }

    private func announcementSummary(_ announcement: Announcement, root: String) -> AnnouncementSummaryView {
        AnnouncementSummaryView(
            title: announcement.title, href: pageHref(Route.announcement(announcement.slug), root: root),
            date: format.mediumDate(format.localDay(announcement.date, siteZone: zone)),
            dateISO: announcement.date.iso8601,
            categoryLabel: label("category", announcement.category.rawValue),
            isCorrection: announcement.category == .ralat, pinned: announcement.pinned, number: announcement.number)
    }

    private func announcementView(_ announcement: Announcement, root: String, ledger: Ledger) -> AnnouncementView {
        let vacancy = announcement.vacancyID.flatMap { id in index.vacancies.first { $0.id == id } }.map {
            LinkView(title: $0.title, href: pageHref(Route.vacancy($0.id), root: root))
        }
        return AnnouncementView(
            title: announcement.title,
            date: format.dateTime(announcement.date, siteZone: index.content.config.timeZone),
            dateISO: announcement.date.iso8601, categoryLabel: label("category", announcement.category.rawValue),
            isCorrection: announcement.category == .ralat, number: announcement.number, vacancy: vacancy,
            bodyHTML: markdown(announcement.body, root: root),
            attachments: announcement.attachments.map {
                AttachmentView(
                    name: $0.fileName, href: Links.href(to: $0.outputPath, root: root), size: format.fileSize($0.size),
                    sha256: ledger.entry($0.outputPath)?.sha256 ?? "")
            },
            hasAttachments: !announcement.attachments.isEmpty,
            expires: announcement.expires.map { format.mediumDate($0.date) },
            archived: index.archivedSlugs.contains(announcement.slug)
        )
    }
}

import Foundation
import Testing

@testable import TerbukaCore

/// The compute stage on models built in memory: no files, no rendering. The end-to-end
/// tests check the same rules through whole sites; these pin the computation itself.
@Suite struct ComputeTests {
    static let published = ContentDate(instant: 1_730_000_000, offset: 8 * 3600)

    static func formation(_ code: String, kind: String = "umum", quota: Int) -> Formation {
        Formation(
            code: code, position: "Jabatan \(code)", unit: "Unit \(code)", education: nil, kind: kind, quota: quota,
            salaryMin: nil, salaryMax: nil, line: 2)
    }

    static func entry(_ stage: ResultStage) -> ResultEntry {
        ResultEntry(
            stage: stage, file: "results/\(stage.rawValue).csv", sheet: nil, published: published, number: nil,
            objectionUntil: nil, location: SourceLocation(path: "content/vacancies/v/index.md"))
    }

    static func identity(
        _ participant: String, row: Int32, formation: Int32 = 0, code: String = "F1",
        birthDay: Int32? = nil, ipk: Int16? = 300
    ) -> RowIdentity {
        RowIdentity(
            participant: participant, name: "NAMA \(participant)", formation: code, formationIndex: formation, row: row,
            line: row, tieBreaks: PrivateTieBreaks(ipk: ipk, birthDay: birthDay))
    }

    static func vacancy(
        _ kind: RecruitmentKind = .cpns, formations: [Formation], tables: VacancyResultTables,
        schedule: [ScheduleEntry] = []
    ) -> Vacancy {
        Vacancy(
            id: "v", title: "Seleksi", kind: kind, published: published, number: nil, summary: nil, schedule: schedule,
            results: [], tables: tables, scoring: ScoringRules.preset(for: kind), draft: false,
            body: MarkdownSource(text: "", firstLine: 1, path: "content/vacancies/v/index.md"), formations: formations,
            sourcePath: "content/vacancies/v/index.md", formationsPath: "content/vacancies/v/formations.csv")
    }

    static let skdPlace = TablePlace(path: "content/vacancies/v/results/skd.csv")

    static func skdRow(
        _ participant: String, _ twk: Int, _ tiu: Int, _ tkp: Int, row: Int32,
        status: ResultStatus? = nil
    ) -> SKDRow {
        let supplied = status.map {
            SuppliedColumns(
                total: nil, rank: nil, status: Located($0, at: skdPlace.location(line: Int(row), column: 7)),
                final: nil)
        }
        return SKDRow(
            identity: identity(participant, row: row), scores: SKDScores(twk: twk, tiu: tiu, tkp: tkp),
            absence: nil, supplied: supplied)
    }

    /// One general formation with one seat (shortlist 3): A and E pass clearly, C and D
    /// tie at rank 2, E is fourth, B has the highest total but misses the TWK mark.
    static func skdTables(statusOfE: ResultStatus? = nil) -> VacancyResultTables {
        var tables = VacancyResultTables()
        tables.skd = (
            entry(.skd), skdPlace,
            [
                skdRow("A", 100, 100, 200, row: 2), skdRow("B", 60, 150, 225, row: 3), skdRow("C", 70, 85, 170, row: 4),
                skdRow("D", 70, 85, 170, row: 5), skdRow("E", 65, 80, 166, row: 6, status: statusOfE),
            ]
        )
        return tables
    }

    /// The lookup's estimate of an SKD row's cells is counted without making them: it must be
    /// what counting the cells gives, for every kind of row (scored, absent, each status,
    /// with and without a year carried over), else the shards' sizes would drift.
    @Test func anSKDRowsCellsAreEstimatedAsCountingThemWould() {
        let formations = [Self.formation("F1", quota: 1), Self.formation("F2", kind: "cumlaude", quota: 1)]
        for withSources in [false, true] {
            var rows: [SKDRow] = []
            for index in 0..<40 {
                var row = Self.skdRow(
                    "P\(index)", 60 + 5 * (index % 9), 70 + 5 * (index % 7), 160 + index, row: Int32(index + 2))
                row.identity.formationIndex = Int32(index % 2)
                row.identity.formation = index % 2 == 0 ? "F1" : "F2"
                if index % 5 == 0 {
                    row.scores = nil
                    row.absence = Absence.allCases[index % Absence.allCases.count]
                }
                if withSources, index % 3 == 0 { row.source = 2023 }
                rows.append(row)
            }
            var diagnostics = Diagnostics()
            let table = SKDResults(
                entry: Self.entry(.skd), place: Self.skdPlace, rows: rows, formations: formations,
                rules: ScoringRules.preset(for: .cpns), into: &diagnostics)
            let codes = Set((0..<table.count).compactMap { table.status($0)?.code })
            #expect(codes.isSuperset(of: ["P/L", "P", "TL", "TH", "DIS", "APS"]), "\(codes)")
            var cells: [CellValue] = []
            for position in 0..<table.count {
                #expect(
                    table.cellsEstimate(position, cells: &cells) == LookupData.estimate(table.cells(position)),
                    "row \(position), years \(withSources)")
            }
        }
    }

    /// The legend's statuses: each status the table uses, once, in the order its rows first
    /// show it, though the same status comes back in each formation.
    @Test func aTablesStatusesAreEachListedOnceInTheOrderTheyFirstAppear() {
        let formations = [Self.formation("F1", quota: 1), Self.formation("F2", quota: 1)]
        var rows: [SKDRow] = []
        for index in 0..<12 {
            var row = Self.skdRow("Q\(index)", 60 + 10 * (index % 4), 90, 170 + index, row: Int32(index + 2))
            row.identity.formationIndex = Int32(index % 2)
            row.identity.formation = index % 2 == 0 ? "F1" : "F2"
            if index == 5 {
                row.scores = nil
                row.absence = .absent
            }
            rows.append(row)
        }
        var diagnostics = Diagnostics()
        let table = SKDResults(
            entry: Self.entry(.skd), place: Self.skdPlace, rows: rows, formations: formations,
            rules: ScoringRules.preset(for: .cpns), into: &diagnostics)
        let statuses = (0..<table.count).compactMap { table.status($0) }
        var expected: [ResultStatus] = []
        for status in statuses where !expected.contains(status) { expected.append(status) }
        // A status comes back after others (P/L in the second formation, after TL): it is
        // listed once all the same.
        #expect(statuses.map(\.code) == ["P/L", "P/L", "P/L", "TL", "TL", "TL", "P/L", "P/L", "P/L", "P", "P", "TH"])
        #expect(table.statusesUsed == expected)
    }

    @Test func skdRanksThoseWhoReachedThePassingMarksFirstAndShortlistsEveryoneTiedAtTheCutoff() throws {
        var diagnostics = Diagnostics()
        let results = VacancyResults(
            Self.vacancy(formations: [Self.formation("F1", quota: 1)], tables: Self.skdTables()), into: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let skd = try #require(results.table(.skd))
        let rows = (0..<skd.count).map { "\(skd.participant($0)) \(skd.status($0)?.code ?? "-")" }
        #expect(rows == ["A P/L", "C P/L", "D P/L", "E P", "B TL"])
        #expect((0..<skd.count).map { skd.cells($0)[4] } == [1, 2, 2, 4, 5].map(CellValue.integer))
    }

    /// The writers read a table's numbers and names from its columns
    /// (`PublishedResultTable.participants`, `names`): they hold each row's in the table's
    /// order, as `participant(_:)` and `name(_:)` give them.
    @Test func aTablesColumnsHoldEachRowsNumberAndNameInTheTablesOrder() throws {
        var tables = Self.skdTables()
        for index in tables.skd!.rows.indices {
            tables.skd!.rows[index].identity.name = "PESERTA DENGAN NAMA PANJANG \(index) É"
        }
        tables.skd!.rows[2].identity.name = "PENDEK"
        tables.skd!.rows[3].identity.name = ""
        let vacancy = Self.vacancy(formations: [Self.formation("F1", quota: 1)], tables: tables)
        var diagnostics = Diagnostics()
        let skd = try #require(VacancyResults(vacancy, into: &diagnostics).table(.skd))
        #expect((0..<skd.count).map(skd.participant) == ["A", "C", "D", "E", "B"])
        #expect((0..<skd.count).map { skd.participants[$0] } == ["A", "C", "D", "E", "B"])
        #expect(skd.names.count == skd.count)
        #expect((0..<skd.count).map { skd.names[$0] } == (0..<skd.count).map(skd.name))
        #expect(skd.names[1] == "PENDEK")
        #expect(skd.names[2] == "")
        #expect(skd.names[0] == "PESERTA DENGAN NAMA PANJANG 0 É")
    }

    /// A table's columns are laid out once, when first asked for, however many writers ask at
    /// once.
    @Test func aTablesTextsAreLaidOutOnceWhenFirstAskedFor() {
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var value = 0
            func add() { lock.withLock { value += 1 } }
        }
        let count = Count()
        let texts = TableTexts(
            count: 3,
            participant: {
                count.add()
                return "P\($0)"
            }, name: { "NAMA \($0)" })
        #expect(count.value == 0)
        let read = Count()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if texts.names[2] == "NAMA 2" { read.add() }
        }
        #expect(read.value == 8)
        #expect(texts.participants[1] == "P1")
        #expect(count.value == 3)
    }

    /// On every core, each run gathers its own texts; joined, every text reads back whole and
    /// in its place, empty and multi-byte ones too.
    @Test func aTextColumnGatheredOnEveryCoreReadsBackEachTextInItsPlace() {
        let texts = (0..<1_000).map { $0 % 7 == 0 ? "" : "NAMA \($0) \($0 % 3 == 0 ? "Çağrı ✓" : "PUTU")" }
        let column = TextColumn(count: texts.count, parallelFrom: 1) { texts[$0] }
        #expect(column.count == texts.count)
        #expect((0..<column.count).map { column[$0] } == texts)
        column.withView { view in
            #expect((0..<texts.count).allSatisfy { Array(view[$0]) == Array(texts[$0].utf8) })
        }
        let other = TextColumn(["B", "CC"])
        TextColumn.withViews([column, other][...]) { views in
            #expect(views.count == 2)
            #expect(Array(views[1][1]) == Array("CC".utf8))
            #expect(Array(views[0][999]) == Array(texts[999].utf8))
        }
    }

    /// Two columns gathered in one pass on every core, from bytes in place: texts longer than
    /// the room made for them, empty and multi-byte ones, each read back in its place.
    @Test func twoTextColumnsGatheredTogetherReadBackEachTextInItsPlace() {
        let numbers = (0..<1_000).map { String(24_300_000_000_000_000 + $0 * 7_919) }
        let names = (0..<1_000).map {
            $0 % 11 == 0 ? "" : String(repeating: $0 % 3 == 0 ? "Çağrı ✓ " : "PUTU ", count: 1 + $0 % 9)
        }
        let (first, second) = TextColumn.pair(count: 1_000, parallelFrom: 1) { index, first, second in
            var number = numbers[index]
            number.withUTF8 { first.append(utf8: $0) }
            second.append(names[index])
        }
        #expect((0..<first.count).map { first[$0] } == numbers)
        #expect((0..<second.count).map { second[$0] } == names)
    }

    @Test func aSuppliedStatusThatDiffersIsAnErrorThatStatesTheRule() {
        var diagnostics = Diagnostics()
        _ = VacancyResults(
            Self.vacancy(formations: [Self.formation("F1", quota: 1)], tables: Self.skdTables(statusOfE: .shortlisted)),
            into: &diagnostics)
        #expect(
            diagnostics.all.map(\.formatted) == [
                "content/vacancies/v/results/skd.csv:6:7: error: row 6: status P/L supplied, computed P: the passing marks are reached but rank 4 is beyond the shortlist of 3 (3 × 1 seat)"
            ])
    }

    @Test func statisticsCountEachStageAndMarkTheLowestPassingTotal() throws {
        var diagnostics = Diagnostics()
        let results = VacancyResults(
            Self.vacancy(formations: [Self.formation("F1", quota: 1)], tables: Self.skdTables()), into: &diagnostics)
        let statistics = results.statistics
        #expect(statistics.series.map(\.measure) == [.participants, .passedSKD, .shortlisted])
        #expect(statistics.series.map { $0.counts["F1"] } == [5, 4, 3])
        let histogram = try #require(statistics.skdHistogram)
        #expect(histogram.scored == 5)
        #expect(histogram.counts[40] == 1) // A: 400
        #expect(histogram.counts[43] == 1) // B: 435
        #expect(histogram.counts[32] == 2) // C, D: 325
        #expect(histogram.counts[31] == 1) // E: 311
        // General formations: 65 + 80 + 166.
        #expect(histogram.marks.map(\.total) == [311])
        #expect(histogram.marks.map(\.kinds) == [["umum"]])
    }

    @Test func theFinalScoreIsExactOverOneDenominatorAndPublishedRoundedHalfUp() {
        let weights = ScoringRules.Weights(skd: 40, skb: 60)
        // 40 % × 400 / 550 × 100 + 60 % × 85.25 = 29.0909… + 51.15 = 80.2409…
        let numerator = FinalScore.numerator(skd: 400, skb: SKBScore(hundredths: 8525), weights: weights)
        // Over 100 × 550 × 10,000: 40 × 400 × 1,000,000 + 60 × 852,500 × 550.
        #expect(numerator == 44_132_500_000)
        #expect(FinalScore.thousandths(numerator) == 80_241)
        // 40 % × 1 / 550 × 100 = 0.072727… → 0.073
        #expect(
            FinalScore.thousandths(FinalScore.numerator(skd: 1, skb: SKBScore(tenThousandths: 0), weights: weights))
                == 73)
        #expect(
            FinalScore.thousandths(FinalScore.numerator(skd: 550, skb: SKBScore(hundredths: 10_000), weights: weights))
                == 100_000)
    }

    @Test func aFullTieAcrossTheLastSeatIsAnErrorNamingTheTiedParticipants() {
        var tables = VacancyResultTables()
        let place = TablePlace(path: "content/vacancies/v/results/akhir.csv")
        tables.akhir = (
            Self.entry(.akhir), place,
            ["A", "B"].enumerated().map { index, who in
                FinalRow(
                    identity: Self.identity(who, row: Int32(index + 2), birthDay: 7_000), skd: 400,
                    skb: SKBScore.Written("80", decimalComma: false),
                    supplied: nil)
            }
        )
        var diagnostics = Diagnostics()
        _ = VacancyResults(
            Self.vacancy(formations: [Self.formation("F1", quota: 1)], tables: tables), into: &diagnostics)
        #expect(
            diagnostics.all.map(\.formatted) == [
                "content/vacancies/v/results/akhir.csv:1:1: error: formation F1 (1 seat): A (NAMA A), B (NAMA B) tie on every ranking key (final, SKD total, TKP, TIU, TWK, IPK, the older applicant) across the last seat; the rules cannot decide who passes"
            ])
    }

    @Test func theOlderApplicantBreaksATieOnEveryScore() throws {
        var tables = VacancyResultTables()
        tables.akhir = (
            Self.entry(.akhir), TablePlace(path: "content/vacancies/v/results/akhir.csv"),
            [
                FinalRow(
                    identity: Self.identity("A", row: 2, birthDay: 10_000), skd: 400,
                    skb: SKBScore.Written("80", decimalComma: false), supplied: nil),
                FinalRow(
                    identity: Self.identity("B", row: 3, birthDay: 9_000), skd: 400,
                    skb: SKBScore.Written("80", decimalComma: false), supplied: nil),
            ]
        )
        var diagnostics = Diagnostics()
        let results = VacancyResults(
            Self.vacancy(formations: [Self.formation("F1", quota: 1)], tables: tables), into: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let final = try #require(results.table(.akhir))
        #expect(
            (0..<final.count).map { "\(final.participant($0)) \(final.status($0)?.code ?? "-")" } == ["B L", "A TL"])
    }

    @Test func statusCodesAreReadInAnySpacingAndOnlyWhereTheStageHasThem() {
        #expect(ResultStatus(code: "p / l") == .shortlisted)
        #expect(ResultStatus(code: "aps") == .absent(.withdrew))
        #expect(ResultStatus(code: "P/L-E2")?.code == "P/L-E2")
        #expect(ResultStatus(code: "p / l-2")?.code == "P/L-2")
        #expect(ResultStatus(code: "L-") == nil)
        #expect(ResultStatus(code: "L-LULUS") == nil)
        #expect(ResultStatus(code: "LULUS") == nil)
        #expect(ResultStatus(code: "r2 / l") == .groupPassed(.r2))
        #expect(ResultStatus(code: "R4") == .groupWaiting(.r4))
        #expect(!ResultStatus.accepted(at: .skb).contains(.passed))
        #expect(ResultStatus(code: "L-1")?.isAccepted(at: .akhir) == true)
        #expect(ResultStatus(code: "L-1")?.isAccepted(at: .skd) == false)
        #expect(Set(ResultStatus.all.map(\.code)).count == ResultStatus.all.count)
        #expect(ResultStatus.stringKeys.filter { $0 == "status_optimisation" }.count == 1)
    }

    @Test func passingMarksReportEachShortfallAndTheLowestPassingTotal() {
        let general = ScoringRules.cpns2024.passing["umum"]!
        let shortfalls = general.shortfalls(SKDScores(twk: 60, tiu: 80, tkp: 150))
        #expect(shortfalls.map(\.mark) == [.twk, .tkp])
        #expect(shortfalls.map(\.minimum) == [65, 166])
        #expect(general.lowestPassingTotal == 311)
        #expect(ScoringRules.cpns2024.passing["disabilitas"]!.lowestPassingTotal == 286)
    }

    @Test func theRegistrationDeadlineOfADateAloneIsTheLastSecondOfThatDay() throws {
        let start = ContentDate(
            date: CivilDate(year: 2024, month: 8, day: 20)!, minuteOfDay: nil, utcOffsetSeconds: 8 * 3600)
        let end = ContentDate(
            date: CivilDate(year: 2024, month: 9, day: 10)!, minuteOfDay: nil, utcOffsetSeconds: 8 * 3600)
        let vacancy = Self.vacancy(
            formations: [], tables: VacancyResultTables(),
            schedule: [
                ScheduleEntry(stage: "pendaftaran", title: nil, start: start, end: end, location: nil, note: nil)
            ])
        #expect(try #require(Timeline.registrationDeadline(for: vacancy)).iso8601Seconds == "2024-09-10T23:59:59+08:00")
    }

    /// The whole site is offered as one ZIP up to 200,000 result rows, counted over every
    /// table of every vacancy; not above (it would double a very large output).
    @Test func theSiteIsOfferedAsOneZipUpToItsRowLimit() {
        let config = SiteConfig(
            title: "T", agency: "A", region: nil, timeZone: .jakarta, languages: [.id], baseURL: nil,
            contact: nil, theme: "default", sampleData: false)
        let row = AdministrationRow(identity: Self.identity("P", row: 2), status: .meets, reason: nil)
        func offers(_ counts: [(administration: Int, skd: Int)]) -> Bool {
            let vacancies = counts.enumerated().map { offset, count -> Vacancy in
                var tables = VacancyResultTables()
                tables.administrasi = (
                    Self.entry(.administrasi), TablePlace(path: "administrasi.csv"),
                    Array(repeating: row, count: count.administration)
                )
                tables.skd = (
                    Self.entry(.skd), Self.skdPlace,
                    Array(repeating: Self.skdRow("P", 100, 100, 100, row: 2), count: count.skd)
                )
                var vacancy = Self.vacancy(formations: [], tables: tables)
                vacancy.id = "v\(offset)"
                return vacancy
            }
            let content = SiteContent(config: config, vacancies: vacancies, announcements: [], pages: [], files: [])
            return SiteIndex(content: content, now: 1_700_000_000).offersZip
        }
        #expect(offers([(100_000, 50_000), (0, 50_000)]))
        #expect(!offers([(100_000, 50_000), (0, 50_001)]))
        #expect(!offers([(0, 0), (200_001, 0)]))
    }

    @Test func theHomePageListsPinnedAnnouncementsFirstAndOpenVacanciesApart() {
        func announcement(_ slug: String, day: Int, pinned: Bool) -> Announcement {
            Announcement(
                slug: slug, title: slug, date: ContentDate(instant: 1_700_000_000 + day * 86_400, offset: 7 * 3600),
                vacancyID: nil, category: .pengumuman, number: nil, attachments: [], pinned: pinned, expires: nil,
                draft: false, body: MarkdownSource(text: "", firstLine: 1, path: ""), sourcePath: "")
        }
        let now = 1_700_000_000 + 30 * 86_400
        var past = Self.vacancy(formations: [], tables: VacancyResultTables())
        past.id = "lama"
        past.schedule = [
            ScheduleEntry(
                stage: "pendaftaran", title: nil, start: ContentDate(instant: now - 900_000, offset: 0),
                end: ContentDate(instant: now - 800_000, offset: 0), location: nil, note: nil)
        ]
        var open = Self.vacancy(formations: [], tables: VacancyResultTables())
        open.id = "baru"
        open.schedule = [
            ScheduleEntry(
                stage: "pendaftaran", title: nil, start: ContentDate(instant: now - 100, offset: 0),
                end: ContentDate(instant: now + 100, offset: 0), location: nil, note: nil)
        ]
        let config = SiteConfig(
            title: "T", agency: "A", region: nil, timeZone: .jakarta, languages: [.id], baseURL: nil,
            contact: nil, theme: "default", sampleData: false)
        let announcements = (1...7).map { announcement("a\($0)", day: $0, pinned: $0 == 1) }
        let index = SiteIndex(
            content: SiteContent(
                config: config, vacancies: [past, open], announcements: announcements,
                pages: [], files: []), now: now)
        #expect(index.home.openVacancies.map(\.id) == ["baru"])
        #expect(index.home.pastVacancies.map(\.id) == ["lama"])
        #expect(index.home.announcements.map(\.slug) == ["a1", "a7", "a6", "a5", "a4", "a3"])
        #expect(index.home.running.map { $0.current.map(\.id) } == [["pendaftaran"]])
        #expect(index.home.running.first?.nextDeadline?.id == "pendaftaran")
    }
}

/// A table long enough to be ranked on every core (Parallel.parallelFrom rows and more).
@Suite struct LongTableRankingTests {
    @Test func aLongSKDTableIsOrderedAndRankedAsTheRulesSay() {
        let rules = ScoringRules.preset(for: .cpns)
        let formations = (0..<300).map { ComputeTests.formation("F\($0)", quota: 2) }
        var generator = SeededGenerator(seed: 60_000)
        let rows = (0..<(Parallel.parallelFrom + 10_000)).map { index -> SKDRow in
            let formation = Int32.random(in: 0..<300, using: &generator)
            // A birth date and an IPK on some rows only, to be found in published order.
            let identity = ComputeTests.identity(
                "P\(index)", row: Int32(index + 2), formation: formation, code: "F\(formation)",
                birthDay: index % 3 == 0 ? Int32(index) : nil, ipk: index % 5 == 0 ? Int16(index % 400) : nil)
            guard Int.random(in: 0..<50, using: &generator) > 0 else {
                // Each absence code in turn, so that two absentees swapped are told apart.
                return SKDRow(
                    identity: identity, scores: nil, absence: Absence.allCases[index % Absence.allCases.count],
                    supplied: nil)
            }
            let scores = SKDScores(
                twk: 5 * Int.random(in: 10...20, using: &generator),
                tiu: 5 * Int.random(in: 14...24, using: &generator),
                tkp: Int.random(in: 150...170, using: &generator))
            // Every 500th row types a rank no ranking gives: differences in every run of
            // formations, more than a report lists.
            let supplied =
                index % 500 == 0
                ? SuppliedColumns(
                    total: nil, rank: Located(0, at: ComputeTests.skdPlace.location(line: index + 2, column: 6)),
                    status: nil, final: nil) : nil
            // A score carried over from an earlier round on some rows.
            return SKDRow(
                identity: identity, scores: scores, absence: nil, supplied: supplied,
                source: index % 7 == 0 ? 2023 : nil)
        }
        var diagnostics = Diagnostics()
        let results = SKDResults(
            entry: ComputeTests.entry(.skd), place: ComputeTests.skdPlace, rows: rows, formations: formations,
            rules: rules, into: &diagnostics)
        let keys = rows.map { row in
            row.scores.map {
                SKDResults.packedKey($0, passed: rules.passing["umum"]?.minimumsToMeet.areMet(by: $0) ?? true)
            } ?? -1
        }
        let expected = rows.indices.sorted { a, b in
            let (x, y) = (rows[a].identity, rows[b].identity)
            if x.formationIndex != y.formationIndex { return x.formationIndex < y.formationIndex }
            if keys[a] != keys[b] { return keys[a] > keys[b] }
            return x.participant < y.participant
        }
        // The table holds its rows in that order: their numbers, names, formations, absences,
        // the tie-breaks the final ranking asks for and the years the table shows (the first
        // position that differs, if any: a million-cell difference printed whole took minutes).
        func firstDifference<Value: Equatable>(_ value: (Int) -> Value, _ expectedValue: (SKDRow) -> Value) -> Int? {
            (0..<results.count).first { value($0) != expectedValue(rows[expected[$0]]) }
        }
        #expect(results.count == rows.count)
        #expect(firstDifference(results.participant, \.identity.participant) == nil)
        #expect(firstDifference(results.name, \.identity.name) == nil)
        #expect(firstDifference(results.formation, \.identity.formation) == nil)
        #expect(firstDifference(results.absence) { $0.scores == nil ? $0.absence : nil } == nil)
        #expect(firstDifference({ results.tieBreaks($0).ipk }, \.identity.tieBreaks.ipk) == nil)
        #expect(firstDifference({ results.tieBreaks($0).birthDay }, \.identity.tieBreaks.birthDay) == nil)
        #expect(results.hasSources)
        #expect(firstDifference({ results.cells($0).last }, { $0.source.map { .integer(Int($0)) } ?? .empty }) == nil)
        // Competition ranks within each formation (1, 2, 2, 4), absentees unranked.
        var expectedRanks = [Int32](repeating: 0, count: rows.count)
        var groupStart = 0
        for (position, index) in expected.enumerated() {
            let previous = position > 0 ? expected[position - 1] : nil
            if let previous, rows[previous].identity.formationIndex != rows[index].identity.formationIndex {
                groupStart = position
            }
            guard keys[index] >= 0 else { continue }
            expectedRanks[position] =
                position > groupStart && keys[previous!] == keys[index]
                ? expectedRanks[position - 1] : Int32(position - groupStart + 1)
        }
        #expect(results.ranks == expectedRanks)
        // Statuses and groups as the rules give them, formation by formation.
        var expectedStatuses: [ResultStatus?] = []
        var expectedGroups: [(code: String, range: Range<Int>, present: Int, passed: Int, shortlisted: Int)] = []
        for (position, index) in expected.enumerated() {
            let row = rows[index]
            if position == 0 || rows[expected[position - 1]].identity.formationIndex != row.identity.formationIndex {
                expectedGroups.append((row.identity.formation, position..<position, 0, 0, 0))
            }
            expectedGroups[expectedGroups.count - 1].range =
                expectedGroups[expectedGroups.count - 1].range
                .lowerBound..<(position + 1)
            guard let scores = row.scores else {
                expectedStatuses.append(row.absence.map(ResultStatus.absent))
                continue
            }
            let passed = rules.passing["umum"]!.minimumsToMeet.areMet(by: scores)
            let status: ResultStatus =
                passed
                ? (Int(expectedRanks[position]) <= rules.shortlistMultiplier * 2 ? .shortlisted : .passedNotShortlisted)
                : .notPassed
            expectedStatuses.append(status)
            expectedGroups[expectedGroups.count - 1].present += 1
            if passed { expectedGroups[expectedGroups.count - 1].passed += 1 }
            if status == .shortlisted { expectedGroups[expectedGroups.count - 1].shortlisted += 1 }
        }
        #expect(results.statuses == expectedStatuses)
        #expect(results.groups.map(\.formation.code) == expectedGroups.map(\.code))
        #expect(results.groups.map(\.range) == expectedGroups.map(\.range))
        #expect(
            results.groups.map { [$0.present, $0.passed, $0.shortlisted] }
                == expectedGroups.map { [$0.present, $0.passed, $0.shortlisted] })
        // The differences: the first `DifferenceReport.limit` in the formations' order, then
        // how many more, as one loop over the formations reports them.
        let typed = expected.filter { rows[$0].supplied != nil }
        #expect(typed.count > DifferenceReport.limit)
        let lines = diagnostics.all.map(\.location.line)
        #expect(lines.dropLast() == typed.prefix(DifferenceReport.limit).map { Optional($0 + 2) })
        #expect(diagnostics.all.last?.message == .moreDifferences(typed.count - DifferenceReport.limit))
    }
}

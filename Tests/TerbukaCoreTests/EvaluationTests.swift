import Foundation
import Testing

@testable import TerbukaCore

/// The evaluation of a round (data/<id>/evaluasi.csv and the statistics page): every count
/// is part of a partition of one table's rows.
@Suite struct EvaluationTests {
    /// Checks every partition of `evaluation` against the tables it was counted from.
    static func checkPartitions(_ evaluation: RoundEvaluation, tables: [any PublishedResultTable]) {
        let formations: [String?] = Array(Set(evaluation.rows.compactMap(\.formation))).sorted() + [nil]
        let final = tables.last { $0.stage == .akhir || $0.stage == .kompetensi }
        for formation in formations {
            // Seats: filled where placed (optimisation included) and left unfilled.
            if let final {
                #expect(
                    (evaluation.count(formation, final.stage, .filled) ?? 0)
                        + (evaluation.count(formation, final.stage, .unfilled) ?? 0)
                        == evaluation.count(formation, nil, .seats), "\(formation ?? "round"): seats")
            }
            func count(_ stage: ResultStage?, _ measure: RoundEvaluation.Measure, _ detail: String = "") -> Int {
                evaluation.count(formation, stage, measure, detail) ?? 0
            }
            func sum(_ stage: ResultStage, _ measure: RoundEvaluation.Measure) -> Int {
                evaluation.rows.filter { $0.formation == formation && $0.stage == stage && $0.measure == measure }
                    .reduce(0) { $0 + $1.count }
            }
            for table in tables {
                let stage = table.stage
                let rows = count(stage, .rows)
                let expected =
                    formation.map { code in
                        table.groups.filter { $0.formation.code == code }.reduce(0) { $0 + $1.range.count }
                    } ?? table.count
                #expect(rows == expected, "\(formation ?? "round") \(stage): rows")
                switch stage {
                case .administrasi:
                    #expect(count(stage, .ms) + count(stage, .tms) == rows)
                    #expect(sum(stage, .tmsReason) == count(stage, .tms), "\(formation ?? "round"): reasons")
                case .skd:
                    #expect(count(stage, .present) + sum(stage, .absent) == rows)
                    #expect(
                        count(stage, .metMarks) + sum(stage, .missedAlone) + count(stage, .missedSeveral)
                            == count(stage, .present), "\(formation ?? "round"): marks")
                    #expect(count(stage, .shortlisted) <= count(stage, .metMarks))
                case .akhir, .kompetensi:
                    #expect(count(stage, .passed) + count(stage, .notPassed) + sum(stage, .absent) == rows)
                    #expect(sum(stage, .groupPassed) <= count(stage, .passed))
                    #expect(sum(stage, .groupWaiting) <= count(stage, .notPassed))
                case .skb:
                    #expect(count(stage, .present) + sum(stage, .absent) == rows)
                }
            }
        }
    }

    @Test func everyCountOfTheDemosEvaluationAddsUpToTheRowsOfItsTables() async throws {
        let report = await SiteBuilder(options: BuildOptions(siteRoot: repositoryRoot, now: 1_795_000_000)).check()
        let site = try #require(report.site)
        #expect(!site.results.isEmpty)
        for (_, results) in site.results where !results.tables.isEmpty {
            #expect(!results.evaluation.rows.isEmpty)
            Self.checkPartitions(results.evaluation, tables: results.tables)
        }
    }

    /// The demo's TMS reasons counted from its CSV files directly, by the rule the page
    /// states: as written, ignoring case and spacing.
    static func demoReasons(_ vacancy: String) throws -> [String: Int] {
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("content/vacancies/\(vacancy)/results/administrasi.csv"),
            encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().replacingOccurrences(of: "\u{FEFF}", with: "").split(
            separator: ";", omittingEmptySubsequences: false)
        let status = try #require(header.firstIndex { ["Status", "KETERANGAN"].contains($0) })
        let reason = try #require(header.firstIndex { ["Alasan", "ALASAN TMS"].contains($0) })
        var counts: [String: Int] = [:]
        for line in lines {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > reason, fields[status] == "TMS" else { continue }
            counts[fields[reason].lowercased().split(separator: " ").joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    @Test func theStatisticsPageCountsEachTMSReasonOfTheDemo() async throws {
        let (output, report) = try await DemoSiteTests.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.succeeded)
        for vacancy in ["cpns-2026", "pppk-2026"] {
            let expected = try Self.demoReasons(vacancy)
            #expect(expected.count >= 2, "the demo has several TMS reasons")
            let page = try String(
                contentsOf: output.appendingPathComponent(Route.statistics(vacancy)), encoding: .utf8)
            let section = try #require(page.range(of: "id=\"alasan-tms\"")).upperBound
            let table = String(page[section...].prefix(while: { _ in true })).lowercased()
            let end = try #require(table.range(of: "</table>")).lowerBound
            let rows = table[..<end]
            // Each reason once, with its count; and no other reason listed.
            for (reason, count) in expected {
                #expect(
                    rows.contains("<tr><th scope=\"row\">\(reason)</th><td class=\"num\">\(count)</td></tr>"),
                    "\(vacancy): \(reason) × \(count)")
            }
            #expect(rows.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == expected.count)
        }
    }

    @Test func reasonsDifferingOnlyInCaseAndSpacingAreOneReasonAsFirstWritten() async throws {
        let administration = """
            participant,name,formation,status,reason
            A,ANI,U1,TMS,Ijazah tidak sesuai
            B,BUDI,U1,TMS,IJAZAH  TIDAK SESUAI
            C,CICI,U1,TMS,Surat lamaran tidak bermeterai
            D,DEDI,U2,TMS, ijazah tidak sesuai
            E,EKA,U2,TMS,
            F,FANI,U2,MS,
            """
        let site = try ResultsSite(tables: [("administrasi", administration + "\n")])
        defer { site.cleanUp() }
        let report = await site.site.check()
        let results = try #require(report.site?.results.values.first)
        let evaluation = results.evaluation
        #expect(evaluation.count("U1", .administrasi, .tmsReason, "Ijazah tidak sesuai") == 2)
        #expect(evaluation.count("U2", .administrasi, .tmsReason, "ijazah tidak sesuai") == 1)
        #expect(evaluation.count("U2", .administrasi, .tmsReason, "") == 1)
        #expect(evaluation.count(nil, .administrasi, .tmsReason, "Ijazah tidak sesuai") == 3)
        #expect(evaluation.count(nil, .administrasi, .tms) == 5)
        Self.checkPartitions(evaluation, tables: results.tables)
    }

    /// The round lists each stage's measures where they first came, and its TMS reasons most
    /// first, reasons as many as each other in the order first met.
    @Test func theRoundListsItsTMSReasonsMostFirst() async throws {
        let administration = """
            participant,name,formation,status,reason
            A,ANI,U1,TMS,Berkas tidak lengkap
            B,BUDI,U1,MS,
            D,DEDI,U2,TMS,
            E,EKA,U2,TMS,Ijazah tidak sesuai
            F,FANI,U2,TMS,ijazah tidak sesuai
            """
        let site = try ResultsSite(tables: [("administrasi", administration + "\n")])
        defer { site.cleanUp() }
        let report = await site.site.check()
        let results = try #require(report.site?.results.values.first)
        let round = results.evaluation.round.filter { $0.stage == .administrasi }
        #expect(
            round.map { "\($0.measure.rawValue) \($0.detail) \($0.count)" } == [
                "rows  5", "ms  1", "tms  4", "tms_reason Ijazah tidak sesuai 2", "tms_reason Berkas tidak lengkap 1",
                "tms_reason  1",
            ])
        Self.checkPartitions(results.evaluation, tables: results.tables)
    }

    @Test func theDemosPPPKRoundCountsEachPriorityGroupSeatedAndWaiting() async throws {
        let report = await SiteBuilder(options: BuildOptions(siteRoot: repositoryRoot, now: 1_795_000_000)).check()
        let results = try #require(report.site?.results["pppk-2026"])
        let table = try #require(results.table(.kompetensi))
        var seated: [String: Int] = [:]
        var waiting: [String: Int] = [:]
        for position in 0..<table.count {
            switch table.status(position) {
            case .groupPassed(let group)?: seated[group.code, default: 0] += 1
            case .groupWaiting(let group)?: waiting[group.code, default: 0] += 1
            default: break
            }
        }
        #expect(!seated.isEmpty && !waiting.isEmpty, "the demo has seated and waiting members")
        for group in PriorityGroup.allCases {
            #expect(results.evaluation.count(nil, .kompetensi, .groupPassed, group.code) == seated[group.code] ?? 0)
            #expect(results.evaluation.count(nil, .kompetensi, .groupWaiting, group.code) == waiting[group.code] ?? 0)
        }
    }

    @Test func aMarkMissedAloneIsCountedForThatMarkAndSeveralApart() async throws {
        // The 2024 preset's marks: TWK 65, TIU 80, TKP 166.
        let skd = """
            participant,name,formation,twk,tiu,tkp,status
            A,ANI,U1,100,100,200,
            B,BUDI,U1,100,100,150,
            C,CICI,U1,60,100,200,
            D,DEDI,U1,60,70,200,
            E,EKA,U1,,,,TH
            F,FANI,U1,,,,DIS
            G,GITA,U1,,,,APS
            H,HADI,U1,,,,APS
            """
        let site = try ResultsSite(tables: [("skd", skd + "\n")])
        defer { site.cleanUp() }
        let report = await site.site.check()
        #expect(report.succeeded, "\(report.diagnostics.all.map(\.formatted))")
        let results = try #require(report.site?.results.values.first)
        let evaluation = results.evaluation
        #expect(evaluation.count("U1", .skd, .present) == 4)
        #expect(evaluation.count("U1", .skd, .absent, "TH") == 1)
        #expect(evaluation.count("U1", .skd, .absent, "DIS") == 1)
        #expect(evaluation.count("U1", .skd, .absent, "APS") == 2)
        #expect(evaluation.count("U9", .skd, .present) == nil, "a formation the round does not have")
        #expect(evaluation.count("U1", .skd, .metMarks) == 1)
        #expect(evaluation.count("U1", .skd, .missedAlone, "tkp") == 1)
        #expect(evaluation.count("U1", .skd, .missedAlone, "twk") == 1)
        #expect(evaluation.count("U1", .skd, .missedAlone, "tiu") == 0)
        #expect(evaluation.count("U1", .skd, .missedSeveral) == 1)
        #expect(evaluation.count("U1", nil, .seats) == 1)
        Self.checkPartitions(evaluation, tables: results.tables)
    }
}

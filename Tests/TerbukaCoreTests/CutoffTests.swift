import Foundation
import Testing

@testable import TerbukaCore

/// Each formation's cut-off: the lowest total shortlisted at SKD, the lowest final score
/// that passed; on the result page's sections and on the statistics page.
@Suite struct CutoffTests {
    static let skd = """
        participant,name,formation,twk,tiu,tkp
        A,ANI,U1,100,100,180
        B,BUDI,U1,95,95,175
        C,CICI,U1,90,90,170
        D,DEDI,U1,90,85,170
        E,EKO,U1,60,60,150
        F,FANI,U2,90,90,170

        """
    static let skb = "participant,name,formation,skb\nA,ANI,U1,60\nB,BUDI,U1,90\nC,CICI,U1,80\nF,FANI,U2,70\n"

    @Test func theCutoffIsTheLowestShortlistedTotalAndTheLowestPassingFinalScore() async throws {
        let site = try ResultsSite(tables: [("skd", Self.skd), ("skb", Self.skb)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let results = try await site.results()
        // U1 has one seat: A, B and C are shortlisted (3 × 1); C's 350 is the line, D's 345 is below it.
        let skd = try #require(results.table(.skd))
        let u1 = try #require(skd.groups.firstIndex { $0.formation.code == "U1" })
        #expect(results.cutoffs[.skd]?[u1] == .integer(350))
        // The final: B passes U1's one seat.
        let final = try #require(results.table(.akhir))
        let finalU1 = try #require(final.groups.firstIndex { $0.formation.code == "U1" })
        let position = try #require(final.groups[finalU1].range.first { final.status($0) == .passed })
        let finalColumn = try #require(final.columns.firstIndex { $0.id == "final" })
        #expect(results.cutoffs[.akhir]?[finalU1] == final.cells(position)[finalColumn])
        #expect(final.participant(position) == "B")

        let page = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/index.html"),
            encoding: .utf8)
        #expect(page.contains("<strong class=\"cutoff\">Total terendah yang lolos ke SKB: 350</strong>"))
        let statistics = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/statistik/index.html"),
            encoding: .utf8)
        #expect(statistics.contains("<tr><th scope=\"row\">U1</th><td>ANALIS</td><td class=\"num\">350</td>"))
    }

    /// The writers read each table's numbers and names from its columns: for every kind of
    /// table (administration, SKD, SKB, the final ranking), in the table's own order, the
    /// columns hold what `participant(_:)` and `name(_:)` give.
    @Test func everyKindOfTablesColumnsHoldItsRowsNumbersAndNamesInItsOrder() async throws {
        let administration =
            "participant,name,formation,status\n"
            + ["F,FANI,U2", "A,ANI,U1", "E,EKO,U1", "C,CICI,U1", "B,BUDI,U1", "D,DEDI,U1"].map { $0 + ",MS\n" }
            .joined()
        let site = try ResultsSite(
            tables: [("administrasi", administration), ("skd", Self.skd), ("skb", Self.skb)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let results = try await site.results()
        #expect(results.tables.map(\.stage) == [.administrasi, .skd, .skb, .akhir])
        for table in results.tables {
            #expect(table.participants.count == table.count && table.names.count == table.count)
            #expect((0..<table.count).map { table.participants[$0] } == (0..<table.count).map(table.participant))
            #expect((0..<table.count).map { table.names[$0] } == (0..<table.count).map(table.name))
        }
    }

    @Test func aFormationWhereNoOneIsThroughHasNoCutoff() async throws {
        let site = try ResultsSite(tables: [("skd", "participant,name,formation,twk,tiu,tkp\nE,EKO,U1,60,60,150\n")])
        defer { site.cleanUp() }
        let report = await site.site.build()
        #expect(report.succeeded)
        #expect(report.site?.results["cpns-2024"]?.cutoffs[.skd] == nil)
        let page = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/index.html"),
            encoding: .utf8)
        #expect(!page.contains("class=\"cutoff\""))
    }
}

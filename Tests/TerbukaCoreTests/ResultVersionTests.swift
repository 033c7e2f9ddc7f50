import Foundation
import Testing

@testable import TerbukaCore

/// `history`: earlier versions of a result table, ranked by the same rules, kept published,
/// and what changed between them.
@Suite struct ResultVersionTests {
    static let header = "participant,name,formation,twk,tiu,tkp"
    /// U2 has two seats' shortlist (6 places); the earlier version scored B lower, had C, not D.
    static let earlier = "\(header)\nA,ANI,U2,100,100,180\nB,BUDI,U2,80,90,170\nC,CICI,U2,90,90,170\n"
    static let current = "\(header)\nA,ANI,U2,100,100,180\nB,BUDI,U2,85,90,170\nD,DEDI,U2,95,90,170\n"

    static func site(history: String) throws -> ResultsSite {
        let site = try ResultsSite(tables: [("skd", current)])
        try site.site.write("content/vacancies/cpns-2024/results/skd-2024-10-28.csv", earlier)
        try site.writeNotice(results: [
            "{stage: skd, file: results/skd.csv, published: 2024-11-01 10:00, history: [\(history)]}"
        ])
        return site
    }

    static let oneVersion =
        "{file: results/skd-2024-10-28.csv, published: 2024-10-28 10:00, number: 800/1/2024, reason: Ralat setelah masa sanggah}"

    @Test func aVersionWithOneScoreChangedOneAddedAndOneRemovedShowsExactlyThose() async throws {
        let site = try Self.site(history: Self.oneVersion)
        defer { site.cleanUp() }
        let report = await site.site.build()
        #expect(report.succeeded, "\(report.diagnostics.all.map(\.formatted))")
        let output = site.site.output
        let csv = try String(
            contentsOf: output.appendingPathComponent("data/cpns-2024/skd-perubahan.csv"), encoding: .utf8)
        // D came in (ranked second, in the new table's order); B's TWK changed, and with it
        // B's total (B stays third); C went out.
        #expect(
            csv.split(separator: "\r\n").map(String.init) == [
                "participant,name,formation,field,before,after,version",
                "D,DEDI,U2,participant,,D,2024-11-01",
                "B,BUDI,U2,twk,80,85,2024-11-01",
                "B,BUDI,U2,total,340,345,2024-11-01",
                "C,CICI,U2,participant,C,,2024-11-01",
            ])
        let page = try String(
            contentsOf: output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/perubahan/index.html"),
            encoding: .utf8)
        let rows = page.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
            .components(separatedBy: "<tr>").dropFirst()
        #expect(rows.count == 4)
        #expect(rows.contains { $0.contains("<td>D</td><td>DEDI</td><td>U2</td><td>peserta ditambahkan</td>") })
        #expect(rows.contains { $0.contains("<td>B</td><td>BUDI</td><td>U2</td><td>TWK</td><td>80</td><td>85</td>") })
        #expect(rows.contains { $0.contains("<td>C</td><td>CICI</td><td>U2</td><td>peserta dihapus</td>") })
        #expect(page.contains("Ralat setelah masa sanggah"))
        #expect(page.contains("800/1/2024"))
        // The earlier table stays published as it was ranked.
        let old = try String(
            contentsOf: output.appendingPathComponent("data/cpns-2024/versi/2024-10-28/skd.csv"), encoding: .utf8)
        #expect(old.contains("C,CICI,U2,90,90,170,350,"))
        // The stage page says what it replaces and links to the changes.
        let stage = try String(
            contentsOf: output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/index.html"), encoding: .utf8)
        #expect(
            stage.contains("Menggantikan versi Senin, 28 Oktober 2024 pukul 10.00 WITA: Ralat setelah masa sanggah."))
        #expect(stage.contains("cpns-2024/hasil/skd/perubahan/index.html\">Lihat setiap perubahan</a>"))
        // Both are described in the data package, which stays valid.
        let (status, said) = try PublicationTests.run(
            ["frictionless", "validate", "--json", "data/datapackage.json"], in: output)
        #expect(status == 0, "\(said.prefix(2000))")
        let package = try String(contentsOf: output.appendingPathComponent("data/datapackage.json"), encoding: .utf8)
        #expect(package.contains("\"path\": \"cpns-2024/versi/2024-10-28/skd.csv\""))
        #expect(package.contains("\"path\": \"cpns-2024/skd-perubahan.csv\""))
        // Each version is an entry of the feed.
        let feed = try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("<id>tag:seleksi.contoh.go.id,2024-10-28:lowongan/cpns-2024/hasil/skd</id>"))
        #expect(feed.contains("<id>tag:seleksi.contoh.go.id,2024-11-01:lowongan/cpns-2024/hasil/skd</id>"))
        #expect(feed.contains("Ralat setelah masa sanggah"))
        #expect(try SiteFiles.brokenLinks(in: output) == [])
    }

    @Test func aStatusChangedByACorrectionIsFlaggedInTheLookup() async throws {
        // U1 has one seat, so three are shortlisted: the correction moves D in (P → P/L) and C
        // out (P/L → P, met the marks but not shortlisted).
        let site = try ResultsSite(tables: [
            (
                "skd",
                "\(Self.header)\nA,ANI,U1,100,100,180\nB,BUDI,U1,95,95,175\nC,CICI,U1,90,90,170\nD,DEDI,U1,100,95,175\n"
            )
        ])
        defer { site.cleanUp() }
        try site.site.write(
            "content/vacancies/cpns-2024/results/skd-2024-10-28.csv",
            "\(Self.header)\nA,ANI,U1,100,100,180\nB,BUDI,U1,95,95,175\nC,CICI,U1,90,90,170\nD,DEDI,U1,80,80,166\n")
        try site.writeNotice(results: [
            "{stage: skd, file: results/skd.csv, published: 2024-11-01 10:00, history: [\(Self.oneVersion)]}"
        ])
        #expect(await site.site.build().succeeded)
        let folder = site.site.output.appendingPathComponent(Route.lookupFolder("cpns-2024"))
        let shards = try FileListing.files(under: folder).map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        // The sixth item: the earlier status per table, or 0 when no correction changed it.
        #expect(shards.contains(#"["D","DEDI","U1",["P/L"],[0],["P"],"#))
        #expect(shards.contains(#"["C","CICI","U1",["P"],[0],["P/L"],"#))
        #expect(shards.contains(#"["A","ANI","U1",["P/L"],[0],0,"#))
        let csv = try String(
            contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/skd-perubahan.csv"), encoding: .utf8)
        #expect(csv.contains("D,DEDI,U1,status,P,P/L,2024-11-01"))
        #expect(csv.contains("C,CICI,U1,status,P/L,P,2024-11-01"))
    }

    @Test func privateTieBreakColumnsReachNoVersionAndNoChange() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "\(Self.header),birth_date\nA,ANI,U2,100,100,180,1990-01-02\nB,BUDI,U2,85,90,170,1991-03-04\n")
        ])
        defer { site.cleanUp() }
        try site.site.write(
            "content/vacancies/cpns-2024/results/skd-2024-10-28.csv",
            "\(Self.header),birth_date\nA,ANI,U2,100,100,180,1989-05-06\nB,BUDI,U2,80,90,170,1991-03-04\n")
        try site.writeNotice(results: [
            "{stage: skd, file: results/skd.csv, published: 2024-11-01 10:00, history: [\(Self.oneVersion)]}"
        ])
        #expect(await site.site.build().succeeded)
        for path in [
            "data/cpns-2024/skd-perubahan.csv", "data/cpns-2024/skd-perubahan.json",
            "data/cpns-2024/versi/2024-10-28/skd.csv", "data/cpns-2024/versi/2024-10-28/skd.json",
            "lowongan/cpns-2024/hasil/skd/perubahan/index.html",
        ] {
            let text = try String(contentsOf: site.site.output.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("1989") && !text.contains("1990") && !text.contains("birth"), "\(path)")
        }
    }

    @Test func aHistoryFileThatDoesNotExistIsAnErrorAtTheNotice() async throws {
        let site = try Self.site(history: "{file: results/skd-lama.csv, published: 2024-10-28}")
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix(
                "content/vacancies/cpns-2024/index.md:7:87: error: result table 'results/skd-lama.csv' does not exist")
                == true, "\(errors)")
    }

    @Test func twoVersionsOnTheSameDateAreAnError() async throws {
        let site = try Self.site(
            history:
                "{file: results/skd-2024-10-28.csv, published: 2024-10-28 08:00}, {file: results/skd-sore.csv, published: 2024-10-28 15:00}"
        )
        defer { site.cleanUp() }
        try site.site.write("content/vacancies/cpns-2024/results/skd-sore.csv", Self.earlier)
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.contains("error: two versions are published on 2024-10-28 (first on line 7)") == true)
    }

    @Test func aVersionWithOtherFormationsIsAnErrorAtTheNotice() async throws {
        let site = try Self.site(history: Self.oneVersion)
        defer { site.cleanUp() }
        try site.site.write(
            "content/vacancies/cpns-2024/results/skd-2024-10-28.csv", "\(Self.header)\nA,ANI,U1,100,100,180\n")
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/index.md:7:80: error: the version of 2024-10-28 has other formations than the current table: U1 only in that version; U2 only in the current table (a version replaces the same table: the same formations, corrected)"
            ])
    }

    @Test func aVersionIsValidatedByTheSameRulesAtItsOwnCells() async throws {
        let site = try Self.site(history: Self.oneVersion)
        defer { site.cleanUp() }
        try site.site.write(
            "content/vacancies/cpns-2024/results/skd-2024-10-28.csv", "\(Self.header)\nA,ANI,U2,100,100,230\n")
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd-2024-10-28.csv:2:18: error: column F (tkp): row 2: TKP 230 is outside 0–225"
            ])
    }

    @Test func theCurrentFileNamedAsAnEarlierVersionIsAnError() async throws {
        let site = try Self.site(history: "{file: results/skd.csv, published: 2024-10-28}")
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(
            errors.first?.contains(
                "error: 'results/skd.csv' is the current table; an earlier version keeps its own file")
                == true, "\(errors)")
    }

    @Test func aVersionRefusedForItsDateIsNotAlsoAnUnnamedTable() async throws {
        let site = try Self.site(history: "{file: results/skd-2024-10-28.csv, published: 2024-11-05}")
        defer { site.cleanUp() }
        let diagnostics = await site.site.check().diagnostics.all
        #expect(
            diagnostics.map(\.english) == [
                "an earlier version is published on 2024-11-05, after the current table (2024-11-01)"
            ])
    }

    @Test func aComputedFinalTableKeepsItsHistory() async throws {
        let skb = "participant,name,formation,skb\nA,ANI,U2,80\nB,BUDI,U2,70\nD,DEDI,U2,90\n"
        let site = try ResultsSite(tables: [("skd", Self.current), ("skb", skb)])
        defer { site.cleanUp() }
        try site.site.write(
            "content/vacancies/cpns-2024/results/akhir-2024-11-10.csv",
            "participant,name,formation\nA,ANI,U2\nB,BUDI,U2\nD,DEDI,U2\n")
        try site.site.write(
            "content/vacancies/cpns-2024/results/skb-2024-11-10.csv",
            "participant,name,formation,skb\nA,ANI,U2,80\nB,BUDI,U2,95\nD,DEDI,U2,90\n")
        try site.writeNotice(results: [
            "{stage: skd, file: results/skd.csv, published: 2024-11-01 10:00}",
            "{stage: skb, file: results/skb.csv, published: 2024-11-20, history: [{file: results/skb-2024-11-10.csv, published: 2024-11-10}]}",
            "{stage: akhir, published: 2024-11-20, history: [{file: results/akhir-2024-11-10.csv, published: 2024-11-10}]}",
        ])
        let report = await site.site.build()
        #expect(report.succeeded, "\(report.diagnostics.all.map(\.formatted))")
        // The earlier final ranking was made from the SKB table in force on 2024-11-10, where
        // B led; the correction of B's SKB score moved B down.
        let old = try String(
            contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/versi/2024-11-10/akhir.csv"),
            encoding: .utf8)
        #expect(old.split(separator: "\r\n").dropFirst().first?.hasPrefix("B,BUDI,U2,") == true, "\(old)")
        let changes = try String(
            contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/akhir-perubahan.csv"), encoding: .utf8)
        #expect(
            changes.contains("B,BUDI,U2,skb,95.00,70.00,2024-11-20")
                || changes.contains("B,BUDI,U2,skb,95,70,2024-11-20"), "\(changes)")
    }
}

import Foundation
import Testing

@testable import TerbukaCore

@Suite struct BuildTests {
    @Test func aFailedBuildLeavesThePreviousOutputByteForByte() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let before = try SiteFiles.snapshot(site.output)
        #expect(before["index.html"] != nil)

        try site.write("content/pages/tentang.md", "---\ntitle: Tentang diubah\nordr: 1\n---\nIsi baru.\n")
        let report = await site.build()
        #expect(!report.succeeded)
        #expect(try SiteFiles.snapshot(site.output) == before)
        // Only the cache, which still describes the output in place.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".output")
        }
        #expect(leftovers == [".output.cache"])
    }

    @Test func aSuccessfulBuildReplacesTheOutputAndDropsFilesNoLongerProduced() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tentang/index.html").path))
        try site.remove("content/pages/tentang.md")
        #expect(await site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tentang/index.html").path))
    }

    @Test func theBuiltSiteHasEveryPageOfTheContract() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let files = Set(SiteFiles.list(site.output))
        for path in [
            "index.html", "404.html", "lowongan/index.html", "lowongan/cpns-2024/index.html", "pengumuman/index.html",
            "pengumuman/ralat/index.html", "tentang/index.html", "files/ralat.pdf", "data/cpns-2024/formasi.csv",
            "data/cpns-2024/formasi.json", "assets/style.css",
        ] {
            #expect(files.contains(path), "missing \(path)")
        }
    }

    @Test func theVacancyPageShowsItsFormationsAndTheTotalOfSeats() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let html = try String(
            contentsOf: site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        #expect(html.contains("<th scope=\"row\">PRANATA KOMPUTER AHLI PERTAMA</th>"))
        #expect(html.contains("<th scope=\"row\" colspan=\"4\">Jumlah kebutuhan</th><td class=\"num\">3</td>"))
        #expect(html.contains("Selasa, 20 Agustus 2024 pukul 08.00 WITA s.d. Selasa, 10 September 2024"))
    }

    @Test func rawHTMLInContentIsNotPassedThrough() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/pages/tentang.md",
            "---\ntitle: Tentang\n---\n<script>alert(1)</script>\n\nTeks <b onclick=\"x()\">tebal</b>.\n")
        #expect(await site.build().succeeded)
        let html = try String(contentsOf: site.output.appendingPathComponent("tentang/index.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("onclick"))
    }

    @Test func textFromContentIsEscapedInHTML() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/pages/tentang.md", "---\ntitle: \"Tentang <kami> & \\\"mereka\\\"\"\n---\nIsi.\n")
        #expect(await site.build().succeeded)
        let html = try String(contentsOf: site.output.appendingPathComponent("tentang/index.html"), encoding: .utf8)
        #expect(html.contains("<h1>Tentang &lt;kami&gt; &amp; &quot;mereka&quot;</h1>"))
    }

    @Test func siteAbsoluteLinksInMarkdownBecomeRelative() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/pages/tentang.md",
            "---\ntitle: Tentang\n---\n[ralat](/files/ralat.pdf) dan [lowongan](/lowongan/cpns-2024/)\n")
        #expect(await site.build().succeeded)
        let html = try String(contentsOf: site.output.appendingPathComponent("tentang/index.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"../files/ralat.pdf\">ralat</a>"))
        #expect(html.contains("<a href=\"../lowongan/cpns-2024/index.html\">lowongan</a>"))
    }

    @Test func draftsAreLeftOutUnlessAskedFor() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/announcements/rencana.md", "---\ntitle: Rencana\ndate: 2024-08-30\ndraft: true\n---\nIsi.\n")
        #expect(await site.build().succeeded)
        #expect(
            !FileManager.default.fileExists(
                atPath: site.output.appendingPathComponent("pengumuman/rencana/index.html").path))
        let report = await SiteBuilder(
            options: BuildOptions(siteRoot: site.root, includeDrafts: true, now: TestSite.now)
        ).build()
        #expect(report.succeeded)
        #expect(
            FileManager.default.fileExists(
                atPath: site.output.appendingPathComponent("pengumuman/rencana/index.html").path))
    }

    @Test func formationDataIsPublishedAsCSVWithTheContractColumns() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let csv = try String(
            contentsOf: site.output.appendingPathComponent("data/cpns-2024/formasi.csv"), encoding: .utf8)
        #expect(
            csv == """
                code,position,unit,education,kind,quota,salary_min,salary_max\r
                A1,ANALIS KEBIJAKAN AHLI PERTAMA,SEKRETARIAT DAERAH,,umum,2,,\r
                A2,PRANATA KOMPUTER AHLI PERTAMA,DINAS KOMINFO,,cumlaude,1,,\r

                """)
    }
}

@Suite struct FormationJSONTests {
    @Test func formationJSONCarriesEveryColumnWithNullForAbsentValues() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let data = try Data(contentsOf: site.output.appendingPathComponent("data/cpns-2024/formasi.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["vacancy"] as? String == "cpns-2024")
        #expect(object["published"] as? String == "2024-08-19")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(
            Set(rows[0].keys) == ["code", "position", "unit", "education", "kind", "quota", "salary_min", "salary_max"])
        #expect(rows[0]["education"] is NSNull)
        #expect(rows[0]["quota"] as? Int == 2)
    }
}

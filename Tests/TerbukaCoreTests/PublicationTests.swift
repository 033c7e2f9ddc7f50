import Foundation
import Testing

@testable import TerbukaCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Verifiable publication: hashes, reproducible builds, feed, sitemap, JSON-LD, data package.
@Suite struct PublicationTests {
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder)
    }

    @Test func sha256sumChecksEveryFileOfAFreshOutput() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let (status, output) = try Self.run(["sha256sum", "-c", "SHA256SUMS"], in: site.output)
        #expect(status == 0, "\(output)")
        let listed = try String(contentsOf: site.output.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
            .split(separator: "\n").map { String($0.dropFirst(66)) }
        #expect(listed == SiteFiles.list(site.output).filter { $0 != "SHA256SUMS" })
    }

    @Test func changingOneByteOfAnyFileFailsVerifyNamingTheFile() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        #expect(SiteVerifier.verify(site.output).passed)
        for path in SiteFiles.list(site.output) where path != "SHA256SUMS" {
            let url = site.output.appendingPathComponent(path)
            let original = try Data(contentsOf: url)
            var changed = original
            changed[changed.count / 2] ^= 0x01
            try changed.write(to: url)
            let report = SiteVerifier.verify(site.output)
            #expect(!report.passed)
            #expect(report.changed == [path])
            try original.write(to: url)
        }
        #expect(SiteVerifier.verify(site.output).passed)
    }

    @Test func verifyReportsMissingAndExtraFiles() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("tentang/index.html"))
        try "x".write(to: site.output.appendingPathComponent(".htaccess"), atomically: true, encoding: .utf8)
        let report = SiteVerifier.verify(site.output)
        #expect(report.missing == ["tentang/index.html"])
        #expect(report.extra == [".htaccess"])
        let (status, output) = try CommandLineTests.run(["verify", "--lang", "en", site.output.path])
        #expect(status == 1)
        #expect(output.contains("missing: tentang/index.html\n"))
        #expect(output.contains("warning: extra (not in SHA256SUMS): .htaccess\n"))
    }

    @Test func aFileTheHostAddsIsAWarningUnlessStrict() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        try "x".write(to: site.output.appendingPathComponent(".htaccess"), atomically: true, encoding: .utf8)
        let lenient = try CommandLineTests.run(["verify", "--lang", "en", site.output.path])
        #expect(lenient.status == 0, "\(lenient.output)")
        #expect(lenient.output.contains("warning: extra (not in SHA256SUMS): .htaccess\n"))
        let strict = try CommandLineTests.run(["verify", "--lang", "en", "--strict", site.output.path])
        #expect(strict.status == 1)
        #expect(strict.output.contains("extra (not in SHA256SUMS): .htaccess\n"))
    }

    @Test func twoBuildsOfTheSameContentAreByteIdentical() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let second = site.root.appendingPathComponent("second")
        // No build time given: it comes from the content (or SOURCE_DATE_EPOCH), not the clock.
        #expect(await SiteBuilder(options: BuildOptions(siteRoot: site.root)).build().succeeded)
        try await Task.sleep(for: .milliseconds(1100))
        #expect(await SiteBuilder(options: BuildOptions(siteRoot: site.root, output: second)).build().succeeded)
        let first = try SiteFiles.snapshot(site.output)
        let again = try SiteFiles.snapshot(second)
        #expect(first.keys.sorted() == again.keys.sorted())
        for (path, data) in first where again[path] != data {
            Issue.record("\(path) differs between two builds")
        }
    }

    @Test func withoutSourceDateEpochTheBuildTimeIsTheNewestPublication() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        guard BuildOptions.sourceDateEpoch() == nil else { return }
        #expect(await SiteBuilder(options: BuildOptions(siteRoot: site.root)).build().succeeded)
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: site.output.appendingPathComponent("manifest.json"))) as? [String: Any]
        // The ralat of 2024-08-26 (WITA) is the newest date published.
        #expect(manifest?["build_time"] as? String == "2024-08-25T16:00:00Z")
    }

    @Test func theManifestListsEverySourceFileWithItsHashAndSize() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: site.output.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(manifest?["generator"] as? String == "Terbuka \(TerbukaVersion.current)")
        let sources = try #require(manifest?["sources"] as? [[String: Any]])
        #expect(
            sources.map { $0["path"] as? String } == [
                "content/announcements/ralat.md", "content/files/ralat.pdf", "content/pages/tentang.md",
                "content/site.yml",
                "content/vacancies/cpns-2024/formations.csv", "content/vacancies/cpns-2024/index.md",
            ])
        let siteYML = try Data(contentsOf: site.root.appendingPathComponent("content/site.yml"))
        #expect(sources[3]["sha256"] as? String == Digest.sha256(siteYML))
        #expect(sources[3]["size"] as? Int == siteYML.count)
    }

    @Test func attachmentsAndDownloadsShowTheirSizeAndSHA256() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let announcement = try String(
            contentsOf: site.output.appendingPathComponent("pengumuman/ralat/index.html"), encoding: .utf8)
        let pdf = try Data(contentsOf: site.root.appendingPathComponent("content/files/ralat.pdf"))
        #expect(
            announcement.contains(
                "<a href=\"../../files/ralat.pdf\">ralat.pdf</a> (9 bita)<br><span class=\"hash\">SHA-256: <code>\(Digest.sha256(pdf))</code></span>"
            ))
        let vacancy = try String(
            contentsOf: site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        let csv = try Data(contentsOf: site.output.appendingPathComponent("data/cpns-2024/formasi.csv"))
        #expect(
            vacancy.contains(
                "<a href=\"../../data/cpns-2024/formasi.csv\">CSV</a> (\(csv.count) bita)<br><span class=\"hash\">SHA-256: <code>\(Digest.sha256(csv))</code>"
            ))
    }

    #if canImport(FoundationXML)
        @Test func theFeedIsAtomWithItsRequiredElements() async throws {
            let site = try TestSite()
            defer { site.cleanUp() }
            #expect(await site.build().succeeded)
            let document = try XMLDocument(contentsOf: site.output.appendingPathComponent("feed.xml"))
            let feed = try #require(document.rootElement())
            #expect(feed.name == "feed")
            #expect(feed.uri == "http://www.w3.org/2005/Atom")
            for name in ["id", "title", "updated", "author"] {
                #expect(feed.elements(forName: name).count == 1, "feed has no \(name)")
            }
            let entries = feed.elements(forName: "entry")
            #expect(entries.count == 1)
            for entry in entries {
                for name in ["id", "title", "updated", "link"] { #expect(entry.elements(forName: name).count == 1) }
            }
            #expect(
                entries.first?.elements(forName: "id").first?.stringValue
                    == "tag:seleksi.contoh.go.id,2024-08-26:pengumuman/ralat")
            let link = entries.first?.elements(forName: "link").first
            #expect(
                link?.attributes?.first { $0.name == "href" }?.stringValue
                    == "https://seleksi.contoh.go.id/pengumuman/ralat/index.html")
            #expect(entries.first?.elements(forName: "updated").first?.stringValue == "2024-08-26T00:00:00+08:00")
        }

        @Test func theSitemapListsEveryPageWhenBaseURLIsSet() async throws {
            let site = try TestSite()
            defer { site.cleanUp() }
            try site.write(
                "content/site.yml", TestSite.siteYML.replacingOccurrences(of: "contoh.go.id/", with: "contoh.go.id"))
            #expect(await site.build().succeeded)
            let document = try XMLDocument(contentsOf: site.output.appendingPathComponent("sitemap.xml"))
            let locations = (document.rootElement()?.elements(forName: "url") ?? []).compactMap {
                $0.elements(forName: "loc").first?.stringValue
            }
            let pages = SiteFiles.list(site.output).filter { $0.hasSuffix(".html") && $0 != "404.html" }
            #expect(locations == pages.map { "https://seleksi.contoh.go.id/" + $0 })
        }
    #endif

    /// A site in two languages: the sitemap lists the pages of both (it was written before
    /// the second language's pages, and listed only the first's), but no "not found" page.
    @Test func theSitemapListsThePagesOfEveryLanguage() async throws {
        let site = try IncrementalBuildTests.DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build(incremental: false).succeeded)
        let sitemap = try String(contentsOf: site.output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        let pages = SiteFiles.list(site.output).filter { $0.hasSuffix(".html") && !$0.hasSuffix("404.html") }
        #expect(pages.contains("en/index.html"))
        #expect(locations == pages.map { "https://seleksi.nusakenari.example/" + $0 })
    }

    @Test func withoutBaseURLThereIsNoSitemapAndOneWarningSaysSo() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/site.yml", "title: Seleksi ASN Kota Contoh\nagency: BKPSDM Kota Contoh\ntimezone: Asia/Makassar\n")
        let report = await site.build()
        #expect(
            report.diagnostics.all.map(\.formatted) == [
                "content/site.yml:1:1: warning: base_url is not set, so sitemap.xml is not written and feed.xml has relative links; set base_url to the address the site will have"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))
    }

    @Test func pastFiftyThousandURLsTheSitemapBecomesAnIndex() {
        let files = Sitemap.files(
            pages: ["a/index.html", "b/index.html", "c/index.html"], base: "https://x.id/", limit: 2)
        #expect(files.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"])
        let index = String(decoding: files[2].data, as: UTF8.self)
        #expect(index.contains("<sitemapindex"))
        #expect(index.contains("<loc>https://x.id/sitemap-2.xml</loc>"))
    }

    @Test func jobPostingsAreValidJSONLDAndCannotEndTheirScript() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/formations.csv",
            """
            code,position,unit,kind,quota,gaji_min,gaji_max
            A1,"ANALIS </script><script>alert(1)</script>",SEKRETARIAT DAERAH,umum,2,3000000,6500000
            A2,PRANATA KOMPUTER,DINAS KOMINFO,cumlaude,1,,

            """)
        #expect(await site.build().succeeded)
        let html = try String(
            contentsOf: site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let postings = try #require(object["@graph"] as? [[String: Any]])
        #expect(postings.count == 2)
        let first = postings[0]
        #expect(first["@type"] as? String == "JobPosting")
        #expect(first["title"] as? String == "ANALIS </script><script>alert(1)</script>")
        #expect(first["datePosted"] as? String == "2024-08-19")
        #expect(first["validThrough"] as? String == "2024-09-10T23:59:59+08:00")
        #expect(first["totalJobOpenings"] as? Int == 2)
        #expect(first["employmentType"] as? String == "FULL_TIME")
        #expect((first["hiringOrganization"] as? [String: Any])?["name"] as? String == "BKPSDM Kota Contoh")
        let salary = (first["baseSalary"] as? [String: Any])?["value"] as? [String: Any]
        #expect(salary?["minValue"] as? Int == 3_000_000)
        #expect(postings[1]["baseSalary"] == nil)
    }

    @Test func theDataPackageValidatesWithFrictionless() async throws {
        let site = try ResultsSite(
            tables: [
                ("skd", "participant,name,formation,twk,tiu,tkp\n001,ANI,U2,100,100,180\n002,BUDI,U2,90,90,170\n"),
                ("skb", "participant,name,formation,skb\n001,ANI,U2,80.25\n002,BUDI,U2,90\n"),
            ], akhirWithoutFile: true)
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let (status, output) = try Self.run(
            ["frictionless", "validate", "--json", "data/datapackage.json"], in: site.site.output)
        let report = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(report?["valid"] as? Bool == true, "\(output.prefix(2000))")
        #expect(status == 0)
        let package =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: site.site.output.appendingPathComponent("data/datapackage.json")))
            as? [String: Any]
        let names = (package?["resources"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(
            names == [
                "cpns-2024-formasi", "cpns-2024-skd", "cpns-2024-skb", "cpns-2024-akhir", "cpns-2024-evaluasi",
                "cpns-2024-formasi-kosong",
            ])
    }
}

import Foundation
import Testing

@testable import TerbukaCore

/// End-to-end: the demo site in content/ builds and every relative link resolves.
@Suite(.serialized) struct DemoSiteTests {
    static func buildDemo() async throws -> (URL, BuildReport) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-demo-\(UUID().uuidString)")
        // A full build: the output is removed by each test, and no cache is left beside it.
        var options = BuildOptions(siteRoot: repositoryRoot, output: output, now: 1_795_000_000)
        options.incremental = false
        let report = await SiteBuilder(options: options).build()
        return (output, report)
    }

    @Test func theDemoSiteBuildsWithoutProblems() async throws {
        let (output, report) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.diagnostics.all.map(\.formatted) == [])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func theDemoSiteTakesItsThemeFromTheTopLevelThemesFolder() throws {
        let top = repositoryRoot.appendingPathComponent("themes/default")
        for subfolder in ["templates", "assets", "i18n", "root"] {
            var diagnostics = Diagnostics()
            let layers = Theme.layers(siteRoot: repositoryRoot, name: "default", under: subfolder, into: &diagnostics)
            #expect(!layers.isEmpty)
            #expect(diagnostics.all.isEmpty)
            for (file, source) in layers {
                #expect(
                    source.url.standardizedFileURL.path
                        == top.appendingPathComponent("\(subfolder)/\(file)").standardizedFileURL.path)
                #expect(source.display == "themes/default/\(subfolder)/\(file)")
            }
        }
    }

    @Test func theBuiltInThemeIsTheTopLevelThemeBuiltIn() throws {
        let builtIn = try #require(Theme.builtInFolder).appendingPathComponent("default")
        let top = repositoryRoot.appendingPathComponent("themes/default")
        let files = FileListing.files(under: top).sorted()
        #expect(FileListing.files(under: builtIn).sorted() == files)
        for file in files {
            #expect(
                FileManager.default.contents(atPath: builtIn.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: top.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func everyRelativeLinkOfTheDemoSiteResolvesToAFile() async throws {
        let (output, _) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try SiteFiles.brokenLinks(in: output) == [])
    }

    @Test func theDemoSiteHasTheContentTheIssueAsksFor() async throws {
        let (output, _) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        var diagnostics = Diagnostics()
        let loaded = ContentLoader(siteRoot: repositoryRoot).load(into: &diagnostics)
        let content = try #require(ContentValidator.validate(loaded, includeDrafts: false, into: &diagnostics))
        #expect(content.config.sampleData)
        #expect(Set(content.vacancies.map(\.kind)) == [.cpns, .pppk])
        #expect(content.vacancies.map(\.formations.count).reduce(0, +) >= 20)
        #expect(content.announcements.count >= 5)
        #expect(
            content.announcements.contains {
                $0.category == .ralat && $0.attachments.contains { $0.path.hasSuffix(".pdf") }
            })
        #expect(Set(content.pages.map(\.slug)).isSuperset(of: ["tentang", "kontak", "tanya-jawab", "privasi"]))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("class=\"sample-banner\""))
    }

    @Test func theDemoSiteShowsRankedResultsForEveryStage() async throws {
        let (output, _) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        for (vacancy, stages) in [
            ("cpns-2026", ["administrasi", "skd", "skb", "akhir"]), ("pppk-2026", ["administrasi", "kompetensi"]),
        ] {
            for stage in stages {
                #expect(
                    FileManager.default.fileExists(
                        atPath: output.appendingPathComponent("lowongan/\(vacancy)/hasil/\(stage)/index.html").path))
                #expect(
                    FileManager.default.fileExists(
                        atPath: output.appendingPathComponent("data/\(vacancy)/\(stage).csv").path))
            }
            #expect(
                FileManager.default.fileExists(
                    atPath: output.appendingPathComponent("lowongan/\(vacancy)/statistik/index.html").path))
        }
    }

    @Test func theDemoResultsHaveATieAtTheCutOffAbsenteesADisqualificationAndAWithdrawal() async throws {
        let (output, _) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        func rows(_ path: String) throws -> [[String]] {
            var reader = try CSVReader(contentsOf: output.appendingPathComponent(path))
            var rows: [[String]] = []
            while let record = try reader.next() { rows.append(record.fields) }
            return Array(rows.dropFirst())
        }
        let skd = try rows("data/cpns-2026/skd.csv")
        // NK26-C009 has 3 seats: shortlist 9; two participants share rank 9 and both go on.
        let c009 = skd.filter { $0[2] == "NK26-C009" && $0[8] == "P/L" }
        #expect(c009.count == 10)
        #expect(c009.filter { $0[7] == "9" }.count == 2)
        let statuses = Set(skd.map { $0[8] })
        #expect(statuses.isSuperset(of: ["P/L", "TL", "TH", "DIS"]))
        // PPPK 2024: statuses with the priority group, an absentee, a withdrawal, two
        // optimisation placements (one into NK26-P005, one to another agency).
        var reader = try CSVReader(contentsOf: output.appendingPathComponent("data/pppk-2026/kompetensi.csv"))
        let header = try #require(try reader.next()).fields
        var kompetensi: [[String: String]] = []
        while let record = try reader.next() {
            kompetensi.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
        }
        let statuses2024 = Set(kompetensi.map { $0["status"]! })
        #expect(statuses2024.isSuperset(of: ["R1/L", "R2/L", "R2", "TH", "APS", "P/L-E1", "L-2"]))
        #expect(Set(kompetensi.compactMap { $0["group"] }).isSuperset(of: ["R1", "R2", "R3", "R4"]))
        #expect(kompetensi.filter { !$0["to_formation"]!.isEmpty }.count == 2)
        // NK26-P006 (6 seats): ranks 6 and 7 tie on every score; the older one has the seat.
        let p006 = kompetensi.filter { $0["formation"] == "NK26-P006" && ["6", "7"].contains($0["rank"]!) }
        #expect(p006.count == 2)
        #expect(
            Set(p006.map { "\($0["teknis"]!)|\($0["manajerial"]!)|\($0["wawancara"]!)|\($0["group"]!)" }).count == 1)
        // NK26-P004: nobody applied.
        let unfilled = try String(
            contentsOf: output.appendingPathComponent("data/pppk-2026/formasi-kosong.csv"), encoding: .utf8)
        #expect(unfilled.contains("NK26-P004,") && unfilled.contains(",no_applicant"))
        // NK26-C004: two participants tie on every score (SKD, SKB, final); IPK decides,
        // so they have consecutive ranks rather than one shared rank.
        let final = try rows("data/cpns-2026/akhir.csv").filter { $0[2] == "NK26-C004" && !$0[5].isEmpty }
        let tied = Dictionary(grouping: final) { "\($0[3])|\($0[4])|\($0[5])" }.values.filter { $0.count == 2 }
        #expect(tied.count == 1)
        if let pair = tied.first {
            #expect(Set(pair.map { Int($0[6])! }).count == 2)
            #expect(abs(Int(pair[0][6])! - Int(pair[1][6])!) == 1)
        }
    }

    @Test func noPageLoadsAnythingFromAnotherHost() async throws {
        let (output, _) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        for page in SiteFiles.list(output) where page.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(!html.contains("src=\"http"), "\(page) loads a script or image from another host")
            #expect(
                !html.contains("<link rel=\"stylesheet\" href=\"http"), "\(page) loads a style sheet from another host")
        }
    }
}

import Foundation
import Testing
@testable import TerbukaCore

/// End-to-end: the demo site in content/ builds and every relative link resolves.
@Suite(.serialized) struct DemoSiteTests {
    static func buildDemo() async throws -> (URL, BuildReport) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-demo-\(UUID().uuidString)")
        let report = await SiteBuilder(options: BuildOptions(siteRoot: repositoryRoot, output: output, now: 1_795_000_000)).build()
        return (output, report)
    }

    @Test func theDemoSiteBuildsWithoutProblems() async throws {
        let (output, report) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.diagnostics.all.map(\.formatted) == [])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
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
        #expect(content.announcements.contains { $0.category == .ralat && $0.attachments.contains { $0.path.hasSuffix(".pdf") } })
        #expect(Set(content.pages.map(\.slug)).isSuperset(of: ["tentang", "kontak", "tanya-jawab", "privasi"]))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("class=\"sample-banner\""))
    }

    @Test func noPageLoadsAnythingFromAnotherHost() async throws {
        let (output, _) = try await Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        for page in SiteFiles.list(output) where page.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(!html.contains("src=\"http"), "\(page) loads a script or image from another host")
            #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"), "\(page) loads a style sheet from another host")
        }
    }
}

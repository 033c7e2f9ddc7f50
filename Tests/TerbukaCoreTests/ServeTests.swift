import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import TerbukaCore
@testable import TerbukaServe

/// `terbuka serve` on a free loopback port: pages, rebuilds on change, errors in the page.
@Suite(.serialized) struct ServeTests {
    static func fetch(_ url: URL) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }

    /// Fetches `url` until `condition` holds or `seconds` pass; returns the elapsed time.
    static func waitFor(_ url: URL, seconds: Double, _ condition: (String) -> Bool) async throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            if condition(try await fetch(url)) { return Date().timeIntervalSince(start) }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test func servesRebuildsOnChangeAndShowsErrorsWhileTheLastGoodBuildIsServed() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let server = try PreviewServer(options: BuildOptions(siteRoot: site.root, now: TestSite.now), port: 0) { _ in }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try #require(try await server.port())
        let base = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        // The first build happens before the routes exist; wait for the page.
        #expect(try await Self.waitFor(base.appendingPathComponent("tentang/index.html"), seconds: 20) { $0.contains("Tentang kami.") } != nil)
        #expect(try await Self.fetch(base).contains("Seleksi ASN Kota Contoh"))

        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\n---\nVersi kedua halaman.\n")
        let changed = try await Self.waitFor(base.appendingPathComponent("tentang/index.html"), seconds: 2) { $0.contains("Versi kedua halaman.") }
        #expect(changed != nil, "the new content was not served within 2 seconds")

        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\nordr: 1\n---\nVersi rusak.\n")
        let broken = try await Self.waitFor(base.appendingPathComponent("tentang/index.html"), seconds: 5) { $0.contains("terbuka-errors") }
        #expect(broken != nil)
        let page = try await Self.fetch(base.appendingPathComponent("tentang/index.html"))
        #expect(page.contains("Versi kedua halaman."))
        #expect(!page.contains("Versi rusak."))
        #expect(page.contains("content/pages/tentang.md:3:1: error: unknown key &#39;ordr&#39; in a page"))
        await server.stop()
    }

    @Test func requestsCannotLeaveTheOutputFolder() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let server = try PreviewServer(options: BuildOptions(siteRoot: site.root, now: TestSite.now), port: 0) { _ in }
        #expect(server.resolve("/../content/site.yml") == nil)
        #expect(server.resolve("/%2e%2e/content/site.yml") == nil)
    }
}

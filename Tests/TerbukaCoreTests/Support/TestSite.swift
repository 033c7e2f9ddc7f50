import Foundation
import Testing

@testable import TerbukaCore

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Data no one here wrote, read from ../shared at test time (never copied in).
let sharedConformance = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")

/// Tests that read it are skipped, saying why, in a clone without ../shared beside it;
/// .ci/run refuses to run without it, so CI never skips them.
let needsConformance = ConditionTrait.enabled(
    if: FileManager.default.fileExists(atPath: sharedConformance.path),
    "../shared/conformance is not beside the repository")

/// A small valid site in a temporary folder (with the built-in theme) that each test
/// changes to show one problem.
struct TestSite {
    let root: URL

    static let siteYML = """
        title: Seleksi ASN Kota Contoh
        agency: BKPSDM Kota Contoh
        timezone: Asia/Makassar
        base_url: https://seleksi.contoh.go.id/
        """

    static let vacancyIndex = """
        ---
        title: Seleksi CPNS 2024
        kind: cpns
        published: 2024-08-19
        schedule:
          - stage: pendaftaran
            start: 2024-08-20 08:00
            end: 2024-09-10
        ---
        Isi pengumuman.
        """

    static let formations = """
        code,position,unit,kind,quota
        A1,ANALIS KEBIJAKAN AHLI PERTAMA,SEKRETARIAT DAERAH,umum,2
        A2,PRANATA KOMPUTER AHLI PERTAMA,DINAS KOMINFO,cumlaude,1

        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("content/site.yml", Self.siteYML)
        try write("content/vacancies/cpns-2024/index.md", Self.vacancyIndex)
        try write("content/vacancies/cpns-2024/formations.csv", Self.formations)
        try write("content/pages/tentang.md", "---\ntitle: Tentang\n---\nTentang kami.\n")
        try write("content/files/ralat.pdf", "%PDF-1.4\n")
        try write(
            "content/announcements/ralat.md",
            """
            ---
            title: Ralat formasi
            date: 2024-08-26
            vacancy: cpns-2024
            category: ralat
            attachments:
              - ralat.pdf
            ---
            Ralat.
            """)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Rewrites the vacancy notice with these `schedule` entries (YAML flow mappings).
    func writeSchedule(_ entries: [String]) throws {
        try write(
            "content/vacancies/cpns-2024/index.md",
            """
            ---
            title: Seleksi CPNS 2024
            kind: cpns
            published: 2024-08-19
            schedule:
            \(entries.map { "  - " + $0 }.joined(separator: "\n"))
            ---
            """)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var output: URL { root.appendingPathComponent("output") }

    /// Fixed build time: 2024-09-01 00:00 UTC.
    static let now = 1_725_148_800

    func check() async -> BuildReport {
        await SiteBuilder(options: BuildOptions(siteRoot: root, now: Self.now)).check()
    }

    func build() async -> BuildReport {
        await SiteBuilder(options: BuildOptions(siteRoot: root, now: Self.now)).build()
    }

    /// Every diagnostic, formatted, in the order they are printed.
    func messages() async -> [String] {
        await check().diagnostics.sorted.map(\.formatted)
    }

    func errors() async -> [String] {
        await check().diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

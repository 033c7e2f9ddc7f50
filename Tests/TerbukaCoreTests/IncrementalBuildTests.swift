import Foundation
import Testing

@testable import TerbukaCore

/// Incremental builds (issue 16): after each kind of change, a build that starts from the
/// previous output and its cache writes exactly the files a full build writes, byte for
/// byte, SHA256SUMS and situs.zip included; a build with nothing changed writes nothing;
/// a cache that is missing, damaged or from another build means a full build.
@Suite(.serialized) struct IncrementalBuildTests {
    /// A copy of the demo site, built into `root/output` with its cache beside it.
    struct DemoCopy {
        let root: URL
        var output: URL { root.appendingPathComponent("output") }
        var cache: BuildCache { BuildCache(output: output) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-inc-\(UUID().uuidString)")
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("themes"), withIntermediateDirectories: true)
            try fm.copyItem(
                at: repositoryRoot.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
            try fm.copyItem(
                at: repositoryRoot.appendingPathComponent("themes/default"),
                to: root.appendingPathComponent("themes/default"))
        }

        func url(_ path: String) -> URL { root.appendingPathComponent(path) }

        func build(incremental: Bool = true, into output: URL? = nil) async -> BuildReport {
            var options = BuildOptions(siteRoot: root, output: output ?? self.output, now: 1_795_000_000)
            options.incremental = incremental
            return await SiteBuilder(options: options).build()
        }

        /// Replaces the first occurrence of `old` in the file at `path`.
        func edit(_ path: String, replacing old: String, with new: String) throws {
            let text = try String(contentsOf: url(path), encoding: .utf8)
            let range = try #require(text.range(of: old), "\(old) in \(path)")
            try text.replacingCharacters(in: range, with: new).write(to: url(path), atomically: false, encoding: .utf8)
        }

        func cleanUp() {
            try? FileManager.default.removeItem(at: root)
        }
    }

    /// Every file under `folder`, relative path → bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileListing.files(under: folder, includingHidden: true) {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    /// Builds, changes the site, builds again from the cache and compares with a full build
    /// of the changed site. Returns the incremental build's report.
    @discardableResult
    static func expectIncrementalEqualsFull(
        _ change: (DemoCopy) throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> BuildReport {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        let first = await site.build()
        #expect(first.succeeded, sourceLocation: sourceLocation)
        try change(site)
        let incremental = await site.build()
        #expect(
            incremental.succeeded, "\(incremental.diagnostics.all.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(!incremental.upToDate, sourceLocation: sourceLocation)
        let fullOutput = site.root.appendingPathComponent("full")
        let full = await site.build(incremental: false, into: fullOutput)
        #expect(full.succeeded, sourceLocation: sourceLocation)
        let built = tree(site.output)
        let expected = tree(fullOutput)
        #expect(built.count > 100, sourceLocation: sourceLocation)
        #expect(Set(built.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        let differing = built.keys.filter { built[$0] != expected[$0] }.sorted()
        #expect(differing == [], sourceLocation: sourceLocation)
        #expect(incremental.filesWritten == full.filesWritten, sourceLocation: sourceLocation)
        return incremental
    }

    @Test func anEditedVacancyNoticeGivesTheFullBuildsOutput() async throws {
        let report = try await Self.expectIncrementalEqualsFull { site in
            try site.edit(
                "content/vacancies/cpns-2026/index.md", replacing: "\n## ",
                with: "\nKalimat baru dalam pengumuman lowongan.\n\n## ")
        }
        #expect(report.filesReused > 0)
    }

    @Test func anEditedAnnouncementGivesTheFullBuildsOutput() async throws {
        let report = try await Self.expectIncrementalEqualsFull { site in
            try site.edit(
                "content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Diperbarui — ")
        }
        #expect(report.filesReused > 0)
    }

    @Test func anEditedResultTableGivesTheFullBuildsOutput() async throws {
        let report = try await Self.expectIncrementalEqualsFull { site in
            try site.edit(
                "content/vacancies/cpns-2026/results/skb.csv", replacing: "FEBRI SABON;NK26-C001;71;84;87",
                with: "FEBRI SABON;NK26-C001;91;84;87")
        }
        #expect(report.filesReused > 0)
    }

    @Test func anEditedThemeFileGivesTheFullBuildsOutput() async throws {
        try await Self.expectIncrementalEqualsFull { site in
            let template = "themes/default/templates/404.mustache"
            let text = try String(contentsOf: site.url(template), encoding: .utf8)
            try (text + "\n<!-- diubah -->\n").write(to: site.url(template), atomically: false, encoding: .utf8)
        }
    }

    @Test func anEditedSiteConfigurationGivesTheFullBuildsOutput() async throws {
        try await Self.expectIncrementalEqualsFull { site in
            try site.edit("content/site.yml", replacing: "title: Seleksi ASN", with: "title: Seleksi Pegawai ASN")
        }
    }

    @Test func aDeletedFileGivesTheFullBuildsOutput() async throws {
        let report = try await Self.expectIncrementalEqualsFull { site in
            try FileManager.default.removeItem(at: site.url("content/announcements/libur-layanan-agustus-2026.md"))
        }
        #expect(report.filesReused > 0)
    }

    @Test func anAddedAnnouncementGivesTheFullBuildsOutput() async throws {
        try await Self.expectIncrementalEqualsFull { site in
            try """
            ---
            title: Pengumuman Tambahan
            date: 2026-08-20 09:00
            category: informasi
            ---
            Isi pengumuman tambahan.
            """.write(to: site.url("content/announcements/pengumuman-tambahan.md"), atomically: false, encoding: .utf8)
        }
    }

    /// A change that keeps the file's size and puts its modification time back: its ctime
    /// still tells.
    @Test func aChangeHiddenFromTheModificationTimeIsSeen() async throws {
        try await Self.expectIncrementalEqualsFull { site in
            let path = site.url("content/pages/tentang.md").path
            let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
            try site.edit("content/pages/tentang.md", replacing: "a", with: "o")
            try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: path)
        }
    }

    /// From the third build on, a build brings the spare tree (the output before the one in
    /// place) up to date and swaps it in; each output equals a full build's.
    @Test func successiveChangesThroughTheSpareTreeGiveTheFullBuildsOutput() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let changes: [(DemoCopy) throws -> Void] = [
            { try $0.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Satu — ") },
            { try $0.edit("content/pages/tentang.md", replacing: "\n\n", with: "\n\nParagraf baru.\n\n") },
            { try $0.edit("content/announcements/waspada-penipuan.md", replacing: "Satu — ", with: "") },
            { try FileManager.default.removeItem(at: $0.url("content/announcements/libur-layanan-agustus-2026.md")) },
            {
                try $0.edit(
                    "content/vacancies/cpns-2026/results/skb.csv", replacing: "FEBRI SABON;NK26-C001;71",
                    with: "FEBRI SABON;NK26-C001;72")
            },
            { try $0.edit("content/site.yml", replacing: "title: Seleksi ASN", with: "title: Seleksi Pegawai ASN") },
        ]
        for (number, change) in changes.enumerated() {
            try change(site)
            let incremental = await site.build()
            #expect(incremental.succeeded && !incremental.upToDate, "change \(number)")
            if number > 0 {
                #expect(FileManager.default.fileExists(atPath: site.cache.spareFolder), "change \(number)")
            }
            let fullOutput = site.root.appendingPathComponent("full-\(number)")
            #expect(await site.build(incremental: false, into: fullOutput).succeeded)
            #expect(Self.tree(site.output) == Self.tree(fullOutput), "change \(number)")
            try FileManager.default.removeItem(at: fullOutput)
        }
    }

    /// Whatever happened to the spare tree (a build killed while updating it, a file
    /// dropped into it by hand), what is swapped in is what a full build writes.
    @Test func aSpareTreeChangedByHandStillGivesTheFullBuildsOutput() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Satu — ")
        _ = await site.build()
        let spare = URL(fileURLWithPath: site.cache.spareFolder)
        try Data("extra".utf8).write(to: spare.appendingPathComponent("tambahan.html"))
        try Data("changed".utf8).write(to: spare.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: spare.appendingPathComponent("feed.xml"))
        try FileManager.default.removeItem(at: spare.appendingPathComponent("pengumuman"))
        try Data("file where a folder was".utf8).write(to: spare.appendingPathComponent("pengumuman"))
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "Satu — ", with: "Dua — ")
        let incremental = await site.build()
        #expect(incremental.succeeded)
        let fullOutput = site.root.appendingPathComponent("full")
        _ = await site.build(incremental: false, into: fullOutput)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
    }

    @Test func aBuildWithNothingChangedWritesNothing() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        let first = await site.build()
        #expect(first.succeeded)
        let inodes = Self.inodes(site.output)
        let again = await site.build()
        #expect(again.succeeded)
        #expect(again.upToDate)
        #expect(again.filesWritten == first.filesWritten && again.pagesWritten == first.pagesWritten)
        #expect(again.diagnostics.all.map(\.formatted) == first.diagnostics.all.map(\.formatted))
        #expect(Self.inodes(site.output) == inodes)
    }

    @Test func aFileSavedAgainUnchangedWritesNothing() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        let path = site.url("content/announcements/waspada-penipuan.md")
        try Data(contentsOf: path).write(to: path)
        let again = await site.build()
        #expect(again.upToDate)
    }

    @Test func theWarningsOfTheBuildThatFoundNothingChangedAreTheFirstBuilds() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        // A language listed twice is a warning.
        try site.edit("content/site.yml", replacing: "languages: [id, en]", with: "languages: [id, en, en]")
        let first = await site.build()
        #expect(first.succeeded)
        #expect(first.diagnostics.warningCount > 0)
        let again = await site.build()
        #expect(again.upToDate)
        #expect(again.diagnostics.all == first.diagnostics.all)
    }

    @Test func anOutputFileChangedByHandIsWrittenAgain() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        let page = site.output.appendingPathComponent("index.html")
        let original = try Data(contentsOf: page)
        try Data("tampered".utf8).write(to: page)
        let again = await site.build()
        #expect(!again.upToDate)
        #expect(try Data(contentsOf: page) == original)
    }

    @Test(arguments: ["truncated", "flipped", "foreign", "missing"])
    func aDamagedOrForeignCacheMeansAFullBuild(_ damage: String) async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        let statePath = site.cache.statePath
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: statePath)))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "flipped": bytes[bytes.count / 2] ^= 0x20
        case "foreign":
            var state = try #require(BuildState.decode(Data(bytes)))
            state.key = String(repeating: "0", count: 64)
            bytes = [UInt8](state.encoded())
        default: bytes = []
        }
        if damage == "missing" {
            try FileManager.default.removeItem(atPath: statePath)
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: statePath))
        }
        #expect(site.cache.read() == nil || damage == "foreign")
        let again = await site.build()
        #expect(again.succeeded)
        #expect(!again.upToDate)
        #expect(again.filesReused == 0)
        // The cache is whole again afterwards.
        #expect(await site.build().upToDate)
    }

    @Test func buildingWithoutTheCacheRemovesIt() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        #expect(FileManager.default.fileExists(atPath: site.cache.statePath))
        let full = await site.build(incremental: false)
        #expect(full.succeeded && full.filesReused == 0)
        #expect(!FileManager.default.fileExists(atPath: site.cache.folder))
    }

    @Test func theCacheIsNotPublished() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        #expect(site.cache.folder == site.root.path + "/.output.cache")
        #expect(!Self.tree(site.output).keys.contains { $0.contains("cache") })
    }

    @Test func theStateFileReadsBackWhatWasWritten() throws {
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5)
        let state = BuildState(
            key: String(repeating: "a", count: 64), scanned: 99,
            inputs: ["content/a b\\c\nd.md": .init(stamp: stamp, sha256: String(repeating: "b", count: 64))],
            outputs: [
                "x/index.html": .init(
                    stamp: FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 0),
                    sha256: String(repeating: "c", count: 64), fingerprint: String(repeating: "d", count: 64))
            ],
            warnings: [
                Diagnostic(
                    .warning, Message("T0001", en: "english", id: "indonesia", hint: Bilingual(id: "i", en: "e")),
                    at: SourceLocation(
                        path: "content/x.csv", line: 3, column: 4, field: TableField(index: 2, header: "H")))
            ], files: 7, pages: 6)
        let read = try #require(BuildState.decode(state.encoded()))
        #expect(read.key == state.key && read.scanned == 99 && read.files == 7 && read.pages == 6)
        #expect(read.inputs.keys.sorted() == ["content/a b\\c\nd.md"])
        #expect(read.inputs.values.first?.stamp == stamp)
        #expect(read.outputs["x/index.html"]?.fingerprint == String(repeating: "d", count: 64))
        #expect(read.warnings == state.warnings)
    }

    static func inodes(_ folder: URL) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for path in FileListing.files(under: folder, includingHidden: true) {
            result[path] = FileStamp.of(folder.appendingPathComponent(path).path)?.inode
        }
        return result
    }
}

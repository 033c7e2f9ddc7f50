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

        /// The options of `build`'s incremental builds into `output`.
        var options: BuildOptions { BuildOptions(siteRoot: root, output: output, now: 1_795_000_000) }

        /// `now`: nil for the newest date published in the content.
        func build(incremental: Bool = true, into output: URL? = nil, now: Int? = 1_795_000_000) async -> BuildReport {
            var options = BuildOptions(siteRoot: root, output: output ?? self.output, now: now)
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

    /// Every folder under `folder`, by relative path.
    static func folders(_ folder: URL) -> Set<String> {
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        return Set(paths.filter { FileStamp.ofFolder(folder.path + "/" + $0) != nil })
    }

    /// Builds incrementally, then fully into another folder: the two outputs are the same.
    static func expectNextBuildGivesTheFullOutput(_ site: DemoCopy) async {
        #expect(await site.build().succeeded)
        let fullOutput = site.root.appendingPathComponent("full")
        #expect(await site.build(incremental: false, into: fullOutput).succeeded)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
    }

    /// Builds incrementally, then fully into another folder: both stop with the same errors,
    /// one of them about `path`.
    static func expectNextBuildRefusesAsAFullBuild(
        _ path: String, _ site: DemoCopy, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async {
        func errors(_ report: BuildReport) -> [String] {
            report.diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted)
        }
        let incremental = errors(await site.build())
        #expect(incremental.contains { $0.contains(path) }, sourceLocation: sourceLocation)
        let full = errors(await site.build(incremental: false, into: site.root.appendingPathComponent("full")))
        #expect(incremental == full, sourceLocation: sourceLocation)
    }

    /// A copy of the demo built twice, a notice's title changed in between ("Satu — "): the
    /// second build kept the first one's output as the spare tree, recorded.
    static func siteWithASpareTree() async throws -> DemoCopy {
        let site = try DemoCopy()
        _ = await site.build()
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Satu — ")
        _ = await site.build()
        return site
    }

    /// The spare tree as the next build finds it (its look at it fixes what the build would).
    static func spareTreeAsTheNextBuildFindsIt(_ site: DemoCopy) throws -> SpareTree {
        let plan = try #require(IncrementalPlan(options: site.options))
        return try #require(plan.spare())
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
        _ change: (DemoCopy) throws -> Void, before: (DemoCopy) throws -> Void = { _ in },
        now: Int? = 1_795_000_000, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> BuildReport {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        try before(site)
        let first = await site.build(now: now)
        #expect(first.succeeded, sourceLocation: sourceLocation)
        try change(site)
        let incremental = await site.build(now: now)
        #expect(
            incremental.succeeded, "\(incremental.diagnostics.all.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(!incremental.upToDate, sourceLocation: sourceLocation)
        // Every page taken by its key showed what its key covers.
        #expect(incremental.staleKeys == [], sourceLocation: sourceLocation)
        let fullOutput = site.root.appendingPathComponent("full")
        let full = await site.build(incremental: false, into: fullOutput, now: now)
        #expect(full.succeeded, sourceLocation: sourceLocation)
        let built = tree(site.output)
        let expected = tree(fullOutput)
        #expect(built.count > 100, sourceLocation: sourceLocation)
        #expect(Set(built.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        let differing = built.keys.filter { built[$0] != expected[$0] }.sorted()
        #expect(differing == [], sourceLocation: sourceLocation)
        #expect(incremental.filesWritten == full.filesWritten, sourceLocation: sourceLocation)
        // The same warnings, in the same order, whether a notice was validated or taken.
        #expect(
            incremental.diagnostics.all.map(\.formatted) == full.diagnostics.all.map(\.formatted),
            sourceLocation: sourceLocation)
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

    /// The site search shows notices' titles, not their bodies: a body edited leaves its
    /// index and shards as they were, taken from the previous output by the digest of their
    /// entries; a title edited makes them again.
    @Test func theSearchIndexIsTakenUnlessWhatItShowsChanged() async throws {
        let search = { (report: BuildReport) in report.takenByKey.filter { $0.hasPrefix("data/search") } }
        let body = try await Self.expectIncrementalEqualsFull { site in
            try site.edit(
                "content/announcements/waspada-penipuan.md", replacing: "\n\n", with: "\n\nKalimat baru di isi.\n\n")
        }
        #expect(search(body).contains("data/search.js") && search(body).contains("data/search-0.js"))
        // The same pages: the sitemap too is taken.
        #expect(body.takenByKey.contains("sitemap.xml"))
        let title = try await Self.expectIncrementalEqualsFull { site in
            try site.edit(
                "content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Diperbarui — ")
        }
        #expect(search(title) == [])
    }

    /// A page of the list of notices is taken by its key unless a notice on it changed: on
    /// a site with several pages of notices, a body edited makes its own list page again
    /// (its key names the file's SHA-256) and takes the others.
    @Test func listPagesWithoutTheEditedNoticeAreTakenByKey() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        for number in 1...150 {
            let day = String(format: "%02d", 1 + number % 28)
            try
                "---\ntitle: Pengumuman Tambahan Nomor \(number) tentang seleksi\ndate: 2026-07-\(day)\n---\nIsi \(number).\n"
                .write(
                    to: site.url("content/announcements/tambahan-\(String(format: "%03d", number)).md"),
                    atomically: false, encoding: .utf8)
        }
        #expect(await site.build().succeeded)
        try site.edit("content/announcements/tambahan-001.md", replacing: "Isi 1.", with: "Isi baru 1.")
        let report = await site.build()
        #expect(report.succeeded && report.staleKeys == [])
        let lists = (0..<20).map { Route.listPage(Route.announcementList, page: $0) }.filter {
            FileManager.default.fileExists(atPath: site.output.appendingPathComponent($0).path)
        }
        #expect(lists.count > 2)
        let holding = try lists.filter {
            try String(contentsOf: site.output.appendingPathComponent($0), encoding: .utf8).contains("tambahan-001/")
        }
        #expect(holding.count == 1)
        #expect(lists.filter { report.takenByKey.contains($0) } == lists.filter { !holding.contains($0) })
        let full = site.root.appendingPathComponent("full")
        #expect(await site.build(incremental: false, into: full).succeeded)
        #expect(Self.tree(site.output) == Self.tree(full))
    }

    /// A notice's page shows its vacancy's title: a vacancy renamed changes the key of the
    /// pages of the notices about it, though their own files did not change.
    @Test func aRenamedVacancyIsShownOnItsNoticesPages() async throws {
        try await Self.expectIncrementalEqualsFull { site in
            try site.edit(
                "content/vacancies/cpns-2026/index.md", replacing: "title: Seleksi CPNS",
                with: "title: Seleksi Ulang CPNS")
        }
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try site.edit(
            "content/vacancies/cpns-2026/index.md", replacing: "title: Seleksi CPNS", with: "title: Seleksi Ulang CPNS")
        let report = await site.build()
        #expect(report.succeeded && report.staleKeys == [])
        let page = try String(
            contentsOf: site.output.appendingPathComponent("pengumuman/jadwal-skd-cpns-2026/index.html"),
            encoding: .utf8)
        #expect(page.contains("Seleksi Ulang CPNS"))
    }

    /// A notice's page says whether it is archived as of the build time, which a newer
    /// notice moves (with no SOURCE_DATE_EPOCH, it is the newest date published): the older
    /// notice's page changes though its file did not.
    @Test func aNewerNoticeArchivesAnOlderOnesPage() async throws {
        let path = "pengumuman/libur-layanan-agustus-2026/index.html"
        let site = try DemoCopy()
        defer { site.cleanUp() }
        try site.edit(
            "content/announcements/libur-layanan-agustus-2026.md", replacing: "expires: 2026-08-18",
            with: "expires: 2026-11-20")
        #expect(await site.build(now: nil).succeeded)
        let before = try Data(contentsOf: site.output.appendingPathComponent(path))
        try "---\ntitle: Pengumuman Baru\ndate: 2026-11-25 09:00\n---\nIsi.\n".write(
            to: site.url("content/announcements/pengumuman-baru.md"), atomically: false, encoding: .utf8)
        let report = await site.build(now: nil)
        #expect(report.succeeded && report.staleKeys == [])
        let full = await site.build(incremental: false, into: site.root.appendingPathComponent("full"), now: nil)
        #expect(full.succeeded)
        let after = try Data(contentsOf: site.output.appendingPathComponent(path))
        #expect(after != before)
        #expect(after == (try Data(contentsOf: site.root.appendingPathComponent("full/" + path))))
        #expect(Self.tree(site.output) == Self.tree(site.root.appendingPathComponent("full")))
    }

    /// A notice taken from the previous build gives its warnings again, as validating it
    /// would.
    @Test func aNoticeTakenFromThePreviousBuildGivesItsWarningsAgain() async throws {
        let report = try await Self.expectIncrementalEqualsFull(
            { site in
                try site.edit(
                    "content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Diperbarui — ")
            },
            before: { site in
                try site.edit(
                    "content/announcements/libur-layanan-agustus-2026.md", replacing: "expires: 2026-08-18",
                    with: "expires: 2026-08-01")
            })
        #expect(
            report.diagnostics.all.contains {
                $0.location.path == "content/announcements/libur-layanan-agustus-2026.md" && $0.severity == .warning
            })
    }

    /// A notice is taken only when what it is validated against is unchanged: the vacancy it
    /// names removed, it is validated again and its error given, as by a full build.
    @Test func aNoticeWhoseVacancyIsRemovedIsValidatedAgain() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        try FileManager.default.removeItem(at: site.url("content/vacancies/pppk-2026"))
        let incremental = await site.build()
        let full = await site.build(incremental: false, into: site.root.appendingPathComponent("full"))
        #expect(!incremental.succeeded && !full.succeeded)
        #expect(incremental.diagnostics.all.map(\.formatted) == full.diagnostics.all.map(\.formatted))
        #expect(
            incremental.diagnostics.all.contains {
                $0.location.path.hasPrefix("content/announcements/") && $0.severity == .error
            })
    }

    /// An attachment that changes (same name, other bytes) shows its new size and SHA-256 on
    /// the page of the notice that lists it, whose own file did not change.
    @Test func aChangedAttachmentIsShownOnItsNoticesPage() async throws {
        try await Self.expectIncrementalEqualsFull { site in
            let files = FileListing.files(under: site.url("content/files"), includingHidden: false)
            let attachment = try #require(files.first)
            let handle = try FileHandle(forWritingTo: site.url("content/files/" + attachment))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("tambahan".utf8))
            try handle.close()
        }
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
        let report = try await Self.expectIncrementalEqualsFull { site in
            try """
            ---
            title: Pengumuman Tambahan
            date: 2026-08-20 09:00
            category: informasi
            ---
            Isi pengumuman tambahan.
            """.write(to: site.url("content/announcements/pengumuman-tambahan.md"), atomically: false, encoding: .utf8)
        }
        // A new page: the sitemap and the search index are made again.
        #expect(!report.takenByKey.contains("sitemap.xml") && !report.takenByKey.contains("data/search.js"))
    }

    /// The state, with its scan put `seconds` later: the files' stamps are then old enough
    /// to be trusted without reading them (as they are a few seconds after a build).
    static func ageTheScan(_ site: DemoCopy, by seconds: Int64 = 60) throws {
        var state = try #require(site.cache.read())
        state.scanned += seconds * 1_000_000_000
        try site.cache.write(state)
    }

    /// A change that keeps the file's size and puts its modification time back: its ctime
    /// still tells, though the stamps are trusted.
    @Test func aChangeHiddenFromTheModificationTimeIsSeen() async throws {
        try await Self.expectIncrementalEqualsFull { site in
            try Self.ageTheScan(site)
            let path = site.url("content/pages/tentang.md").path
            let original = try Self.changeHidingTheTimes(path)
            let after = try #require(FileStamp.of(path))
            #expect(after.inode == original.inode && after.size == original.size && after.modified == original.modified)
            #expect(after.changed != original.changed)
        }
    }

    /// Changes `path` in place (same inode, the same size) and puts its exact times back:
    /// only its ctime tells. Returns its stamp before.
    @discardableResult
    static func changeHidingTheTimes(_ path: String) throws -> FileStamp {
        var before = stat()
        #expect(stat(path, &before) == 0)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        var bytes = try #require(try handle.readToEnd())
        let at = try #require(bytes.lastIndex(of: UInt8(ascii: "a")))
        bytes[at] = UInt8(ascii: "o")
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: bytes)
        try handle.close()
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        return FileStamp(before)
    }

    /// A page of the output changed in place with its times put back is also the spare
    /// tree's (the two share unchanged files): neither the output nor the spare tree's copy
    /// is taken as it was (found by the review: the spare tree's check ignored ctime).
    @Test func anOutputFileChangedWithItsTimesPutBackIsNotCarriedOn() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Satu — ")
        #expect(await site.build().succeeded)
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "Satu — ", with: "Dua — ")
        #expect(await site.build().succeeded)
        let page = site.output.appendingPathComponent("pengumuman/jadwal-skd-cpns-2026/index.html").path
        let spareCopy = site.cache.spareFolder + "/pengumuman/jadwal-skd-cpns-2026/index.html"
        #expect(FileStamp.of(page)?.inode == FileStamp.of(spareCopy)?.inode)
        try Self.changeHidingTheTimes(page)
        for round in ["Tiga — ", "Empat — "] {
            try site.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: \(round)")
            #expect(await site.build().succeeded)
            let full = site.root.appendingPathComponent("full")
            #expect(await site.build(incremental: false, into: full).succeeded)
            #expect(Self.tree(site.output) == Self.tree(full), "\(round)")
            try FileManager.default.removeItem(at: full)
        }
    }

    /// With trusted stamps, an unchanged file is not read again: a build still finds
    /// nothing changed, and the state keeps each file's SHA-256.
    @Test func trustedStampsFindNothingChanged() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try Self.ageTheScan(site)
        #expect(await site.build().upToDate)
    }

    /// A build with nothing changed is answered from the state file's first part alone
    /// (UnchangedCheck), not from its tables, and says the first build's warnings again;
    /// with stamps too recent to be trusted (`trusted` false: files saved just before the
    /// previous build) the files' SHA-256 prove them unchanged.
    @Test(arguments: [true, false])
    func theStatesFirstPartAloneShowsNothingChanged(_ trusted: Bool) async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        // A language listed twice is a warning.
        try site.edit("content/site.yml", replacing: "languages: [id, en]", with: "languages: [id, en, en]")
        // A path the state writes escaped, with letters beyond ASCII.
        try Data("catatan".utf8).write(to: site.url("themes/default/catatan \\ é.txt"))
        let first = await site.build()
        #expect(first.succeeded && first.diagnostics.warningCount > 0)
        let state = try #require(site.cache.read())
        #expect(state.inputs["themes/default/catatan \\ é.txt"] != nil)
        if trusted {
            try Self.ageTheScan(site)
        } else {
            #expect(state.isRacy(try #require(FileStamp.of(site.url("content/site.yml").path))))
        }
        let inodes = Self.inodes(site.output)
        do {
            let plan = try #require(IncrementalPlan(options: site.options))
            #expect(plan.unchanged != nil && plan.previous == nil)
        }
        let again = await site.build()
        #expect(again.upToDate && again.read.isEmpty)
        #expect(again.filesWritten == first.filesWritten && again.pagesWritten == first.pagesWritten)
        #expect(again.diagnostics.all == first.diagnostics.all)
        #expect(Self.inodes(site.output) == inodes)
    }

    /// The first part alone never says "nothing changed" when something did, nor when the
    /// lines of inputs are not in the scan's order: the full reading decides then, and the
    /// output is a full build's. "Changed in the same tick": a file saved just before the
    /// previous build, whose stamp alone cannot tell a change made in the same tick of a
    /// coarse clock, recorded with another SHA-256.
    @Test(arguments: [
        "output edited", "output added", "output folder removed", "input edited", "input added", "input removed",
        "changed in the same tick", "inputs out of order", "input line twice", "input without SHA-256",
        "no folder lines", "no tail line",
    ])
    func theStatesFirstPartAloneAnswersOnlyWhenNothingChanged(_ change: String) async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        if change == "changed in the same tick" {
            try site.edit("content/pages/tentang.md", replacing: "a", with: "a")
        }
        #expect(await site.build().succeeded)
        if change != "changed in the same tick" { try Self.ageTheScan(site) }
        let fm = FileManager.default
        switch change {
        case "changed in the same tick":
            var state = try #require(site.cache.read())
            let path = "content/pages/tentang.md"
            #expect(state.isRacy(try #require(state.inputs[path]).stamp))
            state.inputs[path]?.sha256 = String(repeating: "0", count: 64)
            try site.cache.write(state)
        case "output edited": try Self.changeHidingTheTimes(site.output.appendingPathComponent("index.html").path)
        case "output added":
            try Data("verification".utf8).write(to: site.output.appendingPathComponent("pengumuman/google123.html"))
        case "output folder removed":
            try fm.removeItem(at: site.output.appendingPathComponent("pengumuman/waspada-penipuan"))
        case "input edited": try Self.changeHidingTheTimes(site.url("content/pages/tentang.md").path)
        case "input added": try Data("catatan".utf8).write(to: site.url("themes/default/CATATAN.txt"))
        case "input removed": try fm.removeItem(at: site.url("content/pages/tentang.md"))
        case "inputs out of order":
            try Self.rewriteTheFirstPart(site) { lines in
                let inputs = lines.indices.filter { lines[$0].starts(with: Array("i ".utf8)) }
                #expect(inputs.count > 2)
                for (at, line) in zip(inputs, inputs.reversed().map { lines[$0] }) { lines[at] = line }
            }
        case "input line twice":
            try Self.rewriteTheFirstPart(site) { lines in
                let first = try #require(lines.firstIndex { $0.starts(with: Array("i ".utf8)) })
                lines.insert(lines[first], at: first)
            }
        case "input without SHA-256":
            try Self.rewriteTheFirstPart(site) { lines in
                let at = try #require(lines.firstIndex { $0.starts(with: Array("i ".utf8)) })
                // i, five numbers of the stamp, the SHA-256, the path.
                var fields = lines[at].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
                fields[6] = []
                lines[at] = Array(fields.joined(separator: [UInt8(ascii: " ")]))
            }
        case "no folder lines":
            try Self.rewriteTheFirstPart(site) { $0.removeAll { $0.starts(with: Array("d ".utf8)) } }
        case "no tail line":
            try Self.rewriteTheFirstPart(site) { $0.removeAll { $0.starts(with: Array("tail ".utf8)) } }
        default: break
        }
        do {
            let plan = try #require(IncrementalPlan(options: site.options))
            #expect(plan.unchanged == nil)
        }
        let again = await site.build()
        #expect(again.succeeded)
        // A state the full reading still finds whole, describing what is there.
        #expect(again.upToDate == (change == "inputs out of order" || change == "input line twice"))
        let fullOutput = site.root.appendingPathComponent("full")
        #expect(await site.build(incremental: false, into: fullOutput).succeeded)
        let (built, full) = (Self.tree(site.output), Self.tree(fullOutput))
        #expect(Set(built.keys).symmetricDifference(full.keys).sorted() == [])
        #expect(built.keys.filter { built[$0] != full[$0] }.sorted() == [])
    }

    /// A state naming a first part longer than the file (a damaged length) is not read,
    /// and no room is made for it.
    @Test func aStateNamingAFirstPartLongerThanItselfIsNotRead() throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        try FileManager.default.createDirectory(atPath: site.cache.folder, withIntermediateDirectories: true)
        let head = BuildState.header + "\nfirst " + String(format: "%016d", 500_000_000_000) + "\nkey x\n"
        try Data(head.utf8).write(to: URL(fileURLWithPath: site.cache.statePath))
        #expect(site.cache.readFirstPart() == nil)
        #expect(site.cache.read() == nil)
    }

    /// Rewrites the lines of the state file's first part with `change`, keeping the part
    /// whole (its length and SHA-256 made again) and the second part as it was.
    static func rewriteTheFirstPart(_ site: DemoCopy, _ change: (inout [[UInt8]]) throws -> Void) throws {
        let file = URL(fileURLWithPath: site.cache.statePath)
        let bytes = [UInt8](try Data(contentsOf: file))
        let length = try #require(BuildState.firstLength(bytes))
        var lines = bytes[BuildState.headLength..<(length - BuildState.trailerLength)].split(
            separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
        ).dropLast().map(Array.init)
        try change(&lines)
        let body = lines.flatMap { $0 + [UInt8(ascii: "\n")] }
        let head = BuildState.header + "\nfirst "
        let newLength = BuildState.headLength + body.count + BuildState.trailerLength
        var first = Array((head + String(format: "%016d", newLength) + "\n").utf8) + body
        first += Array("end \(Digest.sha256(Data(first)))\n".utf8)
        #expect(first.count == newLength)
        try Data(first + bytes[length...]).write(to: file)
    }

    /// site.yml choosing another theme whose files are all known already.
    @Test func choosingAnotherThemeGivesTheFullBuildsOutput() async throws {
        try await Self.expectIncrementalEqualsFull(
            { site in
                try site.edit(
                    "content/site.yml", replacing: "title: Seleksi ASN", with: "theme: biru\ntitle: Seleksi ASN")
            },
            before: { site in
                try FileManager.default.copyItem(at: site.url("themes/default"), to: site.url("themes/biru"))
                let base = site.url("themes/biru/templates/base.mustache")
                let text = try String(contentsOf: base, encoding: .utf8)
                try text.replacingOccurrences(of: "</footer>", with: "<p>Tema biru</p></footer>").write(
                    to: base, atomically: false, encoding: .utf8)
            })
    }

    /// A link put into the output, to the site's own content or anywhere else: no build
    /// enters it, removes what it points to, or publishes it.
    @Test func aLinkInTheOutputIsRemovedAndNothingItPointsToIsTouched() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        let elsewhere = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: elsewhere.appendingPathComponent("keep.txt"))
        _ = await site.build()
        try FileManager.default.createSymbolicLink(
            at: site.output.appendingPathComponent("sumber"), withDestinationURL: site.url("content"))
        try FileManager.default.createSymbolicLink(
            at: site.output.appendingPathComponent("lain"), withDestinationURL: elsewhere)
        let contentBefore = Self.tree(site.url("content"))
        for round in 0..<3 {
            try site.edit("content/pages/tentang.md", replacing: "title: ", with: "title: \(round) ")
            #expect(await site.build().succeeded)
        }
        #expect(Self.tree(site.url("content")).count == contentBefore.count)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("keep.txt").path))
        let fullOutput = site.root.appendingPathComponent("full")
        _ = await site.build(incremental: false, into: fullOutput)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site.output.path + "/sumber")) == nil)
    }

    /// Links where the site writes a file and where it writes a folder with more below,
    /// one pointing into content/: nothing is written or removed through them, and the
    /// output is whole.
    @Test func linksWhereTheSiteWritesAreReplacedNeverFollowed() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        try FileManager.default.createDirectory(
            at: site.url("content/files/sub/deep"), withIntermediateDirectories: true)
        try Data("isi".utf8).write(to: site.url("content/files/sub/deep/a.txt"))
        _ = await site.build()
        try site.edit("content/pages/tentang.md", replacing: "title: ", with: "title: Satu ")
        _ = await site.build()
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("files/sub"))
        try FileManager.default.createSymbolicLink(
            at: site.output.appendingPathComponent("files/sub"), withDestinationURL: site.url("content/files/sub"))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(
            at: site.output.appendingPathComponent("index.html"), withDestinationURL: site.url("content/site.yml"))
        let contentBefore = Self.tree(site.url("content"))
        for round in 0..<3 {
            try site.edit("content/pages/tentang.md", replacing: "title: ", with: "title: \(round) ")
            if round == 1 { try Data("isi baru".utf8).write(to: site.url("content/files/sub/deep/a.txt")) }
            #expect(await site.build().succeeded)
            let fullOutput = site.root.appendingPathComponent("full-\(round)")
            _ = await site.build(incremental: false, into: fullOutput)
            #expect(Self.tree(site.output) == Self.tree(fullOutput), "round \(round)")
            try FileManager.default.removeItem(at: fullOutput)
        }
        #expect(Self.tree(site.url("content")).count == contentBefore.count)
        #expect(try Data(contentsOf: site.url("content/files/sub/deep/a.txt")) == Data("isi baru".utf8))
        #expect(FileStamp.of(site.url("content/files/sub/deep/a.txt").path) != nil)
    }

    /// Permissions changed by hand on the output (and so on the spare tree, which shares
    /// its files) or on a published file's source: the next builds give the ones a full
    /// build gives.
    @Test func permissionsChangedByHandAreThoseOfAFullBuildAgain() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        // Edits of one announcement's body: the files named below do not change.
        func touchBody(_ round: Int) throws {
            let path = site.url("content/announcements/waspada-penipuan.md")
            try (String(contentsOf: path, encoding: .utf8) + "\nParagraf \(round).\n").write(
                to: path, atomically: false, encoding: .utf8)
        }
        _ = await site.build()
        // A spare tree first, sharing its unchanged files with the output.
        try touchBody(0)
        _ = await site.build()
        // "": the output folder itself.
        let paths = ["jadwal/index.html", "data/cpns-2026/formasi.csv", "assets/style.css", "jadwal", ""]
        for path in paths { chmod(site.output.path + "/" + path, 0o700) }
        // Two builds: the tree changed by hand is the output again after the second.
        for round in 1..<3 {
            try touchBody(round)
            _ = await site.build()
        }
        let fullOutput = site.root.appendingPathComponent("full")
        _ = await site.build(incremental: false, into: fullOutput)
        for path in paths {
            let mode = try #require(FileModes.of(site.output.path + "/" + path), "\(path)")
            #expect(mode == FileModes.of(fullOutput.path + "/" + path), "\(path)")
        }
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
    }

    /// An output that is a link to a web server's folder: the folder is never updated in
    /// place (it is not kept as the spare tree); the link is replaced by the site, as a full
    /// build replaces it.
    @Test func anOutputThatIsALinkNeverHasItsFolderUpdatedInPlace() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        let served = site.root.appendingPathComponent("www")
        try FileManager.default.moveItem(at: site.output, to: served)
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: served)
        let servedBefore = Self.tree(served)
        for round in 0..<3 {
            try site.edit("content/pages/tentang.md", replacing: "title: ", with: "title: \(round) ")
            #expect(await site.build().succeeded)
        }
        #expect(Self.tree(served) == servedBefore)
        let fullOutput = site.root.appendingPathComponent("full")
        _ = await site.build(incremental: false, into: fullOutput)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
    }

    /// An attachment's path that was a file becomes a folder, through the spare tree.
    @Test func aFileThatBecomesAFolderGivesTheFullBuildsOutput() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        try Data("arsip".utf8).write(to: site.url("content/files/arsip"))
        _ = await site.build()
        try site.edit("content/pages/tentang.md", replacing: "title: ", with: "title: Satu ")
        _ = await site.build()
        try FileManager.default.removeItem(at: site.url("content/files/arsip"))
        try FileManager.default.createDirectory(
            at: site.url("content/files/arsip/2026"), withIntermediateDirectories: true)
        try Data("pdf".utf8).write(to: site.url("content/files/arsip/2026/x.pdf"))
        let report = await site.build()
        #expect(report.succeeded, "\(report.diagnostics.all.map(\.formatted))")
        let fullOutput = site.root.appendingPathComponent("full")
        _ = await site.build(incremental: false, into: fullOutput)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
    }

    @Test func aFileAddedToTheOutputByHandIsGoneAfterTheNextBuild() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try Data("verification".utf8).write(to: site.output.appendingPathComponent("google123.html"))
        let again = await site.build()
        #expect(!again.upToDate)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("google123.html").path))
        #expect(await site.build().upToDate)
    }

    @Test func aFullBuildEmptiesTheCacheButKeepsItsLock() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try site.edit("content/pages/tentang.md", replacing: "title: ", with: "title: Satu ")
        _ = await site.build()
        #expect(FileManager.default.fileExists(atPath: site.cache.spareFolder))
        let full = await site.build(incremental: false)
        #expect(full.succeeded && full.filesReused == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.cache.folder) == ["lock"])
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
            // A new notice: its page's folder is made in the spare tree.
            {
                try "---\ntitle: Pengumuman Tambahan\ndate: 2026-08-20 09:00\ncategory: informasi\n---\nIsi.\n"
                    .write(
                        to: $0.url("content/announcements/pengumuman-tambahan.md"), atomically: false, encoding: .utf8)
            },
            // A file two new folders down: in the spare tree, `files/` gets a folder and
            // nothing else (its other file is kept); two builds later both folders are swept
            // away, the deeper first.
            {
                try FileManager.default.createDirectory(
                    at: $0.url("content/files/arsip/2026"), withIntermediateDirectories: true)
                try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: $0.url("content/files/arsip/2026/lama.pdf"))
            },
            { try $0.edit("content/pages/tentang.md", replacing: "Paragraf baru.", with: "Paragraf baru lagi.") },
            { try FileManager.default.removeItem(at: $0.url("content/files/arsip")) },
            { try $0.edit("content/site.yml", replacing: "title: Seleksi ASN", with: "title: Seleksi Pegawai ASN") },
        ]
        for (number, change) in changes.enumerated() {
            try change(site)
            // From the second change on, the spare tree is read from its records: its folders'
            // stamps are taken as found where nothing was made in them or removed from them.
            if number > 0 {
                #expect(try Self.spareTreeAsTheNextBuildFindsIt(site).readFromRecords, "change \(number)")
            }
            let incremental = await site.build()
            #expect(incremental.succeeded && !incremental.upToDate, "change \(number)")
            if number > 0 {
                #expect(FileManager.default.fileExists(atPath: site.cache.spareFolder), "change \(number)")
            }
            // The state has every output file's stamp as it is now, those of the files kept
            // from the spare tree (not asked for again after the swap) included.
            let state = try #require(site.cache.read(), "change \(number)")
            let wrong = state.outputs.filter { path, output in
                FileStamp.of(site.output.appendingPathComponent(path).path, followingLinks: false) != output.stamp
            }
            #expect(wrong.isEmpty && state.outputs.count == incremental.filesWritten, "change \(number)")
            // And every folder's, those taken as the spare tree's records found them (nothing
            // made in or removed from them since) included.
            let wrongFolders = state.folders.filter {
                FileStamp.ofFolder(site.output.path + ($0.path.isEmpty ? "" : "/" + $0.path)) != $0.stamp
            }
            #expect(wrongFolders.isEmpty && state.folders.count > 10, "change \(number): \(wrongFolders.map(\.path))")
            let fullOutput = site.root.appendingPathComponent("full-\(number)")
            #expect(await site.build(incremental: false, into: fullOutput).succeeded)
            #expect(Self.tree(site.output) == Self.tree(fullOutput), "change \(number)")
            // No folder is left empty where a full build has none.
            let unlike = Self.folders(site.output).symmetricDifference(Self.folders(fullOutput))
            #expect(unlike.isEmpty, "change \(number): \(unlike.sorted())")
            try FileManager.default.removeItem(at: fullOutput)
            // What a reader of the state sees: the next build finds nothing changed.
            #expect(await site.build().upToDate, "change \(number)")
        }
    }

    /// Builds twice (so that a spare tree exists), lets `change` do what it will to the
    /// spare tree, edits a notice and builds again: what is swapped in is what a full
    /// build writes. Then `after` looks at the site.
    static func expectSpareChangedByHandToGiveTheFullOutput(
        _ change: (URL, DemoCopy) throws -> Void, after: (DemoCopy) throws -> Void = { _ in }
    ) async throws {
        let site = try await Self.siteWithASpareTree()
        defer { site.cleanUp() }
        try change(URL(fileURLWithPath: site.cache.spareFolder), site)
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "Satu — ", with: "Dua — ")
        let incremental = await site.build()
        #expect(incremental.succeeded)
        let fullOutput = site.root.appendingPathComponent("full")
        _ = await site.build(incremental: false, into: fullOutput)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
        try after(site)
    }

    /// Whatever happened to the spare tree (a build killed while updating it, a file
    /// dropped into it by hand), what is swapped in is what a full build writes.
    @Test func aSpareTreeChangedByHandStillGivesTheFullBuildsOutput() async throws {
        try await Self.expectSpareChangedByHandToGiveTheFullOutput { spare, _ in
            try Data("extra".utf8).write(to: spare.appendingPathComponent("tambahan.html"))
            try Data("changed".utf8).write(to: spare.appendingPathComponent("index.html"))
            try FileManager.default.removeItem(at: spare.appendingPathComponent("feed.xml"))
            try FileManager.default.removeItem(at: spare.appendingPathComponent("pengumuman"))
            try Data("file where a folder was".utf8).write(to: spare.appendingPathComponent("pengumuman"))
        }
    }

    /// A notice replaced by a link to a file with the same bytes (its SHA-256 unchanged) is
    /// not taken unlooked-at from the previous build: refused as a full build refuses it when
    /// the link leads outside content/, followed as a full build follows it when it does not.
    @Test(arguments: ["outside content", "inside content"])
    func aNoticeReplacedByALinkToTheSameBytesIsLookedAtAgain(_ target: String) async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let notice = site.root.appendingPathComponent("content/announcements/waspada-penipuan.md")
        let moved = site.root.appendingPathComponent(
            target == "outside content" ? "salinan.md" : "content/announcements/.salinan.md")
        try FileManager.default.moveItem(at: notice, to: moved)
        try FileManager.default.createSymbolicLink(at: notice, withDestinationURL: moved)
        if target == "inside content" {
            await Self.expectNextBuildGivesTheFullOutput(site)
            return
        }
        await Self.expectNextBuildRefusesAsAFullBuild("content/announcements/waspada-penipuan.md", site)
    }

    /// A notice that is a link, unchanged, whose content/ is itself a link moved to a copy of
    /// the folder where the notice's link now leads out of it: refused as a full build refuses
    /// it, also when another notice was edited (the notice is then not read again).
    @Test func aLinkedNoticeIsRefusedWhenContentItselfNowLeadsElsewhere() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        let fm = FileManager.default
        let (first, second) = (site.root.appendingPathComponent("data/v1"), site.root.appendingPathComponent("data/v2"))
        try fm.createDirectory(at: site.root.appendingPathComponent("data"), withIntermediateDirectories: true)
        let content = site.root.appendingPathComponent("content")
        try fm.moveItem(at: content, to: first)
        try fm.createSymbolicLink(at: content, withDestinationURL: first)
        let notice = first.appendingPathComponent("announcements/waspada-penipuan.md")
        let target = first.appendingPathComponent("announcements/.salinan.md")
        try fm.moveItem(at: notice, to: target)
        try fm.createSymbolicLink(at: notice, withDestinationURL: target)
        #expect(await site.build().succeeded)
        try fm.copyItem(at: first, to: second)
        try fm.removeItem(at: content)
        try fm.createSymbolicLink(at: content, withDestinationURL: second)
        try site.edit(
            "content/announcements/libur-layanan-agustus-2026.md", replacing: "title: ", with: "title: Baru — ")
        await Self.expectNextBuildRefusesAsAFullBuild("content/announcements/waspada-penipuan.md", site)
    }

    /// A file, folder or link added deep in the spare tree by hand is found and removed,
    /// and nothing a link points to is touched.
    @Test func handChangesDeepInTheSpareTreeAreFound() async throws {
        try await Self.expectSpareChangedByHandToGiveTheFullOutput(
            { spare, site in
                let fm = FileManager.default
                try Data("extra".utf8).write(to: spare.appendingPathComponent("lowongan/cpns-2026/tambahan.html"))
                try fm.createDirectory(
                    at: spare.appendingPathComponent("data/baru/dalam"), withIntermediateDirectories: true)
                try Data("extra".utf8).write(to: spare.appendingPathComponent("data/baru/dalam/x.json"))
                let outside = site.root.appendingPathComponent("outside.txt")
                try Data("outside".utf8).write(to: outside)
                let linked = spare.appendingPathComponent("en/pengumuman/waspada-penipuan/index.html")
                try fm.removeItem(at: linked)
                try fm.createSymbolicLink(at: linked, withDestinationURL: outside)
            },
            after: { site throws in
                let outside = try Data(contentsOf: site.root.appendingPathComponent("outside.txt"))
                #expect(outside == Data("outside".utf8))
            })
    }

    /// The spare tree as the next build finds it: read from its records, without a walk,
    /// when each of its folders is as recorded, every file it holds then known; walked when a
    /// folder is not (a file added, a folder's permissions changed), or when the build before
    /// found its output touched (the folders of what became the spare tree are then not
    /// recorded: its record of files lacks the one touched, here a notice's page, which the
    /// next build must remove with the notice). Each time, the next build's output is a full
    /// build's.
    @Test(arguments: ["nothing", "file added", "folder's permissions", "output touched before the build"])
    func theSpareTreeIsReadFromItsRecordsOnlyWhenItsFoldersAreAsRecorded(_ change: String) async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Satu — ")
        if change == "output touched before the build" {
            let handle = try FileHandle(
                forWritingTo: site.output.appendingPathComponent("pengumuman/libur-layanan-agustus-2026/index.html"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(" ".utf8))
            try handle.close()
        }
        _ = await site.build()
        let spare = site.cache.spareFolder
        switch change {
        case "file added": try Data("extra".utf8).write(to: URL(fileURLWithPath: spare + "/lowongan/tambahan.html"))
        case "folder's permissions": #expect(chmod(spare + "/jadwal", 0o700) == 0)
        default: break
        }
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "Satu — ", with: "Dua — ")
        if change == "output touched before the build" {
            try FileManager.default.removeItem(at: site.url("content/announcements/libur-layanan-agustus-2026.md"))
        }
        do {
            let tree = try Self.spareTreeAsTheNextBuildFindsIt(site)
            #expect(tree.readFromRecords == (change == "nothing"))
            if change == "nothing" {
                let onDisk = FileListing.files(under: URL(fileURLWithPath: spare), includingHidden: true)
                #expect(tree.files.sorted() == onDisk.sorted() && tree.known.count == onDisk.count)
                #expect(tree.folders.count > 10 && tree.others.isEmpty)
            }
        }
        // The look above gave the folder its permissions back: the build must do it too.
        if change == "folder's permissions" { #expect(chmod(spare + "/jadwal", 0o700) == 0) }
        await Self.expectNextBuildGivesTheFullOutput(site)
        #expect(FileModes.of(site.output.path + "/jadwal") == FileModes.folder)
    }

    /// The spare tree's folders are recorded only when the output moved there is as the
    /// build found it: a file added to it after the build looked (here, between the look
    /// and the move), even with the folder's times put back as `rsync -a` or `cp -p` put
    /// them (its ctime cannot be), leaves them unrecorded, and the next build walks the tree.
    @Test(arguments: ["nothing", "file added", "file added, times put back"])
    func theSpareTreesFoldersAreRecordedOnlyWhenTheMovedOutputIsAsFound(_ change: String) async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Satu — ")
        let plan = try #require(IncrementalPlan(options: site.options))
        let previous = try #require(plan.previous)
        #expect(plan.outputsIntact)
        if change != "nothing" {
            let found = try #require(FileStamp.ofFolder(site.output.path))
            try Data("extra".utf8).write(to: site.output.appendingPathComponent("tambahan.html"))
            if change == "file added, times put back" {
                let time = { (nanoseconds: Int64) in
                    timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
                }
                let times = [time(found.modified), time(found.modified)]
                #expect(utimensat(AT_FDCWD, site.output.path, times, 0) == 0)
                #expect(FileStamp.ofFolder(site.output.path)?.modified == found.modified)
            }
        }
        // The swap as a build makes it: the output becomes the spare tree, a new one takes
        // its place.
        let movedRoot = FileStamp.ofFolder(site.output.path)
        #expect(rename(site.output.path, site.cache.spareFolder) == 0)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: false)
        let reuse = OutputReuse(root: site.output, previous: previous, inputs: plan.inputs, sourceHashes: [:])
        let state = try #require(
            plan.state(
                ledger: Ledger(), output: site.output, reuse: reuse, notices: .parsed([:]), warnings: [],
                keptPrevious: true, movedRoot: movedRoot))
        let folders = try #require(state.spareFolders.records)
        #expect(folders.count == (change == "nothing" ? previous.folders.count : 0))
    }

    /// A build that swept a notice's page and folder out of the spare tree records the
    /// folders as they are after the sweep (they are recorded while the archive is
    /// written): the next build, with nothing changed, finds the output up to date.
    @Test func aBuildAfterOneThatSweptTheSpareTreeFindsItsOutputUpToDate() async throws {
        let site = try await Self.siteWithASpareTree()
        defer { site.cleanUp() }
        let swept = "pengumuman/libur-layanan-agustus-2026"
        #expect(FileManager.default.fileExists(atPath: site.cache.spareFolder + "/" + swept))
        try FileManager.default.removeItem(at: site.url("content/announcements/libur-layanan-agustus-2026.md"))
        let incremental = await site.build()
        #expect(incremental.succeeded && !incremental.upToDate)
        #expect(!FileManager.default.fileExists(atPath: site.output.path + "/" + swept))
        #expect(await site.build().upToDate)
    }

    /// The state's lines of inputs and notices made while the build goes on are the ones
    /// it would make at the end: the state written is the same, whether the notices are
    /// records or, as a build takes them again, the previous state's lines.
    @Test(arguments: [false, true])
    func theStatesLinesMadeEarlyAreTheOnesMadeAtTheEnd(asLines: Bool) async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try site.edit("content/announcements/waspada-penipuan.md", replacing: "title: ", with: "title: Satu — ")
        let plan = try #require(IncrementalPlan(options: site.options))
        let previous = try #require(plan.previous)
        let notices = try #require(previous.notices.records)
        #expect(!notices.isEmpty && !plan.inputs.isEmpty)
        let table: BuildState.LazyRecords<NoticeRecord>
        if asLines {
            let read = try #require(previous.notices.recordsWithLines)
            #expect(read.records.mapValues(\.record) == notices)
            table = .lines(bytes: read.bytes, read.records.values.compactMap(\.line), more: [:])
        } else {
            table = .parsed(notices)
        }
        let reuse = OutputReuse(root: site.output, previous: previous, inputs: plan.inputs, sourceHashes: [:])
        func state(early: [BuildState.Table: ByteWriter]) -> Data? {
            plan.state(
                ledger: Ledger(), output: site.output, reuse: reuse, notices: table, warnings: [],
                keptPrevious: false, early: early)?.encoded()
        }
        let early = plan.earlyLines(notices: table)
        #expect(Set(early.keys) == [.inputs, .notices])
        let atTheEnd = try #require(state(early: [:]))
        #expect(state(early: early) == atTheEnd)
        #expect(BuildState.decode(atTheEnd)?.notices.records == notices)
    }

    /// A build after one edit writes the notices it took from the previous build as their
    /// lines there, and the edited one as a record: the next build reads them all back.
    @Test func theNoticesTakenAgainAreTheirPreviousLinesAndTheEditedOneANewRecord() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let edited = "content/announcements/waspada-penipuan.md"
        try site.edit(edited, replacing: "title: ", with: "title: Satu — ")
        // The plan holds the cache's lock until it goes, before the build below.
        let (before, taken) = try {
            let plan = try #require(IncrementalPlan(options: site.options))
            let before = try #require(plan.previous?.notices.records)
            let memo = NoticeMemo(
                previous: plan.previous?.notices, inputs: plan.inputs, contentRoot: site.url("content"))
            var loader = ContentLoader(siteRoot: site.root)
            loader.unread = memo.unread
            #expect(!loader.unread.contains(edited) && loader.unread.count == before.count - 1)
            var diagnostics = Diagnostics()
            let loaded = loader.load(into: &diagnostics)
            let config = ContentValidator.configuration(loaded, into: &diagnostics)
            _ = ContentValidator.validate(loaded, config: config, includeDrafts: false, memo: memo, into: &diagnostics)
            #expect(!diagnostics.hasErrors)
            return (before, memo.records)
        }()
        guard case .lines(_, let lines, let made) = taken else {
            Issue.record("the notices taken again are not their lines")
            return
        }
        #expect(lines.count == before.count - 1)
        #expect(Array(made.keys) == [edited])
        #expect(made[edited]?.sha256 != before[edited]?.sha256)
        #expect(await site.build().succeeded)
        let after = try #require(
            BuildState.decode(Data(contentsOf: URL(fileURLWithPath: site.cache.statePath)))?.notices.records)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.filter { $0.key != edited } == before.filter { $0.key != edited })
        #expect(after[edited] == made[edited])
    }

    /// A published file whose permissions are not a new file's (an attachment readable by
    /// its owner alone), kept in the spare tree read from its records: when its source gets
    /// a new file's permissions, the next build gives the copy those, as a full build does.
    @Test func aSpareTreeReadFromItsRecordsKnowsItsFilesPermissions() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        let source = site.url("content/files/ralat-formasi-cpns-2026.pdf").path
        let published = "files/ralat-formasi-cpns-2026.pdf"
        #expect(chmod(source, 0o600) == 0)
        _ = await site.build()
        let notice = "content/announcements/waspada-penipuan.md"
        try site.edit(notice, replacing: "title: ", with: "title: Satu — ")
        _ = await site.build()
        #expect(FileModes.of(site.cache.spareFolder + "/" + published) == 0o600)
        #expect(chmod(source, mode_t(FileModes.file)) == 0)
        try site.edit(notice, replacing: "Satu — ", with: "Dua — ")
        do {
            let tree = try Self.spareTreeAsTheNextBuildFindsIt(site)
            #expect(tree.readFromRecords && tree.known[published]?.mode == 0o600)
        }
        #expect(await site.build().succeeded)
        let fullOutput = site.root.appendingPathComponent("full")
        #expect(await site.build(incremental: false, into: fullOutput).succeeded)
        #expect(FileModes.of(site.output.path + "/" + published) == FileModes.file)
        #expect(FileModes.of(fullOutput.path + "/" + published) == FileModes.file)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
    }

    /// A build that wrote into the spare tree and then stopped (here: a notice changed
    /// while it ran) leaves the tree no longer as recorded, which its folders' stamps alone
    /// might not tell on a coarse clock: the next build walks it, and its output is a full
    /// build's.
    @Test func aBuildThatStoppedAfterWritingIntoTheSpareTreeLeavesItToBeWalked() async throws {
        let site = try await Self.siteWithASpareTree()
        defer { site.cleanUp() }
        #expect(FileManager.default.fileExists(atPath: site.cache.spareMarkPath))
        // Every page made again (the site's title changed), one notice's file changed
        // before its body is read.
        try site.edit("content/site.yml", replacing: "title: Seleksi ASN", with: "title: Seleksi Pegawai ASN")
        let notice = site.url("content/announcements/libur-layanan-agustus-2026.md")
        var options = site.options
        options.progress = { stage in
            if stage == .writingSite {
                try? (String(contentsOf: notice, encoding: .utf8) + "\nBaru.\n").write(
                    to: notice, atomically: false, encoding: .utf8)
            }
        }
        let stopped = await SiteBuilder(options: options).build()
        #expect(!stopped.succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.cache.spareMarkPath))
        do {
            let tree = try Self.spareTreeAsTheNextBuildFindsIt(site)
            #expect(!tree.readFromRecords)
        }
        await Self.expectNextBuildGivesTheFullOutput(site)
    }

    /// A file of the spare tree that the output in place no longer shares, changed by hand
    /// in place (its folder unchanged): the tree is still read from its records, but the
    /// file is looked at and not kept, though the next build wants the bytes it once had.
    @Test func aSpareFileChangedInPlaceIsNotKept() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        let notice = "content/announcements/waspada-penipuan.md"
        try site.edit(notice, replacing: "title: ", with: "title: Satu — ")
        _ = await site.build()
        let path = "pengumuman/waspada-penipuan/index.html"
        let page = site.cache.spareFolder + "/" + path
        let pageInPlace = site.output.path + "/" + path
        #expect(FileStamp.of(page)?.inode != FileStamp.of(pageInPlace)?.inode)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: page))
        try handle.write(contentsOf: Data("X".utf8))
        try handle.close()
        // Back to the page the spare tree held.
        try site.edit(notice, replacing: "Satu — ", with: "")
        do {
            let tree = try Self.spareTreeAsTheNextBuildFindsIt(site)
            #expect(tree.readFromRecords && tree.files.contains(path) && tree.known[path] == nil)
        }
        await Self.expectNextBuildGivesTheFullOutput(site)
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
        // In the part every build reads (the second part holds records only a writing
        // build reads; a damaged one is tested with the state's format).
        case "flipped": bytes[200] ^= 0x20
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
        let fullOutput = site.root.appendingPathComponent("full")
        #expect(await site.build(incremental: false, into: fullOutput).succeeded)
        #expect(Self.tree(site.output) == Self.tree(fullOutput))
        // The cache is whole again afterwards.
        #expect(await site.build().upToDate)
    }

    @Test func aFullBuildWithoutACacheMakesNone() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build(incremental: false).succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.cache.folder))
    }

    @Test func theCacheIsBesideTheOutputNotInIt() async throws {
        let site = try DemoCopy()
        defer { site.cleanUp() }
        _ = await site.build()
        try site.edit("content/pages/tentang.md", replacing: "title: ", with: "title: Satu ")
        _ = await site.build()
        #expect(site.cache.folder == site.root.path + "/.output.cache")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: site.cache.folder))
                == ["lock", "state", "spare", "spare-recorded"])
        let sums = try String(contentsOf: site.output.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        #expect(!sums.contains("cache") && !sums.contains("spare") && !sums.contains("state"))
    }

    /// Numbers too large for their field, or negative where none can be: the state is not
    /// read (and the build is full), never a crash.
    @Test(arguments: [
        "i 18446744073709551616 2 3 4 5", "i -1 2 3 4 5", "i 1 2 9223372036854775808 4 5",
        "o 1 2 3 4 99999999999999999999",
        "d 1 2 3 4", "counts 1", "scanned x", "scanned -9223372036854775807", "counts -5 1",
    ])
    func aStateWithNumbersOutOfRangeIsNotRead(_ line: String) throws {
        let file = Self.stateFile(
            "key \(String(repeating: "a", count: 64))\n\(line) \(String(repeating: "b", count: 64)) - p\n")
        #expect(BuildState.decode(file) == nil)
    }

    /// A state file of `lines` (after the header and the first part's length), with `tail`
    /// as its second part, each part ending with its SHA-256.
    static func stateFile(_ lines: String, tail: String = "") -> Data {
        let rest = Data(tail.utf8) + Data("end \(Digest.sha256(Data(tail.utf8)))\n".utf8)
        let lines = lines + "tail \(Digest.sha256(rest))\n"
        let head = BuildState.header + "\nfirst "
        let length = head.utf8.count + BuildState.lengthDigits + 1 + lines.utf8.count + BuildState.trailerLength
        var first = Data((head + String(format: "%016d", length) + "\n" + lines).utf8)
        first += Data("end \(Digest.sha256(first))\n".utf8)
        return first + rest
    }

    /// The helper writes what the build writes.
    @Test func theStateFileHelperWritesTheBuildsFormat() throws {
        let state = BuildState(
            key: String(repeating: "a", count: 64), scanned: 1, inputs: [:], outputs: [:], warnings: [], files: 2,
            pages: 3)
        let lines = "key \(state.key)\nscanned 1\ncounts 2 3\nwarnings []\n"
        #expect(Self.stateFile(lines) == state.encoded())
    }

    /// The spare tree's lines are read only when the spare tree is wanted: one that is not a
    /// line of the format leaves the spare tree undescribed (it is then removed, and every
    /// file written), never read wrong.
    @Test func aSpareLineOutOfRangeLeavesTheSpareTreeUndescribed() throws {
        let stamp = "1 2 3 4 5 \(String(repeating: "b", count: 64)) - -"
        let key = "key \(String(repeating: "a", count: 64))\n"
        let state = try #require(
            BuildState.decode(
                Self.stateFile(
                    key,
                    tail: "s \(stamp) p\ns 1 2 3 4 99999999999999999999 \(String(repeating: "b", count: 64)) - - q\n")))
        #expect(state.spare.records == nil)
        let read = try #require(BuildState.decode(Self.stateFile(key, tail: "s \(stamp) p\n")))
        #expect(read.spare.records?.keys.sorted() == ["p"])
        // The second part damaged: the first is still read, the records are not.
        var damaged = [UInt8](Self.stateFile(key, tail: "s \(stamp) p\n"))
        damaged[damaged.count - 80] ^= 0x01
        let cut = try #require(BuildState.decode(Data(damaged)))
        #expect(cut.key == String(repeating: "a", count: 64) && cut.spare.records == nil)
        #expect(cut.notices.records == nil)
        // A second part whole in itself but not the one the first part names (another
        // build's): not read.
        let other = Self.stateFile(key, tail: "s \(stamp) q\n")
        let mine = Self.stateFile(key, tail: "s \(stamp) p\n")
        let mineLength = try #require(BuildState.firstLength([UInt8](mine)))
        let otherLength = try #require(BuildState.firstLength([UInt8](other)))
        let swapped = try #require(BuildState.decode(mine.prefix(mineLength) + other.dropFirst(otherLength)))
        #expect(swapped.spare.records == nil)
        // A spare line in the first part is not of the format.
        #expect(BuildState.decode(Self.stateFile(key + "s \(stamp) p\n")) == nil)
    }

    /// A notice's record reads back as it was written: text with tabs, newlines and
    /// backslashes, absent and present optionals, dates with and without a time, the
    /// attachments and the warnings.
    @Test(arguments: [false, true])
    func aNoticeRecordReadsBackWhatWasWritten(_ full: Bool) throws {
        let zone = SiteTimeZone.makassar
        let date = ContentDate(instant: 1_790_000_000, in: zone)
        var day = date
        day.minuteOfDay = nil
        let announcement = Announcement(
            slug: "a-b", title: full ? "Judul\tdengan\ttab\\ dan\nbaris" : "=", date: date,
            vacancyID: full ? "cpns-2026" : nil, category: full ? .ralat : .pengumuman, number: full ? "-" : nil,
            attachments: full
                ? [
                    Attachment(path: "a b/c\td.pdf", size: 3, source: URL(fileURLWithPath: "/x")),
                    Attachment(path: "e.pdf", size: 4, source: URL(fileURLWithPath: "/y")),
                ] : [],
            pinned: full, expires: full ? day : nil, draft: !full,
            body: MarkdownSource(text: "isi", firstLine: 7, path: "content/announcements/a-b.md"),
            sourcePath: "content/announcements/a-b.md")
        let warnings =
            full
            ? [Diagnostic(.warning, Message("N0001", en: "e\tx", id: "i\nx"), at: SourceLocation(path: "p", line: 2))]
            : []
        let record = NoticeRecord(
            announcement, sha256: String(repeating: "c", count: 64), context: String(repeating: "d", count: 64),
            warnings: warnings)
        let line = record.line(path: "content/announcements/a\tb.md")
        #expect(!line.contains("\n"))
        let (path, read) = try #require(NoticeRecord.read(ArraySlice(line.utf8)))
        #expect(path == "content/announcements/a\tb.md")
        #expect(read == record)
        // Cut short, or a field that is not one: not read.
        #expect(NoticeRecord.read(ArraySlice(line.utf8.prefix(40))) == nil)
        #expect(NoticeRecord.read(ArraySlice(line.replacingOccurrences(of: "\t7\t", with: "\tx\t").utf8)) == nil)
    }

    /// A notice taken from the previous build has its body read from its file once, and only
    /// while the file still holds what was validated; changed since, the body is not taken
    /// (and the build stops: SiteBuilder reports the file).
    @Test func aNoticesBodyIsReadOnlyFromTheFileThatWasValidated() throws {
        let folder = try makeTemporaryFolder("terbuka-body")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.md")
        let original = Data("---\ntitle: A\ndate: 2026-01-02\n---\nIsi lama.\n".utf8)
        try original.write(to: file)
        let body = DeferredBody(
            url: file, sha256: Digest.sha256(original), path: "content/announcements/a.md", contentRoot: folder)
        #expect(body.text == "Isi lama." && !body.changed)
        try Data("---\ntitle: A\ndate: 2026-01-02\n---\nIsi baru.\n".utf8).write(to: file)
        #expect(body.text == "Isi lama.", "read once")
        let late = DeferredBody(
            url: file, sha256: Digest.sha256(original), path: "content/announcements/a.md", contentRoot: folder)
        #expect(late.text == "" && late.changed)
        try FileManager.default.removeItem(at: file)
        let gone = DeferredBody(
            url: file, sha256: Digest.sha256(original), path: "content/announcements/a.md", contentRoot: folder)
        #expect(gone.text == "" && gone.changed)
        // Now a link to the same bytes outside content/ (the folder): refused, not read.
        let outside = folder.appendingPathComponent("../terbuka-body-outside-\(UUID().uuidString).md")
            .standardizedFileURL
        try original.write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: outside)
        let linked = DeferredBody(
            url: file, sha256: Digest.sha256(original), path: "content/announcements/a.md", contentRoot: folder)
        #expect(linked.text == "" && linked.changed)
    }

    /// A record's dates are those a content file can give (1970–2099): a year beyond them
    /// (a state forged with its checksums redone) is not read.
    @Test func aNoticeRecordWithAYearNoContentHasIsNotRead() throws {
        let date = ContentDate(instant: 1_790_000_000, in: .jakarta)
        let record = NoticeRecord(
            Announcement(
                slug: "a", title: "A", date: date, vacancyID: nil, category: .pengumuman, number: nil, attachments: [],
                pinned: false, expires: nil, draft: false,
                body: MarkdownSource(text: "", firstLine: 5, path: "content/announcements/a.md"),
                sourcePath: "content/announcements/a.md"),
            sha256: String(repeating: "c", count: 64), context: String(repeating: "d", count: 64), warnings: [])
        let line = record.line(path: "content/announcements/a.md")
        #expect(NoticeRecord.read(ArraySlice(line.utf8)) != nil)
        let year = "\(date.date.year) "
        let forged = line.replacingOccurrences(of: year, with: "99999999999999 ")
        #expect(forged != line && NoticeRecord.read(ArraySlice(forged.utf8)) == nil)
    }

    /// A record's date is six numbers, the minute "-" when there is none, one space
    /// between each: any other form of it is not read.
    @Test func aNoticeRecordsDateIsReadOnlyInItsOwnForm() throws {
        let record = NoticeRecord(
            Announcement(
                slug: "a", title: "A", date: ContentDate(instant: 1_790_000_000, in: .jakarta), vacancyID: nil,
                category: .pengumuman, number: nil, attachments: [], pinned: false, expires: nil, draft: false,
                body: MarkdownSource(text: "", firstLine: 5, path: "content/announcements/a.md"),
                sourcePath: "content/announcements/a.md"),
            sha256: String(repeating: "c", count: 64), context: String(repeating: "d", count: 64), warnings: [])
        var fields = record.line(path: "content/announcements/a.md").components(separatedBy: "\t")
        func read(date: String) -> ContentDate? {
            fields[4] = date
            return NoticeRecord.read(ArraySlice(fields.joined(separator: "\t").utf8))?.1.date
        }
        let minute = try #require(read(date: "2026 9 22 480 7 25200"))
        #expect(minute.date == CivilDate(year: 2026, month: 9, day: 22) && minute.minuteOfDay == 480)
        #expect(minute.seconds == 7 && minute.utcOffsetSeconds == 25200)
        #expect(read(date: "2026 9 22 - 0 -3600")?.minuteOfDay == .some(nil))
        for forged in [
            "2026 9 22 - 0 25200 ", "2026 9 22 - 0 25200 1", "2026 9 22 - 0", "2026  9 22 - 0 25200",
            "2026 9 22 -5 0 25200", "2026 9 22 1440 0 25200", "2026 9 22 - 60 25200", "2026 9 22 - 0 86401",
            "2026 9 22 x 0 25200", "2026 2 30 - 0 25200", "+2026 9 22 - 0 25200", "2026 9 22 -",
        ] {
            #expect(read(date: forged) == nil, "\(forged)")
        }
    }

    @Test func aStateWithTheLargestNumbersIsRead() throws {
        let line = "i 18446744073709551615 18446744073709551615 9223372036854775807 -4 5"
        let state = try #require(
            BuildState.decode(
                Self.stateFile(
                    "key \(String(repeating: "a", count: 64))\n\(line) \(String(repeating: "b", count: 64)) p q\n")))
        #expect(state.inputs["p q"]?.stamp.device == UInt64.max && state.inputs["p q"]?.stamp.size == Int.max)
    }

    @Test func aLinesFieldsAreReadInTurnFromWhereTheLineStartsInItsFile() {
        let file = Array("x 12 -7 1a 99999999999999999999 word\no 3 4 a path with spaces\n".utf8)
        var first = BuildState.Fields(file[2..<36])
        #expect(first.integer() == 12 && first.integer() == -7)
        #expect(first.integer() == nil, "1a is not a number")
        #expect(first.unsigned() == nil, "past 2^64 - 1")
        #expect(first.word() == "word" && first.bytes.isEmpty && first.word().isEmpty && first.integer() == nil)
        var second = BuildState.Fields(file[39..<(file.count - 1)])
        second.skipWord()
        #expect(second.unsigned() == 4 && Array(second.bytes) == Array("a path with spaces".utf8))
        #expect(second.rest() == "a path with spaces" && second.bytes.isEmpty)
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
            spare: .parsed([
                "y/a b.css": .init(stamp: stamp, sha256: String(repeating: "e", count: 64), fingerprint: "")
            ]),
            folders: [.init(path: "", stamp: stamp), .init(path: "x", stamp: stamp)],
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
        let spare = try #require(read.spare.records)
        #expect(spare.keys.sorted() == ["y/a b.css"] && spare["y/a b.css"]?.stamp == stamp)
        #expect(
            spare["y/a b.css"]?.fingerprint == "" && spare["y/a b.css"]?.sha256 == String(repeating: "e", count: 64))
        #expect(read.folders.map(\.path) == ["", "x"] && read.folders.allSatisfy { $0.stamp == stamp })
    }

    static func inodes(_ folder: URL) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for path in FileListing.files(under: folder, includingHidden: true) {
            result[path] = FileStamp.of(folder.appendingPathComponent(path).path)?.inode
        }
        return result
    }
}

import Foundation
import Testing

@testable import TerbukaCore

/// What careless or hostile input must not do: destroy files, crash the build, or reach
/// outside the site.
@Suite struct OutputSafetyTests {
    func build(_ site: TestSite, output: URL) async -> BuildReport {
        await SiteBuilder(options: BuildOptions(siteRoot: site.root, output: output, now: TestSite.now)).build()
    }

    @Test(arguments: [".", "content", "content/pages", "themes/custom", ".."])
    func anOutputThatHoldsOrIsTheSourcesIsRefusedAndNothingIsTouched(relative: String) async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("themes/custom/assets/extra.css", "p{}")
        let before = FileListing.files(under: site.root, includingHidden: true)
        let report = await build(site, output: site.root.appendingPathComponent(relative))
        #expect(!report.succeeded)
        #expect(report.diagnostics.all.contains { $0.english.hasPrefix("refusing to write the site into") })
        #expect(FileListing.files(under: site.root, includingHidden: true) == before)
    }

    /// The previous output is removed on every core; links in it go, what they lead to stays.
    @Test func aRemovedTreeTakesItsLinksButNotWhatTheyLeadTo() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-remove-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let (tree, outside) = (root.appendingPathComponent("tree"), root.appendingPathComponent("outside"))
        for folder in ["a/b/c", "d", "many"] {
            try FileManager.default.createDirectory(
                at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("tetap".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        try Data("x".utf8).write(to: tree.appendingPathComponent("a/b/c/index.html"))
        try Data("y".utf8).write(to: tree.appendingPathComponent("d/.hidden"))
        // Enough files for the work to be split across cores.
        for index in 0..<300 { try Data("\(index)".utf8).write(to: tree.appendingPathComponent("many/\(index).js")) }
        try FileManager.default.createSymbolicLink(
            at: tree.appendingPathComponent("a/folder-link"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: tree.appendingPathComponent("file-link"), withDestinationURL: outside.appendingPathComponent("keep.txt")
        )
        #expect(mkfifo(tree.appendingPathComponent("d/pipe").path, 0o600) == 0)
        TreeRemoval.remove(tree.path)
        var info = stat()
        #expect(lstat(tree.path, &info) != 0)
        #expect(try String(contentsOf: outside.appendingPathComponent("keep.txt"), encoding: .utf8) == "tetap")
        // A link given as the tree is removed itself, not what it leads to.
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        TreeRemoval.remove(link.path)
        #expect(lstat(link.path, &info) != 0)
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("keep.txt").path))
    }

    @Test func aFolderOfOtherFilesIsRefusedAnEmptyOrEarlierOutputIsNot() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let foreign = site.root.appendingPathComponent("documents")
        try site.write("documents/surat.docx", "penting")
        let refused = await build(site, output: foreign)
        #expect(
            refused.diagnostics.all.map(\.english).contains {
                $0.contains("it holds other files and is not a site Terbuka wrote")
            })
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("surat.docx").path))
        let empty = site.root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(await build(site, output: empty).succeeded)
        #expect(await build(site, output: empty).succeeded, "a second build replaces the first")
    }

    @Test func buildsKilledAtRandomMomentsLeaveAWholeSiteAndNoStagingAfterTheNextBuild() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // Enough to take a moment: the demo's content.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        let first = try runProcess(CommandLineTests.executable, ["build", "--quiet", "--site", site.root.path])
        #expect(first.status == 0, "\(first.output)")
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            // Something to write each time, so that every build has work to be killed in:
            // an incremental one, or a full one every third round.
            let page = site.root.appendingPathComponent("content/pages/tentang.md")
            try (String(contentsOf: page, encoding: .utf8) + "\nBaris \(round).\n").write(
                to: page, atomically: false, encoding: .utf8)
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["build", "--quiet", "--site", site.root.path] + (round % 3 == 2 ? ["--no-cache"] : [])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...400_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let verified = SiteVerifier.verify(site.output)
            #expect(verified.passed, "after a kill: \(verified)")
        }
        let last = try runProcess(CommandLineTests.executable, ["build", "--quiet", "--site", site.root.path])
        #expect(last.status == 0, "\(last.output)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".output.") && $0 != ".output.cache"
        }
        #expect(leftovers == [])
        #expect(SiteVerifier.verify(site.output).passed)
        // The incremental build after the kills wrote what a full build writes.
        let full = try runProcess(
            CommandLineTests.executable,
            [
                "build", "--quiet", "--no-cache", "--site", site.root.path, "--output",
                site.root.appendingPathComponent("full").path,
            ])
        #expect(full.status == 0, "\(full.output)")
        #expect(try SiteFiles.snapshot(site.output) == SiteFiles.snapshot(site.root.appendingPathComponent("full")))
    }
}

@Suite struct DateLimitTests {
    @Test func aDateAfter2099IsRefusedAtItsLine() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/announcements/ralat.md", "---\ntitle: Ralat\ndate: 2126-06-24\n---\nIsi.\n")
        let errors = await site.errors()
        #expect(
            errors == [
                "content/announcements/ralat.md:3:7: error: 'date': the year 2126 in '2126-06-24' is outside 1970–2099 (a typing error? recruitment dates are written as YYYY-MM-DD)"
            ])
    }

    @Test func aBuildTimePastWhatZIPHoldsBuildsWithTheLatestZIPDate() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let report = await SiteBuilder(options: BuildOptions(siteRoot: site.root, now: 4_354_819_200)).build()
        #expect(report.succeeded)
        let (time, date) = ZipArchive.dos(4_354_819_200)
        #expect(date >> 9 == 127 && (date >> 5) & 0xF == 12 && date & 0x1F == 31)
        #expect(time >> 11 == 23)
        let (_, early) = ZipArchive.dos(0)
        #expect(early == 1 << 5 | 1)
    }
}

@Suite struct SiteArchiveTests {
    @Test func theSiteArchiveIsDeflatedOpensInUnzipToolsAndHoldsEveryFileAsWritten() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let archive = site.output.appendingPathComponent("situs.zip")
        let check = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                """
                import os, sys, zipfile
                root, archive = sys.argv[1], sys.argv[2]
                z = zipfile.ZipFile(archive)
                assert z.testzip() is None
                infos = {i.filename: i for i in z.infolist()}
                # Text is deflated; what deflate cannot shrink (the tiny PDF) is stored.
                assert infos["index.html"].compress_type == zipfile.ZIP_DEFLATED
                assert infos["index.html"].compress_size < infos["index.html"].file_size / 2
                assert infos["files/ralat.pdf"].compress_type == zipfile.ZIP_STORED
                for name in infos:
                    assert z.read(name) == open(os.path.join(root, name), "rb").read(), name
                print("ok", len(infos))
                """, site.output.path, archive.path,
            ])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.hasPrefix("ok"))
        let unzip = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["unzip", "-tq", archive.path])
        #expect(unzip.status == 0, "\(unzip.output)")
        // Reproducible: the same content gives the same bytes, whatever the threads did.
        let first = try Data(contentsOf: archive)
        #expect(await site.build().succeeded)
        #expect(try Data(contentsOf: archive) == first)
    }
}

extension SiteArchiveTests {
    /// An incremental build takes from the previous archive, as stored, the entry of each
    /// file whose bytes have not changed, going through both lists in the order of their
    /// paths (past the entries of files gone since): not that of a changed file, a new one,
    /// or an unchanged one the archive lacks.
    @Test func theEntriesOfUnchangedFilesAreTakenFromThePreviousArchiveAsStored() throws {
        let folder = try makeTemporaryFolder("terbuka-zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("situs.zip")
        #expect(FileManager.default.createFile(atPath: target.path, contents: nil))
        // In the archive: "b/y.txt" (gone since) and every path now but "d/e.html" (unchanged,
        // but not in the archive) and "h.txt" (new); "b/c.html" has changed since.
        let before = ["a.html", "b/c.html", "b/y.txt", "b/z.txt", "f.txt", "g/h/i.html"]
        let text = { (path: String) in Data(String(repeating: "<p>\(path)</p>", count: 50).utf8) }
        try ZipArchive.write(names: before, to: target, buildTime: TestSite.now) { text(before[$0]) }
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5)
        var outputs = Dictionary(
            uniqueKeysWithValues: before.map {
                ($0, BuildState.Output(stamp: stamp, sha256: Digest.sha256(text($0)), fingerprint: ""))
            })
        outputs["d/e.html"] = BuildState.Output(stamp: stamp, sha256: Digest.sha256(text("d/e.html")), fingerprint: "")
        outputs[Route.zip] = BuildState.Output(stamp: stamp, sha256: "", fingerprint: "")
        let previous = BuildState(key: "", scanned: 0, inputs: [:], outputs: outputs, warnings: [], files: 0, pages: 0)
        let reuse = OutputReuse(root: folder, previous: previous, inputs: [:], sourceHashes: [:])
        let now = ["a.html", "b/c.html", "b/z.txt", "d/e.html", "f.txt", "g/h/i.html", "h.txt"]
        let files = now.map { path in
            let bytes = path == "b/c.html" ? Data("changed".utf8) : text(path)
            return (path: path, entry: Ledger.Entry(size: bytes.count, sha256: Digest.sha256(bytes)))
        }
        let known = SiteArchive.previousEntries(files, reuse: reuse)
        #expect(known.map { $0 != nil } == [true, false, true, false, true, true, false])
        let archive = try ZipReader(url: target)
        for (index, path) in now.enumerated() {
            guard let entry = known[index], let old = archive[path] else { continue }
            #expect(entry.method == 8 && entry.crc == old.crc && entry.size == text(path).count, "\(path)")
            #expect(entry.data == Data(archive.stored(old) ?? []), "\(path)")
        }
    }
}

extension SiteArchiveTests {
    /// The archive's SHA-256 and size, hashed on another thread while it is written in
    /// pieces of a megabyte, are those of the bytes on disk: entries that deflate cannot
    /// shrink (stored, several megabytes) and small ones, across many pieces.
    @Test func theArchivesDigestIsThatOfTheBytesWritten() throws {
        let folder = try makeTemporaryFolder("terbuka-zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("situs.zip")
        #expect(FileManager.default.createFile(atPath: target.path, contents: nil))
        var generator = SeededGenerator(seed: 16)
        let names = (0..<40).map { "berkas-\($0).bin" }
        // Eight random bytes at a time: deflate cannot shrink them.
        let contents = names.indices.map { index in
            var words = (0..<(index % 4 == 0 ? 90_000 : 400)).map { _ in generator.next() }
            return words.withUnsafeMutableBytes { Data($0) }
        }
        let (sha256, size) = try ZipArchive.write(names: names, to: target, buildTime: TestSite.now) {
            ZipArchive.Entry(contents[$0], deflate: true)
        }
        let written = try Data(contentsOf: target)
        #expect(written.count > 5 << 20 && size == written.count)
        #expect(sha256 == Digest.sha256(written))
        let archive = try ZipReader(url: target)
        #expect(archive.list.map(\.name) == names)
    }

    /// Pieces given to the background hasher are hashed in the order given, whatever their
    /// sizes (the first one empty).
    @Test func theBackgroundHasherHashesThePiecesInOrder() {
        let pieces: [[UInt8]] = (0..<200).map { index in
            (0..<(index * 37 % 5_000)).map { UInt8(truncatingIfNeeded: $0 &* index) }
        }
        // One piece ahead at most: the writer waits for the hash of each piece before the next.
        for ahead in [1, 4] {
            let hasher = BackgroundHasher(ahead: ahead)
            for piece in pieces { hasher.update(piece) }
            #expect(hasher.finalize() == Digest.sha256(Data(pieces.joined())), "ahead \(ahead)")
        }
    }
}

@Suite struct StateLinePathTests {
    /// A path as a state file's line holds it (escaped) is looked up as the path itself:
    /// tabs, line ends, backslashes, spaces and letters beyond ASCII; "" is the folder; a
    /// file is not a folder, nor a folder a file; a zero byte names nothing.
    @Test func anEscapedPathIsLookedUpAsThePathItself() throws {
        let folder = try makeTemporaryFolder("terbuka-stamp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["biasa.html", "tab\tdi\ttengah", "baris\nbaru\rkembali", "miring \\ dan \\t", "é ü.txt", "\\"]
        for name in names { try Data(name.utf8).write(to: folder.appendingPathComponent(name)) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub\tfolder"), withIntermediateDirectories: true)
        let root = try #require(FileStamp.Folder(folder.path))
        for name in names {
            let escaped = ArraySlice(BuildState.escape(name).utf8)
            let found = try #require(root.entry(escaped: escaped, folder: false), "\(name)")
            let plain = try #require(root.entry(name, folder: false))
            #expect(found.stamp == plain.stamp && found.mode == plain.mode, "\(name)")
            #expect(root.entry(escaped: escaped, folder: true) == nil, "\(name)")
        }
        let sub = ArraySlice(BuildState.escape("sub\tfolder").utf8)
        #expect(root.entry(escaped: sub, folder: true)?.stamp == root.entry("sub\tfolder", folder: true)?.stamp)
        #expect(root.entry(escaped: sub, folder: false) == nil)
        #expect(root.entry(escaped: [], folder: true)?.stamp == FileStamp.ofFolder(folder.path))
        // The escape was read as what it stands for: no file is named by the escape itself.
        #expect(root.entry("tab\\tdi\\ttengah", folder: false) == nil)
        #expect(root.entry(escaped: ArraySlice("tidak-ada".utf8), folder: false) == nil)
        // A backslash before any other letter stands for that letter (as BuildState.unescape
        // reads it), one beyond ASCII too; a lone one at the end stands for nothing.
        #expect(root.entry(escaped: ArraySlice("\\é ü.txt".utf8), folder: false)?.stamp == found("é ü.txt"))
        #expect(root.entry(escaped: ArraySlice("biasa.htm\\l".utf8), folder: false)?.stamp == found("biasa.html"))
        #expect(root.entry(escaped: ArraySlice("biasa.html\\".utf8), folder: false)?.stamp == found("biasa.html"))
        // A zero byte, first or later, names no file and never the folder.
        for path in ["\0", "\0biasa.html", "biasa.html\0", "biasa\0.html"] {
            #expect(root.entry(escaped: ArraySlice(path.utf8), folder: false) == nil, "\(path.debugDescription)")
            #expect(root.entry(escaped: ArraySlice(path.utf8), folder: true) == nil, "\(path.debugDescription)")
        }
        #expect(root.entry("\0biasa.html", folder: true) == nil)
        func found(_ name: String) -> FileStamp? { root.entry(name, folder: false)?.stamp }
    }
}

@Suite struct ZipLimitTests {
    @Test func moreThan65535EntriesAreWrittenAsZIP64AndReadBack() throws {
        let folder = try makeTemporaryFolder("terbuka-zip64")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("situs.zip")
        #expect(FileManager.default.createFile(atPath: target.path, contents: nil))
        let names = (0..<66_000).map { "files/\($0).txt" }
        try ZipArchive.write(names: names, to: target, buildTime: TestSite.now) { Data("\($0)".utf8) }
        let check = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                """
                import sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                names = z.namelist()
                assert len(names) == 66000, len(names)
                assert z.testzip() is None
                assert z.read("files/65999.txt") == b"65999"
                print("ok")
                """, target.path,
            ])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("ok"))
        let unzip = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["unzip", "-tq", target.path])
        #expect(unzip.status == 0, "\(unzip.output)")
    }
}

@Suite struct YAMLLimitTests {
    @Test func nestedAliasesAreStoppedAtTheLimitWithOneError() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        var lines = [TestSite.siteYML, #"l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for level in 1...9 {
            lines.append(
                "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]")
        }
        try site.write("content/site.yml", lines.joined(separator: "\n") + "\n")
        let errors = await site.errors()
        #expect(
            errors == [
                "content/site.yml:1:1: error: the YAML holds more than 100000 values once its aliases are expanded (content files need no anchors or aliases (&name, *name): write the values out)"
            ])
    }

    @Test(arguments: [100, 5_000])
    func deepNestingIsAnErrorNotACrash(depth: Int) async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/pages/tentang.md",
            "---\ntitle: Tentang\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                + "\n---\n")
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.contains("nested more deeply than 64 levels") == true, "\(errors)")
        #expect(errors.first?.contains("yaml_") == false)
    }
}

@Suite struct LongTextTests {
    @Test func aNameAsLongAsAnExcelCellBuildsAndALongerOneIsRefusedAtItsCell() async throws {
        let long = String(repeating: "ANI BUDI ", count: 3_600)
        let csv =
            "participant,name,formation,twk,tiu,tkp\n2024000000001,\(long),U1,100,100,200\n2024000000002,\(long)\(long),U1,100,100,200\n"
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.csv:3:15: error: column B (name): this cell holds 64800 characters; a table cell may hold at most 32767"
            ])
        try site.site.write(
            "content/vacancies/cpns-2024/results/skd.csv",
            "participant,name,formation,twk,tiu,tkp\n2024000000001,\(long),U1,100,100,200\n")
        let report = await site.site.build()
        #expect(report.succeeded)
    }
}

@Suite struct LookupLimitTests {
    @Test func manyRowsSharingOneVeryLongWordBuild() async throws {
        let word = String(repeating: "A", count: 30_000)
        let rows = (1...6).map { "202400000000\($0),\(word),U1,100,100,\(200 + $0)\n" }.joined()
        let site = try ResultsSite(tables: [("skd", "participant,name,formation,twk,tiu,tkp\n" + rows)])
        defer { site.cleanUp() }
        let report = await site.site.build()
        #expect(report.succeeded)
    }

    /// A name's words for the lookup: lower-case letter runs of at least three letters, cut
    /// to 48, each once, in order; checked against that rule written plainly, on names with
    /// long words, repeats, digits, punctuation and letters outside ASCII.
    @Test func aNamesWordsAreItsLetterRunsLowerCasedCutAndEachOnce() {
        func expected(_ name: String) -> [String] {
            var result: [String] = []
            for run in name.lowercased().unicodeScalars.split(whereSeparator: { !$0.properties.isAlphabetic })
            where run.count >= LookupData.minimumNameLetters {
                let word = String(String.UnicodeScalarView(run.prefix(LookupData.maximumNameLetters)))
                if !result.contains(word) { result.append(word) }
            }
            return result
        }
        var generator = SeededGenerator(seed: 48)
        let pieces = [
            "ANI", "Budi", "NUR", "Nur", "si", "A", "muhammad", " ", "  ", "-", ".", "'", "7", "2024", ",",
            // Next to the letters in ASCII: none is a letter, with its case bit set or not.
            "@", "[", "`", "{", "_",
            String(repeating: "Z", count: 47), String(repeating: "q", count: 48), String(repeating: "W", count: 60),
            String(repeating: "k", count: 100) + "X",
        ]
        for _ in 0..<2_000 {
            let name = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(LookupData.words(name) == expected(name), "\(name)")
        }
        #expect(LookupData.words("Ñoño PUTU Çağrı") == expected("Ñoño PUTU Çağrı"))
        #expect(LookupData.words("SITI NURHALIZA, S.Pd.") == ["siti", "nurhaliza"])
    }
}

@Suite struct ControlCharacterTests {
    @Test func aControlCharacterInAFileIsRefusedAtItsPlaceAndNeverPrintedRaw() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/announcements/ralat.md",
            "---\ntitle: Ralat\ndate: 2024-08-26\ncategory: \"\u{1B}]0;PWNED\u{07}\"\n---\nIsi.\n")
        let errors = await site.errors()
        #expect(
            errors == [
                "content/announcements/ralat.md:4:12: error: the file holds the control character U+001B (ESC), which no page may show (delete it: such characters come in when text is copied from a PDF, a terminal or another program)"
            ])
        try site.write("content/pages/\u{1B}]0;x\u{07}.md", "---\ntitle: X\n---\n")
        let (status, output) = try CommandLineTests.run(["check", "--site", site.root.path])
        #expect(status == 1)
        #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(output.contains("\\u{1B}]0;x\\u{7}"))
    }

    @Test func aControlCharacterInATableCellIsAnErrorAtTheCell() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\n2024000000001,AN\u{0}I,U1,100,100,200\n")
        ])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.csv:2:15: error: column B (name): this cell holds the control character U+0000 (NUL), which no page may show (delete it: such characters come in when text is copied from a PDF, a terminal or another program)"
            ])
    }

    /// DEL, a C1 control (two bytes in UTF-8), a control inside a quoted cell: each is
    /// refused at its cell as a NUL is.
    @Test(arguments: [("AN\u{7F}I", "U+007F (DEL)"), ("AN\u{85}I", "U+0085"), ("\"AN\u{1}I\"", "U+0001")])
    func anyControlCharacterInATableCellIsAnErrorAtTheCell(name: String, named: String) async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\n2024000000001,\(name),U1,100,100,200\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:2:15: error: column B (name): this cell holds the control character \(named), which no page may show (delete it: such characters come in when text is copied from a PDF, a terminal or another program)"
            ])
    }

    /// In the last cell of a file without a last line break (read byte by byte, not on the
    /// reader's fast path), a control character is refused at its cell all the same.
    @Test func aControlCharacterInTheLastCellOfAFileWithoutALastLineBreakIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\n2024000000001,ANI,U1,100,100,2\u{1}")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:2:30: error: column F (tkp): this cell holds the control character U+0001, which no page may show (delete it: such characters come in when text is copied from a PDF, a terminal or another program)"
            ])
    }

    /// A double-quoted YAML value's escapes write characters the file itself could not
    /// hold: refused at the value, as in the file. (U+0001 also begins the marker of a value
    /// spliced into a page, SplicedText.)
    @Test(arguments: ["\\x01", "\\u0001", "\\e"])
    func aControlCharacterWrittenWithAYAMLEscapeIsAnErrorAtTheValue(escape: String) async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/announcements/ralat.md",
            "---\ntitle: \"Ralat\(escape)terbuka&spliced0\(escape)\"\ndate: 2024-08-26\n\"catatan\(escape)\": x\n---\nIsi.\n"
        )
        let errors = await site.errors()
        let name = escape == "\\e" ? "U+001B (ESC)" : "U+0001"
        #expect(
            errors.filter { $0.contains("with an escape") } == [
                "content/announcements/ralat.md:2:8: error: this value writes the control character \(name) with an escape, and no page may show it (delete that escape (such as \\x01 or \\u0001) from the quoted value)",
                "content/announcements/ralat.md:4:1: error: this value writes the control character \(name) with an escape, and no page may show it (delete that escape (such as \\x01 or \\u0001) from the quoted value)",
            ], "\(errors)")
    }

    @Test func characterReferencesInMarkdownDoNotPutControlsIntoAnyOutput() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/announcements/ralat.md", "---\ntitle: Ralat\ndate: 2024-08-26\n---\nA&#27;B&#xFFFE;C&#0;D\n")
        let report = await site.build()
        #expect(report.succeeded)
        for path in FileListing.files(under: site.output) where !path.hasSuffix(".zip") {
            let text = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.unicodeScalars.contains(where: ControlCharacters.isForbidden), "\(path)")
        }
        let page = try String(
            contentsOf: site.output.appendingPathComponent("pengumuman/ralat/index.html"), encoding: .utf8)
        #expect(page.contains("A\u{FFFD}B\u{FFFD}C\u{FFFD}D"))
    }
}

@Suite struct SpecialFileTests {
    @Test func aPageThatLinksOutsideContentIsNotPublished() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("secret.md", "---\ntitle: Rahasia\n---\nJangan terbit.\n")
        try site.remove("content/pages/tentang.md")
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/pages/tentang.md"),
            withDestinationURL: site.root.appendingPathComponent("secret.md"))
        let errors = await site.errors()
        #expect(
            errors == [
                "content/pages/tentang.md:1:1: error: 'content/pages/tentang.md' is a symbolic link to a place outside content/; copy the file itself into content/"
            ])
    }

    @Test func aResultTableThatLinksOutsideContentIsRefused() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\n2024000000001,ANI,U1,100,100,200\n")
        ])
        defer { site.cleanUp() }
        let table = "content/vacancies/cpns-2024/results/skd.csv"
        try site.site.write(
            "elsewhere.csv", "participant,name,formation,twk,tiu,tkp\n2024000000001,ANI,U1,100,100,200\n")
        try site.site.remove(table)
        try FileManager.default.createSymbolicLink(
            at: site.site.root.appendingPathComponent(table),
            withDestinationURL: site.site.root.appendingPathComponent("elsewhere.csv"))
        let errors = await site.errors()
        #expect(
            errors.contains(
                "\(table):1:1: error: '\(table)' is a symbolic link to a place outside content/; copy the file itself into content/"
            ))
    }

    @Test func aFIFOAndADanglingLinkInFilesAreNamedAndDoNotHang() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(mkfifo(site.root.appendingPathComponent("content/files/pipa").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/files/hilang.pdf").path,
            withDestinationPath: "tidak-ada.pdf")
        let errors = await site.errors()
        #expect(
            errors == [
                "content/files/hilang.pdf:1:1: error: 'content/files/hilang.pdf' is a symbolic link to nothing (its target does not exist)",
                "content/files/pipa:1:1: error: 'content/files/pipa' is a named pipe (FIFO), not a file",
            ])
    }
}

@Suite struct BaseURLTests {
    @Test(arguments: [
        "https://x/\"><script>alert(1)</script>/", "https://seleksi.contoh.go.id/?a=1", "javascript:alert(1)",
        "https://seleksi contoh/",
    ])
    func anAddressThatIsNotAFolderIsOneErrorAndNothingMore(url: String) async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/site.yml",
            TestSite.siteYML.replacingOccurrences(
                of: "base_url: https://seleksi.contoh.go.id/", with: "base_url: '\(url)'"))
        let messages = await site.messages()
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.contains("error: base_url '") == true)
        #expect(messages.first?.contains("is not the absolute http(s) address of a folder") == true)
    }
}

@Suite struct LinkSafetyTests {
    @Test func anImageWithAScriptAddressBecomesItsDescription() {
        let html = Markdown.html("![denah lokasi](javascript:alert(1)) ![foto](data:image/png;base64,AAAA)")
        #expect(html.contains("denah lokasi"))
        #expect(!html.contains("src=\"\""))
        #expect(!html.lowercased().contains("javascript"))
        #expect(html.contains("src=\"data:image/png;base64,AAAA\""))
    }

    /// Found by fuzz-markdown: an unsafe image inside another's description was freed with
    /// the outer one, then read (SIGSEGV).
    @Test func unsafeImagesInsideUnsafeImagesAndLinksInsideThemBecomeText() {
        let nested = Markdown.html("![![dalam](data:x) luar](data:y)")
        #expect(nested.contains("dalam luar"))
        #expect(!nested.contains("<img"))
        let linked = Markdown.html("![foo [br](/url)](data:/url1)")
        #expect(linked.contains("foo br"))
    }

    @Test func aContactEmailMustBeOneAddress() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", TestSite.siteYML + "\ncontact:\n  email: \"<a>@x\"\n")
        let errors = await site.errors()
        #expect(
            errors == [
                "content/site.yml:6:10: error: contact email '<a>@x' is not an e-mail address (one address, for example bkpsdm@kupangkota.go.id)"
            ])
    }
}

@Suite struct FileCountLimitTests {
    @Test func aSiteWithMoreFilesThanTheLimitIsOneErrorAtContent() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        for index in 0..<4 { try site.write("content/files/f\(index).pdf", "%PDF") }
        var loader = ContentLoader(siteRoot: site.root)
        loader.fileLimit = 6
        var diagnostics = Diagnostics()
        _ = loader.load(into: &diagnostics)
        #expect(
            diagnostics.all.map(\.formatted) == [
                "content:1:1: error: content/ holds 10 files; a site may have at most 6 (move old rounds into a site of their own)"
            ])
    }
}

extension SiteArchiveTests {
    /// Above 200,000 result rows the site is published without the offline archive, and a
    /// table that long without its workbook: no such file is written, listed in
    /// SHA256SUMS or linked from a page; the CSV carries every row. (The limits themselves:
    /// `theSiteIsOfferedAsOneZipUpToItsRowLimit`, `aTableUpTo200000RowsGetsItsWorkbook`.)
    @Test func aSiteOfMoreThanTwoHundredThousandRowsHasNoArchiveAndTheLongTableNoWorkbook() async throws {
        let rows = SiteIndex.zipRowLimit + 1
        #expect(!ResultWorkbook.isWritten(rows: rows))
        var csv = "participant,name,formation,twk,tiu,tkp\n"
        csv.reserveCapacity(rows * 32)
        for row in 0..<rows { csv += "P\(row),PESERTA \(row),U1,\(row % 31 * 5),\(row % 36 * 5),\(45 + row % 181)\n" }
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        let report = await site.site.build()
        #expect(report.succeeded, "\(report.diagnostics.sorted.map(\.formatted))")
        let output = site.site.output
        let (table, workbook) = (
            Route.resultData("cpns-2024", .skd, "csv"), Route.resultData("cpns-2024", .skd, "xlsx")
        )
        let exists = { (path: String) in
            FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
        }
        #expect(!exists(Route.zip))
        #expect(!exists(workbook))
        let written = try Data(contentsOf: output.appendingPathComponent(table))
        #expect(written.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } == rows + 1)
        let sums = try String(contentsOf: output.appendingPathComponent(Route.sums), encoding: .utf8)
        #expect(!sums.contains(Route.zip) && !sums.contains(workbook) && sums.contains(table))
        // Every page, among them the results' first page, which links the CSV.
        var linkingTheTable = 0
        for case let url as URL in FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)!
        where url.pathExtension == "html" {
            let html = try String(contentsOf: url, encoding: .utf8)
            #expect(!html.contains(Route.zip) && !html.contains("skd.xlsx"), "\(url.path)")
            if html.contains("skd.csv") { linkingTheTable += 1 }
        }
        #expect(linkingTheTable > 0)
    }

    @Test func aTableUpTo200000RowsGetsItsWorkbook() {
        #expect(ResultWorkbook.isWritten(rows: 200_000))
        #expect(!ResultWorkbook.isWritten(rows: 200_001))
        #expect(ResultWorkbook.isWritten(rows: 0))
    }
}

/// Two names of one folder that are the same text in other bytes (Unicode NFC and NFD):
/// Linux keeps both files, every table keyed by path took them for one.
@Suite struct NameTwinTests {
    static let composed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"

    /// Writes the file `path(spelling, tag)` with the composed spelling and tag "a", and
    /// with the decomposed one and tag "b"; each holds its tag.
    static func writeTwins(_ site: TestSite, _ path: (String, String) -> String) throws {
        try site.write(path(composed, "a"), "a\n")
        try site.write(path(decomposed, "b"), "b\n")
    }

    @Test func twinNamesAreFoundAfterTheFirstSpellingWhateverTheListingOrder() {
        #expect(Self.composed == Self.decomposed)
        for listing in [[Self.composed, "b", Self.decomposed, "a"], ["a", Self.decomposed, "b", Self.composed]] {
            let sorted = NameTwins.sorted(listing)
            // The decomposed spelling's bytes come first ("e" before the composed letter).
            #expect(
                sorted.map { Array($0.utf8) }
                    == [Self.decomposed, "a", "b", Self.composed].sorted().map { Array($0.utf8) })
            let twins = NameTwins.of(sorted)
            #expect(twins.map { Array($0.name.utf8) } == [Array(Self.composed.utf8)])
            #expect(twins.map { Array($0.first.utf8) } == [Array(Self.decomposed.utf8)])
        }
        #expect(NameTwins.of(NameTwins.sorted([Self.composed, "cafe", "café-2"])).isEmpty)
    }

    @Test func twoAttachmentsNamedAlikeInOtherBytesAreOneErrorAtTheOneLeftOut() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try Self.writeTwins(site) { name, _ in "content/files/\(name).pdf" }
        let errors = await site.errors()
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(
            error.utf8.starts(
                with: "content/files/\(Self.composed).pdf:1:1: error: 'content/files/\(Self.composed).pdf'".utf8))
        #expect(
            error.contains(
                "has the name of another file or folder here, in other bytes: this name writes accented letters as one character (Unicode NFC), the other as a letter and an accent (NFD); it is left out"
            ))
    }

    @Test func hiddenFilesNamedAlikeInOtherBytesAreIgnoredAsHiddenFilesAre() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try Self.writeTwins(site) { name, _ in "content/files/.\(name)" }
        #expect(await site.errors() == [])
    }

    @Test func twoFoldersNamedAlikeInOtherBytesAreOneErrorAtTheFolderLeftOut() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try Self.writeTwins(site) { name, tag in "content/files/\(name)/\(tag).pdf" }
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.utf8.starts(with: "content/files/\(Self.composed):1:1: error:".utf8) == true)
    }

    @Test func twinNamesAtAnyDepthOfRelativePathsAreFoundOnceAtTheShortest() {
        let paths = ["\(Self.composed)/a.css", "\(Self.decomposed)/b.css", "\(Self.decomposed)/a.css", "x.css"]
        #expect(NameTwins.inPaths(paths).map { Array($0.utf8) } == [Array(Self.composed.utf8)])
        #expect(NameTwins.inPaths(["a/\(Self.composed).css", "a/\(Self.decomposed).css"]).count == 1)
        #expect(NameTwins.inPaths(["a/\(Self.composed).css", "b/\(Self.decomposed).css"]).isEmpty)
        #expect(NameTwins.isBelow("\(Self.composed)/a.css", Self.composed))
        #expect(!NameTwins.isBelow("\(Self.composed)x/a.css", Self.composed))
    }

    @Test func theMessageSaysHowTheNameLeftOutWritesItsAccents() {
        #expect(NameTwins.Spelling(of: Self.composed) == .composed)
        #expect(NameTwins.Spelling(of: Self.decomposed) == .decomposed)
        #expect(NameTwins.Spelling(of: Self.composed + Self.decomposed) == .mixed)
        #expect(
            Message.nameTwin("x", .decomposed).text.en.contains(
                "this name writes accented letters as a letter and an accent (Unicode NFD)"))
        #expect(
            Message.nameTwin("x", .composed).text.id.contains(
                "nama ini menulis huruf beraksen sebagai satu karakter (Unicode NFC)"))
    }

    @Test func twinNamesOfFilesNeverReadAreIgnoredAsTheFilesAre() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // Excel's lock files in results/, and names content/ does not know.
        try Self.writeTwins(site) { name, _ in "content/vacancies/cpns-2024/results/~$\(name).xlsx" }
        try Self.writeTwins(site) { name, _ in "content/\(name).txt" }
        #expect(await site.errors() == [])
    }

    @Test func twoThemeFoldersNamedAlikeInOtherBytesAreOneErrorAtTheFolderLeftOut() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try Self.writeTwins(site) { name, tag in "themes/default/assets/\(name)/\(tag).css" }
        let errors = await site.build().diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted)
        #expect(errors.count == 1)
        #expect(errors.first?.utf8.starts(with: "themes/default/assets/\(Self.composed):1:1: error:".utf8) == true)
    }

    @Test func twoThemeAssetsNamedAlikeInOtherBytesAreAnError() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try Self.writeTwins(site) { name, _ in "themes/default/assets/\(name).css" }
        let errors = await site.build().diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted)
        #expect(errors.count == 1)
        #expect(errors.first?.utf8.starts(with: "themes/default/assets/\(Self.composed).css:1:1: error:".utf8) == true)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A result table named by a path of its own (which no listing looks at), with a twin
    /// beside it: the cache's tables by path would take the two for one (before, the build
    /// after an edit of the named one said nothing had changed). The build is a full one.
    @Test(arguments: [true, false])
    func aResultTableWithATwinBesideItIsBuiltAsAFullBuildWouldAfterAnEdit(namingComposed: Bool) async throws {
        let site = try IncrementalBuildTests.DemoCopy()
        defer { site.cleanUp() }
        let vacancy = "content/vacancies/pppk-2026"
        let (named, twin) = namingComposed ? (Self.composed, Self.decomposed) : (Self.decomposed, Self.composed)
        let table = try Data(contentsOf: site.url("\(vacancy)/results/kompetensi.csv"))
        try FileManager.default.removeItem(at: site.url("\(vacancy)/results/kompetensi.csv"))
        try FileManager.default.createDirectory(at: site.url("\(vacancy)/data"), withIntermediateDirectories: true)
        try table.write(to: site.url("\(vacancy)/data/k-\(named).csv"))
        try site.edit(
            "\(vacancy)/index.md", replacing: "file: results/kompetensi.csv", with: "file: data/k-\(named).csv")
        #expect(await site.build().succeeded)
        try table.write(to: site.url("\(vacancy)/data/k-\(twin).csv"))
        // A participant's name changed in the table named: its pages change.
        try site.edit("\(vacancy)/data/k-\(named).csv", replacing: "MADE WULANDARI", with: "MADE WULANDARI PUTRI")
        await IncrementalBuildTests.expectNextBuildGivesTheFullOutput(site)
        #expect(!FileManager.default.fileExists(atPath: site.cache.statePath))
    }

    /// Before: the second build said nothing had changed, and kept the old bytes of the
    /// file edited, unlisted in SHA256SUMS.
    @Test func anIncrementalBuildRefusesTwinsAddedAfterABuildAsAFullBuildDoes() async throws {
        let site = try IncrementalBuildTests.DemoCopy()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let sums = try Data(contentsOf: site.output.appendingPathComponent("SHA256SUMS"))
        try FileManager.default.createDirectory(
            at: site.url("content/files"), withIntermediateDirectories: true)
        try Data("%PDF-1.4 composed\n".utf8).write(to: site.url("content/files/\(Self.composed).pdf"))
        try Data("%PDF-1.4 decomposed\n".utf8).write(to: site.url("content/files/\(Self.decomposed).pdf"))
        await IncrementalBuildTests.expectNextBuildRefusesAsAFullBuild("content/files/", site)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("SHA256SUMS")) == sums)
    }
}

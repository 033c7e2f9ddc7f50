import Foundation
import Testing

@testable import TerbukaCore

/// Messages come from the catalogue in Diagnostics/Catalogue/, each with a stable code, in
/// Indonesian and English; the guide explains every code.
@Suite struct MessageCatalogueTests {
    /// Every code written in the catalogue's files: the codes the program can give.
    static func codesInTheCatalogue() throws -> Set<String> {
        let folder = repositoryRoot.appendingPathComponent("Sources/TerbukaCore/Diagnostics/Catalogue")
        var codes: Set<String> = []
        let pattern = try Regex(#""(T\d{4})""#)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: pattern) { codes.insert(String(text[match.range].dropFirst().dropLast())) }
        }
        return codes
    }

    @Test func everyCodeTheProgramCanGiveIsExplainedOnceWithAnExampleInBothLanguages() throws {
        let codes = try Self.codesInTheCatalogue()
        let explained = CodeExplanation.all.map(\.code)
        #expect(codes.count > 150)
        #expect(Set(explained) == codes)
        #expect(explained.count == Set(explained).count, "a code explained twice")
        for explanation in CodeExplanation.all {
            let example = explanation.example
            #expect(!example.text.id.isEmpty && !example.text.en.isEmpty)
            #expect(example.text.id != example.text.en, "\(explanation.code) has no Indonesian text")
            if let hint = example.hint { #expect(hint.id != hint.en, "\(explanation.code)'s hint has no Indonesian") }
            #expect(!explanation.meaning.isEmpty && !explanation.action.isEmpty)
        }
    }

    @Test func theGuideListsEveryCodeAsTheCatalogueExplainsIt() throws {
        let guide = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/panduan.md"), encoding: .utf8)
        let start = try #require(guide.range(of: "<!-- kode-pesan:mulai -->\n"))
        let end = try #require(guide.range(of: "<!-- kode-pesan:selesai -->"))
        let listed = String(guide[start.upperBound..<end.lowerBound])
        #expect(
            listed == "\n" + CodeGuide.markdown,
            "docs/panduan.md differs from the catalogue: run scripts/update-message-codes.sh")
        for code in try Self.codesInTheCatalogue() {
            #expect(listed.contains("#### \(code)\n"))
        }
    }

    @Test func aLineEndsWithItsCodeInTheLanguageAskedForWhileErrorStaysEnglish() {
        let diagnostic = Diagnostic(
            .error, .unknownKey("ordr", in: .page, known: ["title", "order"]),
            at: SourceLocation(path: "content/pages/tentang.md", line: 3))
        #expect(
            diagnostic.line(in: .id)
                == "content/pages/tentang.md:3:1: error: kunci 'ordr' tidak dikenal di halaman (maksudnya 'order'?) [T0203]"
        )
        #expect(
            diagnostic.line(in: .en)
                == "content/pages/tentang.md:3:1: error: unknown key 'ordr' in a page (did you mean 'order'?) [T0203]")
    }

    @Test func theCellOfATextTableIsNamedInTheLanguageToo() {
        let location = SourceLocation(
            path: "results/skd.csv", line: 2, column: 28, field: TableField(index: 5, header: "TKP"))
        let diagnostic = Diagnostic(.error, .scoreOutOfRange(row: 2, "TKP", 230, maximum: 225), at: location)
        #expect(
            diagnostic.line(in: .id)
                == "results/skd.csv:2:28: error: kolom F (TKP): baris 2: TKP 230 di luar 0–225 [T0621]")
    }

    @Test func theLanguageIsTheFlagThenTheLocaleThenTheSiteThenIndonesian() {
        #expect(Language.forMessages(flag: .en, environment: ["LANG": "id_ID.UTF-8"], site: .id) == .en)
        #expect(Language.forMessages(flag: nil, environment: ["LANG": "en_US.UTF-8"], site: .id) == .en)
        #expect(Language.forMessages(flag: nil, environment: ["LANG": "id_ID.UTF-8"], site: .en) == .id)
        // POSIX order: LC_ALL over LC_MESSAGES over LANG.
        #expect(
            Language.forMessages(flag: nil, environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"], site: nil)
                == .en)
        #expect(
            Language.forMessages(flag: nil, environment: ["LC_MESSAGES": "id_ID", "LANG": "en_US"], site: nil) == .id)
        // A locale that names no language (CI runners' C.UTF-8) leaves it to the site.
        #expect(Language.forMessages(flag: nil, environment: ["LANG": "C.UTF-8"], site: .en) == .en)
        #expect(Language.forMessages(flag: nil, environment: ["LANG": "fr_FR.UTF-8"], site: nil) == .id)
        #expect(Language.forMessages(flag: nil, environment: [:], site: nil) == .id)
    }

    @Test func theSitesFirstLanguageIsReadEvenWhenTheRestOfSiteYMLIsBroken() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", "title: [\nlanguages: [en, id]\n")
        #expect(SiteConfigValidator.declaredLanguage(siteRoot: site.root) == nil)
        try site.write("content/site.yml", TestSite.siteYML + "\nlanguages: [en, id]\nordr: 1\n")
        #expect(SiteConfigValidator.declaredLanguage(siteRoot: site.root) == .en)
        try site.write("content/site.yml", TestSite.siteYML + "\nlanguage: id\n")
        #expect(SiteConfigValidator.declaredLanguage(siteRoot: site.root) == .id)
    }

    /// `check` as staff run it, with the locale of their machine.
    static func check(_ site: TestSite, locale: String, _ extra: [String] = []) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
        environment["LANG"] = locale
        return try runProcess(
            CommandLineTests.executable, ["check"] + extra + ["--site", site.root.path], environment: environment
        ).output
    }

    @Test func checkSpeaksIndonesianOrEnglishByTheLocaleWithTheCode() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\nordr: 2\n---\nIsi.\n")
        let indonesian = try Self.check(site, locale: "id_ID.UTF-8")
        #expect(
            indonesian.contains(
                "content/pages/tentang.md:3:1: error: kunci 'ordr' tidak dikenal di halaman (maksudnya 'order'?) [T0203]\n"
            ))
        #expect(indonesian.contains("pemeriksaan gagal: 1 kesalahan, 0 peringatan"))
        let english = try Self.check(site, locale: "en_US.UTF-8")
        #expect(
            english.contains(
                "content/pages/tentang.md:3:1: error: unknown key 'ordr' in a page (did you mean 'order'?) [T0203]\n"))
        #expect(english.contains("check failed: 1 error, 0 warnings"))
        // --lang wins over the locale.
        #expect(try Self.check(site, locale: "en_US.UTF-8", ["--lang", "id"]).contains("kunci 'ordr' tidak dikenal"))
    }

    @Test func checkAsJSONGivesTheCodeAndTheMessageInTheLanguage() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\nordr: 2\n---\nIsi.\n")
        let output = try runProcess(
            CommandLineTests.executable, ["check", "--format", "json", "--lang", "id", "--site", site.root.path],
            errors: false
        ).output
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let first = try #require((report["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "T0203")
        #expect(first["severity"] as? String == "error")
        #expect(first["message"] as? String == "kunci 'ordr' tidak dikenal di halaman")
        #expect(first["hint"] as? String == "maksudnya 'order'?")
    }

    @Test func explainPrintsTheGuidesSectionAndRefusesAnUnknownCode() throws {
        let (status, output) = try CommandLineTests.run(["explain", "t0203"])
        #expect(status == 0)
        #expect(output.hasPrefix("#### T0203\n"))
        #expect(output.contains("**English:** `unknown key 'ordr' in a page (did you mean 'order'?)`"))
        #expect(try CommandLineTests.run(["explain", "T9999"]).status == 64)
    }

    @Test func theOtherCommandsSpeakTheLanguageToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, output) = try CommandLineTests.run(["verify", "--lang", "id", folder.path])
        #expect(status == 1)
        #expect(output.contains("error: \(folder.path)/SHA256SUMS: tidak ada SHA256SUMS untuk diperiksa"))
        let made = try CommandLineTests.run(["init", "--lang", "id", folder.path])
        #expect(made.output.contains("dibuat: content/site.yml"))
        #expect(made.output.contains("berikutnya: sunting content/site.yml"))
    }
}

import Foundation
import Testing

@testable import TerbukaCore

/// init, new, import sscasn and check --format json, as staff use them.
@Suite struct StaffWorkflowTests {
    /// `check --format json` of a site: the report and its diagnostics.
    static func checkJSON(_ root: URL) throws -> (report: [String: Any], diagnostics: [[String: Any]]) {
        let (_, output) = try runProcess(
            CommandLineTests.executable, ["check", "--format", "json", "--lang", "en", "--site", root.path],
            errors: false)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return (report, report["diagnostics"] as? [[String: Any]] ?? [])
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("terbuka-staff-\(UUID().uuidString)")
    }

    @Test func initThenBuildSucceeds() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, output) = try CommandLineTests.run([
            "init", folder.path, "--title", "Seleksi ASN Kota \"Uji\"", "--timezone", "Asia/Jayapura",
        ])
        #expect(status == 0, "\(output)")
        let report = await SiteBuilder(options: BuildOptions(siteRoot: folder)).build()
        #expect(
            report.diagnostics.all.map(\.formatted) == [
                "content/site.yml:1:1: warning: base_url is not set, so sitemap.xml is not written and feed.xml has relative links; set base_url to the address the site will have"
            ])
        #expect(report.succeeded)
        // The staff note in content/files/ is not published.
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/files/.BACA-SAYA.txt").path))
        #expect(!FileListing.files(under: folder.appendingPathComponent("output")).contains { $0.hasPrefix("files/") })
        let home = try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(home.contains("Seleksi ASN Kota &quot;Uji&quot;"))
        #expect(try CommandLineTests.run(["init", folder.path]).status == 1)
    }

    @Test func newFilesAreValidAsTheyAre() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CommandLineTests.run(["init", folder.path]).status == 0)
        for (kind, slug) in [("vacancy", "pppk-guru"), ("announcement", "ralat-jadwal"), ("page", "kontak")] {
            let (status, output) = try CommandLineTests.run(["new", kind, slug, "--site", folder.path])
            #expect(status == 0, "\(output)")
        }
        #expect(try CommandLineTests.run(["new", "page", "kontak", "--site", folder.path]).status == 1)
        #expect(
            try CommandLineTests.run(["new", "page", "Kontak Kami", "--lang", "en", "--site", folder.path]).output
                .contains(
                    "try 'kontak-kami'"))
        // The new vacancy has no formations yet: check says so and nothing else.
        let errors = await SiteBuilder(options: BuildOptions(siteRoot: folder)).check().diagnostics.all.filter {
            $0.severity == .error
        }
        #expect(
            errors.map(\.formatted) == [
                "content/vacancies/pppk-guru/formations.csv:2:1: error: formations.csv lists no formation"
            ])
    }

    @Test func aNewVacancyTakesItsYearAndKindFromTheSlugAndImportReplacesItsEmptyList() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CommandLineTests.run(["init", folder.path]).status == 0)
        #expect(try CommandLineTests.run(["new", "vacancy", "pppk-2024", "--site", folder.path]).status == 0)
        let notice = try String(
            contentsOf: folder.appendingPathComponent("content/vacancies/pppk-2024/index.md"), encoding: .utf8)
        #expect(notice.contains("title: Seleksi PPPK Tahun Anggaran 2024"))
        #expect(notice.contains("kind: pppk"))
        #expect(notice.contains("published: 2024-"))
        // The guide's order: new, then import, without --force.
        let export = folder.appendingPathComponent("export.csv")
        try "jabatan_nm,lokasi_nm,formasi_nm,jumlah_formasi\nGURU AHLI PERTAMA,DINAS PENDIDIKAN,UMUM,2\n".write(
            to: export, atomically: true, encoding: .utf8)
        let imported = try CommandLineTests.run([
            "import", "sscasn", export.path, "--vacancy", "pppk-2024", "--site", folder.path,
        ])
        #expect(imported.status == 0, "\(imported.output)")
        let list = try String(
            contentsOf: folder.appendingPathComponent("content/vacancies/pppk-2024/formations.csv"), encoding: .utf8)
        #expect(list.contains("GURU AHLI PERTAMA"))
        // A list with formations is not replaced without --force.
        #expect(
            try CommandLineTests.run(["import", "sscasn", export.path, "--vacancy", "pppk-2024", "--site", folder.path])
                .status != 0)
    }

    @Test func importNamesTheLevelOnceWhenTheProgrammeStartsWithIt() throws {
        let folder = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("export.csv")
        try
            "jabatan_nm,lokasi_nm,formasi_nm,jumlah_formasi,jenjang_studi,program_studi\nDOSEN,UNIV,UMUM,1,S-2,S-2 MATEMATIKA TERAPAN\nGURU,DINAS,UMUM,1,S-1,PENDIDIKAN FISIKA\n"
            .write(to: export, atomically: true, encoding: .utf8)
        let (csv, _) = try SSCASNImporter.convert(export, displayPath: "export.csv")
        #expect(csv.contains(",S-2 MATEMATIKA TERAPAN,"))
        #expect(!csv.contains("S-2 S-2"))
        #expect(csv.contains(",S-1 PENDIDIKAN FISIKA,"))
    }

    static let conformance = sharedConformance.appendingPathComponent("sscasn-2024")

    @Test(
        needsConformance,
        arguments: [
            "ilmimris-cpns2024/formations-named-agencies.csv", "ilmimris-cpns2024/formations-pemerintah-kota.csv",
            "ilmimris-cpns2024/formations-sample-id0.csv", "ilmimris-cpns2024/formations-edge-cases.csv",
            "yanovaadia-s1-informatika/data_formasi.csv",
        ])
    func importingAnSSCASNExportYieldsFormationsThatBuild(file: String) async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let (csv, report) = try SSCASNImporter.convert(Self.conformance.appendingPathComponent(file), displayPath: file)
        try site.write("content/vacancies/cpns-2024/formations.csv", csv)
        // Kinds outside the preset get passing marks in the notice, as the report asks.
        let passing = report.kindsWithoutPassingMarks.map { "    \($0): {total: 286, tiu: 60}" }.joined(separator: "\n")
        try site.write(
            "content/vacancies/cpns-2024/index.md",
            """
            ---
            title: Seleksi CPNS 2024
            kind: cpns
            published: 2024-08-19
            \(passing.isEmpty ? "" : "scoring:\n  passing:\n\(passing)")
            ---
            Isi.
            """)
        try site.remove("content/announcements/ralat.md")
        let build = await site.build()
        #expect(build.diagnostics.all.filter { $0.severity == .error }.map(\.formatted) == [])
        #expect(report.formations > 0)
        var diagnostics = Diagnostics()
        let content = try #require(
            ContentValidator.validate(
                ContentLoader(siteRoot: site.root).load(into: &diagnostics), includeDrafts: false,
                into: &diagnostics))
        #expect(content.vacancies.first?.formations.count == report.formations)
        #expect(report.rowsRead == report.formations + report.merged)
    }

    @Test(needsConformance) func importingGroupsRowsJoinsProgrammesAndMapsKinds() throws {
        let (csv, report) = try SSCASNImporter.convert(
            Self.conformance.appendingPathComponent("ilmimris-cpns2024/formations-named-agencies.csv"),
            displayPath: "x")
        #expect(report.rowsRead == 51)
        #expect(report.formations == 33)
        #expect(report.kinds["UMUM"] == "umum")
        // SSCASN's 32- and 36-character formasi_id are no codes a person reads: each formation
        // gets a short code (F0001 …), and the id is kept in sscasn_id, the last column.
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",disability,sscasn_id"))
        #expect(lines.dropFirst().filter { !$0.isEmpty }.allSatisfy { $0.hasPrefix("F0") })
        // 4a4b1a5a… (Petugas Transportasi Darat, Semarang) is accepted from two study programmes.
        let line = try #require(lines.first { $0.hasSuffix(",4a4b1a5a-5d7b-4fb1-a1b8-744fb454a6e2") })
        #expect(
            line.contains("D-III ILMU TRANSPORTASI DARAT / Diploma III/Sarjana Muda D-III MANAJEMEN TRANSPORTASI")
                || line.contains(
                    "Diploma III/Sarjana Muda D-III ILMU TRANSPORTASI DARAT / Diploma III/Sarjana Muda D-III MANAJEMEN TRANSPORTASI"
                ))
        // SSCASN's `disable` 1: open to applicants with disabilities, kept.
        #expect(line.hasSuffix(",umum,1,3600000,7200000,ya,4a4b1a5a-5d7b-4fb1-a1b8-744fb454a6e2"))
    }

    /// A result table that names formations by SSCASN's formasi_id finds the formations
    /// imported with short codes, and publishes the short codes.
    @Test func resultsNamingTheSSCASNIDFindTheShortCode() async throws {
        let site = try ResultsSite(
            tables: [
                (
                    "administrasi",
                    "participant,name,formasi_id,status\nA,ANI,8a01849d91446dd80191449b21110bc7,MS\n"
                )
            ],
            formations:
                "code,position,unit,kind,quota,sscasn_id\nF0001,ANALIS,SETDA,umum,1,8a01849d91446dd80191449b21110bc7\n")
        defer { site.cleanUp() }
        #expect(try await site.published("administrasi")["A"]?["formation"] == "F0001")
        let formations = try String(
            contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/formasi.csv"), encoding: .utf8)
        #expect(formations.contains("F0001,ANALIS,SETDA,,umum,1,,,8a01849d91446dd80191449b21110bc7\r\n"))
    }

    @Test(needsConformance) func salariesInMillionsAreWrittenInRupiah() throws {
        let (csv, report) = try SSCASNImporter.convert(
            Self.conformance.appendingPathComponent("yanovaadia-s1-informatika/data_formasi.csv"),
            displayPath: "x")
        #expect(csv.components(separatedBy: "\r\n")[1].hasSuffix(",7970000,8580000"))
        #expect(
            report.unclear.map(\.en).contains(
                "salaries were given in millions of rupiah and are written in rupiah (7.97 → 7970000)"))
        #expect(report.kinds["CPNS Lulusan Terbaik"] == "cumlaude")
    }

    @Test func checkWithJSONFormatPrintsTheDiagnosticsAsJSON() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\nordr: 2\n---\nIsi.\n")
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["check", "--format", "json", "--lang", "en", "--site", site.root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let first = (object["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["path"] as? String == "content/pages/tentang.md")
        #expect(first?["line"] as? Int == 3)
        #expect(first?["severity"] as? String == "error")
        #expect(first?["hint"] as? String == "did you mean 'order'?")
    }

    @Test func checkWithJSONFormatNamesTheCellOfAWorkbook() throws {
        let site = try ResultsSite(
            tables: [],
            workbooks: [
                (
                    "skd",
                    try WorkbookFixture(
                        WorkbookFixture.Sheet(
                            name: "Hasil SKD",
                            rows: [
                                ["NO PESERTA", "NAMA", "KODE FORMASI", "TWK", "TIU", "TKP"],
                                ["2024000000001", "ANI", "U1", 102, 100, 200],
                            ])
                    ).data(), nil
                )
            ])
        defer { site.cleanUp() }
        let first = try Self.checkJSON(site.site.root).diagnostics.first
        #expect(first?["path"] as? String == "content/vacancies/cpns-2024/results/skd.xlsx")
        #expect(first?["sheet"] as? String == "Hasil SKD")
        #expect(first?["cell"] as? String == "Hasil SKD!D2")
        #expect(first?["line"] as? Int == 2)
        #expect(first?["column"] as? Int == 4)
    }

    @Test func aCSVCellIsNamedByItsColumnLetterAndHeaderWhileJSONKeepsTheCharacterOffset() throws {
        let site = try ResultsSite(tables: [
            ("skd", "NO,NO PESERTA,NAMA,KODE FORMASI,TWK,TKP,TIU\n1,2024000000001,ANI,U1,100,230,100\n")
        ])
        defer { site.cleanUp() }
        let (_, text) = try CommandLineTests.run(["check", "--lang", "en", "--site", site.site.root.path])
        #expect(
            text.contains(
                "content/vacancies/cpns-2024/results/skd.csv:2:28: error: column F (TKP): row 2: TKP 230 is outside 0–225"
            ))
        let first = try Self.checkJSON(site.site.root).diagnostics.first
        #expect(first?["column"] as? Int == 28)
        #expect(first?["field"] as? String == "F")
        #expect(first?["header"] as? String == "TKP")
        #expect(first?["message"] as? String == "row 2: TKP 230 is outside 0–225")
    }

    @Test func quietBuildsPrintNothingWhenAllIsWell() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let (status, output) = try CommandLineTests.run(["build", "--quiet", "--site", site.root.path])
        #expect(status == 0)
        #expect(output == "")
    }
}

/// `languages: [id, en]` builds the English interface under en/.
@Suite struct EnglishInterfaceTests {
    @Test func bothInterfacesAreBuiltAndLinkToEachOther() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", TestSite.siteYML + "\nlanguages: [id, en]\n")
        let report = await site.build()
        #expect(report.diagnostics.all.map(\.formatted) == [])
        let english = try String(
            contentsOf: site.output.appendingPathComponent("en/lowongan/cpns-2024/index.html"), encoding: .utf8)
        #expect(english.contains("<html lang=\"en\" data-root=\"../../../\">"))
        #expect(english.contains("<a href=\"../../../en/lowongan/index.html\" aria-current=\"page\">Vacancies</a>"))
        #expect(english.contains("Tuesday, 20 August 2024 at 08:00 WITA to Tuesday, 10 September 2024"))
        #expect(
            english.contains(
                "<a href=\"../../../lowongan/cpns-2024/index.html\" hreflang=\"id\" lang=\"id\">Bahasa Indonesia</a>"))
        // Data and attachments are shared, not copied.
        #expect(english.contains("href=\"../../../data/cpns-2024/formasi.csv\""))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("en/data").path))
        let indonesian = try String(
            contentsOf: site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        #expect(
            indonesian.contains(
                "<a href=\"../../en/lowongan/cpns-2024/index.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(try SiteFiles.brokenLinks(in: site.output) == [])
    }

    @Test func aStringMissingFromOneLanguageIsAnError() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", TestSite.siteYML + "\nlanguages: [id, en]\n")
        let builtIn = try #require(Theme.builtInFolder).appendingPathComponent("default/i18n/en.yml")
        let text = try String(contentsOf: builtIn, encoding: .utf8)
        try site.write(
            "themes/default/i18n/en.yml",
            text.split(separator: "\n").filter { !$0.hasPrefix("nav_schedule:") }.joined(separator: "\n"))
        #expect(
            await site.errors() == [
                "themes/default/i18n/en.yml:1:1: error: missing interface string 'nav_schedule'"
            ])
    }

    /// A string a site's own theme adds to the primary language is needed in the others too.
    @Test func aStringOfTheSitesThemeMissingFromAnotherLanguageIsAnError() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", TestSite.siteYML + "\nlanguages: [id, en]\n")
        let builtIn = try #require(Theme.builtInFolder).appendingPathComponent("default/i18n/id.yml")
        let text = try String(contentsOf: builtIn, encoding: .utf8)
        try site.write("themes/default/i18n/id.yml", text + "\nbanner_extra: Info tambahan\n")
        #expect(
            await site.errors() == [
                "(built-in theme default)/i18n/en.yml:1:1: error: missing interface string 'banner_extra' (it is in id.yml)"
            ])
    }

    /// Every `{{t.key}}` a template names must be in each language: a missing one would
    /// print nothing where the page needs words.
    @Test func aStringATemplateNamesIsRequired() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let builtIn = try #require(Theme.builtInFolder).appendingPathComponent("default/templates/404.mustache")
        let template = try String(contentsOf: builtIn, encoding: .utf8)
        try site.write("themes/default/templates/404.mustache", template + "<p>{{t.not_found_extra}}</p>\n")
        #expect(
            await site.errors() == [
                "(built-in theme default)/i18n/id.yml:1:1: error: missing interface string 'not_found_extra'"
            ])
    }
}

/// SSCASN's `disable`: whether a formation is open to applicants with disabilities.
@Suite struct FormationDisabilityTests {
    @Test func theAttributeIsShownAndPublished() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/formations.csv",
            "code,position,unit,kind,quota,disable\nA1,ANALIS,SETDA,umum,2,1\nA2,PRANATA,KOMINFO,cumlaude,1,0\n")
        #expect(await site.build().succeeded)
        let csv = try String(
            contentsOf: site.output.appendingPathComponent("data/cpns-2024/formasi.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("code,position,unit,education,kind,quota,salary_min,salary_max,disability\r\n"))
        #expect(csv.contains("A1,ANALIS,SETDA,,umum,2,,,true\r\n"))
        #expect(csv.contains("A2,PRANATA,KOMINFO,,cumlaude,1,,,false\r\n"))
        let page = try String(
            contentsOf: site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        #expect(page.contains("<th scope=\"col\">Terbuka bagi penyandang disabilitas</th>"))
        #expect(page.contains("<td>Ya</td>"))
    }

    @Test func aValueThatIsNeitherYesNorNoIsAnError() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/formations.csv",
            "code,position,unit,kind,quota,terbuka_disabilitas\nA1,ANALIS,SETDA,umum,2,mungkin\n")
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/formations.csv:2:24: error: column F (terbuka_disabilitas): disability 'mungkin' is neither yes nor no (write ya or tidak (1 or 0, as SSCASN exports it))"
            ])
    }
}

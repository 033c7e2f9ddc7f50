import Foundation
import Testing

@testable import TerbukaCore

/// Each broken input of the core issue, with its exact message and location.
@Suite struct DiagnosticsTests {
    let site: TestSite

    init() throws { site = try TestSite() }

    @Test func frontMatterThatIsNotYAMLIsReportedAtItsLineInTheFile() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/pages/tentang.md",
            """
            ---
            title: Tentang
            order: [1, 2
            menu: true
            ---
            Isi.
            """)
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(errors.first == "content/pages/tentang.md:4:5: error: invalid YAML: did not find expected ',' or ']'")
    }

    @Test func aMissingClosingLineIsReported() async throws {
        defer { site.cleanUp() }
        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\n\nIsi halaman.\n")
        #expect(
            await site.errors() == [
                "content/pages/tentang.md:1:1: error: front matter opened with '---' on line 1 is never closed (add a line '---' after the last key)"
            ])
    }

    @Test func aMissingRequiredKeyIsReported() async throws {
        defer { site.cleanUp() }
        try site.write("content/announcements/ralat.md", "---\ntitle: Ralat\ncategory: ralat\n---\nIsi.\n")
        #expect(
            await site.errors() == [
                "content/announcements/ralat.md:2:1: error: missing required key 'date' in an announcement"
            ])
    }

    @Test func anUnknownKeyNamesTheNearestKnownKey() async throws {
        defer { site.cleanUp() }
        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\nordr: 2\n---\nIsi.\n")
        #expect(
            await site.errors() == [
                "content/pages/tentang.md:3:1: error: unknown key 'ordr' in a page (did you mean 'order'?)"
            ])
    }

    @Test func aDateThatDoesNotExistIsReported() async throws {
        defer { site.cleanUp() }
        try site.write("content/announcements/ralat.md", "---\ntitle: Ralat\ndate: 2024-02-30\n---\nIsi.\n")
        #expect(
            await site.errors() == [
                "content/announcements/ralat.md:3:7: error: 'date': the date '2024-02-30' does not exist: February 2024 has 29 days"
            ])
    }

    @Test func anUnknownTimeZoneInSiteYMLIsReported() async throws {
        defer { site.cleanUp() }
        try site.write("content/site.yml", "title: Seleksi\nagency: BKPSDM\ntimezone: Asia/Makasar\n")
        #expect(
            await site.errors() == [
                "content/site.yml:3:11: error: unknown time zone 'Asia/Makasar' (did you mean 'Asia/Makassar'?)"
            ])
    }

    @Test func aZoneAbbreviationAsTheSiteZoneSuggestsTheZoneName() async throws {
        defer { site.cleanUp() }
        try site.write("content/site.yml", "title: Seleksi\nagency: BKPSDM\ntimezone: WITA\n")
        #expect(
            await site.errors() == [
                "content/site.yml:3:11: error: unknown time zone 'WITA' (write the zone's name, e.g. 'Asia/Makassar' for WITA)"
            ])
    }

    @Test func aVacancyIDThatIsNotASlugIsReported() async throws {
        defer { site.cleanUp() }
        try FileManager.default.moveItem(
            at: site.root.appendingPathComponent("content/vacancies/cpns-2024"),
            to: site.root.appendingPathComponent("content/vacancies/CPNS 2024"))
        let errors = await site.errors()
        #expect(
            errors.contains(
                "content/vacancies/CPNS 2024:1:1: error: vacancy folder name 'CPNS 2024' is not a slug (lower-case a-z, 0-9 and '-') (rename it to 'cpns-2024')"
            ))
    }

    @Test func twoPagesWritingTheSameURLAreReported() async throws {
        defer { site.cleanUp() }
        try site.write("content/pages/lowongan.md", "---\ntitle: Lowongan\n---\nIsi.\n")
        #expect(
            await site.errors() == [
                "content/pages/lowongan.md:1:1: error: page 'lowongan' would write 'lowongan/index.html', but 'lowongan/' holds the vacancy pages (rename the file, e.g. to 'tentang-lowongan.md')"
            ])
    }

    @Test func anAttachmentThatDoesNotExistIsReported() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/announcements/ralat.md", "---\ntitle: Ralat\ndate: 2024-08-26\nattachments:\n  - ralt.pdf\n---\n")
        #expect(
            await site.errors() == [
                "content/announcements/ralat.md:5:5: error: attachment 'ralt.pdf' does not exist in content/files/ (did you mean 'ralat.pdf'?)"
            ])
    }

    @Test func anAttachmentWithDotDotIsReported() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/announcements/ralat.md",
            "---\ntitle: Ralat\ndate: 2024-08-26\nattachments:\n  - ../site.yml\n---\n")
        #expect(
            await site.errors() == [
                "content/announcements/ralat.md:5:5: error: attachment '../site.yml' points outside content/files/ (copy the file into content/files/ and name it from there)"
            ])
    }

    @Test func anAbsoluteAttachmentPathIsReported() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/announcements/ralat.md",
            "---\ntitle: Ralat\ndate: 2024-08-26\nattachments:\n  - /etc/passwd\n---\n")
        #expect(
            await site.errors() == [
                "content/announcements/ralat.md:5:5: error: attachment '/etc/passwd' must be a path under content/files/, not an absolute path (write it relative to content/files/, e.g. 'ralat-formasi.pdf')"
            ])
    }

    @Test func aSymbolicLinkLeadingOutOfContentIsReported() async throws {
        defer { site.cleanUp() }
        try "rahasia".write(to: site.root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/files/bocor.txt"),
            withDestinationURL: site.root.appendingPathComponent("secret.txt"))
        try site.write(
            "content/announcements/ralat.md", "---\ntitle: Ralat\ndate: 2024-08-26\nattachments:\n  - bocor.txt\n---\n")
        #expect(
            await site.errors() == [
                "content/announcements/ralat.md:5:5: error: attachment 'bocor.txt' is a symbolic link to a file outside content/ (copy the file itself into content/files/)",
                "content/files/bocor.txt:1:1: error: 'content/files/bocor.txt' is a symbolic link to a place outside content/; it is not published",
            ])
    }

    @Test func aFormationsFileWithoutARequiredColumnListsTheAcceptedNames() async throws {
        defer { site.cleanUp() }
        try site.write("content/vacancies/cpns-2024/formations.csv", "code,position,unit,kind\nA1,ANALIS,SETDA,umum\n")
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/formations.csv:1:1: error: missing required column 'quota' (accepted names: quota, kebutuhan, jumlah_kebutuhan, formasi, jumlah_formasi, alokasi)"
            ])
    }

    @Test func aDuplicateFormationCodeIsReportedWithTheFirstLine() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/formations.csv",
            "code,position,unit,kind,quota\nA1,ANALIS,SETDA,umum,1\nA1,PRANATA,KOMINFO,umum,2\n")
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/formations.csv:3:1: error: column A (code): duplicate formation code 'A1' (first on line 2)"
            ])
    }

    @Test func aQuotaOfZeroIsReported() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/formations.csv", "code,position,unit,kind,quota\nA1,ANALIS,SETDA,umum,0\n")
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/formations.csv:2:22: error: column E (quota): quota must be a whole number of at least 1, found '0'"
            ])
    }

    @Test func everyProblemIsReportedInOneRun() async throws {
        defer { site.cleanUp() }
        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\nordr: 2\n---\nIsi.\n")
        try site.write("content/announcements/ralat.md", "---\ntitle: Ralat\ndate: 2024-02-30\n---\nIsi.\n")
        try site.write(
            "content/vacancies/cpns-2024/formations.csv", "code,position,unit,kind,quota\nA1,ANALIS,SETDA,umum,0\n")
        let errors = await site.errors()
        #expect(
            errors.map { $0.split(separator: ":").first.map(String.init) ?? "" } == [
                "content/announcements/ralat.md", "content/pages/tentang.md",
                "content/vacancies/cpns-2024/formations.csv",
            ])
    }
}

@Suite struct MoreDiagnosticsTests {
    let site: TestSite

    init() throws { site = try TestSite() }

    @Test func aFileThatIsNotUTF8SaysWhereAndHowToResave() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/pages/tentang.md",
            Data("---\ntitle: Tentang\n---\nKabupaten Lemb".utf8) + Data([0xE0, 0x20]) + Data("\n".utf8))
        #expect(
            await site.errors() == [
                "content/pages/tentang.md:4:15: error: file is not valid UTF-8 (open it in a text editor or spreadsheet and save it again with the encoding 'UTF-8')"
            ])
    }

    @Test func aCustomStageWithoutATitleIsReported() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/index.md",
            """
            ---
            title: Seleksi CPNS 2024
            kind: cpns
            published: 2024-08-19
            schedule:
              - stage: verifikasi
                start: 2024-08-20
                end: 2024-08-21
            ---
            """)
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/index.md:6:12: error: unknown stage 'verifikasi': a custom stage needs a 'title' (known stages: pengumuman, pendaftaran, seleksi-administrasi, hasil-administrasi, sanggah-administrasi, skd, hasil-skd, sanggah-skd, skb, integrasi, hasil-akhir, sanggah-akhir, drh, usul-nip, seleksi-kompetensi, hasil-kompetensi)"
            ])
    }

    @Test func resultStageNamesAreReadAsTheirScheduleStages() async throws {
        defer { site.cleanUp() }
        try site.writeSchedule([
            "{stage: administrasi, start: 2024-08-20, end: 2024-08-21}",
            "{stage: akhir, start: 2024-12-01, end: 2024-12-02}",
        ])
        let report = await site.check()
        #expect(report.diagnostics.all.filter { $0.severity == .error }.isEmpty)
        let stages = report.site?.content.vacancies.first?.schedule.map(\.stage)
        #expect(stages == ["seleksi-administrasi", "hasil-akhir"])
    }

    @Test func anEndBeforeItsStartIsReported() async throws {
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/index.md",
            """
            ---
            title: Seleksi CPNS 2024
            kind: cpns
            published: 2024-08-19
            schedule:
              - stage: skd
                start: 2024-10-16 08:00
                end: 2024-10-15
            ---
            """)
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/index.md:8:10: error: 'end' (2024-10-15) is before 'start' (2024-10-16 08:00)"
            ])
    }

    @Test func aTemplateErrorIsReportedInTheTemplateFile() async throws {
        defer { site.cleanUp() }
        try site.write("themes/default/templates/page.mustache", "<h1>{{title}}</h1>\n{{#body}}\n<p>{{/bodi}}\n")
        #expect(
            await site.errors() == [
                "themes/default/templates/page.mustache:3:8: error: template error: this closing tag does not match the section it closes"
            ])
    }

    @Test func aResultTableNoNoticeNamesIsAWarning() async throws {
        defer { site.cleanUp() }
        try site.write("content/vacancies/cpns-2024/results/skd.csv", "participant,name,formation\n")
        #expect(
            await site.messages() == [
                "content/vacancies/cpns-2024/results/skd.csv:1:1: warning: result table 'results/skd.csv' is not named in the notice's 'results' and is not published"
            ])
    }
}

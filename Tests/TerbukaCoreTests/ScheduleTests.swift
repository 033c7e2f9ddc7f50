import Foundation
import Testing

@testable import TerbukaCore

/// Schedules in local time: pages, the schedule page, the home page and iCalendar files
/// (checked with an independent parser, PyPI's icalendar).
@Suite struct ScheduleTests {
    struct ParsedCalendar: Decodable {
        struct Event: Decodable, Equatable {
            var uid: String
            var summary: String
            var location: String?
            var start: String
            var end: String
            var allDay: Bool

            enum CodingKeys: String, CodingKey {
                case uid, summary, location, start, end
                case allDay = "all_day"
            }
        }

        var events: [Event]
        var problems: [String]
    }

    /// Parses an ICS file with Tests/ics/check_ics.py (icalendar from PyPI; the test
    /// command installs it).
    static func parse(_ url: URL) throws -> ParsedCalendar {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tests/ics/check_ics.py").path, url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CalendarParseFailed(status: process.terminationStatus) }
        return try JSONDecoder().decode(ParsedCalendar.self, from: data)
    }

    struct CalendarParseFailed: Error { var status: Int32 }

    /// The test site (WITA, built as of 2024-09-01 00:00 UTC) with this schedule.
    static func site(schedule: String, results: String = "") throws -> TestSite {
        let site = try TestSite()
        try site.write(
            "content/vacancies/cpns-2024/index.md",
            """
            ---
            title: Seleksi CPNS 2024
            kind: cpns
            published: 2024-08-19
            schedule:
            \(schedule)
            \(results)
            ---
            Isi.
            """)
        return site
    }

    @Test func aWITATimeIsUTCInTheCalendarAndWITAOnThePage() async throws {
        let site = try Self.site(
            schedule: """
                  - stage: skd
                    start: 2024-10-16 08:00
                    end: 2024-10-16 10:00
                    location: Gedung Kenari, Lantai 2; Ruang 3
                """)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let calendar = try Self.parse(site.output.appendingPathComponent("lowongan/cpns-2024/jadwal.ics"))
        #expect(calendar.problems == [])
        #expect(
            calendar.events == [
                ParsedCalendar.Event(
                    uid: "skd.cpns-2024@seleksi.contoh.go.id",
                    summary: "Seleksi Kompetensi Dasar (SKD) — Seleksi CPNS 2024",
                    location: "Gedung Kenari, Lantai 2; Ruang 3", start: "2024-10-16T00:00:00Z",
                    end: "2024-10-16T02:00:00Z", allDay: false)
            ])
        let html = try String(
            contentsOf: site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        #expect(html.contains("Rabu, 16 Oktober 2024 pukul 08.00 s.d. 10.00 WITA"))
    }

    @Test func explicitZonesAndOffsetsGiveTheSameInstant() async throws {
        let site = try Self.site(
            schedule: """
                  - stage: skd
                    start: 2024-10-16 09:00 WIT
                    end: 2024-10-16T08:00+07:00
                """)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let calendar = try Self.parse(site.output.appendingPathComponent("jadwal.ics"))
        #expect(calendar.events.map(\.start) == ["2024-10-16T00:00:00Z"])
        #expect(calendar.events.map(\.end) == ["2024-10-16T01:00:00Z"])
        let html = try String(contentsOf: site.output.appendingPathComponent("jadwal/index.html"), encoding: .utf8)
        #expect(html.contains("Rabu, 16 Oktober 2024 pukul 09.00 WIT s.d. Rabu, 16 Oktober 2024 pukul 08.00 WIB"))
    }

    @Test func dateOnlyStagesAreAllDayEventsEndingTheDayAfter() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        // The test site's registration: 2024-08-20 08:00 to 2024-09-10 (the end of that day).
        let calendar = try Self.parse(site.output.appendingPathComponent("jadwal.ics"))
        #expect(calendar.events.map(\.start) == ["2024-08-20T00:00:00Z"])
        #expect(calendar.events.map(\.end) == ["2024-09-10T16:00:00Z"])
        let allDay = try Self.site(schedule: "  - stage: pendaftaran\n    start: 2024-08-20\n    end: 2024-09-10\n")
        defer { allDay.cleanUp() }
        #expect(await allDay.build().succeeded)
        let parsed = try Self.parse(allDay.output.appendingPathComponent("jadwal.ics"))
        #expect(parsed.events.map { [$0.start, $0.end] } == [["2024-08-20", "2024-09-11"]])
        #expect(parsed.events.first?.allDay == true)
    }

    @Test func longTextIsEscapedAndFoldedAt75Octets() async throws {
        let site = try Self.site(
            schedule: """
                  - stage: tes-wawancara
                    title: "Wawancara, praktik kerja; dan verifikasi \\\\ dokumen untuk formasi tenaga kesehatan di seluruh puskesmas"
                    start: 2024-10-20
                    end: 2024-10-21
                    note: Bawa KTP asli dan kartu ujian
                """)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let url = site.output.appendingPathComponent("jadwal.ics")
        let calendar = try Self.parse(url)
        #expect(calendar.problems == [])
        #expect(
            calendar.events.first?.summary
                == "Wawancara, praktik kerja; dan verifikasi \\ dokumen untuk formasi tenaga kesehatan di seluruh puskesmas — Seleksi CPNS 2024"
        )
        let text = try String(contentsOf: url, encoding: .utf8)
        // 75 octets, then CRLF and one space; the text's own space follows.
        #expect(
            text.contains("SUMMARY:Wawancara\\, praktik kerja\\; dan verifikasi \\\\ dokumen untuk formasi\r\n  tenaga")
        )
        #expect(text.contains("UID:tes-wawancara.cpns-2024@seleksi.contoh.go.id\r\n"))
    }

    @Test func stagesAreMarkedPastCurrentOrComingAsOfTheBuild() async throws {
        // Built as of 2024-09-01 00:00 UTC (08:00 WITA).
        let site = try Self.site(
            schedule: """
                  - stage: pengumuman
                    start: 2024-08-19
                    end: 2024-08-19
                  - stage: pendaftaran
                    start: 2024-08-20 08:00
                    end: 2024-09-10
                  - stage: skd
                    start: 2024-10-16 08:00
                    end: 2024-10-31 17:00
                """)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let html = try String(contentsOf: site.output.appendingPathComponent("jadwal/index.html"), encoding: .utf8)
        let states = html.components(separatedBy: "<li class=\"stage stage-").dropFirst().map {
            $0.prefix { $0 != "\"" && $0 != " " }
        }
        #expect(states == ["past", "current", "coming"])
        #expect(
            html.contains(
                "Status tahapan menurut waktu situs ini dibuat: <time datetime=\"2024-09-01T08:00:00+08:00\">Minggu, 1 September 2024 pukul 08.00 WITA</time>."
            ))
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Sedang berlangsung: <strong>Pendaftaran</strong></p>"))
        #expect(home.contains("Batas waktu berikutnya: Pendaftaran — berakhir Selasa, 10 September 2024 (akhir hari)"))
    }

    @Test func objectionPeriodsOfPublishedResultsAppearInTheTimeline() async throws {
        let site = try Self.site(
            schedule: "  - stage: skd\n    start: 2024-08-21 08:00\n    end: 2024-08-22 17:00\n",
            results: """
                results:
                  - stage: skd
                    file: results/skd.csv
                    published: 2024-08-30 10:00
                    objection_until: 2024-09-02
                """)
        defer { site.cleanUp() }
        try site.write(
            "content/vacancies/cpns-2024/results/skd.csv",
            "participant,name,formation,twk,tiu,tkp\nA,ANI,A1,100,100,180\n")
        #expect(await site.build().succeeded)
        let html = try String(
            contentsOf: site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        #expect(
            html.contains(
                "<strong>Masa sanggah: Hasil Seleksi Kompetensi Dasar (SKD)</strong><br>Jumat, 30 Agustus 2024 pukul 10.00 WITA s.d. Senin, 2 September 2024"
            ))
        let calendar = try Self.parse(site.output.appendingPathComponent("lowongan/cpns-2024/jadwal.ics"))
        #expect(
            calendar.events.map(\.uid) == [
                "skd.cpns-2024@seleksi.contoh.go.id", "sanggah-skd.cpns-2024@seleksi.contoh.go.id",
            ])
        #expect(calendar.events.last?.end == "2024-09-02T16:00:00Z")
    }

    @Test func anUnknownZoneInAStageTimeIsAnError() async throws {
        let site = try Self.site(
            schedule: "  - stage: skd\n    start: 2024-10-16 08:00 WITE\n    end: 2024-10-16 10:00\n")
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/index.md:7:29: error: 'start': unknown time zone 'WITE' (did you mean 'WITA'?)"
            ])
    }

    @Test func uidsAreStableAcrossBuildsAndDistinctPerStage() async throws {
        let site = try Self.site(
            schedule: """
                  - stage: skd
                    start: 2024-10-16 08:00
                    end: 2024-10-16 10:00
                  - stage: skd
                    start: 2024-10-17 08:00
                    end: 2024-10-17 10:00
                """)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let first = try Self.parse(site.output.appendingPathComponent("jadwal.ics")).events.map(\.uid)
        #expect(await site.build().succeeded)
        let second = try Self.parse(site.output.appendingPathComponent("jadwal.ics")).events.map(\.uid)
        #expect(first == ["skd.cpns-2024@seleksi.contoh.go.id", "skd-2.cpns-2024@seleksi.contoh.go.id"])
        #expect(first == second)
    }
}

@Suite struct ScheduleOrderTests {
    @Test func stagesOfTheSameDayKeepTheOrderTheyWereWrittenIn() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.writeSchedule([
            "{stage: skd, start: 2024-10-16 08:00, end: 2024-10-16 10:00}",
            "{stage: hasil-skd, start: 2024-10-16, end: 2024-10-16}",
            "{stage: pendaftaran, start: 2024-08-20, end: 2024-09-10}",
        ])
        let report = await site.check()
        let vacancy = try #require(report.site?.content.vacancies.first)
        #expect(Timeline.items(for: vacancy).map(\.id) == ["pendaftaran", "skd", "hasil-skd"])
    }
}

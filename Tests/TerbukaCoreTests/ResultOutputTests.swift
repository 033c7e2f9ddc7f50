import Foundation
import Testing

@testable import TerbukaCore

/// What the result pages and data files hold.
@Suite struct ResultOutputTests {
    @Test func publishedDataHasTheContractColumnsInOrder() async throws {
        let site = try ResultsSite(
            tables: [
                (
                    "administrasi",
                    "participant,name,formation,status,reason\nA,ANI,U2,MS,\nB,BUDI,U2,MS,\nC,CICI,U2,TMS,Ijazah tidak sesuai\n"
                ),
                ("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U2,100,100,180\nB,BUDI,U2,90,90,170\n"),
                ("skb", "participant,name,formation,skb\nA,ANI,U2,80\nB,BUDI,U2,90.5\n"),
            ], akhirWithoutFile: true)
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        func header(_ stage: String) throws -> String {
            let text = try String(
                contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/\(stage).csv"), encoding: .utf8)
            return text.components(separatedBy: "\r\n").first ?? ""
        }
        #expect(try header("administrasi") == "participant,name,formation,status,reason")
        #expect(try header("skd") == "participant,name,formation,twk,tiu,tkp,total,rank,status")
        #expect(try header("skb") == "participant,name,formation,skb,status")
        #expect(try header("akhir") == "participant,name,formation,skd,skb,final,rank,status")
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/akhir.json")))
            as? [String: Any]
        #expect(json?["vacancy"] as? String == "cpns-2024")
        #expect(json?["stage"] as? String == "akhir")
        #expect(json?["published"] as? String == "2024-12-01")
        let rows = json?["rows"] as? [[String: Any]]
        #expect(rows?.count == 2)
        // B: 40 % × 350/550 × 100 + 60 % × 90.5 = 79.7545… → 79.755, ranked first.
        #expect((rows?.first?["final"] as? NSNumber)?.doubleValue == 79.755)
    }

    @Test func aCellThatLooksLikeAFormulaIsDefusedInTheCSV() async throws {
        let site = try ResultsSite(tables: [
            ("administrasi", "participant,name,formation,status,reason\nA,=HYPERLINK(\"x\"),U2,TMS,@SUM(A1)\n")
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let text = try String(
            contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/administrasi.csv"), encoding: .utf8)
        #expect(text.contains("A,\"'=HYPERLINK(\"\"x\"\")\",U2,TMS,'@SUM(A1)\r\n"))
    }

    @Test func theResultPageShowsTheAnnouncementObjectionPeriodAndLegend() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp,status\nA,ANI,U1,100,100,180,\nB,BUDI,U1,,,,TH\n")
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let html = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/index.html"),
            encoding: .utf8)
        #expect(
            html.contains("<time datetime=\"2024-11-01T10:00:00+08:00\">Jumat, 1 November 2024 pukul 10.00 WITA</time>")
        )
        #expect(
            html.contains(
                "Sanggahan dapat diajukan sampai <time datetime=\"2024-11-04\">Senin, 4 November 2024 (akhir hari)</time>"
            ))
        #expect(
            html.contains(
                "<dt>P/L</dt><dd>Memenuhi nilai ambang batas dan masuk peringkat untuk mengikuti SKB (lulus SKD)</dd>"))
        #expect(html.contains("<dt>TH</dt><dd>Tidak hadir</dd>"))
        #expect(html.contains("<section class=\"formation\" id=\"f-U1\">"))
        #expect(
            html.contains(
                "<tr><td class=\"num\">1</td><th scope=\"row\">ANI</th><td class=\"num\">380</td><td>P/L</td><td>A</td><td class=\"num\">100</td>"
            ))
    }

    /// Pages, downloads and the lookup read every row's cells into one array each
    /// (`cells(_:into:)`): each row gets its own cells, whatever row came before.
    @Test func rowsReadIntoOneArrayGetTheirOwnCells() async throws {
        let site = try ResultsSite(
            tables: [
                (
                    "skd",
                    "participant,name,formation,twk,tiu,tkp,status\nA,ANI,U1,100,100,180,\nG,GITA,U1,,,,TH\n"
                        + "B,BUDI,U1,95,95,175,\nC,CICI,U1,90,90,170,\nF,FANI,U2,90,90,170,\n"
                ),
                ("skb", CutoffTests.skb),
            ],
            akhirWithoutFile: true)
        defer { site.cleanUp() }
        let results = try await site.results()
        #expect(results.tables.map(\.stage) == [.skd, .skb, .akhir])
        let skd = try #require(results.table(.skd))
        #expect(skd.cells(0) == [100, 100, 180, 380, 1].map(CellValue.integer) + [.text("P/L")])
        let absent = try #require((0..<skd.count).first { skd.participant($0) == "G" })
        #expect(skd.cells(absent) == Array(repeating: .empty, count: 5) + [.text("TH")])
        for table in results.tables {
            var cells: [CellValue] = []
            // Forwards and back: an absent row after a scored one, and the other way.
            for position in Array(0..<table.count) + Array((0..<table.count).reversed()) {
                table.cells(position, into: &cells)
                #expect(cells.count == table.columns.count, "\(table.stage) \(position)")
                var fresh: [CellValue] = []
                table.cells(position, into: &fresh)
                #expect(cells == fresh, "\(table.stage) \(position)")
            }
        }
    }

    /// The rows are put into the page as bytes (SplicedText): a theme that writes them
    /// escaped, or twice, gets what the template engine would have written.
    @Test func aResultsTemplateWritingTheRowsEscapedAndTwiceGetsThemSo() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI <b>,U1,100,100,180\n")
        ])
        defer { site.cleanUp() }
        try site.site.write(
            "themes/default/templates/results.mustache",
            "{{<base}}{{$main}}{{#body}}<div id=\"raw\">{{{sectionsHTML}}}</div><pre>{{sectionsHTML}}</pre>"
                + "{{#sectionsHTML}}<p>{{{.}}}</p>{{/sectionsHTML}}{{/body}}{{/main}}{{/base}}\n")
        #expect(await site.site.build().succeeded)
        let html = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/index.html"),
            encoding: .utf8)
        let row = "<th scope=\"row\">ANI &lt;b&gt;</th>"
        #expect(html.contains("<div id=\"raw\"><section class=\"formation\" id=\"f-U1\">"))
        #expect(html.components(separatedBy: row).count == 3, "the rows raw in the div and the paragraph")
        #expect(html.contains("<pre>&lt;section class=&quot;formation&quot; id=&quot;f-U1&quot;&gt;"))
        #expect(html.contains("&lt;th scope=&quot;row&quot;&gt;ANI &amp;lt;b&amp;gt;&lt;/th&gt;"))
        #expect(!html.contains("\u{1}"))
    }

    /// A table's further pages differ only in their rows, label and neighbours: their
    /// content is rendered once and those spliced in (SplicedText). Each page must still
    /// carry its own.
    @Test func eachFurtherResultPageHasItsOwnRowsLabelAndNeighbours() async throws {
        var csv = "participant,name,formation,twk,tiu,tkp\n"
        for index in 0..<6_000 {
            csv +=
                "\(100_000 + index),PESERTA NOMOR \(index),U2,\(5 * (20 + index % 10)),\(5 * (20 + index % 15)),\(150 + index % 70)\n"
        }
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        let report = await site.site.build()
        #expect(report.succeeded, "\(report.diagnostics.all.map(\.formatted))")
        let folder = site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd")
        let count = SiteFiles.list(folder).count
        #expect(count >= 5)
        // The first page: the directory of the others, no rows, no neighbours.
        let first = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(first.contains("<p>Halaman 1 / \(count)</p>"))
        #expect(first.contains("<a href=\"../../../../lowongan/cpns-2024/hasil/skd/\(count)/index.html\">"))
        #expect(!first.contains("<th scope=\"row\">") && !first.contains("rel=\"prev\""))
        var seen = Set<String>()
        for number in 2...count {
            let html = try String(
                contentsOf: folder.appendingPathComponent("\(number)/index.html"), encoding: .utf8)
            let pages = "../../../../../lowongan/cpns-2024/hasil/skd/"
            #expect(
                html.contains("<p>Halaman \(number) / \(count) · <a href=\"\(pages)index.html\">"), "page \(number)")
            let previous = number == 2 ? "index.html" : "\(number - 1)/index.html"
            #expect(html.contains("<a href=\"\(pages)\(previous)\" rel=\"prev\">"), "page \(number)")
            #expect(
                html.contains("<a href=\"\(pages)\(number + 1)/index.html\" rel=\"next\">") == (number < count),
                "page \(number)")
            let firstRow = try #require(html.range(of: "<th scope=\"row\">")).upperBound
            #expect(seen.insert(String(html[firstRow...].prefix(30))).inserted, "page \(number) repeats rows")
            #expect(!html.contains("\u{1}"))
        }
    }

    /// 30,000 rows in one formation: pages stay under 250 KB and the lookup under 200 KB.
    @Test func largeTablesArePagedAndLookupsStaySmall() async throws {
        var csv = "participant,name,formation,twk,tiu,tkp\n"
        var generator = SeededGenerator(seed: 7)
        let words = [
            "AGUS", "SITI", "BUDI", "DEWI", "MUHAMMAD", "NUR", "YOSEF", "MARIA", "SAPUTRA", "LESTARI", "PRATAMA",
            "TEFA",
        ]
        for index in 0..<30_000 {
            let name =
                "\(words[Int(generator.next() % 12)]) \(words[Int(generator.next() % 12)]) \(words[Int(generator.next() % 12)])"
            csv +=
                "\(100_000 + index),\(name),U2,\(5 * (8 + generator.next() % 22)),\(5 * (8 + generator.next() % 27)),\(110 + generator.next() % 115)\n"
        }
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let folder = site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd")
        let pages = SiteFiles.list(folder)
        #expect(pages.count > 10)
        for page in pages {
            let size = try Data(contentsOf: folder.appendingPathComponent(page)).count
            #expect(size <= 250_000, "\(page) is \(size) bytes")
        }
        let lookup = site.site.output.appendingPathComponent("data/cpns-2024/cari")
        let manifest = try Data(contentsOf: lookup.appendingPathComponent("manifest.js")).count
        let script = try Self.lookupScripts(site.site.output)
        for shard in SiteFiles.list(lookup) where shard != "manifest.js" {
            let size = try Data(contentsOf: lookup.appendingPathComponent(shard)).count
            #expect(manifest + script + size <= 200_000, "\(shard): \(size) bytes")
        }
        #expect(try SiteFiles.brokenLinks(in: site.site.output) == [])
    }

    /// The scripts one lookup loads: the form's and the search's with the answer.
    static func lookupScripts(_ output: URL) throws -> Int {
        try ["assets/lookup.js", "assets/lookup-more.js"].reduce(0) {
            $0 + (try Data(contentsOf: output.appendingPathComponent($1)).count)
        }
    }

    @Test func aLookupStaysSmallWithThousandsOfFormationsAndLongReasons() async throws {
        var formations = "code,position,unit,kind,quota\n"
        for index in 0..<3_000 {
            formations +=
                "F\(index),PENATA KELOLA SISTEM DAN TEKNOLOGI INFORMASI AHLI PERTAMA \(index),DINAS KOMUNIKASI DAN INFORMATIKA,umum,1\n"
        }
        let reason = String(repeating: "Ijazah tidak sesuai kualifikasi pendidikan formasi. ", count: 5)
        var administration = "participant,name,formation,status,reason\n"
        for index in 0..<20_000 {
            administration +=
                "\(300_000 + index),PESERTA NOMOR \(index),F\(index % 3_000),\(index % 2 == 0 ? "TMS" : "MS"),\(index % 2 == 0 ? reason : "")\n"
        }
        let site = try ResultsSite(tables: [("administrasi", administration)], formations: formations)
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let lookup = site.site.output.appendingPathComponent("data/cpns-2024/cari")
        let manifest = try Data(contentsOf: lookup.appendingPathComponent("manifest.js")).count
        // The positions of 3,000 formations are in the shards, not in the manifest.
        #expect(manifest < 20_000, "manifest: \(manifest) bytes")
        let script = try Self.lookupScripts(site.site.output)
        var largest = 0
        for shard in SiteFiles.list(lookup) where shard != "manifest.js" {
            let size = try Data(contentsOf: lookup.appendingPathComponent(shard)).count
            largest = max(largest, size)
            #expect(manifest + script + size <= 200_000, "\(shard): \(size) bytes")
        }
        #expect(largest > 50_000, "the shards are filled, not split to nothing")
        // The estimate that packs them counts the long reasons: no shard far over its budget.
        #expect(largest <= LookupData.shardBudget + LookupData.shardBudget / 10, "largest shard: \(largest) bytes")
    }
}

/// A small deterministic generator for test data (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The Excel download: participant numbers stay text, scores are numbers.
@Suite struct ResultWorkbookTests {
    @Test func theWorkbookKeepsSixteenDigitNumbersAsTextAndScoresAsNumbers() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                "participant,name,formation,twk,tiu,tkp\n2653001000000017,ANI,U1,100,100,180\n2653001000000018,BUDI,U1,90,90,170\n"
            )
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let url = site.site.output.appendingPathComponent("data/cpns-2024/skd.xlsx")
        // Read back by Terbuka's own reader: the cells' kinds as Excel stores them.
        var source = try TableFormat.open(url, sheet: nil)
        var records: [TableRecord] = []
        try source.forEachRecord { record in
            records.append(record)
            return true
        }
        #expect(
            records[0].fields == ["participant", "name", "formation", "twk", "tiu", "tkp", "total", "rank", "status"])
        #expect(records[1].fields[0] == "2653001000000017")
        #expect(records[1].kinds[0] == .text)
        #expect(records[1].kinds[6] == .number)
        #expect(records[1].fields[6] == "380")
        // And by openpyxl, as a spreadsheet program reads it.
        let (status, output) = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-W", "error", "-c",
                "import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1]).active; "
                    + "print([type(v).__name__ for v in next(ws.iter_rows(min_row=2, values_only=True))])",
                url.path,
            ])
        #expect(status == 0, "\(output)")
        #expect(
            output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "['str', 'str', 'str', 'int', 'int', 'int', 'int', 'int', 'str']")
        let html = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/index.html"),
            encoding: .utf8)
        #expect(html.contains("data/cpns-2024/skd.xlsx\">Excel (.xlsx; nomor peserta sebagai teks)</a>"))
    }
}

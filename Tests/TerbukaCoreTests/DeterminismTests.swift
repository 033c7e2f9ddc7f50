import Foundation
import Mustache
import Testing

@testable import TerbukaCore

/// Issue 16: parallel work stays deterministic, the output byte-identical whatever the
/// scheduling.
@Suite struct DeterminismTests {
    /// cmark-gfm shares the table of characters that start an extension's inlines between
    /// parsers; documents finished at once on several threads once lost `~~…~~` now and then
    /// (seen on the demo's correction notice).
    @Test func markdownRenderedOnManyThreadsAtOnceIsAlwaysTheSame() async {
        let source =
            "Kuota ~~1~~ menjadi **2**, lihat https://sscasn.bkn.go.id dan\n\n| a | b |\n|---|---|\n| ~~x~~ | y |\n"
        let expected = Markdown.html(source)
        #expect(expected.contains("<del>1</del>"))
        #expect(expected.contains("<del>x</del>"))
        #expect(expected.contains("<a href=\"https://sscasn.bkn.go.id\">"))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<1_000).map { _ in Markdown.html(source) } }
            }
            var all: [String] = []
            for await part in group { all += part }
            return all
        }
        #expect(results.count == 8_000)
        #expect(results.filter { $0 != expected }.count == 0)
    }
}

/// The chrome of a kind of page is rendered once (PageChrome); pages must come out as
/// rendering each one whole would give.
@Suite struct PageChromeTests {
    @Test func escapingMatchesTheTemplateEngines() throws {
        let template = try MustacheTemplate(string: "{{.}}")
        for text in [
            "Ralat <b>formasi</b> & \"kuota\" 'lama'", "tanpa apa pun", "'\u{301} gabungan", "👩‍👩‍👧 <", "",
            "\u{E000}",
        ] {
            #expect(PageChrome.escape(text) == template.render(text), "\(text)")
        }
    }

    /// The site's own base.mustache: the built-in one with `text` replaced.
    static func changeBase(of site: TestSite, replacing text: String, with replacement: String) throws {
        let base = try String(
            contentsOf: repositoryRoot.appendingPathComponent("themes/default/templates/base.mustache"), encoding: .utf8
        )
        #expect(base.contains(text))
        try site.write("themes/default/templates/base.mustache", base.replacingOccurrences(of: text, with: replacement))
    }

    @Test func aBaseThatWritesTheTitleUnescapedGetsItUnescapedOnEveryPage() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try Self.changeBase(
            of: site, replacing: "<head>\n", with: "<head>\n<meta name=\"raw\" content=\"{{{pageTitle}}}\">\n")
        // Plain titles and titles with an ampersand, in turn: whichever is rendered first,
        // every page must carry its own title as written.
        for number in 1...12 {
            let title = number % 2 == 0 ? "Tom & Jerry \(number)" : "Biasa \(number)"
            try site.write(
                "content/announcements/p\(number).md", "---\ntitle: \(title)\ndate: 2024-08-2\(number % 9)\n---\nIsi.\n"
            )
        }
        #expect(await site.build().succeeded)
        for number in 1...12 {
            let title = number % 2 == 0 ? "Tom & Jerry \(number)" : "Biasa \(number)"
            let html = try String(
                contentsOf: site.output.appendingPathComponent("pengumuman/p\(number)/index.html"), encoding: .utf8)
            #expect(html.contains("<meta name=\"raw\" content=\"\(title)\">"), "p\(number)")
        }
    }

    @Test func aBaseThatReadsThePagesOwnViewKeepsRenderingEachPageWhole() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // A footer naming the announcement's own title: the same for no two pages.
        try Self.changeBase(
            of: site, replacing: "<p class=\"generator\">",
            with: "<p class=\"own\">{{#body}}{{title}}{{/body}}</p><p class=\"generator\">")
        for number in 1...3 {
            try site.write(
                "content/announcements/p\(number).md",
                "---\ntitle: Pengumuman <\(number)> & 'x'\ndate: 2024-08-2\(number)\n---\nIsi.\n")
        }
        #expect(await site.build().succeeded)
        for number in 1...3 {
            let html = try String(
                contentsOf: site.output.appendingPathComponent("pengumuman/p\(number)/index.html"), encoding: .utf8)
            #expect(html.contains("<p class=\"own\">Pengumuman &lt;\(number)&gt; &amp; &#39;x&#39;</p>"))
            #expect(
                html.contains("<title>Pengumuman &lt;\(number)&gt; &amp; &#39;x&#39; — Seleksi ASN Kota Contoh</title>")
            )
        }
    }
}

@Suite struct ParallelTests {
    @Test func everyCountOfItemsKeepsItsOrderAndItsDiagnostics() {
        for count in 0...40 {
            var diagnostics = Diagnostics()
            let result = Parallel.compactMap(Array(0..<count), into: &diagnostics) { number, diagnostics -> Int? in
                if number % 3 == 0 {
                    diagnostics.warning(.expiresBeforeDate, at: SourceLocation(path: "\(number).md"))
                    return nil
                }
                return number * 2
            }
            #expect(result == (0..<count).filter { $0 % 3 != 0 }.map { $0 * 2 })
            #expect(diagnostics.all.map(\.location.path) == (0..<count).filter { $0 % 3 == 0 }.map { "\($0).md" })
        }
    }

    /// Every count of items, chunks that do not divide it included, with outputs that hold
    /// references (each put in its place once, never copied over another).
    @Test func mapGivesEveryItemsOutputInItsPlace() {
        for count in Array(0...40) + [1_001, 10_007] {
            let items = Array(0..<count)
            #expect(Parallel.map(items) { String($0) } == items.map { String($0) }, "\(count)")
        }
    }

    @Test func runsVisitEveryIndexOnceInRunsThatTileTheRangeInOrder() {
        for count in [0, 1, 2, 7, 8, 9, 100, 1_001] {
            for parallelFrom in [0, .max] {
                let runs = Parallel.runs(count, parallelFrom: parallelFrom) { $0 }
                #expect(runs.flatMap { Array($0) } == Array(0..<count), "\(count), from \(parallelFrom)")
                if parallelFrom == .max { #expect(runs == [0..<count]) }
            }
        }
    }

    @Test func turnsGiveEveryIndexOnceToTasksTakingThemAtOnce() {
        for count in [0, 1, 7, 5_000] {
            let turns = Turns(count)
            // Each task keeps what it took, in its order.
            let taken = Parallel.indices(4) { _ in Array(turns) }
            #expect(taken.flatMap { $0 }.sorted() == Array(0..<count), "\(count)")
            for indices in taken { #expect(indices == indices.sorted()) }
            #expect(turns.take() == nil)
        }
        #expect(Array(Turns(3)) == [0, 1, 2])
    }

    @Test func workStartedApartIsDoneWhenWaitReturns() {
        final class Box: @unchecked Sendable { var value = 0 }
        for _ in 0..<50 {
            let box = Box()
            let started = Parallel.started {
                Thread.sleep(forTimeInterval: 0.001)
                box.value = 42
            }
            started.wait()
            #expect(box.value == 42)
        }
    }

    @Test func bothGivesEachPieceOfWorkItsOwnResult() {
        for _ in 0..<200 {
            let (text, numbers) = Parallel.both({ String(repeating: "a", count: 1000) }, { Array(0..<1000) })
            #expect(text.count == 1000 && numbers.last == 999)
        }
    }
}

/// Work split over the cores for long tables gives what one thread gives.
@Suite struct ParallelOrderTests {
    /// Rows over formations of very different sizes, with many ties on the key.
    private static func table(rows: Int, formations: Int) -> (formation: [Int32], key: [Int], list: [Formation]) {
        var generator = SeededGenerator(seed: UInt64(rows * 31 + formations))
        let list = (0..<formations).map {
            Formation(code: "F\($0)", position: "P", unit: "U", education: nil, kind: "umum", quota: 1, line: $0 + 2)
        }
        // Skewed: a few formations hold most rows, some none.
        let formation = (0..<rows).map { _ in
            Int32(
                min(
                    formations - 1,
                    Int(Double(Int.random(in: 0..<formations * formations, using: &generator)).squareRoot())))
        }
        let key = (0..<rows).map { _ in Int.random(in: 0..<50, using: &generator) }
        return (formation, key, list)
    }

    @Test func formationsSortedOnEveryCoreComeOutAsOnOne() {
        for (rows, formations) in [(1, 1), (7, 3), (5_000, 40), (20_000, 900)] {
            let table = Self.table(rows: rows, formations: formations)
            func order(parallelFrom: Int) -> (order: [Int32], ranges: [(Formation, Range<Int>)]) {
                Grouping.order(
                    count: rows, formations: table.list, formation: { table.formation[$0] },
                    before: { a, b in table.key[a] != table.key[b] ? table.key[a] > table.key[b] : a < b },
                    parallelFrom: parallelFrom)
            }
            let serial = order(parallelFrom: .max)
            let parallel = order(parallelFrom: 0)
            #expect(parallel.order == serial.order)
            #expect(parallel.ranges.map(\.1) == serial.ranges.map(\.1))
            // Ties left to the sort (the key alone) come out the same too.
            let byKeyAlone = [Int.max, 0].map { parallelFrom in
                Grouping.order(
                    count: rows, formations: table.list, formation: { table.formation[$0] },
                    before: { table.key[$0] > table.key[$1] }, parallelFrom: parallelFrom
                ).order
            }
            #expect(byKeyAlone[0] == byKeyAlone[1])
            // And it is the order asked for: by formation, then by key, then by row.
            let expected = (0..<rows).sorted {
                (table.formation[$0], -table.key[$0], $0) < (table.formation[$1], -table.key[$1], $1)
            }
            #expect(parallel.order.map(Int.init) == expected)
        }
    }

    @Test func rowsPutInOrderOnEveryCoreLieAtTheirPositions() {
        for count in [0, 1, 7, Parallel.parallelFrom + 1_001] {
            var generator = SeededGenerator(seed: UInt64(count) + 17)
            let order = (0..<count).map(Int32.init).shuffled(using: &generator)
            // Strings on the heap as well as small ones: each moved with its own references.
            let rows = (0..<count).map { "row \($0) " + String(repeating: "x", count: $0 % 40) }
            let placed = Grouping.inOrder(rows, order)
            #expect(placed == order.map { rows[Int($0)] })
        }
    }

    @Test func wordShardsGatheredOnEveryCoreComeOutAsOnOne() {
        // Common words in every run, rare ones first met in a later run, names not in ASCII,
        // and words too common for one shard (their keys truncated).
        let names = [
            "ANI", "BUDI SANTOSO", "SITI NURHALIZA", "BUDI", "ANDI BUDIMAN", "SANTI", "NUR AINI", "ÉLISE ÇAKIR",
        ]
        let entries = (0..<3_000).map {
            names[$0 % names.count] + " " + names[($0 * 7 + 3) % names.count] + ($0 > 2_500 ? " WULAN\($0 % 5)X" : "")
        }
        func shards(parallelFrom: Int) -> WordShards {
            WordShards(
                words: { LookupData.words(entries[$0]) }, sizes: entries.map { $0.utf8.count + 40 }, budget: 4_000,
                minimumLetters: 3, parallelFrom: parallelFrom)
        }
        let serial = shards(parallelFrom: .max)
        let parallel = shards(parallelFrom: 0)
        #expect(parallel.keys.map(\.json) == serial.keys.map(\.json))
        #expect(parallel.shards == serial.shards)
        #expect(serial.shards.count > 1)
        #expect(serial.keys.contains { $0.truncated } && serial.keys.contains { $0.key.hasPrefix("wul") })
    }
}

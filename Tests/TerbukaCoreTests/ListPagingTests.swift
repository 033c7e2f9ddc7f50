import Foundation
import Testing

@testable import TerbukaCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 16: pages that stay light at any size. Lists split into pages within the 60 KB
/// page budget, page links that work from disk, the newest 50 entries in the feed, and a
/// site search that loads its keys and one shard.
@Suite struct ListPagingTests {
    /// The TestSite with `announcements` more announcements (every seventh expired, so
    /// archived) and a second vacancy of `formations` formations.
    static func largeSite(announcements: Int, formations: Int) throws -> TestSite {
        let site = try TestSite()
        for number in 0..<announcements {
            let day = 1 + number % 28
            let expires = number % 7 == 0 ? "expires: 2024-08-30\n" : ""
            try site.write(
                "content/announcements/p\(String(format: "%04d", number)).md",
                "---\ntitle: Pengumuman seleksi \(number) tentang formasi kota\ndate: 2024-08-\(String(format: "%02d", day)) 0\(number % 10):00\nnumber: 800/\(number)/BKPSDM\n\(expires)---\nIsi.\n"
            )
        }
        try site.write(
            "content/vacancies/pppk-2024/index.md",
            "---\ntitle: Seleksi PPPK 2024\nkind: pppk\npublished: 2024-08-01\n---\nIsi pengumuman lowongan.\n")
        var csv = "code,position,unit,kind,quota\n"
        for number in 0..<formations {
            csv += "P\(number),GURU AHLI PERTAMA MATA PELAJARAN \(number),SD NEGERI \(number) KOTA CONTOH,umum,1\n"
        }
        try site.write("content/vacancies/pppk-2024/formations.csv", csv)
        return site
    }

    /// The page's bytes with the style sheets and scripts it loads, as the browser test counts.
    static func weight(of path: String, in output: URL) throws -> Int {
        let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        var total = html.utf8.count
        let folder = output.appendingPathComponent(path).deletingLastPathComponent()
        for link in SiteFiles.links(in: html) where link.hasSuffix(".css") || link.hasSuffix(".js") {
            let size =
                try FileManager.default.attributesOfItem(
                    atPath: folder.appendingPathComponent(link).standardizedFileURL.path)[.size] as! Int
            total += size
        }
        return total
    }

    static func text(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Link texts of the announcement cards of a list page, in order.
    static func cardTitles(_ html: String) -> [String] {
        html.components(separatedBy: "<h3><a href=\"").dropFirst().map { part in
            let start = part.range(of: "\">")!.upperBound
            return String(part[start..<part.range(of: "</a>")!.lowerBound])
        }
    }

    @Test func everyPageOfALargeSiteStaysWithinTheBudgetAndEveryLinkResolves() async throws {
        let site = try Self.largeSite(announcements: 600, formations: 1_500)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let pages = SiteFiles.list(site.output).filter { $0.hasSuffix(".html") }
        for page in pages {
            let weight = try Self.weight(of: page, in: site.output)
            #expect(weight <= 60_000, "\(page): \(weight) bytes")
        }
        #expect(pages.contains("pengumuman/12/index.html"))
        #expect(pages.contains("lowongan/pppk-2024/formasi/2/index.html"))
        #expect(try SiteFiles.brokenLinks(in: site.output) == [])
    }

    /// A vacancy with 300 related announcements and, after its final stage, 1,499 of its
    /// 1,500 formations unfilled: both lists continue on pages of their own.
    @Test func aVacancysRelatedAnnouncementsAndUnfilledFormationsAreSplitIntoPages() async throws {
        var formations = "code,position,unit,kind,quota\n"
        for number in 0..<1_500 {
            formations += "U\(number),ANALIS KEBIJAKAN \(number),SEKRETARIAT DAERAH BAGIAN \(number),umum,1\n"
        }
        let results = try ResultsSite(
            tables: [("akhir", "participant,name,formation,skd,skb,status\nB,BUDI,U0,400,80,\n")],
            formations: formations)
        let site = results.site
        defer { site.cleanUp() }
        for number in 0..<300 {
            try site.write(
                "content/announcements/terkait-\(String(format: "%03d", number)).md",
                "---\ntitle: Pengumuman terkait nomor \(number) untuk seleksi ini\ndate: 2024-09-\(String(format: "%02d", 1 + number % 28)) 08:00\nvacancy: cpns-2024\nnumber: 800/\(number)/BKPSDM\n---\nIsi.\n"
            )
        }
        #expect(await site.build().succeeded)
        let pages = SiteFiles.list(site.output).filter { $0.hasSuffix(".html") }
        for page in pages where page.hasPrefix("lowongan/cpns-2024/") {
            let weight = try Self.weight(of: page, in: site.output)
            #expect(weight <= 60_000, "\(page): \(weight) bytes")
        }
        let vacancy = try Self.text("lowongan/cpns-2024/index.html", in: site.output)
        let relatedPages =
            ["lowongan/cpns-2024/index.html"]
            + pages.filter {
                $0.hasPrefix("lowongan/cpns-2024/pengumuman/")
            }.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        #expect(relatedPages.count > 2)
        var linked: [String] = []
        for page in relatedPages {
            let html = try Self.text(page, in: site.output)
            let section = String(html[html.range(of: "id=\"pengumuman-terkait\"")!.lowerBound...])
            linked += SiteFiles.links(in: section).filter { $0.contains("terkait-") }.map {
                String($0.split(separator: "/").dropLast().last!)
            }
        }
        #expect(linked.count == 300)
        #expect(Set(linked).count == 300)
        let unfilledPages =
            ["lowongan/cpns-2024/index.html"]
            + pages.filter {
                $0.hasPrefix("lowongan/cpns-2024/formasi-kosong/")
            }
        #expect(unfilledPages.count > 2)
        var rows: [String] = []
        for page in unfilledPages {
            let html = try Self.text(page, in: site.output)
            var table = html[html.range(of: "id=\"formasi-kosong\"")!.lowerBound...]
            table = table[..<table.range(of: "</table>")!.lowerBound]
            rows += table.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(rows.count == 1_499)
        #expect(Set(rows) == Set((1..<1_500).map { "U\($0)" }))
        #expect(vacancy.contains("formasi-kosong/2/index.html") && vacancy.contains("pengumuman/2/index.html"))
        #expect(try SiteFiles.brokenLinks(in: site.output) == [])
    }

    @Test func theAnnouncementPagesListEachOnceCurrentNewestFirstThenTheArchive() async throws {
        let site = try Self.largeSite(announcements: 260, formations: 1)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        // Announcement n is dated 2024-08-(1 + n % 28) at (n % 10):00, and archived when n % 7
        // is 0; the test site's own "Ralat formasi" (2024-08-26) is current.
        let all = (0..<260).map { (day: 1 + $0 % 28, hour: $0 % 10, slug: String(format: "p%04d", $0), number: $0) }
        func titles(_ items: [(day: Int, hour: Int, slug: String, number: Int)]) -> [String] {
            items.sorted { ($0.day, $0.hour, $1.slug) > ($1.day, $1.hour, $0.slug) }.map {
                $0.number < 0 ? "Ralat formasi" : "Pengumuman seleksi \($0.number) tentang formasi kota"
            }
        }
        let expected =
            titles(all.filter { $0.number % 7 != 0 } + [(26, 0, "ralat", -1)])
            + titles(all.filter { $0.number % 7 == 0 })
        var listed: [String] = []
        var archiveHeadings = 0
        var page = 0
        while true {
            let path = Route.listPage(Route.announcementList, page: page)
            guard FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path) else { break }
            let html = try Self.text(path, in: site.output)
            listed += Self.cardTitles(html)
            archiveHeadings += html.components(separatedBy: "id=\"arsip\"").count - 1
            // Each page links to the next, relatively, by its index.html.
            if page > 0 {
                #expect(
                    html.contains("href=\"../../pengumuman/\(page == 1 ? "" : "\(page)/")index.html\" rel=\"prev\""))
            }
            page += 1
        }
        #expect(page == 6)
        #expect(listed == expected)
        #expect(listed.count == 261)
        // The archive heading is on the page where the archive starts and the pages after.
        #expect(archiveHeadings >= 1)
        let first = try Self.text(Route.announcementList, in: site.output)
        #expect(first.contains("<p>Halaman 1 dari 6</p>"))
        #expect(first.contains("<a href=\"../pengumuman/6/index.html\">6</a>"))
    }

    @Test func eachFormationIsOnOnePageWithItsJobPostingAndTheSearchLinksToThatPage() async throws {
        let site = try Self.largeSite(announcements: 0, formations: 700)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        var codes: [String] = []
        var pageOf: [String: String] = [:]
        var page = 0
        while true {
            let path = Route.formationPage("pppk-2024", page: page)
            guard FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path) else { break }
            let html = try Self.text(path, in: site.output)
            let rows = html.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix { $0 != "<" }) }
            codes += rows
            for code in rows { pageOf[code] = path }
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let object = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
            let postings = try #require((object as? [String: Any])?["@graph"] as? [[String: Any]])
            #expect(
                postings.map { ($0["identifier"] as? [String: Any])?["value"] as? String ?? "" } == rows,
                "the JSON-LD of \(path) is not its formations")
            page += 1
        }
        #expect(page > 1)
        #expect(codes == (0..<700).map { "P\($0)" })
        // The search sends a formation to the page that lists it.
        let search = try SearchData(site.output)
        var found = 0
        for entry in search.entries where entry.kind == "Formasi" {
            let code = String(entry.title.split(separator: " ").last!)
            guard code.hasPrefix("P") else { continue } // the test site's own A1 and A2
            #expect(entry.path == pageOf[code], "\(code)")
            found += 1
        }
        #expect(found == 700)
    }

    #if canImport(FoundationXML)
        @Test func theFeedCarriesTheNewestFiftyEntries() async throws {
            let site = try Self.largeSite(announcements: 120, formations: 1)
            defer { site.cleanUp() }
            #expect(await site.build().succeeded)
            let document = try XMLDocument(contentsOf: site.output.appendingPathComponent("feed.xml"))
            let entries = document.rootElement()?.elements(forName: "entry") ?? []
            #expect(entries.count == 50)
            let updated = entries.compactMap { $0.elements(forName: "updated").first?.stringValue }
            // Announcement n is dated 2024-08-(1 + n % 28) at (n % 10):00; the test site's own
            // is 2024-08-26 00:00. The feed has the 50 latest of these 121.
            let all =
                (0..<120).map { String(format: "2024-08-%02dT%02d:00:00+08:00", 1 + $0 % 28, $0 % 10) }
                + ["2024-08-26T00:00:00+08:00"]
            #expect(updated == Array(all.sorted(by: >).prefix(50)))
            #expect(
                entries.first?.elements(forName: "title").first?.stringValue
                    == "Pengumuman seleksi 27 tentang formasi kota")
        }
    #endif

    @Test func pagingKeepsEachPageWithinItsBudgetAndAtLeastOneItem() {
        #expect(Paging.split(sizes: [], budget: 10) == [0..<0])
        #expect(Paging.split(sizes: [4, 4, 4, 4], budget: 10) == [0..<2, 2..<4])
        #expect(Paging.split(sizes: [30, 4, 4], budget: 10) == [0..<1, 1..<3])
        #expect(Paging.split(sizes: [4, 4, 4], budget: 10, firstBudget: 5) == [0..<1, 1..<3])
        #expect(
            Paging.split(sizes: Array(repeating: 1, count: 7), budget: 100, maximumItems: 3) == [0..<3, 3..<6, 6..<7])
    }

    @Test func thePagerShowsTheEndsAndTheNeighboursWithGaps() throws {
        let pager = try #require(PagerView.make(page: 9, count: 20, label: "x") { "p\($0)" })
        #expect(pager.links.map(\.label) == ["1", "…", "8", "9", "10", "11", "12", "…", "20"])
        #expect(pager.links.filter(\.current).map(\.label) == ["10"])
        #expect(pager.links.first { $0.current }?.href == nil)
        #expect(pager.previousHref == "p8")
        #expect(pager.nextHref == "p10")
        #expect(PagerView.make(page: 0, count: 1, label: "x") { "p\($0)" } == nil)
        let first = try #require(PagerView.make(page: 0, count: 3, label: "x") { "p\($0)" })
        #expect(first.previousHref == nil)
        #expect(first.links.map(\.label) == ["1", "2", "3"])
    }
}

/// The site search's data read back: the keys and every shard.
struct SearchData {
    struct Entry: Hashable {
        var title: String
        var kind: String
        var path: String
        var text: String
    }
    var keys: [(key: String, shard: Int, count: Int, truncated: Bool)]
    var shards: [[Entry]]
    var sizes: [Int]
    var keysSize: Int

    var entries: Set<Entry> { Set(shards.joined()) }

    init(_ output: URL) throws {
        func call(_ path: String, _ prefix: String) throws -> (Any, Int) {
            let data = try Data(contentsOf: output.appendingPathComponent(path))
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"), "\(path)")
            let json = text.dropFirst(prefix.count).dropLast(3)
            return (try JSONSerialization.jsonObject(with: Data(json.utf8)), data.count)
        }
        let (manifest, keysSize) = try call("data/search.js", "TerbukaSearch.keys(")
        let object = manifest as! [String: Any]
        keys = (object["keys"] as! [[Any]]).map {
            ($0[0] as! String, $0[1] as! Int, $0[2] as! Int, ($0[3] as! Int) == 1)
        }
        self.keysSize = keysSize
        shards = []
        sizes = []
        for number in 0..<(object["shards"] as! Int) {
            let (value, size) = try call("data/search-\(number).js", "TerbukaSearch.shard(\(number),")
            shards.append(
                (value as! [[String]]).map { Entry(title: $0[0], kind: $0[1], path: $0[2], text: $0[3]) })
            sizes.append(size)
        }
    }

    /// The key `assets/search.js` picks for a word typed: the longest prefix key, or the word
    /// itself.
    func key(for word: String) -> (key: String, shard: Int, count: Int, truncated: Bool)? {
        var found: (key: String, shard: Int, count: Int, truncated: Bool)?
        for entry in keys {
            let exact = entry.key.hasSuffix("$")
            let stem = exact ? String(entry.key.dropLast()) : entry.key
            if exact ? stem == word : word.hasPrefix(stem), found.map({ $0.key.count < entry.key.count }) ?? true {
                found = entry
            }
        }
        return found
    }
}

@Suite struct SiteSearchShardTests {
    @Test func everyEntryIsFoundByEachOfItsWordsInTheShardItsKeyNames() async throws {
        let site = try ListPagingTests.largeSite(announcements: 1_500, formations: 800)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let search = try SearchData(site.output)
        #expect(search.shards.count > 3)
        var truncatedWords: Set<String> = []
        for entry in search.entries {
            for word in SearchWords.of(entry.title + " " + entry.text) {
                let key = try #require(search.key(for: word), "no key for \(word)")
                if key.truncated {
                    truncatedWords.insert(word)
                } else {
                    #expect(search.shards[key.shard].contains(entry), "\(word) does not find \(entry.title)")
                }
            }
        }
        // "pengumuman" is in 1,500 titles: too many for one shard, so its key keeps the newest.
        #expect(truncatedWords.contains("pengumuman"))
        let newest = try #require(search.key(for: "pengumuman"))
        #expect(search.shards[newest.shard].contains { $0.title == "Pengumuman seleksi 27 tentang formasi kota" })
        #expect(newest.count == 1_500)
    }

    @Test func oneSearchLoadsAtMost200KB() async throws {
        let site = try ListPagingTests.largeSite(announcements: 1_500, formations: 800)
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        let search = try SearchData(site.output)
        let script = try Data(contentsOf: site.output.appendingPathComponent("assets/search.js")).count
        #expect(search.keysSize + search.sizes.max()! + script <= 200_000)
        #expect(search.sizes.allSatisfy { $0 <= SearchWords.shardBudget + 64 })
    }

    /// Text is cut at its ASCII characters other than letters and digits, a stretch all in
    /// ASCII taken from its bytes: the words are those of the general path, scalar by scalar,
    /// for every ASCII character, and for characters beyond ASCII that are letters, digits,
    /// marks, dashes, a capital with a dot, sigmas and spaces.
    @Test func textGivesTheWordsOfTheGeneralPathWhereverItIsCut() {
        // Among them the Kelvin sign (lower case k), characters that decompose to ASCII
        // separators (U+037E to ';', U+1FEF to '`'), a mark outside U+0300–U+036F and one that
        // decomposition reorders (U+0316), fullwidth forms and the ohm sign.
        let wide: [Character] = [
            "é", "—", "\u{301}", "İ", "Σ", "ς", "٣", "字", "\u{00A0}", "Ⅻ", "ﬁ", "Ä", "ß", "\u{212A}", "\u{037E}",
            "\u{1FEF}", "\u{0316}", "\u{0489}", "Ａ", "－", "\u{2126}",
        ]
        var texts = (0..<128).map {
            "ab\(Character(UnicodeScalar(UInt8($0))))cD9 X\(Character(UnicodeScalar(UInt8($0))))Yz"
        }
        texts += ["", "a", "ab", "abc", "ABC abc Abc", "12 123 1234", String(repeating: "Q", count: 60) + " q"]
        texts += ["Café NK26-P006", "JABATAN 32 — F00226", "a\u{301}bc", " \u{301}abc", "ΣΑΣ", "İstanbul"]
        texts += ["\u{212A}elvin", "ab\u{037E}cd", "x\u{1FEF}yz", "a\u{301}\u{316}bc", ";\u{316}\u{301}abc"]
        var generator = SeededGenerator(seed: 16)
        for _ in 0..<1_000 {
            texts.append(
                String(
                    (0..<Int.random(in: 0..<40, using: &generator)).map { _ in
                        Int.random(in: 0..<4, using: &generator) == 0
                            ? wide.randomElement(using: &generator)!
                            : Character(UnicodeScalar(UInt8.random(in: 0..<128, using: &generator)))
                    }))
        }
        for text in texts {
            #expect(SearchWords.of(text) == SearchWords.unicodeWords(text), "\(text.debugDescription)")
        }
    }

    @Test func searchWordsAreLowerCaseWithoutAccentsAndSplitAtAnythingButLettersAndDigits() {
        #expect(SearchWords.of("Pranata KOMPUTER Ahli-Pertama") == ["pranata", "komputer", "ahli", "pertama"])
        #expect(SearchWords.of("Café NK26-P006 800/12/BKD di SD") == ["cafe", "nk26", "p006", "800", "bkd"])
        #expect(SearchWords.of(String(repeating: "a", count: 100)) == [String(repeating: "a", count: 48)])
    }
}

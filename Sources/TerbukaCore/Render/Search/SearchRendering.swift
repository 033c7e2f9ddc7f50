import Foundation

/// Site-wide search that works from disk: the index is plain scripts (`data/search.js` and
/// its shards) that the search page loads with `<script>` tags when a search is made.
/// Without JavaScript the page links to the lists of vacancies and announcements and to the
/// standing pages.
struct SearchPageView: Sendable {
    var dataHref: String
    var scriptHref: String
    var prefix: String
    /// Without JavaScript: the lists and the standing pages.
    var entries: [SearchEntryView]
}

struct SearchEntryView: Sendable {
    var title: String
    /// None for the lists.
    var kindLabel: String?
    var href: String
}

extension SiteRenderer {
    func searchView(root: String) -> SearchPageView {
        var entries = [
            SearchEntryView(
                title: text(.vacanciesTitle), kindLabel: nil, href: pageHref(Route.vacancyList, root: root)),
            SearchEntryView(
                title: text(.announcementsTitle), kindLabel: nil, href: pageHref(Route.announcementList, root: root)),
            SearchEntryView(
                title: text(.schedulePageTitle), kindLabel: nil, href: pageHref(Route.schedule, root: root)),
        ]
        entries += index.pages.map {
            SearchEntryView(
                title: $0.title, kindLabel: text(.searchKindPage), href: pageHref(Route.page($0.slug), root: root))
        }
        return SearchPageView(
            dataHref: Links.href(to: Route.searchData, root: root),
            scriptHref: Links.href(to: Route.searchScript, root: root),
            prefix: prefix, entries: entries)
    }

    /// The site search's data, sharded like the participant lookup (WordShards): `data/search.js`
    /// lists the word keys (`TerbukaSearch.keys({"shards":n,"keys":[…]})`) and each
    /// `data/search-<n>.js` holds the entries with a word under its keys
    /// (`TerbukaSearch.shard(n,[[title, kind, path, text], …])`), so that one search loads
    /// the keys and one shard. Paths are from the site's root, without a language prefix;
    /// the page adds its own.
    func searchData() -> [OutputFile] {
        var entries: [SearchEntry] = []
        for vacancy in index.vacancies {
            entries.append(
                (
                    vacancy.title, label("recruitment", vacancy.kind.rawValue), Route.vacancy(vacancy.id),
                    [vacancy.number, vacancy.summary].compactMap { $0 }.joined(separator: " ")
                ))
            // Each formation links to the page of the vacancy's formations that lists it.
            for (page, range) in (lists.formations[vacancy.id] ?? [vacancy.formations.indices]).enumerated() {
                for formation in vacancy.formations[range] {
                    entries.append(
                        (
                            "\(formation.position) — \(formation.code)", text(.searchKindFormation),
                            Route.formationPage(vacancy.id, page: page),
                            [formation.unit, formation.education ?? "", label("kind", formation.kind), vacancy.title]
                                .joined(separator: " ")
                        ))
                }
            }
        }
        for announcement in index.announcements {
            entries.append(
                (
                    announcement.title, label("category", announcement.category.rawValue),
                    Route.announcement(announcement.slug), announcement.number ?? ""
                ))
        }
        for page in index.pages {
            entries.append((page.title, text(.searchKindPage), Route.page(page.slug), ""))
        }
        let serialized: [[UInt8]] = entries.map { entry in
            var out = ByteWriter()
            out.raw("[")
            out.json(entry.title)
            out.raw(",")
            out.json(entry.kind)
            out.raw(",")
            out.json(Links.href(to: entry.path, root: ""))
            out.raw(",")
            out.json(entry.text)
            out.raw("]")
            return out.bytes
        }
        // An incremental build takes the previous index and shards when they were made from
        // the same entries: sharding 10,000 notices' words took a third of rendering after
        // one notice's body was edited (issue 16).
        var digest = Fingerprint()
        digest.add("search")
        for entry in serialized { digest.addBytes(entry) }
        return OutputReuse.files(madeFrom: digest.digest, reuse: reuse) { [self, entries] in
            searchFiles(entries, serialized)
        }
    }

    typealias SearchEntry = (title: String, kind: String, path: String, text: String)

    /// The index and its shards, from the entries and each one's JSON.
    private func searchFiles(_ entries: [SearchEntry], _ serialized: [[UInt8]]) -> [(path: String, data: Data)] {
        let shards = WordShards(
            words: { SearchWords.of(entries[$0].title + " " + entries[$0].text) },
            sizes: serialized.map { $0.count + 2 },
            budget: SearchWords.shardBudget, minimumLetters: SearchWords.minimumLetters)
        var files = [
            (
                Route.searchData,
                Data(
                    ("TerbukaSearch.keys({\"shards\":\(shards.shards.count),\"keys\":[\n"
                        + shards.keys.map(\.json).joined(separator: ",\n") + "\n]});\n").utf8)
            )
        ]
        for (number, members) in shards.shards.enumerated() {
            var out = ByteWriter()
            out.raw("TerbukaSearch.shard(")
            out.integer(number)
            out.raw(",[")
            for (offset, member) in members.enumerated() {
                out.raw(offset == 0 ? "\n" : ",\n")
                out.append(serialized[Int(member)])
            }
            out.raw("\n]);\n")
            files.append((Route.searchShard(number), out.takeData()))
        }
        return files
    }
}

/// The words the site search finds things by; `assets/search.js` splits what is typed the
/// same way: lower case (final sigma as sigma), accents dropped, letters and digits,
/// lengths in code points.
enum SearchWords {
    /// Bytes of one shard: with the keys and the script, a search loads well under 200 KB.
    static let shardBudget = 96_000
    /// Words are keyed by at least this many letters; shorter words typed only narrow a search.
    static let minimumLetters = 3
    /// Longer words are cut (the keys are made one letter at a time).
    static let maximumLetters = 48

    /// The words of `text`, cut at its ASCII characters other than letters and digits: a
    /// stretch all in ASCII is a word as it stands (an ASCII text has no accents to drop and
    /// lower-cases letter by letter), made from its bytes in place; a stretch with a
    /// character beyond ASCII goes through `unicodeWords`. The cut changes none of its words:
    /// those ASCII characters end a word there too (no case mapping or decomposition changes
    /// them), `lowercased()` maps each scalar alone, and decomposition reorders only marks,
    /// which never cross an ASCII character. Through Unicode's tables for every character,
    /// the words of a million-row site's 5,000 formations were a tenth of a second (perf).
    static func of(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [String] = []
            var seen: Set<String> = []
            func add(_ word: String) {
                if seen.insert(word).inserted { result.append(word) }
            }
            func stretch(_ range: Range<Int>, wide: Bool) {
                guard !range.isEmpty else { return }
                guard !wide else {
                    for word in unicodeWords(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
                    {
                        add(word)
                    }
                    return
                }
                guard range.count >= minimumLetters else { return }
                add(String(lowercasedASCII: UnsafeBufferPointer(rebasing: bytes[range.prefix(maximumLetters)])))
            }
            var start = 0
            var wide = false
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 {
                    wide = true
                } else if !Self.isASCIILetterOrDigit(byte) {
                    stretch(start..<index, wide: wide)
                    (start, wide) = (index + 1, false)
                }
            }
            stretch(start..<bytes.count, wide: wide)
            return result
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The words of any text, scalar by scalar.
    static func unicodeWords(_ text: String) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        var word = String.UnicodeScalarView()
        func flush() {
            if word.count >= minimumLetters {
                let text = String(String.UnicodeScalarView(word.prefix(maximumLetters)))
                if seen.insert(text).inserted { result.append(text) }
            }
            word.removeAll()
        }
        for var scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            // Final sigma as sigma: a browser lower-cases Σ at a word's end to ς, Swift to σ.
            if scalar == "\u{03C2}" { scalar = "\u{03C3}" }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                word.append(scalar)
            default: flush()
            }
        }
        flush()
        return result
    }
}

import Foundation

/// The files that let others follow and check the site: the Atom feed, the sitemap and
/// the Frictionless data package. Written after the pages and data, whose list and
/// hashes they use.
extension SiteRenderer {
    /// The authority of tag: ids: the host of base_url, else a name made from the title.
    var tagAuthority: String {
        index.content.config.baseURL.flatMap(URLHost.of) ?? (Slug.make(from: index.content.config.title) + ".invalid")
    }

    /// An absolute URL when base_url is set, else the path relative to the site's root.
    func link(_ path: String) -> String {
        (index.content.config.baseURL ?? "") + Links.href(to: path, root: "")
    }

    func writePublicationFiles(to staging: StagingFolder) throws {
        try staging.write(feed())
        if let base = index.content.config.baseURL {
            // Every language's pages, but their "not found" pages.
            let pages = staging.ledger.all.map(\.path).filter {
                $0.hasSuffix(".html") && $0 != Route.notFound && !$0.hasSuffix("/" + Route.notFound)
            }
            var digest = Fingerprint()
            digest.add("sitemap")
            digest.add(base)
            for page in pages { digest.add(page) }
            let files = OutputReuse.files(madeFrom: digest.digest, reuse: reuse) {
                Sitemap.files(pages: pages, base: base)
            }
            for file in files { try staging.write(file) }
        }
        try staging.write(DataPackage.file(index: index, ledger: staging.ledger))
    }

    /// Entries in the feed: the newest; older ones are on the paginated lists.
    static let feedEntries = 50

    /// Atom (RFC 4287): the newest announcements and result publications, newest first.
    func feed() -> OutputFile {
        struct Entry {
            var id: String
            var title: String
            var updated: ContentDate
            var path: String
            var category: (term: String, label: String)
            var summary: String
        }
        let tagAuthority = tagAuthority
        var entries: [Entry] = []
        for vacancy in index.vacancies {
            for table in index.results[vacancy.id]?.tables ?? [] {
                entries.append(
                    Entry(
                        id:
                            "tag:\(tagAuthority),\(table.entry.published.date):lowongan/\(vacancy.id)/hasil/\(table.stage.rawValue)",
                        title: "\(label("result", table.stage.rawValue)) — \(vacancy.title)",
                        updated: table.entry.published,
                        path: Route.resultPage(vacancy.id, table.stage),
                        category: ("hasil", label("category", "hasil")),
                        summary: [vacancy.title, table.entry.number.map { "\(text(.numberLabel)) \($0)" }].compactMap {
                            $0
                        }.joined(separator: " · ")))
                // Each earlier version stays an entry of its own, pointing at what changed.
                for earlier in index.results[vacancy.id]?.versions[table.stage]?.earlier ?? [] {
                    let version = earlier.version
                    entries.append(
                        Entry(
                            id:
                                "tag:\(tagAuthority),\(version.published.date):lowongan/\(vacancy.id)/hasil/\(table.stage.rawValue)",
                            title: "\(label("result", table.stage.rawValue)) — \(vacancy.title)",
                            updated: version.published,
                            path: Route.changes(vacancy.id, table.stage),
                            category: ("hasil", label("category", "hasil")),
                            summary: [
                                vacancy.title, version.number.map { "\(text(.numberLabel)) \($0)" },
                                version.reason.map { "\(text(.changesReplacedBecause)) \($0)" },
                            ].compactMap { $0 }.joined(separator: " · ")))
                }
            }
        }
        // Only notices as new as the 50th newest entry can be in the feed: on a site of
        // 10,000 notices, making an entry of each took more than the rest of the feed.
        let instants = (index.announcements.map(\.date.instant) + entries.map(\.updated.instant)).sorted(by: >)
        let oldest = instants.count > Self.feedEntries ? instants[Self.feedEntries - 1] : Int.min
        for announcement in index.announcements where announcement.date.instant >= oldest {
            entries.append(
                Entry(
                    id: "tag:\(tagAuthority),\(announcement.date.date):pengumuman/\(announcement.slug)",
                    title: announcement.title,
                    updated: announcement.date, path: Route.announcement(announcement.slug),
                    category: (announcement.category.rawValue, label("category", announcement.category.rawValue)),
                    summary: [
                        label("category", announcement.category.rawValue),
                        announcement.number.map { "\(text(.numberLabel)) \($0)" },
                    ]
                    .compactMap { $0 }.joined(separator: " · ")))
        }
        entries.sort { ($0.updated.instant, $0.id) > ($1.updated.instant, $1.id) }
        entries = Array(entries.prefix(Self.feedEntries))
        let config = index.content.config
        let updated = entries.first?.updated.rfc3339 ?? ContentDate(instant: index.now, in: zone).rfc3339
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language.rawValue)\">\n"
        xml += "<id>\(XMLText.escape(config.baseURL.map { $0 + Route.feed } ?? "tag:\(tagAuthority),2024:feed"))</id>\n"
        xml += "<title>\(XMLText.escape(config.title))</title>\n<subtitle>\(XMLText.escape(config.agency))</subtitle>\n"
        xml += "<updated>\(updated)</updated>\n<author><name>\(XMLText.escape(config.agency))</name></author>\n"
        if let base = config.baseURL {
            xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(base + Route.feed))\"/>\n"
        }
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(link(Route.home)))\"/>\n"
        xml += "<generator version=\"\(TerbukaVersion.current)\">Terbuka</generator>\n"
        for entry in entries {
            xml +=
                "<entry>\n<id>\(XMLText.escape(entry.id))</id>\n<title>\(XMLText.escape(entry.title))</title>\n"
                + "<updated>\(entry.updated.rfc3339)</updated>\n<published>\(entry.updated.rfc3339)</published>\n"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(link(entry.path)))\"/>\n"
                + "<category term=\"\(XMLText.escape(entry.category.term))\" label=\"\(XMLText.escape(entry.category.label))\"/>\n"
                + "<summary>\(XMLText.escape(entry.summary))</summary>\n</entry>\n"
        }
        return .text(Route.feed, xml + "</feed>\n")
    }
}

/// sitemap.xml (sitemaps.org), split into a sitemap index past 50,000 URLs.
enum Sitemap {
    static func files(pages: [String], base: String, limit: Int = 50_000) -> [(path: String, data: Data)] {
        func urlset(_ paths: ArraySlice<String>) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + paths.map { "<url><loc>\(XMLText.escape(base + Links.href(to: $0, root: "")))</loc></url>\n" }
                .joined() + "</urlset>\n"
        }
        let sorted = pages.sorted()
        guard sorted.count > limit else { return [(Route.sitemap, Data(urlset(sorted[...]).utf8))] }
        var files: [(path: String, data: Data)] = []
        var index =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: sorted.count, by: limit).enumerated() {
            let name = Route.sitemapPart(number + 1)
            files.append((name, Data(urlset(sorted[start..<min(sorted.count, start + limit)]).utf8)))
            index += "<sitemap><loc>\(XMLText.escape(base + name))</loc></sitemap>\n"
        }
        return files + [(Route.sitemap, Data((index + "</sitemapindex>\n").utf8))]
    }
}

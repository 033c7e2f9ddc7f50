/// The output path of every kind of page, relative to the output folder.
public enum Route {
    public static let home = "index.html"
    public static let vacancyList = "lowongan/index.html"
    public static let announcementList = "pengumuman/index.html"
    public static let notFound = "404.html"
    public static func vacancy(_ id: String) -> String { "lowongan/\(id)/index.html" }
    public static func announcement(_ slug: String) -> String { "pengumuman/\(slug)/index.html" }
    public static func page(_ slug: String) -> String { "\(slug)/index.html" }
    public static func formationData(_ id: String, _ format: String) -> String { "data/\(id)/formasi.\(format)" }
    /// Page `index` (0-based) of a list: page 0 is the list's own page, page n is
    /// `<folder>/<n + 1>/index.html` (no slug can take a number: slugs start with a letter).
    public static func listPage(_ first: String, page index: Int) -> String {
        index == 0 ? first : first.dropLast("index.html".count) + "\(index + 1)/index.html"
    }
    /// Page `index` (0-based) of a vacancy's formations: page 0 is the vacancy's page.
    public static func formationPage(_ id: String, page index: Int) -> String {
        index == 0 ? vacancy(id) : vacancyFolder(id) + "formasi/\(index + 1)/index.html"
    }
    /// Page `index` (0-based) of a vacancy's related announcements: page 0 is on the
    /// vacancy's page.
    public static func relatedAnnouncementsPage(_ id: String, page index: Int) -> String {
        index == 0 ? vacancy(id) : vacancyFolder(id) + "pengumuman/\(index + 1)/index.html"
    }
    /// Page `index` (0-based) of a vacancy's unfilled formations: page 0 is on the vacancy's
    /// page.
    public static func unfilledPage(_ id: String, page index: Int) -> String {
        index == 0 ? vacancy(id) : vacancyFolder(id) + "formasi-kosong/\(index + 1)/index.html"
    }
    public static let schedule = "jadwal/index.html"
    public static let calendar = "jadwal.ics"
    public static func vacancyCalendar(_ id: String) -> String { "lowongan/\(id)/jadwal.ics" }
    public static let search = "cari/index.html"
    /// How to check the site's hashes and signature, when site.yml names a signing key.
    public static let authenticity = "keaslian/index.html"
    /// The site search's keys; its shards are `data/search-<n>.js`.
    public static let searchData = "data/search.js"
    public static func searchShard(_ number: Int) -> String { "data/search-\(number).js" }
    /// Page `index` (0-based) of a result table.
    public static func resultPage(_ vacancy: String, _ stage: ResultStage, page index: Int = 0) -> String {
        resultFolder(vacancy, stage) + (index == 0 ? "index.html" : "\(index + 1)/index.html")
    }
    /// The folder of a result table's pages: `lowongan/<id>/hasil/<stage>/`.
    public static func resultFolder(_ vacancy: String, _ stage: ResultStage) -> String {
        vacancyFolder(vacancy) + "hasil/\(stage.rawValue)/"
    }
    public static func statistics(_ vacancy: String) -> String { "lowongan/\(vacancy)/statistik/index.html" }
    /// Page `index` (0-based) of the statistics: further pages hold the rest of the cut-offs.
    public static func statisticsPage(_ vacancy: String, page index: Int) -> String {
        listPage(statistics(vacancy), page: index)
    }
    /// `csv` or `json` of a published result table.
    public static func resultData(_ vacancy: String, _ stage: ResultStage, _ format: String) -> String {
        "data/\(vacancy)/\(stage.rawValue).\(format)"
    }
    /// An earlier version of a result table, as it was published on `date` (YYYY-MM-DD).
    public static func versionData(_ vacancy: String, _ date: String, _ stage: ResultStage, _ format: String)
        -> String
    {
        "data/\(vacancy)/versi/\(date)/\(stage.rawValue).\(format)"
    }
    /// What changed between the versions of a result table.
    public static func changesData(_ vacancy: String, _ stage: ResultStage, _ format: String) -> String {
        "data/\(vacancy)/\(stage.rawValue)-perubahan.\(format)"
    }
    /// The page listing what changed between the versions of a result table.
    public static func changes(_ vacancy: String, _ stage: ResultStage) -> String {
        "lowongan/\(vacancy)/hasil/\(stage.rawValue)/perubahan/index.html"
    }
    /// `csv` or `json` of the formations the final stage left with empty seats.
    public static func unfilledData(_ vacancy: String, _ format: String) -> String {
        "data/\(vacancy)/formasi-kosong.\(format)"
    }
    /// `csv` or `json` of the round's evaluation: counts per formation and in all.
    public static func evaluationData(_ vacancy: String, _ format: String) -> String {
        "data/\(vacancy)/evaluasi.\(format)"
    }
    /// The participant lookup's scripts.
    public static func lookupFolder(_ vacancy: String) -> String { "data/\(vacancy)/cari" }
    /// One script of the lookup: `manifest` or a shard.
    public static func lookupScript(_ vacancy: String, _ name: String) -> String {
        "\(lookupFolder(vacancy))/\(name).js"
    }
    /// The folder of a vacancy's pages, for links that add a path of their own.
    public static func vacancyFolder(_ id: String) -> String { "lowongan/\(id)/" }

    /// Where a language's pages are: "" for the primary language, `en/` for English when it
    /// is a further one.
    public static func languageFolder(_ language: Language, primary: Language) -> String {
        language == primary ? "" : "\(language.rawValue)/"
    }

    /// A file of the theme's `assets/` folder.
    public static func asset(_ path: String) -> String { "assets/" + path }
    public static let scheduleScript = asset("schedule.js")
    public static let lookupScript = asset("lookup.js")
    public static let searchScript = asset("search.js")

    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    /// Part `number` (from 1) of a sitemap split for size.
    public static func sitemapPart(_ number: Int) -> String { "sitemap-\(number).xml" }
    public static let dataPackage = "data/datapackage.json"
    /// Data files are listed in the data package relative to this folder.
    public static let dataFolder = "data/"
    public static let manifest = "manifest.json"
    public static let sums = "SHA256SUMS"
    /// OpenSSH signature (SSHSIG, namespace `file`) over the exact bytes of SHA256SUMS.
    public static let signature = "SHA256SUMS.sig"
    /// The whole site in one file, for reading offline.
    public static let zip = "situs.zip"
}

extension String {
    /// Where the last "/" of a path is, found in its UTF-8 bytes: `lastIndex(of: "/")`
    /// walks back by whole characters, which was a tenth of recording 10,000 files (perf).
    var lastSlash: String.Index? {
        utf8.lastIndex(of: UInt8(ascii: "/"))
    }

    /// The folder a path is in: all before its last "/" ("" for the folder itself).
    var parentFolder: String {
        lastSlash.map { String(self[..<$0]) } ?? ""
    }
}

extension Substring {
    /// Where the last "/" of a path is, found in its UTF-8 bytes (see `String.lastSlash`).
    var lastSlash: String.Index? {
        utf8.lastIndex(of: UInt8(ascii: "/"))
    }

    /// The folders above this path, nearest first: "a/b/c" gives "a/b", then "a" (not "",
    /// the tree itself).
    var foldersAbove: FoldersAbove { FoldersAbove(path: self) }
}

/// The folders above a path, nearest first (`Substring.foldersAbove`).
struct FoldersAbove: Sequence, IteratorProtocol {
    var path: Substring

    mutating func next() -> Substring? {
        guard let slash = path.lastSlash else { return nil }
        path = path[..<slash]
        return path
    }
}

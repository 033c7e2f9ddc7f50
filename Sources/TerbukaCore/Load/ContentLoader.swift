import Foundation

/// A file read from the site folder. `path` is relative to the site folder, for messages.
public struct SourceFile: Sendable {
    public var path: String
    public var url: URL
    public var data: Data
    /// Found and checked but not read (`ContentLoader.unread`): `data` is empty.
    var unread = false
}

public struct LoadedVacancy: Sendable {
    public var id: String
    /// e.g. `content/vacancies/cpns-2024`.
    public var folderPath: String
    public var folderURL: URL
    public var index: SourceFile?
    public var formations: SourceFile?
    /// Paths relative to the vacancy folder, e.g. `results/skd.csv`.
    public var resultFiles: [String]
}

/// A file under `content/files/`.
public struct LoadedAttachment: Sendable {
    /// Relative to `content/files/`.
    public var path: String
    public var url: URL
    public var size: Int
    /// A symbolic link whose target lies outside `content/`.
    public var leadsOutside: Bool
}

/// Everything the load stage found, not yet parsed.
public struct LoadedContent: Sendable {
    public var siteRoot: URL
    public var siteConfig: SourceFile?
    public var vacancies: [LoadedVacancy]
    public var announcements: [SourceFile]
    public var pages: [SourceFile]
    public var attachments: [LoadedAttachment]
}

/// The load stage: finds the content files of a site and reads them. It reports
/// misplaced and misnamed files; it does not look inside them.
public struct ContentLoader: Sendable {
    public let siteRoot: URL
    /// `content/` of the site: asked for once per file (making it each time took a third of
    /// finding 10,000 notices).
    let contentRoot: URL

    public init(siteRoot: URL) {
        self.siteRoot = siteRoot.standardizedFileURL
        contentRoot = Self.contentRoot(of: siteRoot)
    }

    /// The site's `content/`.
    static func contentRoot(of siteRoot: URL) -> URL {
        siteRoot.standardizedFileURL.appendingPathComponent("content")
    }

    /// At most this many content files: every one is read, hashed and published, and a
    /// site of this size is already ten times the largest round of a kabupaten.
    public static let fileLimit = 200_000
    var fileLimit = ContentLoader.fileLimit
    /// Notices (`content/announcements/…`) found but neither read nor looked at here: an
    /// incremental build knows what they hold from the previous one (Cache/NoticeMemo.swift),
    /// which took them with the same bytes, where links lead and the folder `content/`
    /// itself resolves to being in the cache's key (`BuildCache.key`). One that is read after
    /// all (its body, or validated again) is looked at then (asking here was 10,000 system
    /// calls on a site of 10,000 notices, perf).
    var unread: Set<String> = []

    public func load(into diagnostics: inout Diagnostics) -> LoadedContent {
        var loaded = LoadedContent(
            siteRoot: siteRoot, siteConfig: nil, vacancies: [], announcements: [], pages: [], attachments: [])
        let fm = FileManager.default
        guard isDirectory(contentRoot) else {
            diagnostics.error(.noContentFolder(site: siteRoot.path), at: SourceLocation(path: "content"))
            return loaded
        }
        let known = ["site.yml", "vacancies", "announcements", "pages", "files"]
        for name in children(contentRoot) where !known.contains(name) {
            diagnostics.warning(.notPartOfASite(name, known: known), at: SourceLocation(path: "content/\(name)"))
        }
        let siteFile = contentRoot.appendingPathComponent("site.yml")
        if fm.fileExists(atPath: siteFile.path) {
            loaded.siteConfig = read(siteFile, path: "content/site.yml", into: &diagnostics)
        } else {
            diagnostics.error(.missingSiteFile, at: SourceLocation(path: "content/site.yml"))
        }
        loaded.vacancies = loadVacancies(into: &diagnostics)
        loaded.announcements = markdownFiles(in: "announcements", into: &diagnostics)
        loaded.pages = markdownFiles(in: "pages", into: &diagnostics)
        loaded.attachments = loadAttachments(into: &diagnostics)
        let count =
            1 + loaded.announcements.count + loaded.pages.count + loaded.attachments.count
            + loaded.vacancies.reduce(0) { $0 + 2 + $1.resultFiles.count }
        if count > fileLimit {
            diagnostics.error(.tooManyFiles(count, limit: fileLimit), at: SourceLocation(path: "content"))
        }
        return loaded
    }

    private func loadVacancies(into diagnostics: inout Diagnostics) -> [LoadedVacancy] {
        let folder = contentRoot.appendingPathComponent("vacancies")
        var result: [LoadedVacancy] = []
        for name in children(folder) {
            let url = folder.appendingPathComponent(name)
            let displayPath = "content/vacancies/\(name)"
            guard isDirectory(url) else {
                diagnostics.warning(.vacancyIsNotAFolder(displayPath), at: SourceLocation(path: displayPath))
                continue
            }
            guard Slug.isValid(name) else {
                diagnostics.error(.folderNameIsNotASlug(name), at: SourceLocation(path: displayPath))
                continue
            }
            var vacancy = LoadedVacancy(
                id: name, folderPath: displayPath, folderURL: url, index: nil, formations: nil, resultFiles: [])
            let index = url.appendingPathComponent("index.md")
            if FileManager.default.fileExists(atPath: index.path) {
                vacancy.index = read(index, path: displayPath + "/index.md", into: &diagnostics)
            } else {
                diagnostics.error(.vacancyWithoutNotice, at: SourceLocation(path: displayPath))
            }
            // The formation list: formations.csv, or a workbook formations.xlsx.
            let candidates = ["formations.csv", "formations.xlsx"].filter {
                FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
            }
            if candidates.count > 1 {
                diagnostics.error(.twoFormationLists, at: SourceLocation(path: displayPath + "/formations.xlsx"))
            } else if let name = candidates.first {
                vacancy.formations = read(
                    url.appendingPathComponent(name), path: displayPath + "/" + name, into: &diagnostics)
            } else {
                diagnostics.error(.vacancyWithoutFormations, at: SourceLocation(path: displayPath))
            }
            var resultFiles: [String] = []
            let tables = children(url.appendingPathComponent("results")).filter {
                !$0.hasPrefix("~$") && TableFormat(path: $0) != nil
            }
            // Names only the bytes tell apart are one name to every table keyed by path.
            for name in NameTwins.leavingOut(tables, shownIn: displayPath + "/results/", into: &diagnostics) {
                if let refusal = Self.refusal(url.appendingPathComponent("results/\(name)"), contentRoot: contentRoot) {
                    diagnostics.error(
                        .fileRefused("\(displayPath)/results/\(name)", refusal),
                        at: SourceLocation(path: "\(displayPath)/results/\(name)"))
                } else {
                    resultFiles.append("results/" + name)
                }
            }
            vacancy.resultFiles = resultFiles
            result.append(vacancy)
        }
        return result
    }

    private func markdownFiles(in section: String, into diagnostics: inout Diagnostics) -> [SourceFile] {
        let folder = contentRoot.appendingPathComponent(section)
        let folderPath = folder.path
        // Files are read on every core (a large site has thousands of notices), reported in
        // name order. Their URLs are made from the path as it is (appending a component to a
        // URL took a third of loading 10,000 notices).
        return Parallel.compactMap(children(folder), into: &diagnostics) {
            name, diagnostics in
            let displayPath = "content/\(section)/\(name)"
            guard name.hasSuffix(".md") else {
                diagnostics.warning(.notMarkdown(displayPath), at: SourceLocation(path: displayPath))
                return nil
            }
            let stem = String(name.dropLast(3))
            guard Slug.isValid(stem) else {
                diagnostics.error(.fileNameIsNotASlug(stem), at: SourceLocation(path: displayPath))
                return nil
            }
            return read(
                URL(fileURLWithPath: folderPath + "/" + name, isDirectory: false), path: displayPath,
                reading: !unread.contains(displayPath), into: &diagnostics)
        }
    }

    private func loadAttachments(into diagnostics: inout Diagnostics) -> [LoadedAttachment] {
        let folder = contentRoot.appendingPathComponent("files")
        guard isDirectory(folder) else { return [] }
        let realContent = contentRoot.resolvingSymlinksInPath().path + "/"
        var result: [LoadedAttachment] = []
        var pending = [(folder, "")]
        while let (directory, prefix) = pending.popLast() {
            for name in NameTwins.leavingOut(
                children(directory), shownIn: "content/files/" + prefix, into: &diagnostics)
            {
                let url = directory.appendingPathComponent(name)
                let relative = prefix + name
                let isLink = (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink ?? false
                let leadsOutside = isLink && !url.resolvingSymlinksInPath().path.hasPrefix(realContent)
                if leadsOutside {
                    diagnostics.error(
                        .linkLeadsOutside("content/files/\(relative)"),
                        at: SourceLocation(path: "content/files/\(relative)"))
                } else if isDirectory(url) {
                    if isLink {
                        // Following links to folders could loop; the folder is published only where it really is.
                        diagnostics.warning(
                            .linkToFolder("content/files/\(relative)"),
                            at: SourceLocation(path: "content/files/\(relative)"))
                    } else {
                        pending.append((url, relative + "/"))
                    }
                    continue
                }
                if !leadsOutside, let refusal = Self.refusal(url, contentRoot: contentRoot) {
                    diagnostics.error(
                        .fileRefused("content/files/\(relative)", refusal),
                        at: SourceLocation(path: "content/files/\(relative)"))
                    continue
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                result.append(LoadedAttachment(path: relative, url: url, size: size, leadsOutside: leadsOutside))
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    private func read(_ url: URL, path: String, reading: Bool = true, into diagnostics: inout Diagnostics)
        -> SourceFile?
    {
        guard reading else { return SourceFile(path: path, url: url, data: Data(), unread: true) }
        return Self.contents(of: url, path: path, contentRoot: contentRoot, into: &diagnostics).map {
            SourceFile(path: path, url: url, data: $0)
        }
    }

    /// The bytes of the content file at `url` (shown as `path`), when it is not refused
    /// (`refusal`) and can be read; else nil, the reason reported at `path`. Also for a
    /// notice an incremental build did not have the loader read and reads after all.
    static func contents(of url: URL, path: String, contentRoot: URL, into diagnostics: inout Diagnostics) -> Data? {
        if let refusal = refusal(url, contentRoot: contentRoot) {
            diagnostics.error(.fileRefused(path, refusal), at: SourceLocation(path: path))
            return nil
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            diagnostics.error(.cannotRead(FileProblem.describe(error)), at: SourceLocation(path: path))
            return nil
        }
    }

    /// Why the file at `url` must not be read, or nil: content is regular files inside
    /// content/. A symbolic link is followed only when it leads to one; a FIFO would hang
    /// the build, a device or socket is no content, and a dangling link is named as such.
    public static func refusal(_ url: URL, contentRoot: URL) -> Bilingual? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .systemError(String(cString: strerror(errno))) }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = realpath(url.path, nil) else { return .danglingLink }
            let target = String(cString: real)
            free(real)
            let root = contentRoot.resolvingSymlinksInPath().path
            guard target.hasPrefix(root + "/") else { return .linkOutside }
            guard stat(url.path, &info) == 0 else { return .systemError(String(cString: strerror(errno))) }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .isAFolder
        case S_IFIFO: return .isAPipe
        default: return .notARegularFile
        }
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The names in the folder at `url`, sorted (`NameTwins.precedes`), but hidden ones
    /// (starting with "."), which are ignored.
    private func children(_ url: URL) -> [String] {
        NameTwins.sorted(
            ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") })
    }
}

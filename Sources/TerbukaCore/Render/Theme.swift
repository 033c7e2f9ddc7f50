import Foundation
import Mustache
import TerbukaTheme

/// A theme: Mustache templates (`templates/*.mustache`, partials included), interface
/// strings per language (`i18n/<lang>.yml`) and static assets (`assets/**`).
public struct Theme: Sendable {
    public var name: String
    public var library: MustacheLibrary
    /// The page templates with `base` reduced to its `main` block, and `library` with a
    /// probe that marks where the block goes (PageChrome).
    var chrome: PageChrome.Templates
    public var strings: [Language: [String: String]]
    /// Paths relative to the theme's `assets/` folder, and where they are.
    public var assets: [(path: String, url: URL)]
    /// Files published at the output's root (`root/`): the service worker.
    public var rootFiles: [(path: String, url: URL)]

    /// Templates the renderer needs.
    static let requiredTemplates = [
        "base", "home", "vacancy-list", "vacancy", "announcement-list", "announcement", "page", "404", "results",
        "statistics", "lookup", "schedule", "timeline", "downloads", "search",
    ]

    /// Strings the code looks up: by name, and the labels of stage ids, categories, kinds,
    /// statuses, columns, chart series and timeline states. Every language must also have
    /// the strings its templates name (`{{t.key}}`) and the keys of the primary language.
    static var requiredStrings: [String] {
        InterfaceString.allCases.map(\.rawValue)
            + ScheduleEntry.knownStages.map { "stage_\($0)" }
            + AnnouncementCategory.allCases.map { "category_\($0.rawValue)" }
            + FormationKind.standard.map { "kind_\($0)" }
            + RecruitmentKind.allCases.map { "recruitment_\($0.rawValue)" }
            + ResultStage.allCases.flatMap { ["result_\($0.rawValue)", "results_passed_\($0.rawValue)"] }
            + ResultStatus.stringKeys
            + ResultColumn.standardIDs.map { "col_\($0)" }
            + ResultStatistics.Measure.allCases.map { "chart_\($0.rawValue)" }
            + TimelineItem.State.allCases.map { "state_\($0.rawValue)" }
            + PriorityGroup.allCases.map { "group_\($0.code)" }
            + UnfilledFormation.Reason.allCases.map { "unfilled_\($0.rawValue)" }
            + RoundEvaluation.Measure.allCases.map { "eval_\($0.rawValue)" }
    }

    /// The interface strings a template names: `{{t.key}}`, `{{{t.key}}}`, `{{#t.key}}`, `{{^t.key}}`.
    static func stringsNamed(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let tag = rest.drop { "{#^&/ ".contains($0) }
            guard tag.hasPrefix("t.") else { continue }
            let name = tag.dropFirst(2).prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "/" }
            if !name.isEmpty { names.insert(String(name)) }
        }
        return names
    }

    /// The themes that come with Terbuka.
    public static var builtInFolder: URL? {
        BuiltInTheme.folder
    }

    /// A theme's files in layers: the built-in default theme, then the built-in theme of
    /// that name, then the site's `themes/<name>/`; a later layer's file replaces an
    /// earlier one with the same path. Returns relative path → (file, path for messages).
    /// Only the files `isUsed` keeps are taken. A path of those that spells another's of the
    /// same layer in other bytes (`NameTwins`), or is below a folder that does, is reported
    /// (the shortest such path) and left out: the two would be taken for one.
    static func layers(
        siteRoot: URL, name: String, under subfolder: String, isUsed: (String) -> Bool = { _ in true },
        into diagnostics: inout Diagnostics
    ) -> [String: (url: URL, display: String)] {
        var result: [String: (URL, String)] = [:]
        var folders: [(URL, String)] = []
        if let builtIn = builtInFolder {
            folders.append((builtIn.appendingPathComponent("default"), "(built-in theme default)"))
            if name != "default" { folders.append((builtIn.appendingPathComponent(name), "(built-in theme \(name))")) }
        }
        folders.append((siteRoot.appendingPathComponent("themes/\(name)"), "themes/\(name)"))
        for (folder, display) in folders {
            let base = folder.appendingPathComponent(subfolder)
            let files = NameTwins.leavingOut(
                FileListing.files(under: base).filter(isUsed), shownIn: "\(display)/\(subfolder)/", into: &diagnostics)
            for file in files {
                result[file] = (base.appendingPathComponent(file), "\(display)/\(subfolder)/\(file)")
            }
        }
        return result
    }

    public static func load(siteRoot: URL, name: String, languages: [Language], into diagnostics: inout Diagnostics)
        -> Theme?
    {
        let displayFolder = "themes/\(name)"
        let before = diagnostics.errorCount
        let siteFolder = siteRoot.appendingPathComponent(displayFolder)
        let builtIn =
            builtInFolder.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent(name).path) } ?? false
        guard builtIn || FileManager.default.fileExists(atPath: siteFolder.path) else {
            diagnostics.error(.themeNotFound(name, folder: displayFolder), at: SourceLocation(path: "content/site.yml"))
            return nil
        }
        var templates: [String: MustacheTemplate] = [:]
        var extendingBase: Set<String> = []
        var templateFiles: Set<String> = []
        var templateStrings: Set<String> = []
        for (file, source) in layers(
            siteRoot: siteRoot, name: name, under: "templates", isUsed: { $0.hasSuffix(".mustache") },
            into: &diagnostics
        ).sorted(by: { $0.key < $1.key }) {
            let path = source.display
            templateFiles.insert(String(file.dropLast(".mustache".count)))
            guard let data = FileManager.default.contents(atPath: source.url.path),
                let text = SourceText.decode(data, path: path, into: &diagnostics)
            else { continue }
            templateStrings.formUnion(stringsNamed(in: text))
            if PageChrome.extendsBase(text) { extendingBase.insert(String(file.dropLast(".mustache".count))) }
            do {
                templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    .templateError(.templateProblem(error.error)),
                    at: SourceLocation(
                        path: path, line: error.context.lineNumber,
                        column: error.context.columnNumber + 1))
            } catch {
                diagnostics.error(.templateError(.templateProblem(error)), at: SourceLocation(path: path))
            }
        }
        for required in requiredTemplates where !templateFiles.contains(required) {
            diagnostics.error(.missingTemplate(required), at: SourceLocation(path: "\(displayFolder)/templates"))
        }

        var strings: [Language: [String: String]] = [:]
        let stringFiles = layers(
            siteRoot: siteRoot, name: name, under: "i18n",
            isUsed: { file in Language.allCases.contains { "\($0.rawValue).yml" == file } }, into: &diagnostics)
        for language in languages {
            guard let source = stringFiles["\(language.rawValue).yml"],
                let data = FileManager.default.contents(atPath: source.url.path)
            else {
                diagnostics.error(
                    .noInterfaceStrings(language.rawValue),
                    at: SourceLocation(path: "\(displayFolder)/i18n/\(language.rawValue).yml"))
                continue
            }
            let path = source.display
            guard let text = SourceText.decode(data, path: path, into: &diagnostics),
                let root = YAMLParser.parse(text, path: path, into: &diagnostics)
            else { continue }
            guard case .mapping(let map) = root else {
                diagnostics.error(.interfaceStringsNotAMapping, at: root.location)
                continue
            }
            var table: [String: String] = [:]
            for entry in map.entries {
                if let value = entry.value.text(key: entry.key, into: &diagnostics) { table[entry.key] = value.value }
            }
            let required = requiredStrings + templateStrings.sorted().filter { !requiredStrings.contains($0) }
            for key in required where table[key] == nil {
                diagnostics.error(.missingInterfaceString(key), at: SourceLocation(path: path))
            }
            strings[language] = table
        }
        if let primary = languages.first, let reference = strings[primary] {
            // Required strings missing from a language were reported above.
            let required = Set(requiredStrings).union(templateStrings)
            for language in languages.dropFirst() {
                guard let table = strings[language] else { continue }
                for key in reference.keys.sorted() where table[key] == nil && !required.contains(key) {
                    diagnostics.error(
                        .missingInterfaceString(key, presentIn: primary.rawValue),
                        at: SourceLocation(path: stringFiles["\(language.rawValue).yml"]?.display ?? displayFolder))
                }
            }
        }
        let assets = layers(siteRoot: siteRoot, name: name, under: "assets", into: &diagnostics).sorted {
            $0.key < $1.key
        }.map {
            (path: $0.key, url: $0.value.url)
        }
        let rootFiles = layers(siteRoot: siteRoot, name: name, under: "root", into: &diagnostics).sorted {
            $0.key < $1.key
        }.map {
            (path: $0.key, url: $0.value.url)
        }
        guard diagnostics.errorCount == before else { return nil }
        let chrome = PageChrome.Templates(templates, extendingBase: extendingBase)
        return Theme(
            name: name, library: chrome.full, chrome: chrome, strings: strings, assets: assets, rootFiles: rootFiles)
    }
}

import Foundation

/// `vacancies/<id>/index.md` and `formations.csv` into a Vacancy.
enum VacancyValidator {
    static let keys = ["title", "kind", "published", "number", "summary", "schedule", "results", "scoring", "draft"]
    static let scheduleKeys = ["stage", "title", "start", "end", "location", "note"]
    static let resultKeys = ["stage", "file", "sheet", "published", "number", "objection_until", "history"]
    static let versionKeys = ["file", "sheet", "published", "number", "reason", "objection_until"]

    static func validate(_ loaded: LoadedVacancy, zone: SiteTimeZone, into diagnostics: inout Diagnostics) -> Vacancy? {
        guard let file = loaded.index, let (map, body) = MarkdownDocumentReader.read(file, into: &diagnostics) else {
            return nil
        }
        map.checkKeys(
            known: keys, required: ["title", "kind", "published"], in: .notice, into: &diagnostics)
        let title = map.text("title", into: &diagnostics)
        var kind: RecruitmentKind?
        if let written = map.text("kind", into: &diagnostics) {
            kind = RecruitmentKind(rawValue: written.value.lowercased())
            if kind == nil {
                diagnostics.error(.unknownVacancyKind(written.value), at: written.location)
            }
        }
        let published = map.date("published", zone: zone, into: &diagnostics)
        let schedule = (map.list("schedule", into: &diagnostics) ?? []).compactMap {
            scheduleEntry($0, zone: zone, into: &diagnostics)
        }
        let results = (map.list("results", into: &diagnostics) ?? []).compactMap {
            resultEntry($0, vacancy: loaded, kind: kind, zone: zone, into: &diagnostics)
        }
        checkUnlistedResultFiles(loaded, listed: results, location: SourceLocation(path: file.path), into: &diagnostics)
        let scoringMap = map.mapping("scoring", into: &diagnostics)
        let scoring = ScoringValidator.rules(scoringMap, kind: kind ?? .cpns, into: &diagnostics)
        let formations = loaded.formations.flatMap {
            FormationsValidator.validate($0, kind: kind, passingKinds: Set(scoring.passing.keys), into: &diagnostics)
        }
        let draft = map.bool("draft", into: &diagnostics) ?? false
        guard let title, let kind, let published, let formations else { return nil }
        let tables = ResultsValidator.read(
            results, vacancy: loaded, kind: kind, formations: formations, rules: scoring, into: &diagnostics)
        return Vacancy(
            id: loaded.id, title: title.value, kind: kind, published: published.value,
            number: map.text("number", into: &diagnostics)?.value,
            summary: map.text("summary", into: &diagnostics)?.value,
            schedule: schedule, results: results, tables: tables, scoring: scoring, draft: draft,
            body: body, formations: formations, sourcePath: file.path, formationsPath: loaded.formations?.path ?? ""
        )
    }

    private static func scheduleEntry(_ value: YAMLValue, zone: SiteTimeZone, into diagnostics: inout Diagnostics)
        -> ScheduleEntry?
    {
        guard let map = value.mapping(what: .scheduleEntry, into: &diagnostics) else { return nil }
        map.checkKeys(
            known: scheduleKeys, required: ["stage", "start", "end"], in: .scheduleEntry, into: &diagnostics)
        let title = map.text("title", into: &diagnostics)
        var stage: String?
        if let written = map.text("stage", into: &diagnostics) {
            if ScheduleEntry.knownStages.contains(written.value) {
                stage = written.value
            } else if let alias = ScheduleEntry.resultStageAliases[written.value] {
                stage = alias
            } else if !Slug.isValid(written.value) {
                diagnostics.error(.stageNotASlug(written.value), at: written.location)
            } else if title == nil {
                diagnostics.error(.customStageWithoutTitle(written.value), at: written.location)
            } else {
                stage = written.value
            }
        }
        let start = map.date("start", zone: zone, into: &diagnostics)
        let end = map.date("end", zone: zone, into: &diagnostics)
        if let start, let end, end.value.endInstant < start.value.instant {
            diagnostics.error(
                .endBeforeStart(end: end.value.plainText, start: start.value.plainText), at: end.location)
            return nil
        }
        guard let stage, let start, let end else { return nil }
        return ScheduleEntry(
            stage: stage, title: title?.value, start: start.value, end: end.value,
            location: map.text("location", into: &diagnostics)?.value,
            note: map.text("note", into: &diagnostics)?.value)
    }

    private static func resultEntry(
        _ value: YAMLValue, vacancy: LoadedVacancy, kind: RecruitmentKind?, zone: SiteTimeZone,
        into diagnostics: inout Diagnostics
    ) -> ResultEntry? {
        guard let map = value.mapping(what: .resultsEntry, into: &diagnostics) else { return nil }
        map.checkKeys(known: resultKeys, required: ["stage", "published"], in: .resultsEntry, into: &diagnostics)
        var stage: ResultStage?
        if let written = map.text("stage", into: &diagnostics) {
            let allowed = kind.map(ResultStage.stages(for:)) ?? ResultStage.allCases
            if let parsed = ResultStage(rawValue: written.value), allowed.contains(parsed) {
                stage = parsed
            } else {
                let names = allowed.map(\.rawValue)
                diagnostics.error(.unknownResultStage(written.value, kind: kind, known: names), at: written.location)
            }
        }
        var file: String?
        var fileMissing = false
        if let written = map.text("file", into: &diagnostics) {
            file = tableFile(written, vacancy: vacancy, into: &diagnostics)
            fileMissing = file == nil
        } else if let stage, stage != .akhir {
            diagnostics.error(.resultsEntryWithoutFile(stage: stage.rawValue), at: map.location)
        }
        let sheet = sheet(map, file: file, into: &diagnostics)
        let published = map.date("published", zone: zone, into: &diagnostics)
        let objection = map.date("objection_until", zone: zone, into: &diagnostics)
        var named: [String] = []
        let history = map.list("history", into: &diagnostics).map {
            versions(
                $0, current: published?.value, currentFile: file, vacancy: vacancy, zone: zone, named: &named,
                into: &diagnostics)
        }
        guard let stage, let published else { return nil }
        return ResultEntry(
            stage: stage, file: file, sheet: sheet?.value, fileMissing: fileMissing, published: published.value,
            number: map.text("number", into: &diagnostics)?.value, objectionUntil: objection?.value,
            location: map.location, history: history ?? [], historyFiles: named)
    }

    /// `sheet` of a results or history entry, refused where `file` is not a workbook.
    private static func sheet(_ map: YAMLMapping, file: String?, into diagnostics: inout Diagnostics)
        -> Located<String>?
    {
        guard let named = map.text("sheet", into: &diagnostics) else { return nil }
        if let file, TableFormat(path: file).map({ if case .xlsx = $0 { false } else { true } }) ?? true {
            diagnostics.error(.sheetOfNonWorkbook(file), at: named.location)
            return nil
        }
        return named
    }

    /// The earlier versions of a table, oldest first, each published on a day of its own
    /// before the next.
    /// `named`: every file the history names, read or not, so that none is also reported
    /// as a table no entry names.
    private static func versions(
        _ items: [YAMLValue], current: ContentDate?, currentFile: String?, vacancy: LoadedVacancy,
        zone: SiteTimeZone, named: inout [String], into diagnostics: inout Diagnostics
    ) -> [ResultVersion] {
        var versions: [ResultVersion] = []
        var days: [String: SourceLocation] = [:]
        var files: [String: SourceLocation] = [:]
        for item in items {
            guard let map = item.mapping(what: .historyEntry, into: &diagnostics) else { continue }
            map.checkKeys(
                known: versionKeys, required: ["file", "published"], in: .historyEntry, into: &diagnostics)
            let written = map.text("file", into: &diagnostics)
            if let written { named.append(written.value) }
            var file = written.flatMap { tableFile($0, vacancy: vacancy, into: &diagnostics) }
            if let name = file, let written {
                // An earlier version is a file of its own: the current table overwritten
                // and listed again would publish the same table as a version.
                if name == currentFile {
                    diagnostics.error(.historyNamesCurrentTable(name), at: written.location)
                    file = nil
                } else if let first = files[name] {
                    diagnostics.error(.historyNamesFileTwice(name, firstLine: first.line), at: written.location)
                    file = nil
                } else {
                    files[name] = written.location
                }
            }
            let sheet = sheet(map, file: file, into: &diagnostics)
            guard let published = map.date("published", zone: zone, into: &diagnostics) else { continue }
            let day = published.value.date.description
            if let first = days[day] {
                diagnostics.error(.twoVersionsOnOneDay(day, firstLine: first.line), at: published.location)
                continue
            }
            days[day] = published.location
            if let previous = versions.last, published.value.instant <= previous.published.instant {
                diagnostics.error(
                    .versionsOutOfOrder(day, previous: previous.published.date.description), at: published.location)
                continue
            }
            if let current {
                if current.date.description == day {
                    diagnostics.error(.versionOnCurrentDay(day), at: published.location)
                    continue
                }
                if published.value.instant >= current.instant {
                    diagnostics.error(
                        .versionAfterCurrent(day, current: current.date.description), at: published.location)
                    continue
                }
            }
            guard let file else { continue }
            versions.append(
                ResultVersion(
                    file: file, sheet: sheet?.value, published: published.value,
                    number: map.text("number", into: &diagnostics)?.value,
                    reason: map.text("reason", into: &diagnostics)?.value,
                    objectionUntil: map.date("objection_until", zone: zone, into: &diagnostics)?.value,
                    location: map.location))
        }
        return versions
    }

    /// The table a results or history entry names, when it is one that can be read;
    /// reported at the name otherwise.
    private static func tableFile(
        _ written: Located<String>, vacancy: LoadedVacancy, into diagnostics: inout Diagnostics
    ) -> String? {
        var file: String?
        if vacancy.resultFiles.contains(written.value) || isFile(written.value, in: vacancy) {
            file = written.value
            if TableFormat(path: written.value) == nil {
                diagnostics.error(.notATable(written.value), at: written.location)
                file = nil
            }
        } else {
            var info = stat()
            let url = vacancy.folderURL.appendingPathComponent(written.value)
            if lstat(url.path, &info) == 0 {
                // There, but refused (a link out of content/, a FIFO): a table under
                // results/ was named at the file already; another, here.
                let contentRoot = vacancy.folderURL.deletingLastPathComponent().deletingLastPathComponent()
                if !written.value.hasPrefix("results/"),
                    let refusal = ContentLoader.refusal(url, contentRoot: contentRoot)
                {
                    diagnostics.error(.resultTableRefused(written.value, refusal), at: written.location)
                }
            } else {
                diagnostics.error(
                    .resultTableMissing(written.value, folder: vacancy.folderPath, known: vacancy.resultFiles),
                    at: written.location)
            }
        }
        return file
    }

    /// A file under the vacancy folder (not only under results/), never outside it.
    private static func isFile(_ relative: String, in vacancy: LoadedVacancy) -> Bool {
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else { return false }
        let url = vacancy.folderURL.appendingPathComponent(relative)
        let contentRoot = vacancy.folderURL.deletingLastPathComponent().deletingLastPathComponent()
        return ContentLoader.refusal(url, contentRoot: contentRoot) == nil
    }

    private static func checkUnlistedResultFiles(
        _ vacancy: LoadedVacancy, listed: [ResultEntry], location: SourceLocation,
        into diagnostics: inout Diagnostics
    ) {
        let named = Set(listed.compactMap(\.file) + listed.flatMap(\.historyFiles))
        for file in vacancy.resultFiles where !named.contains(file) {
            diagnostics.warning(.resultTableNotNamed(file), at: SourceLocation(path: "\(vacancy.folderPath)/\(file)"))
        }
    }
}

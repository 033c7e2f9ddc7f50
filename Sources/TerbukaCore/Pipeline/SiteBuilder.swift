import Foundation

#if canImport(Glibc)
    import TerbukaMemory
#endif

public struct BuildOptions: Sendable {
    /// The folder holding `content/` and `themes/`.
    public var siteRoot: URL
    public var output: URL
    public var includeDrafts: Bool
    /// Build time in seconds since the Unix epoch: what is "open", "current" or "archived"
    /// is decided as of this instant. nil: `SOURCE_DATE_EPOCH` when set, else the newest
    /// publication date in the content, so that two builds of the same content are
    /// byte-identical (never the wall clock alone).
    public var now: Int?
    /// Told what the build is doing, stage by stage (for a terminal).
    public var progress: (@Sendable (Bilingual) -> Void)?
    /// The key that signs SHA256SUMS (`build --sign`); nil: the site is not signed.
    public var signingKey: SSHPrivateKey?
    /// Builds incrementally from what the previous build kept in the cache folder beside
    /// the output (`.<output>.cache/`). false (`build --no-cache`): a full build, and the
    /// cache folder is removed.
    public var incremental = true

    public init(siteRoot: URL, output: URL? = nil, includeDrafts: Bool = false, now: Int? = nil) {
        self.siteRoot = siteRoot
        self.output = output ?? siteRoot.appendingPathComponent("output")
        self.includeDrafts = includeDrafts
        self.now = now ?? BuildOptions.sourceDateEpoch()
    }

    /// `SOURCE_DATE_EPOCH`, kept within the years content dates may have (1970–2099).
    public static func sourceDateEpoch() -> Int? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }.map {
            min(max($0, 0), latestInstant)
        }
    }

    /// 2099-12-31T23:59:59Z.
    static let latestInstant = 4_102_444_799

    /// The newest date the agency published: notices, announcements, results.
    public static func newestPublication(_ content: SiteContent) -> Int {
        let dates =
            content.vacancies.map(\.published.instant)
            + content.vacancies.flatMap { $0.results.map(\.published.instant) }
            + content.announcements.map(\.date.instant)
        return dates.max() ?? 0
    }
}

public struct BuildReport: Sendable {
    public var diagnostics: Diagnostics
    /// Files written; 0 when the build stopped before writing.
    public var filesWritten: Int
    public var pagesWritten: Int
    /// Of the files written, those taken from the previous output unchanged: linked from
    /// the output in place, or kept as found in the spare tree.
    public var filesReused = 0
    /// True when the output was already what this build would write (nothing changed since
    /// the previous build): nothing was written.
    public var upToDate = false
    /// Seconds spent in each stage, in order.
    public var timings: [(stage: String, seconds: Double)]
    /// The computed site, when the pipeline got that far: for tools built on the pipeline,
    /// and so that a command-line run can exit without freeing it piece by piece. Its
    /// vacancies' read tables are let go once ranked (`Vacancy.tables`): the ranked ones
    /// are its `results`.
    public var site: SiteIndex?
    /// What the build read and made (the previous state, every input's stamp, the staging
    /// folder with its ledger, the page keys), kept for the same reason as `site`; not the
    /// cache's lock, which ends with the build.
    var read: [any Sendable] = []
    /// Pages whose key did not cover what they show (`OutputReuse.keyHolds`; debug builds).
    var staleKeys: [String] = []
    /// Files taken from the previous output by their key, without making their view, in no
    /// particular order.
    var takenByKey: [String] = []

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline: load → parse and validate → compute → render → write. `check` is the
/// same pipeline stopped before writing.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func check() async -> BuildReport {
        await run(write: false)
    }

    public func build() async -> BuildReport {
        await run(write: true)
    }

    private func run(write: Bool) async -> BuildReport {
        var diagnostics = Diagnostics()
        var timings: [(String, Double)] = []
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            let elapsed = clock.duration(to: now)
            timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            clock = now
        }
        var site: SiteIndex?
        func report(_ files: Int = 0, pages: Int = 0) -> BuildReport {
            BuildReport(
                diagnostics: diagnostics, filesWritten: files, pagesWritten: pages, timings: timings, site: site)
        }

        // An incremental build first looks at what changed; nothing: the previous build's
        // warnings are given again and nothing is written.
        // Not beside an output that will be refused (below): nothing is touched there.
        let cached = write && OutputWriter.refusal(options.output, siteRoot: options.siteRoot) == nil
        // No plan for inputs whose paths only the bytes tell apart (`IncrementalPlan.init`):
        // a full build, as with --no-cache.
        let plan = cached && options.incremental ? IncrementalPlan(options: options) : nil
        // A full build empties the cache, holding its lock (until the build ends) so that an
        // incremental build of the same output is never running meanwhile.
        let fullBuildLock = cached && plan == nil ? BuildCache(output: options.output).empty() : nil
        defer { withExtendedLifetime(fullBuildLock) {} }
        if let plan, let found = plan.upToDate {
            for warning in found.warnings { diagnostics.warning(warning.message, at: warning.location) }
            // Same contents under new stamps (a file saved again unchanged), found by the full
            // reading of the state: keep the new stamps, so that the next build need not read
            // it again.
            if let previous = plan.previous,
                plan.inputs.contains(where: { previous.inputs[$0.key]?.stamp != $0.value.stamp })
            {
                var state = previous
                state.inputs = plan.inputs
                state.scanned = plan.scanned
                let spareRecorded = plan.cache.spareIsRecorded(by: previous)
                if (try? plan.cache.write(state)) != nil, spareRecorded { plan.cache.markSpareRecorded(by: state) }
            }
            lap("unchanged")
            var report = report(found.files, pages: found.pages)
            report.upToDate = true
            // The tables read, when the state was read into them.
            if plan.previous != nil { report.read = [plan.previous, plan.inputs, plan.hashesByLocation] }
            return report
        }
        if plan != nil { lap("scan") }
        // The spare tree is looked at while the content is loaded, validated and ranked: it
        // depends only on the previous build's state and the look at the outputs, and nothing
        // else touches it. A build that then stops on content errors has only removed its
        // links and given its folders their permissions.
        async let spareTree = plan?.spare()
        options.progress?(.loadingContent)
        // What the previous build made of each notice, for those whose file has not changed.
        var loader = ContentLoader(siteRoot: options.siteRoot)
        let notices = plan.map {
            NoticeMemo(
                previous: $0.previous?.notices, inputs: $0.inputs, contentRoot: loader.contentRoot)
        }
        loader.unread = notices?.unread ?? []
        let loaded = loader.load(into: &diagnostics)
        lap("load")
        options.progress?(
            .readingContent(
                vacancies: loaded.vacancies.count, announcements: loaded.announcements.count, pages: loaded.pages.count)
        )
        // The theme's templates are read and parsed as soon as site.yml says which theme and
        // languages, while the rest is validated and the vacancies ranked (after them, they
        // held back the site's index by a stretch of one core, perf).
        let siteRoot = options.siteRoot
        let config = ContentValidator.configuration(loaded, into: &diagnostics)
        async let themed: (Theme?, Diagnostics) = {
            var local = Diagnostics()
            let theme = config.flatMap {
                Theme.load(siteRoot: siteRoot, name: $0.theme, languages: $0.languages, into: &local)
            }
            return (theme, local)
        }()
        guard
            var content = ContentValidator.validate(
                loaded, config: config, includeDrafts: options.includeDrafts, memo: notices, into: &diagnostics)
        else {
            lap("parse+validate")
            return report()
        }
        lap("parse+validate")
        // The state's lines of inputs and notices, known now, are made while the site is
        // ranked, indexed and written.
        let noticeRecords = notices?.records ?? .parsed([:])
        async let earlyLines = plan?.earlyLines(notices: noticeRecords) ?? [:]
        let rows = content.vacancies.reduce(0) { $0 + $1.tables.rowCount }
        options.progress?(.ranking(rows))
        let results = await Self.computeResults(content.vacancies, into: &diagnostics)
        // Ranked, each table holds what it publishes in its own order (the SKD table keeps no
        // rows): the rows as read are let go (a million-row table was held twice; issue 16),
        // on a thread of their own while the site is indexed and its pages begin (on this
        // one, a million rows' strings freed were a stretch of one core; BENCHMARKS.md,
        // sixteenth session).
        let read = Held(content.vacancies.map(\.tables))
        for index in content.vacancies.indices {
            content.vacancies[index].tables = content.vacancies[index].tables.rowsLetGo
        }
        let giveBack = write && rows >= Self.memoryGivenBackFrom
        let letGo = Parallel.started {
            read.value = []
            #if canImport(Glibc)
                // The memory of the rows as read given back, so that the render stays below what
                // ranking reached (BENCHMARKS.md, fifteenth session; twenty-first: without it the
                // million-row render's resident memory rose to 430 MiB, above ranking's 390,
                // against 310 MiB with it, for about 0.05 s of the build).
                if giveBack { malloc_trim(0) }
            #endif
        }
        defer { letGo.wait() }
        let (theme, themeDiagnostics) = await themed
        diagnostics.append(contentsOf: themeDiagnostics)
        var index = SiteIndex(
            content: content, now: options.now ?? BuildOptions.newestPublication(content), results: results)
        index.signed = write && options.signingKey != nil
        site = index
        // A build's lists of pages and the outline of its pages' keys are made while the
        // routes are checked: both depend only on the index (on one core each, in turn, they
        // were a stretch of one core in a build after one edit, perf).
        let frozen = index
        let inputs = plan?.sortedInputs
        let (routes, made) = Parallel.both(
            {
                var routes = Diagnostics()
                RouteChecker.check(frozen, into: &routes)
                return routes
            },
            {
                write ? (ListPages(frozen), inputs.map { PageKey.outline(of: frozen, inputs: $0) }) : nil
            })
        diagnostics.append(contentsOf: routes)
        if write, let signing = content.config.signing {
            if let key = options.signingKey, key.publicKey != signing.key {
                diagnostics.error(
                    .signingKeyMismatch(given: key.publicKey.fingerprint, site: signing.key.fingerprint),
                    at: signing.location)
            } else if options.signingKey == nil {
                diagnostics.warning(.unsignedBuild, at: signing.location)
            }
        }
        lap("compute")
        // `check` stops here: everything that can be wrong in the content is known.
        guard write, let theme, !diagnostics.hasErrors else { return report() }
        if let refusal = OutputWriter.refusal(options.output, siteRoot: options.siteRoot) {
            diagnostics.error(
                .outputRefused(options.output.path, refusal), at: SourceLocation(path: options.output.lastPathComponent)
            )
            return report()
        }
        options.progress?(.writingSite)
        let writer = OutputWriter(destination: options.output)
        let reuse = plan.map {
            OutputReuse(
                root: options.output, previous: $0.previous, inputs: $0.inputs, sourceHashes: $0.hashesByLocation)
        }
        reuse?.outline = made?.1 ?? ""
        do {
            // What the state will say of the files written before the archive and the sums.
            var before: IncrementalPlan.OutputRecords?
            // The files written after those: the state's lines of the others are made before.
            var last: Set<String> = [Route.sums]
            let staging =
                try await spareTree.map { tree in
                    // Before anything is written into it, the spare tree is no longer as recorded.
                    plan?.cache.unmarkSpare()
                    return writer.beginUpdating(tree, reusing: reuse)
                } ?? writer.begin(reusing: reuse)
            lap("prepare")
            do {
                // The manifest depends only on the content and its inputs: made while the pages
                // are (after them, it was a stretch of one core after one edit, perf).
                let (known, buildTime, ranked) = (plan?.inputs, index.now, content)
                async let manifest = Result {
                    try Integrity.manifest(ranked, siteRoot: siteRoot, buildTime: buildTime) { path in
                        known?[path].flatMap { $0.sha256.isEmpty ? nil : ($0.sha256, $0.stamp.size) }
                    }
                }
                // The primary language first: the others link to its data and show its hashes.
                let lists = made?.0 ?? ListPages(index)
                let renderers = content.config.languages.map {
                    SiteRenderer(index: index, theme: theme, language: $0, lists: lists, reuse: reuse)
                }
                for renderer in renderers { try await renderer.render(to: staging) }
                // Once every language's pages are written: the sitemap lists them all.
                try renderers.first?.writePublicationFiles(to: staging)
                lap("render")
                // A notice taken from the previous build whose file changed before its body
                // was read: its page would mix two versions. Nothing is published.
                if let changed = notices?.changedDuringBuild, !changed.isEmpty {
                    for path in changed {
                        diagnostics.error(.cannotRead(.changedDuringBuild), at: SourceLocation(path: path))
                    }
                    writer.abandon(staging)
                    return report()
                }
                try staging.write(await manifest.get())
                // While the archive and the sums are written (on one core): the spare tree's
                // leftovers are swept, and then the files written so far and their folders
                // are recorded for the state. Nothing changes them after but the staging
                // folder itself (the last files are written into it, and the swap renames it),
                // which is looked at again after the swap.
                if index.offersZip { last.insert(Route.zip) }
                if options.signingKey != nil { last.insert(Route.signature) }
                let written = staging.ledger.all
                async let recorded: IncrementalPlan.OutputRecords? = {
                    let swept = staging.sweep(keeping: last)
                    guard let reuse, plan != nil else { return nil }
                    // Folders are taken as found only from a spare tree read from its records.
                    let fromRecords = staging.spare?.readFromRecords == true ? staging.spare : nil
                    return IncrementalPlan.record(
                        written, below: staging.rootPath, reuse: reuse,
                        found: fromRecords?.foundFolders ?? [:],
                        touched: fromRecords.map { _ in staging.touchedFolders(swept: swept) } ?? [])
                }()
                if index.offersZip { try SiteArchive.write(to: staging, buildTime: index.now) }
                lap("manifest+zip")
                let sums = Integrity.sums(staging.ledger)
                try staging.write(sums)
                if let key = options.signingKey { try staging.write(Integrity.signature(of: sums, with: key)) }
                before = await recorded
            } catch {
                writer.abandon(staging)
                throw OutputWriter.WriteError(words: .cannotWriteSite(.same(error.localizedDescription)))
            }
            lap("sums")
            let counts = staging.ledger.counts
            // The cache never describes an output other than the one in place: forgotten
            // before the swap, kept again after it.
            plan?.cache.discard()
            // The output in place as it is moved aside, for the state of the spare tree.
            let movedRoot = FileStamp.ofFolder(options.output.standardizedFileURL.path)
            // The output in place becomes the spare tree, when the state can describe it.
            let kept = try writer.commit(
                staging, keepingPreviousAt: plan?.previous == nil ? nil : plan?.cache.spareFolder)
            lap("swap")
            var state: BuildState?
            if let plan, let reuse {
                state = plan.state(
                    ledger: staging.ledger, output: options.output, reuse: reuse,
                    notices: noticeRecords, warnings: diagnostics.all.filter { $0.severity == .warning },
                    keptPrevious: kept, movedRoot: movedRoot, before: before.take(), last: Array(last),
                    early: await earlyLines)
                if let state, (try? plan.cache.write(state)) != nil {
                    plan.cache.markSpareRecorded(by: state)
                    lap("cache")
                }
            }
            var built = report(counts.files, pages: counts.pages)
            // Linked from the output in place, or kept as found in the spare tree.
            built.filesReused = (reuse?.linked ?? 0) + staging.ledger.kept
            built.staleKeys = reuse?.staleKeys ?? []
            built.takenByKey = reuse?.takenByKey ?? []
            // What the build made is dropped with the process, not freed piece by piece
            // (a tenth of a one-edit build on 10,000 notices: perf).
            built.read =
                (plan.map { [$0.previous, $0.inputs, $0.hashesByLocation] } ?? []) + [
                    staging, writer, index, reuse, notices, state,
                ]
            return built
        } catch {
            diagnostics.error(
                .cannotWrite((error as? OutputWriter.WriteError)?.words ?? .same("\(error)")),
                at: SourceLocation(path: options.output.lastPathComponent))
            return report()
        }
    }

    /// A value handed to another thread, which lets it go.
    private final class Held<Value>: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Rows from which the memory of the rows as read is given back once they are ranked;
    /// fewer hold too little to matter.
    static let memoryGivenBackFrom = 50_000

    /// Ranks every vacancy's tables, vacancies in parallel; diagnostics keep vacancy order.
    static func computeResults(_ vacancies: [Vacancy], into diagnostics: inout Diagnostics) async
        -> [String: VacancyResults]
    {
        let computed = await withTaskGroup(of: (Int, VacancyResults, Diagnostics).self) { group in
            for (offset, vacancy) in vacancies.enumerated() {
                group.addTask {
                    var local = Diagnostics()
                    let results = VacancyResults(vacancy, into: &local)
                    return (offset, results, local)
                }
            }
            var all: [(Int, VacancyResults, Diagnostics)] = []
            for await item in group { all.append(item) }
            return all.sorted { $0.0 < $1.0 }
        }
        var byID: [String: VacancyResults] = [:]
        for (offset, results, local) in computed {
            diagnostics.append(contentsOf: local)
            byID[vacancies[offset].id] = results
        }
        return byID
    }
}

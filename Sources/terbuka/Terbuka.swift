import ArgumentParser
import Foundation
import TerbukaCore

@main
struct Terbuka: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terbuka",
        abstract: "Publishes ASN recruitment (CPNS, PPPK) as a static site: vacancies, formations, schedules and results.",
        discussion: """
        Exit codes: 0 success (warnings may have been printed); 1 the content has errors \
        (nothing was written); 64 wrong command-line usage.
        """,
        version: TerbukaVersion.current,
        subcommands: [Build.self, Check.self, Verify.self]
    )
}

struct SiteOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The site folder, holding content/ and themes/.")
    var site: String = "."

    @Flag(help: "Include vacancies and announcements marked 'draft: true'.")
    var drafts = false

    @Flag(help: "Print the time each stage of the pipeline took.")
    var timings = false

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true) }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and write the site (default: <site>/output).")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .shortAndLong, help: "The output folder; replaced as a whole only when the build succeeds.")
    var output: String?

    func run() async throws {
        let options = BuildOptions(siteRoot: siteOptions.siteURL, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                   includeDrafts: siteOptions.drafts)
        let report = await SiteBuilder(options: options).build()
        Console.print(report.diagnostics)
        if siteOptions.timings { Console.print(timings: report.timings) }
        guard report.succeeded else {
            Console.error("build failed: \(Console.counts(report.diagnostics)); \(options.output.path) was left as it was")
            throw ExitCode(1)
        }
        let total = report.timings.map(\.seconds).reduce(0, +)
        Console.error("built \(report.pagesWritten) pages, \(report.filesWritten) files into \(options.output.path) in \(String(format: "%.2f", total)) s"
            + (report.diagnostics.warningCount > 0 ? " (\(Console.counts(report.diagnostics)))" : ""))
        Console.finish()
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and report every problem, writing nothing.")

    @OptionGroup var siteOptions: SiteOptions

    func run() async throws {
        let report = await SiteBuilder(options: BuildOptions(siteRoot: siteOptions.siteURL, includeDrafts: siteOptions.drafts)).check()
        Console.print(report.diagnostics)
        if siteOptions.timings { Console.print(timings: report.timings) }
        guard report.succeeded else {
            Console.error("check failed: \(Console.counts(report.diagnostics))")
            throw ExitCode(1)
        }
        Console.error("content is valid" + (report.diagnostics.warningCount > 0 ? " (\(Console.counts(report.diagnostics)))" : ""))
        Console.finish()
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash a published site against its SHA256SUMS; exit 0 only when every file matches.")

    @Argument(help: "The site's folder (the one holding SHA256SUMS).")
    var folder: String = "output"

    func run() throws {
        let report = SiteVerifier.verify(URL(fileURLWithPath: folder, isDirectory: true))
        for problem in report.problems { Console.error("error: \(problem)") }
        for path in report.changed { Console.error("changed: \(path)") }
        for path in report.missing { Console.error("missing: \(path)") }
        for path in report.extra { Console.error("extra (not in SHA256SUMS): \(path)") }
        guard report.passed else {
            Console.error("verify failed: \(report.changed.count) changed, \(report.missing.count) missing, \(report.extra.count) extra of \(report.checked + report.missing.count) files listed")
            throw ExitCode(1)
        }
        Console.error("all \(report.checked) files match SHA256SUMS")
    }
}

enum Console {
    static func print(_ diagnostics: Diagnostics) {
        for diagnostic in diagnostics.sorted { error(diagnostic.formatted) }
    }

    static func print(timings: [(stage: String, seconds: Double)]) {
        for (stage, seconds) in timings { error(String(format: "%@: %.3f s", stage, seconds)) }
    }

    static func counts(_ diagnostics: Diagnostics) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning"))"
    }

    /// Ends the process at once: freeing a million-row model piece by piece takes longer
    /// than the operating system needs to drop it whole.
    static func finish() -> Never {
        exit(0)
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

// terbuka: the command-line tool. It owns arguments, the terminal (progress, messages,
// colours) and exit codes, and must not hold a rule of its own: every check and every
// decision is TerbukaCore's, so that `build`, `check`, `serve` and the tests agree.

import ArgumentParser
import Foundation
import TerbukaCore
import TerbukaServe

@main
struct Terbuka: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terbuka",
        abstract:
            "Publishes ASN recruitment (CPNS, PPPK) as a static site: vacancies, formations, schedules and results.",
        discussion: """
            Exit codes: 0 success (warnings may have been printed); 1 the content has errors \
            and nothing was written, or verify found a difference, or a file could not be \
            written; 64 wrong command-line usage.
            """,
        version: TerbukaVersion.current,
        subcommands: [
            Build.self, Check.self, Serve.self, Verify.self, Init.self, New.self, Import.self, Explain.self,
        ]
    )
}

struct SiteOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The site folder, holding content/ and themes/.")
    var site: String = "."

    @Flag(help: "Include vacancies and announcements marked 'draft: true'.")
    var drafts = false

    @Flag(help: "Print the time each stage of the pipeline took.")
    var timings = false

    @Flag(name: .shortAndLong, help: "Print only problems; no progress and no summary.")
    var quiet = false

    @OptionGroup var language: LanguageOption

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true) }

    /// Chooses the language of messages for this run and hands it to Console.
    func chooseLanguage() { language.choose(site: siteURL) }
}

extension Language: ExpressibleByArgument {}

/// `--lang` for commands without a site to take the language from.
struct LanguageOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The language of messages: id (Indonesian) or en (English).",
            discussion:
                "Without it: LC_ALL, LC_MESSAGES or LANG when they name Indonesian or English, else the site's first language (for commands with a site), else Indonesian. The words error and warning stay English, for tools.",
            valueName: "id|en"))
    var lang: Language?

    /// Chooses the language of messages for this run and hands it to Console.
    func choose(site: URL? = nil) {
        Console.language = Language.forMessages(
            flag: lang, environment: ProcessInfo.processInfo.environment,
            site: site.flatMap(SiteConfigValidator.declaredLanguage))
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content and write the site (default: <site>/output).")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .shortAndLong, help: "The output folder; replaced as a whole only when the build succeeds.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Sign SHA256SUMS with this unencrypted OpenSSH Ed25519 private key: writes SHA256SUMS.sig.",
            discussion:
                "Check it with: ssh-keygen -Y verify -f allowed_signers -I IDENTITY -n file -s SHA256SUMS.sig < SHA256SUMS",
            valueName: "KEY"))
    var sign: String?

    @Flag(
        help: ArgumentHelp(
            "Build everything again, ignoring and removing the cache beside the output.",
            discussion:
                "By default a build keeps what it knew in .<output>.cache/ beside the output and the next build writes again only what changed."
        ))
    var noCache = false

    func run() async throws {
        siteOptions.chooseLanguage()
        var options = BuildOptions(
            siteRoot: siteOptions.siteURL, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
            includeDrafts: siteOptions.drafts)
        options.incremental = !noCache
        if let sign {
            // Read before anything is built: a key that cannot sign writes nothing.
            options.signingKey = try Console.readKey(sign, after: .nothingWritten) {
                try SSHPrivateKey(text: $0)
            }
        }
        options.progress = Console.progress(quiet: siteOptions.quiet)
        let report = await SiteBuilder(options: options).build()
        Console.endProgress()
        Console.print(report.diagnostics)
        if siteOptions.timings { Console.print(timings: report.timings) }
        guard report.succeeded else {
            Console.say(.buildFailed(Console.counts(report.diagnostics), output: options.output.path))
            throw ExitCode(1)
        }
        let total = report.timings.map(\.seconds).reduce(0, +)
        if siteOptions.quiet { Console.finish() }
        let seconds = String(format: "%.2f", total)
        let built =
            report.upToDate
            ? Bilingual.upToDate(
                pages: report.pagesWritten, files: report.filesWritten, output: options.output.path, seconds: seconds)
            : Bilingual.built(
                pages: report.pagesWritten, files: report.filesWritten, output: options.output.path, seconds: seconds,
                reused: report.filesReused)
        Console.say(built, Console.summaryOfWarnings(report.diagnostics))
        Console.finish()
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content and report every problem, writing nothing.",
        discussion:
            "With --format json the report goes to standard output as {\"errors\", \"warnings\", \"diagnostics\": [{path, line, column, severity, code, message, hint, text} (and field, header for a table's cell; sheet, cell in a workbook)]}, for an agency's own CI. Codes such as T0203 are explained in docs/panduan.md and by 'terbuka explain CODE'."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "text (default) or json.")
    var format: Format = .text

    func run() async throws {
        siteOptions.chooseLanguage()
        var options = BuildOptions(siteRoot: siteOptions.siteURL, includeDrafts: siteOptions.drafts)
        options.progress = format == .json ? nil : Console.progress(quiet: siteOptions.quiet)
        let report = await SiteBuilder(options: options).check()
        Console.endProgress()
        if format == .json {
            print(Console.json(report.diagnostics))
            if report.diagnostics.hasErrors { throw ExitCode(1) }
            Console.finish()
        }
        Console.print(report.diagnostics)
        if siteOptions.timings { Console.print(timings: report.timings) }
        guard report.succeeded else {
            Console.say(.checkFailed(Console.counts(report.diagnostics)))
            throw ExitCode(1)
        }
        if siteOptions.quiet { Console.finish() }
        Console.say(.contentValid, Console.summaryOfWarnings(report.diagnostics))
        Console.finish()
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a message code such as T0203: what it means, an example, what to do.",
        discussion: "The same explanations are in docs/panduan.md, section 6.")

    @Argument(help: "The code, e.g. T0203. Without it: every code, as the guide lists them.")
    var code: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.choose()
        guard let code else {
            print(CodeGuide.markdown, terminator: "")
            return
        }
        guard let explanation = CodeGuide.explanation(code) else {
            Console.say(.same("error: "), .unknownCode(code))
            throw ExitCode(64)
        }
        print(CodeGuide.section(explanation), terminator: "")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Build, serve the site on 127.0.0.1, and rebuild and reload the open page when content or theme change.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .shortAndLong, help: "The port (0: any free one).")
    var port: UInt16 = 8000

    func run() async throws {
        siteOptions.chooseLanguage()
        let options = BuildOptions(siteRoot: siteOptions.siteURL, includeDrafts: siteOptions.drafts)
        do {
            let server = try PreviewServer(options: options, port: port, language: Console.language) {
                Console.error($0)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                if let port = try await server.port() {
                    Console.say(.serving("http://127.0.0.1:\(port)/"))
                }
                try await group.next()
            }
        } catch let error as ServeError {
            Console.say(.same("error: "), error.words)
            throw ExitCode(1)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new site in a folder: site.yml and one example of everything.")

    @Argument(help: "The folder of the new site (made when missing).")
    var folder: String

    @Option(help: "The site's title.")
    var title = "Seleksi ASN Kota Contoh"

    @Option(help: "The publishing office.")
    var agency = "BKPSDM Kota Contoh"

    @Option(help: "Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura.")
    var timezone = "Asia/Jakarta"

    @Option(
        help: ArgumentHelp(
            "Where the pipelines download Terbuka's release archive (made by scripts/package.sh).",
            discussion: "Without it, the pipelines read the CI variable TERBUKA_RELEASE_URL."))
    var releaseURL: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.choose()
        guard let zone = SiteTimeZone(rawValue: timezone) else {
            Console.say(.same("error: "), .unknownZoneOption(timezone))
            throw ExitCode(64)
        }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            let done = try Scaffold.initSite(
                at: url, title: title, agency: agency, timezone: zone, today: Console.today(zone),
                releaseURL: releaseURL)
            for line in done { Console.say(line) }
            Console.say(.nextEditSite(folder))
        } catch {
            Console.failure(error)
            throw ExitCode(1)
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a vacancy, announcement or page with its front matter filled in.")

    @Argument(help: "vacancy, announcement or page.")
    var kind: Scaffold.Kind

    @Argument(help: "Its id (a slug: lower-case a-z, 0-9 and '-').")
    var slug: String

    @Option(name: .shortAndLong, help: "The site folder.")
    var site = "."

    @OptionGroup var language: LanguageOption

    func run() throws {
        let root = URL(fileURLWithPath: site, isDirectory: true)
        language.choose(site: root)
        var diagnostics = Diagnostics()
        let zone =
            ContentLoader(siteRoot: root).load(into: &diagnostics).siteConfig
            .flatMap { SiteConfigValidator.validate($0, into: &diagnostics) }?.timeZone ?? .jakarta
        do {
            for file in try Scaffold.newFile(kind, slug: slug, siteRoot: root, today: Console.today(zone)) {
                Console.say(.created(file))
            }
        } catch {
            Console.failure(error)
            throw ExitCode(1)
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import data from elsewhere.", subcommands: [SSCASN.self])

    struct SSCASN: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sscasn",
            abstract:
                "Turn an SSCASN formation export into a vacancy's formations.csv, with a report of what was merged and what is unclear."
        )

        @Argument(help: "The export (CSV).")
        var file: String

        @Option(help: "The vacancy id: the file is written to content/vacancies/<id>/formations.csv.")
        var vacancy: String

        @Option(name: .shortAndLong, help: "The site folder.")
        var site = "."

        @Flag(help: "Replace an existing formations.csv.")
        var force = false

        @OptionGroup var language: LanguageOption

        func run() throws {
            language.choose(site: URL(fileURLWithPath: site, isDirectory: true))
            guard Slug.isValid(vacancy) else {
                Console.say(.same("error: "), .notASlugOption(vacancy))
                throw ExitCode(64)
            }
            let target = URL(fileURLWithPath: site, isDirectory: true).appendingPathComponent(
                "content/vacancies/\(vacancy)/formations.csv")
            // The empty list `terbuka new vacancy` writes is there to be replaced.
            if FileManager.default.fileExists(atPath: target.path), !force, !Scaffold.isEmptyFormationList(target) {
                Console.say(.same("error: "), .existsUseForce(target.path))
                throw ExitCode(1)
            }
            do {
                let (csv, report) = try SSCASNImporter.convert(URL(fileURLWithPath: file), displayPath: file)
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try csv.write(to: target, atomically: true, encoding: .utf8)
                Console.error(report.text(in: Console.language))
                Console.say(.wrote(target.path))
                if !FileManager.default.fileExists(
                    atPath: target.deletingLastPathComponent().appendingPathComponent("index.md").path)
                {
                    Console.say(.nextNotice(vacancy))
                }
            } catch {
                Console.failure(error)
                throw ExitCode(1)
            }
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash a published site against its SHA256SUMS; exit 0 only when every file matches.")

    @Argument(help: "The site's folder (the one holding SHA256SUMS).")
    var folder: String = "output"

    @Flag(
        help:
            "Fail on files that SHA256SUMS does not list, too (by default they are warnings: hosts add files such as .htaccess)."
    )
    var strict = false

    @Option(
        help: ArgumentHelp(
            "The publisher's OpenSSH Ed25519 public key (a .pub file): also check SHA256SUMS.sig.",
            valueName: "KEY.pub"))
    var key: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        language.choose()
        var publicKey: SSHPublicKey?
        if let key {
            publicKey = try Console.readKey(key) { try SSHPublicKey(line: $0) }
        }
        let report = SiteVerifier.verify(URL(fileURLWithPath: folder, isDirectory: true), key: publicKey)
        for problem in report.problems { Console.say(.same("error: "), problem) }
        for path in report.changed { Console.say(.changed(path)) }
        for path in report.missing { Console.say(.missing(path)) }
        for path in report.extra { Console.say(.extra(path, strict: strict)) }
        switch report.signature {
        case .valid?:
            Console.say(.signatureValid(publicKey!.fingerprint))
        case .missing?:
            Console.say(.signatureMissing)
        case .invalid(.otherKey(let fingerprint))?:
            Console.say(.signatureOtherKey(fingerprint, expected: publicKey!.fingerprint))
        case .invalid(.otherBytes)?:
            Console.say(.signatureOtherBytes)
        case .invalid(.unreadable(let why))?:
            Console.say(.signatureUnreadable(why))
        case .invalid(.valid)?, nil:
            break
        }
        guard report.passed(strict: strict) else {
            Console.say(
                .verifyFailed(
                    changed: report.changed.count, missing: report.missing.count, extra: report.extra.count,
                    listed: report.checked + report.missing.count))
            throw ExitCode(1)
        }
        Console.say(.verified(report.checked, extra: report.extra.count))
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}

enum Console {
    nonisolated(unsafe) static var progressShown = false
    /// The language of messages, chosen once at the start of a command.
    nonisolated(unsafe) static var language = Language.id

    /// Stage progress on a terminal, rewritten in place; nothing when not a terminal or quiet.
    static func progress(quiet: Bool) -> (@Sendable (Bilingual) -> Void)? {
        guard !quiet, isatty(2) == 1 else { return nil }
        let language = language
        return { message in
            FileHandle.standardError.write(Data("\r\u{1B}[K\(message[language])".utf8))
        }
    }

    static func endProgress() {
        if isatty(2) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func today(_ zone: SiteTimeZone) -> CivilDate {
        ContentDate(instant: Int(Date().timeIntervalSince1970), in: zone).date
    }

    /// Diagnostics as JSON for `check --format json`.
    static func json(_ diagnostics: Diagnostics) -> String {
        var out = ByteWriter()
        out.raw("{\"errors\":")
        out.integer(diagnostics.errorCount)
        out.raw(",\"warnings\":")
        out.integer(diagnostics.warningCount)
        out.raw(",\"diagnostics\":[")
        for (index, diagnostic) in diagnostics.sorted.enumerated() {
            out.raw(index == 0 ? "\n{\"path\":" : ",\n{\"path\":")
            out.json(diagnostic.location.path)
            out.raw(",\"line\":")
            out.integer(diagnostic.location.line)
            out.raw(",\"column\":")
            out.integer(diagnostic.location.column)
            // In a worksheet: line and column are the cell's row and column, and "cell" names
            // it as Excel does ("Hasil SKD!F27").
            if let cell = diagnostic.location.cell {
                out.raw(",\"sheet\":")
                out.json(diagnostic.location.sheet ?? "")
                out.raw(",\"cell\":")
                out.json(cell)
            }
            // In a table: the column as a spreadsheet names it ("F") and its header ("TKP");
            // in a CSV file, "column" stays the character offset for editors.
            if let field = diagnostic.location.field {
                out.raw(",\"field\":")
                out.json(field.letter)
                if let header = field.header, !header.isEmpty {
                    out.raw(",\"header\":")
                    out.json(header)
                }
            }
            out.raw(",\"severity\":")
            out.json(diagnostic.severity.rawValue)
            out.raw(",\"code\":")
            out.json(diagnostic.code)
            // In the language of messages; the cell's column is in "field" and "header".
            out.raw(",\"message\":")
            out.json(diagnostic.message.text[language])
            out.raw(",\"hint\":")
            if let hint = diagnostic.message.hint { out.json(hint[language]) } else { out.raw("null") }
            // All of it as the printed line says it after "error: ", for tools that show one text.
            out.raw(",\"text\":")
            out.json(diagnostic.text(in: language))
            out.raw("}")
        }
        out.raw("\n]}")
        return out.string
    }

    /// Reads a key file with `read`; a file that cannot be read or used is one error line
    /// (ending with `after`) and exit status 1.
    static func readKey<Key>(_ path: String, after: Bilingual = .same(""), _ read: (String) throws -> Key) throws
        -> Key
    {
        do {
            return try read(try String(contentsOfFile: path, encoding: .utf8))
        } catch let problem as SSHPublicKey.Problem {
            say(.same("error: \(path): "), problem.words, after)
        } catch {
            say(.same("error: \(path): "), FileProblem.describe(error), after)
        }
        throw ExitCode(1)
    }

    static func print(_ diagnostics: Diagnostics) {
        for diagnostic in diagnostics.sorted { error(diagnostic.line(in: language)) }
    }

    static func print(timings: [(stage: String, seconds: Double)]) {
        for (stage, seconds) in timings { error(String(format: "%@: %.3f s", stage, seconds)) }
    }

    static func counts(_ diagnostics: Diagnostics) -> Bilingual {
        .counts(errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
    }

    /// ` (0 errors, 2 warnings)` after a summary when there were warnings.
    static func summaryOfWarnings(_ diagnostics: Diagnostics) -> Bilingual {
        .withWarnings(counts(diagnostics), diagnostics.warningCount)
    }

    /// `error: …` for a command that failed: its words in the language of messages when
    /// it has them.
    static func failure(_ error: any Error) {
        let words: Bilingual =
            switch error {
            case let failure as Scaffold.Failure: failure.words
            case let failure as SSCASNImporter.Failure: failure.words
            default: .same("\(error)")
            }
        say(.same("error: "), words)
    }

    /// A summary line in the language of messages, its parts joined.
    static func say(_ parts: Bilingual...) {
        error(parts.map { $0[language] }.joined())
    }

    /// Ends the process at once: freeing a million-row model piece by piece takes longer
    /// than the operating system needs to drop it whole.
    static func finish() -> Never {
        exit(0)
    }

    /// One line to standard error. Control characters from content are shown as `\u{1B}`,
    /// never sent: a message must not retitle or recolour the terminal.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((ControlCharacters.printable(line) + "\n").utf8))
    }
}

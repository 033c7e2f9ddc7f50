import Foundation
import Testing
import Yams

@testable import TerbukaCore

/// What `terbuka init` gives a site beyond its content: the guide its site.yml points to,
/// and the pipelines that check and publish it on GitHub and GitLab.
@Suite struct PipelineTests {
    static func initSite(_ extra: [String] = []) throws -> URL {
        let folder = StaffWorkflowTests.temporaryFolder()
        let (status, output) = try CommandLineTests.run(["init", "--lang", "en", folder.path] + extra)
        #expect(status == 0, "\(output)")
        return folder
    }

    static func yaml(_ folder: URL, _ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(path) is not a YAML mapping")
    }

    /// Runs `jq` with the program file of a new site on `input`.
    static func jq(_ arguments: [String], input: Data) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["jq"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `check --format json` of `folder`, after breaking a page and a table cell.
    static func brokenReport(_ folder: URL) throws -> Data {
        try "---\ntitle: Tentang\nordr: 1\n---\nIsi, dengan: tanda baca.\n".write(
            to: folder.appendingPathComponent("content/pages/tentang.md"), atomically: true, encoding: .utf8)
        let (status, output) = try runProcess(
            CommandLineTests.executable, ["check", "--format", "json", "--lang", "en", "--site", folder.path],
            errors: false)
        #expect(status == 1)
        return Data(output.utf8)
    }

    @Test func theGuideSiteYMLPointsToIsInTheNewSite() throws {
        let folder = try Self.initSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let siteYML = try String(contentsOf: folder.appendingPathComponent("content/site.yml"), encoding: .utf8)
        let pointers =
            siteYML.split(separator: "\n").first { $0.hasPrefix("#") }?
            .split(whereSeparator: { " ;:,".contains($0) }).filter { $0.hasPrefix("docs/") }
            .map { $0.hasSuffix(".") ? $0.dropLast() : $0 } ?? []
        #expect(pointers == ["docs/panduan.md", "docs/format.md"])
        for pointer in pointers {
            let copy = FileManager.default.contents(atPath: folder.appendingPathComponent(String(pointer)).path)
            let original = FileManager.default.contents(
                atPath: repositoryRoot.appendingPathComponent(String(pointer)).path)
            #expect(copy != nil && copy == original, "\(pointer)")
        }
        // The guide is for staff: nothing of it is published.
        let report = try CommandLineTests.run(["build", "--quiet", "--site", folder.path])
        #expect(report.status == 0, "\(report.output)")
        #expect(
            !FileListing.files(under: folder.appendingPathComponent("output")).contains {
                $0.contains("panduan") || $0.contains("format.md")
            })
    }

    @Test func theGitHubWorkflowChecksEveryPushAndPublishesTheDefaultBranch() throws {
        let folder = try Self.initSite(["--release-url", "https://contoh.go.id/terbuka-0.1.0-linux-x86_64.tar.gz"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let workflow = try Self.yaml(folder, ".github/workflows/terbuka.yml")
        // YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
        let triggers = try #require((workflow["on"] ?? workflow[true.description]) as? [String: Any])
        #expect(Set(triggers.keys).isSuperset(of: ["push", "pull_request"]))
        let env = try #require(workflow["env"] as? [String: Any])
        #expect(env["TERBUKA_RELEASE_URL"] as? String == "https://contoh.go.id/terbuka-0.1.0-linux-x86_64.tar.gz")
        #expect(env["TERBUKA_VERSION"] as? String == TerbukaVersion.current)
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        func runs(_ job: String) -> [String] {
            (jobs[job]?["steps"] as? [[String: Any]] ?? []).compactMap { $0["run"] as? String }
        }
        #expect(runs("check").contains { $0.contains("terbuka check --format json") })
        #expect(runs("check").contains { $0.contains("jq -r -f .github/terbuka-annotations.jq") })
        #expect(runs("check").contains { $0.contains("curl -fsSL \"$TERBUKA_RELEASE_URL\"") })
        let publish = try #require(jobs["publish"])
        #expect(publish["needs"] as? String == "check")
        // Scheduled runs carry no repository in their event: they are let through by name.
        #expect(
            (publish["if"] as? String)?.hasPrefix(
                "github.event_name == 'schedule' || (github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch)"
            ) == true, "\(publish["if"] ?? "")")
        #expect(runs("publish").contains { $0.contains("terbuka build --quiet --output public") })
        let uses = (publish["steps"] as? [[String: Any]] ?? []).compactMap { $0["uses"] as? String }
        #expect(uses.contains("actions/upload-pages-artifact@v3") && uses.contains("actions/deploy-pages@v4"))
        #expect((publish["permissions"] as? [String: String])?["pages"] == "write")
    }

    @Test func theDailyRebuildRunsJustAfterMidnightInTheSitesZone() throws {
        for (zone, cron) in [
            ("Asia/Jakarta", "5 17 * * *"), ("Asia/Makassar", "5 16 * * *"), ("Asia/Jayapura", "5 15 * * *"),
        ] {
            let folder = try Self.initSite(["--timezone", zone])
            defer { try? FileManager.default.removeItem(at: folder) }
            let workflow = try Self.yaml(folder, ".github/workflows/terbuka.yml")
            let triggers = (workflow["on"] ?? workflow[true.description]) as? [String: Any]
            let schedule = triggers?["schedule"] as? [[String: String]]
            #expect(schedule?.first?["cron"] == cron, "\(zone)")
        }
    }

    @Test func withoutAnAddressTheWorkflowsReadTheCIVariable() throws {
        let folder = try Self.initSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let github = try #require(try Self.yaml(folder, ".github/workflows/terbuka.yml")["env"] as? [String: Any])
        #expect(github["TERBUKA_RELEASE_URL"] as? String == "${{ vars.TERBUKA_RELEASE_URL }}")
        let gitlab = try Self.yaml(folder, ".gitlab-ci.yml")
        #expect((gitlab["variables"] as? [String: Any])?["TERBUKA_RELEASE_URL"] == nil)
        let install = ((gitlab["default"] as? [String: Any])?["before_script"] as? [String])?.joined() ?? ""
        #expect(install.contains("${TERBUKA_RELEASE_URL:?set the CI variable TERBUKA_RELEASE_URL"))
    }

    @Test func theGitLabPipelineChecksEveryPushAndPublishesTheDefaultBranchToPages() throws {
        let folder = try Self.initSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = try Self.yaml(folder, ".gitlab-ci.yml")
        #expect(pipeline["stages"] as? [String] == ["test", "deploy"])
        let check = try #require(pipeline["check"] as? [String: Any])
        let script = (check["script"] as? [String] ?? []).joined(separator: "\n")
        #expect(script.contains("terbuka check --format json"))
        #expect(script.contains("jq -f .gitlab/terbuka-code-quality.jq"))
        let reports = ((check["artifacts"] as? [String: Any])?["reports"] as? [String: String])
        #expect(reports?["codequality"] == "gl-code-quality-report.json")
        let pages = try #require(pipeline["pages"] as? [String: Any])
        #expect((pages["script"] as? [String])?.first?.contains("terbuka build --quiet --output public") == true)
        #expect((pages["artifacts"] as? [String: [String]])?["paths"] == ["public"])
        let rules = (pages["rules"] as? [[String: String]])?.compactMap { $0["if"] }
        #expect(rules == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"])
    }

    /// check-jsonschema (PyPI) carries the schemas GitHub and GitLab publish for these files;
    /// the test command installs it.
    @Test func bothPipelinesMatchTheSchemasTheHostsPublish() throws {
        let folder = try Self.initSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (schema, file) in [
            ("vendor.github-workflows", ".github/workflows/terbuka.yml"), ("vendor.gitlab-ci", ".gitlab-ci.yml"),
        ] {
            let (status, output) = try runProcess(
                URL(fileURLWithPath: "/usr/bin/env"),
                ["check-jsonschema", "--builtin-schema", schema, folder.appendingPathComponent(file).path])
            #expect(status == 0, "\(file): \(output)")
        }
    }

    @Test func theGitHubConverterTurnsEachProblemIntoAnEscapedAnnotation() throws {
        let folder = try Self.initSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let vacancies = folder.appendingPathComponent("content/vacancies")
        let vacancy = try #require(try FileManager.default.contentsOfDirectory(atPath: vacancies.path).first)
        try "code,position,unit,education,kind,quota\nC26-001,ANALIS,SETDA,S-1,umum,0\n".write(
            to: vacancies.appendingPathComponent("\(vacancy)/formations.csv"), atomically: true, encoding: .utf8)
        let report = try Self.brokenReport(folder)
        let program = folder.appendingPathComponent(".github/terbuka-annotations.jq").path
        let (status, output) = try Self.jq(["-r", "-f", program], input: report)
        #expect(status == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "::error file=content/pages/tentang.md,line=3,col=1,title=Terbuka T0203::unknown key 'ordr' in a page (did you mean 'order'?)"
            ), "\(lines)")
        #expect(
            lines.contains { $0.hasPrefix("::error file=content/vacancies/") && $0.contains("::column F (quota): ") })
        // Newlines and percent signs in a message cannot end or forge a command.
        let escaped = try Self.jq(
            ["-r", "-f", program],
            input: Data(
                #"{"diagnostics":[{"path":"a,b:c.md","line":1,"column":2,"severity":"warning","code":"T0101","message":"50% \n::error::forged","hint":null,"text":"50% \n::error::forged"}]}"#
                    .utf8))
        #expect(escaped.1 == "::warning file=a%2Cb%3Ac.md,line=1,col=2,title=Terbuka T0101::50%25 %0A::error::forged\n")
    }

    @Test func theGitLabConverterWritesACodeQualityReport() throws {
        let folder = try Self.initSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.brokenReport(folder)
        let program = folder.appendingPathComponent(".gitlab/terbuka-code-quality.jq").path
        let (status, output) = try Self.jq(["-f", program], input: report)
        #expect(status == 0)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        // The page's error, and the warning every new site has until base_url is set.
        #expect(issues.count == 2)
        #expect(issues.map { $0["severity"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["major", "minor"])
        let issue = try #require(
            issues.first { ($0["location"] as? [String: Any])?["path"] as? String != "content/site.yml" })
        #expect(issue["description"] as? String == "unknown key 'ordr' in a page (did you mean 'order'?)")
        #expect(issue["severity"] as? String == "major")
        #expect(issue["check_name"] as? String == "T0203")
        #expect((issue["fingerprint"] as? String)?.isEmpty == false)
        let location = try #require(issue["location"] as? [String: Any])
        #expect(location["path"] as? String == "content/pages/tentang.md")
        #expect((location["lines"] as? [String: Int])?["begin"] == 3)
    }

    @Test func initKeepsTheFilesARepositoryAlreadyHas() throws {
        let folder = StaffWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "node_modules/\n".write(to: folder.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        try "pages: {}\n".write(to: folder.appendingPathComponent(".gitlab-ci.yml"), atomically: true, encoding: .utf8)
        let (status, output) = try CommandLineTests.run(["init", "--lang", "en", folder.path])
        #expect(status == 0)
        #expect(output.contains("kept .gitignore: it already exists"))
        #expect(output.contains("kept .gitlab-ci.yml: it already exists"))
        #expect(
            try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8) == "node_modules/\n")
        #expect(
            try String(contentsOf: folder.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8) == "pages: {}\n")
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(".github/workflows/terbuka.yml").path))
    }
}

import Foundation
import Testing

/// The `terbuka` executable as staff run it: exit codes and printed diagnostics.
@Suite struct CommandLineTests {
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("terbuka")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repositoryRoot.appendingPathComponent(".build/debug/terbuka")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProcess(executable, arguments)
    }

    @Test func checkOnBrokenContentExitsOneAndPrintsTheLocatedMessage() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/announcements/ralat.md", "---\ntitle: Ralat\ndate: 2024-02-30\n---\nIsi.\n")
        let (status, output) = try Self.run(["check", "--lang", "en", "--site", site.root.path])
        #expect(status == 1)
        #expect(
            output.contains(
                "content/announcements/ralat.md:3:7: error: 'date': the date '2024-02-30' does not exist: February 2024 has 29 days [T0212]\n"
            ))
        #expect(output.contains("check failed: 1 error, 0 warnings"))
    }

    @Test func checkOnValidContentExitsZeroAndWritesNothing() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let (status, _) = try Self.run(["check", "--site", site.root.path])
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func buildWritesIntoTheChosenOutputFolder() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let target = site.root.appendingPathComponent("public")
        let (status, output) = try Self.run(["build", "--site", site.root.path, "--output", target.path])
        #expect(status == 0, "\(output)")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
    }
}

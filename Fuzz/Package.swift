// swift-tools-version:6.0
// libFuzzer targets for every parser that reads what users type or send: CSV, Excel
// workbooks, front matter and YAML, dates and zones, Markdown with link rewriting, and the
// build cache's state file.
// Built apart from the main package (with -sanitize=fuzzer,address) by
// scripts/fuzz.sh TARGET SECONDS. The main package is a path dependency, whose identity is
// the name of the folder the repository was cloned into: it is read, not assumed.
import Foundation
import PackageDescription

let repository = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let core: Target.Dependency = .product(name: "TerbukaCore", package: repository.lastPathComponent.lowercased())
let targets = ["fuzz-csv", "fuzz-xlsx", "fuzz-frontmatter", "fuzz-dates", "fuzz-markdown", "fuzz-ssh", "fuzz-cache"]

let package = Package(
    name: "terbuka-fuzz",
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzSupport", path: "Sources/FuzzSupport")]
        + targets.map { name in
            .executableTarget(
                name: name, dependencies: [core, "FuzzSupport"], path: "Sources/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])])
        },
    swiftLanguageModes: [.v5]
)

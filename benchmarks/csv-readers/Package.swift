// swift-tools-version:6.0
// Measures the CSV reader Terbuka uses against yaslab/CSV.swift on the same file:
// speed, peak memory and csv-spectrum conformance. Kept apart from the main package so
// that CSV.swift is not a dependency of Terbuka; Terbuka's reader is compiled in from its
// source file (a symbolic link), since a path dependency would be named after the folder
// the repository is cloned into. Run: benchmarks/csv-readers/run.sh
import PackageDescription

let package = Package(
    name: "csv-readers",
    dependencies: [
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        .target(name: "YaslabCSV", dependencies: [.product(name: "CSV", package: "CSV.swift")]),
        .executableTarget(name: "csv-readers", dependencies: ["YaslabCSV"]),
    ],
    swiftLanguageModes: [.v5]
)

// swift-tools-version:6.0
// Measures Foundation's streaming XMLParser (libxml2's SAX reader under FoundationXML) on
// a worksheet's XML, doing nothing but counting rows and cells: the floor under any
// reader built on it, to set beside Terbuka's own `check` of the same workbook.
// Run: benchmarks/xml-parser/run.sh
import PackageDescription

let package = Package(
    name: "xml-parser",
    targets: [.executableTarget(name: "xml-parser")],
    swiftLanguageModes: [.v5]
)

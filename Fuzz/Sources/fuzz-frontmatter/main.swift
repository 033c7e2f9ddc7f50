import FuzzSupport

@testable import TerbukaCore

/// Any bytes as a Markdown file with front matter: decoded, split, and its YAML read into
/// the located tree the validators use.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var diagnostics = Diagnostics()
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    if let document = FrontMatter.split(text, path: "fuzz.md", into: &diagnostics) {
        _ = YAMLParser.parse(document.yaml, path: "fuzz.md", firstLine: document.yamlFirstLine, into: &diagnostics)
    }
    _ = YAMLParser.parse(text, path: "fuzz.yml", into: &diagnostics)
    return 0
}

@_cdecl("fuzz_frontmatter_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

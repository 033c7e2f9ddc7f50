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

/// SwiftPM links an executable's entry point as `<module>_main`; libFuzzer's own driver
/// takes over from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("fuzz_frontmatter_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}

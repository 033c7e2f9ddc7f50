import FuzzSupport

@testable import TerbukaCore

/// Any text as a Markdown body, with links and images rewritten as the site does
/// (site-absolute to relative, folders to index.html): the HTML holds no control
/// characters and no script element.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let html = Markdown.html(text) { Links.rewriteContentURL($0, root: "../../") }
    precondition(!html.unicodeScalars.contains(where: ControlCharacters.isForbidden))
    precondition(!html.lowercased().contains("<script"))
    return 0
}

@_cdecl("fuzz_markdown_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

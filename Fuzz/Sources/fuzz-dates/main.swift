@testable import TerbukaCore

/// Any text as a date, a date-time, with or without a zone, in every site zone; what
/// parses must give an instant and a formatted text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for zone in SiteTimeZone.allCases {
        if case .success(let date) = ContentDate.parse(text, siteZone: zone) {
            _ = date.instant
            _ = date.endInstant
            _ = date.rfc3339
            _ = ContentDate(instant: date.instant, offset: date.utcOffsetSeconds)
        }
    }
    return 0
}

/// SwiftPM links an executable's entry point as `<module>_main`; libFuzzer's own driver
/// takes over from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("fuzz_dates_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}

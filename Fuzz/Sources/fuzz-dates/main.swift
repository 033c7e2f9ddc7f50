import FuzzSupport

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

@_cdecl("fuzz_dates_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}

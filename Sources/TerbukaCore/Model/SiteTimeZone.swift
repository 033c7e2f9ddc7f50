/// The Indonesian time zones a site can be in. None of them observes daylight saving,
/// so each is a fixed offset from UTC (DOMAIN.md, "Conventions").
public enum SiteTimeZone: String, CaseIterable, Sendable {
    case jakarta = "Asia/Jakarta"
    case pontianak = "Asia/Pontianak"
    case makassar = "Asia/Makassar"
    case jayapura = "Asia/Jayapura"

    public var identifier: String { rawValue }

    /// WIB, WITA or WIT.
    public var abbreviation: String {
        switch self {
        case .jakarta, .pontianak: "WIB"
        case .makassar: "WITA"
        case .jayapura: "WIT"
        }
    }

    public var utcOffsetSeconds: Int {
        switch self {
        case .jakarta, .pontianak: 7 * 3600
        case .makassar: 8 * 3600
        case .jayapura: 9 * 3600
        }
    }

    /// Offsets of the zone names that content may write after a time.
    static let abbreviations: [String: Int] = ["WIB": 7 * 3600, "WITA": 8 * 3600, "WIT": 9 * 3600]
}

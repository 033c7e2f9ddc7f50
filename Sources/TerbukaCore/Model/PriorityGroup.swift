/// PPPK 2024 priority groups (DOMAIN.md, "2024–2025 rules"; KepmenPANRB 347/2024 and BKN's
/// announcements): per formation, applicants are ranked by their group before their
/// score, and published statuses carry the group (`R2/L`, `R2`).
public enum PriorityGroup: String, CaseIterable, Sendable, Hashable {
    /// Prioritas (e.g. teachers with a priority certificate).
    case r1 = "R1"
    /// Eks THK-II in BKN's database.
    case r2 = "R2"
    /// Non-ASN in BKN's database.
    case r3 = "R3"
    /// Non-ASN actively working, not in the database.
    case r4 = "R4"

    public var code: String { rawValue }

    /// The name agencies write, for messages.
    public var name: String {
        switch self {
        case .r1: "prioritas"
        case .r2: "eks THK-II"
        case .r3: "non-ASN terdata"
        case .r4: "non-ASN tidak terdata"
        }
    }

    /// Names written for the group, compared without case, spaces or punctuation.
    private var names: [String] {
        switch self {
        case .r1: ["prioritas"]
        case .r2: ["eksthkii", "eksthk2", "thkii", "thk2", "eksthk"]
        case .r3: ["nonasnterdata", "nonasnterdatabkn", "nonasndatabasebkn"]
        case .r4: ["nonasntidakterdata", "nonasnbelumterdata", "nonasnaktif"]
        }
    }

    /// The group a cell names, by its code or one of its names ("eks THK-II" → R2).
    public init?(written text: String) {
        let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
        guard let group = Self.allCases.first(where: { $0.rawValue.lowercased() == key || $0.names.contains(key) })
        else { return nil }
        self = group
    }

    /// "R1 (prioritas), R2 (eks THK-II), …", for messages.
    public static func listed(_ groups: [PriorityGroup]) -> String {
        groups.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
    }
}

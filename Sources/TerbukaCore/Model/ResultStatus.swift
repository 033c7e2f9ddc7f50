/// The status codes of published results (DOMAIN.md, "Status codes"): one vocabulary
/// for reading what the agency typed, computing, checking and explaining them.
public enum ResultStatus: Sendable, Hashable {
    /// MS: meets the administrative requirements.
    case meets
    /// TMS: does not.
    case doesNotMeet
    /// P/L: reached the SKD passing marks and ranks within the SKB shortlist.
    case shortlisted
    /// P: reached the passing marks but ranks beyond the shortlist.
    case passedNotShortlisted
    /// L: passed the final ranking.
    case passed
    /// TL: did not pass.
    case notPassed
    /// TH, DIS, APS: no scores.
    case absent(Absence)
    /// Placed by national optimisation (BKN), accepted as given in the final table.
    case optimised(Optimisation)
    /// `R2/L`: a priority group member within the seats (PPPK 2024).
    case groupPassed(PriorityGroup)
    /// `R2`: a priority group member without a seat, who may be proposed as PPPK paruh waktu.
    case groupWaiting(PriorityGroup)

    public var code: String {
        switch self {
        case .meets: "MS"
        case .doesNotMeet: "TMS"
        case .shortlisted: "P/L"
        case .passedNotShortlisted: "P"
        case .passed: "L"
        case .notPassed: "TL"
        case .absent(let absence): absence.rawValue
        case .optimised(let optimisation): optimisation.code
        case .groupPassed(let group): "\(group.code)/L"
        case .groupWaiting(let group): group.code
        }
    }

    /// The status a code stands for, written in any case and spacing ("p / l").
    public init?(code: String) {
        let normalized = Self.normalize(code)
        if let status = Self.byCode[normalized] {
            self = status
        } else if let optimisation = Optimisation(code: normalized) {
            self = .optimised(optimisation)
        } else {
            return nil
        }
    }

    /// "p / l" → "P/L".
    public static func normalize(_ text: String) -> String {
        text.uppercased().filter { $0 != " " }
    }

    /// Every status with a fixed code, in the order a legend lists them; optimisation
    /// codes, which vary by announcement, stand after the passes.
    public static let all: [ResultStatus] =
        [.meets, .doesNotMeet, .shortlisted, .passedNotShortlisted, .passed]
        + PriorityGroup.allCases.map(ResultStatus.groupPassed)
        + [.notPassed] + PriorityGroup.allCases.map(ResultStatus.groupWaiting)
        + Absence.allCases.map(ResultStatus.absent)

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The statuses a stage's table may carry, with fixed codes; the final tables also take
    /// optimisation codes (`acceptsOptimisation`).
    public static func accepted(at stage: ResultStage) -> [ResultStatus] {
        let absences = Absence.allCases.map(ResultStatus.absent)
        return switch stage {
        case .administrasi: [.meets, .doesNotMeet]
        case .skd: [.shortlisted, .passedNotShortlisted, .notPassed] + absences
        case .skb: absences
        case .akhir: [.passed, .notPassed] + absences
        case .kompetensi:
            [.passed, .notPassed, .doesNotMeet]
                + PriorityGroup.allCases.flatMap { [.groupPassed($0), .groupWaiting($0)] }
                + absences
        }
    }

    /// Whether a stage's table takes optimisation codes: the tables that place people.
    public static func acceptsOptimisation(at stage: ResultStage) -> Bool {
        stage == .akhir || stage == .kompetensi
    }

    /// Whether a stage's table may carry this status.
    public func isAccepted(at stage: ResultStage) -> Bool {
        if case .optimised = self { return Self.acceptsOptimisation(at: stage) }
        return Self.accepted(at: stage).contains(self)
    }

    /// `used` in legend order: fixed codes as `all` orders them, optimisation codes after
    /// the passes, by code.
    public static func legendOrder(_ used: [ResultStatus]) -> [ResultStatus] {
        let present = Set(used)
        let optimised = used.filter { if case .optimised = $0 { return true } else { return false } }
            .sorted { $0.code < $1.code }
        let fixed = all.filter(present.contains)
        guard let afterPasses = fixed.firstIndex(where: { !$0.isSeated }) else { return fixed + optimised }
        return Array(fixed[..<afterPasses]) + optimised + Array(fixed[afterPasses...])
    }

    /// The key of its meaning in the theme's interface strings: one key for every
    /// optimisation code.
    public var stringKey: String {
        switch self {
        case .optimised: "status_optimisation"
        case .groupPassed: "status_group_passed"
        case .groupWaiting: "status_group_waiting"
        default: "status_\(code)"
        }
    }

    /// The priority group a status names.
    public var group: PriorityGroup? {
        switch self {
        case .groupPassed(let group), .groupWaiting(let group): group
        default: nil
        }
    }

    /// Whether the status holds a seat (L, R2/L, an optimisation placement).
    public var isSeated: Bool {
        switch self {
        case .passed, .groupPassed, .optimised: true
        default: false
        }
    }

    /// The interface strings the statuses need.
    static var stringKeys: [String] {
        var seen: Set<String> = []
        return (all + [.optimised(Optimisation(code: "L-1")!)]).map(\.stringKey).filter { seen.insert($0).inserted }
    }

    public var absence: Absence? {
        if case .absent(let absence) = self { return absence }
        return nil
    }
}

/// Why a participant has no scores.
public enum Absence: String, CaseIterable, Sendable {
    case absent = "TH"
    case disqualified = "DIS"
    case withdrew = "APS"
}

/// A national optimisation code (DOMAIN.md, "2024–2025 rules"): a participant placed by
/// BKN in another formation kind (E) or location (U), or passed by it (L-1, L-2). The codes
/// vary by announcement, so they are recognised by their shape, `L-` or `P/L-` and a short
/// suffix with a digit (`L-2`, `P/L-2`, `P/L-E1`, `P/L-U3`), and kept as written.
public struct Optimisation: Sendable, Hashable {
    public let code: String

    static let examples = "L-1, L-2, P/L-2, P/L-E1…E3, P/L-U1…U3"

    /// A code written in any case and spacing.
    public init?(code: String) {
        let normalized = ResultStatus.normalize(code)
        let suffix: Substring
        if normalized.hasPrefix("P/L-") {
            suffix = normalized.dropFirst(4)
        } else if normalized.hasPrefix("L-") {
            suffix = normalized.dropFirst(2)
        } else {
            return nil
        }
        guard (1...3).contains(suffix.count), suffix.allSatisfy({ $0.isASCIIDigit || ("A"..."Z").contains($0) }),
            suffix.contains(where: \.isASCIIDigit)
        else { return nil }
        self.code = normalized
    }
}

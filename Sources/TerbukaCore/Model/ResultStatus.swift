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
        case .optimised(let code): code.rawValue
        case .groupPassed(let group): "\(group.code)/L"
        case .groupWaiting(let group): group.code
        }
    }

    /// The status a code stands for, written in any case and spacing ("p / l").
    public init?(code: String) {
        let normalized = Self.normalize(code)
        guard let status = Self.byCode[normalized] else { return nil }
        self = status
    }

    /// "p / l" → "P/L".
    public static func normalize(_ text: String) -> String {
        text.uppercased().filter { $0 != " " }
    }

    /// Every status, in the order a legend lists them.
    public static let all: [ResultStatus] =
        [.meets, .doesNotMeet, .shortlisted, .passedNotShortlisted, .passed]
        + PriorityGroup.allCases.map(ResultStatus.groupPassed) + Optimisation.allCases.map(ResultStatus.optimised)
        + [.notPassed] + PriorityGroup.allCases.map(ResultStatus.groupWaiting)
        + Absence.allCases.map(ResultStatus.absent)

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The statuses a stage's table may carry.
    public static func accepted(at stage: ResultStage) -> [ResultStatus] {
        let absences = Absence.allCases.map(ResultStatus.absent)
        return switch stage {
        case .administrasi: [.meets, .doesNotMeet]
        case .skd: [.shortlisted, .passedNotShortlisted, .notPassed] + absences
        case .skb: absences
        case .akhir: [.passed, .notPassed] + absences + Optimisation.allCases.map(ResultStatus.optimised)
        case .kompetensi:
            [.passed, .notPassed] + PriorityGroup.allCases.flatMap { [.groupPassed($0), .groupWaiting($0)] } + absences
        }
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
        return all.map(\.stringKey).filter { seen.insert($0).inserted }
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

/// National optimisation codes (DOMAIN.md): a participant placed by BKN in another
/// formation kind (E) or location (U), or passed by it (L-1, L-2).
public enum Optimisation: String, CaseIterable, Sendable {
    case l1 = "L-1"
    case l2 = "L-2"
    case e1 = "P/L-E1"
    case e2 = "P/L-E2"
    case e3 = "P/L-E3"
    case u1 = "P/L-U1"
    case u2 = "P/L-U2"
    case u3 = "P/L-U3"
}

/// The figures that decide passing and ranking. They change from year to year, so they
/// are data: presets named after their regulation, every figure overridable in a
/// vacancy's `scoring` (CONTENT-FORMAT.md, "scoring").
public struct ScoringRules: Sendable, Equatable {
    /// Minimum SKD scores per formation kind.
    public var passing: [String: PassingMarks]
    /// Per formation, the best `shortlistMultiplier × quota` who passed SKD go on to SKB.
    public var shortlistMultiplier: Int
    /// Weights of SKD and SKB in the final score, in percent (sum 100).
    public var weights: Weights
    /// PPPK competency components, in tie-break order.
    public var components: [CompetencyComponent]
    /// Tie-break keys after the main score: for CPNS final ranking (after `final`), for
    /// PPPK (after `total`).
    public var tieBreak: [String]
    /// The regulations the preset follows, for the legend.
    public var basis: String

    public struct Weights: Sendable, Equatable {
        public var skd: Int
        public var skb: Int
    }

    /// CPNS 2024: KepmenPANRB 321/2024 passing marks, shortlist 3 × quota (PermenPANRB
    /// 6/2024), final = 40 % SKD (as 0–100) + 60 % SKB.
    public static let cpns2024 = ScoringRules(
        passing: [
            "umum": PassingMarks(twk: 65, tiu: 80, tkp: 166),
            "cumlaude": PassingMarks(tiu: 85, total: 311),
            "diaspora": PassingMarks(tiu: 85, total: 311),
            "disabilitas": PassingMarks(tiu: 60, total: 286),
            "putra-putri-papua": PassingMarks(tiu: 60, total: 286),
            "daerah-tertinggal": PassingMarks(tiu: 60, total: 286),
        ],
        shortlistMultiplier: 3,
        weights: Weights(skd: 40, skb: 60),
        components: [],
        tieBreak: ["skd", "tkp", "tiu", "twk", "ipk", "birth_date"],
        basis: "KepmenPANRB 321/2024, PermenPANRB 6/2024"
    )

    /// PPPK 2024: no passing marks; per formation the best `quota` by total pass.
    public static let pppk2024 = ScoringRules(
        passing: [:],
        shortlistMultiplier: 1,
        weights: Weights(skd: 40, skb: 60),
        components: [
            CompetencyComponent(id: "teknis", label: "Kompetensi teknis", max: 450, min: nil, multipleOf: 5),
            CompetencyComponent(id: "manajerial", label: "Manajerial dan sosial kultural", max: 180, min: nil, multipleOf: nil),
            CompetencyComponent(id: "wawancara", label: "Wawancara", max: 40, min: nil, multipleOf: nil),
        ],
        tieBreak: ["teknis", "manajerial", "wawancara"],
        basis: "KepmenPANRB 2024 (PPPK)"
    )

    public static func preset(for kind: RecruitmentKind) -> ScoringRules {
        switch kind {
        case .cpns: cpns2024
        case .pppk: pppk2024
        }
    }
}

/// SKD minimums for one formation kind; each is checked on its own.
public struct PassingMarks: Sendable, Equatable {
    public var twk: Int?
    public var tiu: Int?
    public var tkp: Int?
    public var total: Int?

    public init(twk: Int? = nil, tiu: Int? = nil, tkp: Int? = nil, total: Int? = nil) {
        self.twk = twk
        self.tiu = tiu
        self.tkp = tkp
        self.total = total
    }
}

public struct CompetencyComponent: Sendable, Equatable {
    public var id: String
    public var label: String
    public var max: Int
    public var min: Int?
    /// Extension of the contract: scores must be multiples of this (5 for teknis).
    public var multipleOf: Int?
}

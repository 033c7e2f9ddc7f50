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
    public var components: [ScoreComponent]
    /// The parts of the SKB and their weights (PermenPANRB 6/2024 art. 22: the notice states
    /// them), each part 0–100; empty when the SKB is one score.
    public var skbParts: [ScoreComponent] = []
    /// `scoring.skb` was written but could not be read: the SKB table is not checked
    /// against a guess (its problems are reported at the notice).
    public var skbPartsUnreadable = false
    /// PPPK priority groups, in ranking order: a member of an earlier group ranks above a
    /// later one and above applicants without a group, whatever the scores.
    public var priorityGroups: [PriorityGroup]
    /// Tie-break keys after the main score: for CPNS final ranking (after the final
    /// score), for PPPK (after the total).
    public var tieBreak: [RankingKey]
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
            "umum": PassingMarks([.twk: 65, .tiu: 80, .tkp: 166]),
            "cumlaude": PassingMarks([.tiu: 85, .total: 311]),
            "diaspora": PassingMarks([.tiu: 85, .total: 311]),
            "disabilitas": PassingMarks([.tiu: 60, .total: 286]),
            "putra-putri-papua": PassingMarks([.tiu: 60, .total: 286]),
            "daerah-tertinggal": PassingMarks([.tiu: 60, .total: 286]),
        ],
        shortlistMultiplier: 3,
        weights: Weights(skd: 40, skb: 60),
        components: [],
        priorityGroups: [],
        tieBreak: [.skdTotal, .tkp, .tiu, .twk, .ipk, .birthDate],
        basis: "KepmenPANRB 321/2024, PermenPANRB 6/2024"
    )

    /// PPPK 2024: no passing marks; per formation, by priority group, then total, then
    /// teknis, manajerial, wawancara and the older applicant (PermenPANRB 6/2024 art.
    /// 47(3)); the best `quota` pass.
    public static let pppk2024 = ScoringRules(
        passing: [:],
        shortlistMultiplier: 1,
        weights: Weights(skd: 40, skb: 60),
        components: [
            ScoreComponent(id: "teknis", label: "Kompetensi teknis", max: 450, multipleOf: 5),
            ScoreComponent(
                id: "manajerial", label: "Manajerial dan sosial kultural", max: 180,
                aliases: ["manajerial_dan_sosial_kultural", "manajerial_sosial_kultural", "mansoskul"],
                parts: [
                    ScoreComponent(id: "manajerial", label: "Manajerial", max: 100),
                    ScoreComponent(
                        id: "sosial_kultural", label: "Sosial kultural", max: 80,
                        aliases: ["sosiokultural", "sosio_kultural", "nilai_sosial_kultural"]),
                ]),
            ScoreComponent(id: "wawancara", label: "Wawancara", max: 40),
        ],
        priorityGroups: PriorityGroup.allCases,
        tieBreak: [.component("teknis"), .component("manajerial"), .component("wawancara"), .birthDate],
        basis: "KepmenPANRB 347/2024, PermenPANRB 6/2024 (PPPK)"
    )

    public static func preset(for kind: RecruitmentKind) -> ScoringRules {
        switch kind {
        case .cpns: cpns2024
        case .pppk: pppk2024
        }
    }
}

/// A part of a score with its range: a PPPK competency component (summed into the
/// total) or a part of a test weighted into its score.
public struct ScoreComponent: Sendable, Equatable {
    public var id: String
    public var label: String
    public var max: Int
    public var min: Int?
    /// Extension of the contract: scores must be multiples of this (5 for teknis).
    public var multipleOf: Int?
    /// Percent of the score this part makes (SKB parts); nil where the parts are summed.
    public var weight: Int?
    /// Other names of its column, beside `id` and `nilai_<id>`.
    public var aliases: [String]
    /// Columns that make the component when a table has them apart, summed (BKN writes
    /// MANAJERIAL and SOSIAL KULTURAL, which the PPPK preset combines); a part may share
    /// the component's id, whose column then holds that part alone.
    public var parts: [ScoreComponent]

    public init(
        id: String, label: String, max: Int, min: Int? = nil, multipleOf: Int? = nil, weight: Int? = nil,
        aliases: [String] = [], parts: [ScoreComponent] = []
    ) {
        self.id = id
        self.label = label
        self.max = max
        self.min = min
        self.multipleOf = multipleOf
        self.weight = weight
        self.aliases = aliases
        self.parts = parts
    }

    /// The parts in their own columns, those not sharing the component's id.
    public var separateParts: [ScoreComponent] { parts.filter { $0.id != id } }
}

/// The SKD's three tests and their total: the scores a passing mark may be set on
/// (DOMAIN.md, "SKD scoring"), each with its range.
public enum SKDMark: String, CaseIterable, Sendable, Hashable {
    case twk, tiu, tkp, total

    /// The three tests, in the order tables and pages give them.
    public static let tests: [SKDMark] = [.twk, .tiu, .tkp]

    /// The highest score: 30 × 5, 35 × 5, 45 × 5, and their sum.
    public var maximum: Int {
        switch self {
        case .twk: 150
        case .tiu: 175
        case .tkp: 225
        case .total: 550
        }
    }

    /// TWK and TIU give 5 points per correct answer, nothing otherwise; TKP 1–5 per answer.
    public var multipleOf: Int? {
        switch self {
        case .twk, .tiu: 5
        case .tkp, .total: nil
        }
    }

    /// The name in messages and on pages ("TWK"); the total is named by the caller.
    public var label: String {
        // Written out: the score parser names each test for every row of a table.
        switch self {
        case .twk: "TWK"
        case .tiu: "TIU"
        case .tkp: "TKP"
        case .total: "TOTAL"
        }
    }

    public func score(in scores: SKDScores) -> Int {
        switch self {
        case .twk: scores.twk
        case .tiu: scores.tiu
        case .tkp: scores.tkp
        case .total: scores.total
        }
    }
}

/// The ranges of the scores after SKD, in the units they are kept in.
public enum ScoreRange {
    /// The highest SKB score or SKB part typed with two decimals: 100, in hundredths.
    public static let maximumHundredths = 100 * 100
    /// The highest final score (and weighted part): 100, in thousandths.
    public static let maximumThousandths = 100 * 1000
}

/// SKD minimums for one formation kind; each is checked on its own.
public struct PassingMarks: Sendable, Equatable {
    private var minimums: [SKDMark: Int]

    public init(_ minimums: [SKDMark: Int] = [:]) {
        self.minimums = minimums
    }

    public subscript(mark: SKDMark) -> Int? {
        get { minimums[mark] }
        set { minimums[mark] = newValue }
    }

    /// The minimums set, in the order TWK, TIU, TKP, total.
    public var listed: [(mark: SKDMark, minimum: Int)] {
        SKDMark.allCases.compactMap { mark in minimums[mark].map { (mark, $0) } }
    }

    public var isEmpty: Bool { minimums.isEmpty }

    /// The minimums as four numbers, to ask of each of a million rows whether its scores
    /// reach every one: without building the list of shortfalls, and a value with nothing
    /// to retain (a copy of `PassingMarks` per row retained its dictionary; perf).
    public struct Minimums: Sendable {
        /// A mark not set is `Int.min`, which every score reaches.
        let twk, tiu, tkp, total: Int

        public func areMet(by scores: SKDScores) -> Bool {
            scores.twk >= twk && scores.tiu >= tiu && scores.tkp >= tkp && scores.total >= total
        }
    }

    public var minimumsToMeet: Minimums {
        Minimums(
            twk: minimums[.twk] ?? .min, tiu: minimums[.tiu] ?? .min, tkp: minimums[.tkp] ?? .min,
            total: minimums[.total] ?? .min)
    }

    /// The marks `scores` did not reach, with the score and the minimum.
    public func shortfalls(_ scores: SKDScores) -> [(mark: SKDMark, score: Int, minimum: Int)] {
        listed.compactMap { mark, minimum in
            let score = mark.score(in: scores)
            return score < minimum ? (mark, score, minimum) : nil
        }
    }

    /// The lowest total that can pass: the total's own minimum, else the tests' minimums summed.
    public var lowestPassingTotal: Int {
        minimums[.total] ?? SKDMark.tests.reduce(0) { $0 + (minimums[$1] ?? 0) }
    }
}

/// What a ranking compares, in order, after the main score (CONTENT-FORMAT.md,
/// "tie_break"). Private keys (IPK, birth date) decide without being published.
public enum RankingKey: Sendable, Hashable {
    case skdTotal, tkp, tiu, twk, skb, ipk, birthDate
    /// A PPPK competency component, by its id.
    case component(String)

    /// The keys a CPNS final ranking may break ties with.
    public static let cpnsKeys: [RankingKey] = [.skdTotal, .tkp, .tiu, .twk, .skb, .ipk, .birthDate]

    /// The keys a PPPK ranking may break ties with: its components, then the private ones.
    public static func pppkKeys(_ components: [ScoreComponent]) -> [RankingKey] {
        components.map { .component($0.id) } + [.ipk, .birthDate]
    }

    /// As written in `tie_break`.
    public var id: String {
        switch self {
        case .skdTotal: "skd"
        case .tkp: "tkp"
        case .tiu: "tiu"
        case .twk: "twk"
        case .skb: "skb"
        case .ipk: "ipk"
        case .birthDate: "birth_date"
        case .component(let id): id
        }
    }

    /// As named in messages.
    public var label: String {
        switch self {
        case .skdTotal: "SKD total"
        case .birthDate: "the older applicant"
        case .ipk: "IPK"
        case .tkp, .tiu, .twk, .skb: id.uppercased()
        case .component(let id): id.uppercased().count <= 3 ? id.uppercased() : id
        }
    }
}

/// An SKB score, exact: a weighted sum of parts may have up to four decimals (60 % ×
/// 72,35 = 43,41; 15 % × 72,35 = 10,8525), so it is kept in ten-thousandths and published
/// with as many decimals as it needs, at least two.
public struct SKBScore: Sendable, Hashable, Comparable {
    public var tenThousandths: Int

    /// Units per point: the score is kept in ten-thousandths.
    public static let unit = 10_000
    /// 100 points.
    public static let maximum = SKBScore(tenThousandths: 100 * unit)

    public init(tenThousandths: Int) {
        self.tenThousandths = tenThousandths
    }

    public init(hundredths: Int) {
        tenThousandths = hundredths * 100
    }

    /// Σ weight × part, for parts in hundredths and weights in percent.
    public init(parts: [Int], weights: [Int]) {
        tenThousandths = zip(parts, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// 2, 3 or 4: the fewest decimals that write the score exactly.
    public var decimals: Int {
        if tenThousandths % 100 == 0 { return 2 }
        return tenThousandths % 10 == 0 ? 3 : 4
    }

    /// The score as published: `.fixed` at its decimals.
    public var cell: CellValue {
        var value = tenThousandths
        for _ in decimals..<4 { value /= 10 }
        return .fixed(value, scale: decimals)
    }

    /// "85,25", for messages.
    public func text(mark: String) -> String {
        guard case .fixed(let value, let scale) = cell else { return "" }
        return FixedPoint.text(value, scale: scale, mark: mark)
    }

    /// Whether a typed score is this one, rounded half up or cut to the decimals it has.
    public func agrees(with written: Written) -> Bool {
        var step = 1
        for _ in written.decimals..<4 { step *= 10 }
        let typed = written.score.tenThousandths
        return typed == tenThousandths / step * step || typed == (tenThousandths + step / 2) / step * step
    }

    /// An SKB score as typed: up to four decimals, and how many were written.
    public struct Written: Sendable, Hashable {
        public var score: SKBScore
        public var decimals: Int

        /// "85,25" or "74.235": nil unless a number from 0 to 100 with at most four decimals.
        public init?(_ text: String, decimalComma: Bool) {
            guard let value = CellText.parse(text, scale: 4, decimalComma: decimalComma),
                value <= SKBScore.maximum.tenThousandths
            else { return nil }
            score = SKBScore(tenThousandths: value)
            let marks: Set<Character> = decimalComma ? [".", ","] : ["."]
            decimals =
                text.firstIndex(where: { marks.contains($0) }).map { text.distance(from: $0, to: text.endIndex) - 1 }
                ?? 0
        }

        /// As typed: "74,5".
        public func text(mark: String) -> String {
            var value = score.tenThousandths
            for _ in decimals..<4 { value /= 10 }
            return FixedPoint.text(value, scale: decimals, mark: mark)
        }
    }

    public static func < (a: SKBScore, b: SKBScore) -> Bool { a.tenThousandths < b.tenThousandths }
}

/// Final score arithmetic (DOMAIN.md, "Final integration"), exact: every score is an
/// integer over the common denominator 100 (percent) × 550 (SKD) × 10,000 (SKB kept in
/// ten-thousandths).
enum FinalScore {
    static let denominator = 100 * SKDMark.total.maximum * SKBScore.unit

    /// final × denominator, for SKD total `skd` (0–550) and the SKB score (0–100):
    /// weight × SKD / 550 + weight × SKB / 100, in percent.
    static func numerator(skd: Int, skb: SKBScore, weights: ScoringRules.Weights) -> Int {
        weights.skd * skd * (denominator / SKDMark.total.maximum) + weights.skb * skb.tenThousandths
            * (denominator / (100 * SKBScore.unit))
    }

    /// Thousandths, rounded half up, as published.
    static func thousandths(_ numerator: Int) -> Int {
        (numerator * 1000 + denominator / 2) / denominator
    }
}

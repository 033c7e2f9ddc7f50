/// Final score arithmetic (DOMAIN.md, "Final integration"), exact: every score is an
/// integer over the common denominator 100 (percent) × 550 (SKD) × 100 (SKB hundredths).
enum FinalScore {
    static let denominator = 100 * SKDMark.total.maximum * 100

    /// final × denominator, for SKD total `skd` (0–550) and SKB `skbHundredths` (0–10000):
    /// weight × SKD / 550 + weight × SKB / 100, in percent.
    static func numerator(skd: Int, skbHundredths: Int, weights: ScoringRules.Weights) -> Int {
        weights.skd * skd * (denominator / SKDMark.total.maximum) + weights.skb * skbHundredths
            * (denominator / ScoreRange.skbHundredths)
    }

    /// Thousandths, rounded half up, as published.
    static func thousandths(_ numerator: Int) -> Int {
        (numerator * 1000 + denominator / 2) / denominator
    }
}

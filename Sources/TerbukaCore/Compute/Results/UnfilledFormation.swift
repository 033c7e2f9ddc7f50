/// A formation the final stage left with fewer passed than seats (formasi kosong, DOMAIN.md
/// "2024–2025 rules"), and why: reported to BKN, it may wait for the next round.
public struct UnfilledFormation: Sendable {
    public enum Reason: String, Sendable, CaseIterable {
        /// Nobody applied: no row for the formation in any table.
        case noApplicant = "no_applicant"
        /// Applicants, but too few met the requirements, the passing marks or the minimums.
        case belowPassingMarks = "below_passing_marks"
        /// The seats would be filled but for participants who withdrew (APS) after passing.
        case withdrewAfterPassing = "withdrew_after_passing"
        /// The seats would be filled but for participants absent (TH) or disqualified (DIS).
        case absent
    }

    public var formation: Formation
    /// Seats filled, optimisation placements included.
    public var filled: Int
    /// Rows for the formation in the first published table.
    public var applicants: Int
    /// APS in the final table.
    public var withdrew: Int
    /// TH and DIS in the final table.
    public var absent: Int
    public var reason: Reason

    public var unfilled: Int { formation.quota - filled }

    /// Every formation short of seats after the final ranking `final`; `first` is the
    /// earliest table published, whose rows are the applicants.
    static func list(final: any PublishedResultTable, first: any PublishedResultTable, formations: [Formation])
        -> [UnfilledFormation]
    {
        guard let filled = final.seatFilling?.filled else { return [] }
        let applicants = Dictionary(first.groups.map { ($0.formation.code, $0.range.count) }, uniquingKeysWith: +)
        var withdrew: [String: Int] = [:]
        var absent: [String: Int] = [:]
        for position in 0..<final.count {
            switch final.status(position) {
            case .absent(.withdrew): withdrew[final.formation(position), default: 0] += 1
            case .absent: absent[final.formation(position), default: 0] += 1
            default: break
            }
        }
        return formations.compactMap { formation in
            let seats = filled[formation.code] ?? 0
            guard seats < formation.quota else { return nil }
            let applied = applicants[formation.code] ?? 0
            let left = withdrew[formation.code] ?? 0
            let away = absent[formation.code] ?? 0
            let reason: Reason =
                if applied == 0 {
                    .noApplicant
                } else if left > 0, seats + left >= formation.quota {
                    .withdrewAfterPassing
                } else if away > 0, seats + left + away >= formation.quota {
                    .absent
                } else {
                    .belowPassingMarks
                }
            return UnfilledFormation(
                formation: formation, filled: seats, applicants: applied, withdrew: left, absent: away, reason: reason)
        }
    }
}

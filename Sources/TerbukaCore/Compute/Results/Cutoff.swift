/// Where each formation's line fell: the lowest score that still went on (shortlisted for
/// the SKB after the SKD) or took a seat (final and PPPK competency), so that every
/// applicant can see how far they were from it.
public enum Cutoff {
    /// The score column and the statuses that are "through" at a stage; nil for a stage
    /// that decides nothing by score (administration, SKB).
    static func rule(_ stage: ResultStage) -> (column: String, through: (ResultStatus) -> Bool)? {
        switch stage {
        case .skd: ("total", { $0 == .shortlisted })
        case .akhir: ("final", { $0 == .passed })
        case .kompetensi:
            (
                "total",
                {
                    if case .groupPassed = $0 { return true }
                    return $0 == .passed
                }
            )
        case .administrasi, .skb: nil
        }
    }

    /// The cut-off of each formation group of `table`, by group index; a group where no one
    /// is through has none. Placements by optimisation are not ranked and do not count.
    public static func perGroup(_ table: any PublishedResultTable) -> [Int: CellValue] {
        guard let rule = rule(table.stage), let column = table.columns.firstIndex(where: { $0.id == rule.column })
        else { return [:] }
        var result: [Int: CellValue] = [:]
        for (index, group) in table.groups.enumerated() {
            var lowest: CellValue?
            for position in group.range {
                guard let status = table.status(position), rule.through(status) else { continue }
                let value = table.cells(position)[column]
                guard value.exactNumber != nil else { continue }
                if let current = lowest, !value.isBelow(current) { continue }
                lowest = value
            }
            if let lowest { result[index] = lowest }
        }
        return result
    }
}

extension CellValue {
    /// A number as an integer over a power of ten, for exact comparison; nil for text.
    var exactNumber: (value: Int, scale: Int)? {
        switch self {
        case .integer(let number): (number, 0)
        case .fixed(let number, let scale): (number, scale)
        case .text, .boolean, .empty: nil
        }
    }

    /// Whether this number is below `other`, compared exactly at the finer scale.
    func isBelow(_ other: CellValue) -> Bool {
        guard let a = exactNumber, let b = other.exactNumber else { return false }
        func scaled(_ value: Int, from scale: Int, to target: Int) -> Int {
            (scale..<target).reduce(value) { result, _ in result * 10 }
        }
        let scale = max(a.scale, b.scale)
        return scaled(a.value, from: a.scale, to: scale) < scaled(b.value, from: b.scale, to: scale)
    }
}

/// The SKB table: scores as supplied (or the weighted sum of the declared parts, each part
/// beside it), by participant number; absentees with their code.
struct SKBResults: PublishedResultTable {
    let entry: ResultEntry
    let rows: [SKBRow]
    let order: [Int32]
    let groups: [FormationGroup]
    let parts: [ScoreComponent]

    var stage: ResultStage { .skb }
    var columns: [ResultColumn] {
        [ResultColumn(id: "skb", type: .number), ResultColumn(id: "status", type: .text)]
            + parts.map { ResultColumn(id: $0.id, type: .number) }
    }
    var count: Int { order.count }

    init(entry: ResultEntry, rows: [SKBRow], parts: [ScoreComponent], formations: [Formation]) {
        self.entry = entry
        self.rows = rows
        self.parts = parts
        let (order, ranges) = Grouping.order(
            count: rows.count, formations: formations, formation: { rows[$0].identity.formationIndex },
            before: { a, b in
                rows[a].identity.participant < rows[b].identity.participant
            })
        self.order = order
        groups = ranges.map { formation, range in
            let present = range.filter { rows[Int(order[$0])].score != nil }.count
            return FormationGroup(
                formation: formation, range: range, present: present, passed: present, shortlisted: nil)
        }
    }

    func row(_ position: Int) -> SKBRow { rows[Int(order[position])] }
    // Direct indexing: copying a whole row for one field would retain and release each of
    // its strings, a million times per table (perf).
    func participant(_ position: Int) -> String { rows[Int(order[position])].identity.participant }
    func name(_ position: Int) -> String { rows[Int(order[position])].identity.name }
    func formation(_ position: Int) -> String { rows[Int(order[position])].identity.formation }
    func status(_ position: Int) -> ResultStatus? { row(position).absence.map(ResultStatus.absent) }
    func cells(_ position: Int) -> [CellValue] {
        let row = row(position)
        let partCells: [CellValue] = parts.indices.map { index in
            row.parts.map { .fixed($0[index], scale: 2) } ?? .empty
        }
        return [row.score?.cell ?? .empty, row.absence.map { .status(.absent($0)) } ?? .empty] + partCells
    }
}

/// The SKB table: scores as supplied (or the weighted sum of the declared parts, each part
/// beside it), by participant number; absentees with their code.
struct SKBResults: PublishedResultTable {
    let entry: ResultEntry
    /// In published order (`Grouping.inOrder`): the pages, the downloads and the lookup
    /// read every row in turn.
    let rows: [SKBRow]
    let texts: TableTexts
    let groups: [FormationGroup]
    let parts: [ScoreComponent]

    var stage: ResultStage { .skb }
    var columns: [ResultColumn] {
        [ResultColumn(id: "skb", type: .number), ResultColumn(id: "status", type: .text)]
            + parts.map { ResultColumn(id: $0.id, type: .number) }
    }
    var count: Int { rows.count }

    init(entry: ResultEntry, rows: [SKBRow], parts: [ScoreComponent], formations: [Formation]) {
        self.entry = entry
        self.parts = parts
        let (order, ranges) = Grouping.order(
            count: rows.count, formations: formations, formation: { rows[$0].identity.formationIndex },
            before: { a, b in
                rows[a].identity.participant < rows[b].identity.participant
            })
        let rows = Grouping.inOrder(rows, order)
        self.rows = rows
        texts = TableTexts(
            count: rows.count, participant: { rows[$0].identity.participant }, name: { rows[$0].identity.name })
        groups = ranges.map { formation, range in
            let present = range.filter { rows[$0].score != nil }.count
            return FormationGroup(
                formation: formation, range: range, present: present, passed: present, shortlisted: nil)
        }
    }

    func row(_ position: Int) -> SKBRow { rows[position] }
    // Direct indexing: copying a whole row for one field would retain and release each of
    // its strings, a million times per table (perf).
    func participant(_ position: Int) -> String { rows[position].identity.participant }
    func name(_ position: Int) -> String { rows[position].identity.name }
    func formation(_ position: Int) -> String { rows[position].identity.formation }
    func status(_ position: Int) -> ResultStatus? { row(position).absence.map(ResultStatus.absent) }
    func cells(_ position: Int, into cells: inout [CellValue]) {
        cells.removeAll(keepingCapacity: true)
        cells.append(rows[position].score?.cell ?? .empty)
        cells.append(rows[position].absence.map { .status(.absent($0)) } ?? .empty)
        let written = rows[position].parts
        for index in parts.indices { cells.append(written.map { .fixed($0[index], scale: 2) } ?? .empty) }
    }
}

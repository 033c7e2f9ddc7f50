/// The administration table: MS first, then TMS, each by participant number.
struct AdministrationResults: PublishedResultTable {
    let entry: ResultEntry
    /// In published order (`Grouping.inOrder`): the pages, the downloads and the lookup
    /// read every row in turn.
    let rows: [AdministrationRow]
    let texts: TableTexts
    let groups: [FormationGroup]

    var stage: ResultStage { .administrasi }
    var columns: [ResultColumn] {
        [ResultColumn(id: "status", type: .text), ResultColumn(id: "reason", type: .text)]
    }
    var count: Int { rows.count }

    init(entry: ResultEntry, rows: [AdministrationRow], formations: [Formation]) {
        self.entry = entry
        let (order, ranges) = Grouping.order(
            count: rows.count, formations: formations, formation: { rows[$0].identity.formationIndex },
            before: { a, b in
                (rows[a].status == .meets ? 0 : 1, rows[a].identity.participant) < (
                    rows[b].status == .meets ? 0 : 1, rows[b].identity.participant
                )
            })
        let rows = Grouping.inOrder(rows, order)
        self.rows = rows
        texts = TableTexts(
            count: rows.count, participant: { rows[$0].identity.participant }, name: { rows[$0].identity.name })
        groups = ranges.map { formation, range in
            FormationGroup(
                formation: formation, range: range, present: range.count,
                passed: range.filter { rows[$0].status == .meets }.count, shortlisted: nil)
        }
    }

    func row(_ position: Int) -> AdministrationRow { rows[position] }
    // Direct indexing: copying a whole row for one field would retain and release each of
    // its strings, a million times per table (perf).
    func participant(_ position: Int) -> String { rows[position].identity.participant }
    func name(_ position: Int) -> String { rows[position].identity.name }
    func formation(_ position: Int) -> String { rows[position].identity.formation }
    func status(_ position: Int) -> ResultStatus? { row(position).status }
    func cells(_ position: Int, into cells: inout [CellValue]) {
        cells.removeAll(keepingCapacity: true)
        cells.append(.status(rows[position].status))
        cells.append(rows[position].reason.map(CellValue.text) ?? .empty)
    }
}

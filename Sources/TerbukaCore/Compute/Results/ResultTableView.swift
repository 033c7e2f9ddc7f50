/// A value of a published result cell, formatted by each output (decimal point in data
/// files, the interface language's mark on pages).
public enum CellValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// `value` in units of 10^-scale: fixed(80125, scale: 3) is 80.125.
    case fixed(Int, scale: Int)
    case empty

    /// A status cell; a row without one has an empty text.
    static func status(_ status: ResultStatus?) -> CellValue {
        .text(status?.code ?? "")
    }
}

public struct ResultColumn: Sendable, Equatable {
    /// The column id of the published data (CONTENT-FORMAT.md, "Output").
    public var id: String
    public var numeric: Bool
}

/// The rows of one formation in a published table, and what the statistics count.
public struct FormationGroup: Sendable {
    public var formation: Formation
    /// Positions in the table's published order.
    public var range: Range<Int>
    /// Rows with scores (or, in administration, all rows).
    public var present: Int
    /// MS in administration; reached the passing marks in SKD; L in the final table.
    public var passed: Int
    /// P/L in SKD.
    public var shortlisted: Int?
}

/// A result table as published: per formation, in rank order, with the computed columns.
/// Private tie-break data is not reachable from here.
public protocol PublishedResultTable: Sendable {
    var stage: ResultStage { get }
    var entry: ResultEntry { get }
    /// Columns after participant, name and formation, in the contract's order.
    var columns: [ResultColumn] { get }
    var groups: [FormationGroup] { get }
    var count: Int { get }
    func participant(_ position: Int) -> String
    func name(_ position: Int) -> String
    func formation(_ position: Int) -> String
    func cells(_ position: Int) -> [CellValue]
    func status(_ position: Int) -> ResultStatus?
}

extension PublishedResultTable {
    /// The status codes this table uses, for its legend.
    public var statusesUsed: [ResultStatus] {
        var seen: Set<ResultStatus> = []
        var result: [ResultStatus] = []
        for position in 0..<count {
            if let status = status(position), seen.insert(status).inserted { result.append(status) }
        }
        return result
    }
}

/// Orders rows per formation (in formations.csv order) and within it by `before`.
enum Grouping {
    static func order<Row>(_ rows: [Row], formations: [Formation], formation: (Row) -> Int32,
                           before: (Int, Int) -> Bool) -> (order: [Int32], ranges: [(Formation, Range<Int>)]) {
        var byFormation = [[Int]](repeating: [], count: formations.count)
        for (index, row) in rows.enumerated() { byFormation[Int(formation(row))].append(index) }
        var order: [Int32] = []
        order.reserveCapacity(rows.count)
        var ranges: [(Formation, Range<Int>)] = []
        for (index, item) in formations.enumerated() where !byFormation[index].isEmpty {
            let start = order.count
            order.append(contentsOf: byFormation[index].sorted(by: before).map(Int32.init))
            ranges.append((item, start..<order.count))
        }
        return (order, ranges)
    }

    /// Standard competition ranking (1, 2, 2, 4) of `sorted` positions whose keys compare
    /// with `same`; the first position of each tie holds the rank for the rest.
    static func competitionRanks(count: Int, same: (Int, Int) -> Bool) -> [Int] {
        var ranks = [Int](repeating: 0, count: count)
        for position in 0..<count {
            ranks[position] = position > 0 && same(position - 1, position) ? ranks[position - 1] : position + 1
        }
        return ranks
    }
}

/// The administration table: MS first, then TMS, each by participant number.
struct AdministrationResults: PublishedResultTable {
    let entry: ResultEntry
    let rows: [AdministrationRow]
    let order: [Int32]
    let groups: [FormationGroup]

    var stage: ResultStage { .administrasi }
    var columns: [ResultColumn] { [ResultColumn(id: "status", numeric: false), ResultColumn(id: "reason", numeric: false)] }
    var count: Int { order.count }

    init(entry: ResultEntry, rows: [AdministrationRow], formations: [Formation]) {
        self.entry = entry
        self.rows = rows
        let (order, ranges) = Grouping.order(rows, formations: formations, formation: \.identity.formationIndex) { a, b in
            (rows[a].status == .meets ? 0 : 1, rows[a].identity.participant) < (rows[b].status == .meets ? 0 : 1, rows[b].identity.participant)
        }
        self.order = order
        groups = ranges.map { formation, range in
            FormationGroup(formation: formation, range: range, present: range.count,
                           passed: range.filter { rows[Int(order[$0])].status == .meets }.count, shortlisted: nil)
        }
    }

    func row(_ position: Int) -> AdministrationRow { rows[Int(order[position])] }
    // Direct indexing: copying a whole row for one field would retain and release each of
    // its strings, a million times per table (perf).
    func participant(_ position: Int) -> String { rows[Int(order[position])].identity.participant }
    func name(_ position: Int) -> String { rows[Int(order[position])].identity.name }
    func formation(_ position: Int) -> String { rows[Int(order[position])].identity.formation }
    func status(_ position: Int) -> ResultStatus? { row(position).status }
    func cells(_ position: Int) -> [CellValue] {
        let row = row(position)
        return [.status(row.status), row.reason.map(CellValue.text) ?? .empty]
    }
}

/// The SKB table: scores as supplied, by participant number; absentees with their code.
struct SKBResults: PublishedResultTable {
    let entry: ResultEntry
    let rows: [SKBRow]
    let order: [Int32]
    let groups: [FormationGroup]

    var stage: ResultStage { .skb }
    var columns: [ResultColumn] { [ResultColumn(id: "skb", numeric: true), ResultColumn(id: "status", numeric: false)] }
    var count: Int { order.count }

    init(entry: ResultEntry, rows: [SKBRow], formations: [Formation]) {
        self.entry = entry
        self.rows = rows
        let (order, ranges) = Grouping.order(rows, formations: formations, formation: \.identity.formationIndex) { a, b in
            rows[a].identity.participant < rows[b].identity.participant
        }
        self.order = order
        groups = ranges.map { formation, range in
            let present = range.filter { rows[Int(order[$0])].score != nil }.count
            return FormationGroup(formation: formation, range: range, present: present, passed: present, shortlisted: nil)
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
        return [row.score.map { .fixed($0, scale: 2) } ?? .empty, row.absence.map { .status(.absent($0)) } ?? .empty]
    }
}

public struct ResultColumn: Sendable, Equatable {
    /// The column id of the published data (CONTENT-FORMAT.md, "Output").
    public var id: String
    public var type: ValueType

    /// What a column holds, as a Table Schema names it.
    public enum ValueType: String, Sendable {
        case text = "string"
        case integer
        /// A decimal number.
        case number
        case boolean
    }

    public init(id: String, type: ValueType) {
        self.id = id
        self.type = type
    }

    public var numeric: Bool { type != .text }

    /// The ids of the columns every table of a stage may have; PPPK components add their own.
    static let standardIDs =
        SKDMark.allCases.map(\.rawValue) + [
            "rank", "status", "reason", "skb", "skd", "final", "group", "skd_source", "from_formation", "to_formation",
        ]
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
/// Private tie-break data is not reachable from here. Conformed to in this module only (its
/// columns of numbers and names are made here).
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
    /// The rows' participant numbers and names in published order (laid out when first asked
    /// for, or at ranking by a table that keeps no rows): the writers read every row's, in
    /// place (`withTexts`).
    var texts: TableTexts { get }
    /// Replaces `cells` with the row's cells, in the order of `columns`: the pages, the
    /// downloads and the lookup ask for every row's cells, each into one array of its own
    /// (an array made per row was a million allocations per table and reader; perf).
    func cells(_ position: Int, into cells: inout [CellValue])
    /// What the row's cells add to the estimate of a lookup shard's size, as
    /// `LookupData.estimate` counts them; `cells`: room for them, where they must be made.
    func cellsEstimate(_ position: Int, cells: inout [CellValue]) -> Int
    func status(_ position: Int) -> ResultStatus?
    /// The seats a final ranking filled; nil for the other stages.
    var seatFilling: SeatFilling? { get }
}

extension PublishedResultTable {
    public var seatFilling: SeatFilling? { nil }

    func cellsEstimate(_ position: Int, cells: inout [CellValue]) -> Int {
        self.cells(position, into: &cells)
        return LookupData.estimate(cells)
    }

    var participants: TextColumn { texts.participants }
    var names: TextColumn { texts.names }

    /// `body` with the rows' participant numbers and names in place.
    func withTexts<Result>(
        _ body: (_ participants: TextColumn.View, _ names: TextColumn.View) throws -> Result
    ) rethrows -> Result {
        try TextColumn.withViews(participants, names, body)
    }

    /// The row's cells, in the order of `columns`.
    public func cells(_ position: Int) -> [CellValue] {
        var cells: [CellValue] = []
        self.cells(position, into: &cells)
        return cells
    }

    /// The status codes this table uses, for its legend. A ranked table's statuses come in
    /// runs: only a row whose status differs from the row before's is looked up (each row
    /// hashed was a stretch of one core for a million rows; perf).
    public var statusesUsed: [ResultStatus] {
        var seen: Set<ResultStatus> = []
        var result: [ResultStatus] = []
        var previous: ResultStatus?
        for position in 0..<count {
            guard let status = status(position), status != previous else { continue }
            previous = status
            if seen.insert(status).inserted { result.append(status) }
        }
        return result
    }
}

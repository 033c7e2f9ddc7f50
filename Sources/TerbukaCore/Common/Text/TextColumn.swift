/// A column of texts (a result table's participant numbers, or its names, in its published
/// order) laid end to end in one buffer of UTF-8, each read in place. The writers of a table
/// (its pages, its CSV and JSON, the lookup) read every row's number and name: taken as a
/// `String` from each row, every one was retained and released by each writer, at once on
/// both cores (perf); read from here, a text is a range of bytes and nothing is counted.
///
/// Public because `PublishedResultTable` names it; only this module makes one.
public struct TextColumn: Sendable {
    private let bytes: [UInt8]
    /// Text `i` ends at `ends[i]` and begins where text `i - 1` ends.
    private let ends: [Int]

    /// The texts `text(0)`, `text(1)` … `text(count - 1)`, gathered on every core from
    /// `parallelFrom` texts (each reader of a run gathers its own, then they are joined).
    init(count: Int, parallelFrom: Int = Parallel.parallelFrom, _ text: (Int) -> String) {
        let parts = Parallel.runs(count, parallelFrom: parallelFrom) { run in
            var bytes: [UInt8] = []
            var ends: [Int] = []
            ends.reserveCapacity(run.count)
            for index in run {
                var text = text(index)
                text.withUTF8 { bytes.append(contentsOf: $0) }
                ends.append(bytes.count)
            }
            return (bytes, ends)
        }
        guard parts.count > 1 else {
            (bytes, ends) = parts.first ?? ([], [])
            return
        }
        // Joined into room made once, each part's ends moved by the bytes before it (appended
        // one by one through a lazy map, a million ends were a stretch of one core; perf).
        bytes = [UInt8](unsafeUninitializedCapacity: parts.reduce(0) { $0 + $1.0.count }) { buffer, initialized in
            for (part, _) in parts {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[initialized...]).initialize(fromContentsOf: part)
                initialized += part.count
            }
        }
        // The runs cover the texts in order, so their ends fill the room exactly.
        precondition(parts.reduce(0) { $0 + $1.1.count } == count)
        ends = [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
            var start = 0
            for (part, partEnds) in parts {
                partEnds.withUnsafeBufferPointer { partEnds in
                    for (offset, end) in partEnds.enumerated() { buffer[initialized + offset] = end + start }
                }
                initialized += partEnds.count
                start += part.count
            }
        }
    }

    init(_ texts: [String]) {
        self.init(count: texts.count) { texts[$0] }
    }

    var count: Int { ends.count }

    /// Text `index`, made anew.
    subscript(index: Int) -> String {
        withView { String(decoding: $0[index], as: UTF8.self) }
    }

    /// The texts in place, for as long as `body` runs. A loop over a million rows reads them
    /// from a view: from the column, each read counted a reference to its arrays (perf).
    func withView<Result>(_ body: (View) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { bytes in
            try ends.withUnsafeBufferPointer { ends in try body(View(bytes: bytes, ends: ends)) }
        }
    }

    /// `body` with views of two columns (a table's numbers and names).
    static func withViews<Result>(
        _ first: TextColumn, _ second: TextColumn, _ body: (View, View) throws -> Result
    ) rethrows -> Result {
        try first.withView { first in try second.withView { second in try body(first, second) } }
    }

    /// `body` with a view of each of `first` and of each of `second`, in their order (per
    /// table, its numbers and its names).
    static func withViews<Result>(
        _ first: [TextColumn], _ second: [TextColumn], _ body: ([View], [View]) throws -> Result
    ) rethrows -> Result {
        try withViews(first[...]) { first in try withViews(second[...]) { second in try body(first, second) } }
    }

    /// `body` with a view of each of `columns`, in their order.
    static func withViews<Result>(
        _ columns: ArraySlice<TextColumn>, _ views: [View] = [], _ body: ([View]) throws -> Result
    ) rethrows -> Result {
        guard let first = columns.first else { return try body(views) }
        return try first.withView { try withViews(columns.dropFirst(), views + [$0], body) }
    }

    /// The texts of a column in place (`withView`).
    struct View {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let ends: UnsafeBufferPointer<Int>

        /// The UTF-8 bytes of text `index`.
        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            precondition(index >= 0 && index < ends.count)
            return UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
        }
    }
}

/// A result table's participant numbers and names as columns, laid out when first asked for:
/// the writers ask, `check` never does (for a million rows with SSCASN's 17-digit numbers, the
/// columns were 66 MiB more of its peak memory and a tenth of a second of its time).
///
/// Public because `PublishedResultTable` names it; only this module makes one.
public final class TableTexts: Sendable {
    private let made: Once<(participants: TextColumn, names: TextColumn)>

    /// `participant(i)` and `name(i)`: row `i`'s, in the table's order.
    init(
        count: Int, participant: @escaping @Sendable (Int) -> String, name: @escaping @Sendable (Int) -> String
    ) {
        made = Once { (TextColumn(count: count, participant), TextColumn(count: count, name)) }
    }

    var participants: TextColumn { made().participants }
    var names: TextColumn { made().names }
}

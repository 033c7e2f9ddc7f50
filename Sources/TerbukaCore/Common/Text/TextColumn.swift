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
            var part = Part(capacity: run.count)
            for index in run { part.append(text(index)) }
            return part
        }
        self.init(joining: parts, count: count)
    }

    /// Two columns gathered together, `texts(i, &first, &second)` appending text `i` of each:
    /// a row read from scattered memory is read once for both (a table's numbers and names,
    /// gathered in its published order from its rows as read).
    static func pair(
        count: Int, parallelFrom: Int = Parallel.parallelFrom, _ texts: (Int, inout Part, inout Part) -> Void
    ) -> (TextColumn, TextColumn) {
        let parts = Parallel.runs(count, parallelFrom: parallelFrom) { run in
            // Room for texts of 24 bytes (SSCASN's 17-digit numbers and most names fit): grown
            // by doubling from nothing, a million rows' bytes were copied again and again (perf).
            var (first, second) = (
                Part(capacity: run.count, bytes: 24 * run.count), Part(capacity: run.count, bytes: 24 * run.count)
            )
            for index in run { texts(index, &first, &second) }
            return (first, second)
        }
        return (TextColumn(joining: parts.map(\.0), count: count), TextColumn(joining: parts.map(\.1), count: count))
    }

    /// The texts of one run, each reader's own.
    struct Part {
        fileprivate var bytes: [UInt8] = []
        fileprivate var ends: [Int] = []

        /// Room for `capacity` texts, and for `bytes` bytes.
        fileprivate init(capacity: Int, bytes: Int = 0) {
            ends.reserveCapacity(capacity)
            self.bytes.reserveCapacity(bytes)
        }

        /// A text's bytes, read where they lie (taken as a copy, each text was retained and
        /// released; perf), or copied where they do not lie together.
        mutating func append(_ text: borrowing String) {
            if text.utf8.withContiguousStorageIfAvailable({ append(utf8: $0) }) == nil {
                var copy = copy text
                copy.withUTF8 { append(utf8: $0) }
            }
        }

        /// A text's UTF-8 bytes.
        mutating func append(utf8 text: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: text)
            ends.append(bytes.count)
        }
    }

    /// The runs' texts, in order, as one column of `count` texts.
    private init(joining parts: [Part], count: Int) {
        guard parts.count > 1 else {
            (bytes, ends) = parts.first.map { ($0.bytes, $0.ends) } ?? ([], [])
            return
        }
        // The runs cover the texts in order, so their ends fill the room exactly.
        precondition(parts.reduce(0) { $0 + $1.ends.count } == count)
        // Where each part's bytes and ends go.
        var byteStarts = [0]
        var endStarts = [0]
        for part in parts {
            byteStarts.append(byteStarts.last! + part.bytes.count)
            endStarts.append(endStarts.last! + part.ends.count)
        }
        // Joined into room made once, each part on a core into its own stretch, its ends moved
        // by the bytes before it (appended one by one through a lazy map, a million ends were
        // a stretch of one core; joined on one core, the numbers and names of a million rows
        // still were; perf).
        var joinedEnds: [Int] = []
        bytes = [UInt8](unsafeUninitializedCapacity: byteStarts.last!) { byteRoom, bytesMade in
            joinedEnds = [Int](unsafeUninitializedCapacity: count) { endRoom, endsMade in
                nonisolated(unsafe) let (byteRoom, endRoom) = (byteRoom, endRoom)
                _ = Parallel.indices(parts.count) { index in
                    let (part, byteStart, endStart) = (parts[index], byteStarts[index], endStarts[index])
                    _ = UnsafeMutableBufferPointer(rebasing: byteRoom[byteStart..<byteStarts[index + 1]])
                        .initialize(fromContentsOf: part.bytes)
                    part.ends.withUnsafeBufferPointer { ends in
                        for (offset, end) in ends.enumerated() { endRoom[endStart + offset] = end + byteStart }
                    }
                }
                endsMade = count
            }
            bytesMade = byteStarts.last!
        }
        ends = joinedEnds
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
        _ columns: ArraySlice<TextColumn>, _ body: ([View]) throws -> Result
    ) rethrows -> Result {
        try withEach(columns, opening: { column, view in try column.withView(view) }, body)
    }

    /// The texts of a column in place (`withView`).
    struct View {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let ends: UnsafeBufferPointer<Int>

        /// Whether every text is in ASCII.
        var isASCII: Bool { !bytes.contains { $0 >= 0x80 } }

        /// The UTF-8 bytes of text `index`.
        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            precondition(index >= 0 && index < ends.count)
            return UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
        }
    }
}

/// A result table's participant numbers and names as columns, laid out when first asked for:
/// the writers ask, `check` does not (for a million rows with SSCASN's 17-digit numbers, the
/// columns were 66 MiB more of its peak memory and a tenth of a second of its time). A table
/// that keeps no rows to read them from later has them laid out at once, `check` or not
/// (`SKDResults`).
///
/// Public because `PublishedResultTable` names it; only this module makes one.
public final class TableTexts: Sendable {
    private typealias Columns = (participants: TextColumn, names: TextColumn)
    private let columns: Source

    /// Laid out already, or to be laid out when first asked for.
    private enum Source: Sendable {
        case given(Columns)
        case made(Once<Columns>)
    }

    /// `participant(i)` and `name(i)`: row `i`'s, in the table's order.
    init(
        count: Int, participant: @escaping @Sendable (Int) -> String, name: @escaping @Sendable (Int) -> String
    ) {
        columns = .made(Once { (TextColumn(count: count, participant), TextColumn(count: count, name)) })
    }

    /// Columns laid out already.
    init(participants: TextColumn, names: TextColumn) {
        precondition(participants.count == names.count)
        columns = .given((participants, names))
    }

    private var laidOut: Columns {
        switch columns {
        case .given(let columns): columns
        case .made(let once): once()
        }
    }

    var participants: TextColumn { laidOut.participants }
    var names: TextColumn { laidOut.names }
}

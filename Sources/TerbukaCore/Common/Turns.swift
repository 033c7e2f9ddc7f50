import Foundation

/// The indices below a count, each given once and in order to whichever task asks next:
/// pieces of work taken in turn by the tasks free, so that none is left doing the last ones
/// alone (dealt out beforehand, the million-row build's last pages and lookup shards were
/// written on one core; perf, BENCHMARKS.md, sixteenth session). Iterated by each task.
final class Turns: Sequence, @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    let count: Int

    init(_ count: Int) { self.count = count }

    /// The next index not yet given; nil once all are.
    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func makeIterator() -> AnyIterator<Int> { AnyIterator { self.take() } }
}

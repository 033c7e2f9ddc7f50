/// Values appended in turn to memory of their own and later moved, all at once, to the end
/// of an array: the rows of a later part of a table, read on another core and joined to the
/// first part's. Appended to an array of their own, they were copied when joined, each
/// retaining its strings, and the part's copies released after: most of a stretch of one
/// core of the million-row build (perf, BENCHMARKS.md, eighteenth session).
///
/// A reference: the parts of a table are values copied from one another, and a part's copy
/// holds the same rows. Moving them out leaves every copy empty.
final class MovableRows<Element> {
    // Touched by one thread at a time (the part reading, then the one joining): no access
    // is checked for exclusivity (the checks were a fifth of the appends' time; perf).
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Takes `element` over: passed by copy, each row's strings were retained here and
    /// released by the caller (perf).
    func append(_ element: consuming Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            (base, capacity) = (grown, capacity * 2)
        }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Moves every element to the end of `array`, in order; none is left here.
    func move(to array: inout [Element]) {
        array.reserveCapacity(array.count + count)
        array.append(contentsOf: Moving(base: base, count: count))
        count = 0
    }

    /// Each element moved out in turn: the array initializes its room with each, and
    /// nothing is copied.
    private struct Moving: Sequence, IteratorProtocol {
        let base: UnsafeMutablePointer<Element>
        let count: Int
        var position = 0

        var underestimatedCount: Int { count - position }

        mutating func next() -> Element? {
            guard position < count else { return nil }
            defer { position += 1 }
            return (base + position).move()
        }
    }
}

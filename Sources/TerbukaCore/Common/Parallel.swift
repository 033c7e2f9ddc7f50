import Foundation

/// Work on every core that keeps the order of its input: results, and the diagnostics each
/// item gives, come out as a loop over the items would give them.
enum Parallel {
    /// `transform` of every item, in chunks run at once, in the items' order. Each output
    /// is put in its place in the result as it is made (chunks of outputs joined after
    /// were copied twice, with a retain and a release each: perf, reading a state's records).
    static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: (Item) -> Output) -> [Output] {
        let chunkCount = min(items.count, runCount)
        guard chunkCount > 1 else { return items.map(transform) }
        let chunkSize = (items.count + chunkCount - 1) / chunkCount
        return [Output](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                // Each chunk writes its own slots: no two threads touch the same one.
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    for index in min(items.count, chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize) {
                        (slots.baseAddress! + index).initialize(to: transform(items[index]))
                    }
                }
            }
            initialized = items.count
        }
    }

    /// `transform` of every item: on every core from `minimum` items on, on this thread
    /// below (threads cost more than a few small items).
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], from minimum: Int, _ transform: (Item) -> Output
    ) -> [Output] {
        items.count >= minimum ? map(items, transform) : items.map(transform)
    }

    /// Two pieces of work at once; their results. The second runs on a thread of its own,
    /// not as an iteration of `concurrentPerform`: work on every core inside either piece
    /// would then be nested in it, and libdispatch runs a nested `concurrentPerform` on one
    /// thread (its width divided by the outer one's), so each piece stayed on one core even
    /// once the other was done (perf: the output check of a build after one edit).
    static func both<A: Sendable, B: Sendable>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        nonisolated(unsafe) var b: B?
        let a = withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let second = second
            // The thread writes `b`, read only once it is done; the work lets go of `second`
            // before then (the thread object may outlive this call, holding the work).
            let other = started { b = second() }
            let a = first()
            other.wait()
            return a
        }
        return (a, b!)
    }

    /// `work` started on a thread of its own; `wait()` returns once it is done, and the
    /// thread has let go of `work` by then.
    static func started(_ work: @escaping @Sendable () -> Void) -> Started {
        let started = Started()
        let held = Work(work)
        Thread {
            held.run()
            started.done.signal()
        }.start()
        return started
    }

    /// Work started on a thread of its own (`started(_:)`).
    final class Started: Sendable {
        fileprivate let done = DispatchSemaphore(value: 0)

        /// Returns once the work is done (at most once: a second wait would never return).
        func wait() { done.wait() }
    }

    /// Work handed to a thread, given up once done.
    private final class Work: @unchecked Sendable {
        private var work: (() -> Void)?

        init(_ work: @escaping () -> Void) {
            self.work = work
        }

        func run() {
            work?()
            work = nil
        }
    }

    /// `work` for each index below `count`, all at once; the outputs in index order. Each
    /// output is made by one thread and read only once every thread is done, so it need
    /// not be Sendable; `work` must touch nothing another index writes.
    static func indices<Output>(_ count: Int, _ work: (Int) -> Output) -> [Output] {
        let slots = UnsafeMutableBufferPointer<Output>.allocate(capacity: count)
        defer {
            slots.baseAddress?.deinitialize(count: count)
            slots.deallocate()
        }
        nonisolated(unsafe) let shared = slots
        withoutActuallyEscaping(work) { work in
            nonisolated(unsafe) let work = work
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (shared.baseAddress! + index).initialize(to: work(index))
            }
        }
        return Array(slots)
    }

    /// The cores work runs on.
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// How many pieces work is cut into: a few per core, so that the last to finish is short.
    static var runCount: Int { cores * 4 }

    /// Lists shorter than this are worked through on one thread: starting threads would
    /// cost more than it saves.
    static let parallelFrom = 50_000

    /// `work` for runs of the indices below `count` (`runCount` of them), all at once; the
    /// outputs in the runs' order. One run on this thread when `count` is below
    /// `parallelFrom`. `work` must touch nothing another run writes.
    static func runs<Output>(
        _ count: Int, parallelFrom: Int = parallelFrom, _ work: (Range<Int>) -> Output
    ) -> [Output] {
        let runs = count < parallelFrom ? 1 : runCount
        let length = (count + runs - 1) / runs
        if runs == 1 { return [work(0..<count)] }
        return indices(runs) { run in work(min(count, run * length)..<min(count, (run + 1) * length)) }
    }

    /// `transform` of every item, in chunks run at once; nil results are dropped.
    static func compactMap<Item: Sendable, Output: Sendable>(
        _ items: [Item], into diagnostics: inout Diagnostics, _ transform: (Item, inout Diagnostics) -> Output?
    ) -> [Output] {
        let chunkCount = min(items.count, runCount)
        guard chunkCount > 1 else {
            return items.compactMap { transform($0, &diagnostics) }
        }
        let chunkSize = (items.count + chunkCount - 1) / chunkCount
        let slots = indices(chunkCount) { chunk in
            var local = Diagnostics()
            let range = min(items.count, chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
            return (items[range].compactMap { transform($0, &local) }, local)
        }
        var result: [Output] = []
        result.reserveCapacity(items.count)
        for (outputs, local) in slots {
            result += outputs
            diagnostics.append(contentsOf: local)
        }
        return result
    }
}

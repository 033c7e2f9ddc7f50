/// Runs of values laid end to end, run `i` read in place as `self[i]`; freed by its
/// owner (`deallocate`). Bytes and numbers only: nothing is deinitialized. For what a writer
/// of a million rows reads for each: taken from an array of arrays (or of strings), each
/// run was retained and released every time (perf).
struct PackedRuns<Element: BitwiseCopyable> {
    private let values: UnsafeMutableBufferPointer<Element>
    /// Run `i` ends at `ends[i]` and begins where run `i - 1` ends.
    private let ends: UnsafeMutableBufferPointer<Int>

    init(_ runs: [[Element]]) {
        values = .allocate(capacity: runs.reduce(0) { $0 + $1.count })
        ends = .allocate(capacity: runs.count)
        var end = 0
        for (index, run) in runs.enumerated() {
            _ = UnsafeMutableBufferPointer(rebasing: values[end..<end + run.count]).initialize(from: run)
            end += run.count
            ends[index] = end
        }
    }

    subscript(index: Int) -> UnsafeBufferPointer<Element> {
        precondition(index >= 0 && index < ends.count)
        return UnsafeBufferPointer(rebasing: values[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
    }

    func deallocate() {
        values.deallocate()
        ends.deallocate()
    }
}

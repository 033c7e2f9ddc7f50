import TerbukaMemory

/// Asks the processor to bring `address` into its caches, to be read soon: a hint for loops
/// that read scattered memory, which neither faults nor changes what the loop reads.
@inline(__always)
func prefetch<Pointee>(_ address: UnsafePointer<Pointee>) {
    terbuka_prefetch(address)
}

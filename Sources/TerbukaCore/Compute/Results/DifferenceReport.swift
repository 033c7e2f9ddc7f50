/// Differences between supplied and computed values: every one is an error, but past a
/// limit per table they are counted rather than listed, so a wrong column does not bury
/// the rest of the report.
struct DifferenceReport {
    let place: TablePlace
    static let limit = 50
    private var listed: [(Message, SourceLocation)] = []
    private var more = 0

    init(place: TablePlace) { self.place = place }

    mutating func add(_ message: Message, at location: SourceLocation) {
        if listed.count < Self.limit { listed.append((message, location)) } else { more += 1 }
    }

    /// `other`'s differences after these, as if added here in turn.
    mutating func append(_ other: DifferenceReport) {
        for (message, location) in other.listed { add(message, at: location) }
        more += other.more
    }

    func finish(into diagnostics: inout Diagnostics) {
        for (message, location) in listed { diagnostics.error(message, at: location) }
        if more > 0 {
            diagnostics.error(.moreDifferences(more), at: place.file)
        }
    }
}

/// The line of each participant's first row in a result table, to report a participant
/// listed twice. A table of a million rows asks once per row, so a participant number of
/// up to 17 digits (every SSCASN number) is kept as an integer with its length (leading
/// zeros count): hashing and comparing it is cheaper than a string (measured with perf).
///
/// Numbers may also be only collected (`deferred`), to be looked for twice once the whole
/// table is read (`repeatsANumber`): sorting a million integers is cheaper than a million
/// lookups in a dictionary too large for the caches (measured with perf). A reading that
/// finds a number twice that way is to be done again with numbers looked up row by row,
/// which tells where and gives each row its message: the table has an error anyway.
struct ParticipantLines {
    private var numbers: [UInt64: Int32] = [:]
    private var texts: [String: Int32] = [:]
    /// The participant numbers read so far when deferred, without their lines.
    private var collected: [UInt64] = []
    let deferred: Bool
    /// Room to make for the participants expected; `texts` gets it at its first.
    private var capacity = 0

    init(capacity: Int = 0, deferred: Bool = false) {
        self.deferred = deferred
        reserve(capacity)
    }

    var count: Int { numbers.count + texts.count + collected.count }

    mutating func reserve(_ capacity: Int) {
        self.capacity = capacity
        if deferred {
            collected.reserveCapacity(capacity)
        } else {
            numbers.reserveCapacity(capacity)
        }
        if !texts.isEmpty { texts.reserveCapacity(capacity) }
    }

    /// Up to 17 ASCII digits as `value << 5 | length`; nil for anything else. Read from the
    /// bytes in place: through the UTF-8 view, a million numbers' digits were 1 % of the
    /// million-row build (perf).
    private static func number(_ participant: String) -> UInt64? {
        var participant = participant
        return participant.withUTF8 { bytes in
            guard bytes.count <= 17 else { return nil }
            var value: UInt64 = 0
            for byte in bytes {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + UInt64(byte - 0x30)
            }
            return bytes.isEmpty ? nil : value << 5 | UInt64(bytes.count)
        }
    }

    /// The line of `participant`'s first row, or nil after recording `line` as that line.
    /// Deferred, a number is collected and nil returned: `repeatsANumber` answers later.
    mutating func claim(_ participant: String, line: Int) -> Int? {
        let line = Int32(truncatingIfNeeded: line)
        if let key = Self.number(participant) {
            if deferred {
                collected.append(key)
                return nil
            }
            return Self.claim(&numbers, key, line)
        }
        if texts.isEmpty, capacity > 0 { texts.reserveCapacity(capacity) }
        return Self.claim(&texts, participant, line)
    }

    /// Whether a number was collected twice (deferred).
    mutating func repeatsANumber() -> Bool {
        collected.sort()
        return collected.withUnsafeBufferPointer { keys in
            keys.indices.dropFirst().contains { keys[$0] == keys[$0 - 1] }
        }
    }

    /// One lookup for both questions: the default is evaluated, and stored, only when the
    /// key has no line yet.
    private static func claim<Key: Hashable>(_ lines: inout [Key: Int32], _ key: Key, _ line: Int32) -> Int? {
        var recorded = false
        let first = read(&lines[key, default: mark(&recorded, line)])
        return recorded ? nil : Int(first)
    }

    /// `line`, noting that it was taken as the default.
    private static func mark(_ flag: inout Bool, _ line: Int32) -> Int32 {
        flag = true
        return line
    }

    /// The slot's value, read through the dictionary's in-place access.
    private static func read(_ slot: inout Int32) -> Int32 { slot }

    /// Whether `other` has a participant from line `from` on that this one has too.
    /// Numbers collected are not compared here (`repeatsANumber`).
    func sharesAny(_ other: ParticipantLines, from line: Int) -> Bool {
        let line = Int32(truncatingIfNeeded: line)
        return other.numbers.contains { $0.value >= line && numbers[$0.key] != nil }
            || other.texts.contains { $0.value >= line && texts[$0.key] != nil }
    }

    /// What a reader of a later part of the table starts from: what this one records, but
    /// no numbers collected, which are not looked up while reading.
    func forLaterPart() -> ParticipantLines {
        var part = self
        part.collected = []
        return part
    }

    /// Adds every number `other` collected and, with `lines`, the lines it records from
    /// line `from` on (a reader that reads no further needs none).
    mutating func add(_ other: ParticipantLines, from line: Int, lines: Bool) {
        collected += other.collected
        guard lines else { return }
        let line = Int32(truncatingIfNeeded: line)
        numbers.reserveCapacity(numbers.count + other.numbers.count)
        for (key, first) in other.numbers where first >= line { numbers[key] = first }
        for (key, first) in other.texts where first >= line { texts[key] = first }
    }
}

import Foundation

/// A kind of record the state file keeps one per line, read only when asked for.
protocol StateRecord: Sendable {
    /// The record on a line (after its kind), with its path; nil when it is not one.
    static func read(_ line: ArraySlice<UInt8>) -> (String, Self)?
    /// The line `read` reads (after its kind), without its end.
    func write(path: String, into text: inout ByteWriter)
}

extension StateRecord {
    /// The whole line: its kind, the record, its end.
    func writeLine(_ kind: StaticString, path: String, into text: inout ByteWriter) {
        text.raw(kind)
        text.raw(" ")
        write(path: path, into: &text)
        text.raw("\n")
    }
}

extension BuildState.Input: StateRecord {
    /// Stamp, SHA-256, path.
    func write(path: String, into text: inout ByteWriter) {
        BuildState.write(stamp, into: &text)
        text.raw(" ")
        text.raw(sha256)
        text.raw(" ")
        text.raw(BuildState.escape(path))
    }

    static func read(_ line: ArraySlice<UInt8>) -> (String, Self)? {
        var fields = BuildState.Fields(line)
        guard let stamp = fields.stamp() else { return nil }
        let sha256 = fields.word()
        return (BuildState.unescape(fields.rest()), Self(stamp: stamp, sha256: sha256))
    }
}

extension BuildState.Output: StateRecord {
    /// Stamp, SHA-256, fingerprint and key ("-": none), path.
    func write(path: String, into text: inout ByteWriter) {
        BuildState.write(stamp, into: &text)
        text.raw(" ")
        text.raw(sha256)
        text.raw(" ")
        text.raw(fingerprint.isEmpty ? "-" : fingerprint)
        text.raw(" ")
        text.raw(key.isEmpty ? "-" : key)
        text.raw(" ")
        text.raw(BuildState.escape(path))
    }

    /// Stamp, SHA-256, fingerprint and key ("-": none), path.
    static func read(_ line: ArraySlice<UInt8>) -> (String, Self)? {
        var fields = BuildState.Fields(line)
        guard let stamp = fields.stamp() else { return nil }
        let sha256 = fields.word()
        let fingerprint = fields.word()
        let key = fields.word()
        let path = BuildState.unescape(fields.rest())
        return (
            path,
            Self(
                stamp: stamp, sha256: sha256, fingerprint: fingerprint == "-" ? "" : fingerprint,
                key: key == "-" ? "" : key)
        )
    }

    /// The stamp and path of an output file's line, its other fields passed over: enough to
    /// compare the file with the disk (a spare tree's 10,000 lines, and the output in place's,
    /// are read so).
    static func stampAndPath(_ line: ArraySlice<UInt8>) -> (String, FileStamp)? {
        var fields = BuildState.Fields(line)
        guard let stamp = fields.stamp() else { return nil }
        // SHA-256, fingerprint and key.
        for _ in 0..<3 { fields.skipWord() }
        return (BuildState.unescape(fields.rest()), stamp)
    }
}

extension FileStamp: StateRecord {
    /// Stamp, path (a folder's line).
    func write(path: String, into text: inout ByteWriter) {
        BuildState.write(self, into: &text)
        text.raw(" ")
        text.raw(BuildState.escape(path))
    }

    /// Stamp, path (a folder's line).
    static func read(_ line: ArraySlice<UInt8>) -> (String, Self)? {
        var fields = BuildState.Fields(line)
        guard let stamp = fields.stamp() else { return nil }
        return (BuildState.unescape(fields.rest()), stamp)
    }
}

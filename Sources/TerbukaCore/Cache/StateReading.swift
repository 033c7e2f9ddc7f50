import Foundation

/// Reading a state file: its first part (and the look at the outputs it records) and its
/// lines' fields; and the escaping of paths, which the lines written share.
extension BuildState {
    /// A first part checked whole and split into lines: the lines that are not tables read
    /// into `header` (key, scan time, counts, warnings, the second part's SHA-256), each
    /// table's lines kept unread, from their stamp on. The full reading (`state`) and the
    /// check of a build that may have nothing to do (`UnchangedCheck`) both start here.
    struct FirstPart: Sendable {
        let bytes: [UInt8]
        let header: BuildState
        /// Lines `i` (inputs), `o` (output files) and `d` (output folders).
        let inputs: [Range<Int>]
        let outputs: [Range<Int>]
        let folders: [Range<Int>]

        /// nil when the part is not whole, holds a line of another format, or lacks the key
        /// or the second part's SHA-256.
        init?(_ bytes: [UInt8]) {
            guard let length = BuildState.firstLength(bytes), length == bytes.count,
                BuildState.isWhole(bytes, 0..<length)
            else { return nil }
            var header = BuildState(key: "", scanned: 0, inputs: [:], outputs: [:], warnings: [], files: 0, pages: 0)
            var (inputs, outputs, folders): ([Range<Int>], [Range<Int>], [Range<Int>]) = ([], [], [])
            var start = BuildState.headLength
            let end = length - BuildState.trailerLength
            while start < end {
                var stop = start
                while bytes[stop] != UInt8(ascii: "\n") { stop += 1 }
                defer { start = stop + 1 }
                let table = stop - start >= 2 && bytes[start + 1] == UInt8(ascii: " ") ? bytes[start] : 0
                switch table {
                case UInt8(ascii: "i"): inputs.append((start + 2)..<stop)
                case UInt8(ascii: "o"): outputs.append((start + 2)..<stop)
                case UInt8(ascii: "d"): folders.append((start + 2)..<stop)
                default: guard header.read(bytes[start..<stop]) else { return nil }
                }
            }
            guard !header.key.isEmpty, header.tailSHA256 != nil else { return nil }
            self.bytes = bytes
            self.header = header
            (self.inputs, self.outputs, self.folders) = (inputs, outputs, folders)
        }

        /// The whole state, its second part read from `tail` when wanted; nil when a table's
        /// line is not one of this format.
        func state(tail: StateTail) -> BuildState? {
            var state = header
            // On every core: a site of 10,000 notices has 40,000 lines here. The inputs' and the
            // outputs' tables are filled on two cores (one after the other, a stretch of one).
            let readFolders = Parallel.map(folders, from: 1_000) { FileStamp.read(bytes[$0]) }
            let (inputs, outputs) = Parallel.both(
                { LazyRecords<Input>.read(self.inputs, of: bytes) },
                { LazyRecords<Output>.read(self.outputs, of: bytes) })
            guard let inputs, let outputs else { return nil }
            (state.inputs, state.outputs) = (inputs, outputs)
            for folder in readFolders {
                guard let (path, stamp) = folder else { return nil }
                state.folders.append(Folder(path: path, stamp: stamp))
            }
            tail.expect(state.tailSHA256!)
            state.spare = .tail(tail, kind: UInt8(ascii: "s"))
            state.notices = .tail(tail, kind: UInt8(ascii: "n"))
            state.spareFolders = .tail(tail, kind: UInt8(ascii: "f"))
            return state
        }

        /// Whether each output file and folder is as recorded, looked at from `output`:
        /// the paths of the files that are not, whether every folder is (false when there is
        /// none, or no output folder), and the permission bits of the files that are as
        /// recorded but without the ones a new file gets here (`FileModes.file`). One
        /// `fstatat` each, on every core.
        func unchangedOutputs(in output: URL) -> Outputs {
            guard let root = FileStamp.Folder(output.standardizedFileURL.path) else {
                return Outputs(touchedFiles: outputs.compactMap { Output.read(bytes[$0])?.0 }, foldersIntact: false)
            }
            // The permission bits of what is as recorded; `touched` for what is not.
            let touched = UInt32.max
            // Each line's path looked up as it is on the line: not made a string first (20,436
            // strings on a 10,000-notice site, each allocated and freed for one look). On
            // every core from 1,000 lines; a small site's few on this thread.
            let found = Parallel.map(Array(0..<(outputs.count + folders.count)), from: 1_000) { item -> UInt32 in
                let isFile = item < outputs.count
                var fields = Fields(bytes[isFile ? outputs[item] : folders[item - outputs.count]])
                guard let stamp = fields.stamp() else { return touched }
                // An output's SHA-256, fingerprint and key.
                if isFile { for _ in 0..<3 { fields.skipWord() } }
                guard let entry = root.entry(escaped: fields.bytes, folder: !isFile), entry.stamp == stamp else {
                    return touched
                }
                return entry.mode
            }
            var result = Outputs(
                touchedFiles: [], foldersIntact: !folders.isEmpty && !found[outputs.count...].contains(touched))
            for (line, mode) in zip(outputs, found) where mode != FileModes.file {
                guard let path = Output.read(bytes[line])?.0 else { continue }
                if mode == touched { result.touchedFiles.append(path) } else { result.modes[path] = mode }
            }
            return result
        }

        /// What `unchangedOutputs` found.
        struct Outputs: Sendable {
            /// Output files no longer as recorded, by path.
            var touchedFiles: [String]
            /// True when there is at least one folder and every one is as recorded.
            var foldersIntact: Bool
            /// The permission bits of the files as recorded whose bits are not
            /// `FileModes.file`, by path.
            var modes: [String: UInt32] = [:]
        }
    }

    /// Reads one line other than a table's into the state; false when it is not a line of
    /// this format.
    private mutating func read(_ line: ArraySlice<UInt8>) -> Bool {
        var fields = Fields(line)
        switch fields.word() {
        case "key": key = fields.rest()
        case "tail": tailSHA256 = fields.rest()
        case "scanned":
            guard let value = fields.integer(), value >= 0 else { return false }
            scanned = Int64(value)
        case "counts":
            guard let files = fields.integer(), let pages = fields.integer(), files >= 0, pages >= 0 else {
                return false
            }
            (self.files, self.pages) = (files, pages)
        case "warnings":
            guard let stored = try? JSONDecoder().decode([StoredDiagnostic].self, from: Data(fields.rest().utf8))
            else { return false }
            warnings = stored.map(\.diagnostic)
        default: return false
        }
        return true
    }

    /// Space-separated fields of one line; the last one (a path) may hold spaces. Read with
    /// a cursor into the line: not by slicing it again at each field, which retained and
    /// released its storage each time (a tenth of a build after one edit reading 40,000
    /// lines, perf).
    struct Fields {
        private let line: ArraySlice<UInt8>
        /// Where the fields not read yet start, in `line`'s indices.
        private var start: Int

        init(_ bytes: ArraySlice<UInt8>) {
            line = bytes
            start = bytes.startIndex
        }

        /// The bytes not read yet.
        var bytes: ArraySlice<UInt8> { line[start...] }

        mutating func word() -> String {
            let range = next()
            return String(decoding: line[range], as: UTF8.self)
        }

        /// Passes over a word without making a string of it.
        mutating func skipWord() {
            _ = next()
        }

        /// A decimal integer, possibly negative; nil when it is not one or does not fit.
        mutating func integer() -> Int? {
            var digits = next()
            let negative = !digits.isEmpty && line[digits.lowerBound] == UInt8(ascii: "-")
            if negative { digits = (digits.lowerBound + 1)..<digits.upperBound }
            guard let magnitude = decimal(digits), magnitude <= UInt64(Int.max) else { return nil }
            return negative ? -Int(magnitude) : Int(magnitude)
        }

        /// Device, inode, size, mtime and ctime.
        mutating func stamp() -> FileStamp? {
            guard let device = unsigned(), let inode = unsigned(), let size = integer(), let modified = integer(),
                let changed = integer()
            else { return nil }
            return FileStamp(
                device: device, inode: inode, size: size, modified: Int64(modified), changed: Int64(changed))
        }

        /// A decimal integer of 0 to 2^64 - 1 (device and inode numbers).
        mutating func unsigned() -> UInt64? {
            decimal(next())
        }

        /// The next field's indices in `line`; the cursor moved past it and the space after it.
        private mutating func next() -> Range<Int> {
            var end = start
            let stop = line.endIndex
            while end < stop, line[end] != UInt8(ascii: " ") { end += 1 }
            defer { start = end == stop ? stop : end + 1 }
            return start..<end
        }

        private func decimal(_ digits: Range<Int>) -> UInt64? {
            guard !digits.isEmpty else { return nil }
            var value: UInt64 = 0
            for index in digits {
                let digit = line[index]
                guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = product.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
                guard !overflow, !carry else { return nil }
                value = sum
            }
            return value
        }

        mutating func rest() -> String {
            defer { start = line.endIndex }
            return String(decoding: line[start...], as: UTF8.self)
        }

        /// The line's tab-separated fields, unescaped (a notice's record: its fields may hold
        /// spaces). Found with `memchr`: the generic `split` was half of reading 10,000
        /// notices' records (perf).
        func tabSeparated() -> [String] {
            var fields: [String] = []
            fields.reserveCapacity(16)
            bytes.withUnsafeBufferPointer { line in
                guard let base = line.baseAddress else { return fields.append("") }
                var start = 0
                while true {
                    let tab = memchr(base + start, 9, line.count - start).map {
                        UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
                    }
                    let end = tab ?? line.count
                    let field = UnsafeBufferPointer(rebasing: line[start..<end])
                    fields.append(BuildState.unescape(String(decoding: field, as: UTF8.self)))
                    guard let tab else { return }
                    start = tab + 1
                }
            }
            return fields
        }
    }

    /// A path or field on one line, and never holding a tab: backslash, tab, newline and
    /// carriage return written as \\, \t, \n, \r.
    static func escape(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) else {
            return path
        }
        return path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    /// `escape` undone. Most text has no escape and is given back as it is: the backslash
    /// looked for in its bytes with `memchr`, not through the string's view of them
    /// (`Sequence.contains` on each field of a notice's record was 0.7 % of a build after
    /// one edit, perf; BENCHMARKS.md, fourteenth session).
    static func unescape(_ text: String) -> String {
        var text = text
        let unescaped = text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress, memchr(base, 0x5C, bytes.count) != nil else { return nil }
            // Never longer than the escaped text: written straight into the string's room.
            return String(unsafeUninitializedCapacity: bytes.count) { room in
                var count = 0
                unescape(bytes) { byte in
                    room[count] = byte
                    count += 1
                }
                return count
            }
        }
        return unescaped ?? text
    }

    /// The bytes `escape` wrote, each byte they stand for given to `put` in turn: a
    /// backslash and the byte after it stand for a tab (t), a line end (n), a carriage
    /// return (r), or else that byte; a lone one at the end for nothing.
    @inline(__always)
    static func unescape(_ bytes: some Sequence<UInt8>, _ put: (UInt8) -> Void) {
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): put(9)
                case UInt8(ascii: "n"): put(10)
                case UInt8(ascii: "r"): put(13)
                default: put(byte)
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                put(byte)
            }
        }
    }
}

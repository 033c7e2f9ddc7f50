import Foundation

/// Whether a build would find nothing changed, decided on the state file's first part as it
/// is, without reading it into tables: its outputs' stamps are compared where they stand
/// while the inputs are scanned, and its lines of inputs, in the order of their paths as the
/// scan finds them, are then gone through beside the scan. Reading 10,000 notices' state
/// into dictionaries was the longest stretch of such a build, on one core (perf). Only a
/// yes is an answer: anything else (a state not whole, another key, an input added, gone
/// or changed, an output touched) is left to the full reading (`IncrementalPlan`).
enum UnchangedCheck {
    /// What the previous build left, to be said again.
    struct Found: Sendable {
        var warnings: [Diagnostic]
        var files: Int
        var pages: Int
    }

    /// The first part's lines, and whether every output file and folder it names is as the
    /// previous build left it.
    struct Outputs: Sendable {
        let bytes: [UInt8]
        /// The lines that are neither inputs, outputs nor folders, as the full reading reads them.
        let state: BuildState
        /// Each input's line, from its stamp on.
        let inputs: [Range<Int>]
        /// True when there is at least one folder and every output file and folder has the
        /// stamp recorded.
        let intact: Bool

        /// nil when the part is not whole or holds a line of another format.
        init?(first bytes: [UInt8], output: URL) {
            guard let length = BuildState.firstLength(bytes), length == bytes.count,
                BuildState.isWhole(bytes, 0..<length)
            else { return nil }
            var state = BuildState(key: "", scanned: 0, inputs: [:], outputs: [:], warnings: [], files: 0, pages: 0)
            var inputs: [Range<Int>] = []
            var outputs: [Range<Int>] = []
            var start = BuildState.headLength
            let end = length - BuildState.trailerLength
            while start < end {
                var stop = start
                while bytes[stop] != UInt8(ascii: "\n") { stop += 1 }
                defer { start = stop + 1 }
                guard stop - start >= 2 else { return nil }
                if bytes[start + 1] == UInt8(ascii: " ") {
                    switch bytes[start] {
                    case UInt8(ascii: "i"):
                        inputs.append((start + 2)..<stop)
                        continue
                    case UInt8(ascii: "o"), UInt8(ascii: "d"):
                        outputs.append(start..<stop)
                        continue
                    default: break
                    }
                }
                guard state.read(bytes[start..<stop]) else { return nil }
            }
            // What the full reading asks of these lines too.
            guard !state.key.isEmpty, state.tailSHA256 != nil else { return nil }
            var intact = outputs.contains { bytes[$0.lowerBound] == UInt8(ascii: "d") }
            if intact, let root = FileStamp.Folder(output.standardizedFileURL.path) {
                let stamps = Parallel.map(outputs) { line -> Bool in
                    var fields = BuildState.Fields(bytes[(line.lowerBound + 2)..<line.upperBound])
                    guard let stamp = fields.stamp() else { return false }
                    if bytes[line.lowerBound] == UInt8(ascii: "d") {
                        return root.stamp(ofFolder: BuildState.unescape(fields.rest())) == stamp
                    }
                    // SHA-256, fingerprint and key, then the path.
                    for _ in 0..<3 { fields.skipWord() }
                    return root.stamp(of: BuildState.unescape(fields.rest())) == stamp
                }
                intact = !stamps.contains(false)
            } else {
                intact = false
            }
            (self.bytes, self.state, self.inputs, self.intact) = (bytes, state, inputs, intact)
        }
    }

    /// Found when the outputs are intact and every input is where it was, with the stamp it
    /// had, under the same key. A stamp taken too close to that build's scan to prove the
    /// file unchanged (a file saved just before it) is proved by the file's SHA-256, as the
    /// full reading does.
    static func check(_ outputs: Outputs, scan: InputScan, options: BuildOptions) -> Found? {
        guard outputs.intact, outputs.inputs.count == scan.files.count else { return nil }
        let state = outputs.state
        var themes = ""
        for (line, file) in zip(outputs.inputs, scan.files) {
            var fields = BuildState.Fields(outputs.bytes[line])
            guard let stamp = fields.stamp(), stamp == file.stamp else { return nil }
            let sha256 = fields.word()
            guard !sha256.isEmpty, fields.bytes.elementsEqual(BuildState.escape(file.path).utf8) else { return nil }
            if state.isRacy(stamp) {
                let now = try? Digest.sha256(fileAt: URL(fileURLWithPath: file.location, isDirectory: false))
                guard now?.hex == sha256 else { return nil }
            }
            if !file.path.hasPrefix("content/") { themes += "\(sha256) \(BuildState.escape(file.path))\n" }
        }
        guard state.key == BuildCache.key(options: options, themes: Digest.sha256(Data(themes.utf8))) else {
            return nil
        }
        return Found(warnings: state.warnings, files: state.files, pages: state.pages)
    }
}

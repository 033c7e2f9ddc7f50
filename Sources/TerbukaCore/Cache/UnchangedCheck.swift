import Foundation

/// Whether a build would find nothing changed, decided on the state file's first part as it
/// is, without reading it into tables: its outputs' stamps are compared where they stand
/// while the inputs are scanned, and its lines of inputs, in the order of their paths as the
/// scan finds them, are then gone through beside the scan. Reading 10,000 notices' state
/// into dictionaries was the longest stretch of such a build, on one core (perf). Only a
/// yes is an answer: anything else (a state not whole, another key, an input added, gone
/// or changed, an output touched) is left to the full reading (`IncrementalPlan`), which
/// starts from the same part and the same look at the outputs.
enum UnchangedCheck {
    /// What the previous build left, to be said again.
    struct Found: Sendable {
        var warnings: [Diagnostic]
        var files: Int
        var pages: Int
    }

    /// The first part, and the outputs looked at as it records them.
    struct Outputs: Sendable {
        let part: BuildState.FirstPart
        /// The output files and folders as they are now.
        let found: BuildState.FirstPart.Outputs
        /// Output files no longer as recorded, by path.
        var touchedFiles: [String] { found.touchedFiles }
        /// True when there is at least one folder and every one is as recorded.
        var foldersIntact: Bool { found.foldersIntact }
        /// Every output file and folder as recorded.
        var intact: Bool { foldersIntact && touchedFiles.isEmpty }

        /// nil when the part cannot be read (`BuildState.FirstPart`).
        init?(first bytes: [UInt8], output: URL) {
            guard let part = BuildState.FirstPart(bytes) else { return nil }
            self.part = part
            found = part.unchangedOutputs(in: output)
        }
    }

    /// Found when the outputs are intact and every input is where it was, with the stamp it
    /// had, under the same key. A stamp taken too close to that build's scan to prove the
    /// file unchanged (a file saved just before it) is proved by the file's SHA-256, as the
    /// full reading does.
    static func check(_ outputs: Outputs, scan: InputScan, options: BuildOptions) -> Found? {
        let part = outputs.part
        guard outputs.intact, part.inputs.count == scan.files.count else { return nil }
        var hashes: [String] = []
        hashes.reserveCapacity(scan.files.count)
        for (line, file) in zip(part.inputs, scan.files) {
            var fields = BuildState.Fields(part.bytes[line])
            guard let stamp = fields.stamp(), stamp == file.stamp else { return nil }
            let sha256 = fields.word()
            guard !sha256.isEmpty, fields.bytes.elementsEqual(BuildState.escape(file.path).utf8) else { return nil }
            if part.header.isRacy(stamp) {
                let now = try? Digest.sha256(fileAt: URL(fileURLWithPath: file.location, isDirectory: false))
                guard now?.hex == sha256 else { return nil }
            }
            hashes.append(sha256)
        }
        let state = part.header
        guard
            state.key
                == BuildCache.key(
                    options: options, inputs: zip(scan.files, hashes).map { ($0.path, $1) }, links: scan.links)
        else {
            return nil
        }
        return Found(warnings: state.warnings, files: state.files, pages: state.pages)
    }
}

import Foundation

/// `terbuka verify <dir>`: re-hashes a published site against its SHA256SUMS.
public enum SiteVerifier {
    public struct Report: Sendable {
        public var checked: Int
        public var changed: [String]
        public var missing: [String]
        /// Files in the folder that SHA256SUMS does not list.
        public var extra: [String]
        public var problems: [Bilingual]
        /// What SHA256SUMS.sig says, when a key was given to check it against.
        public var signature: SignatureCheck?

        /// Every listed file matches and nothing else is there.
        public var passed: Bool { passed(strict: true) }

        /// Every listed file matches, and the signature when a key was given; unless
        /// `strict`, files the list does not hold (a host's .htaccess) do not fail the check.
        public func passed(strict: Bool) -> Bool {
            changed.isEmpty && missing.isEmpty && problems.isEmpty && (!strict || extra.isEmpty)
                && (signature == nil || signature == .valid)
        }
    }

    public enum SignatureCheck: Sendable, Equatable {
        case valid
        /// The site has no SHA256SUMS.sig.
        case missing
        case invalid(SSHSignature.Outcome)
    }

    /// Re-hashes `folder`; with `key`, also checks SHA256SUMS.sig against it.
    public static func verify(_ folder: URL, key: SSHPublicKey? = nil) -> Report {
        var report = Report(checked: 0, changed: [], missing: [], extra: [], problems: [])
        if let key {
            if let signature = try? String(contentsOf: folder.appendingPathComponent(Route.signature), encoding: .utf8),
                let sums = FileManager.default.contents(atPath: folder.appendingPathComponent(Route.sums).path)
            {
                let outcome = SSHSignature.verify(
                    signature, message: Array(sums), key: key, namespace: SSHSignature.fileNamespace)
                report.signature = outcome == .valid ? .valid : .invalid(outcome)
            } else {
                report.signature = .missing
            }
        }
        let sums = folder.appendingPathComponent(Route.sums)
        guard let text = try? String(contentsOf: sums, encoding: .utf8) else {
            report.problems.append(.noSums(sums.path))
            return report
        }
        var listed: Set<String> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64, parts[1].hasPrefix(" ") else {
                report.problems.append(.badSumsLine(number + 1))
                continue
            }
            let expected = String(parts[0]).lowercased()
            let path = String(parts[1].dropFirst())
            listed.insert(path)
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                report.missing.append(path)
                continue
            }
            report.checked += 1
            if (try? Digest.sha256(fileAt: url).hex) != expected { report.changed.append(path) }
        }
        for path in FileListing.files(under: folder, includingHidden: true)
        where path != Route.sums && path != Route.signature && !listed.contains(path) {
            report.extra.append(path)
        }
        return report
    }
}

import Foundation

/// `manifest.json` (the sources that went into the build) and `SHA256SUMS` (every other
/// file of the site, in `sha256sum -c` format), written last.
enum Integrity {
    /// Content files the build used, relative to the site folder, sorted.
    static func sourceFiles(_ content: SiteContent) -> [String] {
        var paths = ["content/site.yml"]
        for vacancy in content.vacancies {
            let folder = (vacancy.sourcePath as NSString).deletingLastPathComponent
            paths += [vacancy.sourcePath, vacancy.formationsPath]
            paths += vacancy.results.compactMap { $0.file.map { folder + "/" + $0 } }
        }
        paths += content.announcements.map(\.sourcePath) + content.pages.map(\.sourcePath)
        paths += content.files.map { "content/files/" + $0.path }
        return paths.sorted()
    }

    /// `known(path)`: the SHA-256 and size of a source when an incremental build already
    /// knows them; the others are read and hashed.
    static func manifest(
        _ content: SiteContent, siteRoot: URL, buildTime: Int,
        known: @Sendable (String) -> (String, Int)? = { _ in nil }
    ) throws -> OutputFile {
        var out = ByteWriter()
        out.raw("{\n  \"generator\": ")
        out.json("Terbuka \(TerbukaVersion.current)")
        out.raw(",\n  \"build_time\": ")
        out.json(DateText.utcISO(buildTime))
        out.raw(",\n  \"sources\": [")
        // Hashed on every core: a large site has thousands of sources.
        let paths = sourceFiles(content)
        let hashes = Parallel.map(paths) { path in
            if let known = known(path) { return Result<(String, Int), Error>.success(known) }
            return Result {
                try Digest.sha256(fileAt: URL(fileURLWithPath: siteRoot.path + "/" + path, isDirectory: false))
            }
        }
        for (index, path) in paths.enumerated() {
            let (sha256, size) = try hashes[index].get()
            out.raw(index == 0 ? "\n    {\"path\": " : ",\n    {\"path\": ")
            out.json(path)
            out.raw(", \"sha256\": ")
            out.json(sha256)
            out.raw(", \"size\": ")
            out.integer(size)
            out.raw("}")
        }
        out.raw("\n  ]\n}\n")
        return OutputFile(path: Route.manifest, contents: .bytes(Data(out.bytes)))
    }

    /// SSHSIG over the bytes of SHA256SUMS, as `ssh-keygen -Y sign -n file` makes it.
    static func signature(of sums: OutputFile, with key: SSHPrivateKey) -> OutputFile {
        guard case .bytes(let data) = sums.contents else { preconditionFailure("SHA256SUMS is written from memory") }
        return .text(Route.signature, SSHSignature.sign(Array(data), with: key, namespace: SSHSignature.fileNamespace))
    }

    /// `<sha256>  <path>` per file, sorted by path.
    static func sums(_ ledger: Ledger) -> OutputFile {
        var text = ByteWriter()
        for (path, entry) in ledger.all where path != Route.sums && path != Route.signature {
            text.raw(entry.sha256)
            text.raw("  ")
            text.raw(path)
            text.raw("\n")
        }
        return OutputFile(path: Route.sums, contents: .bytes(Data(text.bytes)))
    }
}

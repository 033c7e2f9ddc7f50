import Foundation

/// `situs.zip`: every file written so far, for readers to keep offline. An incremental
/// build links the previous archive when the files and the build time are the ones it was
/// made from, and otherwise takes each unchanged file's entry from it as stored: libdeflate
/// gives the same bytes for the same file, so the archive is the one a full build writes.
enum SiteArchive {
    static func write(to staging: StagingFolder, buildTime: Int) throws {
        let files = staging.ledger.all
        if let reuse = staging.reuse {
            var fingerprint = Fingerprint()
            fingerprint.add(buildTime)
            for (path, entry) in files {
                fingerprint.add(path)
                fingerprint.add(entry.sha256)
            }
            if let previous = reuse.page(Route.zip, fingerprint: fingerprint.digest),
                try staging.reuses(Route.zip, previous, at: staging.root.path + "/" + Route.zip)
            {
                return
            }
        }
        let target = try staging.prepareFile(Route.zip)
        let (sha256, size) = try ZipArchive.write(
            files: files.map(\.path), under: staging.root.path, to: target, buildTime: buildTime,
            known: previousEntries(files, reuse: staging.reuse))
        staging.ledger.record(Route.zip, size: size, sha256: sha256)
    }

    /// The previous archive's entries of the files whose bytes have not changed, by the
    /// files' positions. Both lists are in the order of their paths (the archive was written
    /// from the previous ledger's), so they are gone through side by side: looking each path
    /// up by name cost a fifth of writing the archive after one edit (perf). An archive in
    /// another order only gives fewer entries, which are then made again.
    static func previousEntries(_ files: [(path: String, entry: Ledger.Entry)], reuse: OutputReuse?)
        -> [ZipArchive.Entry?]
    {
        var known = [ZipArchive.Entry?](repeating: nil, count: files.count)
        // Mapped whole: one read of the file rather than two per entry.
        guard let reuse, reuse.record(Route.zip) != nil,
            let bytes = try? Data(
                contentsOf: URL(fileURLWithPath: reuse.root + "/" + Route.zip, isDirectory: false),
                options: .alwaysMapped),
            let archive = try? ZipReader(data: bytes)
        else { return known }
        let entries = archive.list
        var next = 0
        for (index, (path, entry)) in files.enumerated() {
            while next < entries.count, entries[next].name < path { next += 1 }
            guard next < entries.count else { break }
            let old = entries[next]
            guard old.name == path, reuse.has(path, sha256: entry.sha256), old.uncompressedSize == UInt64(entry.size),
                !old.encrypted, old.method == 0 || old.method == 8, let stored = archive.storedRange(old)
            else { continue }
            // A slice of the mapped archive: its bytes are copied once, into the new one.
            known[index] = ZipArchive.Entry(crc: old.crc, size: entry.size, data: bytes[stored], method: old.method)
        }
        return known
    }
}

import Crypto
import Foundation

/// The write stage: the site is written into a staging folder beside the destination and
/// swapped in only when every file is written, so a failed build leaves the previous
/// output exactly as it was.
public struct OutputWriter: Sendable {
    public var destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// A new, empty staging folder beside the destination.
    public func begin() throws -> StagingFolder {
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).new-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create \(staging.path): \(error.localizedDescription)")
        }
        return StagingFolder(root: staging)
    }

    /// Removes a staging folder after a failure.
    public func abandon(_ staging: StagingFolder) {
        try? FileManager.default.removeItem(at: staging.root)
    }

    /// Puts the staging folder in the destination's place.
    public func commit(_ staging: StagingFolder) throws {
        let fm = FileManager.default
        let previous = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(UUID().uuidString.prefix(8))")
        var movedAside = false
        if fm.fileExists(atPath: destination.path) {
            do {
                try fm.moveItem(at: destination, to: previous)
                movedAside = true
            } catch {
                abandon(staging)
                throw WriteError(description: "cannot replace \(destination.path): \(error.localizedDescription)")
            }
        }
        do {
            try fm.moveItem(at: staging.root, to: destination)
        } catch {
            if movedAside { try? fm.moveItem(at: previous, to: destination) }
            abandon(staging)
            throw WriteError(description: "cannot move the new site into \(destination.path): \(error.localizedDescription)")
        }
        if movedAside { try? fm.removeItem(at: previous) }
    }
}

/// The folder a build writes into. Files are written as they are rendered, from many
/// tasks at once; each path is written once.
public struct StagingFolder: Sendable {
    public let root: URL
    /// Every file written, with its size and SHA-256.
    public let ledger = Ledger()

    public func write(_ file: OutputFile) throws {
        let target = try prepare(file.path)
        switch file.contents {
        case .bytes(let data):
            try data.write(to: target)
            ledger.record(file.path, size: data.count, sha256: Digest.sha256(data))
        case .copy(let source):
            try FileManager.default.copyItem(at: source.resolvingSymlinksInPath(), to: target)
            let (sha256, size) = try Digest.sha256(fileAt: target)
            ledger.record(file.path, size: size, sha256: sha256)
        }
    }

    /// A file written in pieces, for outputs too large to hold in memory at once.
    public func open(_ path: String) throws -> StreamedFile {
        let target = try prepare(path)
        guard FileManager.default.createFile(atPath: target.path, contents: nil) else {
            throw OutputWriter.WriteError(description: "cannot create \(target.path)")
        }
        return StreamedFile(handle: try FileHandle(forWritingTo: target), path: path, ledger: ledger)
    }

    /// An empty file at `path`, for writers that fill it themselves and then record it.
    func prepareFile(_ path: String) throws -> URL {
        let url = try prepare(path)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw OutputWriter.WriteError(description: "cannot create \(url.path)")
        }
        return url
    }

    private func prepare(_ path: String) throws -> URL {
        let target = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        return target
    }
}

/// Buffered appends to one output file, hashed as they are written.
public final class StreamedFile {
    private let handle: FileHandle
    private let path: String
    private let ledger: Ledger
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private var size = 0
    private static let flushSize = 1 << 20

    init(handle: FileHandle, path: String, ledger: Ledger) {
        self.handle = handle
        self.path = path
        self.ledger = ledger
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    public func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends what `writer` holds and empties it, keeping its capacity.
    public func append(_ writer: inout ByteWriter) throws {
        buffer.append(contentsOf: writer.bytes)
        writer.bytes.removeAll(keepingCapacity: true)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        hasher.update(data: buffer)
        size += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the file; returns its size and SHA-256.
    @discardableResult
    public func close() throws -> Ledger.Entry {
        try flush()
        try handle.close()
        let entry = Ledger.Entry(size: size, sha256: Digest.hex(hasher.finalize()))
        ledger.record(path, size: entry.size, sha256: entry.sha256)
        return entry
    }
}


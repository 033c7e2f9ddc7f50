import Foundation

/// The write stage: writes the whole site into a staging folder beside the destination
/// and swaps it in only when every file is written, so a failed build leaves the
/// previous output exactly as it was.
public struct OutputWriter: Sendable {
    public var destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public func write(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).new-\(token)")
        let previous = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(token)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var madeFolders: Set<String> = []
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent()
                if madeFolders.insert(folder.path).inserted {
                    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                switch file.contents {
                case .bytes(let data): try data.write(to: target)
                case .copy(let source): try fm.copyItem(at: source.resolvingSymlinksInPath(), to: target)
                }
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError(description: "cannot write the site into \(staging.path): \(error.localizedDescription)")
        }
        var movedAside = false
        if fm.fileExists(atPath: destination.path) {
            do {
                try fm.moveItem(at: destination, to: previous)
                movedAside = true
            } catch {
                try? fm.removeItem(at: staging)
                throw WriteError(description: "cannot replace \(destination.path): \(error.localizedDescription)")
            }
        }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if movedAside { try? fm.moveItem(at: previous, to: destination) }
            try? fm.removeItem(at: staging)
            throw WriteError(description: "cannot move the new site into \(destination.path): \(error.localizedDescription)")
        }
        if movedAside { try? fm.removeItem(at: previous) }
    }
}

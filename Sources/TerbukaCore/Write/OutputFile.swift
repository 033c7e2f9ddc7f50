import Foundation

/// One file of the generated site, relative to the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case bytes(Data)
        /// Published as it is (attachments, theme assets).
        case copy(URL)
        /// The previous output's file, unchanged (an incremental build's page whose
        /// fingerprint is the one it had): linked from the output in place, or made by
        /// `make` when it cannot be.
        case previous(Ledger.Entry, make: @Sendable () -> Data)
    }

    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .bytes(Data(text.utf8)))
    }
}

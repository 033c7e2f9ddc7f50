// The staff guide and the format reference, built into the binary as this target's
// resources so that `terbuka init` gives every new site the guide its site.yml points to.
import Foundation

public enum Guide {
    /// The documents every new site gets in its docs/ folder.
    public static let files = ["panduan.md", "format.md"]

    /// The text of one of `files`, as this version of Terbuka has it.
    public static func text(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: nil).flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }
}

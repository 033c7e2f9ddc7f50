// The default theme lives here, at the top of the repository as the design card has it,
// and is built into the binary as this target's resource: one copy in git. The demo site
// (this repository's content/) finds the same folder as its own themes/default.
import Foundation

public enum BuiltInTheme {
    /// The folder holding the themes that come with Terbuka (`default/`).
    public static var folder: URL? {
        Bundle.module.url(forResource: "default", withExtension: nil)?.deletingLastPathComponent()
    }
}

// The catalogue: every message Terbuka gives about content, with its stable code, in
// Indonesian and English side by side. One file per area; codes are grouped by area:
// T01xx files and folders, T02xx text, YAML and keys, T03xx site, pages, announcements
// and theme, T04xx a vacancy's notice, T05xx tables and formations, T06xx result rows,
// T07xx rankings and the checks across tables, T08xx writing and signing the site.
// A code, once given, keeps its meaning: a message that goes away leaves its code unused.

extension Bilingual {
    /// `did you mean 'title'?` when a known word is near what was written.
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> Bilingual? {
        Suggestion.nearest(to: word, in: candidates).map {
            Bilingual(id: "maksudnya '\($0)'?", en: "did you mean '\($0)'?")
        }
    }

    /// Before the message about a cell of a text table: `column F (TKP): `.
    static func columnPrefix(_ label: String) -> Bilingual {
        Bilingual(id: "kolom \(label): ", en: "column \(label): ")
    }

    /// A text the two languages share: a name, a number, a path.
    public static func same(_ text: String) -> Bilingual {
        Bilingual(id: text, en: text)
    }

    /// `rename it to 'x'`.
    static func renameTo(_ name: String) -> Bilingual {
        Bilingual(id: "ganti namanya menjadi '\(name)'", en: "rename it to '\(name)'")
    }

    /// `known keys: a, b, c` and its kin: a list of what may be written.
    static func oneOf(_ values: [String]) -> Bilingual {
        let list = values.joined(separator: ", ")
        return Bilingual(id: "gunakan salah satu dari \(list)", en: "use one of \(list)")
    }

    /// The nearest known word when there is one, else `use one of …`.
    static func suggestion(_ word: String, in known: [String]) -> Bilingual {
        didYouMean(word, in: known) ?? oneOf(known)
    }
}

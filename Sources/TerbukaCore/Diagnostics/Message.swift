/// A text in the two languages Terbuka speaks to staff: Indonesian, which the staff read
/// first, and English.
public struct Bilingual: Hashable, Sendable {
    public var id: String
    public var en: String

    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }

    public subscript(_ language: Language) -> String {
        switch language {
        case .id: id
        case .en: en
        }
    }
}

/// What a diagnostic says: a stable code (`T0203`) that the guide explains and a person
/// can search for, the message, and a hint, each in both languages.
///
/// Every message is made by one function of the catalogue (Diagnostics/Catalogue/), named
/// by what it reports (`Message.unknownKey(…)`), which holds the code and both texts side
/// by side; code elsewhere names messages, never writes their words.
public struct Message: Hashable, Sendable {
    public var code: String
    public var text: Bilingual
    public var hint: Bilingual?

    init(_ code: String, en: String, id: String, hint: Bilingual? = nil) {
        self.code = code
        self.text = Bilingual(id: id, en: en)
        self.hint = hint
    }
}

extension Language {
    /// The language of messages: `--lang` when given, else the locale of the environment
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them) when it is
    /// Indonesian or English, else the site's first language, else Indonesian.
    /// A locale such as `C.UTF-8` states no language and is passed over.
    public static func forMessages(flag: Language?, environment: [String: String], site: Language?) -> Language {
        if let flag { return flag }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let code = value.prefix { $0.isLetter }.lowercased()
            if let language = Language(rawValue: code) { return language }
            // POSIX: the first variable that is set decides, even when it names no language
            // Terbuka speaks; the site's language then stands in.
            break
        }
        return site ?? .id
    }
}

/// How docs/panduan.md and `terbuka explain` explain a code: what it means and what to do,
/// in Indonesian as the guide is written, with an example of the message.
public struct CodeExplanation: Sendable {
    public var example: Message
    public var meaning: String
    public var action: String

    init(_ example: Message, meaning: String, action: String) {
        self.example = example
        self.meaning = meaning
        self.action = action
    }

    public var code: String { example.code }

    /// Every code the program can give, in the order of the codes.
    public static var all: [CodeExplanation] {
        (files + text + site + notice + tables + rows + rankings + output).sorted { $0.code < $1.code }
    }
}

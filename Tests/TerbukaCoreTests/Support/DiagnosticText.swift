import TerbukaCore

extension Diagnostic {
    /// The line in English without its code: the form tests pin messages in. The codes
    /// and the Indonesian texts have tests of their own (MessageCatalogueTests).
    var formatted: String { line(in: .en, code: false) }

    /// The English message alone.
    var english: String { message.text.en }
}

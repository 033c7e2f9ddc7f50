/// `content/site.yml`: the agency and the site.
public struct SiteConfig: Sendable {
    public var title: String
    public var agency: String
    public var region: String?
    public var timeZone: SiteTimeZone
    public var languages: [Language]
    public var baseURL: String?
    public var contact: Contact?
    public var theme: String
    /// Extension of this project: marks every page as sample data (the demo site).
    public var sampleData: Bool
    /// The key that signs the site's SHA256SUMS, published with the commands to check it.
    public var signing: Signing?

    public var primaryLanguage: Language { languages.first ?? .id }
}

/// `signing_key` and `signer` of site.yml.
public struct Signing: Sendable {
    public var key: SSHPublicKey
    /// The identity in `ssh-keygen -Y verify -I …` and in the allowed_signers line.
    public var signer: String
    /// Where signing_key is written, for messages.
    public var location: SourceLocation
}

public enum Language: String, CaseIterable, Sendable {
    case id
    case en
}

public struct Contact: Sendable {
    public var address: String?
    public var phone: String?
    public var email: String?
    public var hours: String?
}

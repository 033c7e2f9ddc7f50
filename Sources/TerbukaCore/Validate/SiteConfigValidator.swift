import Foundation

/// `content/site.yml` into a SiteConfig.
public enum SiteConfigValidator {
    static let keys = [
        "title", "agency", "region", "timezone", "language", "languages", "base_url", "contact", "theme", "sample_data",
        "signing_key", "signer",
    ]
    static let contactKeys = ["address", "phone", "email", "hours"]

    public static func validate(_ file: SourceFile, into diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let text = SourceText.decode(file.data, path: file.path, into: &diagnostics),
            let root = YAMLParser.parse(text, path: file.path, into: &diagnostics)
        else { return nil }
        guard case .mapping(let map) = root else {
            diagnostics.error(.siteFileNotAMapping, at: root.location)
            return nil
        }
        map.checkKeys(known: keys, required: ["title", "agency", "timezone"], in: .siteFile, into: &diagnostics)
        let title = map.text("title", into: &diagnostics)
        let agency = map.text("agency", into: &diagnostics)
        let region = map.text("region", into: &diagnostics)

        var timeZone: SiteTimeZone?
        if let zone = map.text("timezone", into: &diagnostics) {
            timeZone = SiteTimeZone(rawValue: zone.value)
            if timeZone == nil {
                diagnostics.error(.unknownSiteZone(zone.value), at: zone.location)
            }
        }

        var languages: [Language] = []
        if let language = map.text("language", into: &diagnostics) {
            if let parsed = parseLanguage(language, into: &diagnostics) { languages = [parsed] }
        }
        if let list = map.list("languages", into: &diagnostics) {
            var parsed: [Language] = []
            for item in list {
                if let text = item.text(key: "languages", into: &diagnostics),
                    let language = parseLanguage(text, into: &diagnostics)
                {
                    if parsed.contains(language) {
                        diagnostics.warning(.languageListedTwice(language.rawValue), at: text.location)
                    } else {
                        parsed.append(language)
                    }
                }
            }
            if let primary = languages.first, let first = parsed.first, primary != first {
                diagnostics.error(
                    .primaryLanguageDiffers(language: primary.rawValue, languages: first.rawValue),
                    at: map.entry("languages")!.keyLocation)
            }
            if !parsed.isEmpty { languages = parsed }
        }
        if languages.isEmpty { languages = [.id] }

        var baseURL: String?
        if let url = map.text("base_url", into: &diagnostics) {
            // Only what an address of a folder holds: it is written into HTML attributes, XML,
            // calendars and JSON, so nothing there may need escaping.
            let allowed = CharacterSet(
                charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/%@!$&()*+,;=[]")
            if let components = URLComponents(string: url.value),
                ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
                components.host?.isEmpty == false, url.value.unicodeScalars.allSatisfy(allowed.contains),
                components.query == nil, components.fragment == nil
            {
                baseURL = url.value.hasSuffix("/") ? url.value : url.value + "/"
            } else {
                diagnostics.error(.badBaseURL(ControlCharacters.printable(url.value)), at: url.location)
            }
        } else {
            diagnostics.warning(.noBaseURL, at: SourceLocation(path: "content/site.yml"))
        }

        var contact: Contact?
        if let contactMap = map.mapping("contact", into: &diagnostics) {
            contactMap.checkKeys(known: contactKeys, required: [], in: .contact, into: &diagnostics)
            contact = Contact(
                address: contactMap.text("address", into: &diagnostics)?.value,
                phone: contactMap.text("phone", into: &diagnostics)?.value,
                email: contactMap.text("email", into: &diagnostics).flatMap { email -> String? in
                    // It becomes a mailto: link: one address, nothing a URL cannot hold.
                    let parts = email.value.split(separator: "@", omittingEmptySubsequences: false)
                    let allowed = CharacterSet(
                        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+")
                    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                        email.value.unicodeScalars.allSatisfy({ $0 == "@" || allowed.contains($0) })
                    else {
                        diagnostics.error(.badEmail(email.value), at: email.location)
                        return nil
                    }
                    return email.value
                },
                hours: contactMap.text("hours", into: &diagnostics)?.value
            )
        }

        var theme = "default"
        if let written = map.text("theme", into: &diagnostics) {
            if Slug.isValid(written.value) {
                theme = written.value
            } else {
                diagnostics.error(.themeNameNotASlug(written.value), at: written.location)
            }
        }
        let sampleData = map.bool("sample_data", into: &diagnostics) ?? false
        let signing = signing(map, into: &diagnostics)

        guard let title, let agency, let timeZone else { return nil }
        return SiteConfig(
            title: title.value, agency: agency.value, region: region?.value, timeZone: timeZone,
            languages: languages, baseURL: baseURL, contact: contact, theme: theme, sampleData: sampleData,
            signing: signing)
    }

    /// `signing_key` (the public key line of the key that signs SHA256SUMS) and `signer` (the
    /// identity people put in their allowed_signers file; default: the key's comment).
    private static func signing(_ map: YAMLMapping, into diagnostics: inout Diagnostics) -> Signing? {
        let signer = map.text("signer", into: &diagnostics)
        guard let line = map.text("signing_key", into: &diagnostics) else {
            if let signer {
                diagnostics.error(.signerWithoutKey, at: signer.location)
            }
            return nil
        }
        let key: SSHPublicKey
        do {
            key = try SSHPublicKey(line: line.value)
        } catch {
            diagnostics.error(.badSigningKey(error.words), at: line.location)
            return nil
        }
        let comment = line.value.split(whereSeparator: \.isWhitespace).dropFirst(2).joined(separator: " ")
        let identity = signer?.value ?? comment
        // The identity goes into commands people paste into a shell: only characters no
        // shell gives a meaning to.
        guard !identity.isEmpty,
            identity.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "@._+-".contains($0)) })
        else {
            diagnostics.error(.badSigner(ControlCharacters.printable(identity)), at: (signer ?? line).location)
            return nil
        }
        return Signing(key: key, signer: identity, location: line.location)
    }

    private static func parseLanguage(_ text: Located<String>, into diagnostics: inout Diagnostics) -> Language? {
        if let language = Language(rawValue: text.value) { return language }
        diagnostics.error(.unknownLanguage(text.value), at: text.location)
        return nil
    }
}

extension SiteConfigValidator {
    /// The first language content/site.yml names (`languages`, else `language`), read
    /// without reporting anything: it chooses the language of the messages about the very
    /// content that may be broken. Nil when the file or the key cannot be read.
    public static func declaredLanguage(siteRoot: URL) -> Language? {
        let url = siteRoot.appendingPathComponent("content/site.yml")
        guard let data = try? Data(contentsOf: url), data.count < 1 << 20 else { return nil }
        var ignored = Diagnostics()
        guard let text = SourceText.decode(data, path: "content/site.yml", into: &ignored),
            case .mapping(let map)? = YAMLParser.parse(text, path: "content/site.yml", into: &ignored)
        else { return nil }
        if case .sequence(let items, _)? = map["languages"], case .scalar(let first, _, _)? = items.first {
            return Language(rawValue: first)
        }
        if case .scalar(let language, _, _)? = map["language"] { return Language(rawValue: language) }
        return nil
    }
}

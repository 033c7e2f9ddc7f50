/// Resolves attachment paths written in content against the files under `content/files/`.
/// A path is relative to `content/files/`; a leading `files/` is accepted too.
struct AttachmentIndex {
    private var byPath: [String: LoadedAttachment] = [:]

    init(_ attachments: [LoadedAttachment]) {
        for attachment in attachments { byPath[attachment.path] = attachment }
    }

    /// The attachment at `path` (as `resolve` gives it), or nil when there is none or it
    /// may not be published.
    func attachment(at path: String) -> Attachment? {
        guard let attachment = byPath[path], !attachment.leadsOutside else { return nil }
        return Attachment(path: attachment.path, size: attachment.size, source: attachment.url)
    }

    func resolve(_ written: Located<String>, into diagnostics: inout Diagnostics) -> Attachment? {
        let raw = written.value.trimmingSpaces
        if raw.hasPrefix("/") || raw.hasPrefix("~") || raw.contains(":") || raw.contains("\\") {
            diagnostics.error(.attachmentAbsolute(raw), at: written.location)
            return nil
        }
        var components = raw.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if components.contains("..") {
            diagnostics.error(.attachmentOutside(raw), at: written.location)
            return nil
        }
        components.removeAll { $0 == "." }
        if components.first == "files", byPath[components.joined(separator: "/")] == nil { components.removeFirst() }
        let path = components.joined(separator: "/")
        guard let attachment = byPath[path] else {
            diagnostics.error(.attachmentMissing(raw, path: path, known: byPath.keys.sorted()), at: written.location)
            return nil
        }
        if attachment.leadsOutside {
            diagnostics.error(.attachmentLinksOutside(raw), at: written.location)
            return nil
        }
        return Attachment(path: attachment.path, size: attachment.size, source: attachment.url)
    }
}

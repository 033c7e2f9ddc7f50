/// Resolves attachment paths written in content against the files under `content/files/`.
/// A path is relative to `content/files/`; a leading `files/` is accepted too.
struct AttachmentIndex {
    private var byPath: [String: LoadedAttachment] = [:]

    init(_ attachments: [LoadedAttachment]) {
        for attachment in attachments { byPath[attachment.path] = attachment }
    }

    func resolve(_ written: Located<String>, into diagnostics: inout Diagnostics) -> Attachment? {
        let raw = written.value.trimmingSpaces
        if raw.hasPrefix("/") || raw.hasPrefix("~") || raw.contains(":") || raw.contains("\\") {
            diagnostics.error(
                "attachment '\(raw)' must be a path under content/files/, not an absolute path", at: written.location,
                hint: "write it relative to content/files/, e.g. 'ralat-formasi.pdf'")
            return nil
        }
        var components = raw.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if components.contains("..") {
            diagnostics.error(
                "attachment '\(raw)' points outside content/files/", at: written.location,
                hint: "copy the file into content/files/ and name it from there")
            return nil
        }
        components.removeAll { $0 == "." }
        if components.first == "files", byPath[components.joined(separator: "/")] == nil { components.removeFirst() }
        let path = components.joined(separator: "/")
        guard let attachment = byPath[path] else {
            diagnostics.error(
                "attachment '\(raw)' does not exist in content/files/", at: written.location,
                hint: Suggestion.hint(for: path, in: byPath.keys.sorted()))
            return nil
        }
        if attachment.leadsOutside {
            diagnostics.error(
                "attachment '\(raw)' is a symbolic link to a file outside content/", at: written.location,
                hint: "copy the file itself into content/files/")
            return nil
        }
        return Attachment(path: attachment.path, size: attachment.size, source: attachment.url)
    }
}

/// `pages/<slug>.md` into a StandingPage.
enum PageValidator {
    static let keys = ["title", "order", "menu"]

    static func validate(_ file: SourceFile, into diagnostics: inout Diagnostics) -> StandingPage? {
        guard let (map, body) = MarkdownDocumentReader.read(file, into: &diagnostics) else { return nil }
        map.checkKeys(known: keys, required: ["title"], in: .page, into: &diagnostics)
        let title = map.text("title", into: &diagnostics)
        let order = map.integer("order", into: &diagnostics)
        let menu = map.bool("menu", into: &diagnostics) ?? true
        guard let title else { return nil }
        return StandingPage(
            slug: AnnouncementValidator.stem(of: file.path), title: title.value, order: order?.value,
            menu: menu, body: body, sourcePath: file.path)
    }
}

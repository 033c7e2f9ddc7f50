import Foundation

/// A warning as the state file keeps it, to be given again by a build that finds nothing
/// changed.
struct StoredDiagnostic: Codable {
    var path: String
    var line: Int
    var column: Int
    var sheet: String?
    var fieldIndex: Int?
    var fieldHeader: String?
    var severity: String
    var code: String
    var id: String
    var en: String
    var hintID: String?
    var hintEN: String?

    init(_ diagnostic: Diagnostic) {
        let location = diagnostic.location
        (path, line, column, sheet) = (location.path, location.line, location.column, location.sheet)
        (fieldIndex, fieldHeader) = (location.field?.index, location.field?.header)
        severity = diagnostic.severity.rawValue
        code = diagnostic.message.code
        (id, en) = (diagnostic.message.text.id, diagnostic.message.text.en)
        (hintID, hintEN) = (diagnostic.message.hint?.id, diagnostic.message.hint?.en)
    }

    var diagnostic: Diagnostic {
        var message = Message(code, en: en, id: id)
        if let hintID, let hintEN { message.hint = Bilingual(id: hintID, en: hintEN) }
        return Diagnostic(
            Severity(rawValue: severity) ?? .warning, message,
            at: SourceLocation(
                path: path, line: line, column: column, sheet: sheet,
                field: fieldIndex.map { TableField(index: $0, header: fieldHeader) }))
    }
}

import Foundation

/// Decodes a content file as UTF-8, reporting where the first invalid byte is.
public enum SourceText {
    public static func decode(_ data: Data, path: String, into diagnostics: inout Diagnostics) -> String? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            if let found = ControlCharacters.first(in: text) {
                diagnostics.error(
                    .controlCharacter(ControlCharacters.name(found.scalar)),
                    at: SourceLocation(path: path, line: found.line, column: found.column))
                return nil
            }
            return text
        }
        let (line, column) = firstInvalidPosition(bytes)
        diagnostics.error(.notUTF8, at: SourceLocation(path: path, line: line, column: column))
        return nil
    }

    /// Line and column (in characters) of the first byte that breaks UTF-8.
    static func firstInvalidPosition(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }
}

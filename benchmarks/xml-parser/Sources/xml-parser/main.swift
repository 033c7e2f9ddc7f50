import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Counts `<row>` and `<c>` elements and the characters of `<v>` values.
final class Counter: NSObject, XMLParserDelegate {
    var rows = 0
    var cells = 0
    var characters = 0
    var inValue = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "row" { rows += 1 } else if name == "c" { cells += 1 } else if name == "v" { inValue = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" { inValue = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { characters += string.count }
    }
}

let path = CommandLine.arguments[1]
let start = Date()
guard let stream = InputStream(fileAtPath: path) else { fatalError("cannot open \(path)") }
let parser = XMLParser(stream: stream)
let counter = Counter()
parser.delegate = counter
guard parser.parse() else { fatalError("parse failed: \(String(describing: parser.parserError))") }
print("XMLParser: \(counter.rows) rows, \(counter.cells) cells in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")

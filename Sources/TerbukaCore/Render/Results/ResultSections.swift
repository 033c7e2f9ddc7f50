/// The per-formation sections of a result table, split into pages so that none is larger
/// than the budget. Rows are written here rather than through the template engine: a
/// measurement of swift-mustache on 100,000 rows of 8 columns (release build) took 6.9 s
/// with structs (Mirror) and 1.5 s with dictionaries, so 10 to 70 s for a million rows,
/// against a target of 10 s for the whole build. The page around the sections is a
/// template (`results.mustache`).
struct ResultSections {
    struct Page {
        var html: String = ""
        /// Formations that start on this page: code, position.
        var formations: [(code: String, position: String)] = []
    }

    /// Section HTML per page (about 180 KB each), and for every table position the page it is on.
    static let budget = 180_000

    struct Labels {
        var columns: [String: String]
        var participant: String
        var name: String
        var unit: String
        var kind: (String) -> String
        var seats: String
        var participants: String
        var passed: String
        var shortlisted: String
        var continued: String
        var caption: String
        var format: any InterfaceFormatter
    }

    static func paginate(_ table: any PublishedResultTable, labels: Labels) -> (pages: [Page], pageOf: [Int32]) {
        var pages = [Page()]
        var pageOf = [Int32](repeating: 0, count: table.count)
        let columns = table.columns
        let rankIndex = columns.firstIndex { $0.id == "rank" }
        let order = (rankIndex.map { [$0] } ?? []) + columns.indices.filter { $0 != rankIndex }
        let headerCells = order.map { index -> String in
            let column = columns[index]
            let label = HTMLText.escape(labels.columns[column.id] ?? column.id)
            return column.numeric ? "<th scope=\"col\" class=\"num\">\(label)</th>" : "<th scope=\"col\">\(label)</th>"
        }
        let thead = "<thead><tr>" + (rankIndex != nil ? headerCells[0] : "")
            + "<th scope=\"col\">\(HTMLText.escape(labels.participant))</th><th scope=\"col\">\(HTMLText.escape(labels.name))</th>"
            + headerCells.dropFirst(rankIndex != nil ? 1 : 0).joined() + "</tr></thead>\n"

        for group in table.groups {
            let formation = group.formation
            let anchor = "f-" + Slug.make(from: formation.code)
            var facts = "\(HTMLText.escape(labels.unit)): \(HTMLText.escape(formation.unit)) · \(HTMLText.escape(labels.kind(formation.kind)))"
                + " · \(HTMLText.escape(labels.seats)): \(labels.format.integer(formation.quota))"
                + " · \(HTMLText.escape(labels.participants)): \(labels.format.integer(group.range.count))"
                + " · \(HTMLText.escape(labels.passed)): \(labels.format.integer(group.passed))"
            if let shortlisted = group.shortlisted { facts += " · \(HTMLText.escape(labels.shortlisted)): \(labels.format.integer(shortlisted))" }
            func open(continued: Bool) -> String {
                let title = HTMLText.escape(formation.position) + (continued ? " (\(HTMLText.escape(labels.continued)))" : "")
                return "<section class=\"formation\"\(continued ? "" : " id=\"\(anchor)\"")>\n<h2>\(title) <span class=\"code\">\(HTMLText.escape(formation.code))</span></h2>\n"
                    + "<p class=\"meta\">\(facts)</p>\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(HTMLText.escape(formation.code))\">\n"
                    + "<table>\n<caption>\(HTMLText.escape(labels.caption)) \(HTMLText.escape(formation.code))</caption>\n" + thead + "<tbody>\n"
            }
            let close = "</tbody>\n</table>\n</div>\n</section>\n"
            if pages[pages.count - 1].html.utf8.count > budget / 2 { pages.append(Page()) }
            pages[pages.count - 1].formations.append((formation.code, formation.position))
            pages[pages.count - 1].html += open(continued: false)
            for position in group.range {
                if pages[pages.count - 1].html.utf8.count > budget {
                    pages[pages.count - 1].html += close
                    pages.append(Page())
                    pages[pages.count - 1].html += open(continued: true)
                }
                let cells = table.cells(position)
                var row = "<tr>"
                if let rankIndex { row += cell(cells[rankIndex], numeric: true, labels.format) }
                row += "<td>\(HTMLText.escape(table.participant(position)))</td><th scope=\"row\">\(HTMLText.escape(table.name(position)))</th>"
                for index in order where index != rankIndex { row += cell(cells[index], numeric: columns[index].numeric, labels.format) }
                pages[pages.count - 1].html += row + "</tr>\n"
                pageOf[position] = Int32(pages.count - 1)
            }
            pages[pages.count - 1].html += close
        }
        return (pages, pageOf)
    }

    private static func cell(_ value: CellValue, numeric: Bool, _ format: any InterfaceFormatter) -> String {
        let text: String = switch value {
        case .text(let text): HTMLText.escape(text)
        case .integer(let number): format.integer(number)
        case .fixed(let number, let scale): format.decimal(number, scale: scale)
        case .empty: ""
        }
        return numeric ? "<td class=\"num\">\(text)</td>" : "<td>\(text)</td>"
    }

    /// Path of page `index` (0-based) of a table.
    static func path(vacancy: String, stage: ResultStage, page index: Int) -> String {
        index == 0 ? "lowongan/\(vacancy)/hasil/\(stage.rawValue)/index.html"
            : "lowongan/\(vacancy)/hasil/\(stage.rawValue)/\(index + 1)/index.html"
    }
}

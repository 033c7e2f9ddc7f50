import Foundation

/// The per-formation sections of a result table, split into pages so that none is larger
/// than the budget. Rows are written here rather than through the template engine: a
/// measurement of swift-mustache on 100,000 rows of 8 columns (release build) took 6.9 s
/// with structs (Mirror) and 1.5 s with dictionaries, so 10 to 70 s for a million rows,
/// against a target of 10 s for the whole build. The page around the sections is a
/// template (`results.mustache`), into which the sections' bytes are spliced (SplicedText).
struct ResultSections {
    /// Upper bound of the section HTML on one page; the page around it adds about 10 KB.
    static let budget = 200_000

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
        /// "Nilai terendah yang lolos" for a stage with a cut-off.
        var cutoff: String
        var format: any InterfaceFormatter
    }

    /// A part of one formation's rows on a page.
    struct Slice: Sendable {
        var group: Int
        var range: Range<Int>
        var continued: Bool
    }

    struct Plan: Sendable {
        /// Per page, the slices it shows.
        var pages: [[Slice]]
        /// Per table position, its page.
        var pageOf: [Int32]
    }

    /// Decides the pages from an upper bound of each row's size, so that the pages can then
    /// be written in parallel and the lookup knows every row's page before they are. The
    /// bounds are counted on every core: on one, a million rows took 0.4 s, alone on its core
    /// while the pages waited for the plan (perf).
    static func plan(_ table: some PublishedResultTable) -> Plan {
        var pages: [[Slice]] = [[]]
        // Each row's bound, until its page takes its place below.
        var pageOf = [Int32](repeating: 0, count: table.count)
        table.withTexts { participants, names in
            pageOf.withUnsafeMutableBufferPointer { bounds in
                _ = Parallel.runs(table.count) { run in
                    var cells: [CellValue] = []
                    for position in run {
                        bounds[position] = Int32(clamping: rowBound(table, participants, names, position, &cells))
                    }
                }
            }
        }
        var size = 0
        let sectionOverhead = 1_500
        for (groupIndex, group) in table.groups.enumerated() {
            if size > budget / 2 {
                pages.append([])
                size = 0
            }
            size += sectionOverhead
            var start = group.range.lowerBound
            var continued = false
            for position in group.range {
                let bytes = Int(pageOf[position])
                if size + bytes > budget, position > start {
                    pages[pages.count - 1].append(
                        Slice(group: groupIndex, range: start..<position, continued: continued))
                    pages.append([])
                    size = sectionOverhead
                    start = position
                    continued = true
                }
                size += bytes
                pageOf[position] = Int32(pages.count - 1)
            }
            pages[pages.count - 1].append(
                Slice(group: groupIndex, range: start..<group.range.upperBound, continued: continued))
        }
        // A table on several pages gets a first page of its own with the announcement, the
        // legend and the directory of pages, so that the directory never pushes a page of rows
        // over the budget.
        if pages.count > 1 {
            pages.insert([], at: 0)
            for index in pageOf.indices { pageOf[index] += 1 }
        }
        return Plan(pages: pages, pageOf: pageOf)
    }

    /// At least the bytes `render` writes for one row (exact but for the markup, which is
    /// counted a little high).
    private static func rowBound(
        _ table: some PublishedResultTable, _ participants: TextColumn.View, _ names: TextColumn.View, _ position: Int,
        _ cells: inout [CellValue]
    ) -> Int {
        var bytes = 48 + escapedBound(participants[position]) + escapedBound(names[position])
        table.cells(position, into: &cells)
        for value in cells {
            bytes += 22
            switch value {
            case .text(let text): bytes += escapedBound(text)
            case .integer(let number): bytes += digits(number)
            case .fixed(let number, _): bytes += digits(number) + 1
            case .boolean: bytes += 5
            case .empty: break
            }
        }
        return bytes
    }

    /// Digits, sign and thousands separators of a whole number.
    private static func digits(_ value: Int) -> Int {
        var count = 1
        var rest = value.magnitude / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count + (count - 1) / 3 + (value < 0 ? 1 : 0)
    }

    private static func escapedBound(_ text: String) -> Int {
        var text = text
        return text.withUTF8(escapedBound)
    }

    /// Over the bytes in place: through the UTF-8 view byte by byte, a million rows' names
    /// and numbers were 1 % of the million-row build (perf).
    private static func escapedBound(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let plain = text.reduce(0) {
            $0 + ($1 == 0x26 || $1 == 0x3C || $1 == 0x3E || $1 == 0x22 || $1 == 0x27 ? 0 : 1)
        }
        return text.count * 6 - 5 * plain
    }

    /// The columns a reader looks for first, right after the name, so that on a phone they
    /// are in view without scrolling sideways: the stage's main score and the status.
    static func leadingColumns(_ stage: ResultStage) -> [String] {
        switch stage {
        case .administrasi: ["status"]
        case .skd, .kompetensi: ["total", "status"]
        case .skb: ["skb", "status"]
        case .akhir: ["final", "status"]
        }
    }

    /// The HTML of one planned page: its formation sections. Columns: rank, name, the main
    /// score and the status, the participant number, then the rest in the data's order.
    static func render(
        _ slices: [Slice], of table: some PublishedResultTable, cutoffs: [Int: CellValue], labels: Labels
    ) -> Data {
        let columns = table.columns
        let rankIndex = columns.firstIndex { $0.id == "rank" }
        let leading = leadingColumns(table.stage).compactMap { id in columns.firstIndex { $0.id == id } }
        let rest = columns.indices.filter { $0 != rankIndex && !leading.contains($0) }
        func header(_ index: Int) -> String {
            let column = columns[index]
            let label = HTMLText.escape(labels.columns[column.id] ?? column.id)
            return column.numeric ? "<th scope=\"col\" class=\"num\">\(label)</th>" : "<th scope=\"col\">\(label)</th>"
        }
        let thead =
            "<thead><tr>" + (rankIndex.map(header) ?? "")
            + "<th scope=\"col\">\(HTMLText.escape(labels.name))</th>" + leading.map(header).joined()
            + "<th scope=\"col\">\(HTMLText.escape(labels.participant))</th>" + rest.map(header).joined()
            + "</tr></thead>\n"
        var html = ByteWriter(capacity: budget + budget / 4)
        let grouping = labels.format.groupingMark
        let mark = labels.format.decimalMark
        // Whether each column is numeric, read once: a column taken from `columns` for each
        // cell was a copy, its name retained and released (perf).
        let numeric = columns.map(\.numeric)
        var cells: [CellValue] = []
        // The rows' numbers and names in place, opened once for every slice.
        table.withTexts { participants, names in
            for slice in slices {
                let group = table.groups[slice.group]
                let formation = group.formation
                let anchor = anchorID(formation.code)
                var facts =
                    "\(HTMLText.escape(labels.unit)): \(HTMLText.escape(formation.unit)) · \(HTMLText.escape(labels.kind(formation.kind)))"
                    + " · \(HTMLText.escape(labels.seats)): \(labels.format.integer(formation.quota))"
                    + " · \(HTMLText.escape(labels.participants)): \(labels.format.integer(group.range.count))"
                    + " · \(HTMLText.escape(labels.passed)): \(labels.format.integer(group.passed))"
                if let shortlisted = group.shortlisted {
                    facts += " · \(HTMLText.escape(labels.shortlisted)): \(labels.format.integer(shortlisted))"
                }
                if let cutoff = cutoffs[slice.group] {
                    var value = ByteWriter()
                    number(cutoff, grouping: grouping, mark: mark, into: &value)
                    facts += " · <strong class=\"cutoff\">\(HTMLText.escape(labels.cutoff)): \(value.string)</strong>"
                }
                let title =
                    HTMLText.escape(formation.position)
                    + (slice.continued ? " (\(HTMLText.escape(labels.continued)))" : "")
                html.raw(
                    "<section class=\"formation\" id=\"\(HTMLText.escape(anchor))\">\n<h2>\(title) <span class=\"code\">\(HTMLText.escape(formation.code))</span></h2>\n"
                        + "<p class=\"meta\">\(facts)</p>\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(HTMLText.escape(formation.code))\">\n"
                        + "<table>\n<caption>\(HTMLText.escape(labels.caption)) \(HTMLText.escape(formation.code))</caption>\n"
                        + thead + "<tbody>\n")
                for position in slice.range {
                    table.cells(position, into: &cells)
                    html.raw("<tr>")
                    if let rankIndex {
                        cell(cells[rankIndex], numeric: true, grouping: grouping, mark: mark, into: &html)
                    }
                    html.raw("<th scope=\"row\">")
                    html.html(utf8: names[position])
                    html.raw("</th>")
                    for index in leading {
                        cell(cells[index], numeric: numeric[index], grouping: grouping, mark: mark, into: &html)
                    }
                    html.raw("<td>")
                    html.html(utf8: participants[position])
                    html.raw("</td>")
                    for index in rest {
                        cell(cells[index], numeric: numeric[index], grouping: grouping, mark: mark, into: &html)
                    }
                    html.raw("</tr>\n")
                }
                html.raw("</tbody>\n</table>\n</div>\n</section>\n")
            }
        }
        return html.takeData()
    }

    private static func cell(
        _ value: CellValue, numeric: Bool, grouping: UInt8, mark: UInt8, into html: inout ByteWriter
    ) {
        html.raw(numeric ? "<td class=\"num\">" : "<td>")
        number(value, grouping: grouping, mark: mark, into: &html)
        html.raw("</td>")
    }

    /// A cell's value as the page writes it (HTML-escaped text, numbers with the language's marks).
    static func number(_ value: CellValue, grouping: UInt8, mark: UInt8, into html: inout ByteWriter) {
        switch value {
        case .text(let text): html.html(text)
        case .integer(let number): html.integer(number, grouping: grouping)
        case .fixed(let number, let scale): html.fixed(number, scale: scale, mark: mark, grouping: grouping)
        case .boolean(let value): html.raw(value ? "✓" : "–")
        case .empty: break
        }
    }

    /// The id of a formation's section: its code with spaces as `_`, so that codes that
    /// differ only in punctuation (A.1, A-1) keep apart. A formation is on a page once.
    /// `assets/lookup.js` links to it the same way.
    static func anchorID(_ code: String) -> String {
        "f-" + code.replacingOccurrences(of: " ", with: "_")
    }

}

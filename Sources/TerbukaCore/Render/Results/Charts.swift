/// Charts drawn at build time as inline SVG: nothing is loaded from elsewhere and they
/// print. Numbers come from the computed tables. Both are `width` units wide, every text
/// is `fontSize` units, and the style sheet never draws a chart narrower than `width`
/// pixels (on a phone it scrolls in its own region), so no label is smaller than 12 px.
enum Charts {
    static let width = 660
    static let fontSize = 12

    struct Series {
        var label: String
        var values: [Int]
        var color: String
    }

    static let palette = ["#0b5394", "#6aa84f", "#999999", "#e69138", "#8e44ad"]

    /// Horizontal grouped bars, one group per category (formation).
    static func groupedBars(
        id: String, title: String, description: String, categories: [String], series: [Series],
        format: any InterfaceFormatter
    ) -> String {
        let labelWidth = 110
        let chartWidth = width - labelWidth - 60
        let bar = 14
        let gap = 10
        let groupHeight = series.count * bar + gap
        let legendHeight = 24
        let height = legendHeight + categories.count * groupHeight + 10
        let maximum = max(1, series.flatMap(\.values).max() ?? 1)
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(labelWidth + chartWidth + 60) \(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\">\n"
            + "<title id=\"\(id)-t\">\(HTMLText.escape(title))</title>\n<desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>\n"
        var x = labelWidth
        for item in series {
            svg +=
                "<rect x=\"\(x)\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(item.color)\"/><text x=\"\(x + 14)\" y=\"15\" font-size=\"\(fontSize)\">\(HTMLText.escape(item.label))</text>\n"
            x += 14 + item.label.count * 8 + 16
        }
        for (row, category) in categories.enumerated() {
            let top = legendHeight + row * groupHeight
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(top + series.count * bar / 2 + 4)\" font-size=\"\(fontSize)\" text-anchor=\"end\">\(HTMLText.escape(category))</text>\n"
            for (index, item) in series.enumerated() {
                let value = item.values[row]
                let width = value * chartWidth / maximum
                let y = top + index * bar
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(bar - 1)\" fill=\"\(item.color)\"><title>\(HTMLText.escape(item.label)): \(format.integer(value))</title></rect>"
                svg +=
                    "<text x=\"\(labelWidth + width + 3)\" y=\"\(y + bar - 3)\" font-size=\"\(fontSize)\">\(format.integer(value))</text>\n"
            }
        }
        return svg + "</svg>"
    }

    /// Vertical bars of counts per bin, with labelled vertical marks.
    static func histogram(
        id: String, title: String, description: String, counts: [Int], binWidth: Int,
        marks: [(value: Int, label: String)],
        format: any InterfaceFormatter
    ) -> String {
        let left = 40
        let width = Self.width - 60
        let top = 20
        let height = 220
        let bottom = 40
        let maximum = max(1, counts.max() ?? 1)
        let span = counts.count * binWidth
        let barWidth = Double(width) / Double(counts.count)
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(left + width + 20) \(top + height + bottom + marks.count * 16)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\""
            // Where a value falls, for the script that marks a participant's own total.
            + " data-left=\"\(left)\" data-width=\"\(width)\" data-span=\"\(span)\" data-top=\"\(top)\" data-height=\"\(height)\">\n"
            + "<title id=\"\(id)-t\">\(HTMLText.escape(title))</title>\n<desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>\n"
            + "<line x1=\"\(left)\" y1=\"\(top + height)\" x2=\"\(left + width)\" y2=\"\(top + height)\" stroke=\"#555\"/>\n"
            + "<text x=\"\(left - 4)\" y=\"\(top + 4)\" font-size=\"\(fontSize)\" text-anchor=\"end\">\(format.integer(maximum))</text>\n"
        for (index, count) in counts.enumerated() where count > 0 {
            let barHeight = Double(count * height) / Double(maximum)
            let x = Double(left) + Double(index) * barWidth
            svg +=
                "<rect x=\"\(rounded(x))\" y=\"\(rounded(Double(top + height) - barHeight))\" width=\"\(rounded(barWidth - 1))\" height=\"\(rounded(barHeight))\" fill=\"#0b5394\"><title>\(index * binWidth)–\(index * binWidth + binWidth - 1): \(format.integer(count))</title></rect>\n"
        }
        for tick in stride(from: 0, through: span, by: 50) {
            let x = Double(left) + Double(tick) * Double(width) / Double(span)
            svg +=
                "<text x=\"\(rounded(x))\" y=\"\(top + height + 14)\" font-size=\"\(fontSize)\" text-anchor=\"middle\">\(tick)</text>\n"
        }
        for (index, mark) in marks.enumerated() {
            let x = Double(left) + Double(mark.value) * Double(width) / Double(span)
            let labelY = top + height + 32 + index * 16
            svg +=
                "<line x1=\"\(rounded(x))\" y1=\"\(top)\" x2=\"\(rounded(x))\" y2=\"\(top + height)\" stroke=\"#b45309\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n"
                + "<text x=\"\(rounded(x))\" y=\"\(labelY)\" font-size=\"\(fontSize)\" fill=\"#7c3a03\" text-anchor=\"middle\">\(HTMLText.escape(mark.label))</text>\n"
        }
        return svg + "</svg>"
    }

    private static func rounded(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}

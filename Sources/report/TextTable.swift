/// Columns of text aligned for a terminal: each as wide as its widest cell, two spaces apart, with
/// no spaces after the last.
struct TextTable {
    let header: [String]
    let rows: [[String]]

    /// The header, a rule under it when `ruled`, then the rows.
    func lines(ruled: Bool) -> [String] {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            let line = row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
        let rule = ruled ? [format(widths.map { String(repeating: "─", count: $0) })] : []
        return [format(header)] + rule + rows.map(format)
    }
}

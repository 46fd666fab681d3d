/// A GitHub-flavoured Markdown table.
struct MarkdownTable {
    let header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table without its first column where that column names the run and there is only one
    /// run: a column that reads "run" tells the reader nothing.
    func namingRuns(_ runCount: Int) -> MarkdownTable {
        guard runCount == 1 else { return self }
        var single = MarkdownTable(Array(header.dropFirst()))
        single.rows = rows.map { Array($0.dropFirst()) }
        return single
    }

    var text: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: " | ") + " |"
        }
        return ([line(header), line(header.map { _ in "---" })] + rows.map(line)).joined(separator: "\n")
    }
}

import Configuration
import Datasets
import Experiments
import Foundation
import NeuralNet
import Plotting
import Wording

/// One strip per learning rate: each scanned start coloured by where it ended.
enum BasinsFigure: ConfigurableFigure {
    static let name = "basins"
    static let summary = "where each start of the basin map ends, a strip per learning rate"
    struct Keys: FigureKeys {
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.minimize]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        guard let (setup, outcome, _) = MinimizeFigures.parts(result) else { return [] }
        // Each start is coloured by where it ended (`DescentEnd`), not by the rule that stopped it:
        // a start that sits at a minimum the rule |f| < tol can never accept is at that minimum all the same.
        func category(_ row: BasinRow, _ index: Int) -> DescentEnd {
            DescentEnd(end: row.ends[index], outcome: row.outcomes[index], setup: setup, learningRate: row.learningRate)
        }
        let categories = Set(outcome.basins.flatMap { row in row.starts.indices.map { category(row, $0) } }).sorted()
        let points = [Color.tab10[0], Color.tab10[1], Color.tab10[2], Color.tab10[4], Color.tab10[5]]
        func color(_ end: DescentEnd) -> Color {
            switch end {
            case .reached: points[(categories.firstIndex(of: end) ?? 0) % points.count]
            case .stayed: .black
            case .unsettled: Color(hex: 0x7F7F7F)
            case .diverged: Color(hex: 0xD62728)
            }
        }
        // One row of points per learning rate, the rows labelled by their rates (in increasing
        // order upward); the band above the top row is left free for the legend.
        let rates = Array(Set(outcome.basins.map(\.learningRate))).sorted()
        var axes = Axes(title: "Where each start ends", xLabel: "starting point \(setup.variable)₀", yLabel: "learning rate")
        for end in categories {
            var x: [Double] = []
            var y: [Double] = []
            for row in outcome.basins {
                guard let level = rates.firstIndex(of: row.learningRate) else { continue }
                for index in row.starts.indices where category(row, index) == end {
                    x.append(row.starts[index])
                    y.append(Double(level))
                }
            }
            axes.scatter(x, y, color: color(end), size: 22, label: end.phrase(plural: false))
        }
        axes.yCategories = rates.map(\.shortText)
        axes.yLimits = -0.6...(Double(rates.count) - 0.4 + 0.42 * Double(categories.count))
        axes.xLimits = setup.basinRange
        axes.grid = true
        var figure = Figure(widthInches: 9, heightInches: 2.2 + 0.55 * Double(rates.count))
        figure[0, 0] = axes
        return [ReportFigure(fileName: fileName, caption: "Where each starting point ends, one strip per learning rate", figure: figure)]
    }
}

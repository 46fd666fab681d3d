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
    struct Keys: SettingDeclarations {
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.minimize]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        guard let (setup, outcome, _) = MinimizeFigures.parts(result) else { return [] }
        var categories: [String] = []
        func category(_ end: Double, _ outcome: DescentOutcome.Kind) -> String {
            outcome == .converged ? "reaches \(MinimizeAnalysis.rounded(end).shortText)" : outcome.rawValue
        }
        for row in outcome.basins {
            for (end, outcome) in zip(row.ends, row.outcomes) where !categories.contains(category(end, outcome)) {
                categories.append(category(end, outcome))
            }
        }
        categories.sort { ($0.hasPrefix("reaches") ? 0 : 1, $0) < ($1.hasPrefix("reaches") ? 0 : 1, $1) }
        let special: [String: Color] = [DescentOutcome.Kind.diverged.rawValue: Color(hex: 0xD62728), DescentOutcome.Kind.stationary.rawValue: .black,
                                        DescentOutcome.Kind.maxIterations.rawValue: Color(hex: 0x7F7F7F)]
        let roots = [Color.tab10[0], Color.tab10[1], Color.tab10[2], Color.tab10[4], Color.tab10[5]]
        func color(_ name: String) -> Color {
            special[name] ?? roots[(categories.filter { $0.hasPrefix("reaches") }.firstIndex(of: name) ?? 0) % roots.count]
        }
        // One row of points per learning rate, the rows labelled by their rates (in increasing
        // order upward); the band above the top row is left free for the legend.
        let rates = Array(Set(outcome.basins.map(\.learningRate))).sorted()
        var axes = Axes(title: options.title ?? "Where each start ends", xLabel: "starting point \(setup.variable)₀", yLabel: "learning rate")
        for name in categories {
            var x: [Double] = []
            var y: [Double] = []
            for row in outcome.basins {
                guard let level = rates.firstIndex(of: row.learningRate) else { continue }
                for index in row.starts.indices where category(row.ends[index], row.outcomes[index]) == name {
                    x.append(row.starts[index])
                    y.append(Double(level))
                }
            }
            axes.scatter(x, y, color: color(name), size: 22, label: name)
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

import Configuration
import Datasets
import Experiments
import Foundation
import NeuralNet
import Plotting
import Wording

/// One panel per learning rate: the function, and each start's iterates on it.
enum PathsFigure: ConfigurableFigure {
    static let name = "paths"
    static let summary = "the descent paths on the function, a panel per learning rate"
    struct Keys: FigureKeys {
        let x = FigureOptions.x
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.minimize]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        guard let (setup, outcome, objective) = MinimizeFigures.parts(result) else { return [] }
        let rates = setup.learningRates
        var figure = Figure(widthInches: 5 * Double(rates.count), heightInches: 4.4, columns: rates.count)
        let range = options.x ?? setup.basinRange
        let grid = linspace(range.lowerBound, range.upperBound, count: 400)
        let curve = grid.map { objective.value(at: $0, variable: setup.variable) }
        // The curve's own extent, minima below zero included (a double well's), with 5% margins.
        let finite = curve.filter(\.isFinite)
        let (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
        let margin = max(high - low, 1e-12) * 0.05
        let bottom = min(low, 0) - margin, top = high + margin
        for (column, rate) in rates.enumerated() {
            var axes = Axes(title: "lr = \(rate.shortText)", xLabel: setup.variable, yLabel: column == 0 ? "f(\(setup.variable)) = \(setup.objective)" : nil)
            axes.plot(grid, curve, color: .black, width: 1.2)
            for (index, path) in outcome.paths.filter({ $0.learningRate == rate }).enumerated() {
                let visible = zip(path.points, path.objectiveValues).filter { range.contains($0.0) && $0.1.isFinite && $0.1 <= top && $0.1 >= bottom }
                let label = "from \(path.start.shortText): \(path.outcome.kind == .converged ? path.end.text(significantDigits: 5) : path.outcome.kind.rawValue)"
                let color = Color.tab10[index % 10]
                axes.plot(visible.map(\.0), visible.map(\.1), color: color, width: 1, label: label)
                axes.scatter(visible.map(\.0), visible.map(\.1), color: color, size: 10)
            }
            axes.xLimits = range
            axes.yLimits = bottom...top
            axes.grid = true
            figure[0, column] = axes
        }
        return [ReportFigure(fileName: fileName, caption: "Descent paths on the objective, one panel per learning rate", figure: figure)]
    }
}

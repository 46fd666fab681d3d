import Configuration
import Datasets
import Experiments
import Foundation
import NeuralNet
import Plotting
import Wording

/// One panel per learning rate: the objective against iteration, one line per start; on a log
/// scale when no value is negative (a squared residual), else linear (a double well's f < 0).
enum ObjectiveFigure: ConfigurableFigure {
    static let name = "objective"
    static let summary = "the objective by iteration, a panel per learning rate"
    struct Keys: FigureKeys {
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.minimize]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        guard let (setup, outcome, _) = MinimizeFigures.parts(result) else { return [] }
        let rates = setup.learningRates
        var figure = Figure(widthInches: 5 * Double(rates.count), heightInches: 4.4, columns: rates.count)
        // The axes fit the descents that did not diverge: one that ran off to 1e259 would flatten the rest.
        let kept = outcome.paths.filter { $0.outcome.kind != .diverged }
        let drawable = (kept.isEmpty ? outcome.paths : kept).flatMap(\.objectiveValues).filter { $0.isFinite && abs($0) < 1e300 }
        // Zeros (a start on a root) cannot be drawn on a log axis and are left out, as before; a
        // negative value means the objective is not a squared residual, and the axis is linear.
        let logarithmic = drawable.allSatisfy { $0 >= 0 } && drawable.contains { $0 > 0 }
        for (column, rate) in rates.enumerated() {
            var axes = Axes(title: "lr = \(rate.shortText)", xLabel: "iteration", yLabel: column == 0 ? "objective" : nil)
            axes.xIntegerTicks = true
            for (index, path) in outcome.paths.filter({ $0.learningRate == rate }).enumerated() {
                let points = path.objectiveValues.enumerated().filter { $0.element.isFinite && abs($0.element) < 1e300 && (!logarithmic || $0.element > 0) }
                axes.plot(points.map { Double($0.offset) }, points.map(\.element), color: Color.tab10[index % 10], width: 1.5,
                          label: "from \(path.start.shortText)")
            }
            axes.yScale = logarithmic ? .log : .linear
            if !kept.isEmpty, kept.count < outcome.paths.count {
                axes.yLimits = Axes.limits(of: drawable.filter { !logarithmic || $0 > 0 }, logarithmic: logarithmic)
            }
            axes.grid = true
            figure[0, column] = axes
        }
        let diverged = outcome.paths.filter { $0.outcome.kind == .diverged }
        let note = kept.isEmpty || diverged.isEmpty ? ""
            : "; the axes show the descents that did not diverge, and cut off those from " + diverged.map { "\($0.start.shortText) (lr \($0.learningRate.shortText))" }.listed()
        return [ReportFigure(fileName: fileName, caption: "Objective by iteration\(logarithmic ? " (log scale)" : ""), one panel per learning rate" + note,
                             figure: figure)]
    }
}

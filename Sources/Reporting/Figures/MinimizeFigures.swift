import Datasets
import Experiments
import Foundation
import NeuralNet
import Plotting

/// Seed 001's root finding drawn three ways: paths on the function, objective by iteration, basin map.
enum MinimizeFigures {
    private static func parts(_ result: ExperimentResult) -> (MinimizeSetup, MinimizeResult, NeuralNet.Expression)? {
        guard let run = result.runs.first, case .minimize(let setup) = run.setup, case .minimize(let outcome) = run.outcome,
              let objective = try? NeuralNet.Expression(parsing: setup.objective, variables: [setup.variable]) else { return nil }
        return (setup, outcome, objective)
    }

    /// One panel per learning rate: the function, and each start's iterates on it.
    static func paths(_ result: ExperimentResult, _ request: FigureRequest) -> [ReportFigure] {
        guard let (setup, outcome, objective) = parts(result) else { return [] }
        let rates = setup.learningRates
        var figure = Figure(widthInches: 5 * Double(rates.count), heightInches: 4.4, columns: rates.count)
        let range = request.x ?? setup.basinRange
        let grid = linspace(range.lowerBound, range.upperBound, count: 400)
        let curve = grid.map { objective.value(at: $0, variable: setup.variable) }
        let top = (curve.filter(\.isFinite).max() ?? 1) * 1.05
        for (column, rate) in rates.enumerated() {
            var axes = Axes(title: "lr = \(rate.shortText)", xLabel: setup.variable, yLabel: column == 0 ? "f(\(setup.variable)) = \(setup.objective)" : nil)
            axes.plot(grid, curve, color: .black, width: 1.2)
            for (index, path) in outcome.paths.filter({ $0.learningRate == rate }).enumerated() {
                let visible = zip(path.points, path.objectiveValues).filter { range.contains($0.0) && $0.1.isFinite && $0.1 <= top }
                let label = "from \(path.start.shortText): \(path.outcome.word == "converged" ? path.end.text(significantDigits: 5) : path.outcome.word)"
                let color = Color.tab10[index % 10]
                axes.plot(visible.map(\.0), visible.map(\.1), color: color, width: 1, label: label)
                axes.scatter(visible.map(\.0), visible.map(\.1), color: color, size: 10)
            }
            axes.xLimits = range
            axes.yLimits = (-0.03 * top)...top
            axes.grid = true
            figure[0, column] = axes
        }
        return [ReportFigure(fileName: request.fileName, caption: "Descent paths on the objective, one panel per learning rate", figure: figure)]
    }

    /// One panel per learning rate: the objective against iteration on a log scale, one line per start.
    static func objective(_ result: ExperimentResult, _ request: FigureRequest) -> [ReportFigure] {
        guard let (setup, outcome, _) = parts(result) else { return [] }
        let rates = setup.learningRates
        var figure = Figure(widthInches: 5 * Double(rates.count), heightInches: 4.4, columns: rates.count)
        for (column, rate) in rates.enumerated() {
            var axes = Axes(title: "lr = \(rate.shortText)", xLabel: "iteration", yLabel: column == 0 ? "objective" : nil)
            for (index, path) in outcome.paths.filter({ $0.learningRate == rate }).enumerated() {
                let points = path.objectiveValues.enumerated().filter { $0.element > 0 && $0.element.isFinite && $0.element < 1e300 }
                axes.plot(points.map { Double($0.offset) }, points.map(\.element), color: Color.tab10[index % 10], width: 1.5,
                          label: "from \(path.start.shortText)")
            }
            axes.yScale = .log
            axes.grid = true
            figure[0, column] = axes
        }
        return [ReportFigure(fileName: request.fileName, caption: "Objective by iteration (log scale), one panel per learning rate", figure: figure)]
    }

    /// One strip per learning rate: each scanned start coloured by where it ended.
    static func basins(_ result: ExperimentResult, _ request: FigureRequest) -> [ReportFigure] {
        guard let (setup, outcome, _) = parts(result) else { return [] }
        var categories: [String] = []
        func category(_ end: Double, _ word: String) -> String {
            word == "converged" ? "reaches \(MinimizeAnalysis.rounded(end).shortText)" : word
        }
        for row in outcome.basins {
            for (end, word) in zip(row.ends, row.outcomes) where !categories.contains(category(end, word)) {
                categories.append(category(end, word))
            }
        }
        categories.sort { ($0.hasPrefix("reaches") ? 0 : 1, $0) < ($1.hasPrefix("reaches") ? 0 : 1, $1) }
        let special: [String: Color] = ["diverged": Color(hex: 0xD62728), "stationary": .black, "max-iterations": Color(hex: 0x7F7F7F)]
        let roots = [Color.tab10[0], Color.tab10[1], Color.tab10[2], Color.tab10[4], Color.tab10[5]]
        func color(_ name: String) -> Color {
            special[name] ?? roots[(categories.filter { $0.hasPrefix("reaches") }.firstIndex(of: name) ?? 0) % roots.count]
        }
        // One row of points per learning rate, on a log axis so the rows are labelled by their rate;
        // the band above the top row is left free for the legend.
        var axes = Axes(title: request.title ?? "Where each start ends", xLabel: "starting point \(setup.variable)₀", yLabel: "learning rate")
        for name in categories {
            var x: [Double] = []
            var y: [Double] = []
            for row in outcome.basins {
                for index in row.starts.indices where category(row.ends[index], row.outcomes[index]) == name {
                    x.append(row.starts[index])
                    y.append(row.learningRate)
                }
            }
            axes.scatter(x, y, color: color(name), size: 22, label: name)
        }
        let rates = outcome.basins.map(\.learningRate)
        axes.yScale = .log
        axes.yLimits = (rates.min()! / 2)...(rates.max()! * Foundation.pow(10, 0.45 * Double(categories.count)))
        axes.xLimits = setup.basinRange
        axes.grid = true
        var figure = Figure(widthInches: 9, heightInches: 2.2 + 0.55 * Double(rates.count))
        figure[0, 0] = axes
        return [ReportFigure(fileName: request.fileName, caption: "Where each starting point ends, one strip per learning rate", figure: figure)]
    }
}

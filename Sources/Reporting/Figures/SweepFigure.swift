import Configuration
import Experiments
import NeuralNet
import Plotting

/// The final training loss against the swept parameter, one line per variant; for a classifier,
/// beside it the final accuracy on the held-out split (test, else validation, else train).
enum SweepFigure: ConfigurableFigure {
    static let name = "sweep"
    static let summary = "the final training loss against the swept value, a line per variant, and for classifiers the held-out accuracy beside it (needs a sweep over one path)"
    struct Keys: FigureKeys {
        let log = FigureOptions.log
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? {
        let count = prepared.experiment.sweepPaths.count
        guard count != 1 else { return nil }
        return "the sweep figure needs a sweep over exactly one parameter; " + (count == 0 ? "this file has no sweep" : "this file sweeps \(count)")
    }

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        guard let grid = SweepGrid(result) else { return [] }
        let parameter = grid.parameter
        var axes = Axes(title: "Final training loss by \(parameter)", xLabel: parameter, yLabel: "final training loss")
        axes.grid = true
        for (index, (variant, runs)) in zip(grid.variants, grid.runs).enumerated() {
            // A diverged run has no final loss: its point is left out, and the line breaks there.
            let y = runs.map { run in
                guard let history = run.training?.history, !history.outcome.diverged else { return Double.nan }
                return history.splits[0].loss.last ?? .nan
            }
            axes.plot(grid.values, y, color: Color.tab10[index % 10], width: 1.8, label: variant ?? "final loss")
            axes.scatter(grid.values, y, color: Color.tab10[index % 10], size: 20)
        }
        axes.chooseLogScale(requested: options.log)
        // A sweep over decades (a logspace of learning rates) is read on a log axis, as it was made.
        let decades = grid.values.min().flatMap { low in grid.values.max().map { high in low > 0 && high / low > 100 } } ?? false
        if decades { axes.xScale = .log }
        let accuracy = accuracyAxes(grid, logX: decades)
        var figure = accuracy == nil ? Figure() : Figure(widthInches: 12.8, heightInches: 4.8, rows: 1, columns: 2)
        figure[0, 0] = axes
        if let accuracy { figure[0, 1] = accuracy.axes }
        return [ReportFigure(fileName: fileName, caption: caption(grid, accuracySplit: accuracy?.split), figure: figure)]
    }

    /// The final accuracy of the held-out split against the swept value, when the runs have accuracies.
    private static func accuracyAxes(_ grid: SweepGrid, logX: Bool) -> (axes: Axes, split: Split)? {
        guard let splits = grid.runs.first?.first?.training?.history.splits,
              let split = Split.heldOutFirst.first(where: { name in splits.contains { $0.name == name && $0.accuracy != nil } }) else { return nil }
        var axes = Axes(title: "Final \(split) accuracy by \(grid.parameter)", xLabel: grid.parameter, yLabel: "\(split) accuracy (%)")
        axes.grid = true
        for (index, (variant, runs)) in zip(grid.variants, grid.runs).enumerated() {
            let y = runs.map { run -> Double in
                guard let history = run.training?.history, !history.outcome.diverged,
                      let value = history.split(split)?.accuracy?.last else { return .nan }
                return 100 * value
            }
            axes.plot(grid.values, y, color: Color.tab10[index % 10], width: 1.8, label: variant ?? "\(split) accuracy")
            axes.scatter(grid.values, y, color: Color.tab10[index % 10], size: 20)
        }
        if logX { axes.xScale = .log }
        return (axes, split)
    }

    private static func caption(_ grid: SweepGrid, accuracySplit: Split?) -> String {
        let diverged = grid.runs.joined().contains { $0.training?.history.outcome.diverged == true }
        return "Final training loss for each \(grid.parameter)"
            + (accuracySplit.map { ", and the final \($0) accuracy beside it" } ?? "")
            + (diverged ? "; a run that diverged has no point, and its line breaks there" : "")
    }
}

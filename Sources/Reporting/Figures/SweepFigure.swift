import Experiments
import Plotting

/// The final training loss against the swept parameter, one line per variant.
enum SweepFigure: ConfigurableFigure {
    static let name = "sweep"
    static let summary = "the final training loss against the swept value, a line per variant (needs a sweep over one path)"
    static let settings = [FigureOptions.log, FigureOptions.title]
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? {
        let count = prepared.experiment.sweepPaths.count
        guard count != 1 else { return nil }
        return "the sweep figure needs a sweep over exactly one parameter; " + (count == 0 ? "this file has no sweep" : "this file sweeps \(count)")
    }

    static func make(_ analyzed: AnalyzedResult, _ request: ResolvedFigure) -> [ReportFigure] {
        let result = analyzed.result
        guard let grid = SweepGrid(result) else { return [] }
        let parameter = grid.parameter
        var axes = Axes(title: request.title ?? "Final training loss by \(parameter)", xLabel: parameter, yLabel: "final training loss")
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
        axes.chooseLogScale(requested: request.logarithmic)
        // A sweep over decades (a logspace of learning rates) is read on a log axis, as it was made.
        if let low = grid.values.min(), let high = grid.values.max(), low > 0, high / low > 100 { axes.xScale = .log }
        var figure = Figure()
        figure[0, 0] = axes
        return [ReportFigure(fileName: request.fileName, caption: caption(grid), figure: figure)]
    }

    private static func caption(_ grid: SweepGrid) -> String {
        let diverged = grid.runs.joined().contains { $0.training?.history.outcome.diverged == true }
        return "Final training loss for each \(grid.parameter)" + (diverged ? "; a run that diverged has no point, and its line breaks there" : "")
    }
}

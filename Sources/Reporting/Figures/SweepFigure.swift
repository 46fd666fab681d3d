import Experiments
import Plotting

/// The final training loss against the swept parameter, one line per variant.
enum SweepFigure {
    static func make(_ result: ExperimentResult, _ request: FigureRequest) -> [ReportFigure] {
        guard let parameter = result.experiment.sweepParameters.first else { return [] }
        var axes = Axes(title: request.title ?? "Final training loss by \(parameter)", xLabel: parameter, yLabel: "final training loss")
        axes.grid = true
        var variants: [String?] = []
        for run in result.runs where !variants.contains(run.variant) { variants.append(run.variant) }
        for (index, variant) in variants.enumerated() {
            let runs = result.runs.filter { $0.variant == variant && $0.training != nil }
            let x = runs.map { $0.sweepValues[0] }
            let y = runs.map { $0.training!.history.splits[0].loss.last ?? .nan }
            axes.plot(x, y, color: Color.tab10[index % 10], width: 1.8, label: variant ?? "final loss")
            axes.scatter(x, y, color: Color.tab10[index % 10], size: 20)
        }
        axes.chooseLogScale(requested: request.logarithmic)
        var figure = Figure()
        figure[0, 0] = axes
        return [ReportFigure(fileName: request.fileName, caption: "Final training loss for each \(parameter)", figure: figure)]
    }
}

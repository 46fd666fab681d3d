import Configuration
import Datasets
import Experiments
import NeuralNet
import Plotting
import Wording

/// A one-input model's curve over its data; `ExtrapolationFigure` draws it far outside.
enum FitFigure: ConfigurableFigure {
    static let name = "fit"
    static let summary = "a one-input model's curve over its data"
    struct Keys: FigureKeys {
        let x = FigureOptions.x
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? { problem(named: name, for: prepared) }

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] { make(analyzed, options, extrapolate: false) }

    /// Why a one-input curve named `name` cannot be drawn: the data has more inputs.
    static func problem(named name: String, for prepared: PreparedExperiment) -> String? {
        guard let data = datasets(of: prepared).first(where: { $0.inputWidth != 1 }) else { return nil }
        let instead = data.inputWidth == 2 && data.isClassification ? " (for two, the decision-surface figure)" : ""
        return "the \(name) figure draws a one-input model's curve; this data has \(data.inputWidth) input features\(instead)"
    }

    /// The curve over the data, or (`extrapolate`) over ten times its range against the truth.
    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>, extrapolate: Bool) -> [ReportFigure] {
        let result = analyzed.result
        let runs = result.trainingRuns.filter { $0.data.inputWidth == 1 }
        guard let first = runs.first else { return [] }
        let data = first.data
        let all = data.all
        let xs = all.inputs.column(0)
        let dataRange = (xs.min() ?? -1)...(xs.max() ?? 1)
        let range = options.x ?? (extrapolate ? (dataRange.lowerBound * 10)...(dataRange.upperBound * 10) : dataRange)
        var axes = Axes(title: (extrapolate ? "Outside the training range" : "Fitted curve"),
                        xLabel: data.featureNames?.first ?? "x",
                        yLabel: data.isClassification ? "P(\(data.classLabel(1)))" : "y")
        axes.grid = true
        let grid = linspace(range.lowerBound, range.upperBound, count: 400)
        // Outside the training range the truth is drawn when the data's formula is known; data read
        // from a file has none, so its points stand in for it. The training range is marked either way.
        let truth = extrapolate ? first.setup.data.source.truth : nil
        if let truth {
            axes.plot(grid, grid.map { truth.value(at: $0) }, color: .black, width: 1.5, dash: [5, 3], label: "truth: y = \(truth.text)")
        } else {
            axes.scatter(xs, all.targets.elements, color: Color.gray.withAlpha(0.6), size: all.count > 2000 ? 2 : 14, label: "data")
        }
        if extrapolate {
            axes.verticalLine(at: dataRange.lowerBound, color: Color.gray, width: 1)
            axes.verticalLine(at: dataRange.upperBound, color: Color.gray, width: 1)
        }
        for (index, entry) in runs.enumerated() {
            let y = analyzed.predictions.curve(of: entry.run, setup: entry.setup, at: grid)
            axes.plot(grid, y, color: Color.tab10[index % 10], width: 2, label: runs.count == 1 ? "model" : entry.run.name)
        }
        var figure = Figure()
        figure[0, 0] = axes
        let caption = extrapolate ? "The model from \(range.lowerBound.shortText) to \(range.upperBound.shortText); grey lines mark the training range"
            : "The model's curve over the data"
        return [ReportFigure(fileName: extrapolate ? ExtrapolationFigure.fileName : fileName, caption: caption, figure: figure)]
    }
}

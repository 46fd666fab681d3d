import Configuration
import Experiments
import NeuralNet
import Plotting

/// The data set: points by class (first two inputs), or y against x for a one-input task.
enum DatasetFigure: ConfigurableFigure {
    static let name = "dataset"
    static let summary = "the data, by class (first two inputs), or y against x"
    struct Keys: FigureKeys {
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        let result = analyzed.result
        guard let first = result.trainingRuns.first else { return [] }
        let data = first.data
        let all = data.all
        var figure = Figure()
        var axes = Axes(title: "Data set (\(all.count) points)")
        axes.grid = true
        let inputs = all.inputs
        let labels = all.targets.elements
        if data.inputWidth >= 2, let classes = data.classCount {
            axes.xLabel = data.featureLabel(0)
            axes.yLabel = data.featureLabel(1)
            for label in 0..<classes {
                let rows = labels.indices.filter { Int(labels[$0]) == label }
                axes.scatter(rows.map { inputs[$0, 0] }, rows.map { inputs[$0, 1] }, color: ClassColors.color(label, classes: classes),
                             size: 16, edge: .white, label: data.classLabel(label))
            }
            axes.equalAspect = true
        } else {
            axes.xLabel = "x"
            axes.yLabel = "y"
            axes.scatter(inputs.column(0), labels, color: Color.tab10[0].withAlpha(0.5), size: all.count > 2000 ? 2 : 12, label: "data")
            axes.legend = nil
        }
        figure[0, 0] = axes
        return [ReportFigure(fileName: fileName, caption: axes.title ?? "Data set", figure: figure)]
    }
}

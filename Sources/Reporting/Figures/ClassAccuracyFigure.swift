import Configuration
import Experiments
import NeuralNet
import Plotting

/// Accuracy class by class, as bars: the training split beside the split shown, so a class the
/// network learnt but does not generalise stands out.
enum ClassAccuracyFigure: ClassifierFigure {
    static let name = "class-accuracy"
    static let summary = "each class's accuracy as bars, the training split beside the split shown"
    struct Keys: ClassifierKeys {
        let split = ClassifiedRun.splitOption
        let run = ClassifiedRun.runOption
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        guard let classified = ClassifiedRun.choose(in: analyzed.result, options: options) else { return [] }
        let names = classified.classNames
        var shown = [classified.evaluation]
        if classified.evaluation.split != .train,
           let train = classified.entry.training.history.classEvaluations.first(where: { $0.split == .train }) {
            shown.insert(train, at: 0)
        }
        let width = 0.8 / Double(shown.count)
        var axes = Axes(title: "Accuracy by class (\(classified.describe(runs: analyzed.result.runs.count)))",
                        xLabel: nil, yLabel: "accuracy")
        for (index, evaluation) in shown.enumerated() {
            let offset = (Double(index) - Double(shown.count - 1) / 2) * width
            axes.bar(names.indices.map { Double($0) + offset }, evaluation.classAccuracies, width: width * 0.95,
                     color: Color.tab10[index], label: evaluation.split.rawValue)
        }
        axes.xCategories = names
        axes.xLabelRotation = names.contains { $0.count > 3 } ? 45 : 0
        axes.xLimits = -0.6...(Double(names.count) - 0.4)
        // Room above the bars for the legend: most classes reach close to 1.
        axes.yLimits = 0...1.2
        axes.grid = true
        axes.legend = .upperRight
        var figure = Figure(widthInches: 8, heightInches: 4.8)
        figure[0, 0] = axes
        return [ReportFigure(fileName: fileName, caption: axes.title ?? "Accuracy by class", figure: figure)]
    }
}

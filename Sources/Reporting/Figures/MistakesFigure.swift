import Configuration
import Experiments
import Foundation
import NeuralNet
import Plotting
import Wording

/// The wrong decisions the classifier was surest of, each picture titled true → predicted with
/// the probability it gave the predicted class.
enum MistakesFigure: ConfigurableFigure {
    static let name = "mistakes"
    static let summary = "the most confident wrong predictions, with their true and predicted labels"
    struct Keys: ClassifierKeys {
        let count: SettingKey<Int> = .integer("count", minimum: 1, default: 16, "how many mistakes (at most \(TrainingRun.mistakesKept))")
        let columns = ImageGrid.columns
        let split = ClassifiedRun.splitOption
        let run = ClassifiedRun.runOption
        let title = FigureOptions.title
    }
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment, options: Settings<Keys>) -> String? {
        ImageGrid.problem(for: prepared) ?? ClassifiedRun.problem(for: prepared, options: options)
    }

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        guard let classified = ClassifiedRun.choose(in: analyzed.result, options: options) else { return [] }
        let data = classified.data
        // An argmax decision's score is the softmax probability it gave; a threshold's is the distance from it.
        let probability = classified.entry.setup.loss.decision(isClassification: true) == .argmax
        let mistakes = classified.evaluation.mistakes.prefix(min(options.count, TrainingRun.mistakesKept))
        let cells = mistakes.map { mistake in
            ImageGrid.Cell(row: mistake.row, title: "\(data.className(mistake.label)) → \(data.className(mistake.predicted))",
                           caption: probability ? String(format: "p = %.3f", mistake.score) : "margin \(mistake.score.shortText)")
        }
        let where_ = classified.describe(runs: analyzed.result.runs.count)
        guard !cells.isEmpty else {
            var figure = Figure(widthInches: 6.4, heightInches: 1.5)
            figure[0, 0].showsFrame = false
            figure[0, 0].annotate("No mistakes on the \(where_).", x: 0.5, y: 0.5, size: 12, horizontal: 0.5)
            figure[0, 0].xLimits = 0...1
            figure[0, 0].yLimits = 0...1
            return [ReportFigure(fileName: fileName, caption: "No mistakes on the \(where_)", figure: figure)]
        }
        let figure = ImageGrid.figure(cells, data: data, columns: options.columns, cellInches: 1.6)
        let caption = "The \(cells.count) wrong predictions on the \(where_) the network was surest of: "
            + "true → predicted class, with " + (probability ? "the softmax probability of the predicted class" : "the output's distance from the threshold")
        return [ReportFigure(fileName: fileName, caption: caption, figure: figure)]
    }
}

import Experiments
import Foundation
import NeuralNet
import Plotting

/// The wrong decisions the classifier was surest of, each picture titled true → predicted with
/// the probability it gave the predicted class.
enum MistakesFigure: ConfigurableFigure {
    static let name = "mistakes"
    static let summary = "the most confident wrong predictions, with their true and predicted labels"
    static let settings = [
        Setting("count", .integer(minimum: 1), default: .integer(16), "how many mistakes (at most \(ClassEvaluation.mistakeLimit))"),
        Setting("columns", .integer(minimum: 1), default: .integer(8), "images per row"),
        ClassifiedRun.splitOption, ClassifiedRun.runOption, FigureOptions.title,
    ]
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment, options: SettingValues) -> String? {
        ImageGrid.problem(for: prepared) ?? ClassifiedRun.problem(for: prepared, options: options)
    }

    static func make(_ analyzed: AnalyzedResult, _ request: ResolvedFigure) -> [ReportFigure] {
        guard let classified = ClassifiedRun.choose(in: analyzed.result, request: request) else { return [] }
        let data = classified.data
        // An argmax decision's score is the softmax probability it gave; a threshold's is the distance from it.
        let probability = classified.entry.setup.loss.decision(isClassification: true) == .argmax
        let mistakes = classified.evaluation.mistakes.prefix(min(request.options.integer("count"), ClassEvaluation.mistakeLimit))
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
            return [ReportFigure(fileName: request.fileName, caption: request.title ?? "No mistakes on the \(where_)", figure: figure)]
        }
        let figure = ImageGrid.figure(cells, data: data, columns: request.options.integer("columns"), cellInches: 1.6)
        let caption = request.title ?? "The \(cells.count) wrong predictions on the \(where_) the network was surest of: "
            + "true → predicted class, with " + (probability ? "the softmax probability of the predicted class" : "the output's distance from the threshold")
        return [ReportFigure(fileName: request.fileName, caption: caption, figure: figure)]
    }
}

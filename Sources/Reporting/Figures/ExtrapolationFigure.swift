import Experiments
import NeuralNet

/// A one-input model's curve far outside the training range, against the true formula.
enum ExtrapolationFigure: ConfigurableFigure {
    static let name = "extrapolation"
    static let summary = "the curve over `x` (default ten times the data's range) against the true formula"
    static let settings = [FigureOptions.x, FigureOptions.title]
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? { FitFigure.problem(named: name, for: prepared) }

    static func make(_ analyzed: AnalyzedResult, _ request: ResolvedFigure) -> [ReportFigure] {
        FitFigure.make(analyzed, request, extrapolate: true)
    }
}

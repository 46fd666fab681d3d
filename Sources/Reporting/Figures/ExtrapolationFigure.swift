import Configuration
import Experiments
import NeuralNet

/// A one-input model's curve far outside the training range, against the true formula.
enum ExtrapolationFigure: ConfigurableFigure {
    static let name = "extrapolation"
    static let summary = "the curve over `x` (default ten times the data's range) against the true formula"
    typealias Keys = FitFigure.Keys
    static let experimentKinds: [Experiment.Kind] = [.training]

    static func problem(for prepared: PreparedExperiment) -> String? { FitFigure.problem(named: name, for: prepared) }

    static func make(_ analyzed: AnalyzedResult, _ options: Settings<Keys>) -> [ReportFigure] {
        FitFigure.make(analyzed, options, extrapolate: true)
    }
}

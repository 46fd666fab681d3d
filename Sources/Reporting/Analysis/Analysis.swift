import Experiments

/// The facts and findings of any experiment.
enum Analysis {
    /// Reads the results of `result` into facts and sentences.
    static func analyze(_ result: ExperimentResult, figures: [ResolvedFigure], predictions: PredictionCache) -> Findings {
        switch result.experiment.kind {
        case .training:
            TrainingAnalysis.analyze(result, surface: figures.lazy.compactMap { $0.options(of: DecisionSurfaceFigure.self) }.first, predictions: predictions)
        case .minimize: MinimizeAnalysis.analyze(result)
        case .gradientCheck: GradientCheckAnalysis.analyze(result)
        }
    }
}

/// An experiment's results with what the report reads from them: the facts, the figures it asks
/// for (checked), and the predictions both compute from. What the answer check, the figures and
/// the report writer all take, so the analysis runs once and each prediction is made once.
public struct AnalyzedResult: Sendable {
    /// The runs and their outcomes.
    public let result: ExperimentResult
    /// The facts and sentences read from `result`.
    public let findings: Findings
    /// The figures the experiment asks for, read from its file.
    let figures: [ResolvedFigure]
    /// The networks' predictions, shared by the analysis and the figures.
    let predictions: PredictionCache

    /// Analyzes `result`; a figure request the catalog refuses is an error (the checks before
    /// training report it first).
    public init(_ result: ExperimentResult) throws(SpecError) {
        var figures: [ResolvedFigure] = []
        for request in result.experiment.figures { figures.append(try FigureCatalog.resolve(request, in: result.experiment)) }
        let predictions = PredictionCache()
        self.result = result
        self.figures = figures
        self.predictions = predictions
        self.findings = Analysis.analyze(result, figures: figures, predictions: predictions)
    }
}

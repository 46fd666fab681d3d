import Experiments

/// The facts and findings of any experiment.
public enum Analysis {
    /// Reads the results of `result` into facts and sentences.
    public static func analyze(_ result: ExperimentResult) -> Findings {
        switch result.experiment.kind {
        case .training: TrainingAnalysis.analyze(result)
        case .minimize: MinimizeAnalysis.analyze(result)
        case .gradientCheck: GradientCheckAnalysis.analyze(result)
        }
    }
}

/// An experiment's results with the facts read from them: what the answer check and the report
/// writer both take, so the analysis runs once per experiment.
public struct AnalyzedResult: Sendable {
    /// The runs and their outcomes.
    public let result: ExperimentResult
    /// The facts and sentences read from `result`.
    public let findings: Findings

    /// Analyzes `result`.
    public init(_ result: ExperimentResult) {
        self.result = result
        self.findings = Analysis.analyze(result)
    }
}

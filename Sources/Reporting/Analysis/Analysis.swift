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

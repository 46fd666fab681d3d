import Datasets
import Experiments
import Foundation
import NeuralNet
import Plotting

/// What seed 001's root-finding figures draw from: the setup, the descents and the objective.
enum MinimizeFigures {
    static func parts(_ result: ExperimentResult) -> (MinimizeSetup, MinimizeResult, NeuralNet.Expression)? {
        guard let run = result.runs.first, case .minimize(let setup) = run.setup, case .minimize(let outcome) = run.outcome else { return nil }
        return (setup, outcome, setup.objective.expression)
    }
}

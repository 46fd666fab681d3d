import Datasets
import NeuralNet

/// Seed 001's root finding: every start with every learning rate, and the basin map.
enum MinimizeRun {
    static func run(_ setup: MinimizeSetup) -> MinimizeResult {
        let (objective, residual) = (setup.objective.expression, setup.residual?.expression)
        var paths: [DescentPath] = []
        var basins: [BasinRow] = []
        let scanned = linspace(setup.basinRange.lowerBound, setup.basinRange.upperBound, count: setup.basinCount)
        for rate in setup.learningRates {
            let descent = ScalarDescent(objective: objective, residual: residual, learningRate: rate, tolerance: setup.tolerance,
                                        gradientTolerance: setup.gradientTolerance,
                                        maxIterations: setup.maxIterations, variable: setup.variable)
            paths += setup.starts.map { descent.run(from: $0) }
            let ends = scanned.map { descent.run(from: $0) }
            basins.append(BasinRow(learningRate: rate, starts: scanned,
                                   ends: ends.map { $0.outcome.kind == .diverged ? .nan : $0.end },
                                   outcomes: ends.map(\.outcome.kind)))
        }
        return MinimizeResult(paths: paths, basins: basins)
    }
}

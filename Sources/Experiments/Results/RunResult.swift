import NeuralNet

/// What one run produced, as plain values: enough to draw its figures and write its section.
public struct RunResult: Sendable, Codable {
    /// The run's name ("nll, lr=0.005").
    public var name: String
    /// The variant it belongs to.
    public var variant: String?
    /// Its swept values.
    public var sweepValues: [Double]
    /// The resolved configuration it ran with.
    public var setup: RunSetup
    /// What came out.
    public var outcome: Outcome

    /// The outcome by kind of task.
    public enum Outcome: Sendable, Codable {
        case training(TrainingResult)
        case minimize(MinimizeResult)
        case gradientCheck([GradientCheck.Result])
    }

    /// The training outcome, if this was a training run.
    public var training: TrainingResult? {
        if case .training(let result) = outcome { return result }
        return nil
    }

    /// The training setup, if this was a training run.
    public var trainingSetup: TrainingSetup? {
        if case .training(let setup) = setup { return setup }
        return nil
    }
}

/// A parameter's value with the name the report uses ("layer 1 weight").
public struct NamedMatrix: Sendable, Codable, Equatable {
    /// "layer 1 weight".
    public var name: String
    /// Rows x columns.
    public var shape: [Int]
    /// Row-major values.
    public var values: [Double]

    /// The value as a matrix.
    public var matrix: Matrix { Matrix(rows: shape[0], columns: shape[1], elements: values) }
}

/// The network's outputs at the probe inputs after some epoch.
public struct ProbeRecord: Sendable, Codable, Equatable {
    /// The epoch (0 = before training).
    public var epoch: Int
    /// One prediction per probe input.
    public var predictions: [Double]
}

/// Every descent of a minimisation experiment, and its basin map.
public struct MinimizeResult: Sendable, Codable {
    /// One path per (learning rate, start), rates outermost.
    public var paths: [DescentPath]
    /// For each learning rate, where each scanned start ended up.
    public var basins: [BasinRow]
}

/// One row of the basin map: the outcome from each start for one learning rate.
public struct BasinRow: Sendable, Codable {
    /// The learning rate.
    public var learningRate: Double
    /// The starts scanned.
    public var starts: [Double]
    /// Where each start ended (NaN when it diverged).
    public var ends: [Double]
    /// How each start's descent ended.
    public var outcomes: [DescentOutcome.Kind]
}

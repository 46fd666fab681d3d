import NeuralNet

/// Gradient descent on a function of one variable from several starts with several step sizes (seed 001).
public struct MinimizeSetup: Sendable, Equatable, Codable {
    /// The function minimised.
    public var objective: Formula
    /// The quantity whose magnitude must fall below the tolerance (the notebook's |g(x)|), or nil for the objective.
    public var residual: Formula?
    /// The variable's name.
    public var variable: String
    /// Starting points.
    public var starts: [Double]
    /// Step sizes.
    public var learningRates: [Double]
    /// Stop once |residual| is below this.
    public var tolerance: Double
    /// Also stop, converged, once |f′(x)| is below this after an update: the rule for minima whose
    /// value is not zero. Nil: the residual rule alone, as the notebook.
    public var gradientTolerance: Double?
    /// Stop after this many updates.
    public var maxIterations: Int
    /// The starts scanned for the basin map.
    public var basinRange: ClosedRange<Double>
    /// How many starts the basin map scans.
    public var basinCount: Int
}

/// The numerical gradient check of every layer and loss (seed 004).
public struct GradientCheckSetup: Sendable, Equatable, Codable {
    /// The central-difference step.
    public var epsilon: Double
    /// The largest deviation that passes.
    public var tolerance: Double
    /// Seeds the random inputs.
    public var seed: UInt32
}

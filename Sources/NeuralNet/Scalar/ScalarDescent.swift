/// Gradient descent on a function of one variable, x ← x − η·f′(x), with f′ exact (dual numbers).
///
/// Seed 001 finds the roots of g(x) = x² − 5x + 4 by minimising f = g² and stops once |g(x)| < 1e-6:
/// that is `objective` f with `residual` g. Without a residual, the objective itself is tested.
/// The test comes after each update, as in the notebook, so even a start on a root takes one step.
public struct ScalarDescent: Sendable {
    /// The function minimised.
    public var objective: Expression
    /// The quantity whose magnitude must fall below `tolerance` to stop; nil means the objective.
    public var residual: Expression?
    /// The step size η.
    public var learningRate: Double
    /// Stop once |residual(x)| is below this.
    public var tolerance: Double
    /// Also stop, converged, once |f′(x)| is below this after an update; nil for the residual rule alone.
    public var gradientTolerance: Double?
    /// Stop after this many updates at the latest.
    public var maxIterations: Int
    /// The variable's name in the formulas.
    public var variable: String

    /// Creates the method.
    public init(objective: Expression, residual: Expression? = nil, learningRate: Double,
                tolerance: Double = 1e-6, gradientTolerance: Double? = nil, maxIterations: Int = 1000, variable: String = "x") {
        self.gradientTolerance = gradientTolerance
        self.objective = objective
        self.residual = residual
        self.learningRate = learningRate
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.variable = variable
    }

    /// Runs from `start` and returns every point visited.
    public func run(from start: Double) -> DescentPath {
        var path = DescentPath(start: start, learningRate: learningRate, points: [start],
                               objectiveValues: [objective.value(at: start, variable: variable)], outcome: .maxIterations)
        var x = start
        for iteration in 1...Swift.max(maxIterations, 1) where maxIterations > 0 {
            let slope = objective.valueAndDerivative(at: x, variable: variable).derivative
            if slope == 0 {
                // f′ = 0 exactly: x can never move again. On a solution that is convergence (a start
                // on a root), as it is when the descent got there on an objective without a residual
                // (it reached a minimum, or a gradient tolerance would have stopped it); elsewhere a
                // stationary point such as the maximum between two roots, where the start stays put.
                let solved = abs((residual ?? objective).value(at: x, variable: variable)) < tolerance
                    || (iteration > 1 && (residual == nil || gradientTolerance != nil))
                path.outcome = solved ? .converged(iterations: iteration - 1) : .stationary(iterations: iteration - 1)
                return path
            }
            x = x - learningRate * slope
            let value = objective.value(at: x, variable: variable)
            path.points.append(x)
            path.objectiveValues.append(value)
            guard x.isFinite, value.isFinite else {
                path.outcome = .diverged(iterations: iteration)
                return path
            }
            if abs((residual ?? objective).value(at: x, variable: variable)) < tolerance
                || gradientTolerance.map({ abs(objective.valueAndDerivative(at: x, variable: variable).derivative) < $0 }) == true {
                path.outcome = .converged(iterations: iteration)
                return path
            }
        }
        return path
    }
}

/// The points a descent visited and how it ended.
public struct DescentPath: Codable, Equatable, Sendable {
    /// Where it started.
    public var start: Double
    /// The step size used.
    public var learningRate: Double
    /// x before the first update and after each update.
    public var points: [Double]
    /// The objective at each point.
    public var objectiveValues: [Double]
    /// How it ended.
    public var outcome: DescentOutcome

    /// The last point reached.
    public var end: Double { points.last ?? start }

    /// A path from `start` with step `learningRate` through `points`.
    public init(start: Double, learningRate: Double, points: [Double], objectiveValues: [Double], outcome: DescentOutcome) {
        self.start = start
        self.learningRate = learningRate
        self.points = points
        self.objectiveValues = objectiveValues
        self.outcome = outcome
    }
}

/// How a descent ended.
public enum DescentOutcome: Codable, Equatable, Sendable {
    /// The residual fell below the tolerance after this many updates.
    case converged(iterations: Int)
    /// The iteration limit was reached first.
    case maxIterations
    /// x or the objective became infinite or NaN at this update.
    case diverged(iterations: Int)
    /// The derivative was exactly zero away from a solution (a stationary point such as x = 2.5 for
    /// seed 001), so x could not move; this many updates had been made.
    case stationary(iterations: Int)

    /// How a descent ended, without the count: what a basin map records per start.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case converged, diverged
        case maxIterations = "max-iterations"
        case stationary
    }

    /// The outcome's kind.
    public var kind: Kind {
        switch self {
        case .converged: .converged
        case .diverged: .diverged
        case .maxIterations: .maxIterations
        case .stationary: .stationary
        }
    }
}

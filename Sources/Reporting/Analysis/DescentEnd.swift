import Experiments
import Foundation
import NeuralNet
import Wording

/// Where a descent ended, apart from why it stopped: a descent on a double well that sits at a
/// minimum whose value is not 0 stops only at the iteration limit under the rule |f| < tol, yet it
/// found that minimum as surely as one the rule stopped. Descents are counted, named and coloured
/// by this; the outcome (`DescentOutcome`) still says which rule stopped them.
enum DescentEnd: Hashable, Comparable {
    /// It settled at this point (rounded to 3 decimals): the rule stopped it there, or the next
    /// update would move it by less than a billionth of its size.
    case reached(Double)
    /// It never moved: the derivative is exactly 0 at its start, away from a solution.
    case stayed(Double)
    /// It was still moving when the iteration limit came.
    case unsettled
    /// x or the objective became infinite or NaN.
    case diverged

    /// A step smaller than this share of |x| (or of 1 near 0) counts as no step: x has settled.
    static let settledStep = 1e-9

    /// Where the descent from a start with `outcome` and `end` ended, for `setup`'s objective at `learningRate`.
    init(end: Double, outcome: DescentOutcome.Kind, setup: MinimizeSetup, learningRate: Double) {
        switch outcome {
        case .diverged: self = .diverged
        case .stationary: self = .stayed(MinimizeAnalysis.rounded(end))
        case .converged: self = .reached(MinimizeAnalysis.rounded(end))
        case .maxIterations:
            let slope = setup.objective.valueAndDerivative(at: end).derivative
            let step = abs(learningRate * slope)
            self = end.isFinite && step <= Self.settledStep * max(1, abs(end)) ? .reached(MinimizeAnalysis.rounded(end)) : .unsettled
        }
    }

    /// Where `path` ended.
    init(_ path: DescentPath, setup: MinimizeSetup) {
        self.init(end: path.end, outcome: path.outcome.kind, setup: setup, learningRate: path.learningRate)
    }

    /// What it did, as a verb phrase for one start ("reaches 1.347") or for several ("reach 1.347").
    func phrase(plural: Bool) -> String {
        switch self {
        case .reached(let point): (plural ? "reach " : "reaches ") + point.shortText
        case .stayed: plural ? "stay put (f′ = 0)" : "stays put (f′ = 0)"
        case .unsettled: plural ? "have not settled at the iteration limit" : "has not settled at the iteration limit"
        case .diverged: plural ? "diverge" : "diverges"
        }
    }

    /// Reached points first, in order, then the others in a fixed order.
    static func < (left: DescentEnd, right: DescentEnd) -> Bool {
        func rank(_ end: DescentEnd) -> (Int, Double) {
            switch end {
            case .reached(let point): (0, point)
            case .stayed(let point): (1, point)
            case .unsettled: (2, 0)
            case .diverged: (3, 0)
            }
        }
        return rank(left) < rank(right)
    }
}

import Configuration
import Foundation

/// Adamax, as `torch.optim.Adamax`: Adam with the infinity norm in place of the second moment.
///
///     g ← ∇ + λ·w
///     m ← m + (1 − β₁)(g − m);   u ← max(β₂·u, |g| + ε)
///     w ← w − (η / (1 − β₁ᵗ)) · m / u
public final class Adamax: Optimizer {
    /// The step size η.
    public var learningRate: Double
    /// The decay of the first moment β₁.
    public let beta1: Double
    /// The decay of the infinity norm β₂.
    public let beta2: Double
    /// Added to |g| before the maximum.
    public let epsilon: Double
    /// The L2 penalty λ added to the gradient.
    public let weightDecay: Double
    /// Per parameter: first moment, infinity norm, scratch for the decayed gradient.
    private let slots = OptimizerSlots(slotsPerParameter: 3)
    private var steps = 0

    /// Creates the optimizer; the defaults are PyTorch's.
    public init(learningRate: Double = 0.002, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public var name: String { "Adamax(lr \(learningRate))" }

    public func step(_ parameters: [Parameter]) {
        steps += 1
        slots.prepare(for: parameters)
        let stepSize = learningRate / (1 - pow(beta1, Double(steps)))
        let (b1, b2, eps, lambda) = (beta1, beta2, epsilon, weightDecay)
        for (index, parameter) in parameters.enumerated() {
            let (m, u, scratch) = (slots.buffer(0, of: index), slots.buffer(1, of: index), slots.buffer(2, of: index))
            parameter.update { w, raw, count in
                let g = decayedGradient(raw, weights: w, count: count, weightDecay: lambda, scratch: scratch)
                for i in 0..<count {
                    m[i] = m[i] + (1 - b1) * (g[i] - m[i])
                    // PyTorch's torch.maximum, which propagates NaN.
                    let decayed = u[i] * b2, magnitude = abs(g[i]) + eps
                    u[i] = decayed.isNaN || magnitude.isNaN ? .nan : Swift.max(decayed, magnitude)
                    w[i] = w[i] + -stepSize * (m[i] / u[i])
                }
            }
        }
    }
}

extension Adamax: ConfigurableOptimizer {
    public static let name = "adamax"
    public static let title = "Adamax"
    public static let summary = "Adam with the infinity norm of past gradients in place of the second moment (torch.optim.Adamax)"
    public static func stateCopies(_ settings: Settings<Keys>) -> Int { 3 }

    public struct Keys: SettingDeclarations {
        let betas = OptimizerSettings.betas
        let epsilon = OptimizerSettings.epsilon(default: 1e-8)
        let weightDecay = OptimizerSettings.weightDecay()
        public init() {}
    }

    public static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer {
        let betas = settings.betas
        return Adamax(learningRate: learningRate, beta1: betas[0], beta2: betas[1], epsilon: settings.epsilon, weightDecay: settings.weightDecay)
    }
}

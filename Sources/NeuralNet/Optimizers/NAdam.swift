import Configuration
import Foundation

/// NAdam, as `torch.optim.NAdam`: Adam with Nesterov momentum, whose momentum factor warms up
/// with the step count t:
///
///     g ← ∇ + λ·w  (or, decoupled: w ← w·(1 − η·λ))
///     μ_t ← β₁·(1 − ½·0.96^(t·ψ));   Π ← Π·μ_t
///     m ← m + (1 − β₁)(g − m);   v ← β₂·v + (1 − β₂)·g²;   d ← √(v / (1 − β₂ᵗ)) + ε
///     w ← w − η(1 − μ_t)/(1 − Π) · g/d − η·μ_{t+1}/(1 − Π·μ_{t+1}) · m/d
public final class NAdam: Optimizer {
    /// The step size η.
    public var learningRate: Double
    /// The decay of the first moment β₁.
    public let beta1: Double
    /// The decay of the second moment β₂.
    public let beta2: Double
    /// Added to the denominator.
    public let epsilon: Double
    /// The weight decay λ.
    public let weightDecay: Double
    /// The momentum decay ψ.
    public let momentumDecay: Double
    /// Whether weight decay shrinks the weights directly instead of adding λ·w to the gradient.
    public let decoupledWeightDecay: Bool
    /// Per parameter: first moment, second moment, scratch for the decayed gradient.
    private let slots = OptimizerSlots(slotsPerParameter: 3)
    private var steps = 0
    /// The product of the momentum factors μ₁ … μ_t.
    private var momentumProduct = 1.0

    /// Creates the optimizer; the defaults are PyTorch's.
    public init(learningRate: Double = 0.002, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                weightDecay: Double = 0, momentumDecay: Double = 0.004, decoupledWeightDecay: Bool = false) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    public var name: String { "NAdam(lr \(learningRate))" }

    public func step(_ parameters: [Parameter]) {
        steps += 1
        slots.prepare(for: parameters)
        let t = Double(steps)
        let correction2 = 1 - pow(beta2, t)
        let momentum = beta1 * (1 - 0.5 * pow(0.96, t * momentumDecay))
        let nextMomentum = beta1 * (1 - 0.5 * pow(0.96, (t + 1) * momentumDecay))
        momentumProduct *= momentum
        let gradientStep = -learningRate * (1 - momentum) / (1 - momentumProduct)
        let momentumStep = (-learningRate * nextMomentum) / (1 - momentumProduct * nextMomentum)
        let (lr, b1, b2, eps, lambda, decoupled) = (learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay)
        for (index, parameter) in parameters.enumerated() {
            let (m, v, scratch) = (slots.buffer(0, of: index), slots.buffer(1, of: index), slots.buffer(2, of: index))
            parameter.update { w, raw, count in
                if decoupled && lambda != 0 {
                    for i in 0..<count { w[i] = w[i] * (1 - lr * lambda) }
                }
                let g = decayedGradient(raw, weights: w, count: count, weightDecay: decoupled ? 0 : lambda, scratch: scratch)
                for i in 0..<count {
                    m[i] = m[i] + (1 - b1) * (g[i] - m[i])
                    v[i] = v[i] * b2 + (1 - b2) * (g[i] * g[i])
                    let denominator = (v[i] / correction2).squareRoot() + eps
                    w[i] = w[i] + gradientStep * (g[i] / denominator)
                    w[i] = w[i] + momentumStep * (m[i] / denominator)
                }
            }
        }
    }
}

extension NAdam: ConfigurableOptimizer {
    public static let name = "nadam"
    public static let title = "NAdam"
    public static let summary = "Adam with Nesterov momentum (torch.optim.NAdam)"
    public static func stateCopies(_ settings: Settings<Keys>) -> Int { 3 }

    public struct Keys: SettingDeclarations {
        let betas = OptimizerSettings.betas
        let epsilon = OptimizerSettings.epsilon(default: 1e-8)
        let weightDecay = OptimizerSettings.weightDecay()
        let momentumDecay: SettingKey<Double> = .number("momentum_decay", NumberBounds(minimum: 0, maximum: 1e6), default: 0.004,
                                                        label: "momentum decay", "ψ in the momentum schedule μ_t = β₁·(1 − ½·0.96^(t·ψ))")
        let decoupledWeightDecay: SettingKey<Bool> = .flag("decoupled_weight_decay", default: false, label: "decoupled weight decay",
                                                           "apply weight decay to the weights directly, as AdamW does")
        public init() {}
    }

    public static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer {
        let betas = settings.betas
        return NAdam(learningRate: learningRate, beta1: betas[0], beta2: betas[1], epsilon: settings.epsilon,
                     weightDecay: settings.weightDecay, momentumDecay: settings.momentumDecay,
                     decoupledWeightDecay: settings.decoupledWeightDecay)
    }
}

import Configuration
import Foundation

/// Adam, as `torch.optim.Adam` (and AdamW with `decoupledWeightDecay`):
///
///     g ← ∇ + λ·w  (or, decoupled: w ← w·(1 − η·λ))
///     m ← m + (1 − β₁)(g − m);   v ← β₂·v + (1 − β₂)·g²
///     w ← w − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// With `amsgrad`, the running maximum of v is used in the denominator.
public final class Adam: Optimizer {
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
    /// Whether weight decay shrinks the weights directly (AdamW) instead of adding λ·w to the gradient.
    public let decoupledWeightDecay: Bool
    /// Whether to use the running maximum of the second moment.
    public let amsgrad: Bool
    /// Per parameter: first moment, second moment, its running maximum, scratch for the decayed gradient.
    private let slots = OptimizerSlots(slotsPerParameter: 4)
    private var steps = 0

    /// Creates the optimizer; the defaults are PyTorch's.
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                weightDecay: Double = 0, decoupledWeightDecay: Bool = false, amsgrad: Bool = false) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.amsgrad = amsgrad
    }

    public var name: String { "\(decoupledWeightDecay ? "AdamW" : "Adam")(lr \(learningRate))" }

    public func step(_ parameters: [Parameter]) {
        steps += 1
        slots.prepare(for: parameters)
        let t = Double(steps)
        let stepSize = learningRate / (1 - pow(beta1, t))
        let correction2Root = (1 - pow(beta2, t)).squareRoot()
        let (lr, b1, b2, eps, lambda) = (learningRate, beta1, beta2, epsilon, weightDecay)
        for (index, parameter) in parameters.enumerated() {
            let m = slots.buffer(0, of: index)
            let v = slots.buffer(1, of: index)
            let vMax = slots.buffer(2, of: index)
            let scratch = slots.buffer(3, of: index)
            parameter.update { w, raw, count in
                if decoupledWeightDecay && lambda != 0 {
                    for i in 0..<count { w[i] = w[i] * (1 - lr * lambda) }
                }
                let decayed = decayedGradient(raw, weights: w, count: count,
                                              weightDecay: decoupledWeightDecay ? 0 : lambda, scratch: scratch)
                for i in 0..<count {
                    let g = decayed[i]
                    m[i] = m[i] + (1 - b1) * (g - m[i])
                    v[i] = v[i] * b2 + (1 - b2) * (g * g)
                    var second = v[i]
                    if amsgrad {
                        vMax[i] = Swift.max(vMax[i], v[i])
                        second = vMax[i]
                    }
                    let denominator = second.squareRoot() / correction2Root + eps
                    w[i] = w[i] + -stepSize * (m[i] / denominator)
                }
            }
        }
    }
}

extension Adam: ConfigurableOptimizer {
    public static let name = "adam"
    public static let title = "Adam"
    public static let summary = "running averages of the gradient and its square, bias-corrected (torch.optim.Adam)"
    public static func stateCopies(_ settings: Settings<Keys>) -> Int { 4 }

    public struct Keys: SettingDeclarations, AdamSettings {
        let betas = OptimizerSettings.betas
        let epsilon = OptimizerSettings.epsilon(default: 1e-8)
        let weightDecay = OptimizerSettings.weightDecay()
        let amsgrad: SettingKey<Bool> = .flag("amsgrad", default: false, label: "AMSGrad", "divide by the running maximum of the second moment")
        public init() {}
    }

    public static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer {
        make(learningRate: learningRate, settings: settings, decoupled: false)
    }

    /// Adam, or AdamW when `decoupled`.
    static func make<Keys: AdamSettings>(learningRate: Double, settings: Settings<Keys>, decoupled: Bool) -> any Optimizer {
        let betas = settings.betas
        return Adam(learningRate: learningRate, beta1: betas[0], beta2: betas[1], epsilon: settings.epsilon,
                    weightDecay: settings.weightDecay, decoupledWeightDecay: decoupled, amsgrad: settings.amsgrad)
    }
}

/// The settings Adam and AdamW share (their weight decay's default and meaning differ).
protocol AdamSettings: SettingDeclarations {
    var betas: SettingKey<[Double]> { get }
    var epsilon: SettingKey<Double> { get }
    var weightDecay: SettingKey<Double> { get }
    var amsgrad: SettingKey<Bool> { get }
}

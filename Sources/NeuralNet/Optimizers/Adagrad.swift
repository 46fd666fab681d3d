import Configuration

/// Adagrad, as `torch.optim.Adagrad`: each weight's step shrinks with the root of the sum of its
/// squared gradients, and the learning rate decays with the step count t:
///
///     g ← ∇ + λ·w;   η_t ← η / (1 + (t − 1)·decay);   s ← s + g²;   w ← w − η_t · g / (√s + ε)
///
/// ε is added outside the square root (PyTorch's and seed 001's choice); s starts at `initialAccumulator`.
public final class Adagrad: Optimizer {
    /// The base step size η.
    public var learningRate: Double
    /// The learning-rate decay per step.
    public let learningRateDecay: Double
    /// The L2 penalty λ added to the gradient.
    public let weightDecay: Double
    /// The starting value of every sum of squares.
    public let initialAccumulator: Double
    /// Added to the root of the sum, outside the square root.
    public let epsilon: Double
    /// Per parameter: the sum of squares, and scratch for the weight-decayed gradient.
    private let slots = OptimizerSlots(slotsPerParameter: 2)
    private var steps = 0

    /// Creates the optimizer; the defaults are PyTorch's.
    public init(learningRate: Double = 0.01, learningRateDecay: Double = 0, weightDecay: Double = 0,
                initialAccumulator: Double = 0, epsilon: Double = 1e-10) {
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.weightDecay = weightDecay
        self.initialAccumulator = initialAccumulator
        self.epsilon = epsilon
    }

    public var name: String { "Adagrad(lr \(learningRate))" }

    public func step(_ parameters: [Parameter]) {
        steps += 1
        slots.prepare(for: parameters, initialValue: initialAccumulator)
        let rate = learningRate / (1 + Double(steps - 1) * learningRateDecay)
        let (lambda, eps) = (weightDecay, epsilon)
        for (index, parameter) in parameters.enumerated() {
            let (sum, scratch) = (slots.buffer(0, of: index), slots.buffer(1, of: index))
            parameter.update { w, raw, count in
                let g = decayedGradient(raw, weights: w, count: count, weightDecay: lambda, scratch: scratch)
                for i in 0..<count {
                    sum[i] = sum[i] + g[i] * g[i]
                    w[i] = w[i] + -rate * (g[i] / (sum[i].squareRoot() + eps))
                }
            }
        }
    }
}

extension Adagrad: ConfigurableOptimizer {
    public static let name = "adagrad"
    public static let title = "Adagrad"
    public static let summary = "steps scaled by the root of each weight's sum of squared gradients (torch.optim.Adagrad)"
    public static func stateCopies(_ settings: Settings<Keys>) -> Int { 2 }

    public struct Keys: SettingDeclarations {
        let learningRateDecay: SettingKey<Double> = .number("lr_decay", NumberBounds(minimum: 0, maximum: 1e6), default: 0, label: "lr decay",
                                                            "the rate is η / (1 + (t − 1)·decay) at step t")
        let weightDecay = OptimizerSettings.weightDecay()
        let initialAccumulator: SettingKey<Double> = .number("initial_accumulator_value", NumberBounds(minimum: 0, maximum: 1e6), default: 0,
                                                             label: "initial accumulator", "the starting value of every sum of squares")
        let epsilon = OptimizerSettings.epsilon(default: 1e-10)
        public init() {}
    }

    public static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer {
        Adagrad(learningRate: learningRate, learningRateDecay: settings.learningRateDecay, weightDecay: settings.weightDecay,
                initialAccumulator: settings.initialAccumulator, epsilon: settings.epsilon)
    }
}

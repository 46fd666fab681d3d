import Configuration

/// RMSprop, as `torch.optim.RMSprop`: the step is scaled by a running root-mean-square of gradients.
///
///     g ← ∇ + λ·w;   a ← α·a + (1 − α)·g²
///     centered: m ← m + (1 − α)(g − m);  d ← √(a − m²) + ε;   otherwise d ← √a + ε
///     with momentum μ: b ← μ·b + g/d;  w ← w − η·b;   otherwise w ← w − η·g/d
public final class RMSprop: Optimizer {
    /// The step size η.
    public var learningRate: Double
    /// The smoothing constant α.
    public let alpha: Double
    /// Added to the root mean square.
    public let epsilon: Double
    /// The L2 penalty λ added to the gradient.
    public let weightDecay: Double
    /// The momentum factor μ; 0 disables momentum.
    public let momentum: Double
    /// Whether to normalise by the variance (subtracting the mean gradient) instead of the raw mean square.
    public let centered: Bool
    /// Per parameter: mean square, mean gradient, momentum buffer, scratch for the decayed gradient.
    private let slots = OptimizerSlots(slotsPerParameter: 4)

    /// Creates the optimizer; the defaults are PyTorch's.
    public init(learningRate: Double = 0.01, alpha: Double = 0.99, epsilon: Double = 1e-8,
                weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false) {
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    public var name: String { "RMSprop(lr \(learningRate)\(momentum != 0 ? ", momentum \(momentum)" : "")\(centered ? ", centered" : ""))" }

    public func step(_ parameters: [Parameter]) {
        slots.prepare(for: parameters)
        let (lr, a, eps, lambda, mu) = (learningRate, alpha, epsilon, weightDecay, momentum)
        for (index, parameter) in parameters.enumerated() {
            let squareAverage = slots.buffer(0, of: index)
            let gradientAverage = slots.buffer(1, of: index)
            let buffer = slots.buffer(2, of: index)
            let scratch = slots.buffer(3, of: index)
            parameter.update { w, raw, count in
                let decayed = decayedGradient(raw, weights: w, count: count, weightDecay: lambda, scratch: scratch)
                for i in 0..<count {
                    let g = decayed[i]
                    squareAverage[i] = squareAverage[i] * a + (1 - a) * (g * g)
                    var denominator: Double
                    if centered {
                        gradientAverage[i] = gradientAverage[i] + (1 - a) * (g - gradientAverage[i])
                        denominator = (squareAverage[i] - gradientAverage[i] * gradientAverage[i]).squareRoot()
                    } else {
                        denominator = squareAverage[i].squareRoot()
                    }
                    denominator += eps
                    if mu > 0 {
                        buffer[i] = buffer[i] * mu + g / denominator
                        w[i] = w[i] + -lr * buffer[i]
                    } else {
                        w[i] = w[i] + -lr * (g / denominator)
                    }
                }
            }
        }
    }
}

extension RMSprop: ConfigurableOptimizer {
    public static let name = "rmsprop"
    public static let title = "RMSprop"
    public static let summary = "steps scaled by a running root mean square of the gradients (torch.optim.RMSprop)"
    public static func stateCopies(_ settings: Settings<Keys>) -> Int { 4 }

    public struct Keys: SettingDeclarations {
        let alpha: SettingKey<Double> = .number("alpha", .fraction, default: 0.99, label: "α", "smoothing constant α of the mean square")
        let epsilon = OptimizerSettings.epsilon(default: 1e-8)
        let weightDecay = OptimizerSettings.weightDecay()
        let momentum: SettingKey<Double> = .number("momentum", .fraction, default: 0, label: "momentum", "momentum factor μ; 0 for none")
        let centered: SettingKey<Bool> = .flag("centered", default: false, label: "centred",
                                               "normalise by the variance of the gradient, not its mean square")
        public init() {}
    }

    public static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer {
        RMSprop(learningRate: learningRate, alpha: settings.alpha, epsilon: settings.epsilon,
                weightDecay: settings.weightDecay, momentum: settings.momentum, centered: settings.centered)
    }
}

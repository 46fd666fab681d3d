import NeuralNet

/// An optimizer and its settings, with PyTorch's names and defaults.
public struct OptimizerSetup: Sendable, Equatable, Codable {
    /// The algorithms a file may name.
    public enum Algorithm: String, Sendable, Equatable, Codable, CaseIterable {
        case sgd, adagrad, rmsprop, adam, adamw
    }

    /// Which algorithm.
    public var algorithm: Algorithm
    /// The step size.
    public var learningRate: Double
    /// SGD's and RMSprop's momentum.
    public var momentum: Double = 0
    /// SGD's dampening of the momentum buffer.
    public var dampening: Double = 0
    /// SGD's Nesterov variant.
    public var nesterov = false
    /// SGD in seed 001's form v = m·v − lr·g; w += v (the same path as PyTorch's for a constant rate).
    public var velocityForm = false
    /// L2 penalty added to the gradient (decoupled for AdamW).
    public var weightDecay: Double = 0
    /// Adagrad's learning-rate decay.
    public var learningRateDecay: Double = 0
    /// Adagrad's starting accumulator.
    public var initialAccumulator: Double = 0
    /// Added to the denominator (Adagrad 1e-10, the others 1e-8).
    public var epsilon: Double
    /// RMSprop's smoothing constant.
    public var alpha: Double = 0.99
    /// RMSprop's centred variant.
    public var centered = false
    /// Adam's β₁ and β₂.
    public var betas: [Double] = [0.9, 0.999]
    /// Adam's AMSGrad variant.
    public var amsgrad = false

    /// The keys each algorithm accepts besides `name` and `lr`.
    static let options: [Algorithm: [String]] = [
        .sgd: ["momentum", "dampening", "nesterov", "weight_decay", "velocity_form"],
        .adagrad: ["lr_decay", "weight_decay", "initial_accumulator", "eps"],
        .rmsprop: ["alpha", "eps", "weight_decay", "momentum", "centered"],
        .adam: ["betas", "eps", "weight_decay", "amsgrad"],
        .adamw: ["betas", "eps", "weight_decay", "amsgrad"],
    ]

    /// How many numbers of state the optimizer keeps per parameter (momentum, running averages,
    /// scratch), for the memory estimate.
    public var stateCopies: Int {
        switch algorithm {
        case .sgd, .adagrad: 2
        case .rmsprop, .adam, .adamw: 4
        }
    }

    /// The optimizer object (stateful, one per run).
    public func makeOptimizer() -> any Optimizer {
        switch algorithm {
        case .sgd:
            SGD(learningRate: learningRate, momentum: momentum, dampening: dampening, nesterov: nesterov,
                weightDecay: weightDecay, velocityForm: velocityForm)
        case .adagrad:
            Adagrad(learningRate: learningRate, learningRateDecay: learningRateDecay, weightDecay: weightDecay,
                    initialAccumulator: initialAccumulator, epsilon: epsilon)
        case .rmsprop:
            RMSprop(learningRate: learningRate, alpha: alpha, epsilon: epsilon, weightDecay: weightDecay,
                    momentum: momentum, centered: centered)
        case .adam, .adamw:
            Adam(learningRate: learningRate, beta1: betas[0], beta2: betas[1], epsilon: epsilon,
                 weightDecay: weightDecay, decoupledWeightDecay: algorithm == .adamw, amsgrad: amsgrad)
        }
    }

    /// "SGD, lr 0.1, momentum 0.9" for tables.
    public var summary: String {
        var parts = [algorithm == .sgd ? "SGD" : algorithm == .rmsprop ? "RMSprop" : algorithm == .adagrad ? "Adagrad" : algorithm == .adam ? "Adam" : "AdamW",
                     "lr \(learningRate.shortText)"]
        if momentum != 0 { parts.append("momentum \(momentum.shortText)") }
        if nesterov { parts.append("Nesterov") }
        if velocityForm { parts.append("velocity form") }
        if weightDecay != 0 { parts.append("weight decay \(weightDecay.shortText)") }
        if centered { parts.append("centred") }
        if amsgrad { parts.append("AMSGrad") }
        return parts.joined(separator: ", ")
    }
}

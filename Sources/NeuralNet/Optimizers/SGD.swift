import Configuration
import CVectorMath

/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
/// decay, exactly as `torch.optim.SGD`:
///
///     g ← ∇ + λ·w
///     b ← g on the first step, else μ·b + (1 − τ)·g
///     g ← g + μ·b (Nesterov) or b
///     w ← w − η·g
///
/// `velocityForm` instead uses the textbook form of seed 001, v ← μ·v − η·g; w ← w + v. With a
/// constant learning rate and no dampening the two are the same method (v = −η·b after every step),
/// and agree to rounding; they differ only when η changes during training.
public final class SGD: Optimizer {
    /// The step size η.
    public var learningRate: Double
    /// The momentum factor μ; 0 disables momentum.
    public let momentum: Double
    /// The dampening τ applied to new gradients in the momentum buffer.
    public let dampening: Double
    /// Whether to use Nesterov momentum.
    public let nesterov: Bool
    /// The L2 penalty λ added to the gradient.
    public let weightDecay: Double
    /// Whether to use the v ← μ·v − η·g; w ← w + v form.
    public let velocityForm: Bool
    /// Per parameter: the momentum buffer (with a momentum), and scratch for the weight-decayed
    /// gradient (with weight decay); plain SGD keeps nothing.
    private let slots: OptimizerSlots
    /// Steps taken so far; the first one starts the momentum buffer from the gradient.
    var steps = 0

    /// Creates the optimizer; the defaults are PyTorch's.
    public init(learningRate: Double, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false,
                weightDecay: Double = 0, velocityForm: Bool = false) {
        precondition(!nesterov || (momentum > 0 && dampening == 0), "Nesterov momentum requires a momentum and zero dampening")
        precondition(!(velocityForm && nesterov), "The velocity form has no Nesterov variant")
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        self.velocityForm = velocityForm
        slots = OptimizerSlots(slotsPerParameter: SGD.buffers(momentum: momentum, weightDecay: weightDecay))
    }

    /// How many buffers per parameter SGD keeps: the momentum buffer when μ ≠ 0 (the update loops
    /// read it only then) and the decayed-gradient scratch when λ ≠ 0.
    static func buffers(momentum: Double, weightDecay: Double) -> Int { (momentum != 0 ? 1 : 0) + (weightDecay != 0 ? 1 : 0) }

    public var name: String {
        var parts = ["lr \(learningRate)"]
        if momentum != 0 { parts.append("momentum \(momentum)\(nesterov ? ", Nesterov" : "")") }
        if dampening != 0 { parts.append("dampening \(dampening)") }
        if weightDecay != 0 { parts.append("weight decay \(weightDecay)") }
        return "SGD(" + parts.joined(separator: ", ") + ")"
    }

    /// The settings as the C kernels take them.
    var settings: vm_sgd_settings {
        vm_sgd_settings(learningRate: learningRate, momentum: momentum, dampening: dampening, weightDecay: weightDecay,
                        nesterov: nesterov ? 1 : 0, velocityForm: velocityForm ? 1 : 0)
    }

    public func step(_ parameters: [Parameter]) {
        var settings = settings
        let first: Int32 = steps == 0 ? 1 : 0
        steps += 1
        for (index, parameter) in parameters.enumerated() {
            let (b, scratch) = state(of: index, among: parameters)
            parameter.update { w, g, count in vm_sgd_step(w, b, g, scratch, count, &settings, first) }
        }
    }

    /// The momentum buffer and the weight-decay scratch of the parameter at `index` (allocated on
    /// first use, then stable): what the one-sample training kernel updates in place of `step`.
    func state(of index: Int, among parameters: [Parameter]) -> (momentum: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
        slots.prepare(for: parameters)
        let momentumBuffer = momentum != 0 ? slots.buffer(0, of: index) : OptimizerSlots.unused
        let scratch = weightDecay != 0 ? slots.buffer(momentum != 0 ? 1 : 0, of: index) : OptimizerSlots.unused
        return (momentumBuffer, scratch)
    }
}

extension SGD: ConfigurableOptimizer {
    public static let name = "sgd"
    public static let title = "SGD"
    public static let summary = "stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay (torch.optim.SGD)"
    public static func stateCopies(_ settings: Settings<Keys>) -> Int {
        buffers(momentum: settings.momentum, weightDecay: settings.weightDecay)
    }

    public struct Keys: SettingDeclarations {
        let momentum: SettingKey<Double> = .number("momentum", .fraction, default: 0, label: "momentum", "momentum factor μ; 0 for none")
        let dampening: SettingKey<Double> = .number("dampening", .fraction, default: 0, label: "dampening",
                                                    "dampening τ of new gradients in the momentum buffer")
        let nesterov: SettingKey<Bool> = .flag("nesterov", default: false, label: "Nesterov", "Nesterov momentum (needs a momentum and no dampening)")
        let velocityForm: SettingKey<Bool> = .flag("velocity_form", default: false, label: "velocity form",
                                                   "seed 001's form v ← μ·v − η·g; w ← w + v (the same path for a constant rate)")
        let weightDecay = OptimizerSettings.weightDecay()
        public init() {}
    }

    public static func check(_ settings: Settings<Keys>) -> SettingError? {
        if settings.nesterov && (settings.momentum == 0 || settings.dampening != 0) {
            return settings.error(\.nesterov, "Nesterov momentum needs a momentum above 0 and no dampening")
        }
        if settings.nesterov && settings.velocityForm {
            return settings.error(\.velocityForm, "the velocity form has no Nesterov variant")
        }
        return nil
    }

    public static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer {
        SGD(learningRate: learningRate, momentum: settings.momentum, dampening: settings.dampening,
            nesterov: settings.nesterov, weightDecay: settings.weightDecay, velocityForm: settings.velocityForm)
    }
}

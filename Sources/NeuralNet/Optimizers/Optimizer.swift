import Configuration
import CVectorMath

/// Updates parameters from their gradients.
///
/// The update rules follow PyTorch's `torch.optim` operation by operation (same defaults, same
/// order of floating-point operations), so a trajectory here and there agree to rounding.
public protocol Optimizer: AnyObject {
    /// A short description for tables, e.g. `SGD(lr 0.1, momentum 0.9)`.
    var name: String { get }
    /// Applies one update to `parameters`, using their current gradients. Pass the same parameters
    /// in the same order at every step: the optimizer's running state is kept by position.
    func step(_ parameters: [Parameter])
}

/// An optimizer an experiment file can name: the settings it takes besides the learning rate
/// (with PyTorch's names and defaults) and how to make one from them.
public protocol ConfigurableOptimizer: Configurable {
    /// How tables name it ("SGD", "Adam").
    static var title: String { get }
    /// How many numbers of state it keeps per parameter with `settings`, for memory estimates.
    static func stateCopies(_ settings: Settings<Keys>) -> Int
    /// Why settings that depend on each other do not fit, or nil when they do.
    static func check(_ settings: Settings<Keys>) -> SettingError?
    /// The optimizer with step size `learningRate` and `settings` (which `check` accepted).
    static func make(learningRate: Double, settings: Settings<Keys>) -> any Optimizer
}

extension ConfigurableOptimizer {
    public static func check(_ settings: Settings<Keys>) -> SettingError? { nil }

    /// `check` of values made by `settings(_:)`.
    public static func check(values: SettingValues) -> SettingError? { check(checked(values)) }

    /// `stateCopies` of values made by `settings(_:)`.
    public static func stateCopies(values: SettingValues) -> Int { stateCopies(checked(values)) }

    /// `make` from values made by `settings(_:)`.
    public static func make(learningRate: Double, values: SettingValues) -> any Optimizer {
        make(learningRate: learningRate, settings: checked(values))
    }
}

/// Settings several optimizers share, declared once.
public enum OptimizerSettings {
    /// L2 weight decay λ, PyTorch's `weight_decay`.
    public static func weightDecay(default value: Double = 0) -> SettingKey<Double> {
        .number("weight_decay", NumberBounds(minimum: 0, maximum: 1e6), default: value, label: "weight decay",
                "L2 penalty λ: λ·w is added to the gradient")
    }
    /// ε added to a denominator.
    public static func epsilon(default value: Double) -> SettingKey<Double> {
        .number("eps", .positive, default: value, "added to the denominator for numerical stability")
    }
    /// Adam's (β₁, β₂).
    public static let betas: SettingKey<[Double]> = .numbers("betas", .decay, count: 2, default: [0.9, 0.999],
                                                             "decay rates (β₁, β₂) of the running averages of the gradient and its square")
}

/// Per-element running statistics an optimizer keeps for each parameter (a momentum buffer, a sum
/// of squared gradients). Allocated on the first step, then reused without allocating.
final class OptimizerSlots {
    private let slotsPerParameter: Int
    private var storage: [UnsafeMutableBufferPointer<Double>] = []

    init(slotsPerParameter: Int) {
        self.slotsPerParameter = slotsPerParameter
    }

    /// Allocates the slots on first use, each element set to `initialValue`.
    func prepare(for parameters: [Parameter], initialValue: Double = 0) {
        if !storage.isEmpty {
            precondition(storage.count == parameters.count * slotsPerParameter,
                         "An optimizer was given \(parameters.count) parameters after \(storage.count / slotsPerParameter)")
            return
        }
        for parameter in parameters {
            for _ in 0..<slotsPerParameter {
                storage.append(.allocateOnCacheLine(count: parameter.value.count, repeating: initialValue))
            }
        }
    }

    /// Slot `slot` of the parameter at position `parameter`.
    func buffer(_ slot: Int, of parameter: Int) -> UnsafeMutablePointer<Double> {
        storage[parameter * slotsPerParameter + slot].baseAddress!
    }

    /// Stands for a buffer an optimizer does not keep with its settings (SGD's momentum buffer
    /// without a momentum), where a kernel takes a pointer it will not read or write.
    nonisolated(unsafe) static let unused = UnsafeMutablePointer<Double>.allocate(capacity: 1)

    deinit {
        for buffer in storage { buffer.deallocate() }
    }
}

/// The gradient an update uses: ∇ itself, or ∇ + λ·w (L2 weight decay) written into `scratch`.
/// Computing it once, before the update loops, keeps those loops free of a per-element branch.
@inline(__always)
func decayedGradient(
    _ gradient: UnsafePointer<Double>, weights: UnsafePointer<Double>, count: Int,
    weightDecay: Double, scratch: UnsafeMutablePointer<Double>
) -> UnsafePointer<Double> {
    guard weightDecay != 0 else { return gradient }
    vm_add_weight_decay(gradient, weights, count, weightDecay, scratch)
    return UnsafePointer(scratch)
}

extension Parameter {
    /// Calls `body` with the value (writable), the gradient and the element count.
    @inline(__always)
    func update(_ body: (UnsafeMutablePointer<Double>, UnsafePointer<Double>, Int) -> Void) {
        precondition(gradient.count == value.count,
                     "Parameter \(name): gradient \(gradient.shapeDescription) for value \(value.shapeDescription)")
        gradient.withUnsafeBufferPointer { gradient in
            value.withUnsafeMutableBufferPointer { value in
                guard let valuePointer = value.baseAddress, let gradientPointer = gradient.baseAddress else { return }
                body(valuePointer, gradientPointer, value.count)
            }
        }
    }
}

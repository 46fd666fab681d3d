import Configuration
import CVectorMath
import Foundation
import Wording

/// An activation applied to each element on its own, so its Jacobian is diagonal:
/// ∂L/∂x = ∂L/∂y ⊙ f′(x). Conforming types give `f` and `f′`; the loops are shared. The formulas
/// live in `CVectorMath.h`, where the one-sample training kernel uses them too.
public protocol ElementwiseActivation: Layer {
    /// f(x).
    func activate(_ x: Double) -> Double
    /// f′(x), given both the input and the output (whichever is cheaper to use).
    func derivative(input: Double, output: Double) -> Double
    /// f(x) in single precision; by default the double-precision value, rounded.
    func activate(_ x: Float) -> Float
    /// f′(x) in single precision; by default the double-precision value, rounded.
    func derivative(input: Float, output: Float) -> Float
}

extension ElementwiseActivation {
    public var parameters: [Parameter] { [] }

    public func outputWidth(forInputWidth width: Int) -> Int? { width }

    public func forward(_ input: Matrix, into output: inout Matrix) {
        output.resize(rows: input.rows, columns: input.columns)
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                guard let source = input.baseAddress, let target = output.baseAddress else { return }
                for index in 0..<input.count { target[index] = activate(source[index]) }
            }
        }
    }

    public func backward(
        input: Matrix, output: Matrix, outputGradient: Matrix,
        inputGradient: inout Matrix, computeInputGradient: Bool
    ) {
        withBackwardBuffers(input: input, output: output, outputGradient: outputGradient,
                            inputGradient: &inputGradient, computeInputGradient: computeInputGradient) { x, y, g, result in
            for index in 0..<result.count {
                result[index] = g[index] * derivative(input: x[index], output: y[index])
            }
        }
    }

    @inline(__always) public func activate(_ x: Float) -> Float { Float(activate(Double(x))) }

    @inline(__always) public func derivative(input: Float, output: Float) -> Float {
        Float(derivative(input: Double(input), output: Double(output)))
    }

    public func forward(_ input: SingleMatrix, into output: inout SingleMatrix) {
        output.resize(rows: input.rows, columns: input.columns)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for index in 0..<source.count { target[index] = activate(source[index]) }
            }
        }
    }

    public func backward(
        input: SingleMatrix, output: SingleMatrix, outputGradient: SingleMatrix,
        inputGradient: inout SingleMatrix, computeInputGradient: Bool
    ) {
        guard computeInputGradient else { return }
        inputGradient.resize(rows: output.rows, columns: output.columns)
        input.withUnsafeBufferPointer { x in
            output.withUnsafeBufferPointer { y in
                outputGradient.withUnsafeBufferPointer { g in
                    inputGradient.withUnsafeMutableBufferPointer { result in
                        for index in 0..<result.count { result[index] = g[index] * derivative(input: x[index], output: y[index]) }
                    }
                }
            }
        }
    }

    /// What every activation's backward pass does around its own loop: nothing when no input
    /// gradient is wanted; else checks that ∂L/∂output matches the output, sizes ∂L/∂input like
    /// it, and calls `body` with the input, output, ∂L/∂output and ∂L/∂input buffers.
    func withBackwardBuffers(
        input: Matrix, output: Matrix, outputGradient: Matrix, inputGradient: inout Matrix, computeInputGradient: Bool,
        _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                 UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        guard computeInputGradient else { return }
        precondition(outputGradient.rows == output.rows && outputGradient.columns == output.columns,
                     "\(name): gradient \(outputGradient.shapeDescription) for output \(output.shapeDescription)")
        inputGradient.resize(rows: output.rows, columns: output.columns)
        input.withUnsafeBufferPointer { x in
            output.withUnsafeBufferPointer { y in
                outputGradient.withUnsafeBufferPointer { g in
                    inputGradient.withUnsafeMutableBufferPointer { body(x, y, g, $0) }
                }
            }
        }
    }
}

/// The logistic sigmoid σ(x) = 1 / (1 + e^-x), stable for large |x|; σ′ = σ(1 − σ).
public final class Sigmoid: ElementwiseActivation {
    /// Creates the layer.
    public init() {}
    public var name: String { "Sigmoid" }

    /// The whole batch in one call to the vectorised kernel: its `exp` is most of a sigmoid
    /// network's step.
    public func forward(_ input: Matrix, into output: inout Matrix) {
        output.resize(rows: input.rows, columns: input.columns)
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { VectorMath.sigmoid(input, into: $0) }
        }
    }

    /// One vectorised pass, y(1 − y) from the output; the generic loop is not vectorised.
    public func backward(
        input: Matrix, output: Matrix, outputGradient: Matrix,
        inputGradient: inout Matrix, computeInputGradient: Bool
    ) {
        withBackwardBuffers(input: input, output: output, outputGradient: outputGradient,
                            inputGradient: &inputGradient, computeInputGradient: computeInputGradient) { _, y, g, result in
            VectorMath.sigmoidBackward(output: y, outputGradient: g, into: result)
        }
    }

    @inline(__always) public func activate(_ x: Double) -> Double { VectorMath.sigmoid(x) }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { vm_sigmoid_derivative(output) }
}

/// The rectifier max(0, x); its derivative at 0 is taken as 0, as PyTorch does.
public final class ReLU: ElementwiseActivation {
    /// Creates the layer.
    public init() {}
    public var name: String { "ReLU" }
    @inline(__always) public func activate(_ x: Double) -> Double { vm_relu(x) }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { vm_relu_derivative(input) }
}

/// max(0, x) + slope·min(0, x); PyTorch's default slope is 0.01.
public final class LeakyReLU: ElementwiseActivation {
    /// The slope for negative inputs.
    public let slope: Double
    /// Creates the layer with the given negative slope.
    public init(slope: Double = 0.01) { self.slope = slope }
    public var name: String { "LeakyReLU(\(slope))" }
    @inline(__always) public func activate(_ x: Double) -> Double { vm_leaky_relu(x, slope) }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { vm_leaky_relu_derivative(input, slope) }
}

/// The hyperbolic tangent; tanh′ = 1 − tanh².
public final class Tanh: ElementwiseActivation {
    /// Creates the layer.
    public init() {}
    public var name: String { "Tanh" }
    // libm's tanh keeps full relative precision near 0, where 1 − 2/(e^2x + 1) would cancel.
    @inline(__always) public func activate(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { vm_tanh_derivative(output) }
}

/// The identity, for a network whose last layer is linear (regression, logits).
public final class Identity: ElementwiseActivation {
    /// Creates the layer.
    public init() {}
    public var name: String { "Identity" }
    @inline(__always) public func activate(_ x: Double) -> Double { x }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { 1 }
}

extension Sigmoid: ConfigurableActivation {
    public static let name = "sigmoid"
    public static let summary = "the logistic sigmoid 1 / (1 + e^−x)"
    public static let range = ActivationRange.probability
    public static func make(settings: Settings<Keys>) -> any Layer { Sigmoid() }
    public static func describe(_ settings: Settings<Keys>) -> String { "Sigmoid" }
}

extension ReLU: ConfigurableActivation {
    public static let name = "relu"
    public static let summary = "the rectifier max(0, x)"
    public static func make(settings: Settings<Keys>) -> any Layer { ReLU() }
    public static func describe(_ settings: Settings<Keys>) -> String { "ReLU" }
}

extension LeakyReLU: ConfigurableActivation {
    public static let name = "leaky-relu"
    public static let summary = "max(0, x) + slope·min(0, x)"
    public struct Keys: SettingDeclarations {
        let slope: SettingKey<Double> = .number("slope", default: 0.01, "the slope for negative inputs")
        public init() {}
    }
    public static func make(settings: Settings<Keys>) -> any Layer { LeakyReLU(slope: settings.slope) }
    public static func describe(_ settings: Settings<Keys>) -> String { "LeakyReLU(\(settings.slope.shortText))" }
}

extension Tanh: ConfigurableActivation {
    public static let name = "tanh"
    public static let summary = "the hyperbolic tangent"
    public static func make(settings: Settings<Keys>) -> any Layer { Tanh() }
    public static func describe(_ settings: Settings<Keys>) -> String { "Tanh" }
}

extension Identity: ConfigurableActivation {
    public static let name = "identity"
    public static let summary = "the identity, f(x) = x"
    public static func make(settings: Settings<Keys>) -> any Layer { Identity() }
    public static func describe(_ settings: Settings<Keys>) -> String { "Identity" }
}

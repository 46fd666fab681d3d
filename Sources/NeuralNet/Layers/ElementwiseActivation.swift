import Foundation

/// An activation applied to each element on its own, so its Jacobian is diagonal:
/// ∂L/∂x = ∂L/∂y ⊙ f′(x). Conforming types give `f` and `f′`; the loops are shared.
public protocol ElementwiseActivation: Layer {
    /// f(x).
    func activate(_ x: Double) -> Double
    /// f′(x), given both the input and the output (whichever is cheaper to use).
    func derivative(input: Double, output: Double) -> Double
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
        guard computeInputGradient else { return }
        prepareInputGradient(&inputGradient, output: output, outputGradient: outputGradient)
        input.withUnsafeBufferPointer { input in
            output.withUnsafeBufferPointer { output in
                outputGradient.withUnsafeBufferPointer { upstream in
                    inputGradient.withUnsafeMutableBufferPointer { result in
                        guard let x = input.baseAddress, let y = output.baseAddress,
                              let g = upstream.baseAddress, let target = result.baseAddress else { return }
                        for index in 0..<input.count {
                            target[index] = g[index] * derivative(input: x[index], output: y[index])
                        }
                    }
                }
            }
        }
    }

    /// Checks that ∂L/∂output matches the output and sizes ∂L/∂input like it: what every
    /// activation's backward pass does first.
    func prepareInputGradient(_ inputGradient: inout Matrix, output: Matrix, outputGradient: Matrix) {
        precondition(outputGradient.rows == output.rows && outputGradient.columns == output.columns,
                     "\(name): gradient \(outputGradient.shapeDescription) for output \(output.shapeDescription)")
        inputGradient.resize(rows: output.rows, columns: output.columns)
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
        guard computeInputGradient else { return }
        prepareInputGradient(&inputGradient, output: output, outputGradient: outputGradient)
        output.withUnsafeBufferPointer { output in
            outputGradient.withUnsafeBufferPointer { upstream in
                inputGradient.withUnsafeMutableBufferPointer {
                    VectorMath.sigmoidBackward(output: output, outputGradient: upstream, into: $0)
                }
            }
        }
    }

    @inline(__always) public func activate(_ x: Double) -> Double { VectorMath.sigmoid(x) }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { output * (1 - output) }
}

/// The rectifier max(0, x); its derivative at 0 is taken as 0, as PyTorch does.
public final class ReLU: ElementwiseActivation {
    /// Creates the layer.
    public init() {}
    public var name: String { "ReLU" }
    @inline(__always) public func activate(_ x: Double) -> Double { x > 0 ? x : 0 }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { input > 0 ? 1 : 0 }
}

/// max(0, x) + slope·min(0, x); PyTorch's default slope is 0.01.
public final class LeakyReLU: ElementwiseActivation {
    /// The slope for negative inputs.
    public let slope: Double
    /// Creates the layer with the given negative slope.
    public init(slope: Double = 0.01) { self.slope = slope }
    public var name: String { "LeakyReLU(\(slope))" }
    @inline(__always) public func activate(_ x: Double) -> Double { x > 0 ? x : slope * x }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { input > 0 ? 1 : slope }
}

/// The hyperbolic tangent; tanh′ = 1 − tanh².
public final class Tanh: ElementwiseActivation {
    /// Creates the layer.
    public init() {}
    public var name: String { "Tanh" }
    // libm's tanh keeps full relative precision near 0, where 1 − 2/(e^2x + 1) would cancel.
    @inline(__always) public func activate(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { 1 - output * output }
}

/// The identity, for a network whose last layer is linear (regression, logits).
public final class Identity: ElementwiseActivation {
    /// Creates the layer.
    public init() {}
    public var name: String { "Identity" }
    @inline(__always) public func activate(_ x: Double) -> Double { x }
    @inline(__always) public func derivative(input: Double, output: Double) -> Double { 1 }
}

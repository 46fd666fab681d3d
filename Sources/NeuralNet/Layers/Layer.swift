/// One stage of a network: a differentiable function applied to a batch, one sample per row.
///
/// Layers do not remember their inputs. The network that runs them keeps the activations (its
/// "tape") and hands each layer its own input and output again on the way back, so a layer holds
/// only its parameters, and buffers are reused from step to step without allocating.
public protocol Layer: AnyObject {
    /// A short description for tables and messages, e.g. `Linear(2 → 10)`.
    var name: String { get }

    /// The trainable tensors, in a fixed order; empty for activation layers.
    var parameters: [Parameter] { get }

    /// The number of output columns for an input of `inputWidth` columns, or nil when the layer
    /// cannot take that width (a `Linear(3 → 2)` fed 4 columns).
    func outputWidth(forInputWidth inputWidth: Int) -> Int?

    /// Writes the layer's output for `input` into `output`, resizing it as needed.
    func forward(_ input: Matrix, into output: inout Matrix)

    /// Given the `input` and `output` of the last forward pass and `outputGradient` = ∂L/∂output,
    /// sets the gradient of every parameter and, when `computeInputGradient` is true, writes
    /// ∂L/∂input into `inputGradient`. Gradients are overwritten, not accumulated.
    func backward(
        input: Matrix, output: Matrix, outputGradient: Matrix,
        inputGradient: inout Matrix, computeInputGradient: Bool)

    /// `forward` in single precision. By default the layer's double-precision pass, its input
    /// widened and its output rounded; layers on the hot path (Linear, elementwise activations)
    /// compute in `Float` themselves.
    func forward(_ input: SingleMatrix, into output: inout SingleMatrix)

    /// `backward` in single precision: parameter gradients are still set in `Double` (the
    /// optimizer's precision). By default through the double-precision pass, like `forward`.
    func backward(
        input: SingleMatrix, output: SingleMatrix, outputGradient: SingleMatrix,
        inputGradient: inout SingleMatrix, computeInputGradient: Bool)

    /// Refreshes whatever single-precision copy of its parameters the layer keeps, after they
    /// changed (an optimizer step); nothing by default.
    func parametersChanged()
}

extension Layer {
    public func forward(_ input: SingleMatrix, into output: inout SingleMatrix) {
        var wide = Matrix.empty
        forward(input.matrix, into: &wide)
        output.assign(wide)
    }

    public func backward(
        input: SingleMatrix, output: SingleMatrix, outputGradient: SingleMatrix,
        inputGradient: inout SingleMatrix, computeInputGradient: Bool
    ) {
        var wideGradient = Matrix.empty
        backward(input: input.matrix, output: output.matrix, outputGradient: outputGradient.matrix,
                 inputGradient: &wideGradient, computeInputGradient: computeInputGradient)
        if computeInputGradient { inputGradient.assign(wideGradient) }
    }

    public func parametersChanged() {}
}

extension Layer {
    /// The output for `input`, as a new matrix.
    public func forward(_ input: Matrix) -> Matrix {
        var output = Matrix.empty
        forward(input, into: &output)
        return output
    }

    /// ∂L/∂input for the given forward pass and ∂L/∂output, as a new matrix; sets parameter gradients.
    public func backward(input: Matrix, output: Matrix, outputGradient: Matrix) -> Matrix {
        var inputGradient = Matrix.empty
        backward(input: input, output: output, outputGradient: outputGradient,
                 inputGradient: &inputGradient, computeInputGradient: true)
        return inputGradient
    }
}

/// A trainable tensor and the gradient of the loss with respect to it.
public final class Parameter {
    /// What it is within its layer, e.g. `weight` or `bias`.
    public let name: String
    /// Whether it is a weight matrix (reported in weight norms) rather than a bias.
    public let isWeight: Bool
    /// The current value.
    public var value: Matrix
    /// ∂L/∂value from the last backward pass; same shape as `value`.
    public var gradient: Matrix

    /// Creates a parameter with a zero gradient.
    public init(name: String, value: Matrix, isWeight: Bool) {
        self.name = name
        self.value = value
        self.isWeight = isWeight
        self.gradient = Matrix(rows: value.rows, columns: value.columns)
    }
}

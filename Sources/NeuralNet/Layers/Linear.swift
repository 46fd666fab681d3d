/// A fully connected layer: `y = x·W + b`, with `W` stored as (inputs x outputs).
///
/// The (inputs x outputs) layout is the notebooks' (`X @ W + b`); PyTorch's `nn.Linear` stores the
/// transpose, (outputs x inputs). Initialisers draw in row-major order of this layout, so a seeded
/// NumPy `randn(inputs, outputs)` and this layer produce the same matrix.
public final class Linear: Layer {
    /// Number of input columns.
    public let inputWidth: Int
    /// Number of output columns.
    public let outputWidth: Int
    /// The weight matrix, inputs x outputs.
    public let weight: Parameter
    /// The bias row, 1 x outputs.
    public let bias: Parameter

    /// Creates a layer with the given weights and bias.
    public init(weight: Matrix, bias: Matrix) {
        precondition(bias.rows == 1 && bias.columns == weight.columns,
                     "Linear: bias must be 1x\(weight.columns) for a \(weight.shapeDescription) weight, got \(bias.shapeDescription)")
        self.inputWidth = weight.rows
        self.outputWidth = weight.columns
        self.weight = Parameter(name: "weight", value: weight, isWeight: true)
        self.bias = Parameter(name: "bias", value: bias, isWeight: false)
    }

    /// Creates a layer whose weight and bias are drawn by `initializer` from `random`.
    public convenience init<Random: RandomSource>(
        _ inputWidth: Int, _ outputWidth: Int,
        initializer: any Initializer = PyTorchDefault(), biasInitializer: (any Initializer)? = nil,
        random: inout Random
    ) {
        let weight = initializer.weight(inputs: inputWidth, outputs: outputWidth, random: &random)
        let bias = (biasInitializer ?? initializer.defaultBias)
            .bias(inputs: inputWidth, outputs: outputWidth, random: &random)
        self.init(weight: weight, bias: bias)
    }

    public var name: String { "Linear(\(inputWidth) → \(outputWidth))" }

    public var parameters: [Parameter] { [weight, bias] }

    public func outputWidth(forInputWidth width: Int) -> Int? {
        width == inputWidth ? outputWidth : nil
    }

    public func forward(_ input: Matrix, into output: inout Matrix) {
        precondition(input.columns == inputWidth,
                     "\(name) got a \(input.shapeDescription) input: expected \(inputWidth) columns")
        Matrix.multiply(input, weight.value, addingToEveryRow: bias.value, into: &output)
    }

    public func backward(
        input: Matrix, output: Matrix, outputGradient: Matrix,
        inputGradient: inout Matrix, computeInputGradient: Bool
    ) {
        // ∂L/∂W = xᵀ·G,  ∂L/∂b = column sums of G,  ∂L/∂x = G·Wᵀ.
        Matrix.multiply(input, outputGradient, transposeA: true, into: &weight.gradient)
        outputGradient.sumColumns(into: &bias.gradient)
        if computeInputGradient {
            Matrix.multiply(outputGradient, weight.value, transposeB: true, into: &inputGradient)
        }
    }

    // Single precision: products in `Float` against a rounded copy of the weights, refreshed after
    // each update; the gradients are widened into the double-precision parameters.
    private var singleWeight = SingleMatrix.empty
    private var singleBias: [Float] = []
    private var singleWeightGradient = SingleMatrix.empty

    public func parametersChanged() {
        singleWeight.assign(weight.value)
        singleBias = bias.value.elements.map { Float($0) }
    }

    public func forward(_ input: SingleMatrix, into output: inout SingleMatrix) {
        precondition(input.columns == inputWidth, "\(name) got a \(input.rows)x\(input.columns) input: expected \(inputWidth) columns")
        if singleWeight.count != weight.value.count { parametersChanged() }
        SingleMatrix.multiply(input, singleWeight, addingToEveryRow: singleBias, into: &output)
    }

    public func backward(
        input: SingleMatrix, output: SingleMatrix, outputGradient: SingleMatrix,
        inputGradient: inout SingleMatrix, computeInputGradient: Bool
    ) {
        SingleMatrix.multiply(input, outputGradient, transposeA: true, into: &singleWeightGradient)
        singleWeightGradient.widen(into: &weight.gradient)
        outputGradient.sumColumns(into: &bias.gradient)
        if computeInputGradient {
            SingleMatrix.multiply(outputGradient, singleWeight, transposeB: true, into: &inputGradient)
        }
    }
}

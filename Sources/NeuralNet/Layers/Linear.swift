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
        initializer: Initializer = .pytorchDefault, biasInitializer: Initializer? = nil,
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
        // Start every row at the bias and accumulate x·W onto it: one pass instead of two.
        output.resize(rows: input.rows, columns: outputWidth)
        let width = outputWidth
        bias.value.withUnsafeBufferPointer { bias in
            output.withUnsafeMutableBufferPointer { output in
                guard let biasBase = bias.baseAddress, let outputBase = output.baseAddress else { return }
                for row in 0..<input.rows {
                    let outputRow = outputBase + row * width
                    for column in 0..<width { outputRow[column] = biasBase[column] }
                }
            }
        }
        Matrix.multiply(input, weight.value, beta: 1, into: &output)
    }

    public func backward(
        input: Matrix, output: Matrix, outputGradient: Matrix,
        inputGradient: inout Matrix, computeInputGradient: Bool
    ) {
        // ∂L/∂W = xᵀ·G,  ∂L/∂b = column sums of G,  ∂L/∂x = G·Wᵀ.
        Matrix.multiply(input, outputGradient, transposeA: true, into: &weight.gradient)
        let width = outputWidth
        bias.gradient.resize(rows: 1, columns: width)
        outputGradient.withUnsafeBufferPointer { gradient in
            bias.gradient.withUnsafeMutableBufferPointer { biasGradient in
                guard let gradientBase = gradient.baseAddress, let sums = biasGradient.baseAddress else { return }
                for column in 0..<width { sums[column] = 0 }
                for row in 0..<outputGradient.rows {
                    let gradientRow = gradientBase + row * width
                    for column in 0..<width { sums[column] += gradientRow[column] }
                }
            }
        }
        if computeInputGradient {
            Matrix.multiply(outputGradient, weight.value, transposeB: true, into: &inputGradient)
        }
    }
}

import Configuration

/// Softmax along each row: y_j = e^(x_j − m) / Σ_k e^(x_k − m), with m the row's maximum so that
/// no exponential overflows.
///
/// Its Jacobian is not diagonal: ∂L/∂x = y ⊙ (g − ⟨g, y⟩) per row, where g = ∂L/∂y. For training a
/// classifier prefer `SoftmaxCrossEntropy` on logits, which fuses the two and is more accurate.
public final class Softmax: Layer {
    /// Creates the layer.
    public init() {}

    public var name: String { "Softmax" }

    public var parameters: [Parameter] { [] }

    public func outputWidth(forInputWidth width: Int) -> Int? { width }

    public func forward(_ input: Matrix, into output: inout Matrix) {
        output.resize(rows: input.rows, columns: input.columns)
        let width = input.columns
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else { return }
                for row in 0..<(input.count / Swift.max(width, 1)) {
                    let (x, y) = (inputBase + row * width, outputBase + row * width)
                    var maximum = -Double.infinity
                    for column in 0..<width { maximum = Swift.max(maximum, x[column]) }
                    for column in 0..<width { y[column] = x[column] - maximum }
                }
                VectorMath.exp(UnsafeBufferPointer(output), into: output)
                for row in 0..<(input.count / Swift.max(width, 1)) {
                    let y = outputBase + row * width
                    var total = 0.0
                    for column in 0..<width { total += y[column] }
                    for column in 0..<width { y[column] /= total }
                }
            }
        }
    }

    public func backward(
        input: Matrix, output: Matrix, outputGradient: Matrix,
        inputGradient: inout Matrix, computeInputGradient: Bool
    ) {
        guard computeInputGradient else { return }
        inputGradient.resize(rows: output.rows, columns: output.columns)
        let width = output.columns
        output.withUnsafeBufferPointer { y in
            outputGradient.withUnsafeBufferPointer { g in
                inputGradient.withUnsafeMutableBufferPointer { result in
                    for row in 0..<(y.count / Swift.max(width, 1)) {
                        let start = row * width
                        var inner = 0.0
                        for column in 0..<width { inner += g[start + column] * y[start + column] }
                        for column in 0..<width {
                            result[start + column] = y[start + column] * (g[start + column] - inner)
                        }
                    }
                }
            }
        }
    }
}

extension Softmax: ConfigurableActivation {
    public static let name = "softmax"
    public static let summary = "softmax along each row (for nll, leave it out: the loss applies it)"
    public static let range = ActivationRange.distribution
    public static func make(settings: Settings<Keys>) -> any Layer { Softmax() }
    public static func describe(_ settings: Settings<Keys>) -> String { "Softmax" }
}

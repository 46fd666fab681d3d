/// A network that applies its layers in order, and backpropagates through them in reverse.
///
/// The network keeps the tape: `activations[i]` is the input of layer `i` (and the output of layer
/// `i − 1`), `gradients[i]` is ∂L/∂activations[i]. Both are reused from one step to the next.
public final class Sequential {
    /// The layers, first to last.
    public let layers: [any Layer]
    private var activations: [Matrix]
    private var gradients: [Matrix]

    /// Creates a network from its layers.
    public init(_ layers: [any Layer]) {
        self.layers = layers
        self.activations = Array(repeating: .empty, count: layers.count + 1)
        self.gradients = Array(repeating: .empty, count: layers.count + 1)
    }

    /// Every trainable parameter, layer by layer.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The weight matrices (not biases), layer by layer: what weight norms are reported for.
    public var weights: [Parameter] { parameters.filter(\.isWeight) }

    /// Number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// The output width for inputs of `inputWidth` columns, or the index of the first layer that
    /// cannot take the width it is given.
    public func outputWidth(forInputWidth inputWidth: Int) -> Result<Int, IncompatibleLayer> {
        var width = inputWidth
        for (index, layer) in layers.enumerated() {
            guard let next = layer.outputWidth(forInputWidth: width) else {
                return .failure(IncompatibleLayer(index: index, name: layer.name, inputWidth: width))
            }
            width = next
        }
        return .success(width)
    }

    /// Runs the network on `input` (one sample per row) and keeps the activations for `backward`.
    ///
    /// The returned matrix shares storage with the network's buffer; let it go before the next
    /// forward pass, or that pass will have to copy it.
    @discardableResult
    public func forward(_ input: Matrix) -> Matrix {
        activations[0] = input
        run(through: &activations)
        return activations[layers.count]
    }

    /// Runs the layers over `tape`, which holds one more matrix than there are layers: layer `i`
    /// reads `tape[i]` and writes `tape[i + 1]`, reusing that slot's storage.
    ///
    /// Through the tape's buffer, because the array's exclusive access would not let a layer read
    /// one slot while writing the next without moving the output out and back.
    private func run(through tape: inout [Matrix]) {
        tape.withUnsafeMutableBufferPointer { tape in
            for index in layers.indices {
                layers[index].forward(tape[index], into: &tape[index + 1])
            }
        }
    }

    /// At most this many rows go through the network at a time in `predict`: one block's
    /// activations stay in cache, and a large data set (a 200 x 200 decision surface) never needs a
    /// whole-set buffer per layer.
    public static let predictionBlockRows = 256

    /// The network's output for `input`, without disturbing the tape of the last `forward`.
    ///
    /// Blocks are of equal size (within one row), never a large block and a sliver: the product
    /// kernel treats fewer than four rows times one column as dot products, whose rounding differs,
    /// so a one-row last block would make `predict` differ from `forward` in the last bit.
    public func predict(_ input: Matrix) -> Matrix {
        let blockCount = Swift.max(1, (input.rows + Self.predictionBlockRows - 1) / Self.predictionBlockRows)
        let blockRows = Swift.max(1, (input.rows + blockCount - 1) / blockCount)
        // A tape of its own, reused from block to block; the block's rows go into its first slot.
        var tape = [Matrix](repeating: .empty, count: layers.count + 1)
        var result = Matrix.empty
        var start = 0
        // At least one block, so that no rows still give an output of the right width.
        repeat {
            let end = Swift.min(start + blockRows, input.rows)
            input.copyRows(start..<end, into: &tape[0])
            run(through: &tape)
            let output = tape[layers.count]
            if start == 0 { result = Matrix(rows: input.rows, columns: output.columns) }
            result.replaceRows(startingAt: start, with: output)
            start = end
        } while start < input.rows
        return result
    }

    /// Backpropagates ∂L/∂output through the last `forward` pass, setting every parameter's
    /// gradient, and returns ∂L/∂input when `computeInputGradient` is true (else an empty matrix).
    @discardableResult
    public func backward(_ outputGradient: Matrix, computeInputGradient: Bool = false) -> Matrix {
        let last = layers.count
        precondition(outputGradient.rows == activations[last].rows && outputGradient.columns == activations[last].columns,
                     "Output gradient \(outputGradient.shapeDescription) does not match output \(activations[last].shapeDescription)")
        gradients[last] = outputGradient
        activations.withUnsafeBufferPointer { tape in
            gradients.withUnsafeMutableBufferPointer { gradients in
                for index in stride(from: last - 1, through: 0, by: -1) {
                    layers[index].backward(
                        input: tape[index], output: tape[index + 1], outputGradient: gradients[index + 1],
                        inputGradient: &gradients[index], computeInputGradient: index > 0 || computeInputGradient)
                }
            }
        }
        gradients[last] = .empty
        return computeInputGradient ? gradients[0] : .empty
    }
}

/// A layer that cannot take the width of the data that reaches it.
public struct IncompatibleLayer: Error, Equatable, Sendable {
    /// Position of the layer in the network, from 0.
    public let index: Int
    /// The layer's description.
    public let name: String
    /// The width that reached it.
    public let inputWidth: Int
}

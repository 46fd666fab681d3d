/// A network's passes in single precision: its own tape of `Float` activations and gradients,
/// each layer's single-precision `forward` and `backward` (see `Precision.float32`).
final class SinglePrecisionPass {
    let network: Sequential
    private var activations: [SingleMatrix]
    private var gradients: [SingleMatrix]

    init(network: Sequential) {
        self.network = network
        activations = Array(repeating: .empty, count: network.layers.count + 1)
        gradients = activations
        parametersChanged()
    }

    /// Lets every layer refresh its rounded copy of its parameters.
    func parametersChanged() {
        for layer in network.layers { layer.parametersChanged() }
    }

    /// Writes the input batch in place, then runs the layers; returns the output.
    func forward(fillingInput fill: (inout SingleMatrix) -> Void) -> SingleMatrix {
        fill(&activations[0])
        activations.withUnsafeMutableBufferPointer { tape in
            for (index, layer) in network.layers.enumerated() { layer.forward(tape[index], into: &tape[index + 1]) }
        }
        return activations[network.layers.count]
    }

    /// Backpropagates ∂L/∂output (given in `Double`, as the loss computes it) through the last
    /// forward pass, setting every parameter's gradient.
    func backward(_ outputGradient: Matrix) {
        let last = network.layers.count
        gradients[last].assign(outputGradient)
        activations.withUnsafeBufferPointer { tape in
            gradients.withUnsafeMutableBufferPointer { gradients in
                for index in stride(from: last - 1, through: 0, by: -1) {
                    network.layers[index].backward(input: tape[index], output: tape[index + 1], outputGradient: gradients[index + 1],
                                                   inputGradient: &gradients[index], computeInputGradient: index > 0)
                }
            }
        }
    }

    /// The network's outputs for `count` rows, `blockRows` at a time: `fill` writes the rows
    /// from a start to an end into the first slot of a tape of its own; the outputs are widened.
    func predict(count: Int, fill: (Range<Int>, inout SingleMatrix) -> Void) -> Matrix {
        var result = Matrix.empty
        var tape = [SingleMatrix](repeating: .empty, count: network.layers.count + 1)
        var start = 0
        repeat {
            let end = Swift.min(start + Self.blockRows, count)
            fill(start..<end, &tape[0])
            tape.withUnsafeMutableBufferPointer { tape in
                for (index, layer) in network.layers.enumerated() { layer.forward(tape[index], into: &tape[index + 1]) }
            }
            let output = tape[network.layers.count].matrix
            if start == 0 { result = Matrix(rows: count, columns: output.columns) }
            result.replaceRows(startingAt: start, with: output)
            start = end
        } while start < count
        return result
    }

    /// Rows predicted at once: large enough that the products run at speed, small enough that a
    /// block's activations stay in cache.
    static let blockRows = 512
}

/// Steps in single precision (`Precision.float32`): batches are copied from the examples straight
/// into `Float`, the passes run in `Float`, the loss and the optimizer in `Double`.
final class SinglePrecisionSteps: StepEngine {
    let network: Sequential
    let loss: any Loss
    let optimizer: any Optimizer
    let training: Examples
    let batchSize: Int
    private let parameters: [Parameter]
    private let pass: SinglePrecisionPass
    private var targets = Matrix.empty
    private var gradient = Matrix.empty

    init(network: Sequential, loss: any Loss, optimizer: any Optimizer, training: Examples, batchSize: Int) {
        self.network = network
        self.loss = loss
        self.optimizer = optimizer
        self.training = training
        self.batchSize = Swift.max(1, batchSize)
        parameters = network.parameters
        pass = SinglePrecisionPass(network: network)
    }

    func epoch(order: [Int], onBatch: ((Int, Int) -> Void)?, wholeSet report: (() -> Matrix, Double) -> Void) -> EpochSteps {
        let isFullBatch = batchSize >= training.count
        return miniBatchEpoch(order: order, batchSize: batchSize, onBatch: onBatch) { positions in
            let rows = positions.map { training.indices[$0] }[...]
            training.targets.copyRows(rows, into: &targets)
            let output = pass.forward { training.inputs.copyRows(rows, into: &$0) }.matrix
            let value = loss.evaluate(output, targets, gradient: &gradient, computeGradient: true)
            if isFullBatch { report({ output }, value) }
            return value
        } update: {
            pass.backward(gradient)
            optimizer.step(parameters)
            pass.parametersChanged()
        }
    }

    func predict(_ inputs: Matrix) -> Matrix {
        pass.predict(count: inputs.rows) { range, slot in
            var block = Matrix.empty
            inputs.copyRows(range, into: &block)
            slot.assign(block)
        }
    }

    func predict(_ table: InputTable, rows: ArraySlice<Int>) -> Matrix {
        pass.predict(count: rows.count) { range, slot in
            table.copyRows(rows[(rows.startIndex + range.lowerBound)..<(rows.startIndex + range.upperBound)], into: &slot)
        }
    }

}

import CVectorMath

/// SGD through the C kernel of `TrainingKernel.c`, `rows` rows a step: per-sample epochs (seeds
/// 000 and 001) a call each (`trainEpoch`, through `vm_train_samples`), or full-batch steps
/// (`forward` then `backward`), instead of one Swift call per layer, loss and optimizer step.
///
/// The kernel runs the general path's operations in the same order, through the same C kernels
/// with the same arguments (a one-row step computes each weight's gradient in its SGD pass), so a
/// network trains to the same bits either way; what goes is the Swift around them (the tape, the
/// layers' and optimizer's calls, reference counting). It takes networks of `Linear` layers and
/// element-wise activations whose products all stay below OpenBLAS's threshold, the MSE, binary
/// and softmax cross-entropy losses, and `SGD`; `init` returns nil for anything else, and
/// `Trainer` takes the general path.
///
/// Parameters (values and gradients) live in one flat buffer while the kernel trains, copied back
/// after each epoch or step, so that between them the network holds the state the general path
/// would have left; the momentum buffers are the optimizer's own.
final class TrainingKernel {
    private let parameters: [Parameter]
    private let optimizer: SGD
    private let layers: [vm_train_layer]
    private let loss: vm_train_loss
    private let lossName: String
    private let lossScale: Double
    /// The rows a step takes: 1 for per-sample steps, else every training row.
    let rows: Int
    private let inputWidth: Int
    private let outputWidth: Int
    private let targetWidth: Int
    /// Every parameter's values, then every parameter's gradients, in `parameters` order.
    private let storage: UnsafeMutableBufferPointer<Double>
    /// Where each parameter starts in each half of `storage`.
    private let starts: [Int]
    /// The activations of a step (input, then each layer's output), their gradients, then the
    /// loss's scratch.
    private let tape: UnsafeMutableBufferPointer<Double>
    private let tapeLength: Int

    /// Prepares `network` to be trained `rows` rows a step (1: a sample a step) on inputs
    /// `inputWidth` wide against targets `targetWidth` wide, or returns nil when the kernel cannot
    /// run it exactly.
    init?(network: Sequential, loss: any Loss, optimizer: any Optimizer, inputWidth: Int, targetWidth: Int, rows: Int = 1) {
        guard rows > 0, let sgd = optimizer as? SGD, let lossKind = KernelParts.kind(of: loss) else { return nil }
        var layers: [vm_train_layer] = []
        var width = inputWidth
        for (index, layer) in network.layers.enumerated() {
            guard width > 0, let next = layer.outputWidth(forInputWidth: width), next > 0,
                  let kind = KernelParts.kind(of: layer) else { return nil }
            if kind == VM_TRAIN_LINEAR {
                // The general loop's products must all take the small kernel (OpenBLAS rounds
                // differently): x·W, xᵀ·g and g·Wᵀ below the threshold, and g·Wᵀ, whose B is read
                // transposed, no deeper than the kernel copies (the first layer has no g·Wᵀ).
                guard rows * width * next < Matrix.blasThreshold,
                      index == 0 || next <= Int(VM_SMALL_PRODUCT_MAX_STRIDED_DEPTH) else { return nil }
            }
            var description = vm_train_layer()
            (description.kind, description.inputs, description.outputs) = (kind, width, next)
            description.slope = KernelParts.slope(of: layer)
            layers.append(description)
            width = next
        }
        guard !layers.isEmpty, targetWidth == KernelParts.targetWidth(of: lossKind.kind, outputWidth: width) else { return nil }

        self.parameters = network.parameters
        self.optimizer = sgd
        self.loss = lossKind.kind
        self.lossName = loss.name
        self.lossScale = KernelParts.scale(of: lossKind.kind, reduction: lossKind.reduction, rows: rows, width: width)
        self.rows = rows
        self.inputWidth = inputWidth
        self.outputWidth = width
        self.targetWidth = targetWidth
        // Every array starts on a cache line: the kernels' vector loads then never straddle two.
        var starts: [Int] = []
        var length = 0
        for parameter in parameters {
            starts.append(length)
            length += (parameter.value.count + 7) / 8 * 8
        }
        self.starts = starts
        storage = .allocateOnCacheLine(count: 2 * length, repeating: 0)
        tapeLength = vm_train_tape_length(layers, layers.count, rows)
        tape = .allocateOnCacheLine(count: 2 * tapeLength + 3 * rows, repeating: 0)

        // The Linear layers' pointers, now that the buffers exist: each layer's parameters are its
        // weight, then its bias.
        let base = storage.baseAddress!
        var weight = 0
        for index in layers.indices where layers[index].kind == VM_TRAIN_LINEAR {
            let bias = weight + 1
            layers[index].weight = base + starts[weight]
            layers[index].bias = base + starts[bias]
            layers[index].weightGradient = base + length + starts[weight]
            layers[index].biasGradient = base + length + starts[bias]
            (layers[index].weightMomentum, layers[index].weightScratch) = sgd.state(of: weight, among: parameters)
            (layers[index].biasMomentum, layers[index].biasScratch) = sgd.state(of: bias, among: parameters)
            weight += 2
        }
        self.layers = layers
    }

    deinit {
        storage.deallocate()
        tape.deallocate()
    }

    /// Trains one epoch, a step per row, on the rows of `data` taken in `order`: the sum of the
    /// samples' losses, the steps taken, and whether a loss that was NaN or infinite stopped the
    /// epoch (that sample made no step). Loads and stores the parameters itself. Needs a kernel of
    /// one row a step.
    func trainEpoch(on data: LabeledData, order: [Int]) -> (lossSum: Double, steps: Int, diverged: Bool) {
        precondition(rows == 1, "A kernel of \(rows) rows a step trains full batches")
        requireShapes(data.inputs, data.targets, rows: data.count)
        if KernelParts.takesClasses(loss) {
            // The general loop stops at the first sample with a bad class; this stops before the epoch.
            let invalidRow = data.targets.elements.firstIndex { vm_is_class_index($0, outputWidth) == 0 } ?? -1
            requireValidClasses(invalidRow: invalidRow, in: data.targets, classes: outputWidth, loss: lossName)
        }
        loadParameters()
        var lossSum = 0.0
        let stepsBefore = optimizer.steps
        let stoppedAt = withNetwork { network in
            data.inputs.withUnsafeBufferPointer { inputs in
                data.targets.withUnsafeBufferPointer { targets in
                    order.withUnsafeBufferPointer { order in
                        vm_train_samples(&network, inputs.baseAddress, targets.baseAddress, order.baseAddress, order.count, &lossSum)
                    }
                }
            }
        }
        storeParameters()
        return (lossSum, optimizer.steps - stepsBefore, stoppedAt >= 0)
    }

    /// The forward pass of the full batch `data` (every one of the kernel's rows) and its loss,
    /// leaving the gradient for `backward`: the first half of a full-batch step. The parameters are
    /// the network's as they are now.
    func forward(on data: LabeledData) -> Double {
        requireShapes(data.inputs, data.targets, rows: rows)
        loadParameters()
        var loss = 0.0
        let invalidRow = withNetwork { network in
            data.inputs.withUnsafeBufferPointer { inputs in
                data.targets.withUnsafeBufferPointer { vm_train_batch_forward(&network, inputs.baseAddress, $0.baseAddress, &loss) }
            }
        }
        requireValidClasses(invalidRow: invalidRow, in: data.targets, classes: outputWidth, loss: lossName)
        return loss
    }

    /// The output of the last `forward`, rows x the network's output width.
    var output: Matrix {
        let offset = tapeLength - (rows * outputWidth + 7) / 8 * 8
        return Matrix(rows: rows, columns: outputWidth, elements: Array(UnsafeBufferPointer(rebasing: tape[offset..<(offset + rows * outputWidth)])))
    }

    /// The backward pass and SGD step from the last `forward`'s gradient, on the same `data`; the
    /// network then holds the stepped parameters and their gradients.
    func backward(on data: LabeledData) {
        withNetwork { network in
            data.inputs.withUnsafeBufferPointer { vm_train_batch_backward(&network, $0.baseAddress) }
        }
        storeParameters()
    }

    /// Copies every parameter's value and gradient into the flat buffer (the gradient too, so that
    /// training stopped before its first step leaves the last one in place).
    private func loadParameters() {
        copyParameters { flat, matrix in _ = flat.initialize(from: matrix) }
    }

    /// Copies the flat buffer back into every parameter's value and gradient.
    private func storeParameters() {
        copyParameters { flat, matrix in _ = matrix.initialize(from: flat) }
    }

    private func requireShapes(_ inputs: Matrix, _ targets: Matrix, rows: Int) {
        precondition(inputs.rows == rows && targets.rows == rows && inputs.columns == inputWidth && targets.columns == targetWidth,
                     "A training kernel prepared for \(inputWidth) inputs and \(targetWidth) targets got "
                         + "\(inputs.shapeDescription) inputs and \(targets.shapeDescription) targets")
    }

    /// Calls `body` with the kernels' description of the network, then keeps the optimizer's step count.
    private func withNetwork<Result>(_ body: (inout vm_train_network) -> Result) -> Result {
        layers.withUnsafeBufferPointer { layers in
            let base = tape.baseAddress!
            var network = vm_train_network(
                layers: layers.baseAddress, layerCount: layers.count, rows: rows, targetWidth: targetWidth, loss: loss,
                lossScale: lossScale, optimizer: optimizer.settings, steps: optimizer.steps,
                activations: base, gradients: base + tapeLength, lossScratch: base + 2 * tapeLength)
            let result = body(&network)
            optimizer.steps = network.steps
            return result
        }
    }

    /// Calls `copy` with each parameter's value, then its gradient, and its slice of the flat buffer.
    private func copyParameters(
        _ copy: (_ flat: UnsafeMutableBufferPointer<Double>, _ matrix: UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        let gradients = storage.count / 2
        for (parameter, start) in zip(parameters, starts) {
            let count = parameter.value.count
            parameter.value.withUnsafeMutableBufferPointer {
                copy(UnsafeMutableBufferPointer(rebasing: storage[start..<(start + count)]), $0)
            }
            parameter.gradient.withUnsafeMutableBufferPointer {
                copy(UnsafeMutableBufferPointer(rebasing: storage[(gradients + start)..<(gradients + start + count)]), $0)
            }
        }
    }
}

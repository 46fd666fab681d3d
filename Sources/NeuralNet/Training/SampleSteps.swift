import CVectorMath

/// Per-sample SGD (seeds 000 and 001) an epoch at a time, in one call to the C kernel
/// `vm_train_samples`, instead of one Swift step per sample.
///
/// The kernel runs the general loop's operations through the same C kernels with the same
/// arguments, so a network trains to the same bits either way; what goes is the Swift around them
/// (the tape, the layers' and optimizer's calls, reference counting), most of a one-row step's time.
/// It takes networks of `Linear` layers and element-wise activations whose products all stay below
/// OpenBLAS's threshold, the MSE and binary cross-entropy losses, and `SGD`; `init` returns nil for
/// anything else, and `Trainer` runs its general loop.
///
/// Parameters (values and gradients) are copied into one flat buffer at the start of each epoch
/// and back at its end, so between epochs the network and optimizer hold the state the general
/// loop would have left; the momentum buffers are the optimizer's own.
final class SampleSteps {
    private let parameters: [Parameter]
    private let optimizer: SGD
    private let layers: [vm_sample_layer]
    private let loss: vm_sample_loss
    private let lossScale: Double
    private let inputWidth: Int
    private let outputWidth: Int
    /// Every parameter's values, then every parameter's gradients, in `parameters` order.
    private let storage: UnsafeMutableBufferPointer<Double>
    /// Where each parameter starts in each half of `storage`.
    private let starts: [Int]
    /// The activations of one sample (input, then each layer's output), then their gradients.
    private let tape: UnsafeMutableBufferPointer<Double>

    /// Prepares `network` to be trained one sample at a time on rows `inputWidth` wide against
    /// targets `targetWidth` wide, or returns nil when the kernel cannot run it exactly.
    init?(network: Sequential, loss: any Loss, optimizer: any Optimizer, inputWidth: Int, targetWidth: Int) {
        guard let sgd = optimizer as? SGD, let lossKind = Self.kind(of: loss) else { return nil }
        var layers: [vm_sample_layer] = []
        var width = inputWidth
        for (index, layer) in network.layers.enumerated() {
            guard width > 0, let next = layer.outputWidth(forInputWidth: width), next > 0,
                  let kind = Self.kind(of: layer) else { return nil }
            if kind == VM_SAMPLE_LINEAR {
                // The general loop's products must all take the small kernel (OpenBLAS rounds
                // differently): x·W and xᵀ·g below the threshold, and g·Wᵀ, whose B is read
                // transposed, no deeper than the kernel copies (the first layer has no g·Wᵀ).
                guard width * next < Matrix.blasThreshold,
                      index == 0 || next <= Int(VM_SMALL_PRODUCT_MAX_STRIDED_DEPTH) else { return nil }
            }
            var description = vm_sample_layer()
            (description.kind, description.inputs, description.outputs) = (kind, width, next)
            description.slope = (layer as? LeakyReLU)?.slope ?? 0
            layers.append(description)
            width = next
        }
        guard !layers.isEmpty, width == targetWidth else { return nil }

        self.parameters = network.parameters
        self.optimizer = sgd
        self.loss = lossKind.kind
        self.lossScale = 1 / lossKind.reduction.divisor(rows: 1, terms: width)
        self.inputWidth = inputWidth
        self.outputWidth = width
        // Every array starts on a cache line: the kernels' vector loads then never straddle two.
        var starts: [Int] = []
        var length = 0
        for parameter in parameters {
            starts.append(length)
            length += (parameter.value.count + 7) / 8 * 8
        }
        self.starts = starts
        storage = .allocateOnCacheLine(count: 2 * length, repeating: 0)
        tape = .allocateOnCacheLine(count: 2 * vm_sample_tape_length(layers, layers.count), repeating: 0)

        // The Linear layers' pointers, now that the buffers exist: each layer's parameters are its
        // weight, then its bias.
        let base = storage.baseAddress!
        var weight = 0
        for index in layers.indices where layers[index].kind == VM_SAMPLE_LINEAR {
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

    /// Trains one epoch on the rows of `data` taken in `order`: the sum of the samples' losses, the
    /// steps taken, and whether a loss that was NaN or infinite stopped the epoch (that sample made
    /// no step).
    func trainEpoch(on data: LabeledData, order: [Int]) -> (lossSum: Double, steps: Int, diverged: Bool) {
        precondition(data.inputs.columns == inputWidth && data.targets.columns == outputWidth,
                     "Per-sample steps prepared for \(inputWidth) inputs and \(outputWidth) targets got "
                         + "\(data.inputs.shapeDescription) inputs and \(data.targets.shapeDescription) targets")
        loadParameters()
        var lossSum = 0.0
        let stepsBefore = optimizer.steps
        let stoppedAt = layers.withUnsafeBufferPointer { layers in
            data.inputs.withUnsafeBufferPointer { inputs in
                data.targets.withUnsafeBufferPointer { targets in
                    order.withUnsafeBufferPointer { order in
                        var network = vm_sample_network(
                            layers: layers.baseAddress, layerCount: layers.count, loss: loss, lossScale: lossScale,
                            optimizer: optimizer.settings, steps: optimizer.steps,
                            activations: tape.baseAddress, gradients: tape.baseAddress! + tape.count / 2)
                        let stoppedAt = vm_train_samples(
                            &network, inputs.baseAddress, targets.baseAddress, order.baseAddress, order.count, &lossSum)
                        optimizer.steps = network.steps
                        return stoppedAt
                    }
                }
            }
        }
        storeParameters()
        return (lossSum, optimizer.steps - stepsBefore, stoppedAt >= 0)
    }

    /// Copies every parameter's value and gradient into the flat buffer (the gradient too, so that
    /// an epoch stopped before its first step leaves the last one in place).
    private func loadParameters() {
        copyParameters { flat, matrix in _ = flat.initialize(from: matrix) }
    }

    /// Copies the flat buffer back into every parameter's value and gradient.
    private func storeParameters() {
        copyParameters { flat, matrix in _ = matrix.initialize(from: flat) }
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

    /// The kernel's name for a layer, or nil when it has none.
    private static func kind(of layer: any Layer) -> vm_sample_layer_kind? {
        switch layer {
        case is Linear: VM_SAMPLE_LINEAR
        case is Identity: VM_SAMPLE_IDENTITY
        case is ReLU: VM_SAMPLE_RELU
        case is LeakyReLU: VM_SAMPLE_LEAKY_RELU
        case is Sigmoid: VM_SAMPLE_SIGMOID
        case is Tanh: VM_SAMPLE_TANH
        default: nil
        }
    }

    /// The kernel's name for a loss and the loss's reduction, or nil when it has none.
    private static func kind(of loss: any Loss) -> (kind: vm_sample_loss, reduction: Reduction)? {
        switch loss {
        case let squared as MeanSquaredError where !squared.oneHotTargets: (VM_SAMPLE_SQUARED_ERROR, squared.reduction)
        case let entropy as BinaryCrossEntropy: (VM_SAMPLE_BINARY_CROSS_ENTROPY, entropy.reduction)
        case let entropy as BinaryCrossEntropyWithLogits: (VM_SAMPLE_BINARY_CROSS_ENTROPY_WITH_LOGITS, entropy.reduction)
        default: nil
        }
    }
}

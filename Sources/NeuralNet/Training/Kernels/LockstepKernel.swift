import CVectorMath

/// Full-batch SGD of up to `lanes` networks at once, one per lane of a vector, through the C kernel
/// of `LockstepKernel.c`: the networks of a learning-rate sweep share their data, layers and epochs,
/// so each operation of their steps is one vector operation instead of one per network.
///
/// Every lane gets the bits its network gets from `Trainer` alone (the kernel's contract, checked by
/// `LockstepTests` against the one-at-a-time path). `init` returns nil for networks the kernel
/// cannot train that way: other layers or losses, an optimizer other than SGD or SGD rules that
/// differ, fewer than four rows, or a product large enough for OpenBLAS (which sums in another
/// order). Lanes without a network of their own train a copy of the first, and are never read.
///
/// The parameters live in the kernel while it trains, interleaved by lane; `storeParameters(lane:)`
/// copies a lane's back into its network, which is what a history record or a prediction reads.
final class LockstepKernel {
    /// How many networks train side by side.
    static let lanes = Int(VM_LOCKSTEP_LANES)

    /// The networks trained, one per lane from lane 0.
    let networks: [Sequential]
    /// The training rows, and the width of the networks' output.
    let rows: Int
    let outputWidth: Int
    private var description: vm_lockstep_network
    private let layers: UnsafeMutableBufferPointer<vm_lockstep_layer>
    /// Every Linear layer's weight, bias and their momentum buffers, interleaved by lane.
    private let storage: UnsafeMutableBufferPointer<Double>
    /// Where each parameter of a network (in `Sequential.parameters` order) starts in `storage`,
    /// its element count, and where its momentum buffer starts.
    private let parameterSlots: [(start: Int, count: Int, momentum: Int)]
    /// The tape (activations, then gradients), then the scratch of the lanes' losses and of the
    /// gradients' sums.
    private let tape: UnsafeMutableBufferPointer<Double>
    /// Where the last layer's output starts on the tape.
    private let outputStart: Int

    /// What every network must share with the first for the kernel to train them together, or nil
    /// when the kernel cannot train this network at all.
    struct Signature: Equatable {
        fileprivate var layers: [LayerShape]
        fileprivate var rule: SGDRule
        fileprivate var targetWidth: Int

        fileprivate struct LayerShape: Equatable {
            var kind: UInt32
            var inputs: Int
            var outputs: Int
            var slope: Double
        }

        /// The choices that pick SGD's update rule, which the lanes share; its numbers may differ.
        fileprivate struct SGDRule: Equatable {
            var momentum: Bool
            var nesterov: Bool
            var velocityForm: Bool
            var decays: Bool
        }
    }

    /// The signature of `network` trained by `optimizer` against `loss` on a full batch of `rows`
    /// rows `inputWidth` wide with targets `targetWidth` wide, or nil when the kernel cannot train it.
    static func signature(network: Sequential, loss: any Loss, optimizer: any Optimizer, rows: Int, inputWidth: Int,
                          targetWidth: Int) -> Signature? {
        guard rows >= 4, let sgd = optimizer as? SGD, sgd.steps == 0, let lossKind = KernelParts.kind(of: loss),
              let first = network.layers.first, first is Linear else { return nil }
        var shapes: [Signature.LayerShape] = []
        var width = inputWidth
        for (index, layer) in network.layers.enumerated() {
            guard let kind = KernelParts.kind(of: layer), let next = layer.outputWidth(forInputWidth: width), next > 0 else { return nil }
            if kind == VM_TRAIN_LINEAR {
                // Every product must take the small kernel, which sums in order; G·Wᵀ reads W
                // transposed, so its depth is bounded too (the first layer has no G·Wᵀ).
                guard rows * width * next < Matrix.blasThreshold,
                      index == 0 || next <= Int(VM_SMALL_PRODUCT_MAX_STRIDED_DEPTH) else { return nil }
            }
            shapes.append(.init(kind: kind.rawValue, inputs: width, outputs: next, slope: KernelParts.slope(of: layer)))
            width = next
        }
        guard targetWidth == KernelParts.targetWidth(of: lossKind.kind, outputWidth: width) else { return nil }
        let rule = Signature.SGDRule(momentum: sgd.momentum != 0, nesterov: sgd.momentum != 0 && sgd.nesterov,
                                     velocityForm: sgd.momentum != 0 && sgd.velocityForm, decays: sgd.weightDecay != 0)
        return Signature(layers: shapes, rule: rule, targetWidth: targetWidth)
    }

    /// Prepares `networks` (at most `lanes`, all with the same signature, freshly made optimizers)
    /// to train on `rows` rows; nil when the kernel cannot train them together.
    init?(networks: [Sequential], losses: [any Loss], optimizers: [any Optimizer], rows: Int, inputWidth: Int, targetWidth: Int) {
        guard !networks.isEmpty, networks.count <= Self.lanes, networks.count == losses.count, networks.count == optimizers.count
        else { return nil }
        let signatures = networks.indices.map {
            Self.signature(network: networks[$0], loss: losses[$0], optimizer: optimizers[$0], rows: rows, inputWidth: inputWidth,
                           targetWidth: targetWidth)
        }
        guard let signature = signatures[0], signatures.allSatisfy({ $0 == signature }) else { return nil }
        self.networks = networks
        self.rows = rows
        outputWidth = signature.layers.last!.outputs

        // Each array a whole number of cache lines, so that every one starts on a line.
        func lined(_ elements: Int) -> Int { (elements * Self.lanes + 7) / 8 * 8 }
        // Each parameter's array, then its momentum buffer (kept whether or not the rule reads it).
        var slots: [(start: Int, count: Int, momentum: Int)] = []
        var length = 0
        for parameter in networks[0].parameters {
            let count = parameter.value.count
            slots.append((length, count, length + lined(count)))
            length += 2 * lined(count)
        }
        parameterSlots = slots
        storage = .allocateOnCacheLine(count: length, repeating: 0)
        layers = .allocate(capacity: signature.layers.count)
        var parameter = 0
        for (index, shape) in signature.layers.enumerated() {
            var layer = vm_lockstep_layer()
            (layer.kind, layer.inputs, layer.outputs, layer.slope) = (vm_train_layer_kind(shape.kind), shape.inputs, shape.outputs, shape.slope)
            if layer.kind == VM_TRAIN_LINEAR {
                // A Linear layer's parameters are its weight, then its bias.
                let base = storage.baseAddress!
                let (weight, bias) = (slots[parameter], slots[parameter + 1])
                (layer.weight, layer.weightMomentum) = (base + weight.start, base + weight.momentum)
                (layer.bias, layer.biasMomentum) = (base + bias.start, base + bias.momentum)
                parameter += 2
            }
            layers[index] = layer
        }
        let tapeLength = vm_lockstep_tape_length(layers.baseAddress, layers.count, rows)
        outputStart = tapeLength - lined(rows * outputWidth)
        // Then the lanes' loss scratch, and the sums of a layer's gradients, each on a cache line.
        let lossScratch = ((2 * Self.lanes * outputWidth + 3) * rows + 7) / 8 * 8
        let sumScratch = vm_lockstep_sum_scratch_length(layers.baseAddress, layers.count)
        tape = .allocateOnCacheLine(count: 2 * tapeLength + lossScratch + sumScratch, repeating: 0)
        let base = tape.baseAddress!
        description = vm_lockstep_network()
        description.layers = UnsafePointer(layers.baseAddress)
        description.layerCount = layers.count
        description.rows = rows
        description.targetWidth = targetWidth
        (description.activations, description.gradients) = (base, base + tapeLength)
        (description.laneScratch, description.sumScratch) = (base + 2 * tapeLength, base + 2 * tapeLength + lossScratch)
        for lane in 0..<Self.lanes {
            // A lane without a network of its own trains a copy of the first.
            let source = lane < networks.count ? lane : 0
            let lossKind = KernelParts.kind(of: losses[source])!
            let sgd = optimizers[source] as! SGD
            withLaneSettings { losses, scales, settings in
                losses[lane] = lossKind.kind
                scales[lane] = KernelParts.scale(of: lossKind.kind, reduction: lossKind.reduction, rows: rows, width: outputWidth)
                settings[lane] = sgd.settings
            }
            load(networks[source], into: lane)
        }
    }

    deinit {
        storage.deallocate()
        tape.deallocate()
        layers.deallocate()
    }

    /// The forward pass of every lane on `inputs` (the training rows) and each lane's loss against
    /// `targets` into `losses` (`lanes` of them; those of lanes without a network of their own are
    /// not meaningful); leaves the loss gradients for `backward`.
    func forward(inputs: Matrix, targets: Matrix, losses: inout [Double]) {
        precondition(inputs.rows == rows && targets.rows == rows && losses.count == Self.lanes,
                     "A lockstep kernel prepared for \(rows) rows got \(inputs.rows), and \(losses.count) lanes")
        let invalidRow = inputs.withUnsafeBufferPointer { inputs in
            targets.withUnsafeBufferPointer { targets in
                losses.withUnsafeMutableBufferPointer { losses in
                    withUnsafePointer(to: &description) { vm_lockstep_forward($0, inputs.baseAddress, targets.baseAddress, losses.baseAddress) }
                }
            }
        }
        // Data is checked against the model before training, so this is a programming error.
        precondition(invalidRow < 0, "A class target in row \(invalidRow) is not in 0..<\(outputWidth)")
    }

    /// Every lane's backward pass and SGD step, from the gradients `forward` left.
    func backward(inputs: Matrix) {
        inputs.withUnsafeBufferPointer { vm_lockstep_backward(&description, $0.baseAddress) }
    }

    /// Lane `lane`'s output of the last `forward`, rows x outputWidth.
    func output(lane: Int) -> Matrix {
        let base = tape.baseAddress! + outputStart
        return Matrix(rows: rows, columns: outputWidth, elements: (0..<(rows * outputWidth)).map { base[$0 * Self.lanes + lane] })
    }

    /// Copies lane `lane`'s parameters into its network.
    func storeParameters(lane: Int) {
        for (parameter, slot) in zip(networks[lane].parameters, parameterSlots) {
            parameter.value.withUnsafeMutableBufferPointer { values in
                for index in values.indices { values[index] = storage[slot.start + index * Self.lanes + lane] }
            }
        }
    }

    /// Stops training lane `lane` (its network diverged): its parameters, already stored, become
    /// zeros that a zero learning rate keeps, so that the lane computes nothing but finite numbers.
    func retire(lane: Int) {
        for slot in parameterSlots {
            for index in 0..<slot.count {
                storage[slot.start + index * Self.lanes + lane] = 0
                storage[slot.momentum + index * Self.lanes + lane] = 0
            }
        }
        withLaneSettings { _, _, settings in
            settings[lane].learningRate = 0
            settings[lane].weightDecay = 0
        }
    }

    /// Copies `network`'s parameters into lane `lane`.
    private func load(_ network: Sequential, into lane: Int) {
        for (parameter, slot) in zip(network.parameters, parameterSlots) {
            parameter.value.withUnsafeBufferPointer { values in
                for index in values.indices { storage[slot.start + index * Self.lanes + lane] = values[index] }
            }
        }
    }

    /// Calls `body` with the description's per-lane losses, loss scales and SGD settings.
    private func withLaneSettings(
        _ body: (UnsafeMutableBufferPointer<vm_train_loss>, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<vm_sgd_settings>) -> Void
    ) {
        withUnsafeMutablePointer(to: &description.loss) { losses in
            withUnsafeMutablePointer(to: &description.lossScale) { scales in
                withUnsafeMutablePointer(to: &description.optimizer) { settings in
                    body(UnsafeMutableBufferPointer(start: UnsafeMutableRawPointer(losses).assumingMemoryBound(to: vm_train_loss.self), count: Self.lanes),
                         UnsafeMutableBufferPointer(start: UnsafeMutableRawPointer(scales).assumingMemoryBound(to: Double.self), count: Self.lanes),
                         UnsafeMutableBufferPointer(start: UnsafeMutableRawPointer(settings).assumingMemoryBound(to: vm_sgd_settings.self),
                                                    count: Self.lanes))
                }
            }
        }
    }
}

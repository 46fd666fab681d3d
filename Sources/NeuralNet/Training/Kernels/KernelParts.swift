import CVectorMath

/// What the C training kernels (`TrainingKernel`, `LockstepKernel`) call the layers and losses they
/// take, and how they scale a loss: one place, so that both kernels take the same parts and scale
/// them as the Swift losses do.
enum KernelParts {
    /// The kernels' name for a layer, or nil when they have none.
    static func kind(of layer: any Layer) -> vm_train_layer_kind? {
        switch layer {
        case is Linear: VM_TRAIN_LINEAR
        case is Identity: VM_TRAIN_IDENTITY
        case is ReLU: VM_TRAIN_RELU
        case is LeakyReLU: VM_TRAIN_LEAKY_RELU
        case is Sigmoid: VM_TRAIN_SIGMOID
        case is Tanh: VM_TRAIN_TANH
        default: nil
        }
    }

    /// The slope a layer passes to the kernels (a leaky rectifier's; 0 for the others).
    static func slope(of layer: any Layer) -> Double { (layer as? LeakyReLU)?.slope ?? 0 }

    /// The kernels' name for a loss and the loss's reduction, or nil when they have none.
    static func kind(of loss: any Loss) -> (kind: vm_train_loss, reduction: Reduction)? {
        switch loss {
        case let squared as MeanSquaredError:
            (squared.oneHotTargets ? VM_TRAIN_SQUARED_ERROR_ONE_HOT : VM_TRAIN_SQUARED_ERROR, squared.reduction)
        case let entropy as BinaryCrossEntropy: (VM_TRAIN_BINARY_CROSS_ENTROPY, entropy.reduction)
        case let entropy as BinaryCrossEntropyWithLogits: (VM_TRAIN_BINARY_CROSS_ENTROPY_WITH_LOGITS, entropy.reduction)
        case let entropy as SoftmaxCrossEntropy: (VM_TRAIN_SOFTMAX_CROSS_ENTROPY, entropy.reduction)
        default: nil
        }
    }

    /// Whether a loss's targets are class indices, one column of them.
    static func takesClasses(_ loss: vm_train_loss) -> Bool {
        loss == VM_TRAIN_SQUARED_ERROR_ONE_HOT || loss == VM_TRAIN_SOFTMAX_CROSS_ENTROPY
    }

    /// The width of the targets a loss takes for an output `width` wide.
    static func targetWidth(of loss: vm_train_loss, outputWidth width: Int) -> Int { takesClasses(loss) ? 1 : width }

    /// What a batch's loss is multiplied by: each loss's own scale, as its `evaluate` computes it.
    /// Softmax cross-entropy averages over rows, the others over elements.
    static func scale(of loss: vm_train_loss, reduction: Reduction, rows: Int, width: Int) -> Double {
        let terms = loss == VM_TRAIN_SOFTMAX_CROSS_ENTROPY ? rows : rows * width
        return 1 / reduction.divisor(rows: rows, terms: terms)
    }
}

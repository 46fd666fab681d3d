import CVectorMath

/// Binary cross-entropy on probabilities: −[y·log p + (1 − y)·log(1 − p)], as PyTorch's `BCELoss`.
///
/// Both logarithms are clamped at −100, so a saturated prediction (p = 0 or 1) gives a large finite
/// loss instead of infinity, and the gradient (p − y) / (p(1 − p)) divides by at least 1e-12, as
/// PyTorch does. Prefer `BinaryCrossEntropyWithLogits` when the network can end in a linear layer.
public struct BinaryCrossEntropy: Loss {
    /// How the terms are combined.
    public var reduction: Reduction

    /// Creates the loss.
    public init(reduction: Reduction = .mean) { self.reduction = reduction }

    public var name: String { "BCE (\(reduction.rawValue))" }

    public func incompatibility(predictionWidth: Int, targetWidth: Int) -> String? {
        predictionWidth == targetWidth
            ? nil : "BCE compares \(predictionWidth) probabilities with \(targetWidth) target columns"
    }

    public func evaluate(_ prediction: Matrix, _ target: Matrix, gradient: inout Matrix, computeGradient: Bool) -> Double {
        requireSameShape(prediction, target, name)
        let scale = 1 / reduction.divisor(rows: prediction.rows, terms: prediction.count)
        return evaluateElements(prediction, target, scale: scale, gradient: &gradient, computeGradient: computeGradient,
                                with: vm_binary_cross_entropy)
    }
}

/// Binary cross-entropy on logits z, computed stably as max(z, 0) − z·y + log(1 + e^−|z|), as
/// PyTorch's `BCEWithLogitsLoss`; its gradient is σ(z) − y.
public struct BinaryCrossEntropyWithLogits: Loss {
    /// How the terms are combined.
    public var reduction: Reduction

    /// Creates the loss.
    public init(reduction: Reduction = .mean) { self.reduction = reduction }

    public var name: String { "BCE with logits (\(reduction.rawValue))" }

    public func incompatibility(predictionWidth: Int, targetWidth: Int) -> String? {
        predictionWidth == targetWidth
            ? nil : "BCE with logits compares \(predictionWidth) logits with \(targetWidth) target columns"
    }

    public func evaluate(_ prediction: Matrix, _ target: Matrix, gradient: inout Matrix, computeGradient: Bool) -> Double {
        requireSameShape(prediction, target, name)
        let scale = 1 / reduction.divisor(rows: prediction.rows, terms: prediction.count)
        return evaluateElements(prediction, target, scale: scale, gradient: &gradient, computeGradient: computeGradient,
                                with: vm_binary_cross_entropy_with_logits)
    }
}

extension Loss {
    /// Runs an element-wise loss kernel of `CVectorMath` (`vm_binary_cross_entropy` and the like),
    /// which returns the scaled loss and writes the gradient when given a buffer for it.
    func evaluateElements(
        _ prediction: Matrix, _ target: Matrix, scale: Double, gradient: inout Matrix, computeGradient: Bool,
        with kernel: (UnsafePointer<Double>?, UnsafePointer<Double>?, Int, Double, UnsafeMutablePointer<Double>?) -> Double
    ) -> Double {
        if computeGradient { gradient.resize(rows: prediction.rows, columns: prediction.columns) }
        return prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in
                guard computeGradient else { return kernel(p.baseAddress, t.baseAddress, p.count, scale, nil) }
                return gradient.withUnsafeMutableBufferPointer { g in
                    kernel(p.baseAddress, t.baseAddress, p.count, scale, g.baseAddress)
                }
            }
        }
    }
}

extension BinaryCrossEntropy: ConfigurableLoss {
    public static let name = "bce"
    public static let summary = "binary cross-entropy on probabilities, clipped as PyTorch's BCELoss; the model ends in a sigmoid"
    public static let title = "binary cross-entropy"
    public static let axisLabel = "binary cross-entropy"
    public static let target = LossTarget.probability
    public static func make(reduction: Reduction) -> any Loss { BinaryCrossEntropy(reduction: reduction) }
}

extension BinaryCrossEntropyWithLogits: ConfigurableLoss {
    public static let name = "bce-with-logits"
    public static let summary = "binary cross-entropy on logits, computed stably (BCEWithLogitsLoss); the model ends in a linear layer"
    public static let title = "binary cross-entropy on logits"
    public static let axisLabel = "binary cross-entropy"
    public static let target = LossTarget.logit
    public static func make(reduction: Reduction) -> any Loss { BinaryCrossEntropyWithLogits(reduction: reduction) }
}

import CVectorMath

/// Softmax followed by the negative log-likelihood of the true class, fused, on logits z and a
/// column of class indices, as PyTorch's `CrossEntropyLoss` (seed 004's `NLLLoss`).
///
/// Per row: L = log Σ_k e^(z_k) − z_y, with the log-sum-exp taken around the row's maximum so that
/// large logits neither overflow nor lose the small terms. ∂L/∂z = softmax(z) − onehot(y).
public struct SoftmaxCrossEntropy: Loss {
    /// How the per-row terms are combined (`mean` and `batchMean` agree here).
    public var reduction: Reduction

    /// Creates the loss.
    public init(reduction: Reduction = .mean) { self.reduction = reduction }

    public var name: String { "Softmax cross-entropy (\(reduction.rawValue))" }

    public func incompatibility(predictionWidth: Int, targetWidth: Int) -> String? {
        if targetWidth != 1 { return "softmax cross-entropy takes one column of class indices, got \(targetWidth) columns" }
        if predictionWidth < 2 { return "softmax cross-entropy needs at least 2 outputs (one per class), got \(predictionWidth)" }
        return nil
    }

    /// The loss, and its gradient in one pass of `vm_softmax_cross_entropy` (C): the exponentials
    /// and logarithms of every row go through the vectorised kernels.
    public func evaluate(_ prediction: Matrix, _ target: Matrix, gradient: inout Matrix, computeGradient: Bool) -> Double {
        precondition(target.rows == prediction.rows && target.columns == 1,
                     "\(name): logits \(prediction.shapeDescription) need a \(prediction.rows)x1 column of classes, got \(target.shapeDescription)")
        let (rows, width) = (prediction.rows, prediction.columns)
        let scale = 1 / reduction.divisor(rows: rows, terms: rows)
        // The exponentials, then the gradient, are written into the gradient's buffer (or a scratch one).
        var exponentials = Matrix.empty
        if computeGradient { swap(&exponentials, &gradient) }
        exponentials.resize(rows: rows, columns: width)
        var total = 0.0
        let invalidRow = withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * rows) { scratch in
            prediction.withUnsafeBufferPointer { z in
                target.withUnsafeBufferPointer { classes in
                    exponentials.withUnsafeMutableBufferPointer { e in
                        vm_softmax_cross_entropy(z.baseAddress, classes.baseAddress, rows, width, scale,
                                                 e.baseAddress, scratch.baseAddress, computeGradient ? 1 : 0, &total)
                    }
                }
            }
        }
        requireValidClasses(invalidRow: invalidRow, in: target, classes: width, loss: name)
        if computeGradient { swap(&exponentials, &gradient) }
        return total
    }
}

extension SoftmaxCrossEntropy: ConfigurableLoss {
    public static let name = "nll"
    public static let summary = "softmax and negative log-likelihood on logits, with log-sum-exp (CrossEntropyLoss; seed 004's NLLLoss)"
    public static let title = "softmax + negative log-likelihood (log-sum-exp)"
    public static let axisLabel = "negative log-likelihood"
    public static let target = LossTarget.classScores(appliesSoftmax: true)
    public static func make(reduction: Reduction) -> any Loss { SoftmaxCrossEntropy(reduction: reduction) }
}

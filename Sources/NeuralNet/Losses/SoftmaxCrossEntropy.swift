import Foundation

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

    public func evaluate(_ prediction: Matrix, _ target: Matrix, gradient: inout Matrix, computeGradient: Bool) -> Double {
        precondition(target.rows == prediction.rows && target.columns == 1,
                     "\(name): logits \(prediction.shapeDescription) need a \(prediction.rows)x1 column of classes, got \(target.shapeDescription)")
        let width = prediction.columns
        let scale = 1 / reduction.divisor(rows: prediction.rows, terms: prediction.rows)
        if computeGradient { gradient.resize(rows: prediction.rows, columns: width) }
        var total = 0.0
        prediction.withUnsafeBufferPointer { z in
            target.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    for row in 0..<prediction.rows {
                        let start = row * width
                        let label = Int(t[row])
                        precondition(label >= 0 && label < width, "\(name): class \(t[row]) in row \(row) is not in 0..<\(width)")
                        var maximum = -Double.infinity
                        for column in 0..<width { maximum = Swift.max(maximum, z[start + column]) }
                        var sum = 0.0
                        for column in 0..<width {
                            let e = VectorMath.exp(z[start + column] - maximum)
                            sum += e
                            if computeGradient { g[start + column] = e }
                        }
                        total += maximum + log(sum) - z[start + label]
                        if computeGradient {
                            for column in 0..<width { g[start + column] = g[start + column] / sum * scale }
                            g[start + label] -= scale
                        }
                    }
                }
            }
        }
        return total * scale
    }
}

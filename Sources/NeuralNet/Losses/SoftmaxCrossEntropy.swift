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
        let (rows, width) = (prediction.rows, prediction.columns)
        let scale = 1 / reduction.divisor(rows: rows, terms: rows)
        // e^(z − max) for every row at once, in the gradient's buffer (or a scratch one), so that
        // the exponentials run through the vectorised kernel in a single call.
        var exponentials = computeGradient ? gradient : Matrix.empty
        if computeGradient { gradient = .empty }
        exponentials.resize(rows: rows, columns: width)
        var maxima = [Double](repeating: 0, count: rows)
        prediction.withUnsafeBufferPointer { z in
            exponentials.withUnsafeMutableBufferPointer { e in
                guard let zBase = z.baseAddress, let eBase = e.baseAddress else { return }
                for row in 0..<rows {
                    let (zRow, eRow) = (zBase + row * width, eBase + row * width)
                    var maximum = -Double.infinity
                    for column in 0..<width { maximum = Swift.max(maximum, zRow[column]) }
                    maxima[row] = maximum
                    for column in 0..<width { eRow[column] = zRow[column] - maximum }
                }
                VectorMath.exp(UnsafeBufferPointer(e), into: e)
            }
        }
        var total = 0.0
        prediction.withUnsafeBufferPointer { z in
            target.withUnsafeBufferPointer { t in
                exponentials.withUnsafeMutableBufferPointer { e in
                    guard let zBase = z.baseAddress, let eBase = e.baseAddress else { return }
                    for row in 0..<rows {
                        let (zRow, eRow) = (zBase + row * width, eBase + row * width)
                        let label = classIndex(t[row], classes: width, row: row, loss: name)
                        var sum = 0.0
                        for column in 0..<width { sum += eRow[column] }
                        total += maxima[row] + log(sum) - zRow[label]
                        if computeGradient {
                            // ∂L/∂z = softmax(z) − onehot(y), scaled by the reduction.
                            let factor = scale / sum
                            for column in 0..<width { eRow[column] *= factor }
                            eRow[label] -= scale
                        }
                    }
                }
            }
        }
        if computeGradient { gradient = exponentials }
        return total * scale
    }
}

import Foundation

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
        if computeGradient { gradient.resize(rows: prediction.rows, columns: prediction.columns) }
        var total = 0.0
        prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    for index in 0..<p.count {
                        let probability = p[index], label = t[index]
                        let logP = Swift.max(log(probability), -100)
                        let logNotP = Swift.max(log(1 - probability), -100)
                        total -= label * logP + (1 - label) * logNotP
                        if computeGradient {
                            g[index] = (probability - label) / Swift.max((1 - probability) * probability, 1e-12) * scale
                        }
                    }
                }
            }
        }
        return total * scale
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
        if computeGradient { gradient.resize(rows: prediction.rows, columns: prediction.columns) }
        var total = 0.0
        prediction.withUnsafeBufferPointer { z in
            target.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    for index in 0..<z.count {
                        let logit = z[index], label = t[index]
                        total += Swift.max(logit, 0) - logit * label + log1p(VectorMath.exp(-abs(logit)))
                        if computeGradient { g[index] = (VectorMath.sigmoid(logit) - label) * scale }
                    }
                }
            }
        }
        return total * scale
    }
}

/// Squared error, (prediction − target)², reduced over all elements.
///
/// With `oneHotTargets`, the target is a column of class indices and each row is compared with the
/// one-hot vector of its class: "classification as regression" (seed 004's homework).
public struct MeanSquaredError: Loss {
    /// How the terms are combined.
    public var reduction: Reduction
    /// Whether targets are class indices to be one-hot encoded to the prediction's width.
    public var oneHotTargets: Bool

    /// Creates the loss.
    public init(reduction: Reduction = .mean, oneHotTargets: Bool = false) {
        self.reduction = reduction
        self.oneHotTargets = oneHotTargets
    }

    public var name: String { "MSE (\(reduction.rawValue)\(oneHotTargets ? ", one-hot" : ""))" }

    public func incompatibility(predictionWidth: Int, targetWidth: Int) -> String? {
        if oneHotTargets {
            return targetWidth == 1 ? nil : "one-hot MSE takes one column of class indices, got \(targetWidth) columns"
        }
        return predictionWidth == targetWidth
            ? nil : "MSE compares \(predictionWidth) outputs with \(targetWidth) target columns"
    }

    public func evaluate(_ prediction: Matrix, _ target: Matrix, gradient: inout Matrix, computeGradient: Bool) -> Double {
        let width = prediction.columns
        if oneHotTargets {
            precondition(target.rows == prediction.rows && target.columns == 1,
                         "\(name): prediction \(prediction.shapeDescription) needs a \(prediction.rows)x1 column of classes, got \(target.shapeDescription)")
        } else {
            requireSameShape(prediction, target, name)
        }
        let scale = 1 / reduction.divisor(rows: prediction.rows, terms: prediction.count)
        // The differences go into the gradient's buffer (a scratch one when no gradient is wanted),
        // are summed squared, then scaled in place into ∂L/∂prediction.
        var differences = Matrix.empty
        if computeGradient { swap(&differences, &gradient) }
        differences.resize(rows: prediction.rows, columns: width)
        prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in
                differences.withUnsafeMutableBufferPointer { d in
                    if oneHotTargets {
                        // p − onehot: p everywhere, less 1 at each row's class (p − 0 is p exactly).
                        for index in d.indices { d[index] = p[index] }
                        for row in 0..<prediction.rows {
                            d[row * width + classIndex(t[row], classes: width, row: row, loss: name)] -= 1
                        }
                    } else {
                        for index in d.indices { d[index] = p[index] - t[index] }
                    }
                }
            }
        }
        let total = differences.withUnsafeBufferPointer(sumOfSquares)
        if computeGradient {
            differences.withUnsafeMutableBufferPointer { d in
                for index in d.indices { d[index] = 2 * d[index] * scale }
            }
            swap(&differences, &gradient)
        }
        return total * scale
    }
}

/// Σ x², in four interleaved partial sums: the additions of one do not wait on the others, and the
/// order is fixed, so the result does not depend on the machine.
func sumOfSquares(_ values: UnsafeBufferPointer<Double>) -> Double {
    var partial = (0.0, 0.0, 0.0, 0.0)
    var index = 0
    while index + 4 <= values.count {
        partial.0 += values[index] * values[index]
        partial.1 += values[index + 1] * values[index + 1]
        partial.2 += values[index + 2] * values[index + 2]
        partial.3 += values[index + 3] * values[index + 3]
        index += 4
    }
    while index < values.count {
        partial.0 += values[index] * values[index]
        index += 1
    }
    return (partial.0 + partial.1) + (partial.2 + partial.3)
}

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
        if computeGradient { gradient.resize(rows: prediction.rows, columns: width) }
        var total = 0.0
        prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in
                gradient.withUnsafeMutableBufferPointer { g in
                    for index in 0..<p.count {
                        let wanted: Double
                        if oneHotTargets {
                            wanted = Int(t[index / width]) == index % width ? 1 : 0
                        } else {
                            wanted = t[index]
                        }
                        let difference = p[index] - wanted
                        total += difference * difference
                        if computeGradient { g[index] = 2 * difference * scale }
                    }
                }
            }
        }
        return total * scale
    }
}

import CVectorMath

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
        // The differences go into the gradient's buffer (a scratch one when no gradient is wanted)
        // and are scaled there into ∂L/∂prediction, by `vm_squared_error` (C) in one call.
        var differences = Matrix.empty
        if computeGradient { swap(&differences, &gradient) }
        differences.resize(rows: prediction.rows, columns: width)
        var total = 0.0
        let invalidRow = prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in
                differences.withUnsafeMutableBufferPointer { d in
                    vm_squared_error(p.baseAddress, t.baseAddress, prediction.rows, width, oneHotTargets ? 1 : 0,
                                     scale, d.baseAddress, computeGradient ? 1 : 0, &total)
                }
            }
        }
        requireValidClasses(invalidRow: invalidRow, in: target, classes: width, loss: name)
        if computeGradient { swap(&differences, &gradient) }
        return total
    }
}

extension MeanSquaredError: ConfigurableLoss {
    public static let name = "mse"
    public static let summary = "mean squared error against the targets as they are"
    public static let title = "mean squared error"
    public static let axisLabel = "mean squared error"
    public static let target = LossTarget.values
    public static func make(reduction: Reduction) -> any Loss { MeanSquaredError(reduction: reduction) }
}

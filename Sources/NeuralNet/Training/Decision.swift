/// How a network's output is turned into class labels, for accuracy.
public enum Decision: Sendable, Equatable, Codable {
    /// Class 1 where an output exceeds the threshold, else 0, element by element (0.5 for
    /// probabilities, 0 for logits); targets are 0/1 of the same shape.
    case threshold(Double)
    /// The column with the largest output; targets are a column of class indices.
    case argmax

    /// The fraction of examples whose decided class equals the target.
    public func accuracy(_ output: Matrix, _ targets: Matrix) -> Double {
        switch self {
        case .threshold(let threshold):
            precondition(output.count == targets.count,
                         "Accuracy: \(output.shapeDescription) outputs for \(targets.shapeDescription) targets")
            var correct = 0
            output.withUnsafeBufferPointer { output in
                targets.withUnsafeBufferPointer { targets in
                    for index in 0..<output.count where (output[index] > threshold ? 1.0 : 0.0) == targets[index] {
                        correct += 1
                    }
                }
            }
            return Double(correct) / Double(Swift.max(output.count, 1))
        case .argmax:
            precondition(output.rows == targets.rows && targets.columns == 1,
                         "Accuracy: \(output.shapeDescription) outputs for \(targets.shapeDescription) class indices")
            let predicted = output.argmaxPerRow()
            let correct = zip(predicted, targets.elements).filter { Double($0) == $1 }.count
            return Double(correct) / Double(Swift.max(output.rows, 1))
        }
    }
}

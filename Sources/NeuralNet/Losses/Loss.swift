import Configuration

/// A loss: a scalar measure of how far a batch of predictions is from its targets.
public protocol Loss: Sendable {
    /// A short description for tables, e.g. `BCE (mean)`.
    var name: String { get }

    /// How the per-element terms are combined into one number.
    var reduction: Reduction { get }

    /// Checks that a network with `predictionWidth` outputs can be trained against targets with
    /// `targetWidth` columns; returns what is wrong in words, or nil when it fits.
    func incompatibility(predictionWidth: Int, targetWidth: Int) -> String?

    /// Returns the loss and, when `computeGradient` is true, writes ∂L/∂prediction into `gradient`.
    func evaluate(_ prediction: Matrix, _ target: Matrix, gradient: inout Matrix, computeGradient: Bool) -> Double
}

extension Loss {
    /// The loss of `prediction` against `target`.
    public func value(_ prediction: Matrix, _ target: Matrix) -> Double {
        var unused = Matrix.empty
        return evaluate(prediction, target, gradient: &unused, computeGradient: false)
    }

    /// The loss and ∂L/∂prediction.
    public func valueAndGradient(_ prediction: Matrix, _ target: Matrix) -> (value: Double, gradient: Matrix) {
        var gradient = Matrix.empty
        let value = evaluate(prediction, target, gradient: &gradient, computeGradient: true)
        return (value, gradient)
    }
}

/// What a loss expects of a network's output and of the targets: the rule a file's model and data
/// are checked against before training, and how outputs become classes for accuracy.
public enum LossTarget: Sendable, Equatable {
    /// One output, the probability of class 1 (the network ends in a sigmoid); two classes.
    case probability
    /// One output, the logit of class 1 (the network must not end in a sigmoid); two classes.
    case logit
    /// One output per class, against class indices; `appliesSoftmax` when the loss applies
    /// softmax itself, so that a softmax layer in the network is a mistake.
    case classScores(appliesSoftmax: Bool)
    /// Real outputs against targets of the same width (one column).
    case values

    /// How outputs become classes for accuracy: nil for values on a regression task.
    public func decision(isClassification: Bool) -> Decision? {
        switch self {
        case .probability: .threshold(0.5)
        case .logit: .threshold(0)
        case .classScores: .argmax
        case .values: isClassification ? .threshold(0.5) : nil
        }
    }
}

/// A loss an experiment file can name.
public protocol ConfigurableLoss: Configurable {
    /// How pages name it ("binary cross-entropy").
    static var title: String { get }
    /// The label of a figure's loss axis ("mean squared error").
    static var axisLabel: String { get }
    /// What it expects of outputs and targets.
    static var target: LossTarget { get }
    /// The loss object.
    static func make(reduction: Reduction) -> any Loss
}


/// How per-element loss terms are combined, as PyTorch's `reduction` argument.
public enum Reduction: String, Sendable, Codable, CaseIterable {
    /// The mean over every term (PyTorch's default): for MSE and BCE that is rows × columns terms,
    /// for softmax cross-entropy one term per row.
    case mean
    /// The sum of all terms.
    case sum
    /// The sum divided by the number of rows (PyTorch's `batchmean`); seed 004's MSE is this.
    case batchMean

    /// What the sum of `terms` terms over `rows` rows is divided by.
    func divisor(rows: Int, terms: Int) -> Double {
        switch self {
        case .mean: return Double(Swift.max(terms, 1))
        case .sum: return 1
        case .batchMean: return Double(Swift.max(rows, 1))
        }
    }
}

func requireSameShape(_ prediction: Matrix, _ target: Matrix, _ loss: @autoclosure () -> String) {
    precondition(prediction.rows == target.rows && prediction.columns == target.columns,
                 "\(loss()): prediction \(prediction.shapeDescription) and target \(target.shapeDescription) differ in shape")
}

/// Stops, naming the loss, the row and the value, when a C loss kernel (`vm_class_index`) reported
/// `invalidRow` as the first row whose class is not a whole number in `0..<classes`; does nothing
/// for −1.
///
/// A precondition, not a thrown error: experiment files are validated before training, so a bad
/// class here is a programming error.
func requireValidClasses(invalidRow: Int, in target: Matrix, classes: Int, loss: @autoclosure () -> String) {
    guard invalidRow >= 0 else { return }
    let value = target.withUnsafeBufferPointer { $0[invalidRow] }
    preconditionFailure("\(loss()): class \(value) in row \(invalidRow) is not in 0..<\(classes)")
}

/// A file names the reduction by its raw value (`"mean"`, `"sum"`).
extension Reduction: SettingChoice {}

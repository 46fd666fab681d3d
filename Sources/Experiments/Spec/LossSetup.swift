import NeuralNet

/// The loss a run minimises, by the names files use.
public enum LossSetup: String, Sendable, Equatable, Codable, CaseIterable {
    /// Binary cross-entropy on probabilities (a sigmoid output), clipped as PyTorch's `BCELoss`.
    case bce
    /// Binary cross-entropy on logits, computed stably (`BCEWithLogitsLoss`).
    case bceWithLogits = "bce-with-logits"
    /// Mean squared error against the targets as they are.
    case mse
    /// Mean squared error against one-hot encoded class indices (classification as regression).
    case mseOneHot = "mse-one-hot"
    /// Softmax and negative log-likelihood on logits with log-sum-exp (`CrossEntropyLoss`; seed 004's `NLLLoss`).
    case nll

    /// The loss object.
    public func makeLoss(reduction: Reduction) -> any Loss {
        switch self {
        case .bce: BinaryCrossEntropy(reduction: reduction)
        case .bceWithLogits: BinaryCrossEntropyWithLogits(reduction: reduction)
        case .mse: MeanSquaredError(reduction: reduction)
        case .mseOneHot: MeanSquaredError(reduction: reduction, oneHotTargets: true)
        case .nll: SoftmaxCrossEntropy(reduction: reduction)
        }
    }

    /// How outputs become class labels for accuracy; nil for plain MSE on a regression task.
    public func decision(isClassification: Bool) -> Decision? {
        switch self {
        case .bce: .threshold(0.5)
        case .bceWithLogits: .threshold(0)
        case .mseOneHot, .nll: .argmax
        case .mse: isClassification ? .threshold(0.5) : nil
        }
    }

    /// Whether targets are class indices in one column while outputs have one column per class.
    var takesClassIndices: Bool { self == .nll || self == .mseOneHot }

    /// How the report names it.
    public var title: String {
        switch self {
        case .bce: "binary cross-entropy"
        case .bceWithLogits: "binary cross-entropy on logits"
        case .mse: "mean squared error"
        case .mseOneHot: "mean squared error on one-hot targets"
        case .nll: "softmax + negative log-likelihood (log-sum-exp)"
        }
    }
}

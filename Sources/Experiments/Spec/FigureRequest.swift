/// A figure an experiment asks for, with its options.
public struct FigureRequest: Sendable, Equatable, Codable {
    /// What the figure shows.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// The training data scattered by class (or y against x for a regression).
        case dataset
        /// Loss (and accuracy) against epoch, one line per run and split.
        case history
        /// Seed 003's 2x2 panel: loss, train/test accuracy, weight norms.
        case panel
        /// The model's prediction over the input plane, with the data and the 0.5 boundary; one tile per run.
        case decisionSurface = "decision-surface"
        /// The fitted curve over the data of a one-input model.
        case fit
        /// The fitted curve far outside the training range, against the truth.
        case extrapolation
        /// The final loss against the swept parameter, one line per variant.
        case sweep
        /// Minimisation: the function with each descent path drawn on it.
        case paths
        /// Minimisation: objective against iteration, one panel per learning rate, log scale.
        case objective
        /// Minimisation: where each start ends, one row per learning rate.
        case basins

        /// The kinds that belong to training experiments.
        static let training: [Kind] = [.dataset, .history, .panel, .decisionSurface, .fit, .extrapolation, .sweep]
        /// The kinds that belong to minimisation experiments.
        static let minimize: [Kind] = [.paths, .objective, .basins]
    }

    /// What the figure shows.
    public var kind: Kind
    /// The x range drawn (decision surface, fit, extrapolation), when not the data's.
    public var x: ClosedRange<Double>?
    /// The y range of the plane (decision surface), when not the data's.
    public var y: ClosedRange<Double>?
    /// Which split's points are drawn (decision surface): train, validation, test or all.
    public var split: String?
    /// Whether the loss axis is logarithmic (history).
    public var logarithmic: Bool?
    /// A title instead of the default.
    public var title: String?

    /// Creates a request; options left nil take the figure's defaults.
    public init(kind: Kind, x: ClosedRange<Double>? = nil, y: ClosedRange<Double>? = nil, split: String? = nil,
                logarithmic: Bool? = nil, title: String? = nil) {
        self.kind = kind
        self.x = x
        self.y = y
        self.split = split
        self.logarithmic = logarithmic
        self.title = title
    }

    /// The file name, without extension.
    public var fileName: String { kind.rawValue }
}

/// A question the notebook asks, with an answer whose `{{fact}}` placeholders the results fill in.
public struct Question: Sendable, Equatable, Codable {
    /// The question, as the notebook asks it (translated).
    public var question: String
    /// The answer in Markdown, with `{{fact}}` placeholders.
    public var answer: String
}

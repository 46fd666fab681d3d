/// A validated experiment: where it came from, what to run, what to draw and what to say.
public struct Experiment: Sendable {
    /// The file it was read from, as given (for messages, which a terminal or an editor opens).
    public var file: String
    /// The file as the report names it: its folder's name and its own (`experiments/moons-mlp.json`),
    /// the same from whatever folder the tool runs.
    public var displayPath: String
    /// The SHA-256 of the file's bytes as they were read.
    public var fileDigest: String
    /// The folder name of its report: lowercase letters, digits and dashes.
    public var name: String
    /// The section title.
    public var title: String
    /// Markdown shown under the title.
    public var description: String
    /// Which notebook it comes from ("000" … "004"), if any.
    public var notebook: String?
    /// What kind of task it is.
    public var kind: Kind
    /// The experiment's seed, from which unnamed streams are derived.
    public var seed: UInt32
    /// The runs its variants and sweep expand into, in file order.
    public var runs: [RunPlan]
    /// The figures to draw.
    public var figures: [FigureRequest]
    /// The notebook's questions and their answers.
    public var questions: [Question]
    /// Where the result differs from what the notebook's code would print, and why (Markdown).
    public var notes: [String]
    /// The swept parameters' paths, in the order the grid nests them (empty without a sweep).
    public var sweepPaths: [String]
    /// The run the file describes before any variant or sweep changes it: checked against its data
    /// first, so that a mistake in the file is reported as the file's, not as some run's.
    public var setupAsWritten: RunSetup
    /// Where each value was written in the file, for the line and column of later errors.
    public var locations = JSONLocations()

    /// The swept parameters' short names, the last part of each path ("optimizer.lr" → "lr").
    public var sweepParameters: [String] { sweepPaths.map(RunExpansion.shortName) }

    /// The kinds of task a file may describe.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case training
        case minimize
        case gradientCheck = "gradient-check"
    }
}

/// One run of an experiment: a variant at one point of the sweep, fully resolved.
public struct RunPlan: Sendable, Codable {
    /// "nll, lr=0.005": the variant's name and the swept values.
    public var name: String
    /// The variant's name, if the file has variants.
    public var variant: String?
    /// The swept parameters' values, in the order of the experiment's `sweepPaths`.
    public var sweepValues: [Double]
    /// What to do.
    public var setup: RunSetup
}

/// What one run does.
public enum RunSetup: Sendable, Codable {
    case training(TrainingSetup)
    case minimize(MinimizeSetup)
    case gradientCheck(GradientCheckSetup)

    private enum CodingKeys: String, CodingKey { case kind }

    /// Encoded as the setup's own members with the experiment kind beside them: `{"kind": "training", "data": …}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .training(let setup):
            try container.encode(Experiment.Kind.training, forKey: .kind)
            try setup.encode(to: encoder)
        case .minimize(let setup):
            try container.encode(Experiment.Kind.minimize, forKey: .kind)
            try setup.encode(to: encoder)
        case .gradientCheck(let setup):
            try container.encode(Experiment.Kind.gradientCheck, forKey: .kind)
            try setup.encode(to: encoder)
        }
    }

    public init(from decoder: Decoder) throws {
        switch try decoder.container(keyedBy: CodingKeys.self).decode(Experiment.Kind.self, forKey: .kind) {
        case .training: self = .training(try TrainingSetup(from: decoder))
        case .minimize: self = .minimize(try MinimizeSetup(from: decoder))
        case .gradientCheck: self = .gradientCheck(try GradientCheckSetup(from: decoder))
        }
    }
}

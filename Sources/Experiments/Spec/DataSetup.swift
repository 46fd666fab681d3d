import Datasets
import NeuralNet

/// Where a training run's examples come from and how they are split and scaled.
public struct DataSetup: Sendable, Equatable, Codable {
    /// The generator or file.
    public var source: DataSourceSetup
    /// How rows are divided into training, validation and test sets.
    public var split: SplitSetup
    /// Whether inputs are standardised with the training rows' mean and deviation.
    public var standardize: Bool
    /// What every input value is divided by first (`255` for pixels), if anything.
    public var divisor: Double?
    /// A name for each class, replacing the source's own (or its numbers).
    public var classes: [String]?

    /// Creates a setup.
    public init(source: DataSourceSetup, split: SplitSetup, standardize: Bool, divisor: Double? = nil, classes: [String]? = nil) {
        self.source = source
        self.split = split
        self.standardize = standardize
        self.divisor = divisor
        self.classes = classes
    }

    /// Encoded as the file writes it: `{"source": "moons", "samples": 1000, "split": {...}, "standardize": true}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: MemberKey.self)
        try container.encode(source.kind.name, forKey: MemberKey("source"))
        try container.encode(settings: source.settings)
        try container.encode(split, forKey: MemberKey("split"))
        try container.encode(standardize, forKey: MemberKey("standardize"))
        try container.encodeIfPresent(divisor, forKey: MemberKey("divide_by"))
        try container.encodeIfPresent(classes, forKey: MemberKey("classes"))
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: MemberKey.self)
        let name = try container.decode(String.self, forKey: MemberKey("source"))
        guard let kind = Registry.dataSource(named: name) else {
            throw DecodingError.dataCorruptedError(forKey: MemberKey("source"), in: container, debugDescription: "no data source is named \(name)")
        }
        self.init(source: DataSourceSetup(kind, settings: try container.settings(kind.settings)), split: try container.decode(SplitSetup.self, forKey: MemberKey("split")),
                  standardize: try container.decode(Bool.self, forKey: MemberKey("standardize")),
                  divisor: try container.decodeIfPresent(Double.self, forKey: MemberKey("divide_by")),
                  classes: try container.decodeIfPresent([String].self, forKey: MemberKey("classes")))
    }
}

/// A registered data source with the values of its settings.
public struct DataSourceSetup: Sendable, Equatable {
    /// The registered source.
    public let kind: any ConfigurableDataSource.Type
    /// Its settings, the defaults filled in.
    public var settings: SettingValues

    /// The source `kind` with `settings` (the defaults for any left out).
    public init(_ kind: any ConfigurableDataSource.Type, settings: SettingValues = SettingValues()) {
        self.kind = kind
        self.settings = settings.filled(from: kind.settings)
    }

    /// The name files use.
    public var name: String { kind.name }

    /// The function the targets sample, for a formula's data.
    public var truth: Expression? { kind.truth(settings) }

    /// The formula as written, for a formula's data.
    public var formula: String? { truth == nil ? nil : settings.text("formula") }

    public static func == (left: DataSourceSetup, right: DataSourceSetup) -> Bool {
        left.kind.name == right.kind.name && left.settings == right.settings
    }
}

/// How rows are split: a test set first, then a validation set out of what is left.
public struct SplitSetup: Sendable, Equatable, Codable {
    /// How rows are chosen.
    public enum Method: String, Sendable, Equatable, Codable, CaseIterable {
        /// scikit-learn's `train_test_split` with a shuffled permutation.
        case shuffled
        /// scikit-learn's `train_test_split(stratify=y)`: every class in proportion.
        case stratified
        /// Seed 002's `random_sample`: the same number of rows from each half of the data.
        case perClassHalves = "per-class-halves"
    }

    /// The fraction of all rows held out for testing (0 for none).
    public var test: Double
    /// The fraction of the remaining rows held out for validation (0 for none).
    public var validation: Double
    /// How rows are chosen.
    public var method: Method

    /// No split: every row trains.
    public static let none = SplitSetup(test: 0, validation: 0, method: .shuffled)
}

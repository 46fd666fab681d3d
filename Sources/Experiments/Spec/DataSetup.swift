import Configuration
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
        self.init(source: try DataSourceSetup(kind, settings: try container.settings(kind.settings)), split: try container.decode(SplitSetup.self, forKey: MemberKey("split")),
                  standardize: try container.decode(Bool.self, forKey: MemberKey("standardize")),
                  divisor: try container.decodeIfPresent(Double.self, forKey: MemberKey("divide_by")),
                  classes: try container.decodeIfPresent([String].self, forKey: MemberKey("classes")))
    }
}

/// A registered data source with the values of its settings.
public struct DataSourceSetup: Sendable, Equatable {
    /// The registered source.
    public let kind: any ConfigurableDataSource.Type
    /// Its settings, the defaults filled in, checked against its declarations.
    public let settings: SettingValues

    /// The source `kind` with `settings` (the defaults for any left out), refused when they do
    /// not fit its declarations or its `check`.
    public init(_ kind: any ConfigurableDataSource.Type, settings: SettingValues = SettingValues()) throws(SettingError) {
        self.kind = kind
        self.settings = try kind.validated(settings)
        if let problem = kind.check(values: self.settings) { throw problem }
    }

    /// The name files use.
    public var name: String { kind.name }

    /// The formula the targets sample, for a formula's data.
    public var truth: Formula? { kind.truth(values: settings) }

    /// "make_moons: 1000 points, noise 0.1", for the setup table.
    public var description: String { kind.describe(values: settings) }

    /// The files it reads, resolved against `directory`.
    public func files(directory: String) -> [String] { kind.files(values: settings, directory: directory) }

    /// The rows and columns it will make, when known before making them.
    public var shape: (rows: Int, columns: Int)? { kind.shape(values: settings) }

    /// What messages call the rows' origin.
    public var origin: String { kind.origin(values: settings) }

    /// Makes the rows (see `ConfigurableDataSource.load`).
    public func load(random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        try kind.load(values: settings, random: &random, directory: directory)
    }

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

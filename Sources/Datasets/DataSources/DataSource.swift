import Configuration
import NeuralNet

/// A data source an experiment file can name (`"source": "moons"`): a generator with its
/// parameters, or a file format with its path. Each one declares its settings, makes its rows,
/// and describes itself for the setup table.
public protocol ConfigurableDataSource: Configurable {
    /// Whether its targets are real values whatever they look like (a formula's y); otherwise
    /// targets that are all whole numbers from 0 are classes.
    static var isRegression: Bool { get }
    /// Whether its rows can be images (height × width arrays, flattened), which the samples and
    /// mistakes figures draw.
    static var canGiveImages: Bool { get }
    /// Why settings that depend on each other do not fit, or nil when they do.
    static func check(_ settings: Settings<Keys>) -> SettingError?
    /// The rows and columns (inputs and label) it will make, when that is known before making
    /// them (a generator's sample count), for the memory estimate; nil for a file.
    static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)?
    /// Makes the rows: generated from `random`, or read from files relative to `directory`.
    /// A problem is a `SettingError` at the setting that causes it.
    static func load(_ settings: Settings<Keys>, random: inout RandomState, directory: String) throws(SettingError) -> SourceData
    /// "make_moons: 1000 points, noise 0.1", for the setup table.
    static func describe(_ settings: Settings<Keys>) -> String
    /// The files it reads, resolved against `directory`.
    static func files(_ settings: Settings<Keys>, directory: String) -> [String]
    /// The formula the targets sample, when they are a formula's values plus noise.
    static func truth(_ settings: Settings<Keys>) -> Formula?
    /// What messages call the rows' origin: "the moons data", or a file's path as written.
    static func origin(_ settings: Settings<Keys>) -> String
}

extension ConfigurableDataSource {
    public static var isRegression: Bool { false }
    public static var canGiveImages: Bool { false }
    public static func check(_ settings: Settings<Keys>) -> SettingError? { nil }
    public static func shape(_ settings: Settings<Keys>) -> (rows: Int, columns: Int)? { nil }
    public static func files(_ settings: Settings<Keys>, directory: String) -> [String] { [] }
    public static func truth(_ settings: Settings<Keys>) -> Formula? { nil }
    public static func origin(_ settings: Settings<Keys>) -> String { "the \(name) data" }
}

/// The same operations on values made by `settings(_:)`, for callers that hold the source as
/// `any ConfigurableDataSource.Type`.
extension ConfigurableDataSource {
    public static func check(values: SettingValues) -> SettingError? { check(checked(values)) }
    public static func shape(values: SettingValues) -> (rows: Int, columns: Int)? { shape(checked(values)) }
    public static func load(values: SettingValues, random: inout RandomState, directory: String) throws(SettingError) -> SourceData {
        try load(checked(values), random: &random, directory: directory)
    }
    public static func describe(values: SettingValues) -> String { describe(checked(values)) }
    public static func files(values: SettingValues, directory: String) -> [String] { files(checked(values), directory: directory) }
    public static func truth(values: SettingValues) -> Formula? { truth(checked(values)) }
    public static func origin(values: SettingValues) -> String { origin(checked(values)) }
}

/// What a data source makes: every row's inputs (kept compact) and target, which rows came from
/// a separate test file, and what the rows mean (class names, feature names, an image's shape).
public struct SourceData: Sendable {
    /// The inputs of every row: a training file's rows first, then a test file's.
    public var inputs: InputTable
    /// One target per row, a single column.
    public var targets: Matrix
    /// The rows that came from a separate test file (the official split), if any.
    public var testRows: Range<Int>?
    /// A name for each class, by index.
    public var classNames: [String]?
    /// A name for each input column.
    public var featureNames: [String]?
    /// The shape of an image, for inputs that are images flattened row by row (`[28, 28]`).
    public var imageShape: [Int]?
    /// The files read, for results that refer to them instead of copying the rows.
    public var files: [String] = []

    /// Rows made in memory (a generator's).
    public init(_ data: LabeledData) {
        inputs = InputTable(data.inputs)
        targets = data.targets
    }

    /// Rows read from files.
    public init(inputs: InputTable, targets: Matrix, testRows: Range<Int>? = nil, classNames: [String]? = nil,
                featureNames: [String]? = nil, imageShape: [Int]? = nil, files: [String] = []) {
        self.inputs = inputs
        self.targets = targets
        self.testRows = testRows
        self.classNames = classNames
        self.featureNames = featureNames
        self.imageShape = imageShape
        self.files = files
    }

    /// The number of rows.
    public var count: Int { targets.rows }
}

/// Settings several sources share, declared once.
public enum DataSourceSettings {
    /// How many points a generator makes.
    public static func samples(default count: Int) -> SettingKey<Int> {
        .integer("samples", minimum: 1, default: count, "how many points")
    }
    /// Gaussian noise added to each coordinate.
    public static func noise(default value: Double) -> SettingKey<Double> {
        .number("noise", NumberBounds(minimum: 0, maximum: 1e6), default: value, "standard deviation of the Gaussian noise added to each coordinate")
    }
    /// A file's path.
    public static let path: SettingKey<String> = .text("path", "the file, relative to the experiment file")
    /// A separate test file's path.
    public static let testPath: SettingKey<String?> = .text("test_path",
                                                            "a separate test file in the same format (an official split); its rows are the test set")

    /// `path` relative to `directory`, unless absolute.
    public static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
    }
}

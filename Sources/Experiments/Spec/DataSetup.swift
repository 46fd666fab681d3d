import Datasets
import NeuralNet

/// Where a training run's examples come from and how they are split and scaled.
public struct DataSetup: Sendable, Equatable, Codable {
    /// The generator or file.
    public var source: DataSource
    /// How rows are divided into training, validation and test sets.
    public var split: SplitSetup
    /// Whether inputs are standardised with the training rows' mean and deviation.
    public var standardize: Bool
}

/// A generator with its parameters, or a data file.
public enum DataSource: Sendable, Equatable, Codable {
    /// One normal cloud per class (seed 000).
    case gaussians(means: [[Double]], std: [Double], counts: [Int])
    /// Evenly spaced x on an interval, labelled x > threshold (seed 002).
    case threshold(range: ClosedRange<Double>, count: Int, threshold: Double)
    /// scikit-learn's `make_moons` (seed 003).
    case moons(samples: Int, noise: Double)
    /// scikit-learn's `make_circles`.
    case circles(samples: Int, noise: Double, factor: Double)
    /// scikit-learn's `make_blobs`, with given centres or `count` centres drawn in `box`.
    case blobs(samples: Int, centers: [[Double]]?, count: Int, box: ClosedRange<Double>, std: [Double])
    /// Four quadrants, opposite ones sharing a class.
    case xor(samples: Int, noise: Double)
    /// Interleaved spiral arms, one class each.
    case spirals(samples: Int, arms: Int, noise: Double)
    /// y = formula(x) + noise·ε with x uniform on `range` (seed 001), a regression task.
    case function(formula: String, range: ClosedRange<Double>, samples: Int, noise: Double)
    /// A CSV file with a header row; `path` is relative to the experiment file.
    case csv(path: String, features: [String]?, label: String)
    /// A NumPy `.npz` file holding an input matrix and a label vector (seed 004's `data.npz`).
    case npz(path: String, inputs: String, labels: String)

    /// The name used in files and in the report.
    public var name: String {
        switch self {
        case .gaussians: "gaussians"
        case .threshold: "threshold"
        case .moons: "moons"
        case .circles: "circles"
        case .blobs: "blobs"
        case .xor: "xor"
        case .spirals: "spirals"
        case .function: "function"
        case .csv: "csv"
        case .npz: "npz"
        }
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

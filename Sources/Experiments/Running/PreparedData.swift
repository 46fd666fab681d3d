import Foundation
import Datasets
import NeuralNet

/// A run's data, generated or loaded, split and scaled: what the network trains and is tested on.
/// The inputs stay as they were read (an image's bytes stay bytes); scaling is applied as rows are
/// copied out, so a split or a batch is a list of row indices, never a copy of the data set.
public struct PreparedData: Sendable, Equatable {
    /// Every row's inputs, with the run's scaling (divisor, standardisation) attached.
    public var inputs: InputTable
    /// Every row's target, one column.
    public var targets: Matrix
    /// The row indices of each split.
    public var indices: ThreeWaySplit
    /// The scaling fitted on the training rows, if the data was standardised.
    public var standardizer: Standardizer?
    /// The number of classes, or nil for a regression task.
    public var classCount: Int?
    /// A name for each class, when the source or the file gives them.
    public var classNames: [String]?
    /// A name for each input column, when the file gives them (a CSV header).
    public var featureNames: [String]?
    /// The shape of an image, when the inputs are images flattened row by row.
    public var imageShape: [Int]?
    /// The files the rows were read from, with their digests.
    public var files: [DataFileDigest]
    /// Whether the test rows are a separate test file's (an official split) rather than drawn.
    public var hasTestFile: Bool

    /// The number of rows.
    public var count: Int { targets.rows }
    /// Number of input features.
    public var inputWidth: Int { inputs.columns }
    /// Whether labels are classes.
    public var isClassification: Bool { classCount != nil }
    /// What each input value is divided by before anything else (255 for pixels), if anything.
    public var divisor: Double? { inputs.divisor }

    /// The bytes the inputs would take as numbers: what decides whether results copy them.
    public var numberBytes: Int { 8 * count * inputWidth }

    /// The examples of one split (nil: every row).
    public func examples(of split: Split?) -> Examples {
        let rows: [Int] = switch split {
        case .train: indices.train
        case .validation: indices.validation
        case .test: indices.test
        case nil: Array(0..<count)
        }
        return Examples(inputs: inputs, targets: targets, indices: rows)
    }

    /// The splits that have rows, training first.
    public var splits: [(name: Split, examples: Examples)] {
        Split.allCases.map { ($0, examples(of: $0)) }.filter { $0.1.count > 0 }
    }

    /// The rows of one split (nil: every row), scaled, as numbers. For the small data sets that
    /// figures draw point by point: it takes 8 bytes a value.
    public func rows(of split: Split?) -> LabeledData { examples(of: split).materialized }

    /// Every row, scaled, as numbers (see `rows(of:)`).
    public var all: LabeledData { rows(of: nil) }

    /// The name of class `index`: its given name, else its number.
    public func className(_ index: Int) -> String {
        if let classNames, classNames.indices.contains(index) { return classNames[index] }
        return "\(index)"
    }

    /// How a legend names class `index`: its name, else "class 0".
    public func classLabel(_ index: Int) -> String {
        if let classNames, classNames.indices.contains(index) { return classNames[index] }
        return "class \(index)"
    }
}

/// A data file a run read, as results refer to it: its path and the SHA-256 of its bytes.
public struct DataFileDigest: Sendable, Equatable, Codable {
    /// The path as the experiment file's folder resolves it.
    public var path: String
    /// The SHA-256 of the file's bytes, in hex.
    public var sha256: String
    /// Its size in bytes.
    public var bytes: Int
}

extension PreparedData {
    /// Generates or loads the data of `setup`, splits and scales it; `directory` anchors relative file paths.
    /// Errors carry the file's JSON path of the offending setting.
    static func prepare(_ setup: DataSetup, seeds: Seeds, directory: String, reader: SpecReader) throws(SpecError) -> PreparedData {
        var random = RandomState(seed: seeds.data)
        let source = setup.source
        let dataReader = reader.locating(TrainingSetup.Section.data.rawValue)
        var raw: SourceData
        do { raw = try source.load(random: &random, directory: directory) } catch {
            throw dataReader.locating(error.key).error(error.message)
        }
        if let (row, column, value) = raw.inputs.firstNonFinite ?? nonFinite(in: raw.targets).map({ ($0.row, -1, $0.value) }) {
            let place = column < 0 ? "the label of row \(row + 1)" : "row \(row + 1), input \(column + 1)"
            throw dataReader.error("the \(source.name) data has \(value.isNaN ? "NaN" : "an infinite value") at \(place); every value must be a finite number")
        }
        let isRegression = source.kind.isRegression || !raw.targets.elements.allSatisfy { $0 == $0.rounded() && $0 >= 0 }
        var classCount = isRegression ? nil : Int(raw.targets.elements.max() ?? 0) + 1
        let trainRows = raw.testRows?.lowerBound ?? raw.count
        guard trainRows >= 2 else {
            throw dataReader.error("\(source.origin) has \(trainRows) row\(trainRows == 1 ? "" : "s"); training needs at least 2")
        }
        let classNames = setup.classes ?? raw.classNames
        if let classNames, let count = classCount {
            guard classNames.count >= count else {
                let names = setup.classes == nil ? dataReader : dataReader.locating(DataSetup.Keys.key(\.classes))
                throw names.error("\(classNames.count) class name\(classNames.count == 1 ? "" : "s") for labels 0 to \(count - 1); give one name per class")
            }
            classCount = classNames.count
        } else if setup.classes != nil, isRegression {
            throw dataReader.locating(DataSetup.Keys.key(\.classes)).error("class names need class labels; this data is a regression task")
        }

        let indices = try split(raw, trainRows: trainRows, setup.split, seed: seeds.split, isRegression: isRegression, reader: reader)
        var inputs = raw.inputs
        inputs.divisor = setup.divisor
        var standardizer: Standardizer?
        if setup.standardize {
            let scaler = Standardizer(fitting: inputs, rows: indices.train)
            inputs.standardization = (scaler.mean, scaler.scale)
            standardizer = scaler
        }
        let files: [DataFileDigest]
        do { files = try raw.files.map { path throws(DataFileError) in try FileDigests.shared.digest(of: path) } } catch {
            throw dataReader.error("\(error)")
        }
        return PreparedData(inputs: inputs, targets: raw.targets, indices: indices, standardizer: standardizer, classCount: classCount,
                            classNames: classNames, featureNames: raw.featureNames, imageShape: raw.imageShape, files: files,
                            hasTestFile: raw.testRows != nil)
    }

    /// The split of `data`: drawn from all its rows, or, when its last rows are a test file's, a
    /// validation set drawn from the `trainRows` before them and the test file's rows as the test set.
    private static func split(_ data: SourceData, trainRows: Int, _ setup: SplitSetup, seed: UInt32, isRegression: Bool,
                              reader: SpecReader) throws(SpecError) -> ThreeWaySplit {
        let splitReader = reader.locating(TrainingSetup.Section.data.rawValue).locating(DataSetup.splitKey)
        guard let testRows = data.testRows else {
            return try split(count: data.count, labels: data.targets.elements, setup, seed: seed, isRegression: isRegression, reader: reader)
        }
        guard setup.test == 0 else {
            throw splitReader.locating(SplitSetup.Keys.key(\.test)).error("the test set is the test file's \(testRows.count) rows; leave split.test out (validation is drawn from the training file)")
        }
        var drawn = try split(count: trainRows, labels: Array(data.targets.elements[..<trainRows]), setup, seed: seed,
                              isRegression: isRegression, reader: reader)
        drawn.test = Array(testRows)
        return drawn
    }

    private static func split(count: Int, labels: [Double], _ setup: SplitSetup, seed: UInt32, isRegression: Bool,
                              reader: SpecReader) throws(SpecError) -> ThreeWaySplit {
        let splitReader = reader.locating(TrainingSetup.Section.data.rawValue).locating(DataSetup.splitKey)
        switch setup.method {
        case .perClassHalves:
            var random = RandomState(seed: seed)
            let outer = TrainTestSplit.perClassHalves(count: count, fraction: 1 - setup.test, random: &random)
            guard setup.validation > 0 else { return ThreeWaySplit(train: outer.train, validation: [], test: outer.test) }
            let inner = TrainTestSplit.perClassHalves(count: outer.train.count, fraction: 1 - setup.validation, random: &random)
            return ThreeWaySplit(train: inner.train.map { outer.train[$0] }, validation: inner.test.map { outer.train[$0] }, test: outer.test)
        case .shuffled, .stratified:
            if setup.test == 0 && setup.validation == 0 { return ThreeWaySplit(train: Array(0..<count), validation: [], test: []) }
            if setup.method == .stratified && isRegression {
                throw splitReader.locating(SplitSetup.Keys.key(\.method)).error("stratified splits need class labels; this data is a regression task")
            }
            guard let result = TrainTestSplit.threeWay(count: count, testFraction: setup.test, validationFraction: setup.validation,
                                                      labels: setup.method == .stratified ? labels : nil, seed: seed),
                  !result.train.isEmpty else {
                throw splitReader.error("cannot split \(count) rows this way: every class needs at least 2 rows in each set, and the training set must not be empty")
            }
            return result
        }
    }

    /// The first element of `matrix` that is NaN or infinite: its row, column and value.
    static func nonFinite(in matrix: Matrix) -> (row: Int, column: Int, value: Double)? {
        guard let index = matrix.elements.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (index / max(matrix.columns, 1), index % max(matrix.columns, 1), matrix.elements[index])
    }
}

extension Experiment {
    /// The data files its runs read, resolved against the folder of the experiment file.
    public var dataFiles: [String] {
        let directory = (file as NSString).deletingLastPathComponent
        let paths = ([setupAsWritten] + runs.map(\.setup)).flatMap { setup -> [String] in
            guard case .training(let training) = setup else { return [] }
            return training.data.source.files(directory: directory)
        }
        return Array(Set(paths)).sorted()
    }
}

import Foundation
import Datasets
import NeuralNet

/// A run's data, generated or loaded, split and scaled: what the network trains and is tested on.
public struct PreparedData: Sendable, Equatable {
    /// Every row after scaling, in source order.
    public var all: LabeledData
    /// The row indices of each split of `all`.
    public var indices: ThreeWaySplit
    /// The scaling fitted on the training rows, if the data was standardised.
    public var standardizer: Standardizer?
    /// The number of classes, or nil for a regression task.
    public var classCount: Int?

    /// The training rows.
    public var train: LabeledData { all.subset(indices.train) }
    /// The validation rows (possibly none).
    public var validation: LabeledData { all.subset(indices.validation) }
    /// The test rows (possibly none).
    public var test: LabeledData { all.subset(indices.test) }
    /// Number of input features.
    public var inputWidth: Int { all.inputs.columns }
    /// Whether labels are classes.
    public var isClassification: Bool { classCount != nil }

    /// The named splits that have rows, training first.
    public var splits: [NamedData] {
        [NamedData("train", train), NamedData("validation", validation), NamedData("test", test)].filter { $0.data.count > 0 }
    }

    /// The rows of one split by name ("all" for every row).
    public func rows(of split: String) -> LabeledData {
        switch split {
        case "train": train
        case "validation": validation
        case "test": test
        default: all
        }
    }
}

extension PreparedData {
    /// Generates or loads the data of `setup`, splits and scales it; `directory` anchors relative file paths.
    /// Errors carry the file's JSON path of the offending setting.
    static func prepare(_ setup: DataSetup, seeds: Seeds, directory: String, reader: SpecReader) throws(SpecError) -> PreparedData {
        var random = RandomState(seed: seeds.data)
        let source = setup.source
        let raw: LabeledData
        do { raw = try source.kind.load(source.settings, random: &random, directory: directory) } catch {
            throw reader.locating("data").locating(error.key).error(error.message)
        }
        if let (row, column, value) = nonFinite(in: raw.inputs) ?? nonFinite(in: raw.targets).map({ ($0.row, -1, $0.value) }) {
            let place = column < 0 ? "the label of row \(row + 1)" : "row \(row + 1), input \(column + 1)"
            throw reader.locating("data").error("the \(source.name) data has \(value.isNaN ? "NaN" : "an infinite value") at \(place); every value must be a finite number")
        }
        let isRegression = source.kind.isRegression || !raw.targets.elements.allSatisfy { $0 == $0.rounded() && $0 >= 0 }
        let classCount = isRegression ? nil : Int(raw.targets.elements.max() ?? 0) + 1
        guard raw.count >= 2 else {
            throw reader.locating("data").error("\(source.kind.origin(source.settings)) has \(raw.count) row\(raw.count == 1 ? "" : "s"); training needs at least 2")
        }

        let indices = try split(raw, setup.split, seed: seeds.split, isRegression: isRegression, reader: reader)
        var all = raw
        var standardizer: Standardizer?
        if setup.standardize {
            let scaler = Standardizer(fitting: raw.subset(indices.train).inputs)
            all.inputs = scaler.transform(raw.inputs)
            standardizer = scaler
        }
        return PreparedData(all: all, indices: indices, standardizer: standardizer, classCount: classCount)
    }

    private static func split(_ data: LabeledData, _ setup: SplitSetup, seed: UInt32, isRegression: Bool,
                              reader: SpecReader) throws(SpecError) -> ThreeWaySplit {
        let count = data.count
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
                throw reader.locating("data").locating("split").locating("method").error("stratified splits need class labels; this data is a regression task")
            }
            let labels = setup.method == .stratified ? data.targets.elements : nil
            guard let result = TrainTestSplit.threeWay(count: count, testFraction: setup.test, validationFraction: setup.validation,
                                                      labels: labels, seed: seed), !result.train.isEmpty else {
                let splitReader = reader.locating("data").locating("split")
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
            return training.data.source.kind.files(training.data.source.settings, directory: directory)
        }
        return Array(Set(paths)).sorted()
    }
}

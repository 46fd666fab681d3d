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
        let raw: LabeledData
        switch setup.source {
        case .gaussians(let means, let std, let counts):
            raw = SeedGenerators.gaussians(means: means, std: std, counts: counts, random: &random)
        case .threshold(let range, let count, let threshold):
            raw = SeedGenerators.threshold(start: range.lowerBound, stop: range.upperBound, count: count, threshold: threshold)
        case .moons(let samples, let noise):
            raw = TwoClassShapes.moons(samples: samples, noise: noise == 0 ? nil : noise, random: &random)
        case .circles(let samples, let noise, let factor):
            raw = TwoClassShapes.circles(samples: samples, factor: factor, noise: noise == 0 ? nil : noise, random: &random)
        case .blobs(let samples, let centers, let count, let box, let std):
            raw = TwoClassShapes.blobs(samples: samples, centers: centers.map { .given($0) } ?? .random(count: count, box: box),
                                       clusterStd: std, random: &random)
        case .xor(let samples, let noise):
            raw = PatternShapes.xor(samples: samples, noise: noise, random: &random)
        case .spirals(let samples, let arms, let noise):
            raw = PatternShapes.spirals(samples: samples, arms: arms, noise: noise, random: &random)
        case .function(let formula, let range, let samples, let noise):
            let expression: NeuralNet.Expression
            do { expression = try NeuralNet.Expression(parsing: formula) } catch { throw reader.error("\(error)") }
            raw = SeedGenerators.function(expression, low: range.lowerBound, high: range.upperBound, count: samples,
                                          noise: noise, random: &random)
            if let (row, _, value) = nonFinite(in: raw.targets) {
                throw reader.locating("data").locating("formula").error(
                    "y = \(formula) is \(value.isNaN ? "NaN" : "infinite") at x = \(raw.inputs[row, 0].shortText), inside the range "
                    + "[\(range.lowerBound.shortText), \(range.upperBound.shortText)]; choose a range where the formula is defined")
            }
        case .csv(let path, let features, let label):
            let location = resolve(path, in: directory)
            do { raw = try CSVFiles.read(at: location, features: features, label: label) } catch {
                throw reader.locating("data").locating("path").error("\(error)")
            }
        case .npz(let path, let inputs, let labels):
            raw = try loadNPZ(resolve(path, in: directory), inputs: inputs, labels: labels, reader: reader.locating("data"))
        }
        if let (row, column, value) = nonFinite(in: raw.inputs) ?? nonFinite(in: raw.targets).map({ ($0.row, -1, $0.value) }) {
            let place = column < 0 ? "the label of row \(row + 1)" : "row \(row + 1), input \(column + 1)"
            throw reader.locating("data").error("the \(setup.source.name) data has \(value.isNaN ? "NaN" : "an infinite value") at \(place); every value must be a finite number")
        }
        let isRegression = if case .function = setup.source { true } else { !raw.targets.elements.allSatisfy { $0 == $0.rounded() && $0 >= 0 } }
        let classCount = isRegression ? nil : Int(raw.targets.elements.max() ?? 0) + 1
        guard raw.count >= 2 else {
            let origin = switch setup.source {
            case .csv(let path, _, _), .npz(let path, _, _): "\(path) holds"
            default: "the \(setup.source.name) data has"
            }
            throw reader.locating("data").error("\(origin) \(raw.count) row\(raw.count == 1 ? "" : "s"); training needs at least 2")
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

    private static func loadNPZ(_ path: String, inputs: String, labels: String, reader: SpecReader) throws(SpecError) -> LabeledData {
        let pathReader = reader.locating("path")
        let arrays: [String: NumPyArray]
        do { arrays = try NumPyFiles.readNPZ(at: path) } catch { throw pathReader.error("\(error)") }
        func matrix(_ key: String, role: String) throws(SpecError) -> Matrix {
            guard let array = arrays[key] else {
                throw reader.locating(role).error("\(path) has no array \"\(key)\"; it holds \(arrays.keys.sorted().joined(separator: ", "))")
            }
            do { return try array.matrix(file: path) } catch { throw pathReader.error("\(error)") }
        }
        let x = try matrix(inputs, role: "inputs")
        var y = try matrix(labels, role: "labels")
        for (array, name) in [(x, inputs), (y, labels)] {
            if let (row, column, value) = nonFinite(in: array) {
                throw pathReader.error("\(path): array \"\(name)\" holds \(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity") "
                    + "at row \(row + 1), column \(column + 1) (counting from 1); every value must be a finite number")
            }
        }
        if y.rows == 1 && y.columns == x.rows { y = .column(y.elements) }
        guard y.rows == x.rows, y.columns == 1 else {
            throw pathReader.error("\(path): \(x.rows) input rows but labels of shape \(y.shapeDescription); expected one label per row")
        }
        return LabeledData(inputs: x, targets: y)
    }

    /// The first element of `matrix` that is NaN or infinite: its row, column and value.
    static func nonFinite(in matrix: Matrix) -> (row: Int, column: Int, value: Double)? {
        guard let index = matrix.elements.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (index / max(matrix.columns, 1), index % max(matrix.columns, 1), matrix.elements[index])
    }

    /// `path` relative to the folder of the experiment file, unless absolute.
    static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
    }
}


extension Experiment {
    /// The data files its runs read, resolved against the folder of the experiment file.
    public var dataFiles: [String] {
        let directory = (file as NSString).deletingLastPathComponent
        let paths = ([setupAsWritten] + runs.map(\.setup)).compactMap { setup -> String? in
            guard case .training(let training) = setup else { return nil }
            switch training.data.source {
            case .csv(let path, _, _), .npz(let path, _, _): return PreparedData.resolve(path, in: directory)
            default: return nil
            }
        }
        return Array(Set(paths)).sorted()
    }
}

import NeuralNet
import Testing
import TestSupport
@testable import Datasets

struct SplitFixture: Decodable {
    struct Shuffled: Decodable {
        let count: Int
        let test: Double
        let seed: UInt32
        let train: [Int]
        let held_out: [Int]
    }
    struct Stratified: Decodable {
        let labels: [Double]
        let test: Double
        let seed: UInt32
        let train: [Int]
        let held_out: [Int]
    }
    struct PerClass: Decodable {
        let seed: UInt32
        let outer_train: [Int]
        let outer_test: [Int]
        let inner_train: [Int]
        let inner_test: [Int]
        let linspace: [Double]
    }
    let shuffled: [Shuffled]
    let stratified: [Stratified]
    let per_class: PerClass
}

struct ScalingFixture: Decodable {
    struct Pipeline: Decodable {
        let train_inputs: [[Double]]
        let test_inputs: [[Double]]
        let train_labels: [Double]
        let test_labels: [Double]
        let mean: [Double]
        let scale: [Double]
    }
    let data: [[Double]]
    let fit_rows: Int
    let mean: [Double]
    let scale: [Double]
    let transformed: [[Double]]
    let seed003: Pipeline
}

@Suite("Splits and scaling reproduce scikit-learn")
struct SplitTests {
    @Test("train_test_split, shuffled, picks the same rows in the same order")
    func shuffled() throws {
        let fixture: SplitFixture = try fixture("splits.json")
        for reference in fixture.shuffled {
            let split = TrainTestSplit.shuffled(count: reference.count, testFraction: reference.test, seed: reference.seed)
            #expect(split.train == reference.train, "n=\(reference.count)")
            #expect(split.test == reference.held_out, "n=\(reference.count)")
        }
    }

    @Test("train_test_split, stratified, with odd sizes and three classes")
    func stratified() throws {
        let fixture: SplitFixture = try fixture("splits.json")
        for reference in fixture.stratified {
            let split = try #require(TrainTestSplit.stratified(labels: reference.labels, testFraction: reference.test, seed: reference.seed))
            #expect(split.train == reference.train, "n=\(reference.labels.count) seed \(reference.seed)")
            #expect(split.test == reference.held_out, "n=\(reference.labels.count) seed \(reference.seed)")
        }
    }

    @Test("A class with one member cannot be stratified")
    func stratifiedRefusal() {
        #expect(TrainTestSplit.stratified(labels: [0, 0, 0, 1], testFraction: 0.5, seed: 0) == nil)
    }

    @Test("Seed 002's per-class split gives 80/20, then 64/16, as the notebook's random_sample")
    func perClass() throws {
        let reference = try (fixture("splits.json") as SplitFixture).per_class
        var random = RandomState(seed: reference.seed)
        let outer = TrainTestSplit.perClassHalves(count: 100, fraction: 0.8, random: &random)
        #expect(outer.train == reference.outer_train)
        #expect(outer.test == reference.outer_test)
        let inner = TrainTestSplit.perClassHalves(count: outer.train.count, fraction: 0.8, random: &random)
        #expect(inner.train == reference.inner_train)
        #expect(inner.test == reference.inner_test)
        #expect((inner.train.count, inner.test.count, outer.test.count) == (64, 16, 20))
    }

    @Test("StandardScaler: fitted on the first rows only, a constant column gets scale 1")
    func scaling() throws {
        let reference: ScalingFixture = try fixture("scaling.json")
        let data = Matrix(reference.data)
        let scaler = Standardizer(fitting: data.rows(at: Array(0..<reference.fit_rows)))
        for (ours, theirs) in zip(scaler.mean + scaler.scale, reference.mean + reference.scale) {
            #expect(abs(ours - theirs) <= 1e-12 * max(1, abs(theirs)))
        }
        #expect(scaler.scale[1] == 1)
        let transformed = scaler.transform(data)
        #expect(transformed.maxAbsoluteDifference(to: Matrix(reference.transformed)) <= 1e-12)
        #expect(scaler.inverseTransform(transformed).maxAbsoluteDifference(to: data) <= 1e-9)
    }

    @Test("Seed 003's pipeline: make_moons(1000, 0.125, 42) → train_test_split(0.2, 42) → StandardScaler")
    func seed003Pipeline() throws {
        let reference = try (fixture("scaling.json") as ScalingFixture).seed003
        var random = RandomState(seed: 42)
        let data = TwoClassShapes.moons(samples: 1000, noise: 0.125, random: &random)
        let split = TrainTestSplit.shuffled(count: 1000, testFraction: 0.2, seed: 42)
        let train = data.subset(split.train), test = data.subset(split.test)
        let scaler = Standardizer(fitting: train.inputs)
        #expect(train.targets.elements == reference.train_labels)
        #expect(test.targets.elements == reference.test_labels)
        #expect(scaler.transform(train.inputs).maxAbsoluteDifference(to: Matrix(reference.train_inputs)) <= 1e-12)
        #expect(scaler.transform(test.inputs).maxAbsoluteDifference(to: Matrix(reference.test_inputs)) <= 1e-12)
        #expect((train.count, test.count) == (800, 200))
    }
}

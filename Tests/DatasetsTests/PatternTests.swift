import NeuralNet
import Testing
import TestSupport
@testable import Datasets

@Suite("More generators, three-way splits and named streams")
struct PatternTests {
    @Test("XOR labels follow the signs of the clean coordinates")
    func xor() {
        var random = RandomState(seed: 3)
        let data = PatternShapes.xor(samples: 400, random: &random)
        for row in 0..<data.count {
            let expected = (data.inputs[row, 0] > 0) != (data.inputs[row, 1] > 0)
            #expect(data.targets[row, 0] == (expected ? 1 : 0))
        }
        let counts = Dictionary(grouping: data.targets.elements, by: { $0 }).mapValues(\.count)
        #expect(counts[0]! > 150 && counts[1]! > 150)
    }

    @Test("Spirals: arms of even size with radius growing from 0 to 1")
    func spirals() {
        var random = RandomState(seed: 4)
        let data = PatternShapes.spirals(samples: 301, arms: 3, noise: 0, random: &random)
        #expect(data.targets.elements.filter { $0 == 0 }.count == 101)
        #expect(data.targets.elements.filter { $0 == 2 }.count == 100)
        let radius = (data.inputs[100, 0] * data.inputs[100, 0] + data.inputs[100, 1] * data.inputs[100, 1]).squareRoot()
        #expect(abs(radius - 1) < 1e-12)
        #expect(data.inputs[0, 0] == 0 && data.inputs[0, 1] == 0)
    }

    @Test("A three-way split of 100 rows at 20% and 20% gives 64/16/20, disjoint and complete")
    func threeWay() throws {
        let labels = (0..<100).map { Double($0 % 2) }
        for stratify in [false, true] {
            let split = try #require(TrainTestSplit.threeWay(count: 100, testFraction: 0.2, validationFraction: 0.2,
                                                            labels: stratify ? labels : nil, seed: 42))
            #expect((split.train.count, split.validation.count, split.test.count) == (64, 16, 20))
            #expect(Set(split.train + split.validation + split.test) == Set(0..<100))
            if stratify {
                #expect(split.validation.filter { labels[$0] == 1 }.count == 8)
            }
        }
        let none = try #require(TrainTestSplit.threeWay(count: 10, testFraction: 0.3, validationFraction: 0, labels: nil, seed: 1))
        #expect(none.validation.isEmpty && none.train.count == 7)
    }

    @Test("Named streams are reproducible, distinct, and independent of each other")
    func streams() {
        var a = RandomState(seed: 42, stream: "lr=0.01/init")
        var b = RandomState(seed: 42, stream: "lr=0.01/init")
        var c = RandomState(seed: 42, stream: "lr=0.02/init")
        var d = RandomState(seed: 43, stream: "lr=0.01/init")
        let first = (0..<4).map { _ in a.nextUniform() }
        #expect(first == (0..<4).map { _ in b.nextUniform() })
        #expect(first != (0..<4).map { _ in c.nextUniform() })
        #expect(first != (0..<4).map { _ in d.nextUniform() })
    }
}

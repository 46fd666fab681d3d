import Foundation
import Testing
import Datasets
import TestSupport

/// One seed's draws as NumPy's legacy `RandomState` made them.
struct StreamCase: Decodable {
    let seed: UInt32
    let uint32: [UInt32]
    let random_sample: [Double]
    let randn: [Double]
    let normal: [Double]
    let uniform: [Double]
    let randint: [Int]
    let permutation: [Int]
    let shuffle: [Int]
    let choice: [Int]
    let after: [Double]
}

@Suite("RandomState reproduces NumPy bit for bit")
struct RandomStateTests {
    @Test("Every stream function, for several seeds, in one continued sequence")
    func streams() throws {
        let cases: [StreamCase] = try fixture("streams.json")
        #expect(cases.count == 5)
        for reference in cases {
            var raw = RandomState(seed: reference.seed)
            #expect((0..<5).map { _ in raw.nextUInt32() } == reference.uint32, "seed \(reference.seed): raw words")

            var state = RandomState(seed: reference.seed)
            #expect((0..<7).map { _ in state.nextUniform() } == reference.random_sample, "seed \(reference.seed): random_sample")
            #expect((0..<9).map { _ in state.nextStandardNormal() } == reference.randn, "seed \(reference.seed): randn")
            #expect((0..<3).map { _ in state.nextNormal(mean: -1, standardDeviation: 0.5) } == reference.normal)
            #expect((0..<3).map { _ in state.nextUniform(low: -3, high: 3) } == reference.uniform)
            let integers = (0..<6).map { _ in state.nextInteger(low: 0, high: 10) }
                + (0..<6).map { _ in state.nextInteger(low: -5, high: 1000) }
            #expect(integers == reference.randint, "seed \(reference.seed): randint")
            #expect(state.permutation(17) == reference.permutation, "seed \(reference.seed): permutation")
            var values = Array(0..<10)
            state.shuffle(&values)
            #expect(values == reference.shuffle, "seed \(reference.seed): shuffle")
            #expect(state.choiceWithoutReplacement(from: 50, count: 8) == reference.choice)
            #expect([state.nextUniform(), state.nextUniform()] == reference.after, "seed \(reference.seed): stream position")
        }
    }
}

import Testing
@testable import NeuralNet

/// The comparisons the tests and the gradient check rely on fail on NaN and on infinities where
/// the reference is finite: a check that a NaN can pass proves nothing.
@Suite("Comparisons that NaN cannot pass")
struct ComparisonTests {
    @Test("closeness: equal is 0, rounding is at most 1, NaN or ∞ against a finite value is infinitely far")
    func closenessHelper() {
        let reference = Matrix([[1.0, -2.0, 3.0]])
        #expect(closeness(reference, reference) == 0)
        #expect(closeness(Matrix([[1.0 + 1e-12, -2.0, 3.0]]), reference) <= 1)
        #expect(closeness(Matrix([[1.0 + 1e-6, -2.0, 3.0]]), reference) > 1)
        #expect(closeness(Matrix([[.nan, -2.0, 3.0]]), reference) == .infinity)
        #expect(closeness(Matrix([[1.0, .infinity, 3.0]]), reference) == .infinity)
        #expect(closeness(Matrix([[1.0, -2.0, 3.0]]), Matrix([[1.0, -2.0, .nan]])) == .infinity)
        #expect(closeness(Matrix([[1.0, -2.0]]), reference) == .infinity)
    }

    @Test("largestError: a NaN anywhere makes it NaN, which no bound passes; Swift's max would have dropped it")
    func largestErrorHelper() {
        #expect(largestError([0.5, 2, 1]) == 2)
        #expect(largestError([Double]()) == 0)
        #expect(largestError([0.5, .nan, 1]).isNaN)
        #expect(largestError([.nan, 0.5]).isNaN)
        #expect(!(largestError([0.1, .nan]) <= 1))
        #expect(max(0.1, Double.nan) == 0.1)  // what the helper guards against
    }

    @Test("isClose: NaN is close to nothing, an infinity only to itself")
    func isCloseHelper() {
        #expect(isClose(1, 1 + 1e-12))
        #expect(!isClose(1, 1.001))
        #expect(!isClose(.nan, .nan))
        #expect(!isClose(.nan, 1))
        #expect(!isClose(.infinity, 5))
        #expect(!isClose(5, -.infinity))
        #expect(isClose(.infinity, .infinity))
    }

    @Test("maxAbsoluteDifference is NaN when any element is")
    func maxAbsoluteDifference() {
        let a = Matrix([[1.0, 2.0, 3.0]])
        #expect(a.maxAbsoluteDifference(to: Matrix([[1.0, 2.5, 3.0]])) == 0.5)
        #expect(a.maxAbsoluteDifference(to: Matrix([[.nan, 2.0, 3.0]])).isNaN)
        #expect(Matrix([[.infinity]]).maxAbsoluteDifference(to: Matrix([[.infinity]])).isNaN)
        #expect(a.maxAbsoluteDifference(to: Matrix([[1.0, 2.0, .infinity]])) == .infinity)
    }

    /// A layer whose backward pass is NaN: what a broken formula would give.
    final class BrokenLayer: Layer {
        var name: String { "Broken" }
        var parameters: [Parameter] { [] }
        func outputWidth(forInputWidth inputWidth: Int) -> Int? { inputWidth }
        func forward(_ input: Matrix, into output: inout Matrix) { output = input }
        func backward(input: Matrix, output: Matrix, outputGradient: Matrix, inputGradient: inout Matrix, computeInputGradient: Bool) {
            inputGradient = Matrix(rows: input.rows, columns: input.columns, elements: Array(repeating: .nan, count: input.count))
        }
    }

    @Test("The gradient check fails a NaN gradient")
    func gradientCheckFailsOnNaN() {
        let input = Matrix([[0.5, -1.0], [2.0, 0.25]])
        let results = GradientCheck.check(layer: BrokenLayer(), input: input, outputWeights: Matrix([[1.0, 2.0], [3.0, 4.0]]))
        #expect(results.count == 1)
        #expect(results[0].maxAbsoluteDeviation.isNaN)
        #expect(!results[0].passed)
    }
}

import Foundation
import Testing
import CVectorMath
@testable import NeuralNet

/// A loss value and gradient as PyTorch computed them.
struct LossCase: Decodable {
    let loss: String
    let reduction: String
    let prediction: [[Double]]
    let target: [[Double]]
    let value: Double
    let gradient: [[Double]]
}

@Suite("Losses against PyTorch")
struct LossTests {
    func loss(for reference: LossCase) throws -> any Loss {
        let reduction = try #require(Reduction(rawValue: reference.reduction))
        switch reference.loss {
        case "bce": return BinaryCrossEntropy(reduction: reduction)
        case "bce_logits": return BinaryCrossEntropyWithLogits(reduction: reduction)
        case "mse": return MeanSquaredError(reduction: reduction)
        case "mse_one_hot": return MeanSquaredError(reduction: reduction, oneHotTargets: true)
        case "softmax_cross_entropy": return SoftmaxCrossEntropy(reduction: reduction)
        default: throw FixtureError.unknown(reference.loss)
        }
    }

    enum FixtureError: Error { case unknown(String) }

    @Test("Value and gradient of every loss and reduction")
    func againstPyTorch() throws {
        let cases: [LossCase] = try fixture("losses.json")
        #expect(cases.count == 11)
        for reference in cases {
            let loss = try loss(for: reference)
            let (value, gradient) = loss.valueAndGradient(Matrix(fixture: reference.prediction), Matrix(fixture: reference.target))
            #expect(isClose(value, reference.value), "\(loss.name): \(value) vs \(reference.value)")
            #expect(closeness(gradient, Matrix(fixture: reference.gradient)) <= 1, "\(loss.name) gradient")
        }
    }

    @Test("Softmax cross-entropy follows its definition for every number of classes and of rows",
          arguments: [2, 3, 4, 5, 6, 10, 17])
    func softmaxCrossEntropyWidths(classes: Int) {
        var random = TestRandom(seed: UInt64(classes))
        for rows in [1, 3, 4, 7] {
            let logits = random.normalMatrix(rows, classes).map { 5 * $0 }
            let labels = Matrix.column((0..<rows).map { Double(($0 * 7) % classes) })
            var expectedValue = 0.0
            var expectedGradient = Matrix(rows: rows, columns: classes)
            for row in 0..<rows {
                let z = logits.row(row)
                let sum = z.reduce(0) { $0 + Foundation.exp($1) }
                let label = Int(labels[row, 0])
                expectedValue += (Foundation.log(sum) - z[label]) / Double(rows)
                for column in 0..<classes {
                    expectedGradient[row, column] = (Foundation.exp(z[column]) / sum - (column == label ? 1 : 0)) / Double(rows)
                }
            }
            let (value, gradient) = SoftmaxCrossEntropy().valueAndGradient(logits, labels)
            #expect(isClose(value, expectedValue, relative: 1e-13), "\(rows) rows: \(value) vs \(expectedValue)")
            #expect(closeness(gradient, expectedGradient, relative: 1e-13) <= 1, "\(rows) rows")
            #expect(SoftmaxCrossEntropy().value(logits, labels) == value, "the value does not depend on wanting a gradient")
        }
    }

    @Test("Every loss passes the numerical gradient check")
    func gradientCheck() {
        var random = TestRandom(seed: 11)
        let probabilities = random.normalMatrix(6, 2).map { VectorMath.sigmoid($0) }
        let labels = Matrix.column((0..<6).map { Double($0 % 3) })
        let binary = Matrix(rows: 6, columns: 2, elements: (0..<12).map { Double($0 % 2) })
        let checks: [(any Loss, Matrix, Matrix)] = [
            (BinaryCrossEntropy(), probabilities, binary),
            (BinaryCrossEntropy(reduction: .sum), probabilities, binary),
            (BinaryCrossEntropyWithLogits(), random.normalMatrix(6, 2), binary),
            (MeanSquaredError(), random.normalMatrix(6, 2), random.normalMatrix(6, 2)),
            (MeanSquaredError(reduction: .batchMean, oneHotTargets: true), random.normalMatrix(6, 3), labels),
            (SoftmaxCrossEntropy(), random.normalMatrix(6, 3), labels),
            (SoftmaxCrossEntropy(reduction: .sum), random.normalMatrix(6, 3), labels),
        ]
        for (loss, prediction, target) in checks {
            let result = GradientCheck.check(loss: loss, prediction: prediction, target: target)
            #expect(result.maxAbsoluteDeviation < 1e-8, "\(loss.name): \(result.maxAbsoluteDeviation)")
        }
    }

    @Test("Saturated predictions give large finite losses, never NaN")
    func saturation() {
        let bce = BinaryCrossEntropy().valueAndGradient(Matrix([[1.0], [0.0]]), Matrix([[0.0], [1.0]]))
        #expect(bce.value == 100)  // both logs clamped at −100, as PyTorch
        #expect(bce.gradient.isFinite)
        let logits = BinaryCrossEntropyWithLogits().value(Matrix([[800.0]]), Matrix([[0.0]]))
        #expect(logits == 800)
        let crossEntropy = SoftmaxCrossEntropy().value(Matrix([[1000.0, -1000.0]]), Matrix([[1.0]]))
        #expect(crossEntropy == 2000)
    }

    @Test("Losses say when they do not fit the network's output")
    func incompatibility() {
        #expect(SoftmaxCrossEntropy().incompatibility(predictionWidth: 1, targetWidth: 1) != nil)
        #expect(SoftmaxCrossEntropy().incompatibility(predictionWidth: 3, targetWidth: 1) == nil)
        #expect(BinaryCrossEntropy().incompatibility(predictionWidth: 3, targetWidth: 1) != nil)
        #expect(MeanSquaredError(oneHotTargets: true).incompatibility(predictionWidth: 3, targetWidth: 1) == nil)
    }

    @Test("A class target is a whole number in 0..<width; the C losses name the first row that is not")
    func classTargets() {
        let valid: [Double] = [0, 1, 2, -0.0]
        let invalid: [Double] = [3, -1, 2.5, 0.5, 2.9999999999999996, 1e300, .infinity, -.infinity, .nan, 4503599627370497]
        for target in valid { #expect(vm_is_class_index(target, 3) != 0, "\(target)") }
        for target in invalid { #expect(vm_is_class_index(target, 3) == 0, "\(target)") }
        let logits = [Double](repeating: 0.5, count: 5 * 3)
        for (row, bad) in invalid.prefix(5).enumerated() {
            var classes: [Double] = [0, 1, 2, 1, 0]
            classes[row] = bad
            classes[4] = -1  // a later invalid row is not the one named
            var exponentials = [Double](repeating: 0, count: 15), scratch = [Double](repeating: 0, count: 15)
            var loss = 0.0, squared = 0.0
            #expect(vm_softmax_cross_entropy(logits, classes, 5, 3, 1, &exponentials, &scratch, 1, &loss) == row)
            #expect(vm_squared_error(logits, classes, 5, 3, 1, 1, &exponentials, 1, &squared) == row)
        }
    }
}

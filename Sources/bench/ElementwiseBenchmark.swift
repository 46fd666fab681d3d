import Datasets
import Foundation
import NeuralNet

/// Nanoseconds per element of the vectorised kernels, against libm's `exp` one call at a time.
enum ElementwiseBenchmark {
    static func measure(repetitions: Int) -> [Measurement] {
        var random = RandomState(seed: 5)
        let count = 6_000
        let input = (0..<count).map { _ in 4 * random.nextStandardNormal() }
        var output = [Double](repeating: 0, count: count)
        let rounds = 200
        func perElement(_ name: String, _ kernel: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) -> Measurement {
            var m = Measurement.microseconds(name, repetitions: repetitions, operations: rounds * count) {
                input.withUnsafeBufferPointer { source in
                    output.withUnsafeMutableBufferPointer { target in
                        for _ in 0..<rounds { kernel(source, target) }
                    }
                }
            }
            (m.median, m.min, m.unit) = (m.median * 1000, m.min * 1000, "ns")
            return m
        }
        let libm = perElement("exp, libm one call per element") { source, target in
            for index in 0..<source.count { target[index] = Foundation.exp(source[index]) }
        }
        var vectorised = perElement("exp, VectorMath") { VectorMath.exp($0, into: $1) }
        vectorised.note = String(format: "%.2fx libm", vectorised.median / libm.median)
        let sigmoid = perElement("sigmoid, VectorMath") { VectorMath.sigmoid($0, into: $1) }
        return [vectorised, libm, sigmoid]
    }
}

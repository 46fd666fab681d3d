import Foundation
import NeuralNet
@_exported import TestSupport

extension Matrix {
    /// A matrix from a fixture's list of rows.
    init(fixture rows: [[Double]]) { self.init(rows) }
}

/// A small deterministic generator for tests (SplitMix64 with Box-Muller normals); the project's
/// NumPy-compatible generator lives in `Datasets`.
struct TestRandom: RandomSource {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextBits() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func nextUniform() -> Double { Double(nextBits() >> 11) * 0x1p-53 }

    mutating func nextStandardNormal() -> Double {
        let u1 = 1 - nextUniform(), u2 = nextUniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    mutating func shuffle(_ indices: inout [Int]) {
        guard indices.count > 1 else { return }
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            indices.swapAt(i, Int(nextBits() % UInt64(i + 1)))
        }
    }

    /// A matrix of standard normal samples.
    mutating func normalMatrix(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in nextStandardNormal() })
    }
}

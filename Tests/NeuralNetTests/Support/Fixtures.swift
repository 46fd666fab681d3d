import Foundation
import NeuralNet

/// Reads a JSON fixture written by `Fixtures/generate.py`.
func fixture<Value: Decodable>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    return try JSONDecoder().decode(Value.self, from: data)
}

extension Matrix {
    /// A matrix from a fixture's list of rows.
    init(fixture rows: [[Double]]) { self.init(rows) }
}

/// The largest violation of `|a − b| ≤ relative·max(|a|, |b|) + floor` over all elements, as a
/// multiple of the allowance (≤ 1 means close). The floor, 1e-15 of the largest expected magnitude,
/// admits rounding-level differences in elements that cancel to nearly zero.
func closeness(_ actual: Matrix, _ expected: Matrix, relative: Double = 1e-9) -> Double {
    guard actual.rows == expected.rows, actual.columns == expected.columns else { return .infinity }
    let floor = 1e-15 * max(1, expected.elements.map(abs).max() ?? 0)
    return zip(actual.elements, expected.elements).map { a, b in
        if a == b { return 0 }
        return abs(a - b) / (relative * max(abs(a), abs(b)) + floor)
    }.max() ?? 0
}

/// Whether two numbers agree to `relative` (or to 1e-15 in absolute terms near zero).
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    a == b || abs(a - b) <= relative * max(abs(a), abs(b)) + 1e-15
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

    mutating func shuffle<Element>(_ indices: inout [Element]) {
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

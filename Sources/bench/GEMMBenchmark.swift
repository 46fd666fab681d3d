import COpenBLAS
import Datasets
import Foundation
import NeuralNet

/// Matrix products through `Matrix.multiply`, against a direct `cblas_dgemm` call on the same data.
enum GEMMBenchmark {
    /// GFLOP/s of an n x n product, ours and raw OpenBLAS, both on one thread.
    static func measure(size n: Int, repetitions: Int) -> [Measurement] {
        var random = RandomState(seed: 0)
        let a = random.matrix(n, n), b = random.matrix(n, n)
        var c = Matrix(rows: n, columns: n)
        let flops = 2 * Double(n * n * n)
        let ours = Measurement.microseconds("dgemm n=\(n), Matrix.multiply", repetitions: repetitions, operations: 1) {
            Matrix.multiply(a, b, into: &c, kernel: .blas)
        }
        var raw = [Double](repeating: 0, count: n * n)
        let reference = Measurement.microseconds("dgemm n=\(n), cblas_dgemm", repetitions: repetitions, operations: 1) {
            a.elements.withUnsafeBufferPointer { a in
                b.elements.withUnsafeBufferPointer { b in
                    raw.withUnsafeMutableBufferPointer { c in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1,
                                    a.baseAddress, Int32(n), b.baseAddress, Int32(n), 0, c.baseAddress, Int32(n))
                    }
                }
            }
        }
        func gigaflops(_ m: Measurement, note: String? = nil) -> Measurement {
            // A shorter time is a higher rate: the best time gives the best rate.
            Measurement(name: m.name, unit: "GFLOP/s", median: flops / m.median / 1e3, min: flops / m.min / 1e3, note: note)
        }
        let ratio = reference.median / ours.median
        return [gigaflops(ours, note: String(format: "%.0f%% of OpenBLAS", ratio * 100)), gigaflops(reference)]
    }

    /// Time of small products through the small-product kernel and through OpenBLAS, around the threshold
    /// `Matrix.multiply` switches at: the evidence for where it sits.
    static func crossover(repetitions: Int) -> [Measurement] {
        var random = RandomState(seed: 0)
        var results: [Measurement] = []
        // The shapes of a 2-10-10-3 network's products on 300 rows, and of a 1-100-1 network's on one.
        let shapes = [(1, 1, 100), (1, 100, 1), (100, 1, 1), (8, 8, 8), (16, 16, 16), (32, 32, 32), (64, 64, 64), (96, 96, 96),
                      (300, 2, 10), (300, 10, 10), (300, 10, 3), (10, 300, 10), (10, 300, 3), (2, 300, 10), (300, 3, 10)]
        for (m, k, n) in shapes {
            let a = random.matrix(m, k), b = random.matrix(k, n)
            var c = Matrix(rows: m, columns: n)
            let count = Swift.max(20, 20_000_000 / (m * n * k + 1000))
            let small = Measurement.microseconds("gemm-crossover \(m)x\(k)x\(n) small", repetitions: repetitions, operations: count) {
                for _ in 0..<count { Matrix.multiply(a, b, into: &c, kernel: .small) }
            }
            let blas = Measurement.microseconds("gemm-crossover \(m)x\(k)x\(n) BLAS", repetitions: repetitions, operations: count) {
                for _ in 0..<count { Matrix.multiply(a, b, into: &c, kernel: .blas) }
            }
            results += [small, blas]
        }
        return results
    }
}

extension RandomState {
    /// A matrix of uniform samples from [-0.5, 0.5); the products' speed does not depend on them.
    mutating func matrix(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in nextUniform() - 0.5 })
    }
}

import Foundation
import Reporting

/// The same training steps written in NumPy as the notebooks write them, timed in the same run so
/// that the comparison does not depend on the machine.
enum NumPyReference {
    /// Median microseconds per step by benchmark name, or nil when python3 with numpy is unavailable.
    static func measure() -> [String: Double]? {
        // One BLAS thread, as on our side: NumPy's bundled OpenBLAS would otherwise start its own.
        let singleThreaded = ["OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"]
        guard let output = runCommand(["python3", "Benchmarks/numpy_core.py"], environment: singleThreaded) else {
            return nil
        }
        var medians: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            guard let measurement = try? JSONDecoder().decode(Measurement.self, from: Data(line.utf8)) else { continue }
            medians[measurement.name] = measurement.median
        }
        return medians
    }
}

import NeuralNet

/// Per-column standardisation, z = (x − mean) / scale, as scikit-learn's `StandardScaler`: fitted on
/// the training split only, with the population standard deviation (ddof = 0); a column whose
/// deviation is below 10·ε (constant) gets scale 1. Keeps its mean and scale, so figures can map
/// standardised values back to original units.
public struct Standardizer: Codable, Equatable, Sendable {
    /// The mean of each column of the data it was fitted on.
    public var mean: [Double]
    /// The standard deviation of each column (1 for a constant column).
    public var scale: [Double]

    /// Fits to the columns of `data`.
    public init(fitting data: Matrix) {
        let rows = Double(Swift.max(data.rows, 1))
        let means = (0..<data.columns).map { data.column($0).reduce(0, +) / rows }
        mean = means
        scale = (0..<data.columns).map { column in
            let m = means[column]
            let variance = data.column(column).reduce(0) { $0 + ($1 - m) * ($1 - m) } / rows
            let deviation = variance.squareRoot()
            return deviation < 10 * Double.ulpOfOne ? 1 : deviation
        }
    }

    /// (x − mean) / scale, column by column.
    public func transform(_ data: Matrix) -> Matrix {
        precondition(data.columns == mean.count, "Standardizer fitted on \(mean.count) columns, given \(data.columns)")
        var result = data
        for row in 0..<data.rows {
            for column in 0..<data.columns { result[row, column] = (data[row, column] - mean[column]) / scale[column] }
        }
        return result
    }

    /// x·scale + mean: back to original units.
    public func inverseTransform(_ data: Matrix) -> Matrix {
        var result = data
        for row in 0..<data.rows {
            for column in 0..<data.columns { result[row, column] = data[row, column] * scale[column] + mean[column] }
        }
        return result
    }
}

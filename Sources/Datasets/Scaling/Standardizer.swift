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

    /// Fits to the rows `rows` of `table`, as scaled before standardising (divided by its divisor):
    /// the same sums, in the same order, as fitting the matrix of those rows, without forming it.
    public init(fitting table: InputTable, rows: [Int]) {
        var unstandardized = table
        unstandardized.standardization = nil
        let width = table.columns
        var sums = [Double](repeating: 0, count: width)
        var row = [Double](repeating: 0, count: width)
        for index in rows {
            unstandardized.copyRow(index, into: &row)
            for column in 0..<width { sums[column] += row[column] }
        }
        let count = Double(Swift.max(rows.count, 1))
        let means = sums.map { $0 / count }
        var squares = [Double](repeating: 0, count: width)
        for index in rows {
            unstandardized.copyRow(index, into: &row)
            for column in 0..<width { squares[column] += (row[column] - means[column]) * (row[column] - means[column]) }
        }
        mean = means
        scale = squares.map { total in
            let deviation = (total / count).squareRoot()
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

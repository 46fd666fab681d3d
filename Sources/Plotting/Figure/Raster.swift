/// A grid of values by rows and columns, row 0 first: a picture's pixels or a matrix's cells.
public struct Raster: Sendable, Equatable {
    /// Rows of the grid.
    public let rows: Int
    /// Columns of the grid.
    public let columns: Int
    /// The values, row by row; NaN paints nothing.
    public let values: [Double]

    /// A raster of `rows` x `columns` row-major values; nil when their count is not rows x columns.
    public init?(rows: Int, columns: Int, values: [Double]) {
        guard rows > 0, columns > 0, values.count == rows * columns else { return nil }
        (self.rows, self.columns, self.values) = (rows, columns, values)
    }

    /// The value at a row and column.
    public subscript(row: Int, column: Int) -> Double { values[row * columns + column] }
}

/// Values on a regular grid over a rectangle of the plane: a decision function evaluated on a mesh.
///
/// Row 0 is at `y.lowerBound` and column 0 at `x.lowerBound`, as `np.meshgrid(linspace(...), ...)`
/// lays them out; grid points are evenly spaced and include both ends of each range.
public struct Field: Sendable, Equatable {
    /// Grid points along x.
    public let columns: Int
    /// Grid points along y.
    public let rows: Int
    /// The values, row by row.
    public let values: [Double]
    /// The x range the grid spans.
    public let x: ClosedRange<Double>
    /// The y range the grid spans.
    public let y: ClosedRange<Double>

    /// Creates a field from row-major values.
    public init(columns: Int, rows: Int, values: [Double], x: ClosedRange<Double>, y: ClosedRange<Double>) {
        precondition(columns >= 2 && rows >= 2 && values.count == columns * rows,
                     "A field needs at least 2x2 values, \(columns)x\(rows) of them; got \(values.count)")
        self.columns = columns
        self.rows = rows
        self.values = values
        self.x = x
        self.y = y
    }

    /// Evaluates `function` at every grid point.
    public init(columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>, _ function: (Double, Double) -> Double) {
        let xs = (0..<columns).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(columns - 1) }
        let ys = (0..<rows).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(rows - 1) }
        self.init(columns: columns, rows: rows, values: ys.flatMap { yValue in xs.map { function($0, yValue) } }, x: x, y: y)
    }

    /// The value at a grid point.
    public func value(column: Int, row: Int) -> Double { values[row * columns + column] }

    /// The x coordinate of a grid column.
    public func xCoordinate(_ column: Double) -> Double {
        x.lowerBound + (x.upperBound - x.lowerBound) * column / Double(columns - 1)
    }

    /// The y coordinate of a grid row.
    public func yCoordinate(_ row: Double) -> Double {
        y.lowerBound + (y.upperBound - y.lowerBound) * row / Double(rows - 1)
    }
}

/// A data set's inputs as they were read, kept compact: an image's pixels stay one byte each
/// until a batch is formed. Scaling (a divisor such as 255, then standardisation) is applied to
/// each value as it is copied out, in the order scaling the whole table first would apply it, so
/// a batch holds the same numbers either way.
public struct InputTable: Sendable, Equatable {
    /// The stored values, row by row.
    public enum Values: Sendable, Equatable {
        /// Numbers as they are.
        case numbers([Double])
        /// Unsigned bytes (pixels).
        case bytes([UInt8])
    }

    /// The values, row-major.
    public let values: Values
    /// Rows (examples).
    public let rows: Int
    /// Columns (features).
    public let columns: Int
    /// Every value is divided by this first, when set (`255` for pixels).
    public var divisor: Double?
    /// Then standardised per column, (x − mean) / scale, when set.
    public var standardization: (mean: [Double], scale: [Double])? {
        get { standardizationColumns.map { ($0.mean, $0.scale) } }
        set { standardizationColumns = newValue.map { Columns(mean: $0.mean, scale: $0.scale) } }
    }

    private struct Columns: Sendable, Equatable {
        var mean: [Double]
        var scale: [Double]
    }
    private var standardizationColumns: Columns?

    /// A table of numbers.
    public init(_ matrix: Matrix) {
        values = .numbers(matrix.elements)
        rows = matrix.rows
        columns = matrix.columns
    }

    /// A table of bytes, `columns` per row.
    public init(bytes: [UInt8], columns: Int) {
        values = .bytes(bytes)
        self.columns = max(columns, 1)
        rows = bytes.count / max(columns, 1)
    }

    /// The rows of `first` then those of `second`, unscaled, when both store the same kind of value
    /// in the same number of columns.
    public init?(concatenating first: InputTable, _ second: InputTable) {
        guard first.columns == second.columns else { return nil }
        switch (first.values, second.values) {
        case (.numbers(let a), .numbers(let b)): values = .numbers(a + b)
        case (.bytes(let a), .bytes(let b)): values = .bytes(a + b)
        default: return nil
        }
        rows = first.rows + second.rows
        columns = first.columns
    }

    /// The first non-finite stored value: its row, column and value (bytes are always finite).
    public var firstNonFinite: (row: Int, column: Int, value: Double)? {
        guard case .numbers(let numbers) = values, let index = numbers.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (index / columns, index % columns, numbers[index])
    }

    /// The scaled value at `row`, `column`.
    @inline(__always)
    public func value(row: Int, column: Int) -> Double {
        let index = row * columns + column
        var x: Double = switch values {
        case .numbers(let numbers): numbers[index]
        case .bytes(let bytes): Double(bytes[index])
        }
        if let divisor { x = x / divisor }
        if let columns = standardizationColumns { x = (x - columns.mean[column]) / columns.scale[column] }
        return x
    }

    /// The scaled values of `row`.
    public func row(_ row: Int) -> [Double] { (0..<columns).map { value(row: row, column: $0) } }

    /// Writes the scaled values of `row` into `target` (resized to the table's width).
    public func copyRow(_ row: Int, into target: inout [Double]) {
        if target.count != columns { target = [Double](repeating: 0, count: columns) }
        target.withUnsafeMutableBufferPointer { fill(row: row, into: $0) }
    }

    /// Copies the scaled rows at `indices`, in that order, into `target`, reusing its storage.
    public func copyRows(_ indices: ArraySlice<Int>, into target: inout Matrix) {
        target.resize(rows: indices.count, columns: columns)
        let width = columns
        target.withUnsafeMutableBufferPointer { destination in
            var offset = 0
            for source in indices {
                precondition(source >= 0 && source < rows, "Row \(source) is outside a table of \(rows) rows")
                fill(row: source, into: UnsafeMutableBufferPointer(rebasing: destination[offset..<(offset + width)]))
                offset += width
            }
        }
    }

    /// Copies the scaled rows at `indices`, rounded to `Float`, into `target` (resized): each
    /// value scaled in `Double` as `value(row:column:)` scales it, then rounded.
    public func copyRows(_ indices: ArraySlice<Int>, into target: inout SingleMatrix) {
        target.resize(rows: indices.count, columns: columns)
        let width = columns
        if case .bytes(let bytes) = values, standardizationColumns == nil {
            // A byte has 256 values: their scaled, rounded images are looked up, not recomputed.
            let table = (0..<256).map { byte in Float(divisor.map { Double(byte) / $0 } ?? Double(byte)) }
            bytes.withUnsafeBufferPointer { source in
                table.withUnsafeBufferPointer { table in
                    target.withUnsafeMutableBufferPointer { destination in
                        var offset = 0
                        for row in indices {
                            precondition(row >= 0 && row < rows, "Row \(row) is outside a table of \(rows) rows")
                            let start = row * width
                            for column in 0..<width { destination[offset + column] = table[Int(source[start + column])] }
                            offset += width
                        }
                    }
                }
            }
            return
        }
        var row = [Double](repeating: 0, count: width)
        target.withUnsafeMutableBufferPointer { destination in
            var offset = 0
            for source in indices {
                precondition(source >= 0 && source < rows, "Row \(source) is outside a table of \(rows) rows")
                row.withUnsafeMutableBufferPointer { fill(row: source, into: $0) }
                for column in 0..<width { destination[offset + column] = Float(row[column]) }
                offset += width
            }
        }
    }

    /// Every row, scaled, as a matrix (for small tables: it takes 8 bytes a value).
    public var matrix: Matrix {
        var result = Matrix.empty
        copyRows(Array(0..<rows)[...], into: &result)
        return result
    }

    /// Writes the scaled values of `row` into `destination`, one pass per storage kind.
    private func fill(row: Int, into destination: UnsafeMutableBufferPointer<Double>) {
        let start = row * columns
        switch values {
        case .numbers(let numbers):
            numbers.withUnsafeBufferPointer { source in
                for column in 0..<columns { destination[column] = source[start + column] }
            }
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { source in
                for column in 0..<columns { destination[column] = Double(source[start + column]) }
            }
        }
        if let divisor {
            for column in 0..<columns { destination[column] = destination[column] / divisor }
        }
        if let standardization = standardizationColumns {
            for column in 0..<columns { destination[column] = (destination[column] - standardization.mean[column]) / standardization.scale[column] }
        }
    }

    public static func == (left: InputTable, right: InputTable) -> Bool {
        left.rows == right.rows && left.columns == right.columns && left.divisor == right.divisor
            && left.standardizationColumns == right.standardizationColumns && left.values == right.values
    }
}

/// Examples a training loop reads a batch at a time: rows of an input table and their targets,
/// picked by index, so that a split or a shuffled batch never copies the data set.
public struct Examples: Sendable {
    /// The inputs of every row of the data set.
    public let inputs: InputTable
    /// The targets of every row of the data set, one row each.
    public let targets: Matrix
    /// The rows of the data set these examples are, in order.
    public let indices: [Int]

    /// The `indices` rows of `inputs` and `targets`.
    public init(inputs: InputTable, targets: Matrix, indices: [Int]) {
        precondition(inputs.rows == targets.rows, "\(inputs.rows) input rows but \(targets.rows) target rows")
        self.inputs = inputs
        self.targets = targets
        self.indices = indices
    }

    /// Every row of `data`.
    public init(_ data: LabeledData) {
        self.init(inputs: InputTable(data.inputs), targets: data.targets, indices: Array(0..<data.count))
    }

    /// The number of examples.
    public var count: Int { indices.count }

    /// The inputs' width.
    public var inputWidth: Int { inputs.columns }

    /// Copies the examples at `positions` (positions in `indices`) into a batch.
    public func copyBatch(_ positions: ArraySlice<Int>, inputs batchInputs: inout Matrix, targets batchTargets: inout Matrix) {
        let rows = positions.map { indices[$0] }[...]
        inputs.copyRows(rows, into: &batchInputs)
        targets.copyRows(rows, into: &batchTargets)
    }

    /// Every example, in order, as one data set.
    public var materialized: LabeledData {
        var batch = LabeledData(inputs: .empty, targets: .empty)
        copyBatch(Array(indices.indices)[...], inputs: &batch.inputs, targets: &batch.targets)
        return batch
    }
}

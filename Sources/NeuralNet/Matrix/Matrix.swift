/// A dense matrix of `Double`s stored contiguously in row-major order, with value semantics.
///
/// Element `(row, column)` lives at `elements[row * columns + column]`. A batch of samples is a
/// matrix with one sample per row, which is how every layer and loss in this module sees data.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    @usableFromInline var storage: [Double]

    /// The elements in row-major order; `elements.count == rows * columns` always holds.
    public var elements: [Double] { storage }

    /// Creates a `rows` x `columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = [Double](repeating: value, count: rows * columns)
    }

    /// Creates a matrix from row-major `elements`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)x\(columns)")
        precondition(
            elements.count == rows * columns,
            "A \(rows)x\(columns) matrix needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.storage = elements
    }

    /// Creates a matrix from an array of equally long rows.
    public init(_ rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        for (index, row) in rowArrays.enumerated() {
            precondition(row.count == width, "Row \(index) has \(row.count) elements, row 0 has \(width)")
        }
        self.init(rows: rowArrays.count, columns: width, elements: rowArrays.flatMap { $0 })
    }

    /// A matrix with a single column holding `values`.
    public static func column(_ values: [Double]) -> Matrix {
        Matrix(rows: values.count, columns: 1, elements: values)
    }

    /// A matrix with a single row holding `values`.
    public static func row(_ values: [Double]) -> Matrix {
        Matrix(rows: 1, columns: values.count, elements: values)
    }

    /// The 0 x 0 matrix; used as a placeholder for buffers that have not been sized yet.
    /// (Computed rather than stored: a stored static is initialised lazily, and every read of it
    /// would pay for that check in the training loop.)
    public static var empty: Matrix { Matrix(rows: 0, columns: 0, elements: []) }

    /// Number of elements.
    public var count: Int { elements.count }

    /// The shape as text, e.g. `300x10`, for messages.
    public var shapeDescription: String { "\(rows)x\(columns)" }

    /// Reads or writes one element.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Index (\(row), \(column)) is outside a \(shapeDescription) matrix")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Index (\(row), \(column)) is outside a \(shapeDescription) matrix")
            storage[row * columns + column] = newValue
        }
    }

    /// The elements of one row.
    public func row(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < rows, "Row \(index) is outside a \(shapeDescription) matrix")
        return Array(elements[index * columns ..< (index + 1) * columns])
    }

    /// The elements of one column.
    public func column(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < columns, "Column \(index) is outside a \(shapeDescription) matrix")
        return (0..<rows).map { elements[$0 * columns + index] }
    }

    /// The rows at `indices`, in that order, as a new matrix.
    public func rows(at indices: [Int]) -> Matrix {
        var result = Matrix.empty
        copyRows(indices[...], into: &result)
        return result
    }

    /// Copies the rows at `indices`, in that order, into `target`, reusing its storage when it has
    /// the right size (a shuffled training batch).
    ///
    /// Concrete rather than generic over the index collection: in a debug build's per-file
    /// compilation a generic call from another file is not specialised, and its per-element
    /// witness calls cost more than the copy.
    public func copyRows(_ indices: ArraySlice<Int>, into target: inout Matrix) {
        target.resize(rows: indices.count, columns: columns)
        let width = columns
        storage.withUnsafeBufferPointer { origin in
            target.storage.withUnsafeMutableBufferPointer { destination in
                var targetRow = 0
                for source in indices {
                    precondition(source >= 0 && source < rows, "Row \(source) is outside a \(shapeDescription) matrix")
                    for column in 0..<width {
                        destination[targetRow * width + column] = origin[source * width + column]
                    }
                    targetRow += 1
                }
            }
        }
    }

    /// Copies the consecutive rows `range` into `target`, reusing its storage when it has the
    /// right size (a block of rows being predicted).
    public func copyRows(_ range: Range<Int>, into target: inout Matrix) {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows,
                     "Rows \(range) are outside a \(shapeDescription) matrix")
        target.resize(rows: range.count, columns: columns)
        let offset = range.lowerBound * columns
        storage.withUnsafeBufferPointer { origin in
            target.storage.withUnsafeMutableBufferPointer { destination in
                for index in destination.indices { destination[index] = origin[offset + index] }
            }
        }
    }

    /// Overwrites rows `start`, `start + 1`, … with the rows of `block`, which has as many columns.
    public mutating func replaceRows(startingAt start: Int, with block: Matrix) {
        precondition(block.columns == columns && start >= 0 && start + block.rows <= rows,
                     "Cannot put a \(block.shapeDescription) block at row \(start) of a \(shapeDescription) matrix")
        let offset = start * columns
        block.storage.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBufferPointer { destination in
                for index in source.indices { destination[offset + index] = source[index] }
            }
        }
    }

    /// Changes the shape to `rows` x `columns`, reusing the storage when the element count is unchanged.
    ///
    /// Layers keep their output buffers between steps; resizing instead of reallocating keeps a
    /// training step free of heap allocations. The contents are unspecified afterwards.
    public mutating func resize(rows newRows: Int, columns newColumns: Int) {
        if newRows * newColumns != elements.count {
            storage = [Double](repeating: 0, count: newRows * newColumns)
        }
        rows = newRows
        columns = newColumns
    }

    /// Calls `body` with the elements as a read-only buffer.
    @inlinable @inline(__always)
    public func withUnsafeBufferPointer<Result>(
        _ body: (UnsafeBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the elements as a writable buffer; the shape cannot change.
    @inlinable @inline(__always)
    public mutating func withUnsafeMutableBufferPointer<Result>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        try storage.withUnsafeMutableBufferPointer(body)
    }
}

extension Matrix: CustomStringConvertible {
    /// The rows, one per line, for debugging.
    public var description: String {
        let lines = (0..<rows).map { row in
            self.row(row).map { String($0) }.joined(separator: ", ")
        }
        return "Matrix \(shapeDescription) [\n  " + lines.joined(separator: "\n  ") + "\n]"
    }
}

import COpenBLAS

/// A dense row-major matrix of `Float`s: the activations and gradients of single-precision
/// training (`Precision.float32`). It carries only what that path needs; everything else in the
/// module works in `Double` (`Matrix`).
public struct SingleMatrix: Sendable, Equatable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// The elements in row-major order.
    public private(set) var elements: [Float]

    /// The 0 x 0 matrix, for buffers not sized yet.
    public static var empty: SingleMatrix { SingleMatrix(rows: 0, columns: 0, elements: []) }

    /// A matrix from row-major `elements`.
    public init(rows: Int, columns: Int, elements: [Float]) {
        precondition(elements.count == rows * columns, "A \(rows)x\(columns) matrix needs \(rows * columns) elements, got \(elements.count)")
        (self.rows, self.columns, self.elements) = (rows, columns, elements)
    }

    /// `matrix` rounded to the nearest `Float`, element by element.
    public init(_ matrix: Matrix) {
        self.init(rows: matrix.rows, columns: matrix.columns, elements: matrix.elements.map { Float($0) })
    }

    /// The elements widened to `Double` (exactly).
    public var matrix: Matrix {
        var result = Matrix.empty
        widen(into: &result)
        return result
    }

    /// Number of elements.
    public var count: Int { elements.count }

    /// Changes the shape, reusing the storage when the element count allows; contents are unspecified after.
    public mutating func resize(rows: Int, columns: Int) {
        (self.rows, self.columns) = (rows, columns)
        if elements.count != rows * columns { elements = [Float](repeating: 0, count: rows * columns) }
    }

    /// Sets every element to `matrix`'s, rounded to `Float`, resizing as needed.
    public mutating func assign(_ matrix: Matrix) {
        resize(rows: matrix.rows, columns: matrix.columns)
        matrix.withUnsafeBufferPointer { source in
            elements.withUnsafeMutableBufferPointer { target in
                for index in 0..<source.count { target[index] = Float(source[index]) }
            }
        }
    }

    /// Calls `body` with the elements.
    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the elements, mutably.
    public mutating func withUnsafeMutableBufferPointer<Result>(_ body: (inout UnsafeMutableBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try elements.withUnsafeMutableBufferPointer(body)
    }

    /// `c = op(a) · op(b)`, plus `row` added to every row of `c` when given: one `cblas_sgemm`,
    /// with `c` first filled with copies of the row and accumulated onto (β = 1), which rounds
    /// the same as adding the row afterwards and spares a pass.
    public static func multiply(_ a: SingleMatrix, _ b: SingleMatrix, transposeA: Bool = false, transposeB: Bool = false,
                                addingToEveryRow row: [Float]? = nil, into c: inout SingleMatrix) {
        let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(k == kb, "Cannot multiply \(m)x\(k) by \(kb)x\(n)")
        precondition(row == nil || row!.count == n, "A bias of \(row!.count) for \(n) columns")
        c.resize(rows: m, columns: n)
        guard m > 0, n > 0 else { return }
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                c.withUnsafeMutableBufferPointer { cBuffer in
                    if let row {
                        row.withUnsafeBufferPointer { bias in
                            for start in stride(from: 0, to: m * n, by: n) {
                                UnsafeMutableBufferPointer(rebasing: cBuffer[start..<(start + n)]).update(fromContentsOf: bias)
                            }
                        }
                    } else if k == 0 {
                        cBuffer.update(repeating: 0)
                    }
                    guard k > 0 else { return }
                    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k), 1, aBuffer.baseAddress, Int32(max(a.columns, 1)),
                                bBuffer.baseAddress, Int32(max(b.columns, 1)), row == nil ? 0 : 1, cBuffer.baseAddress, Int32(n))
                }
            }
        }
    }

    /// Writes the elements, widened to `Double`, into `target` (resized), reusing its storage.
    public func widen(into target: inout Matrix) {
        target.resize(rows: rows, columns: columns)
        elements.withUnsafeBufferPointer { source in
            target.withUnsafeMutableBufferPointer { target in
                for index in 0..<source.count { target[index] = Double(source[index]) }
            }
        }
    }

    /// Writes the sum of each column, accumulated in `Double`, into `sums` (a 1 x columns row: a
    /// bias's gradient, which the double-precision optimizer takes).
    public func sumColumns(into sums: inout Matrix) {
        sums.resize(rows: 1, columns: columns)
        let width = columns
        elements.withUnsafeBufferPointer { buffer in
            sums.withUnsafeMutableBufferPointer { target in
                for column in 0..<width { target[column] = 0 }
                for start in stride(from: 0, to: rows * width, by: Swift.max(width, 1)) {
                    for column in 0..<width { target[column] += Double(buffer[start + column]) }
                }
            }
        }
    }
}

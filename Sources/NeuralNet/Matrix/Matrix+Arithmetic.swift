extension Matrix {
    /// Applies `transform` to every element.
    @inlinable
    public func map(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: elements.map(transform))
    }

    /// Combines two equally shaped matrices element by element.
    @inlinable
    public func zipMap(_ other: Matrix, _ combine: (Double, Double) -> Double) -> Matrix {
        precondition(rows == other.rows && columns == other.columns,
                     "Element-wise operation on \(shapeDescription) and \(other.shapeDescription) matrices")
        return Matrix(rows: rows, columns: columns, elements: zip(elements, other.elements).map(combine))
    }

    /// Element-wise sum.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zipMap(rhs, +) }

    /// Element-wise difference.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zipMap(rhs, -) }

    /// Every element multiplied by `scalar`.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix { matrix.map { scalar * $0 } }

    /// Element-wise (Hadamard) product.
    public func hadamard(_ other: Matrix) -> Matrix { zipMap(other, *) }

    /// The transpose, as a new matrix (products take `Transposition` instead of copying).
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for row in 0..<rows {
            for column in 0..<columns {
                result.storage[column * rows + row] = storage[row * columns + column]
            }
        }
        return result
    }

    /// The sum of all elements.
    public var sum: Double { elements.reduce(0, +) }

    /// The Frobenius norm: the square root of the sum of squared elements, as `np.linalg.norm`.
    ///
    /// Scaled by the largest magnitude first, so that huge or tiny weights neither overflow nor underflow.
    public var frobeniusNorm: Double {
        let scale = elements.reduce(0) { Swift.max($0, abs($1)) }
        guard scale > 0, scale.isFinite else { return scale }
        let sumOfSquares = elements.reduce(0) { partial, value in
            let scaled = value / scale
            return partial + scaled * scaled
        }
        return scale * sumOfSquares.squareRoot()
    }

    /// The largest absolute element-wise difference to `other`.
    ///
    /// NaN when any difference is NaN (a NaN on either side, or ∞ against ∞): `Swift.max` would
    /// drop it, and a comparison that a NaN passes proves nothing.
    public func maxAbsoluteDifference(to other: Matrix) -> Double {
        precondition(rows == other.rows && columns == other.columns,
                     "Comparing \(shapeDescription) and \(other.shapeDescription) matrices")
        var largest = 0.0
        for (a, b) in zip(elements, other.elements) {
            let difference = abs(a - b)
            if difference.isNaN { return .nan }
            largest = Swift.max(largest, difference)
        }
        return largest
    }

    /// The column index of the largest element of each row (the first one on ties, as `np.argmax`).
    public func argmaxPerRow() -> [Int] {
        (0..<rows).map { row in
            var best = 0
            for column in 1..<Swift.max(columns, 1) where elements[row * columns + column] > elements[row * columns + best] {
                best = column
            }
            return best
        }
    }

    /// Whether every element is finite (no NaN, no infinity).
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }
}

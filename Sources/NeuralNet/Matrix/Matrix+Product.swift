import COpenBLAS

/// Which code computes a matrix product.
public enum ProductKernel: Sendable {
    /// Plain loops below `Matrix.blasThreshold` multiply-adds, OpenBLAS above.
    case automatic
    /// Always the plain loops.
    case loops
    /// Always OpenBLAS.
    case blas
}

extension Matrix {
    /// Products with fewer multiply-adds than this use a plain loop: below it, the fixed cost of
    /// a CBLAS call (argument checks, kernel dispatch) outweighs its faster inner kernel.
    /// Measured with `swift run -c release bench core` (the `gemm-crossover` rows): loops win at
    /// 100 multiply-adds (0.04 µs against 0.34), BLAS at 512 (0.17 µs against 0.28).
    public static let blasThreshold = 300

    /// Computes `c = alpha · op(a) · op(b) + beta · c`, where op transposes its operand when asked,
    /// resizing `c` when `beta` is zero.
    ///
    /// A transposed operand is read in place, never copied: `xᵀ·G` in a linear layer's backward
    /// pass costs no more than `x·W`. Shape mismatches are programming errors and stop with a
    /// message naming both shapes.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix, kernel: ProductKernel = .automatic
    ) {
        let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kB, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(
            k == kB,
            "Cannot multiply \(a.shapeDescription)\(transposeA ? "ᵀ" : "") by "
                + "\(b.shapeDescription)\(transposeB ? "ᵀ" : ""): inner sizes \(k) and \(kB) differ")
        if beta == 0 {
            c.resize(rows: m, columns: n)
        } else {
            precondition(c.rows == m && c.columns == n,
                         "Cannot accumulate a \(m)x\(n) product into a \(c.shapeDescription) matrix")
        }
        if m == 0 || n == 0 { return }
        let useLoops = switch kernel {
        case .automatic: m * n * k < blasThreshold
        case .loops: true
        case .blas: false
        }
        if useLoops {
            multiplyWithLoops(a, b, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, beta: beta, into: &c)
        } else {
            multiplyWithBLAS(a, b, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, beta: beta, into: &c)
        }
    }

    /// The product `op(a) · op(b)` as a new matrix.
    public static func product(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        var c = Matrix.empty
        multiply(a, b, transposeA: transposeA, transposeB: transposeB, into: &c)
        return c
    }

    /// The matrix product `a * b`.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        product(a, b)
    }

    static func multiplyWithBLAS(
        _ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int, alpha: Double, beta: Double, into c: inout Matrix
    ) {
        let leadingA = Int32(Swift.max(a.columns, 1))
        let leadingB = Int32(Swift.max(b.columns, 1))
        let leadingC = Int32(Swift.max(n, 1))
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                c.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_dgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        alpha, aBuffer.baseAddress, leadingA,
                        bBuffer.baseAddress, leadingB,
                        beta, cBuffer.baseAddress, leadingC)
                }
            }
        }
    }

    /// Plain loops for products too small to pay for a BLAS call.
    ///
    /// The loop order puts the innermost loop over a dimension that is contiguous in memory, the
    /// case the compiler vectorises: i-p-j (over a row of `b` and of `c`) in general; for a result
    /// with one column, p-i (over a column of a transposed `a`) or a dot product per row. Indices
    /// come from row pointers, because overflow checks on `row * width + column` keep loops scalar.
    static func multiplyWithLoops(
        _ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int, alpha: Double, beta: Double, into c: inout Matrix
    ) {
        let (aRowStride, aInnerStride) = transposeA ? (1, a.columns) : (a.columns, 1)
        let (bInnerStride, bColumnStride) = transposeB ? (1, b.columns) : (b.columns, 1)
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                c.withUnsafeMutableBufferPointer { cBuffer in
                    guard let aBase = aBuffer.baseAddress, let bBase = bBuffer.baseAddress,
                          let cBase = cBuffer.baseAddress else { return }
                    scale(cBase, count: m * n, by: beta)
                    if n == 1 && aRowStride == 1 {
                        for p in 0..<k {
                            let scaled = alpha * bBase[p * bInnerStride]
                            let aColumn = aBase + p * aInnerStride
                            for i in 0..<m { cBase[i] += aColumn[i] * scaled }
                        }
                        return
                    }
                    if n == 1 && bInnerStride == 1 {
                        for i in 0..<m { cBase[i] += alpha * dot(aBase + i * aRowStride, bBase, count: k) }
                        return
                    }
                    for i in 0..<m {
                        let cRow = cBase + i * n
                        let aRow = aBase + i * aRowStride
                        for p in 0..<k {
                            let scaled = alpha * aRow[p * aInnerStride]
                            let bRow = bBase + p * bInnerStride
                            if bColumnStride == 1 {
                                for j in 0..<n { cRow[j] += scaled * bRow[j] }
                            } else {
                                for j in 0..<n { cRow[j] += scaled * bRow[j * bColumnStride] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Multiplies `count` elements by `factor`; a factor of 0 clears them (even NaN, as BLAS does).
    @inline(__always)
    private static func scale(_ values: UnsafeMutablePointer<Double>, count: Int, by factor: Double) {
        if factor == 0 {
            values.update(repeating: 0, count: count)
        } else if factor != 1 {
            for index in 0..<count { values[index] *= factor }
        }
    }

    /// Σ x[i]·y[i] over contiguous vectors, in four interleaved partial sums so that the additions
    /// do not wait on each other.
    @inline(__always)
    private static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
        var index = 0
        while index + 4 <= count {
            s0 += x[index] * y[index]
            s1 += x[index + 1] * y[index + 1]
            s2 += x[index + 2] * y[index + 2]
            s3 += x[index + 3] * y[index + 3]
            index += 4
        }
        while index < count {
            s0 += x[index] * y[index]
            index += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}

/// Controls how many threads OpenBLAS uses for products.
public enum BLASThreads {
    /// Sets the number of OpenBLAS worker threads; runs executed in parallel each want one.
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(count))
    }

    /// The number of OpenBLAS worker threads currently in use.
    public static var current: Int {
        Int(openblas_get_num_threads())
    }
}

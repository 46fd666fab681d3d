import COpenBLAS

extension Matrix {
    /// Products with fewer multiply-adds than this use a plain loop: below it, the fixed cost of
    /// a CBLAS call (argument checks, kernel dispatch) outweighs its faster inner kernel.
    /// Measured with `swift run -c release bench core` (the `gemm-crossover` rows).
    static let blasThreshold = 2_048

    /// Computes `c = alpha · op(a) · op(b) + beta · c`, where op transposes its operand when asked,
    /// resizing `c` when `beta` is zero.
    ///
    /// A transposed operand is read in place, never copied: `xᵀ·G` in a linear layer's backward
    /// pass costs no more than `x·W`. Shape mismatches are programming errors and stop with a
    /// message naming both shapes.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
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
        if m * n * k < blasThreshold {
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

    /// The i-p-j loop order keeps the innermost loop contiguous in `b` and `c` when `b` is not
    /// transposed, which is the case the compiler vectorises; the other cases are tiny by construction.
    static func multiplyWithLoops(
        _ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int, alpha: Double, beta: Double, into c: inout Matrix
    ) {
        let (aRowStride, aInnerStride) = transposeA ? (1, a.columns) : (a.columns, 1)
        let (bInnerStride, bColumnStride) = transposeB ? (1, b.columns) : (b.columns, 1)
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                c.withUnsafeMutableBufferPointer { cBuffer in
                    for index in 0..<(m * n) {
                        cBuffer[index] = beta == 0 ? 0 : beta * cBuffer[index]
                    }
                    for i in 0..<m {
                        let cRow = i * n
                        for p in 0..<k {
                            let scaled = alpha * aBuffer[i * aRowStride + p * aInnerStride]
                            let bRow = p * bInnerStride
                            if bColumnStride == 1 {
                                for j in 0..<n { cBuffer[cRow + j] += scaled * bBuffer[bRow + j] }
                            } else {
                                for j in 0..<n { cBuffer[cRow + j] += scaled * bBuffer[bRow + j * bColumnStride] }
                            }
                        }
                    }
                }
            }
        }
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

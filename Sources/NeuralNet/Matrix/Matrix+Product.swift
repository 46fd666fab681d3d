import COpenBLAS
import CVectorMath

/// Which code computes a matrix product.
public enum ProductKernel: Sendable {
    /// The small-product kernel below `Matrix.blasThreshold` multiply-adds, OpenBLAS above.
    case automatic
    /// Always the small-product kernel (`vm_small_product`), where it can take the operands.
    case small
    /// Always OpenBLAS.
    case blas
}

extension Matrix {
    /// Products with fewer multiply-adds than this use the small-product kernel, larger ones
    /// OpenBLAS. A network a few dozen units wide multiplies matrices like 300x10 by 10x10, where
    /// OpenBLAS spends more time packing and dispatching than multiplying. Measured with
    /// `swift run -c release bench core` (the `gemm-crossover` rows): the kernel is 1.7-4x faster
    /// at a 2-10-10-3 network's shapes and 1.25x at 32x32x32; OpenBLAS is 1.25x faster at 64x64x64.
    public static let blasThreshold = 48 * 48 * 48

    /// Computes `c = alpha · op(a) · op(b) + beta · c`, plus `row` added to every row when given
    /// (a layer's bias), where op transposes its operand when asked, resizing `c` when `beta` is zero.
    ///
    /// A transposed operand is read in place through strides, not copied: `xᵀ·G` in a linear
    /// layer's backward pass costs no more than `x·W`. Shape mismatches are programming errors
    /// and stop with a message naming both shapes. Which kernel runs depends only on the shapes,
    /// so the same inputs always give the same bits.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, addingToEveryRow row: Matrix? = nil, into c: inout Matrix,
        kernel: ProductKernel = .automatic
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
        if let row {
            precondition(row.rows == 1 && row.columns == n,
                         "Cannot add a \(row.shapeDescription) row to every row of a \(m)x\(n) product")
        }
        if m == 0 || n == 0 { return }
        // The small kernel copies a transposed B onto its stack, which bounds its depth.
        let smallCanTake = !transposeB || k <= Int(VM_SMALL_PRODUCT_MAX_STRIDED_DEPTH)
        let useSmall = switch kernel {
        case .automatic: smallCanTake && m * n * k < blasThreshold
        case .small: smallCanTake
        case .blas: false
        }
        if useSmall {
            multiplySmall(a, b, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                          alpha: alpha, beta: beta, row: row, into: &c)
        } else {
            multiplyWithBLAS(a, b, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, beta: beta, into: &c)
            // BLAS has no row term; adding it afterwards is also the small kernel's order.
            if let row { c.addToEveryRow(row) }
        }
    }

    /// The product `op(a) · op(b)` as a new matrix.
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false, kernel: ProductKernel = .automatic
    ) -> Matrix {
        var c = Matrix.empty
        multiply(a, b, transposeA: transposeA, transposeB: transposeB, into: &c, kernel: kernel)
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

    static func multiplySmall(
        _ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int, alpha: Double, beta: Double, row: Matrix?, into c: inout Matrix
    ) {
        let (aRowStride, aInnerStride) = transposeA ? (1, a.columns) : (a.columns, 1)
        let (bRowStride, bColumnStride) = transposeB ? (1, b.columns) : (b.columns, 1)
        let rowStorage = row?.storage ?? []
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                rowStorage.withUnsafeBufferPointer { rowBuffer in
                    c.withUnsafeMutableBufferPointer { cBuffer in
                        vm_small_product(
                            m, n, k, alpha, aBuffer.baseAddress, aRowStride, aInnerStride,
                            bBuffer.baseAddress, bRowStride, bColumnStride, beta,
                            row == nil ? nil : rowBuffer.baseAddress, cBuffer.baseAddress, n)
                    }
                }
            }
        }
    }

    /// Writes the sum of each column into `sums`, a 1 x columns row (a bias's gradient).
    ///
    /// Each column in four interleaved partial sums (`vm_column_sums`): summed straight down, a
    /// 300-row column is a chain of 300 dependent additions, each waiting for the one before.
    public func sumColumns(into sums: inout Matrix) {
        sums.resize(rows: 1, columns: columns)
        let (height, width) = (rows, columns)
        withUnsafeBufferPointer { buffer in
            sums.withUnsafeMutableBufferPointer { sumsBuffer in
                vm_column_sums(height, width, buffer.baseAddress, width, sumsBuffer.baseAddress)
            }
        }
    }

    /// Adds `row` to every row.
    mutating func addToEveryRow(_ row: Matrix) {
        let (height, width) = (rows, columns)
        row.withUnsafeBufferPointer { source in
            withUnsafeMutableBufferPointer { target in
                guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return }
                for index in 0..<height {
                    let targetRow = targetBase + index * width
                    for column in 0..<width { targetRow[column] += sourceBase[column] }
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

/// Which OpenBLAS this process uses.
public enum BLASLibrary {
    /// The library's name and version ("OpenBLAS 0.3.21"), without the build options and the CPU
    /// kernel that `openblas_get_config` also lists.
    public static var version: String {
        let words = String(cString: openblas_get_config()).split(separator: " ")
        return words.prefix(2).joined(separator: " ")
    }

    /// The CPU kernel OpenBLAS chose at load time ("Zen", "Haswell"; `OPENBLAS_CORETYPE` overrides it).
    public static var kernel: String { String(cString: openblas_get_corename()) }
}

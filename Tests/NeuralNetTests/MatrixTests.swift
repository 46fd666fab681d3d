import Foundation
import Testing
@testable import NeuralNet

@Suite("Matrix")
struct MatrixTests {
    /// The textbook triple loop, as the reference for every product path.
    func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = 0.0
                for p in 0..<a.columns { sum += a[i, p] * b[p, j] }
                c[i, j] = sum
            }
        }
        return c
    }

    // Shapes cover one row or one column (the kernel's dot, row and column paths), every block width of the small kernel up to and past 16 columns,
    // row counts that are not a multiple of its row blocking, and a deep inner dimension.
    @Test("Both kernels agree with the triple loop for every transposition",
          arguments: [(1, 1, 1), (1, 100, 1), (100, 3, 1), (1, 5, 40), (3, 4, 5), (7, 3, 2), (30, 10, 20), (64, 33, 70), (5, 300, 33), (300, 10, 3)],
          [ProductKernel.small, .blas, .automatic])
    func productsMatchNaiveLoops(shape: (Int, Int, Int), kernel: ProductKernel) {
        let (m, k, n) = shape
        var random = TestRandom(seed: 1)
        let a = random.normalMatrix(m, k), b = random.normalMatrix(k, n)
        let expected = naiveProduct(a, b)
        #expect(closeness(Matrix.product(a, b, kernel: kernel), expected, relative: 1e-12) <= 1)
        #expect(closeness(Matrix.product(a.transposed, b, transposeA: true, kernel: kernel), expected, relative: 1e-12) <= 1)
        #expect(closeness(Matrix.product(a, b.transposed, transposeB: true, kernel: kernel), expected, relative: 1e-12) <= 1)
        #expect(closeness(Matrix.product(a.transposed, b.transposed, transposeA: true, transposeB: true, kernel: kernel),
                          expected, relative: 1e-12) <= 1)
    }

    @Test("Every block width of the small kernel gives the triple loop's sums exactly", arguments: 1...17)
    func smallKernelSumsInOrder(columns: Int) {
        var random = TestRandom(seed: UInt64(columns))
        // 11 rows: whole blocks of 8, 4 and 2 rows and a remainder, for every kernel's row blocking.
        let a = random.normalMatrix(11, 7), b = random.normalMatrix(7, columns)
        // Same additions in the same order (p ascending) as the triple loop: bit-identical.
        #expect(Matrix.product(a, b, kernel: .small) == naiveProduct(a, b))
        // Widths of 3 mod 4 are computed one column wider against a padded copy of B, which the
        // scratch buffer bounds: too deep a B takes the unpadded kernel, with the same sums.
        let deep = random.normalMatrix(11, 1100), deepB = random.normalMatrix(1100, columns)
        #expect(Matrix.product(deep, deepB, kernel: .small) == naiveProduct(deep, deepB))
    }

    @Test("One-row and one-column products sum in order of p, and a first term of −0 gives +0 as in the triple loop",
          arguments: [(1, 1, 40), (1, 3, 40), (40, 1, 1), (40, 3, 1)])
    func vectorProductsSumInOrder(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var random = TestRandom(seed: UInt64(m + 10 * k))
        var a = random.normalMatrix(m, k)
        let b = random.normalMatrix(k, n)
        for i in 0..<m { a[i, 0] = i.isMultiple(of: 2) ? -0.0 : a[i, 0] }
        let expected = naiveProduct(a, b).elements.map(\.bitPattern)
        // A one-row product (row_by_columns) and a transposed A times one column (column_by_rows).
        #expect(Matrix.product(a, b, kernel: .small).elements.map(\.bitPattern) == expected)
        #expect(Matrix.product(a.transposed, b, transposeA: true, kernel: .small).elements.map(\.bitPattern) == expected)
    }

    @Test("A weight gradient's shape (Aᵀ·B, more rows than columns), computed along its rows, gives the triple loop's sums exactly",
          arguments: [(10, 300, 3), (16, 40, 15), (5, 9, 2)])
    func transposedSumsInOrder(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var random = TestRandom(seed: UInt64(m * n))
        let inputs = random.normalMatrix(k, m), gradients = random.normalMatrix(k, n)
        let expected = naiveProduct(inputs.transposed, gradients)
        #expect(Matrix.product(inputs, gradients, transposeA: true, kernel: .small) == expected)
        var c = random.normalMatrix(m, n)
        let scaled = 2 * expected + 0.5 * c
        Matrix.multiply(inputs, gradients, transposeA: true, alpha: 2, beta: 0.5, into: &c, kernel: .small)
        #expect(c == scaled)
    }

    @Test("Both kernels honour alpha and beta, and beta 0 clears NaN", arguments: [ProductKernel.small, .blas])
    func alphaAndBeta(kernel: ProductKernel) {
        var random = TestRandom(seed: 2)
        for size in [2, 20] {
            let a = random.normalMatrix(size, size), b = random.normalMatrix(size, size)
            var c = random.normalMatrix(size, size)
            let expected = 2 * naiveProduct(a, b) + 0.5 * c
            Matrix.multiply(a, b, alpha: 2, beta: 0.5, into: &c, kernel: kernel)
            #expect(closeness(c, expected, relative: 1e-12) <= 1)
            var poisoned = Matrix(rows: size, columns: size, repeating: .nan)
            Matrix.multiply(a, b, beta: 0, into: &poisoned, kernel: kernel)
            #expect(closeness(poisoned, naiveProduct(a, b), relative: 1e-12) <= 1)
        }
    }

    // The shapes take the block kernels, and with a single term (k = 1, a one-sample step) the
    // one-row and one-column paths, which then skip their sums.
    @Test("Both kernels add a row (a bias) to every row of the product",
          arguments: [(7, 5, 6), (1, 1, 40), (40, 1, 1), (40, 3, 1), (2, 1, 1)], [ProductKernel.small, .blas])
    func rowAdded(shape: (Int, Int, Int), kernel: ProductKernel) {
        let (m, k, n) = shape
        var random = TestRandom(seed: 3)
        let a = random.normalMatrix(m, k), b = random.normalMatrix(k, n), row = random.normalMatrix(1, n)
        var expected = naiveProduct(a, b)
        for i in 0..<m { for j in 0..<n { expected[i, j] += row[0, j] } }
        var c = Matrix.empty
        Matrix.multiply(a, b, addingToEveryRow: row, into: &c, kernel: kernel)
        #expect(closeness(c, expected, relative: 1e-12) <= 1)
        Matrix.multiply(a.transposed, b, transposeA: true, addingToEveryRow: row, into: &c, kernel: kernel)
        #expect(closeness(c, expected, relative: 1e-12) <= 1)
    }

    @Test("Column sums add each column in four partial sums by row modulo 4, for any width and height")
    func columnSums() {
        var random = TestRandom(seed: 5)
        for (rows, columns) in [(0, 3), (1, 1), (1, 100), (2, 5), (3, 10), (4, 8), (7, 9), (300, 10), (301, 19)] {
            var matrix = random.normalMatrix(rows, columns)
            // −0 in the first row: the sums start from +0, and +0 + −0 is +0, on every path.
            if rows > 0 { matrix[0, 0] = -0.0 }
            var sums = Matrix(rows: 1, columns: columns, repeating: .nan)
            matrix.sumColumns(into: &sums)
            let expected: [Double] = (0..<columns).map { column in
                var partial = [0.0, 0.0, 0.0, 0.0]
                let whole = rows / 4 * 4
                for row in 0..<whole { partial[row % 4] += matrix[row, column] }
                for row in whole..<rows { partial[0] += matrix[row, column] }
                return (partial[0] + partial[1]) + (partial[2] + partial[3])
            }
            #expect(sums.elements.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows)x\(columns)")
        }
    }

    @Test("Frobenius norm matches the definition and survives huge values")
    func frobeniusNorm() {
        #expect(Matrix([[3, 4], [0, 0]]).frobeniusNorm == 5)
        #expect(isClose(Matrix([[1e200, 1e200]]).frobeniusNorm, 1e200 * 2.0.squareRoot()))
        #expect(Matrix(rows: 2, columns: 2).frobeniusNorm == 0)
    }

    @Test("Rows are gathered in the order asked")
    func gatherRows() {
        let m = Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(m.rows(at: [2, 0]) == Matrix([[5, 6], [1, 2]]))
        #expect(m.argmaxPerRow() == [1, 1, 1])
        #expect(m.transposed == Matrix([[1, 3, 5], [2, 4, 6]]))
    }
}

@Suite("Vectorised element-wise math")
struct VectorMathTests {
    @Test("exp is within 1.3 units in the last place of the 80-bit exp from -745 to 709, subnormals included")
    func expAccuracy() {
        var errors: [Double] = []
        var x = -745.0
        while x < 709.7 {
            let expected = Foundation.exp(Float80(x))
            let actual = VectorMath.exp(x)
            // The ulp of the double nearest the true value; a subnormal result's is the smallest one.
            let ulp = Float80(Double(expected).ulp)
            errors.append(Double(abs(Float80(actual) - expected) / ulp))
            x += 0.0137
        }
        let worst = largestError(errors)
        #expect(worst <= 1.3, "worst error \(worst) ulp")
    }

    @Test("exp handles the edges: ±∞, NaN, overflow, underflow")
    func expEdges() {
        #expect(VectorMath.exp(0) == 1)
        #expect(VectorMath.exp(.infinity) == .infinity)
        #expect(VectorMath.exp(710) == .infinity)
        #expect(VectorMath.exp(-.infinity) == 0)
        #expect(VectorMath.exp(-800) == 0)
        #expect(VectorMath.exp(.nan).isNaN)
        #expect(VectorMath.exp(-740) > 0)  // subnormal, not flushed
    }

    @Test("sigmoid keeps tiny values for very negative inputs and matches 1 / (1 + e^-x)")
    func sigmoidStability() {
        #expect(isClose(VectorMath.sigmoid(-700), Foundation.exp(-700), relative: 1e-14))
        #expect(VectorMath.sigmoid(800) == 1)
        #expect(VectorMath.sigmoid(-800) == 0)
        #expect(VectorMath.sigmoid(0) == 0.5)
        for x in stride(from: -30.0, through: 30, by: 0.7) {
            #expect(isClose(VectorMath.sigmoid(x), 1 / (1 + Foundation.exp(-x)), relative: 1e-14))
        }
    }

    @Test("log is within one unit in the last place of the 80-bit log, from the smallest normal to the largest")
    func logAccuracy() {
        var random = TestRandom(seed: 19)
        // Spread over every exponent, then packed near 1 where ln x is small and cancels most.
        let arguments = (0..<200_000).map { _ in Foundation.exp(-708 + 1417 * random.nextUniform()) }
            + (0..<200_000).map { _ in 0.7 + 0.6 * random.nextUniform() }
            + (0..<50_000).map { _ in 1 + 2e-6 * (random.nextUniform() - 0.5) }
            + [0x1p-1022, .greatestFiniteMagnitude, 2.0.squareRoot() / 2, 2.0.squareRoot(), 1, 2, 0.5]
        let worst = largestError(arguments.map { x in
            let expected = Foundation.log(Float80(x))
            return Double(abs(Float80(VectorMath.log(x)) - expected) / Float80(Double(expected).ulp))
        })
        #expect(worst <= 1, "worst error \(worst) ulp")
        #expect(VectorMath.log(1) == 0)
    }

    @Test("log of zero, negatives, infinities, NaN and subnormals is libm's")
    func logEdges() {
        #expect(VectorMath.log(0) == -.infinity)
        #expect(VectorMath.log(-1).isNaN)
        #expect(VectorMath.log(.infinity) == .infinity)
        #expect(VectorMath.log(.nan).isNaN)
        #expect(VectorMath.log(.leastNonzeroMagnitude) == Foundation.log(Double.leastNonzeroMagnitude))
    }

    @Test("The array kernels give the scalar functions' bits, whether every element is in the fast range or not",
          arguments: [[], [-720.0], [Double.nan], [800.0, -.infinity]])
    func arraysMatchScalars(outOfRange: [Double]) {
        // Near the fast range's edge (±707) and across the values training meets.
        let inRange = stride(from: -706.99, through: 706.99, by: 0.731).map { $0 } + [-707, 707, -0.0, 1e-300]
        let values = inRange + outOfRange
        let expected = (exp: values.map { VectorMath.exp($0).bitPattern },
                        sigmoid: values.map { VectorMath.sigmoid($0).bitPattern })
        var exps = [Double](repeating: 0, count: values.count)
        var sigmoids = values  // in place, as the C kernels allow
        values.withUnsafeBufferPointer { source in
            exps.withUnsafeMutableBufferPointer { VectorMath.exp(source, into: $0) }
        }
        sigmoids.withUnsafeMutableBufferPointer { VectorMath.sigmoid(UnsafeBufferPointer($0), into: $0) }
        #expect(exps.map(\.bitPattern) == expected.exp)
        #expect(sigmoids.map(\.bitPattern) == expected.sigmoid)
    }

    @Test("The log array kernel gives the scalar log's bits, whether every element is positive and normal or not",
          arguments: [[], [0.0], [-1.0], [Double.nan], [5e-324], [Double.infinity]])
    func logArrayMatchesScalar(special: [Double]) {
        let normal = stride(from: -700.0, through: 700, by: 0.913).map { Foundation.exp($0) } + [0x1p-1022, .greatestFiniteMagnitude]
        let values = normal + special
        var logs = values  // in place, as the C kernel allows
        logs.withUnsafeMutableBufferPointer { VectorMath.log(UnsafeBufferPointer($0), into: $0) }
        #expect(logs.map(\.bitPattern) == values.map { VectorMath.log($0).bitPattern })
    }

    @Test("Rows are copied by index and by range, and written back in place")
    func rowCopies() {
        let matrix = Matrix([[1, 2], [3, 4], [5, 6], [7, 8]])
        var target = Matrix.empty
        matrix.copyRows([3, 0, 3][...], into: &target)
        #expect(target == Matrix([[7, 8], [1, 2], [7, 8]]))
        matrix.copyRows(1..<3, into: &target)
        #expect(target == Matrix([[3, 4], [5, 6]]))
        var written = Matrix(rows: 4, columns: 2)
        written.replaceRows(startingAt: 2, with: target)
        #expect(written == Matrix([[0, 0], [0, 0], [3, 4], [5, 6]]))
    }
}

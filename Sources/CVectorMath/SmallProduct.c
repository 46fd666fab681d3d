// Matrix products too small for BLAS to pay off: the products of a network with layers a few
// dozen units wide, where OpenBLAS spends more time packing and dispatching than multiplying.
//
// Each element of C is accumulated in order of p, as ((0 + a0·b0) + a1·b1) + …, then combined once
// with C's old value (a single row times a single column is the exception: a dot product in four
// partial sums). The same operations run in the same order in every compiled copy, so AVX-512,
// AVX2 and baseline builds agree to the bit, and which path runs depends only on shapes and strides.
#include "CVectorMath.h"
#include "KernelCopies.h"

// One element of C: beta·C + alpha·sum, plus the row's element when there is a row.
static inline __attribute__((always_inline)) double combine(double old, double sum, double alpha,
                                                            double beta, const double *rowElement) {
    double value = beta == 0 ? alpha * sum : beta * old + alpha * sum;
    return rowElement ? value + *rowElement : value;
}

// Stores C = beta·C + alpha·sum (+ row) for `count` adjacent elements of C; the loops are
// separate so that each is a plain vector loop.
static inline __attribute__((always_inline)) void store(double *restrict c, const double *restrict sums, long count,
                                                        double alpha, double beta, const double *restrict row) {
    if (beta == 0 && row) {
        for (long j = 0; j < count; j++) c[j] = alpha * sums[j] + row[j];
    } else if (beta == 0) {
        for (long j = 0; j < count; j++) c[j] = alpha * sums[j];
    } else if (row) {
        for (long j = 0; j < count; j++) c[j] = (beta * c[j] + alpha * sums[j]) + row[j];
    } else {
        for (long j = 0; j < count; j++) c[j] = beta * c[j] + alpha * sums[j];
    }
}

// C = alpha·(0 + s·x) (+ row) for `count` adjacent elements: what `store` makes of sums with a
// single term each, without writing the sums first.
static inline __attribute__((always_inline)) void store_single_term(double *restrict c, double s,
        const double *restrict x, long count, double alpha, const double *restrict row) {
    if (row) {
        for (long j = 0; j < count; j++) c[j] = alpha * (0.0 + s * x[j]) + row[j];
    } else {
        for (long j = 0; j < count; j++) c[j] = alpha * (0.0 + s * x[j]);
    }
}

// Kernels for a block of W ≤ 16 columns, R rows at a time (R independent accumulator chains hide
// the latency of the additions), storing the first S ≤ W columns. W and R are constants, so the
// compiler keeps `acc` in vector registers and unrolls the column loop completely.
#define SMALL_PRODUCT_ROWS(NAME, W, S, R)                                                          \
    static inline __attribute__((always_inline)) void NAME(long i, long k, double alpha,       \
            const double *a, long ars, long ais, const double *b, long brs, double beta,           \
            const double *row, double *c, long ldc) {                                             \
        double acc[R][W];                                                                         \
        for (int r = 0; r < R; r++)                                                               \
            for (int j = 0; j < W; j++) acc[r][j] = 0;                                            \
        const double *arow = a + i * ars;                                                         \
        for (long p = 0; p < k; p++) {                                                            \
            const double *brow = b + p * brs;                                                     \
            for (int r = 0; r < R; r++) {                                                         \
                double s = arow[r * ars + p * ais];                                               \
                for (int j = 0; j < W; j++) acc[r][j] = acc[r][j] + s * brow[j];                  \
            }                                                                                     \
        }                                                                                         \
        for (int r = 0; r < R; r++) store(c + (i + r) * ldc, acc[r], S, alpha, beta, row);       \
    }

// Widths of 3 mod 4 end in a half vector plus a single element: two multiplications per row for
// three columns at width 3 (a three-class output layer). These kernels compute W (a multiple of 4)
// columns in four-wide vectors, one more than they store, against a copy of B with a zero column:
// one multiplication per row and p at width 3. Explicit vector types, because with plain arrays
// the compiler sees that the extra column is never stored and drops it again. The stored columns
// are the same sums, in the same order.
typedef double vm_four_doubles __attribute__((vector_size(32), aligned(8)));

#define SMALL_PRODUCT_VECTOR_ROWS(NAME, W, S, R)                                                   \
    static inline __attribute__((always_inline)) void NAME(long i, long k, double alpha,       \
            const double *a, long ars, long ais, const double *b, long brs, double beta,           \
            const double *row, double *c, long ldc) {                                             \
        vm_four_doubles acc[R][W / 4];                                                            \
        for (int r = 0; r < R; r++)                                                               \
            for (int v = 0; v < W / 4; v++) acc[r][v] = (vm_four_doubles){0, 0, 0, 0};            \
        const double *arow = a + i * ars;                                                         \
        for (long p = 0; p < k; p++) {                                                            \
            const vm_four_doubles *brow = (const vm_four_doubles *)(b + p * brs);                 \
            for (int r = 0; r < R; r++) {                                                         \
                double s = arow[r * ars + p * ais];                                               \
                for (int v = 0; v < W / 4; v++) acc[r][v] = acc[r][v] + s * brow[v];              \
            }                                                                                     \
        }                                                                                         \
        for (int r = 0; r < R; r++) {                                                             \
            double sums[W];                                                                       \
            memcpy(sums, acc[r], sizeof sums);                                                    \
            store(c + (i + r) * ldc, sums, S, alpha, beta, row);                                  \
        }                                                                                         \
    }

// A whole block of m rows: R rows at a time by the kernel `ROWS` defines, then single rows.
#define SMALL_PRODUCT_BLOCK(NAME, ROWS, W, S, R)                                                   \
    ROWS(NAME##_rows, W, S, R)                                                                     \
    ROWS(NAME##_row, W, S, 1)                                                                      \
    static inline __attribute__((always_inline)) void NAME(long m, long k, double alpha,       \
            const double *a, long ars, long ais, const double *b, long brs, double beta,           \
            const double *row, double *c, long ldc) {                                             \
        long i = 0;                                                                               \
        for (; i + R <= m; i += R) NAME##_rows(i, k, alpha, a, ars, ais, b, brs, beta, row, c, ldc); \
        for (; i < m; i++) NAME##_row(i, k, alpha, a, ars, ais, b, brs, beta, row, c, ldc);       \
    }

// Width 1 (a one-output layer over many rows) in 8-row blocks: each row is one chain of additions,
// and eight chains keep both adders busy where four leave them waiting.
SMALL_PRODUCT_BLOCK(block_1, SMALL_PRODUCT_ROWS, 1, 1, 8)
SMALL_PRODUCT_BLOCK(block_2, SMALL_PRODUCT_ROWS, 2, 2, 4)
SMALL_PRODUCT_BLOCK(block_3, SMALL_PRODUCT_ROWS, 3, 3, 4)
SMALL_PRODUCT_BLOCK(block_4, SMALL_PRODUCT_ROWS, 4, 4, 4)
SMALL_PRODUCT_BLOCK(block_5, SMALL_PRODUCT_ROWS, 5, 5, 2)
SMALL_PRODUCT_BLOCK(block_6, SMALL_PRODUCT_ROWS, 6, 6, 2)
SMALL_PRODUCT_BLOCK(block_7, SMALL_PRODUCT_ROWS, 7, 7, 2)
SMALL_PRODUCT_BLOCK(block_8, SMALL_PRODUCT_ROWS, 8, 8, 2)
SMALL_PRODUCT_BLOCK(block_9, SMALL_PRODUCT_ROWS, 9, 9, 2)
SMALL_PRODUCT_BLOCK(block_10, SMALL_PRODUCT_ROWS, 10, 10, 2)
SMALL_PRODUCT_BLOCK(block_11, SMALL_PRODUCT_ROWS, 11, 11, 2)
SMALL_PRODUCT_BLOCK(block_12, SMALL_PRODUCT_ROWS, 12, 12, 2)
SMALL_PRODUCT_BLOCK(block_13, SMALL_PRODUCT_ROWS, 13, 13, 2)
SMALL_PRODUCT_BLOCK(block_14, SMALL_PRODUCT_ROWS, 14, 14, 2)
SMALL_PRODUCT_BLOCK(block_15, SMALL_PRODUCT_ROWS, 15, 15, 2)
SMALL_PRODUCT_BLOCK(block_16, SMALL_PRODUCT_ROWS, 16, 16, 2)
// Width 3 in 8-row blocks: eight independent addition chains, which its one accumulator per row
// leaves the registers for.
SMALL_PRODUCT_BLOCK(padded_3, SMALL_PRODUCT_VECTOR_ROWS, 4, 3, 8)
SMALL_PRODUCT_BLOCK(padded_7, SMALL_PRODUCT_VECTOR_ROWS, 8, 7, 2)
SMALL_PRODUCT_BLOCK(padded_11, SMALL_PRODUCT_VECTOR_ROWS, 12, 11, 2)
SMALL_PRODUCT_BLOCK(padded_15, SMALL_PRODUCT_VECTOR_ROWS, 16, 15, 2)

// The k x width block of B starting at column j0, copied into rows of width + 1 with a zero last
// column (for the padded kernels). Requires k·(width + 1) ≤ VM_SMALL_PRODUCT_SCRATCH.
static const double *padded_block(const double *b, long k, long j0, long width, long brs, long bcs,
                                  double *scratch) {
    for (long p = 0; p < k; p++) {
        for (long j = 0; j < width; j++) scratch[p * (width + 1) + j] = b[p * brs + (j0 + j) * bcs];
        scratch[p * (width + 1) + width] = 0;
    }
    return scratch;
}

// The k x width block of B starting at column j0 with contiguous rows: B itself when its columns
// are adjacent, else a copy (only transposed operands need one; they are small here).
static const double *contiguous_block(const double *b, long k, long j0, long width, long brs,
                                      long bcs, double *scratch, long *rowStride) {
    if (bcs == 1) {
        *rowStride = brs;
        return b + j0;
    }
    for (long p = 0; p < k; p++)
        for (long j = 0; j < width; j++) scratch[p * width + j] = b[p * brs + (j0 + j) * bcs];
    *rowStride = width;
    return scratch;
}

// One column whose A is read down its columns (a transposed A): for each p, a whole column of A
// times one element of B, added to all m sums at once — vector-wide across the rows.
static inline __attribute__((always_inline)) void column_by_rows(long m, long k, double alpha,
        const double *a, long ais, const double *b, long brs, double beta, const double *row,
        double *c, long ldc, double *sums) {
    // The first term is added to zero in the loop that would otherwise only clear the sums: the
    // same operations as clearing first (0 + x is not x when x is −0), one pass fewer.
    double s0 = k > 0 ? b[0] : 0;
    // One term, as in vm_small_product's one-term path (which this column comes before), but down
    // the column in one vector pass; only where `store` would run, since here the row is one
    // element added down the column.
    if (k == 1 && beta == 0 && ldc == 1 && !row) {
        store_single_term(c, s0, a, m, alpha, 0);
        return;
    }
    for (long i = 0; i < m; i++) sums[i] = k > 0 ? 0.0 + a[i] * s0 : 0.0;
    for (long p = 1; p < k; p++) {
        const double *acol = a + p * ais;
        double s = b[p * brs];
        for (long i = 0; i < m; i++) sums[i] = sums[i] + acol[i] * s;
    }
    if (ldc == 1 && !row) {
        store(c, sums, m, alpha, beta, 0);
    } else {
        for (long i = 0; i < m; i++) c[i * ldc] = combine(c[i * ldc], sums[i], alpha, beta, row);
    }
}

// One row of C wider than a register block: the row's sums live in memory and each p adds a
// whole row of B, vector-wide across the columns.
static inline __attribute__((always_inline)) void row_by_columns(long n, long k, double alpha,
        const double *a, long ais, const double *b, long brs, double beta, const double *row,
        double *c, double *sums) {
    // As in column_by_rows, the first term goes in with the clearing pass. (One term without an
    // old C never gets here: vm_small_product stores it directly.)
    double s0 = k > 0 ? a[0] : 0;
    for (long j = 0; j < n; j++) sums[j] = k > 0 ? 0.0 + s0 * b[j] : 0.0;
    for (long p = 1; p < k; p++) {
        const double *brow = b + p * brs;
        double s = a[p * ais];
        for (long j = 0; j < n; j++) sums[j] = sums[j] + s * brow[j];
    }
    store(c, sums, n, alpha, beta, row);
}

// A dot product in four interleaved partial sums, so that the additions do not wait on each
// other: a single row times a single column, where no other independent work exists.
static inline __attribute__((always_inline)) double dot(const double *x, const double *y, long count) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    long p = 0;
    for (; p + 4 <= count; p += 4) {
        s0 = s0 + x[p] * y[p];
        s1 = s1 + x[p + 1] * y[p + 1];
        s2 = s2 + x[p + 2] * y[p + 2];
        s3 = s3 + x[p + 3] * y[p + 3];
    }
    for (; p < count; p++) s0 = s0 + x[p] * y[p];
    return (s0 + s1) + (s2 + s3);
}

// Defined after vm_small_product, which it calls: a multiversioned function must be defined
// before its first use.
static void transposed_sums(long m, long n, long k, double alpha, const double *a, long ais,
                            const double *b, long brs, long bcs, double beta, const double *row,
                            double *c, long ldc);

VM_KERNEL_COPIES
void vm_small_product(long m, long n, long k, double alpha, const double *a, long ars, long ais,
                      const double *b, long brs, long bcs, double beta, const double *row,
                      double *c, long ldc) {
    double scratch[VM_SMALL_PRODUCT_SCRATCH];
    if (n == 1 && m < 4 && ais == 1 && brs == 1) {
        for (long i = 0; i < m; i++) c[i * ldc] = combine(c[i * ldc], dot(a + i * ars, b, k), alpha, beta, row);
        return;
    }
    if (n == 1 && ars == 1 && m <= VM_SMALL_PRODUCT_SCRATCH) {
        column_by_rows(m, k, alpha, a, ais, b, brs, beta, row, c, ldc, scratch);
        return;
    }
    if (k == 1 && beta == 0 && bcs == 1) {
        // One term per element (the forward pass of a one-input layer, a one-row weight gradient):
        // each row of C is one scaled row of B, stored in one pass without spilling register
        // blocks. The same values the kernels below store: alpha·(0 + a_i·b_j) (+ row).
        for (long i = 0; i < m; i++) store_single_term(c + i * ldc, a[i * ars], b, n, alpha, row);
        return;
    }
    if (m == 1 && n > 16 && bcs == 1 && n <= VM_SMALL_PRODUCT_SCRATCH) {
        row_by_columns(n, k, alpha, a, ais, b, brs, beta, row, c, scratch);
        return;
    }
    if (n < m && m <= 16 && ars == 1) {
        transposed_sums(m, n, k, alpha, a, ais, b, brs, bcs, beta, row, c, ldc);
        return;
    }
    for (long j0 = 0; j0 < n; j0 += 16) {
        long width = n - j0 < 16 ? n - j0 : 16;
        double *target = c + j0;
        const double *rowBlock = row ? row + j0 : 0;
        if (width % 4 == 3 && k * (width + 1) <= VM_SMALL_PRODUCT_SCRATCH) {
            const double *block = padded_block(b, k, j0, width, brs, bcs, scratch);
            switch (width) {
#define CASE(W) case W: padded_##W(m, k, alpha, a, ars, ais, block, W + 1, beta, rowBlock, target, ldc); break;
                CASE(3) CASE(7) CASE(11) CASE(15)
#undef CASE
            }
            continue;
        }
        long rowStride;
        const double *block = contiguous_block(b, k, j0, width, brs, bcs, scratch, &rowStride);
        // A switch rather than a table of function pointers: the kernels must be inlined here to
        // be compiled for this clone's instruction set.
        switch (width) {
#define CASE(W) case W: block_##W(m, k, alpha, a, ars, ais, block, rowStride, beta, rowBlock, target, ldc); break;
            CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
            CASE(9) CASE(10) CASE(11) CASE(12) CASE(13) CASE(14) CASE(15) CASE(16)
#undef CASE
        }
    }
}

// A small C with more rows than columns whose A is stored transposed, such as a layer's weight
// gradient xᵀ·G when the layer has fewer outputs than inputs (10 x 3 in a 2-10-10-3 network).
// Vectors run along C's rows, which are C's long side, by computing Cᵀ = Bᵀ·Aᵀ (Aᵀ's rows are
// contiguous, so nothing is copied) and combining it into C. Each element is still summed in order
// of p and then combined once, so the bits are those of the direct product.
static void transposed_sums(long m, long n, long k, double alpha, const double *a, long ais,
                            const double *b, long brs, long bcs, double beta, const double *row,
                            double *c, long ldc) {
    double sums[16 * 16];
    vm_small_product(n, m, k, 1, b, bcs, brs, a, ais, 1, 0, 0, sums, m);
    for (long i = 0; i < m; i++)
        for (long j = 0; j < n; j++)
            c[i * ldc + j] = combine(c[i * ldc + j], sums[j * m + i], alpha, beta, row ? row + j : 0);
}

// Column sums of W adjacent columns: four accumulators per column, one for each residue of the row
// modulo 4, so that four rows' additions are in flight instead of one long chain.
#define COLUMN_SUMS(W)                                                                             \
    static inline __attribute__((always_inline)) void column_sums_##W(long rows, const double *a, \
            long lda, double *sums) {                                                             \
        double acc[4][W];                                                                         \
        for (int l = 0; l < 4; l++)                                                               \
            for (int j = 0; j < W; j++) acc[l][j] = 0;                                            \
        long i = 0;                                                                               \
        for (; i + 4 <= rows; i += 4)                                                             \
            for (int l = 0; l < 4; l++)                                                           \
                for (int j = 0; j < W; j++) acc[l][j] = acc[l][j] + a[(i + l) * lda + j];         \
        for (; i < rows; i++)                                                                     \
            for (int j = 0; j < W; j++) acc[0][j] = acc[0][j] + a[i * lda + j];                   \
        for (int j = 0; j < W; j++) sums[j] = (acc[0][j] + acc[1][j]) + (acc[2][j] + acc[3][j]); \
    }

COLUMN_SUMS(1)
COLUMN_SUMS(2)
COLUMN_SUMS(3)
COLUMN_SUMS(4)
COLUMN_SUMS(5)
COLUMN_SUMS(6)
COLUMN_SUMS(7)
COLUMN_SUMS(8)

VM_KERNEL_COPIES
void vm_column_sums(long rows, long columns, const double *a, long lda, double *sums) {
    // Under four rows only the first partial sum is ever added to, and it cannot be −0 (it starts
    // at +0), so adding the three zero sums changes nothing: one plain pass gives the same bits.
    // One-sample steps (seed 001's per-sample training) take this path.
    if (rows < 4) {
        for (long j = 0; j < columns; j++) sums[j] = rows > 0 ? 0.0 + a[j] : 0.0;
        for (long i = 1; i < rows; i++)
            for (long j = 0; j < columns; j++) sums[j] = sums[j] + a[i * lda + j];
        return;
    }
    for (long j0 = 0; j0 < columns; j0 += 8) {
        long width = columns - j0 < 8 ? columns - j0 : 8;
        switch (width) {
#define CASE(W) case W: column_sums_##W(rows, a + j0, lda, sums + j0); break;
            CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
#undef CASE
        }
    }
}

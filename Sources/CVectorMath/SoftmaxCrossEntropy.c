// The softmax cross-entropy of a batch of logits: the loss of a classifier trained with the
// negative log-likelihood, whose per-row loops in Swift (a libm log per row among them) were a
// fifth of a 2-10-10-3 network's training step.
#include "CVectorMath.h"
#include "KernelCopies.h"

// Whether every target is a class index, in one vector pass.
static inline __attribute__((always_inline)) int all_class_indices(const double *classes, long rows, long width) {
    // A count rather than an `&=` of flags, which the vectoriser does not take as a reduction here.
    long valid = 0;
    for (long row = 0; row < rows; row++) valid += vm_is_class_index(classes[row], width);
    return valid == rows;
}

// The whole loss for one width. Inlined with a constant width (a classifier has a handful of
// classes), the loops over a row's columns unroll completely, and each pass below is one loop over
// the rows that the compiler vectorises across rows: no branch or early exit inside (classes are
// checked first, and the true class is picked with selects), so 300 rows of 3 classes take a
// third of what one pass per row with branches took.
static inline __attribute__((always_inline)) long softmax_cross_entropy(
        const double *z, const double *classes, long rows, long width, double scale,
        double *exponentials, double *scratch, int computeGradient, double *loss) {
    double *sums = scratch, *shiftedTrue = scratch + rows, *factors = scratch + 2 * rows;
    if (!all_class_indices(classes, rows, width)) {
        for (long row = 0; row < rows; row++)
            if (!vm_is_class_index(classes[row], width)) return row;
    }
    for (long row = 0; row < rows; row++) {
        const double *logits = z + row * width;
        double *e = exponentials + row * width;
        // The maximum skips NaN (a comparison with NaN is false); the NaN then reaches the sum.
        double maximum = logits[0];
        for (long column = 1; column < width; column++) maximum = logits[column] > maximum ? logits[column] : maximum;
        double label = classes[row], truth = 0;
        for (long column = 0; column < width; column++) {
            e[column] = logits[column] - maximum;
            truth = (double)column == label ? e[column] : truth;
        }
        shiftedTrue[row] = truth;
    }
    vm_exp_array(exponentials, exponentials, rows * width);
    for (long row = 0; row < rows; row++) {
        const double *e = exponentials + row * width;
        double sum = 0;
        for (long column = 0; column < width; column++) sum = sum + e[column];
        sums[row] = sum;
    }
    if (computeGradient) {
        // ∂L/∂z = (softmax(z) − onehot(y))·scale, as e·(scale / Σe) − scale at the true class.
        // Elsewhere the subtracted 0 changes no bits (x − 0 is x, −0 included).
        for (long row = 0; row < rows; row++) factors[row] = scale / sums[row];
        for (long row = 0; row < rows; row++) {
            double *e = exponentials + row * width;
            double label = classes[row];
            for (long column = 0; column < width; column++)
                e[column] = e[column] * factors[row] - ((double)column == label ? scale : 0.0);
        }
    }
    // L = Σ (log Σ e^(z − max) − (z_y − max)): the maximum cancels without being added back. Four
    // interleaved partial sums, in a fixed order, so that the additions do not wait on each other.
    vm_log_array(sums, sums, rows);
    double partial[4] = {0, 0, 0, 0};
    long row = 0;
    for (; row + 4 <= rows; row += 4)
        for (int lane = 0; lane < 4; lane++)
            partial[lane] = partial[lane] + (sums[row + lane] - shiftedTrue[row + lane]);
    for (; row < rows; row++) partial[0] = partial[0] + (sums[row] - shiftedTrue[row]);
    *loss = ((partial[0] + partial[1]) + (partial[2] + partial[3])) * scale;
    return -1;
}

VM_KERNEL_COPIES
long vm_softmax_cross_entropy(const double *z, const double *classes, long rows, long width, double scale,
                              double *exponentials, double *scratch, int computeGradient, double *loss) {
    switch (width) {
#define CASE(W) case W: return softmax_cross_entropy(z, classes, rows, W, scale, exponentials, scratch, computeGradient, loss);
        CASE(2) CASE(3) CASE(4) CASE(5) CASE(10)
#undef CASE
    default: return softmax_cross_entropy(z, classes, rows, width, scale, exponentials, scratch, computeGradient, loss);
    }
}

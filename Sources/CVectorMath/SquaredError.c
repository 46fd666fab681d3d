// The squared-error loss, plain or against one-hot rows (classification as regression): four
// passes over a batch's outputs that Swift ran as separate loops.
#include "CVectorMath.h"
#include "KernelCopies.h"

VM_KERNEL_COPIES
long vm_squared_error(const double *prediction, const double *target, long rows, long width, int oneHot,
                      double scale, double *gradient, int computeGradient, double *loss) {
    long count = rows * width;
    double *d = gradient;
    if (oneHot) {
        // p − onehot: p everywhere, less 1 at each row's class (p − 0 is p exactly).
        for (long i = 0; i < count; i++) d[i] = prediction[i];
        for (long row = 0; row < rows; row++) {
            long label = vm_class_index(target[row], width);
            if (label < 0) return row;
            d[row * width + label] -= 1;
        }
    } else {
        for (long i = 0; i < count; i++) d[i] = prediction[i] - target[i];
    }
    double partial[4] = {0, 0, 0, 0};
    long i = 0;
    for (; i + 4 <= count; i += 4)
        for (int lane = 0; lane < 4; lane++) partial[lane] = partial[lane] + d[i + lane] * d[i + lane];
    for (; i < count; i++) partial[0] = partial[0] + d[i] * d[i];
    *loss = ((partial[0] + partial[1]) + (partial[2] + partial[3])) * scale;
    if (computeGradient)
        for (long i = 0; i < count; i++) d[i] = 2 * d[i] * scale;
    return -1;
}

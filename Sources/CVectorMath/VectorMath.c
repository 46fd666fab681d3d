#include "CVectorMath.h"
#include "KernelCopies.h"
#include <math.h>

// Whether every |x[i]| ≤ VM_EXP_IN_RANGE_LIMIT (false for NaN): one vector comparison per four
// elements, against the polynomial each element of the kernels below costs (`bench core`'s
// "sigmoid, VectorMath" row times the two together), and in training it is always true.
static inline __attribute__((always_inline)) int all_in_range(const double *x, long count) {
    int inRange = 1;
    for (long i = 0; i < count; i++)
        inRange &= (x[i] >= -VM_EXP_IN_RANGE_LIMIT) & (x[i] <= VM_EXP_IN_RANGE_LIMIT);
    return inRange;
}

// y may be x: each element is read before it is written, so vectors are safe; without the pragma
// the compiler's overlap check sends the in-place calls to the scalar loop. The in-range loops
// give the same bits as the general ones, so which runs never shows in a result.

VM_KERNEL_COPIES
void vm_exp_array(const double *x, double *y, long count) {
    if (all_in_range(x, count)) {
#pragma clang loop vectorize(assume_safety)
        for (long i = 0; i < count; i++) y[i] = vm_exp_in_range(x[i]);
    } else {
#pragma clang loop vectorize(assume_safety)
        for (long i = 0; i < count; i++) y[i] = vm_exp(x[i]);
    }
}

// The in-range sigmoid loop, for both entry points.
static inline __attribute__((always_inline)) void sigmoid_in_range(const double *x, double *y, long count) {
    // Two vectors per iteration: each element is a long dependency chain ending in a division, and
    // interleaving two chains in the code keeps more of them in flight (`bench core`'s "sigmoid,
    // VectorMath" row times it).
#pragma clang loop vectorize(assume_safety) interleave_count(2)
    for (long i = 0; i < count; i++) y[i] = vm_sigmoid_in_range(x[i]);
}

VM_KERNEL_COPIES
void vm_sigmoid_array_in_range(const double *x, double *y, long count) {
    sigmoid_in_range(x, y, count);
}

VM_KERNEL_COPIES
void vm_sigmoid_array(const double *x, double *y, long count) {
    if (all_in_range(x, count)) {
        sigmoid_in_range(x, y, count);
    } else {
#pragma clang loop vectorize(assume_safety)
        for (long i = 0; i < count; i++) y[i] = vm_sigmoid(x[i]);
    }
}

VM_KERNEL_COPIES
void vm_sigmoid_backward_array(const double *y, const double *g, double *result, long count) {
#pragma clang loop vectorize(assume_safety)
    for (long i = 0; i < count; i++) result[i] = g[i] * vm_sigmoid_derivative(y[i]);
}

// Whether x is positive, normal and finite (false for NaN): where `vm_log_positive_normal` applies.
// Bitwise & rather than &&, so that the array scan below stays one vector loop.
static inline __attribute__((always_inline)) int is_positive_normal(double x) {
    return (x >= 0x1p-1022) & (x <= 0x1.fffffffffffffp+1023);
}

double vm_log(double x) {
    return is_positive_normal(x) ? vm_log_positive_normal(x) : log(x);
}

// Whether every x[i] is positive, normal and finite, as `all_in_range` for exp.
static inline __attribute__((always_inline)) int all_positive_normal(const double *x, long count) {
    int normal = 1;
    for (long i = 0; i < count; i++) normal &= is_positive_normal(x[i]);
    return normal;
}

VM_KERNEL_COPIES
void vm_log_array(const double *x, double *y, long count) {
    if (all_positive_normal(x, count)) {
#pragma clang loop vectorize(assume_safety) interleave_count(2)
        for (long i = 0; i < count; i++) y[i] = vm_log_positive_normal(x[i]);
    } else {
        for (long i = 0; i < count; i++) y[i] = vm_log(x[i]);
    }
}

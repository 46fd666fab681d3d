#include "CVectorMath.h"

__attribute__((target_clones("avx2", "default")))
void vm_exp_array(const double *x, double *y, long count) {
    // y may be x: each element is read before it is written, so vectors are safe; without this
    // the compiler's overlap check sends the in-place calls to the scalar loop.
#pragma clang loop vectorize(assume_safety)
    for (long i = 0; i < count; i++) y[i] = vm_exp(x[i]);
}

__attribute__((target_clones("avx2", "default")))
void vm_sigmoid_array(const double *x, double *y, long count) {
#pragma clang loop vectorize(assume_safety)
    for (long i = 0; i < count; i++) y[i] = vm_sigmoid(x[i]);
}

__attribute__((target_clones("avx2", "default")))
void vm_sigmoid_backward_array(const double *y, const double *g, double *result, long count) {
#pragma clang loop vectorize(assume_safety)
    for (long i = 0; i < count; i++) result[i] = g[i] * (y[i] * (1.0 - y[i]));
}

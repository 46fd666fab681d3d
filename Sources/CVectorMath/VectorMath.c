#include "CVectorMath.h"

__attribute__((target_clones("avx2", "default")))
void vm_exp_array(const double *x, double *y, long count) {
    for (long i = 0; i < count; i++) y[i] = vm_exp(x[i]);
}

__attribute__((target_clones("avx2", "default")))
void vm_sigmoid_array(const double *x, double *y, long count) {
    for (long i = 0; i < count; i++) y[i] = vm_sigmoid(x[i]);
}

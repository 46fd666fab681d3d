// The element loops of the optimizers: four doubles per instruction on AVX2, where Swift's
// baseline x86-64 code does two. Each loop performs the operations of `SGD.swift` in its order.
#include "CVectorMath.h"

__attribute__((target_clones("avx2", "default")))
void vm_sgd_update(double *restrict w, double *restrict b, const double *restrict g, long count,
                   double lr, double momentum, double dampening, int firstStep, int nesterov,
                   int velocityForm) {
    if (momentum == 0) {
        for (long i = 0; i < count; i++) w[i] = w[i] + -lr * g[i];
    } else if (velocityForm) {
        for (long i = 0; i < count; i++) {
            b[i] = momentum * b[i] - lr * g[i];
            w[i] = w[i] + b[i];
        }
    } else {
        if (!firstStep && !nesterov) {
            double keep = 1 - dampening;
            for (long i = 0; i < count; i++) {
                b[i] = b[i] * momentum + keep * g[i];
                w[i] = w[i] + -lr * b[i];
            }
            return;
        }
        if (firstStep) {
            for (long i = 0; i < count; i++) b[i] = g[i];
        } else {
            for (long i = 0; i < count; i++) b[i] = b[i] * momentum + (1 - dampening) * g[i];
        }
        if (nesterov) {
            for (long i = 0; i < count; i++) w[i] = w[i] + -lr * (g[i] + momentum * b[i]);
        } else {
            for (long i = 0; i < count; i++) w[i] = w[i] + -lr * b[i];
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void vm_add_weight_decay(const double *g, const double *w, long count, double weightDecay, double *scratch) {
    for (long i = 0; i < count; i++) scratch[i] = g[i] + weightDecay * w[i];
}

void vm_sgd_step(double *w, double *b, const double *g, double *scratch, long count,
                 const vm_sgd_settings *settings, int firstStep) {
    // The decay goes into scratch before the update loops, which then run without a branch.
    if (settings->weightDecay != 0) {
        vm_add_weight_decay(g, w, count, settings->weightDecay, scratch);
        g = scratch;
    }
    vm_sgd_update(w, b, g, count, settings->learningRate, settings->momentum, settings->dampening, firstStep,
                  settings->nesterov, settings->velocityForm);
}

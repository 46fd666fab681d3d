// The element loops of the optimizers: four or eight doubles per instruction with AVX2 or AVX-512,
// where Swift's baseline x86-64 code does two. Each loop performs the operations of `SGD.swift` in its order.
#include "CVectorMath.h"
#include "KernelCopies.h"

// SGD's rules for weights i < COUNT of W with momentum buffer B, where GRADIENT(i) is weight i's
// gradient (weight decay included), read once per weight before W[i] changes. One loop per rule,
// so that each is a plain vector loop; `vm_sgd_update` and the one-row step below both expand it,
// so the rule is written once.
#define SGD_RULE_LOOPS(COUNT, W, B, GRADIENT, S, FIRST_STEP)                                       \
    do {                                                                                          \
        double lr_ = (S).learningRate, momentum_ = (S).momentum, keep_ = 1 - (S).dampening;      \
        if (momentum_ == 0) {                                                                     \
            for (long i = 0; i < (COUNT); i++) {                                                  \
                double g_ = GRADIENT(i);                                                          \
                W[i] = W[i] + -lr_ * g_;                                                          \
            }                                                                                     \
        } else if ((S).velocityForm) {                                                            \
            for (long i = 0; i < (COUNT); i++) {                                                  \
                double g_ = GRADIENT(i);                                                          \
                B[i] = momentum_ * B[i] - lr_ * g_;                                               \
                W[i] = W[i] + B[i];                                                               \
            }                                                                                     \
        } else if ((FIRST_STEP) && (S).nesterov) {                                                \
            for (long i = 0; i < (COUNT); i++) {                                                  \
                double g_ = GRADIENT(i);                                                          \
                B[i] = g_;                                                                        \
                W[i] = W[i] + -lr_ * (g_ + momentum_ * B[i]);                                     \
            }                                                                                     \
        } else if (FIRST_STEP) {                                                                  \
            for (long i = 0; i < (COUNT); i++) {                                                  \
                double g_ = GRADIENT(i);                                                          \
                B[i] = g_;                                                                        \
                W[i] = W[i] + -lr_ * B[i];                                                        \
            }                                                                                     \
        } else if ((S).nesterov) {                                                                \
            for (long i = 0; i < (COUNT); i++) {                                                  \
                double g_ = GRADIENT(i);                                                          \
                B[i] = B[i] * momentum_ + keep_ * g_;                                             \
                W[i] = W[i] + -lr_ * (g_ + momentum_ * B[i]);                                     \
            }                                                                                     \
        } else {                                                                                  \
            for (long i = 0; i < (COUNT); i++) {                                                  \
                double g_ = GRADIENT(i);                                                          \
                B[i] = B[i] * momentum_ + keep_ * g_;                                             \
                W[i] = W[i] + -lr_ * B[i];                                                        \
            }                                                                                     \
        }                                                                                         \
    } while (0)

VM_KERNEL_COPIES
void vm_sgd_update(double *restrict w, double *restrict b, const double *restrict g, long count,
                   double lr, double momentum, double dampening, int firstStep, int nesterov,
                   int velocityForm) {
    vm_sgd_settings settings = {lr, momentum, dampening, 0, nesterov, velocityForm};
#define GIVEN(i) g[i]
    SGD_RULE_LOOPS(count, w, b, GIVEN, settings, firstStep);
#undef GIVEN
}

VM_KERNEL_COPIES
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

// One-row training's weight gradients are one-term products, 0 + x_i·g_j (what `vm_small_product`
// stores for k = 1, whichever of its paths runs), and its bias gradients 0 + g_j (`vm_column_sums`
// of one row). Here each is computed, stored and stepped in one pass, rather than stored by one
// kernel and read back by the next.
#define WEIGHT_TERM(i) (gradientRun[i] = 0.0 + scalar * vector[i])
#define DECAYED_WEIGHT_TERM(i) (WEIGHT_TERM(i) + decay * weightRun[i])
#define BIAS_TERM(i) (gradientRun[i] = 0.0 + vector[i])
#define DECAYED_BIAS_TERM(i) (BIAS_TERM(i) + decay * weightRun[i])
// Steps a run of COUNT weights with the gradient TERM, decayed as `vm_add_weight_decay` does when
// there is weight decay.
#define STEP_RUN(COUNT, TERM, DECAYED_TERM)                                                        \
    do {                                                                                          \
        if (decay != 0) SGD_RULE_LOOPS(COUNT, weightRun, momentumRun, DECAYED_TERM, s, firstStep); \
        else SGD_RULE_LOOPS(COUNT, weightRun, momentumRun, TERM, s, firstStep);                   \
    } while (0)

VM_KERNEL_COPIES
void vm_sgd_step_one_row(double *weight, double *weightMomentum, double *weightGradient, double *bias,
                         double *biasMomentum, double *biasGradient, const double *x, long inputs,
                         const double *g, long outputs, const vm_sgd_settings *settings, int firstStep) {
    vm_sgd_settings s = *settings;
    double decay = s.weightDecay;
    if (outputs == 1) {
        // One output: the weights are one run down the inputs.
        double scalar = g[0];
        const double *vector = x;
        double *weightRun = weight, *momentumRun = weightMomentum, *gradientRun = weightGradient;
        STEP_RUN(inputs, WEIGHT_TERM, DECAYED_WEIGHT_TERM);
    } else {
        for (long input = 0; input < inputs; input++) {
            double scalar = x[input];
            const double *vector = g;
            double *weightRun = weight + input * outputs, *momentumRun = weightMomentum + input * outputs;
            double *gradientRun = weightGradient + input * outputs;
            STEP_RUN(outputs, WEIGHT_TERM, DECAYED_WEIGHT_TERM);
        }
    }
    const double *vector = g;
    double *weightRun = bias, *momentumRun = biasMomentum, *gradientRun = biasGradient;
    STEP_RUN(outputs, BIAS_TERM, DECAYED_BIAS_TERM);
}

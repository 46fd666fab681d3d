// The binary cross-entropy losses, on probabilities and on logits, element by element: libm's log
// and log1p, in order, as `BinaryCrossEntropy.swift` documents.
#include "CVectorMath.h"
#include <math.h>

// Swift's max(x, y): y when y ≥ x, else x (so x when either is NaN).
static inline double swift_max(double x, double y) { return y >= x ? y : x; }

double vm_binary_cross_entropy(const double *p, const double *t, long count, double scale, double *gradient) {
    double total = 0;
    for (long i = 0; i < count; i++) {
        double probability = p[i], label = t[i];
        double logP = swift_max(log(probability), -100);
        double logNotP = swift_max(log(1 - probability), -100);
        total -= label * logP + (1 - label) * logNotP;
        if (gradient) gradient[i] = (probability - label) / swift_max((1 - probability) * probability, 1e-12) * scale;
    }
    return total * scale;
}

double vm_binary_cross_entropy_with_logits(const double *z, const double *t, long count, double scale,
                                           double *gradient) {
    double total = 0;
    for (long i = 0; i < count; i++) {
        double logit = z[i], label = t[i];
        total += swift_max(logit, 0) - logit * label + log1p(vm_exp(-fabs(logit)));
        if (gradient) gradient[i] = (vm_sigmoid(logit) - label) * scale;
    }
    return total * scale;
}

// Element-wise kernels over arrays of doubles, vectorised for the CPU they run on.
//
// Why C: Swift cannot compile a single function for AVX2, and compiling the whole package for it
// would crash on CPUs without it. Here each array kernel is compiled twice (AVX2 and baseline
// x86-64) and the loader picks one at start-up (`target_clones`). Both copies use only IEEE
// additions, multiplications and divisions in the same order, with floating-point contraction off,
// so they return bit-identical results: the choice of copy never changes a number.
#ifndef CVECTORMATH_H
#define CVECTORMATH_H

#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)

/// e^x with at most about two units in the last place of error, for every finite or infinite x,
/// NaN propagated, subnormal results produced rather than flushed.
///
/// Method: x = k·ln2 + r with integer k and |r| ≤ ln2/2; e^r by its Taylor series to degree 13
/// (truncation error below 2e-16 there), evaluated by Estrin's scheme, a tree of depth 4, so that
/// its operations overlap instead of waiting on each other as in Horner's chain; then scaled by
/// 2^k, built from exponent bits in two halves so that k down to -1075 stays representable.
static inline double vm_exp(double x) {
    // Clamp where the result is already 0 or infinity; both comparisons fail for NaN, which passes.
    double c = x < -746.0 ? -746.0 : x;
    c = c > 710.0 ? 710.0 : c;
    // Adding 1.5·2^52 rounds to an integer held in the low mantissa bits, without a rounding instruction.
    const double shifter = 6755399441055744.0;
    double shifted = c * 1.4426950408889634 + shifter;
    double k = shifted - shifter;
    // ln2 split so that k·ln2High is exact for |k| < 2^21.
    double r = (c - k * 0.693147180369123816490) - k * 1.90821492927058770002e-10;
    double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    double q0 = 1.0 + r, q1 = 0.5 + r * (1.0 / 6);
    double q2 = 1.0 / 24 + r * (1.0 / 120), q3 = 1.0 / 720 + r * (1.0 / 5040);
    double q4 = 1.0 / 40320 + r * (1.0 / 362880), q5 = 1.0 / 3628800 + r * (1.0 / 39916800);
    double q6 = 1.0 / 479001600 + r * (1.0 / 6227020800.0);
    double s0 = q0 + r2 * q1, s1 = q2 + r2 * q3, s2 = q4 + r2 * q5;
    double p = (s0 + r4 * s1) + r8 * (s2 + r4 * q6);
    int64_t shiftedBits, shifterBits;
    memcpy(&shiftedBits, &shifted, sizeof shiftedBits);
    memcpy(&shifterBits, &shifter, sizeof shifterBits);
    int64_t integerK = (int64_t)((uint64_t)shiftedBits - (uint64_t)shifterBits);
    int64_t firstHalf = integerK >> 1;
    int64_t secondHalf = (int64_t)((uint64_t)integerK - (uint64_t)firstHalf);
    uint64_t firstBits = (uint64_t)(firstHalf + 1023) << 52;
    uint64_t secondBits = (uint64_t)(secondHalf + 1023) << 52;
    double firstScale, secondScale;
    memcpy(&firstScale, &firstBits, sizeof firstScale);
    memcpy(&secondScale, &secondBits, sizeof secondScale);
    return p * firstScale * secondScale;
}

/// The logistic function 1 / (1 + e^-x), accurate for large |x|: it never forms e^|x|, so it
/// neither overflows nor loses the tiny values of strongly negative inputs.
static inline double vm_sigmoid(double x) {
    double e = vm_exp(x < 0 ? x : -x);  // e^-|x| ≤ 1
    double denominator = 1.0 + e;
    return x < 0 ? e / denominator : 1.0 / denominator;
}

/// y[i] = e^x[i] for i < count; y may be x.
void vm_exp_array(const double *x, double *y, long count);

/// y[i] = σ(x[i]) for i < count; y may be x.
void vm_sigmoid_array(const double *x, double *y, long count);

#endif

// Element-wise kernels over arrays of doubles, vectorised for the CPU they run on.
//
// Why C: Swift cannot compile a single function for AVX2 or AVX-512, and compiling the whole
// package for one would crash on CPUs without it. Here each array kernel is compiled three times
// (x86-64-v4 with AVX-512, x86-64-v3 with AVX2 and FMA, and baseline x86-64; `KernelCopies.h`)
// and the loader picks one at start-up (`target_clones`). The copies do the same IEEE operations
// in the same order, with floating-point contraction off: additions, multiplications, divisions,
// and fused multiply-adds written out as `__builtin_fma`, which x86-64-v3 and v4 run as one
// instruction and the baseline copy as libm's correctly rounded `fma`. So they return
// bit-identical results: the choice of copy never changes a number.
#ifndef CVECTORMATH_H
#define CVECTORMATH_H

#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)

/// 2^(j/64) for j = 0…63, each correctly rounded (printed with mpmath at 200 bits:
/// `float(mpmath.power(2, mpmath.mpf(j) / 64)).hex()`).
static const double vm_exp_table[64] = {
    0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
    0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
    0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
    0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
    0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
    0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
    0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
    0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
    0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
    0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
    0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
    0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
    0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
    0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
    0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
    0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0,
};

static inline double vm_double_from_bits(uint64_t bits) {
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static inline uint64_t vm_bits_from_double(double value) {
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

// e^x = 2^k · 2^(j/64) · e^r, where x = (64k + j)·ln2/64 + r with integers k, j (0 ≤ j < 64) and
// |r| ≤ ln2/128. This part computes n = 64k + j (as the two's-complement bits of an integer) and
// m = 2^(j/64) · e^r, which lies in [0.994, 2.011); the callers apply 2^k. The table gives 2^(j/64);
// e^r − 1 is its Taylor polynomial of degree 5 (truncation error below 4e-17 at that small r),
// added as t + t·(e^r − 1) so that the rounding of the table entry is the main error. Reduction and
// polynomial are fused multiply-adds: fewer instructions and a shorter dependency chain, which is
// what bounds this loop (an out-of-order core keeps only about four iterations in flight). `x`
// must lie in [−746, 710] (callers clamp or check), so that |n| < 2^17.
static inline double vm_exp_mantissa(double x, uint64_t *n) {
    // Adding 1.5·2^52 rounds to an integer held in the low mantissa bits, without a rounding instruction.
    const double shifter = 6755399441055744.0;
    double shifted = __builtin_fma(x, 92.33248261689366 /* 64/ln2 */, shifter);
    double rounded = shifted - shifter;
    // ln2/64 split so that rounded·high is exact for |n| < 2^17.
    double r = __builtin_fma(-rounded, 0x1.473de6af278edp-40, __builtin_fma(-rounded, 0x1.62e42fef00000p-7, x));
    double r2 = r * r;
    double expm1r = __builtin_fma(r2, __builtin_fma(r2, __builtin_fma(r, 1.0 / 120, 1.0 / 24),
                                                    __builtin_fma(r, 1.0 / 6, 0.5)), r);
    *n = vm_bits_from_double(shifted) - vm_bits_from_double(shifter);
    double t = vm_exp_table[*n & 63];
    return __builtin_fma(t, expm1r, t);
}

/// e^x within 1.3 units in the last place of the exact value, for every finite or infinite x, NaN
/// propagated, subnormal results produced rather than flushed (`VectorMathTests` checks the bound
/// from −745 to 709 against the 80-bit exp).
///
/// 2^k is applied as two multiplications by powers of two, built from exponent bits in two halves
/// so that k down to −1075 stays representable. No branches: the shape the vectoriser needs.
static inline double vm_exp(double x) {
    // Clamp where the result is already 0 or infinity; both comparisons fail for NaN, which passes.
    double c = x < -746.0 ? -746.0 : x;
    c = c > 710.0 ? 710.0 : c;
    uint64_t n;
    double m = vm_exp_mantissa(c, &n);
    // n + 64·1100 is never negative, so logical shifts (all AVX2 has for 64-bit lanes) split it.
    int64_t k = (int64_t)((n + 64 * 1100) >> 6) - 1100;
    uint64_t firstHalf = ((uint64_t)(k + 2048) >> 1) - 1024;
    uint64_t secondHalf = (uint64_t)k - firstHalf;
    double firstScale = vm_double_from_bits((firstHalf + 1023) << 52);
    double secondScale = vm_double_from_bits((secondHalf + 1023) << 52);
    return m * firstScale * secondScale;
}

/// The |x| up to which `vm_exp_in_range` may be used. There |n| ≤ 65,279, so −1020 ≤ k ≤ 1019,
/// and m·2^k is a normal number whatever m is.
#define VM_EXP_IN_RANGE_LIMIT 707.0

/// e^x for |x| ≤ VM_EXP_IN_RANGE_LIMIT, bit for bit what `vm_exp` returns there, with a shorter
/// dependency chain: 2^k is added to m's exponent field instead of multiplied in two halves (both
/// are exact while the result is normal). The array kernels use it when every element is in range,
/// as in training they always are; it takes a quarter off a sigmoid. Outside the range the result
/// is meaningless.
static inline double vm_exp_in_range(double x) {
    uint64_t n;
    double m = vm_exp_mantissa(x, &n);
    // (n >> 6) << 52 is k·2^52 modulo 2^64 for negative n too: a logical shift differs from an
    // arithmetic one only in the top bits, which the left shift discards.
    return vm_double_from_bits(vm_bits_from_double(m) + ((n >> 6) << 52));
}

// σ(x) from e = e^-|x| ≤ 1: 1 / (1 + e) for x ≥ 0, e / (1 + e) for x < 0. Never forming e^|x|,
// it neither overflows nor loses the tiny values of strongly negative inputs.
static inline double vm_logistic(double x, double e) {
    double denominator = 1.0 + e;
    return x < 0 ? e / denominator : 1.0 / denominator;
}

/// The logistic function 1 / (1 + e^-x), accurate for large |x|.
static inline double vm_sigmoid(double x) { return vm_logistic(x, vm_exp(x < 0 ? x : -x)); }

/// `vm_sigmoid` for |x| ≤ VM_EXP_IN_RANGE_LIMIT, to the bit.
static inline double vm_sigmoid_in_range(double x) { return vm_logistic(x, vm_exp_in_range(x < 0 ? x : -x)); }

// The other element-wise activations and their derivatives, written once for the Swift layers
// (`ElementwiseActivation.swift`) and the one-sample training kernel (`vm_train_samples`).

/// σ′ from the sigmoid's output y: y·(1 − y).
static inline double vm_sigmoid_derivative(double y) { return y * (1.0 - y); }

/// max(0, x), with 0 (not x) for NaN and −0.
static inline double vm_relu(double x) { return x > 0 ? x : 0.0; }

/// The rectifier's derivative at x: 1 above 0, else 0 (PyTorch's choice at 0).
static inline double vm_relu_derivative(double x) { return x > 0 ? 1.0 : 0.0; }

/// x above 0, else slope·x.
static inline double vm_leaky_relu(double x, double slope) { return x > 0 ? x : slope * x; }

/// 1 above 0, else slope.
static inline double vm_leaky_relu_derivative(double x, double slope) { return x > 0 ? 1.0 : slope; }

/// tanh′ from tanh's output y: 1 − y².
static inline double vm_tanh_derivative(double y) { return 1.0 - y * y; }

/// ln x for a positive, normal, finite x, within one unit in the last place (`VectorMathTests`
/// checks the bound over 450,000 arguments spread over the whole range against the 80-bit log).
///
/// x = 2^e · m with m in [√2/2, √2), and ln m = ln(1 + g) with g = m − 1, which is exact. With
/// f = g / (2 + g), ln(1 + g) = 2·atanh f = 2f + f·R(f²) where R(s) = Σ 2sⁿ/(2n + 1), and since
/// 2f = g − f·g, ln(1 + g) = g − g²/2 + f·(g²/2 + R). So g, exact, is the leading term, and the
/// rounding of f only enters through a correction at most a fifth of the result. |f| ≤ 0.172 makes
/// s ≤ 0.0295, where the series to s¹⁰ leaves under 1e-18. e·ln2 is added in two parts, the first
/// with 42 significant bits so that e times it is exact. No branches: the shape the vectoriser needs.
static inline double vm_log_positive_normal(double x) {
    uint64_t bits = vm_bits_from_double(x);
    // Offsetting the bits by those of √2/2 (less the exponent bias) puts the exponent's step at √2:
    // the top 12 bits are then e + 1023, never negative for a positive x.
    uint64_t biasedExponent = (bits - 0x3fe6a09e667f3bcdull + 0x3ff0000000000000ull) >> 52;
    int64_t e = (int64_t)biasedExponent - 1023;
    double m = vm_double_from_bits(bits - ((uint64_t)e << 52));
    double g = m - 1.0;
    double f = g / (2.0 + g);
    double s = f * f;
    double p = __builtin_fma(s, 2.0 / 21, 2.0 / 19);
    p = __builtin_fma(p, s, 2.0 / 17);
    p = __builtin_fma(p, s, 2.0 / 15);
    p = __builtin_fma(p, s, 2.0 / 13);
    p = __builtin_fma(p, s, 2.0 / 11);
    p = __builtin_fma(p, s, 2.0 / 9);
    p = __builtin_fma(p, s, 2.0 / 7);
    p = __builtin_fma(p, s, 2.0 / 5);
    p = __builtin_fma(p, s, 2.0 / 3);
    double r = p * s;
    double halfSquare = 0.5 * g * g;
    // e as a double without an integer conversion, which AVX2 lacks for 64-bit lanes: the biased
    // exponent (0…2047) placed in the mantissa of 2^52 gives 2^52 + it exactly. Both subtractions
    // are exact, so k is (double)e.
    double k = (vm_double_from_bits(0x4330000000000000ull | biasedExponent) - 4503599627370496.0) - 1023.0;
    const double ln2High = 0x1.62e42fefa3800p-1, ln2Low = 0x1.ef35793c76730p-45;
    return k * ln2High - ((halfSquare - (f * (halfSquare + r) + k * ln2Low)) - g);
}

/// ln x for every x: `vm_log_positive_normal` where that applies, libm's `log` for 0, subnormals,
/// negative numbers, infinities and NaN (whose results it gets exactly right, or to within its own
/// bound for subnormals).
double vm_log(double x);

/// y[i] = ln x[i] for i < count; y may be x. Each element gets `vm_log`'s bits.
void vm_log_array(const double *x, double *y, long count);

/// y[i] = e^x[i] for i < count; y may be x.
void vm_exp_array(const double *x, double *y, long count);

/// y[i] = σ(x[i]) for i < count; y may be x.
void vm_sigmoid_array(const double *x, double *y, long count);

/// `vm_sigmoid_array` for x[i] that the caller knows to lie within ±VM_EXP_IN_RANGE_LIMIT, without
/// looking: the same bits there (and meaningless ones outside).
void vm_sigmoid_array_in_range(const double *x, double *y, long count);

/// result[i] = g[i]·σ′ = g[i]·(y[i]·(1 − y[i])) for i < count, where y = σ(x) is the forward output
/// and g = ∂L/∂y; result may be g.
void vm_sigmoid_backward_array(const double *y, const double *g, double *result, long count);

/// One step of `torch.optim.SGD` on `count` weights `w` with gradient `g` (weight decay already
/// added) and momentum buffer `b` (unused without momentum); `velocityForm` is seed 001's
/// v ← μ·v − η·g, w ← w + v. The three arrays must not overlap. `SGD.swift` documents the rules.
void vm_sgd_update(double *restrict w, double *restrict b, const double *restrict g, long count,
                   double lr, double momentum, double dampening, int firstStep, int nesterov,
                   int velocityForm);

/// scratch[i] = g[i] + λ·w[i]: the gradient with L2 weight decay, which every optimizer adds
/// before its own rule.
void vm_add_weight_decay(const double *g, const double *w, long count, double weightDecay, double *scratch);

/// The settings of `torch.optim.SGD` (`SGD.swift`).
typedef struct {
    double learningRate, momentum, dampening, weightDecay;
    int nesterov, velocityForm;
} vm_sgd_settings;

/// One SGD step of one parameter: the weight decay (into `scratch`, when λ ≠ 0), then
/// `vm_sgd_update`. `firstStep` is non-zero on the optimizer's first step.
void vm_sgd_step(double *w, double *b, const double *g, double *scratch, long count,
                 const vm_sgd_settings *settings, int firstStep);

/// One SGD step of a Linear layer trained on a single row: x (`inputs` values) and the gradient g
/// of its `outputs` outputs. Sets the weight gradient to xᵀ·g and the bias gradient to g, with the
/// bits `vm_small_product` and `vm_column_sums` give them, and steps weight and bias as
/// `vm_sgd_step` would on those gradients, each weight in the same pass as its gradient.
/// Momentum buffers may be null without momentum. No array may overlap another.
void vm_sgd_step_one_row(double *weight, double *weightMomentum, double *weightGradient, double *bias,
                         double *biasMomentum, double *biasGradient, const double *x, long inputs,
                         const double *g, long outputs, const vm_sgd_settings *settings, int firstStep);

/// Binary cross-entropy of probabilities p against labels t (`count` elements): returns
/// scale·Σ −[t·max(ln p, −100) + (1 − t)·max(ln(1 − p), −100)], summed in order, and, when
/// `gradient` is not null, writes scale·(p − t) / max(p(1 − p), 1e-12) into it. The clamps are
/// PyTorch's `BCELoss`; `max` keeps its first argument when either is NaN, as Swift's does.
double vm_binary_cross_entropy(const double *p, const double *t, long count, double scale, double *gradient);

/// Binary cross-entropy of logits z against labels t, computed stably as
/// max(z, 0) − z·t + ln(1 + e^−|z|) (PyTorch's `BCEWithLogitsLoss`): returns scale times the
/// in-order sum, and, when `gradient` is not null, writes scale·(σ(z) − t) into it.
double vm_binary_cross_entropy_with_logits(const double *z, const double *t, long count, double scale,
                                           double *gradient);

/// Whether a target holds a class index: a whole number in 0..<width. Neither a conversion to an
/// integer nor `floor` (a call in the baseline build), so that a scan over many targets is one
/// vector loop: adding 2^52 rounds a t in [0, 2^52) to the nearest whole number, which is t only
/// when t is whole.
static inline __attribute__((always_inline)) int vm_is_class_index(double target, long width) {
    const double wholeNumbers = 4503599627370496.0;
    return (target >= 0) & (target < (double)width) & ((target + wholeNumbers) - wholeNumbers == target);
}

/// The class index a target holds, or −1 when it is not a whole number in 0..<width.
static inline long vm_class_index(double target, long width) {
    return vm_is_class_index(target, width) ? (long)target : -1;
}

/// Squared error of `prediction` (rows x width) against `target`: the same shape, or with `oneHot`
/// a column of class indices compared with their one-hot rows. Sets *loss to scale·Σ (p − t)²,
/// summed over the flat array in four partial sums by index modulo 4, the last count mod 4 terms
/// added to s0, then (s0 + s1) + (s2 + s3); writes 2·(p − t)·scale into `gradient` when
/// `computeGradient` is non-zero (without a gradient it is scratch, rows x width). Returns −1, or
/// with `oneHot` the first row whose class is not a whole number in 0..<width.
long vm_squared_error(const double *prediction, const double *target, long rows, long width, int oneHot,
                      double scale, double *gradient, int computeGradient, double *loss);

/// Softmax cross-entropy on the logits z (rows x width, row-major) against `classes`, one class index
/// per row: sets *loss to scale·Σ_rows (log Σ_j e^(z_j) − z_class), the log-sum-exp taken around the
/// row's maximum, and, when `computeGradient` is non-zero, writes ∂loss/∂z = scale·(softmax(z) −
/// onehot(class)) into `exponentials` (rows x width; without a gradient it is scratch). `scratch`
/// holds 3·rows doubles. Returns −1, or the first row whose class is not a whole number in
/// 0..<width (then nothing else is meaningful). The rows' terms are summed in four interleaved
/// partial sums, (s0 + s1) + (s2 + s3), s_l holding rows ≡ l (mod 4) and the last rows mod 4 in s0.
long vm_softmax_cross_entropy(const double *z, const double *classes, long rows, long width, double scale,
                              double *exponentials, double *scratch, int computeGradient, double *loss);

/// Doubles of stack scratch `vm_small_product` uses (32 KB): a copy of a k x 16 block of a
/// transposed B, or one row or column of sums.
#define VM_SMALL_PRODUCT_SCRATCH 4096

/// The largest inner dimension `k` `vm_small_product` accepts when B's columns are not adjacent.
#define VM_SMALL_PRODUCT_MAX_STRIDED_DEPTH (VM_SMALL_PRODUCT_SCRATCH / 16)

/// C = beta·C + alpha·A·B (+ row) for small matrices, where A(i, p) = a[i·ars + p·ais],
/// B(p, j) = b[p·brs + j·bcs] and C(i, j) = c[i·ldc + j]; m x k times k x n. When `row` is not
/// null, its n elements (which must not lie in C) are added to every row of C (a layer's bias),
/// saving a pass over C.
///
/// Strides express transposes without copying A; B is copied into a stack buffer when `bcs` ≠ 1,
/// which requires k ≤ VM_SMALL_PRODUCT_MAX_STRIDED_DEPTH. Blocks of 3, 7, 11 or 15 columns are
/// copied too, with a zero column added, when the copy fits the buffer. A C of at most 16 x 16 with
/// more rows than columns and a transposed A (a weight gradient) is computed as Cᵀ = Bᵀ·Aᵀ, so that
/// vectors run along its longer side. When beta is 0, C is overwritten (NaNs in it do not propagate). Every
/// C(i, j) is summed in order of p, except that fewer than four rows times one column are dot
/// products in four interleaved partial sums; results never depend on the CPU's vector width.
void vm_small_product(long m, long n, long k, double alpha, const double *a, long ars, long ais,
                      const double *b, long brs, long bcs, double beta, const double *row,
                      double *c, long ldc);

/// sums[j] = the sum of column j of the rows x columns matrix `a` (row stride `lda`): per column,
/// four partial sums s_l over the rows ≡ l (mod 4), the last rows mod 4 added to s0, then
/// (s0 + s1) + (s2 + s3) — the order of the dot products in `vm_small_product`.
void vm_column_sums(long rows, long columns, const double *a, long lda, double *sums);


/// The layers `vm_train_samples` knows.
typedef enum {
    VM_TRAIN_LINEAR, VM_TRAIN_IDENTITY, VM_TRAIN_RELU, VM_TRAIN_LEAKY_RELU, VM_TRAIN_SIGMOID, VM_TRAIN_TANH
} vm_train_layer_kind;

/// One layer of a network for the training kernels. A Linear layer's pointers are its weight
/// (inputs x outputs, row-major) and bias, their gradients, and the optimizer's momentum buffer and
/// weight-decay scratch for each; activations use only the kind, the width and the slope.
typedef struct {
    vm_train_layer_kind kind;
    long inputs, outputs;
    double slope;
    double *weight, *bias, *weightGradient, *biasGradient;
    double *weightMomentum, *biasMomentum, *weightScratch, *biasScratch;
} vm_train_layer;

/// The losses the training kernels know: MSE against targets as wide as the output or against
/// class indices (one-hot), binary cross-entropy on probabilities or logits, softmax cross-entropy.
typedef enum {
    VM_TRAIN_SQUARED_ERROR, VM_TRAIN_SQUARED_ERROR_ONE_HOT, VM_TRAIN_BINARY_CROSS_ENTROPY,
    VM_TRAIN_BINARY_CROSS_ENTROPY_WITH_LOGITS, VM_TRAIN_SOFTMAX_CROSS_ENTROPY
} vm_train_loss;

/// A network, its loss and its SGD optimizer, for the training kernels, which take `rows` rows a
/// step. `activations` and `gradients` each hold `vm_train_tape_length` doubles and start on a
/// 64-byte boundary; `lossScratch` holds 3·rows doubles (for the softmax cross-entropy).
typedef struct {
    const vm_train_layer *layers;
    long layerCount;
    /// Rows per step, and the width of a target row (the output's, or 1 for class indices).
    long rows, targetWidth;
    vm_train_loss loss;
    /// The loss of a step is scaled by this (1 / (rows · outputs) for a mean).
    double lossScale;
    vm_sgd_settings optimizer;
    /// The optimizer's steps so far; advanced by one per step.
    long steps;
    double *activations, *gradients, *lossScratch;
} vm_train_network;

/// The doubles each of a network's `activations` and `gradients` must hold for `rows` rows a step:
/// the input and every layer's output, each rounded up to whole cache lines.
long vm_train_tape_length(const vm_train_layer *layers, long layerCount, long rows);

/// Trains `network` (one row a step) on `count` samples, one SGD step each, taking rows
/// `order[0]`, `order[1]`, … of `inputs` and `targets` (row-major). Adds each sample's loss to
/// *lossSum. Returns −1, or the position in `order` of the first sample whose loss is NaN or
/// infinite, which gets no update. Class targets must have been checked.
///
/// Every operation is the one `Trainer` runs for a batch of one row, through the same kernels
/// (`vm_small_product`, the losses, the activations' formulas) with the same arguments, or, for a
/// Linear layer's gradients and step, `vm_sgd_step_one_row`, which gives them the bits
/// `vm_small_product`, `vm_column_sums` and `vm_sgd_step` would; so the results are the same bits,
/// and only the Swift around them is gone. Each layer's parameters are
/// updated as soon as its backward pass is done, which is what updating all of them after the whole
/// backward pass computes, since no earlier layer reads them.
long vm_train_samples(vm_train_network *network, const double *inputs, const double *targets, const long *order,
                      long count, double *lossSum);

/// One full-batch step of `network`, whose `rows` are every row of `inputs` and `targets`, in two
/// halves, so that the caller sees the loss before the step: the forward pass and the loss into
/// *loss, its gradient left on the tape (returns −1, or the first row whose class is not a whole
/// number in 0..<width), then the backward pass and SGD step. The same operations as `Trainer`'s
/// full-batch step through the same kernels, as `vm_train_samples`'s are for one row.
long vm_train_batch_forward(const vm_train_network *network, const double *inputs, const double *targets, double *loss);
void vm_train_batch_backward(vm_train_network *network, const double *inputs);

/// How many networks the lockstep kernel trains side by side: one per lane of a vector of doubles,
/// as many as an AVX2 register holds.
#define VM_LOCKSTEP_LANES 4

/// One layer of networks trained in lockstep (`vm_lockstep_forward`), the same in every lane but
/// for its parameters. A Linear layer's arrays are its weight (inputs x outputs, row-major) and
/// bias, and their momentum buffers when the optimizer keeps one; every array holds each element's
/// VM_LOCKSTEP_LANES values side by side (element e of lane l at e·VM_LOCKSTEP_LANES + l) and starts
/// on a 64-byte boundary. Activations use only the kind, the width and the slope.
typedef struct {
    vm_train_layer_kind kind;
    long inputs, outputs;
    double slope;
    double *weight, *bias, *weightMomentum, *biasMomentum;
} vm_lockstep_layer;

/// VM_LOCKSTEP_LANES networks of the same layers trained together on the same full batch of
/// `rows` rows, each with its own loss (of the kinds `vm_train_samples` knows) and its own SGD
/// settings. The lanes' settings share their rule: momentum zero or not, Nesterov or not, the
/// velocity form or not, weight decay zero or not. `activations` and `gradients` each hold
/// `vm_lockstep_tape_length` doubles, interleaved as the parameters are, and start on a 64-byte
/// boundary; `laneScratch` holds (2·VM_LOCKSTEP_LANES·width + 3)·rows doubles for the output's width, and `sumScratch`
/// `vm_lockstep_sum_scratch_length` doubles, on a 64-byte boundary.
typedef struct {
    const vm_lockstep_layer *layers;
    long layerCount;
    long rows, targetWidth;
    vm_train_loss loss[VM_LOCKSTEP_LANES];
    double lossScale[VM_LOCKSTEP_LANES];
    vm_sgd_settings optimizer[VM_LOCKSTEP_LANES];
    /// The steps taken so far; advanced by one per `vm_lockstep_backward`.
    long steps;
    double *activations, *gradients, *laneScratch, *sumScratch;
} vm_lockstep_network;

/// The doubles each of a lockstep network's `activations` and `gradients` must hold: every layer's
/// output for all lanes (the input is not copied: every lane reads the same rows).
long vm_lockstep_tape_length(const vm_lockstep_layer *layers, long layerCount, long rows);

/// The doubles a lockstep network's `sumScratch` must hold: the sums of its widest Linear layer's
/// gradients while its backward pass runs.
long vm_lockstep_sum_scratch_length(const vm_lockstep_layer *layers, long layerCount);

/// The forward pass of every lane on `inputs` (rows x the first layer's inputs, row-major, the same
/// for every lane; the first layer must be Linear), each lane's loss against `targets` into
/// losses[lane], and its gradient onto the tape. Returns −1, or the first row whose class is not a
/// whole number in 0..<width for a lane's loss that takes classes.
///
/// Each lane computes what `Trainer`'s full-batch step computes for its network alone: the same
/// operations in the same order (every product element summed in order of its inner index, as
/// `vm_small_product` sums it at these shapes; `vm_column_sums`' partial sums; the losses through
/// their own kernels), only across the lanes of a vector. So each network gets the bits it would
/// get alone.
long vm_lockstep_forward(const vm_lockstep_network *network, const double *inputs, const double *targets,
                         double *losses);

/// The backward pass of every lane from the gradient `vm_lockstep_forward` left on the tape, and
/// its SGD step, each Linear layer stepping as soon as its gradients are known. Requires rows ≥ 4,
/// and every layer's rows·inputs·outputs products small enough for `vm_small_product`.
void vm_lockstep_backward(vm_lockstep_network *network, const double *inputs);

#endif

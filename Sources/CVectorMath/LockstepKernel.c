// Full-batch training of VM_LOCKSTEP_LANES networks at once, one network per lane of a vector: a
// learning-rate sweep's networks share their data, layers and epochs, so every operation of a step
// is the same in all of them but for the numbers. Each element of every array holds its lanes side
// by side, and each operation of a network's step becomes one vector operation over the lanes.
//
// A lane computes exactly what a network trained alone computes: every product element is summed in
// order of its inner index from +0, as `vm_small_product` sums it at the shapes allowed here (which
// never reach OpenBLAS, and have at least four rows); the bias gradients in `vm_column_sums`' four
// partial sums; the activations and losses through the same formulas and kernels. The vectors run
// across lanes, never along a sum, so no sum is reordered and the bits are the network's own.
// Contraction is off for this target, so no multiplication and addition fuse in one lane and not in
// another copy of the code.
#include "CVectorMath.h"
#include "KernelCopies.h"
#include "TrainingParts.h"

#define LANES VM_LOCKSTEP_LANES
#define INLINE static inline __attribute__((always_inline))

// The lane helpers below are always inlined into every copy of the entry points, so no vector ever
// crosses a call whose ABI the copies would see differently.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double lanes __attribute__((vector_size(8 * LANES)));
_Static_assert(LANES == 4, "splat writes four lanes");

INLINE lanes splat(double s) { return (lanes){s, s, s, s}; }

// The first layer's input is one matrix of plain doubles for every lane; later inputs are lanes.
#define SHARED(x, index) splat(((const double *)(x))[index])
#define LANEWISE(x, index) (((const lanes *)(x))[index])

// ---------------------------------------------------------------------------------------------
// Register tiles. Each tile keeps R x J sums in vector registers (at most 12, of AVX2's 16), so that
// each value loaded serves several multiply-adds. J is the width of a block of columns and R the
// rows taken with it: narrower blocks take more rows, so that every tile has about as many
// independent sums, each waiting on its own chain of additions.

// An element-wise activation whose backward pass is taken in the same pass as the input gradient
// of the Linear layer after it: its kind, its input x and its output y.
typedef struct {
    int present;
    vm_train_layer_kind kind;
    double slope;
    const lanes *x, *y;
} fused_activation;

// The lanes of one element through a scalar formula of CVectorMath.h, lane by lane: the compiler
// makes the four one vector operation, and the formula is the one every other kernel uses.
#define EACH_LANE(result, ...)                                                                     \
    do {                                                                                           \
        double out_[LANES];                                                                        \
        _Pragma("clang loop vectorize(enable) vectorize_width(4)")                                 \
        for (int l = 0; l < LANES; l++) out_[l] = (__VA_ARGS__);                                   \
        memcpy(&(result), out_, sizeof out_);                                                      \
    } while (0)

// ∂L/∂x of the activation for the lanes of element e, given ∂L/∂y = g: `vm_activation_backward`'s
// formulas.
INLINE lanes activation_backward(const fused_activation *activation, long e, lanes g) {
    lanes dx = g, x = activation->x[e], y = activation->y[e];
    switch (activation->kind) {
    case VM_TRAIN_IDENTITY: dx = g * 1.0; break;
    case VM_TRAIN_RELU: EACH_LANE(dx, g[l] * vm_relu_derivative(x[l])); break;
    case VM_TRAIN_LEAKY_RELU: EACH_LANE(dx, g[l] * vm_leaky_relu_derivative(x[l], activation->slope)); break;
    case VM_TRAIN_SIGMOID: EACH_LANE(dx, g[l] * vm_sigmoid_derivative(y[l])); break;
    case VM_TRAIN_TANH: EACH_LANE(dx, g[l] * vm_tanh_derivative(y[l])); break;
    case VM_TRAIN_LINEAR: break;
    }
    return dx;
}

typedef long lane_bits __attribute__((vector_size(8 * LANES)));

// Y[i..i+R][j0..j0+J] = X·W + b: each sum runs over the layer's inputs p. `inRange` keeps, lane by
// lane, whether every output so far lies within exp's in-range limit (for a sigmoid after the layer).
#define FORWARD_TILE(NAME, R, J, LOAD)                                                             \
    INLINE void NAME(long i, long j0, long m, long n, const void *x, const lanes *w, const lanes *b, \
                     lanes *y, lane_bits *inRange) {                                               \
        lanes sum[R][J];                                                                           \
        for (int r = 0; r < R; r++)                                                                \
            for (int j = 0; j < J; j++) sum[r][j] = splat(0);                                      \
        for (long p = 0; p < m; p++) {                                                             \
            const lanes *wRow = w + p * n + j0;                                                    \
            for (int r = 0; r < R; r++) {                                                          \
                lanes s = LOAD(x, (i + r) * m + p);                                                \
                for (int j = 0; j < J; j++) sum[r][j] = sum[r][j] + s * wRow[j];                   \
            }                                                                                      \
        }                                                                                          \
        lane_bits within = *inRange;                                                               \
        for (int r = 0; r < R; r++)                                                                \
            for (int j = 0; j < J; j++) {                                                          \
                lanes value = sum[r][j] + b[j0 + j];                                               \
                y[(i + r) * n + j0 + j] = value;                                                   \
                within &= (value >= -VM_EXP_IN_RANGE_LIMIT) & (value <= VM_EXP_IN_RANGE_LIMIT);    \
            }                                                                                      \
        *inRange = within;                                                                         \
    }

// dX[i..i+R][p0..p0+J] = G·Wᵀ: each sum runs over the layer's outputs j. With an activation before
// the layer, what is stored is the activation's input gradient instead, dX ⊙ f′. (G and W are
// always lanes: LOAD is not used.)
#define INPUT_GRADIENT_TILE(NAME, R, J, LOAD)                                                      \
    INLINE void NAME(long i, long p0, long m, long n, const lanes *g, const lanes *w, lanes *dx,    \
                     const fused_activation *activation) {                                        \
        lanes sum[R][J];                                                                           \
        for (int r = 0; r < R; r++)                                                                \
            for (int q = 0; q < J; q++) sum[r][q] = splat(0);                                      \
        for (long j = 0; j < n; j++) {                                                             \
            lanes wColumn[J];                                                                      \
            for (int q = 0; q < J; q++) wColumn[q] = w[(p0 + q) * n + j];                          \
            for (int r = 0; r < R; r++) {                                                          \
                lanes s = g[(i + r) * n + j];                                                      \
                for (int q = 0; q < J; q++) sum[r][q] = sum[r][q] + s * wColumn[q];                \
            }                                                                                      \
        }                                                                                          \
        for (int r = 0; r < R; r++)                                                                \
            for (int q = 0; q < J; q++) {                                                          \
                long e = (i + r) * m + p0 + q;                                                     \
                dx[e] = activation->present ? activation_backward(activation, e, sum[r][q]) : sum[r][q]; \
            }                                                                                      \
    }

// The SGD settings of the lanes, as vectors, and the one rule they share.
typedef enum { PLAIN, VELOCITY, NESTEROV_FIRST, MOMENTUM_FIRST, NESTEROV, MOMENTUM } sgd_rule;

typedef struct {
    lanes rate, negativeRate, momentum, keep, decay;
    sgd_rule rule;
    int decays;
} lane_settings;

// One weight's step in every lane, with gradient g: `vm_add_weight_decay` then the rule of
// `SGD_RULE_LOOPS` (Optimizers.c), operation for operation.
INLINE void step(lanes *w, lanes *b, lanes g, const lane_settings *s) {
    if (s->decays) g = g + s->decay * *w;
    switch (s->rule) {
    case PLAIN:
        *w = *w + s->negativeRate * g;
        break;
    case VELOCITY:
        *b = s->momentum * *b - s->rate * g;
        *w = *w + *b;
        break;
    case NESTEROV_FIRST:
        *b = g;
        *w = *w + s->negativeRate * (g + s->momentum * *b);
        break;
    case MOMENTUM_FIRST:
        *b = g;
        *w = *w + s->negativeRate * *b;
        break;
    case NESTEROV:
        *b = *b * s->momentum + s->keep * g;
        *w = *w + s->negativeRate * (g + s->momentum * *b);
        break;
    case MOMENTUM:
        *b = *b * s->momentum + s->keep * g;
        *w = *w + s->negativeRate * *b;
        break;
    }
}

// Xᵀ·G's sums for W[p0..p0+R][j0..j0+J] carried over rows i0..i1 (each sum runs over the rows in
// order, from where the previous rows left it in `sums`).
#define WEIGHT_SUMS_TILE(NAME, R, J, LOAD)                                                         \
    INLINE void NAME(long p0, long j0, long i0, long i1, long m, long n, const void *x, const lanes *g, \
                     lanes *sums) {                                                                \
        lanes sum[R][J];                                                                           \
        for (int q = 0; q < R; q++)                                                                \
            for (int j = 0; j < J; j++) sum[q][j] = sums[(p0 + q) * n + j0 + j];                   \
        for (long i = i0; i < i1; i++) {                                                           \
            const lanes *gRow = g + i * n + j0;                                                    \
            for (int q = 0; q < R; q++) {                                                          \
                lanes s = LOAD(x, i * m + p0 + q);                                                 \
                for (int j = 0; j < J; j++) sum[q][j] = sum[q][j] + s * gRow[j];                   \
            }                                                                                      \
        }                                                                                          \
        for (int q = 0; q < R; q++)                                                                \
            for (int j = 0; j < J; j++) sums[(p0 + q) * n + j0 + j] = sum[q][j];                   \
    }

// A tile in its three heights: R rows, half as many (NAME_half) and one (NAME_one).
#define THREE_HEIGHTS(TILE, NAME, R, J, LOAD)                                                      \
    TILE(NAME, R, J, LOAD)                                                                         \
    TILE(NAME##_half, (R + 1) / 2, J, LOAD)                                                        \
    TILE(NAME##_one, 1, J, LOAD)

// The tiles of one block width J: R rows at a time, then half as many, then single rows.
#define TILES(J, R)                                                                                \
    THREE_HEIGHTS(FORWARD_TILE, forward_shared_##J, R, J, SHARED)                                  \
    THREE_HEIGHTS(FORWARD_TILE, forward_lanes_##J, R, J, LANEWISE)                                 \
    THREE_HEIGHTS(INPUT_GRADIENT_TILE, input_gradient_##J, R, J, LANEWISE)                         \
    THREE_HEIGHTS(WEIGHT_SUMS_TILE, weight_sums_shared_##J, R, J, SHARED)                          \
    THREE_HEIGHTS(WEIGHT_SUMS_TILE, weight_sums_lanes_##J, R, J, LANEWISE)                         \
    enum { tile_rows_##J = R };

TILES(1, 8)
TILES(2, 6)
TILES(3, 4)
TILES(4, 3)
TILES(5, 2)
TILES(6, 2)

// The widest block a tile takes.
#define WIDEST_BLOCK 6

// Where the b-th of the blocks a width of `n` is cut into starts, and how wide it is: as few blocks
// as WIDEST_BLOCK allows, as equal as can be (10 columns are 5 + 5, not 6 + 4).
INLINE long block_count(long n) { return (n + WIDEST_BLOCK - 1) / WIDEST_BLOCK; }
INLINE long block_start(long n, long b) {
    long count = block_count(n), base = n / count, extra = n % count;
    return b * base + (b < extra ? b : extra);
}
INLINE long block_width(long n, long b) { return block_start(n, b + 1) - block_start(n, b); }

// Runs TILE over positions from `start` to `end`, R at a time, then TILE_half once if half as many
// are left, then TILE_one over the rest, for a block of width J.
#define OVER_POSITIONS(start, end, R, TILE, ...)                                                   \
    do {                                                                                           \
        long position_ = (start);                                                                  \
        for (; position_ + (R) <= (end); position_ += (R)) TILE(position_, __VA_ARGS__);           \
        if ((R) > 1 && position_ + ((R) + 1) / 2 <= (end)) {                                       \
            TILE##_half(position_, __VA_ARGS__);                                                   \
            position_ += ((R) + 1) / 2;                                                            \
        }                                                                                          \
        for (; position_ < (end); position_++) TILE##_one(position_, __VA_ARGS__);                 \
    } while (0)

#define WIDTH_CASES(MACRO) MACRO(1) MACRO(2) MACRO(3) MACRO(4) MACRO(5) MACRO(6)

// A Linear layer's forward pass, Y = X·W + b; returns whether every output lies within exp's
// in-range limit.
INLINE int linear_forward(long rows, long m, long n, const void *x, int shared, const lanes *w, const lanes *b,
                          lanes *y) {
    lane_bits inRange = {-1, -1, -1, -1};
    for (long block = 0; block < block_count(n); block++) {
        long j0 = block_start(n, block);
        switch (block_width(n, block)) {
#define CASE(J)                                                                                    \
    case J:                                                                                        \
        if (shared) OVER_POSITIONS(0, rows, tile_rows_##J, forward_shared_##J, j0, m, n, x, w, b, y, &inRange); \
        else OVER_POSITIONS(0, rows, tile_rows_##J, forward_lanes_##J, j0, m, n, x, w, b, y, &inRange); \
        break;
            WIDTH_CASES(CASE)
#undef CASE
        }
    }
    return (inRange[0] & inRange[1] & inRange[2] & inRange[3]) != 0;
}

// Rows i0..i1 of a Linear layer's input gradient, dX = G·Wᵀ (or, with an activation before it,
// that activation's input gradient), from the weights before they step.
INLINE void linear_input_gradient(long i0, long i1, long m, long n, const lanes *g, const lanes *w, lanes *dx,
                                  const fused_activation *activation) {
    for (long block = 0; block < block_count(m); block++) {
        long p0 = block_start(m, block);
        switch (block_width(m, block)) {
#define CASE(J)                                                                                    \
    case J:                                                                                        \
        OVER_POSITIONS(i0, i1, tile_rows_##J, input_gradient_##J, p0, m, n, g, w, dx, activation); \
        break;
            WIDTH_CASES(CASE)
#undef CASE
        }
    }
}

// Rows i0..i1 of Xᵀ·G's sums, carried in `sums` (m x n).
INLINE void linear_weight_sums(long i0, long i1, long m, long n, const void *x, int shared, const lanes *g, lanes *sums) {
    for (long block = 0; block < block_count(n); block++) {
        long j0 = block_start(n, block);
        switch (block_width(n, block)) {
#define CASE(J)                                                                                    \
    case J:                                                                                        \
        if (shared) OVER_POSITIONS(0, m, tile_rows_##J, weight_sums_shared_##J, j0, i0, i1, m, n, x, g, sums); \
        else OVER_POSITIONS(0, m, tile_rows_##J, weight_sums_lanes_##J, j0, i0, i1, m, n, x, g, sums); \
        break;
            WIDTH_CASES(CASE)
#undef CASE
        }
    }
}

// Rows i0..i1 of column sums in `vm_column_sums`' order, carried in `sums` (4 x C for the columns
// j0..j0+C): four partial sums per column over the rows ≡ l (mod 4), the last rows mod 4 added to
// the first (the caller's blocks of rows start at multiples of 4), then (s0 + s1) + (s2 + s3).
// The term of row i and column j is TERM(i, j): a bias's gradient G, or for a Linear(1 → 1)
// layer's weight the dot product's x·g, which `vm_small_product` sums the same way.
#define RESIDUE_SUMS(NAME, C, TERM)                                                                \
    INLINE void NAME(long j0, long i0, long i1, long rows, long n, const void *x, int shared,       \
                     const lanes *g, lanes *sums) {                                                \
        lanes sum[4][C];                                                                           \
        for (int l = 0; l < 4; l++)                                                                \
            for (int c = 0; c < C; c++) sum[l][c] = sums[l * n + j0 + c];                          \
        long i = i0;                                                                               \
        for (; i + 4 <= i1; i += 4)                                                                \
            for (int l = 0; l < 4; l++)                                                            \
                for (int c = 0; c < C; c++) sum[l][c] = sum[l][c] + TERM(i + l, j0 + c);           \
        for (; i < i1; i++)                                                                        \
            for (int c = 0; c < C; c++) sum[0][c] = sum[0][c] + TERM(i, j0 + c);                   \
        for (int l = 0; l < 4; l++)                                                                \
            for (int c = 0; c < C; c++) sums[l * n + j0 + c] = sum[l][c];                          \
    }

#define BIAS_TERM(i, j) g[(i) * n + (j)]
#define DOT_TERM(i, j) ((shared ? SHARED(x, i) : LANEWISE(x, i)) * g[i])
RESIDUE_SUMS(bias_sums_3, 3, BIAS_TERM)
RESIDUE_SUMS(bias_sums_1, 1, BIAS_TERM)
RESIDUE_SUMS(dot_sums, 1, DOT_TERM)
#undef BIAS_TERM
#undef DOT_TERM

INLINE lanes residue_total(const lanes *sums, long n, long j) {
    return (sums[j] + sums[n + j]) + (sums[2 * n + j] + sums[3 * n + j]);
}

// The sums a layer's weight gradient is carried in: one per weight, or for a Linear(1 → 1) layer the
// dot product's four.
INLINE long weight_sum_count(long m, long n) { return m == 1 && n == 1 ? 4 : m * n; }

// Rows are taken this many at a time through a layer's backward pass, so that the rows of G and
// X it reads stay in the L1 cache while every sum they feed advances; a multiple of 4, as the
// column sums' partial sums need.
#define ROW_BLOCK 32

// A Linear layer's backward pass and step: its input gradient into `dx` (unless null; through the
// activation before it when one is given), then its weights' and bias's gradients (Xᵀ·G, and G's
// column sums; for a Linear(1 → 1) layer the weight's is a dot product in four interleaved partial
// sums, as `vm_small_product` takes a single row times a single column), then their SGD steps.
// `sums` holds `weight_sum_count` + 4·outputs lanes. Requires at least four rows (`vm_column_sums` sums fewer
// in one chain).
INLINE void linear_backward(long rows, const vm_lockstep_layer *layer, const void *x, int shared, const lanes *g,
                            lanes *dx, const fused_activation *activation, lanes *sums, const lane_settings *settings) {
    long m = layer->inputs, n = layer->outputs;
    int dot = m == 1 && n == 1;
    lanes *weightSums = sums, *biasSums = sums + weight_sum_count(m, n);
    long sumCount = weight_sum_count(m, n) + 4 * n;
    for (long e = 0; e < sumCount; e++) sums[e] = splat(0);
    const lanes *w = (const lanes *)layer->weight;
    for (long i0 = 0; i0 < rows; i0 += ROW_BLOCK) {
        long i1 = i0 + ROW_BLOCK < rows ? i0 + ROW_BLOCK : rows;
        if (dx) linear_input_gradient(i0, i1, m, n, g, w, dx, activation);
        if (dot) dot_sums(0, i0, i1, rows, 1, x, shared, g, weightSums);
        else linear_weight_sums(i0, i1, m, n, x, shared, g, weightSums);
        long j = 0;
        for (; j + 3 <= n; j += 3) bias_sums_3(j, i0, i1, rows, n, x, shared, g, biasSums);
        for (; j < n; j++) bias_sums_1(j, i0, i1, rows, n, x, shared, g, biasSums);
    }
    lanes *weight = (lanes *)layer->weight, *weightMomentum = (lanes *)layer->weightMomentum;
    if (dot) step(weight, weightMomentum, residue_total(weightSums, 1, 0), settings);
    else for (long e = 0; e < m * n; e++) step(weight + e, weightMomentum + e, weightSums[e], settings);
    for (long j = 0; j < n; j++) step((lanes *)layer->bias + j, (lanes *)layer->biasMomentum + j, residue_total(biasSums, n, j), settings);
}

// ---------------------------------------------------------------------------------------------
// The tape: layer i's output at offset[i] of `activations`, its gradient at the same offset of
// `gradients`, each slot a whole number of 64-byte lines.

static long slot_length(long length) { return (length + 7) / 8 * 8; }

long vm_lockstep_tape_length(const vm_lockstep_layer *layers, long layerCount, long rows) {
    long length = 0;
    for (long i = 0; i < layerCount; i++) length += slot_length(rows * layers[i].outputs * LANES);
    return length;
}

static void slot_offsets(const vm_lockstep_network *network, long *offset) {
    offset[0] = 0;
    for (long i = 1; i < network->layerCount; i++)
        offset[i] = offset[i - 1] + slot_length(network->rows * network->layers[i - 1].outputs * LANES);
}

// Lanes to plain arrays and back: element e of lane l is lanes[e][l] one way, plain[l][e] the other.
// Four elements at a time, as a 4 x 4 transpose of four vectors.
INLINE void transpose_lanes(const lanes *in, double *const *plain, long elements) {
    long e = 0;
    for (; e + 4 <= elements; e += 4) {
        lanes a = in[e], b = in[e + 1], c = in[e + 2], d = in[e + 3];
        lanes ab0 = __builtin_shufflevector(a, b, 0, 4, 2, 6), ab1 = __builtin_shufflevector(a, b, 1, 5, 3, 7);
        lanes cd0 = __builtin_shufflevector(c, d, 0, 4, 2, 6), cd1 = __builtin_shufflevector(c, d, 1, 5, 3, 7);
        lanes rows[4] = {__builtin_shufflevector(ab0, cd0, 0, 1, 4, 5), __builtin_shufflevector(ab1, cd1, 0, 1, 4, 5),
                         __builtin_shufflevector(ab0, cd0, 2, 3, 6, 7), __builtin_shufflevector(ab1, cd1, 2, 3, 6, 7)};
        for (int l = 0; l < LANES; l++) memcpy(plain[l] + e, &rows[l], sizeof rows[l]);
    }
    for (; e < elements; e++)
        for (int l = 0; l < LANES; l++) plain[l][e] = in[e][l];
}

INLINE void interleave_lanes(const double *const *plain, lanes *out, long elements) {
    long e = 0;
    for (; e + 4 <= elements; e += 4) {
        lanes rows[4];
        for (int l = 0; l < LANES; l++) memcpy(&rows[l], plain[l] + e, sizeof rows[l]);
        lanes ab0 = __builtin_shufflevector(rows[0], rows[1], 0, 4, 2, 6), ab1 = __builtin_shufflevector(rows[0], rows[1], 1, 5, 3, 7);
        lanes cd0 = __builtin_shufflevector(rows[2], rows[3], 0, 4, 2, 6), cd1 = __builtin_shufflevector(rows[2], rows[3], 1, 5, 3, 7);
        out[e] = __builtin_shufflevector(ab0, cd0, 0, 1, 4, 5);
        out[e + 1] = __builtin_shufflevector(ab1, cd1, 0, 1, 4, 5);
        out[e + 2] = __builtin_shufflevector(ab0, cd0, 2, 3, 6, 7);
        out[e + 3] = __builtin_shufflevector(ab1, cd1, 2, 3, 6, 7);
    }
    for (; e < elements; e++)
        for (int l = 0; l < LANES; l++) out[e][l] = plain[l][e];
}

VM_KERNEL_COPIES
long vm_lockstep_forward(const vm_lockstep_network *network, const double *inputs, const double *targets,
                         double *losses) {
    const vm_lockstep_layer *layers = network->layers;
    long count = network->layerCount, rows = network->rows;
    long offset[count];
    slot_offsets(network, offset);
    double *a = network->activations, *d = network->gradients;
    int inRange = 0;
    for (long i = 0; i < count; i++) {
        const vm_lockstep_layer *layer = &layers[i];
        double *y = a + offset[i];
        long elements = rows * layer->outputs * LANES;
        if (layer->kind == VM_TRAIN_LINEAR) {
            const void *x = i == 0 ? (const void *)inputs : (const void *)(a + offset[i - 1]);
            inRange = linear_forward(rows, layer->inputs, layer->outputs, x, i == 0, (const lanes *)layer->weight,
                                     (const lanes *)layer->bias, (lanes *)y);
        } else if (layer->kind == VM_TRAIN_SIGMOID && i > 0 && layers[i - 1].kind == VM_TRAIN_LINEAR && inRange) {
            // The Linear layer before found its outputs in range: the sigmoid need not look again.
            vm_sigmoid_array_in_range(a + offset[i - 1], y, elements);
        } else {
            vm_activation_forward(layer->kind, layer->slope, a + offset[i - 1], y, elements);
        }
    }
    // Each lane's loss through its own kernel, on its outputs gathered into a plain matrix, four
    // elements of the four lanes at a time.
    long width = layers[count - 1].outputs, elements = rows * width, invalidRow = -1;
    const lanes *output = (const lanes *)(a + offset[count - 1]);
    lanes *gradientSlot = (lanes *)(d + offset[count - 1]);
    double *plain[LANES], *scratch = network->laneScratch + 2 * LANES * elements;
    for (int lane = 0; lane < LANES; lane++) plain[lane] = network->laneScratch + 2 * lane * elements;
    transpose_lanes(output, plain, elements);
    for (int lane = 0; lane < LANES; lane++) {
        double *gradient = plain[lane] + elements;
        long invalid = vm_training_loss(network->loss[lane], plain[lane], targets, rows, width, network->lossScale[lane],
                                        gradient, scratch, &losses[lane]);
        if (invalid >= 0 && invalidRow < 0) invalidRow = invalid;
        plain[lane] = gradient;
    }
    interleave_lanes((const double *const *)plain, gradientSlot, elements);
    return invalidRow;
}

// The lanes' settings as vectors, and the rule lane 0's settings choose (every lane's, by contract).
static lane_settings settings_of(const vm_lockstep_network *network) {
    lane_settings s;
    for (int lane = 0; lane < LANES; lane++) {
        const vm_sgd_settings *o = &network->optimizer[lane];
        s.rate[lane] = o->learningRate;
        s.negativeRate[lane] = -o->learningRate;
        s.momentum[lane] = o->momentum;
        s.keep[lane] = 1 - o->dampening;
        s.decay[lane] = o->weightDecay;
    }
    const vm_sgd_settings *first = &network->optimizer[0];
    int firstStep = network->steps == 0;
    if (first->momentum == 0) s.rule = PLAIN;
    else if (first->velocityForm) s.rule = VELOCITY;
    else if (firstStep) s.rule = first->nesterov ? NESTEROV_FIRST : MOMENTUM_FIRST;
    else s.rule = first->nesterov ? NESTEROV : MOMENTUM;
    s.decays = first->weightDecay != 0;
    return s;
}

VM_KERNEL_COPIES
void vm_lockstep_backward(vm_lockstep_network *network, const double *inputs) {
    const vm_lockstep_layer *layers = network->layers;
    long count = network->layerCount, rows = network->rows;
    long offset[count];
    slot_offsets(network, offset);
    double *a = network->activations, *d = network->gradients;
    lane_settings settings = settings_of(network);
    for (long i = count - 1; i >= 0; i--) {
        const vm_lockstep_layer *layer = &layers[i];
        long n = layer->outputs;
        if (layer->kind != VM_TRAIN_LINEAR) {
            // An activation after a Linear layer went through that layer's input gradient.
            if (i > 0) vm_activation_backward(layer->kind, layer->slope, a + offset[i - 1], a + offset[i], d + offset[i],
                                              d + offset[i - 1], rows * n * LANES);
            continue;
        }
        // The activation before this layer, if any, takes its input gradient in the same pass.
        fused_activation activation = {0};
        lanes *dx = 0;
        if (i >= 2 && layers[i - 1].kind != VM_TRAIN_LINEAR) {
            activation = (fused_activation){1, layers[i - 1].kind, layers[i - 1].slope,
                                            (const lanes *)(a + offset[i - 2]), (const lanes *)(a + offset[i - 1])};
            dx = (lanes *)(d + offset[i - 2]);
        } else if (i > 0) {
            dx = (lanes *)(d + offset[i - 1]);
        }
        const void *x = i == 0 ? (const void *)inputs : (const void *)(a + offset[i - 1]);
        linear_backward(rows, layer, x, i == 0, (const lanes *)(d + offset[i]), dx, &activation,
                        (lanes *)network->sumScratch, &settings);
        if (activation.present) i -= 1;
    }
    network->steps += 1;
}

long vm_lockstep_sum_scratch_length(const vm_lockstep_layer *layers, long layerCount) {
    long length = 0;
    for (long i = 0; i < layerCount; i++) {
        long sums = (weight_sum_count(layers[i].inputs, layers[i].outputs) + 4 * layers[i].outputs) * LANES;
        if (layers[i].kind == VM_TRAIN_LINEAR && sums > length) length = sums;
    }
    return length;
}

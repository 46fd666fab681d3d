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

typedef double lanes __attribute__((vector_size(8 * LANES)));
_Static_assert(LANES == 4, "splat writes four lanes");

INLINE lanes splat(double s) { return (lanes){s, s, s, s}; }

// The first layer's input is one matrix of plain doubles for every lane; later inputs are lanes.
#define SHARED(x, index) splat(((const double *)(x))[index])
#define LANEWISE(x, index) (((const lanes *)(x))[index])

// ---------------------------------------------------------------------------------------------
// Register tiles. Each tile keeps R x J sums in vector registers (at most 12 of AVX2's 16), so that
// each value loaded serves several multiply-adds. J is the width of a block of columns and R the
// rows taken with it: narrower blocks take more rows, so that every tile has about as many
// independent sums, each waiting on its own chain of additions.

// Y[i..i+R][j0..j0+J] = X·W + b: each sum runs over the layer's inputs p.
#define FORWARD_TILE(NAME, R, J, LOAD)                                                             \
    INLINE void NAME(long i, long j0, long m, long n, const void *x, const lanes *w, const lanes *b, \
                     lanes *y) {                                                                   \
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
        for (int r = 0; r < R; r++)                                                                \
            for (int j = 0; j < J; j++) y[(i + r) * n + j0 + j] = sum[r][j] + b[j0 + j];           \
    }

// dX[i..i+R][p0..p0+J] = G·Wᵀ: each sum runs over the layer's outputs j.
#define INPUT_GRADIENT_TILE(NAME, R, J)                                                            \
    INLINE void NAME(long i, long p0, long m, long n, const lanes *g, const lanes *w, lanes *dx) {  \
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
            for (int q = 0; q < J; q++) dx[(i + r) * m + p0 + q] = sum[r][q];                      \
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

// W[p0..p0+R][j0..j0+J] stepped with its gradient Xᵀ·G: each sum runs over the rows i.
#define WEIGHT_STEP_TILE(NAME, R, J, LOAD)                                                         \
    INLINE void NAME(long p0, long j0, long rows, long m, long n, const void *x, const lanes *g,     \
                     lanes *w, lanes *momentum, const lane_settings *settings) {                   \
        lanes sum[R][J];                                                                           \
        for (int q = 0; q < R; q++)                                                                \
            for (int j = 0; j < J; j++) sum[q][j] = splat(0);                                      \
        for (long i = 0; i < rows; i++) {                                                          \
            const lanes *gRow = g + i * n + j0;                                                    \
            for (int q = 0; q < R; q++) {                                                          \
                lanes s = LOAD(x, i * m + p0 + q);                                                 \
                for (int j = 0; j < J; j++) sum[q][j] = sum[q][j] + s * gRow[j];                   \
            }                                                                                      \
        }                                                                                          \
        for (int q = 0; q < R; q++)                                                                \
            for (int j = 0; j < J; j++) {                                                          \
                long e = (p0 + q) * n + j0 + j;                                                    \
                step(w + e, momentum + e, sum[q][j], settings);                                    \
            }                                                                                      \
    }

// The tiles of one block width J: R rows at a time, then single rows.
#define TILES(J, R)                                                                                \
    FORWARD_TILE(forward_shared_##J, R, J, SHARED)                                                 \
    FORWARD_TILE(forward_shared_one_##J, 1, J, SHARED)                                             \
    FORWARD_TILE(forward_lanes_##J, R, J, LANEWISE)                                                \
    FORWARD_TILE(forward_lanes_one_##J, 1, J, LANEWISE)                                            \
    INPUT_GRADIENT_TILE(input_gradient_##J, R, J)                                                  \
    INPUT_GRADIENT_TILE(input_gradient_one_##J, 1, J)                                              \
    WEIGHT_STEP_TILE(weight_step_shared_##J, R, J, SHARED)                                         \
    WEIGHT_STEP_TILE(weight_step_shared_one_##J, 1, J, SHARED)                                     \
    WEIGHT_STEP_TILE(weight_step_lanes_##J, R, J, LANEWISE)                                        \
    WEIGHT_STEP_TILE(weight_step_lanes_one_##J, 1, J, LANEWISE)                                    \
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

// Runs TILE_R (R at a time) then TILE_ONE over `count` positions, for a block of width J.
#define OVER_POSITIONS(count, R, TILE_R, TILE_ONE, ...)                                            \
    do {                                                                                           \
        long position_ = 0;                                                                        \
        for (; position_ + (R) <= (count); position_ += (R)) TILE_R(position_, __VA_ARGS__);       \
        for (; position_ < (count); position_++) TILE_ONE(position_, __VA_ARGS__);                 \
    } while (0)

#define WIDTH_CASES(MACRO) MACRO(1) MACRO(2) MACRO(3) MACRO(4) MACRO(5) MACRO(6)

// A Linear layer's forward pass, Y = X·W + b.
INLINE void linear_forward(long rows, long m, long n, const void *x, int shared, const lanes *w, const lanes *b,
                           lanes *y) {
    for (long block = 0; block < block_count(n); block++) {
        long j0 = block_start(n, block);
        switch (block_width(n, block)) {
#define CASE(J)                                                                                    \
    case J:                                                                                        \
        if (shared) OVER_POSITIONS(rows, tile_rows_##J, forward_shared_##J, forward_shared_one_##J, j0, m, n, x, w, b, y); \
        else OVER_POSITIONS(rows, tile_rows_##J, forward_lanes_##J, forward_lanes_one_##J, j0, m, n, x, w, b, y); \
        break;
            WIDTH_CASES(CASE)
#undef CASE
        }
    }
}

// A Linear layer's input gradient, dX = G·Wᵀ, before its weights step.
INLINE void linear_input_gradient(long rows, long m, long n, const lanes *g, const lanes *w, lanes *dx) {
    for (long block = 0; block < block_count(m); block++) {
        long p0 = block_start(m, block);
        switch (block_width(m, block)) {
#define CASE(J)                                                                                    \
    case J:                                                                                        \
        OVER_POSITIONS(rows, tile_rows_##J, input_gradient_##J, input_gradient_one_##J, p0, m, n, g, w, dx); \
        break;
            WIDTH_CASES(CASE)
#undef CASE
        }
    }
}

// A Linear(1 → 1) layer's weight gradient: `vm_small_product` takes a single row times a single
// column as a dot product in four interleaved partial sums, so this does too.
INLINE lanes dot_weight_gradient(long rows, const void *x, int shared, const lanes *g) {
    lanes s0 = splat(0), s1 = splat(0), s2 = splat(0), s3 = splat(0);
    long i = 0;
    for (; i + 4 <= rows; i += 4) {
        s0 = s0 + (shared ? SHARED(x, i) : LANEWISE(x, i)) * g[i];
        s1 = s1 + (shared ? SHARED(x, i + 1) : LANEWISE(x, i + 1)) * g[i + 1];
        s2 = s2 + (shared ? SHARED(x, i + 2) : LANEWISE(x, i + 2)) * g[i + 2];
        s3 = s3 + (shared ? SHARED(x, i + 3) : LANEWISE(x, i + 3)) * g[i + 3];
    }
    for (; i < rows; i++) s0 = s0 + (shared ? SHARED(x, i) : LANEWISE(x, i)) * g[i];
    return (s0 + s1) + (s2 + s3);
}

// A Linear layer's weights stepped with their gradient Xᵀ·G.
INLINE void linear_weight_step(long rows, long m, long n, const void *x, int shared, const lanes *g, lanes *w,
                               lanes *momentum, const lane_settings *settings) {
    if (m == 1 && n == 1) {
        step(w, momentum, dot_weight_gradient(rows, x, shared, g), settings);
        return;
    }
    for (long block = 0; block < block_count(n); block++) {
        long j0 = block_start(n, block);
        switch (block_width(n, block)) {
#define CASE(J)                                                                                    \
    case J:                                                                                        \
        if (shared) OVER_POSITIONS(m, tile_rows_##J, weight_step_shared_##J, weight_step_shared_one_##J, j0, rows, m, n, x, g, w, momentum, settings); \
        else OVER_POSITIONS(m, tile_rows_##J, weight_step_lanes_##J, weight_step_lanes_one_##J, j0, rows, m, n, x, g, w, momentum, settings); \
        break;
            WIDTH_CASES(CASE)
#undef CASE
        }
    }
}

// A Linear layer's bias stepped with its gradient, G's column sums in `vm_column_sums`' order: four
// partial sums per column over the rows ≡ l (mod 4), the last rows mod 4 added to the first, then
// (s0 + s1) + (s2 + s3). Requires at least four rows (`vm_column_sums` sums fewer in one chain).
INLINE void linear_bias_step(long rows, long n, const lanes *g, lanes *bias, lanes *momentum,
                             const lane_settings *settings) {
    for (long j = 0; j < n; j++) {
        lanes s0 = splat(0), s1 = splat(0), s2 = splat(0), s3 = splat(0);
        long i = 0;
        for (; i + 4 <= rows; i += 4) {
            s0 = s0 + g[i * n + j];
            s1 = s1 + g[(i + 1) * n + j];
            s2 = s2 + g[(i + 2) * n + j];
            s3 = s3 + g[(i + 3) * n + j];
        }
        for (; i < rows; i++) s0 = s0 + g[i * n + j];
        step(bias + j, momentum + j, (s0 + s1) + (s2 + s3), settings);
    }
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

VM_AVX2_AND_BASELINE
long vm_lockstep_forward(const vm_lockstep_network *network, const double *inputs, const double *targets,
                         double *losses) {
    const vm_lockstep_layer *layers = network->layers;
    long count = network->layerCount, rows = network->rows;
    long offset[count];
    slot_offsets(network, offset);
    double *a = network->activations, *d = network->gradients;
    for (long i = 0; i < count; i++) {
        const vm_lockstep_layer *layer = &layers[i];
        double *y = a + offset[i];
        if (layer->kind == VM_TRAIN_LINEAR) {
            const void *x = i == 0 ? (const void *)inputs : (const void *)(a + offset[i - 1]);
            linear_forward(rows, layer->inputs, layer->outputs, x, i == 0, (const lanes *)layer->weight,
                           (const lanes *)layer->bias, (lanes *)y);
        } else {
            vm_activation_forward(layer->kind, layer->slope, a + offset[i - 1], y, rows * layer->outputs * LANES);
        }
    }
    // Each lane's loss through its own kernel, on its outputs gathered into a plain matrix.
    long width = layers[count - 1].outputs, elements = rows * width, invalidRow = -1;
    const double *output = a + offset[count - 1];
    double *gradientSlot = d + offset[count - 1];
    double *prediction = network->laneScratch, *gradient = prediction + elements, *scratch = gradient + elements;
    for (int lane = 0; lane < LANES; lane++) {
        for (long e = 0; e < elements; e++) prediction[e] = output[e * LANES + lane];
        long invalid = vm_training_loss(network->loss[lane], prediction, targets, rows, width, network->lossScale[lane],
                                        gradient, scratch, &losses[lane]);
        if (invalid >= 0 && invalidRow < 0) invalidRow = invalid;
        for (long e = 0; e < elements; e++) gradientSlot[e * LANES + lane] = gradient[e];
    }
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

VM_AVX2_AND_BASELINE
void vm_lockstep_backward(vm_lockstep_network *network, const double *inputs) {
    const vm_lockstep_layer *layers = network->layers;
    long count = network->layerCount, rows = network->rows;
    long offset[count];
    slot_offsets(network, offset);
    double *a = network->activations, *d = network->gradients;
    lane_settings settings = settings_of(network);
    for (long i = count - 1; i >= 0; i--) {
        const vm_lockstep_layer *layer = &layers[i];
        long m = layer->inputs, n = layer->outputs;
        const lanes *g = (const lanes *)(d + offset[i]);
        if (layer->kind == VM_TRAIN_LINEAR) {
            const lanes *w = (const lanes *)layer->weight;
            // ∂L/∂x first: it reads the weights the step changes. The first layer needs none.
            if (i > 0) linear_input_gradient(rows, m, n, g, w, (lanes *)(d + offset[i - 1]));
            const void *x = i == 0 ? (const void *)inputs : (const void *)(a + offset[i - 1]);
            linear_weight_step(rows, m, n, x, i == 0, g, (lanes *)layer->weight, (lanes *)layer->weightMomentum, &settings);
            linear_bias_step(rows, n, g, (lanes *)layer->bias, (lanes *)layer->biasMomentum, &settings);
        } else if (i > 0) {
            vm_activation_backward(layer->kind, layer->slope, a + offset[i - 1], a + offset[i], d + offset[i],
                                   d + offset[i - 1], rows * n * LANES);
        }
    }
    network->steps += 1;
}

// Per-sample training of a plain network (Linear layers and element-wise activations, SGD; seeds
// 000 and 001) an epoch per call, without the Swift around each kernel call. A one-row step of a
// 1-100-1 network is about 1000 floating-point operations, so the calls, the tape and the reference
// counting of a Swift step cost more than its arithmetic; `swift run -c release bench core` times
// the step both ways.
#include "CVectorMath.h"
#include "KernelCopies.h"
#include "TrainingParts.h"
#include <math.h>

// The forward pass of one layer for `rows` rows x, into y.
static void forward(const vm_train_layer *layer, const double *x, double *y, long rows) {
    long n = layer->outputs;
    if (layer->kind == VM_TRAIN_LINEAR) {
        // Matrix.multiply(x, W, addingToEveryRow: b): rows x inputs times inputs x outputs.
        vm_small_product(rows, n, layer->inputs, 1, x, layer->inputs, 1, layer->weight, n, 1, 0, layer->bias, y, n);
        return;
    }
    vm_activation_forward(layer->kind, layer->slope, x, y, rows * n);
}

// The backward pass of one layer, given its input x, output y and ∂L/∂y = g for `rows` rows:
// writes ∂L/∂x into dx when wanted, and for a Linear layer sets its gradients and takes its
// optimizer step.
static void backward(const vm_train_network *network, const vm_train_layer *layer, const double *x,
                     const double *y, const double *g, double *dx, long rows, int wantsInputGradient,
                     int firstStep) {
    long m = layer->inputs, n = layer->outputs, count = rows * n;
    if (layer->kind == VM_TRAIN_LINEAR) {
        // ∂L/∂x = g·Wᵀ, ∂L/∂W = xᵀ·g, ∂L/∂b = g's column sums: Linear.backward's products, ∂L/∂x
        // first, since it reads the weights the step changes.
        if (wantsInputGradient) vm_small_product(rows, m, n, 1, g, n, 1, layer->weight, 1, n, 0, 0, dx, m);
        if (rows == 1) {
            vm_sgd_step_one_row(layer->weight, layer->weightMomentum, layer->weightGradient, layer->bias,
                                layer->biasMomentum, layer->biasGradient, x, m, g, n, &network->optimizer, firstStep);
            return;
        }
        vm_small_product(m, n, rows, 1, x, 1, m, g, n, 1, 0, 0, layer->weightGradient, n);
        vm_column_sums(rows, n, g, n, layer->biasGradient);
        vm_sgd_step(layer->weight, layer->weightMomentum, layer->weightGradient, layer->weightScratch, m * n,
                    &network->optimizer, firstStep);
        vm_sgd_step(layer->bias, layer->biasMomentum, layer->biasGradient, layer->biasScratch, n,
                    &network->optimizer, firstStep);
        return;
    }
    // An activation's only output is ∂L/∂x.
    if (wantsInputGradient) vm_activation_backward(layer->kind, layer->slope, x, y, g, dx, count);
}

// The doubles a tape slot of `length` takes: whole 64-byte cache lines, so that each slot starts on
// one (the tape itself does).
static long slot_length(long length) { return (length + 7) / 8 * 8; }

long vm_train_tape_length(const vm_train_layer *layers, long layerCount, long rows) {
    long length = layerCount > 0 ? slot_length(rows * layers[0].inputs) : 0;
    for (long i = 0; i < layerCount; i++) length += slot_length(rows * layers[i].outputs);
    return length;
}

// Where each slot starts on the tape: offset[0] for the input, offset[i + 1] for layer i's output
// (layerCount + 1 entries).
static void slot_offsets(const vm_train_network *network, long *offset) {
    offset[0] = 0;
    for (long i = 0; i < network->layerCount; i++)
        offset[i + 1] = offset[i] + slot_length(network->rows * network->layers[i].inputs);
}

// The forward pass of `x` (network->rows rows), the loss against `targets` into *loss and its
// gradient onto the tape: the general loop's `network.forward` then `loss.evaluate`.
static inline __attribute__((always_inline)) long forward_and_loss(const vm_train_network *network, const double *x,
                                                                  const double *targets, const long *offset,
                                                                  double *loss) {
    const vm_train_layer *layers = network->layers;
    long last = network->layerCount, rows = network->rows;
    long width = last > 0 ? layers[last - 1].outputs : 0;
    double *a = network->activations, *d = network->gradients;
    for (long i = 0; i < last; i++) forward(&layers[i], i == 0 ? x : a + offset[i], a + offset[i + 1], rows);
    return vm_training_loss(network->loss, a + offset[last], targets, rows, width, network->lossScale,
                            d + offset[last], network->lossScratch, loss);
}

// The backward pass from the loss's gradient on the tape, each Linear layer stepping as soon as
// its gradients are known (no earlier layer reads its parameters).
static inline __attribute__((always_inline)) void backward_and_step(const vm_train_network *network, const double *x,
                                                                   const long *offset, int firstStep) {
    const vm_train_layer *layers = network->layers;
    long last = network->layerCount;
    double *a = network->activations, *d = network->gradients;
    for (long i = last - 1; i >= 0; i--)
        backward(network, &layers[i], i == 0 ? x : a + offset[i], a + offset[i + 1], d + offset[i + 1], d + offset[i],
                 network->rows, i > 0, firstStep);
}

// Compiled in every copy: the activations' loops are inlined into these.
VM_KERNEL_COPIES
long vm_train_samples(vm_train_network *network, const double *inputs, const double *targets, const long *order,
                      long count, double *lossSum) {
    const vm_train_layer *layers = network->layers;
    long last = network->layerCount;
    long inputWidth = last > 0 ? layers[0].inputs : 0;
    long targetWidth = network->targetWidth;
    long offset[last + 1];
    slot_offsets(network, offset);
    double *a = network->activations;
    // The running sum and the step count are kept in registers and written back once.
    double sum = *lossSum;
    long steps = network->steps, stoppedAt = -1;
    for (long s = 0; s < count; s++) {
        // The row is copied onto the tape, which starts on a cache line.
        const double *row = inputs + order[s] * inputWidth;
        for (long j = 0; j < inputWidth; j++) a[j] = row[j];
        double value;
        forward_and_loss(network, a, targets + order[s] * targetWidth, offset, &value);
        if (!isfinite(value)) {
            stoppedAt = s;
            break;
        }
        // Trainer adds each batch's loss times its row count, here 1.
        sum = sum + value * 1.0;
        backward_and_step(network, a, offset, steps == 0);
        steps += 1;
    }
    *lossSum = sum;
    network->steps = steps;
    return stoppedAt;
}

VM_KERNEL_COPIES
long vm_train_batch_forward(const vm_train_network *network, const double *inputs, const double *targets, double *loss) {
    long offset[network->layerCount + 1];
    slot_offsets(network, offset);
    return forward_and_loss(network, inputs, targets, offset, loss);
}

VM_KERNEL_COPIES
void vm_train_batch_backward(vm_train_network *network, const double *inputs) {
    long offset[network->layerCount + 1];
    slot_offsets(network, offset);
    backward_and_step(network, inputs, offset, network->steps == 0);
    network->steps += 1;
}

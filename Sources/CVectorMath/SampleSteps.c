// Per-sample training (seeds 000 and 001): a whole epoch of one-row SGD steps in one call. A
// one-row step of a 1-100-1 network is about 1000 floating-point operations; driven from Swift
// (layers, tape, optimizer, one call per kernel) it took 0.8 µs, most of it outside the kernels.
#include "CVectorMath.h"
#include <math.h>

// The forward pass of one layer for one row x, into y.
static void forward(const vm_sample_layer *layer, const double *x, double *y) {
    long n = layer->outputs;
    switch (layer->kind) {
    case VM_SAMPLE_LINEAR:
        // Matrix.multiply(x, W, addingToEveryRow: b): a 1 x inputs row times inputs x outputs.
        vm_small_product(1, n, layer->inputs, 1, x, layer->inputs, 1, layer->weight, n, 1, 0, layer->bias, y, n);
        break;
    case VM_SAMPLE_IDENTITY:
        for (long i = 0; i < n; i++) y[i] = x[i];
        break;
    case VM_SAMPLE_RELU:
        for (long i = 0; i < n; i++) y[i] = vm_relu(x[i]);
        break;
    case VM_SAMPLE_LEAKY_RELU:
        for (long i = 0; i < n; i++) y[i] = vm_leaky_relu(x[i], layer->slope);
        break;
    case VM_SAMPLE_SIGMOID:
        vm_sigmoid_array(x, y, n);
        break;
    case VM_SAMPLE_TANH:
        for (long i = 0; i < n; i++) y[i] = tanh(x[i]);
        break;
    }
}

// The loss of one row and its gradient; returns the loss.
static double loss(const vm_sample_network *network, const double *prediction, const double *target, long width,
                   double *gradient) {
    double value = 0;
    switch (network->loss) {
    case VM_SAMPLE_SQUARED_ERROR:
        vm_squared_error(prediction, target, 1, width, 0, network->lossScale, gradient, 1, &value);
        break;
    case VM_SAMPLE_BINARY_CROSS_ENTROPY:
        value = vm_binary_cross_entropy(prediction, target, width, network->lossScale, gradient);
        break;
    case VM_SAMPLE_BINARY_CROSS_ENTROPY_WITH_LOGITS:
        value = vm_binary_cross_entropy_with_logits(prediction, target, width, network->lossScale, gradient);
        break;
    }
    return value;
}

// The backward pass of one layer, given its input x, output y and ∂L/∂y = g: writes ∂L/∂x into dx
// when wanted, and for a Linear layer sets its gradients and takes its optimizer step.
static void backward(const vm_sample_network *network, const vm_sample_layer *layer, const double *x,
                     const double *y, const double *g, double *dx, int wantsInputGradient, int firstStep) {
    long m = layer->inputs, n = layer->outputs;
    if (layer->kind == VM_SAMPLE_LINEAR) {
        // ∂L/∂W = xᵀ·g, ∂L/∂b = g's column sums, ∂L/∂x = g·Wᵀ: Linear.backward's products.
        vm_small_product(m, n, 1, 1, x, 1, m, g, n, 1, 0, 0, layer->weightGradient, n);
        vm_column_sums(1, n, g, n, layer->biasGradient);
        if (wantsInputGradient) vm_small_product(1, m, n, 1, g, n, 1, layer->weight, 1, n, 0, 0, dx, m);
        vm_sgd_step(layer->weight, layer->weightMomentum, layer->weightGradient, layer->weightScratch, m * n,
                    &network->optimizer, firstStep);
        vm_sgd_step(layer->bias, layer->biasMomentum, layer->biasGradient, layer->biasScratch, n,
                    &network->optimizer, firstStep);
        return;
    }
    // An activation's only output is ∂L/∂x.
    if (!wantsInputGradient) return;
    switch (layer->kind) {
    case VM_SAMPLE_IDENTITY:
        for (long i = 0; i < n; i++) dx[i] = g[i] * 1.0;
        break;
    case VM_SAMPLE_RELU:
        for (long i = 0; i < n; i++) dx[i] = g[i] * vm_relu_derivative(x[i]);
        break;
    case VM_SAMPLE_LEAKY_RELU:
        for (long i = 0; i < n; i++) dx[i] = g[i] * vm_leaky_relu_derivative(x[i], layer->slope);
        break;
    case VM_SAMPLE_SIGMOID:
        vm_sigmoid_backward_array(y, g, dx, n);
        break;
    case VM_SAMPLE_TANH:
        for (long i = 0; i < n; i++) dx[i] = g[i] * vm_tanh_derivative(y[i]);
        break;
    case VM_SAMPLE_LINEAR:  // Above.
        break;
    }
}

// The doubles a tape slot of `width` takes: whole 64-byte cache lines, so that each slot starts on
// one (the tape itself does).
static long slot_length(long width) { return (width + 7) / 8 * 8; }

long vm_sample_tape_length(const vm_sample_layer *layers, long layerCount) {
    long length = layerCount > 0 ? slot_length(layers[0].inputs) : 0;
    for (long i = 0; i < layerCount; i++) length += slot_length(layers[i].outputs);
    return length;
}

// Compiled for AVX2 too: the activations' loops are here, inlined.
__attribute__((target_clones("avx2", "default")))
long vm_train_samples(vm_sample_network *network, const double *inputs, const double *targets, const long *order,
                      long count, double *lossSum) {
    const vm_sample_layer *layers = network->layers;
    long last = network->layerCount;
    long inputWidth = last > 0 ? layers[0].inputs : 0;
    long outputWidth = last > 0 ? layers[last - 1].outputs : 0;
    // Slot i of the tape starts at offset[i]: the input, then each layer's output.
    long offset[last + 1];
    offset[0] = 0;
    for (long i = 0; i < last; i++) offset[i + 1] = offset[i] + slot_length(layers[i].inputs);
    double *a = network->activations, *d = network->gradients;

    for (long s = 0; s < count; s++) {
        const double *x = inputs + order[s] * inputWidth;
        for (long j = 0; j < inputWidth; j++) a[j] = x[j];
        for (long i = 0; i < last; i++) forward(&layers[i], a + offset[i], a + offset[i + 1]);
        double value = loss(network, a + offset[last], targets + order[s] * outputWidth, outputWidth, d + offset[last]);
        if (!isfinite(value)) return s;
        // Trainer adds each batch's loss times its row count, here 1.
        *lossSum += value * 1.0;
        int firstStep = network->steps == 0;
        for (long i = last - 1; i >= 0; i--)
            backward(network, &layers[i], a + offset[i], a + offset[i + 1], d + offset[i + 1], d + offset[i], i > 0,
                     firstStep);
        network->steps += 1;
    }
    return -1;
}

// What the training kernels (`vm_train_samples` and the lockstep kernel) share with the Swift
// layers and losses: the element-wise activations, forward and backward, over `count` adjacent
// elements (the formulas of `ElementwiseActivation.swift`), and the loss kernels called as the
// Swift losses call them. So either kernel gives the bits the layers and losses do. The
// activations are element-wise, so they take a lockstep tape's interleaved lanes as they take one
// network's rows.
#ifndef VM_TRAINING_PARTS_H
#define VM_TRAINING_PARTS_H

#include "CVectorMath.h"
#include <math.h>

// y = f(x) for an activation `kind` (not VM_TRAIN_LINEAR).
static inline __attribute__((always_inline)) void vm_activation_forward(vm_train_layer_kind kind, double slope,
                                                                        const double *x, double *y, long count) {
    switch (kind) {
    case VM_TRAIN_IDENTITY:
        for (long i = 0; i < count; i++) y[i] = x[i];
        break;
    case VM_TRAIN_RELU:
        for (long i = 0; i < count; i++) y[i] = vm_relu(x[i]);
        break;
    case VM_TRAIN_LEAKY_RELU:
        for (long i = 0; i < count; i++) y[i] = vm_leaky_relu(x[i], slope);
        break;
    case VM_TRAIN_SIGMOID:
        vm_sigmoid_array(x, y, count);
        break;
    case VM_TRAIN_TANH:
        for (long i = 0; i < count; i++) y[i] = tanh(x[i]);
        break;
    case VM_TRAIN_LINEAR:
        break;
    }
}

// dx = ∂L/∂x from the activation's input x, output y and ∂L/∂y = g.
static inline __attribute__((always_inline)) void vm_activation_backward(vm_train_layer_kind kind, double slope,
                                                                         const double *x, const double *y,
                                                                         const double *g, double *dx, long count) {
    switch (kind) {
    case VM_TRAIN_IDENTITY:
        for (long i = 0; i < count; i++) dx[i] = g[i] * 1.0;
        break;
    case VM_TRAIN_RELU:
        for (long i = 0; i < count; i++) dx[i] = g[i] * vm_relu_derivative(x[i]);
        break;
    case VM_TRAIN_LEAKY_RELU:
        for (long i = 0; i < count; i++) dx[i] = g[i] * vm_leaky_relu_derivative(x[i], slope);
        break;
    case VM_TRAIN_SIGMOID:
        vm_sigmoid_backward_array(y, g, dx, count);
        break;
    case VM_TRAIN_TANH:
        for (long i = 0; i < count; i++) dx[i] = g[i] * vm_tanh_derivative(y[i]);
        break;
    case VM_TRAIN_LINEAR:
        break;
    }
}

// The loss `kind` of `rows` predictions of `width` columns against `targets` into *loss, scaled
// by `scale`, and its gradient into `gradient`: what the Swift loss's `evaluate` computes, through
// the same kernel with the same arguments. `scratch` holds 3·rows doubles. Returns −1, or the first
// row whose class is not a whole number in 0..<width.
static inline __attribute__((always_inline)) long vm_training_loss(vm_train_loss kind, const double *prediction,
                                                                   const double *targets, long rows, long width,
                                                                   double scale, double *gradient, double *scratch,
                                                                   double *loss) {
    *loss = 0;
    switch (kind) {
    case VM_TRAIN_SQUARED_ERROR:
        return vm_squared_error(prediction, targets, rows, width, 0, scale, gradient, 1, loss);
    case VM_TRAIN_SQUARED_ERROR_ONE_HOT:
        return vm_squared_error(prediction, targets, rows, width, 1, scale, gradient, 1, loss);
    case VM_TRAIN_BINARY_CROSS_ENTROPY:
        *loss = vm_binary_cross_entropy(prediction, targets, rows * width, scale, gradient);
        return -1;
    case VM_TRAIN_BINARY_CROSS_ENTROPY_WITH_LOGITS:
        *loss = vm_binary_cross_entropy_with_logits(prediction, targets, rows * width, scale, gradient);
        return -1;
    case VM_TRAIN_SOFTMAX_CROSS_ENTROPY:
        return vm_softmax_cross_entropy(prediction, targets, rows, width, scale, gradient, scratch, 1, loss);
    }
    return -1;
}

#endif

"""The core benchmark's training steps written in NumPy, the way the seed notebooks write them.

`swift run -c release bench core` runs this to report its own figures as ratios against NumPy
measured in the same run. It prints one JSON object per line: name, unit, median, min.
"""
import json
import time

import numpy as np


def report(name, seconds_per_run, operations):
    per_operation = sorted(s * 1e6 / operations for s in seconds_per_run)
    print(json.dumps(dict(name=name, unit="µs", median=per_operation[len(per_operation) // 2], min=per_operation[0])))


def timed(body, repetitions=5):
    body()
    runs = []
    for _ in range(repetitions):
        start = time.perf_counter()
        body()
        runs.append(time.perf_counter() - start)
    return runs


def three_class_step(epochs=300):
    """Seed 004: Linear(2,10) Sigmoid Linear(10,10) Sigmoid Linear(10,3), softmax + NLL, full batch."""
    rng = np.random.RandomState(4)
    y = np.arange(300) % 3
    x = y[:, None] * 0.4 + 0.15 * rng.randn(300, 2)
    weights = [rng.randn(2, 10) * 0.1, rng.randn(10, 10) * 0.1, rng.randn(10, 3) * 0.1]
    biases = [np.zeros(10), np.zeros(10), np.zeros(3)]
    one_hot = np.eye(3)[y]

    def run():
        for _ in range(epochs):
            z1 = x @ weights[0] + biases[0]
            a1 = 1 / (1 + np.exp(-z1))
            z2 = a1 @ weights[1] + biases[1]
            a2 = 1 / (1 + np.exp(-z2))
            z3 = a2 @ weights[2] + biases[2]
            shifted = z3 - z3.max(axis=1, keepdims=True)
            log_sum = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            probabilities = np.exp(shifted - log_sum)
            _ = -(one_hot * (shifted - log_sum)).sum(1).mean()
            g3 = (probabilities - one_hot) / len(x)
            gw3, gb3 = a2.T @ g3, g3.sum(0)
            g2 = (g3 @ weights[2].T) * a2 * (1 - a2)
            gw2, gb2 = a1.T @ g2, g2.sum(0)
            g1 = (g2 @ weights[1].T) * a1 * (1 - a1)
            gw1, gb1 = x.T @ g1, g1.sum(0)
            for w, g in zip(weights + biases, [gw1, gw2, gw3, gb1, gb2, gb3]):
                w -= 0.05 * g

    report("step 2-10-10-3 sigmoid, softmax CE, 300 rows", timed(run), epochs)


def square_step(samples=2000):
    """Seed 001: LinearLayer(1,100,relu) -> LinearLayer(100,1), one sample per step, momentum 0.9."""
    rng = np.random.RandomState(1)
    xs = rng.uniform(-3, 3, samples)
    w1, b1 = rng.randn(100, 1) * 0.1, rng.randn(100, 1) * 0.1
    w2, b2 = rng.randn(1, 100) * 0.1, rng.randn(1, 1) * 0.1
    velocities = [np.zeros_like(p) for p in (w1, b1, w2, b2)]

    def run():
        for value in xs:
            x = np.array([[value]])
            lin1 = w1 @ x + b1
            a1 = np.maximum(0.0, lin1)
            out = w2 @ a1 + b2
            grad = 2 * (out - value * value)
            gw2, gb2 = grad @ a1.T, grad.sum(axis=1, keepdims=True)
            da1 = w2.T @ grad
            da1[lin1 <= 0] = 0
            gw1, gb1 = da1 @ x.T, da1.sum(axis=1, keepdims=True)
            for i, (p, g) in enumerate(zip((w1, b1, w2, b2), (gw1, gb1, gw2, gb2))):
                velocities[i] = velocities[i] * 0.9 - 1e-5 * g
                p += velocities[i]

    report("step 1-100-1 ReLU, per-sample momentum", timed(run), samples)


if __name__ == "__main__":
    three_class_step()
    square_step()

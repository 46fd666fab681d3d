"""Writes the reference values the NeuralNet tests compare against, computed with PyTorch in float64.

Run from this folder:  python3 generate.py   (needs `pip install torch numpy`; the tests do not).
Weights are written in the project's (inputs x outputs) layout, the transpose of nn.Linear's.
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
generator = np.random.RandomState(20261123)


def matrix(t):
    """A tensor as a list of rows (a row vector for 1-D tensors)."""
    a = t.detach().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    if a.ndim == 0:
        a = a.reshape(1, 1)
    if a.ndim == 1:
        a = a.reshape(1, -1)
    return a.tolist()


def normal(*shape, scale=1.0):
    return torch.tensor(generator.randn(*shape) * scale)


def write(name, payload):
    with open(name, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def layers():
    cases = {}
    x = normal(5, 4).requires_grad_()
    linear = torch.nn.Linear(4, 3)
    with torch.no_grad():
        linear.weight.copy_(normal(3, 4))
        linear.bias.copy_(normal(3))
    upstream = normal(5, 3)
    y = linear(x)
    y.backward(upstream)
    cases["linear"] = dict(
        input=matrix(x), weight=matrix(linear.weight.T), bias=matrix(linear.bias), upstream=matrix(upstream),
        output=matrix(y), input_gradient=matrix(x.grad), weight_gradient=matrix(linear.weight.grad.T),
        bias_gradient=matrix(linear.bias.grad))

    # Large magnitudes test the stable forms (sigmoid of -700 is 1e-304, not 0 or NaN).
    wide = torch.tensor([[-700.0, -40.0, -3.0, -0.5], [0.0, 1e-8, 2.5, 37.0], [700.0, -1e-3, 0.25, -12.0],
                         [5.0, -5.0, 0.75, -0.75]])
    activations = {
        "sigmoid": torch.nn.Sigmoid(), "relu": torch.nn.ReLU(), "leaky_relu": torch.nn.LeakyReLU(0.01),
        "leaky_relu_0.2": torch.nn.LeakyReLU(0.2), "tanh": torch.nn.Tanh(), "softmax": torch.nn.Softmax(dim=1),
        "identity": torch.nn.Identity(),
    }
    for name, module in activations.items():
        for suffix, source in (("", normal(6, 4, scale=2.0)), ("_wide", wide)):
            x = source.clone().requires_grad_()
            upstream = normal(*x.shape)
            y = module(x)
            y.backward(upstream)
            cases[name + suffix] = dict(input=matrix(x), upstream=matrix(upstream), output=matrix(y),
                                        input_gradient=matrix(x.grad))
    write("layers.json", cases)


def losses():
    cases = []

    def record(name, reduction, prediction, target, compute, **extra):
        p = prediction.clone().requires_grad_()
        value = compute(p)
        value.backward()
        cases.append(dict(loss=name, reduction=reduction, prediction=matrix(prediction), target=matrix(target),
                          value=value.item(), gradient=matrix(p.grad), **extra))

    probabilities = torch.sigmoid(normal(7, 1, scale=2.0))
    binary = torch.tensor(generator.randint(0, 2, size=(7, 1)), dtype=torch.float64)
    logits1 = torch.tensor([[-60.0], [-3.0], [-0.2], [0.0], [0.7], [4.0], [55.0]])
    regression, regression_target = normal(6, 2), normal(6, 2)
    logits = normal(8, 3, scale=3.0)
    logits[0] = torch.tensor([1000.0, -1000.0, 999.0])  # log-sum-exp must not overflow
    classes = torch.tensor(generator.randint(0, 3, size=8))
    one_hot = torch.nn.functional.one_hot(classes, 3).double()
    for reduction in ("mean", "sum"):
        record("bce", reduction, probabilities, binary,
               lambda p: torch.nn.functional.binary_cross_entropy(p, binary, reduction=reduction))
        record("bce_logits", reduction, logits1, binary,
               lambda p: torch.nn.functional.binary_cross_entropy_with_logits(p, binary, reduction=reduction))
        record("mse", reduction, regression, regression_target,
               lambda p: torch.nn.functional.mse_loss(p, regression_target, reduction=reduction))
        record("mse_one_hot", reduction, logits / 100, classes.double().reshape(-1, 1),
               lambda p: torch.nn.functional.mse_loss(p, one_hot, reduction=reduction))
        record("softmax_cross_entropy", reduction, logits, classes.double().reshape(-1, 1),
               lambda p: torch.nn.functional.cross_entropy(p, classes, reduction=reduction))
    # batchmean: the sum divided by the number of rows (seed 004's MSE).
    record("mse_one_hot", "batchMean", logits / 100, classes.double().reshape(-1, 1),
           lambda p: torch.nn.functional.mse_loss(p, one_hot, reduction="sum") / p.shape[0])
    write("losses.json", cases)


def optimizers():
    """20 steps of each configuration on f(p) = sum(0.5·c·p² + d·p), whose gradient is c·p + d."""
    initial = [normal(3, 2), normal(1, 2)]
    curvature = [torch.tensor(generator.uniform(0.5, 2.0, size=t.shape)) for t in initial]
    offset = [normal(*t.shape) for t in initial]
    configurations = [
        ("sgd", dict(lr=0.1)),
        ("sgd", dict(lr=0.1, momentum=0.9)),
        ("sgd", dict(lr=0.1, momentum=0.9, dampening=0.5)),
        ("sgd", dict(lr=0.1, momentum=0.9, nesterov=True)),
        ("sgd", dict(lr=0.1, weight_decay=0.01)),
        ("sgd", dict(lr=0.05, momentum=0.8, nesterov=True, weight_decay=0.1)),
        ("adagrad", dict(lr=0.1)),
        ("adagrad", dict(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-8)),
        ("rmsprop", dict(lr=0.01)),
        ("rmsprop", dict(lr=0.01, alpha=0.9, momentum=0.9, centered=True, weight_decay=0.1, eps=1e-6)),
        ("adam", dict(lr=0.01)),
        ("adam", dict(lr=0.05, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True)),
        ("adamw", dict(lr=0.01, weight_decay=0.1)),
        ("adamw", dict(lr=0.01)),
        ("adamax", dict(lr=0.02)),
        ("adamax", dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
        ("nadam", dict(lr=0.02)),
        ("nadam", dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, momentum_decay=0.01)),
        ("nadam", dict(lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)),
    ]
    classes = dict(sgd=torch.optim.SGD, adagrad=torch.optim.Adagrad, rmsprop=torch.optim.RMSprop,
                   adam=torch.optim.Adam, adamw=torch.optim.AdamW, adamax=torch.optim.Adamax, nadam=torch.optim.NAdam)
    cases = []
    for name, options in configurations:
        params = [t.clone().requires_grad_() for t in initial]
        optimizer = classes[name](params, **options)
        trajectory = []
        for _ in range(20):
            for p, c, d in zip(params, curvature, offset):
                p.grad = c * p.detach() + d
            optimizer.step()
            trajectory.append([matrix(p) for p in params])
        options = {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}
        cases.append(dict(optimizer=name, options=options, trajectory=trajectory))

    # Seed 001's velocity form, v ← μv − ηg; w ← w + v, written out as the notebook does.
    params = [t.clone() for t in initial]
    velocity = [torch.zeros_like(t) for t in initial]
    trajectory = []
    for _ in range(20):
        for i, (c, d) in enumerate(zip(curvature, offset)):
            g = c * params[i] + d
            velocity[i] = velocity[i] * 0.9 - 0.1 * g
            params[i] = params[i] + velocity[i]
        trajectory.append([matrix(p) for p in params])
    cases.append(dict(optimizer="sgd", options=dict(lr=0.1, momentum=0.9, velocity_form=True), trajectory=trajectory))
    write("optimizers.json", dict(initial=[matrix(t) for t in initial], curvature=[matrix(t) for t in curvature],
                                  offset=[matrix(t) for t in offset], cases=cases))


def network():
    """50 full-batch SGD epochs of a 2-10-10-3 sigmoid network with softmax cross-entropy."""
    torch.manual_seed(4)
    centers = np.array([[0.2, 0.2], [1.0, 0.3], [0.6, 0.8]])
    labels = np.arange(60) % 3
    inputs = torch.tensor(centers[labels] + 0.15 * generator.randn(60, 2))
    targets = torch.tensor(labels)
    model = torch.nn.Sequential(torch.nn.Linear(2, 10), torch.nn.Sigmoid(), torch.nn.Linear(10, 10),
                                torch.nn.Sigmoid(), torch.nn.Linear(10, 3))
    linears = [model[0], model[2], model[4]]
    initial = [dict(weight=matrix(l.weight.T), bias=matrix(l.bias)) for l in linears]
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
    losses = []
    for _ in range(50):
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(inputs), targets)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    final = [dict(weight=matrix(l.weight.T), bias=matrix(l.bias)) for l in linears]
    with torch.no_grad():
        final_loss = torch.nn.functional.cross_entropy(model(inputs), targets).item()
    write("network.json", dict(inputs=matrix(inputs), targets=labels.tolist(), learning_rate=0.5, momentum=0.9,
                               initial=initial, losses=losses, final=final, final_loss=final_loss))


def network_float32():
    """5 epochs of mini-batch SGD with momentum on a 16-32-10 ReLU network, in PyTorch's float32 and
    in float64, batches of 10 in order: what `Precision.float32` is checked against."""
    inputs = generator.randint(0, 256, size=(60, 16)) / 255.0
    labels = generator.randint(0, 10, size=60)
    weights = [generator.randn(16, 32) * 0.25, generator.randn(1, 32) * 0.1, generator.randn(32, 10) * 0.2,
               generator.randn(1, 10) * 0.1]
    runs = {}
    for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
        model = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(dtype)
        with torch.no_grad():
            model[0].weight.copy_(torch.tensor(weights[0].T)); model[0].bias.copy_(torch.tensor(weights[1][0]))
            model[2].weight.copy_(torch.tensor(weights[2].T)); model[2].bias.copy_(torch.tensor(weights[3][0]))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        x = torch.tensor(inputs, dtype=dtype)
        y = torch.tensor(labels)
        epoch_losses = []
        for _ in range(5):
            batch_losses = []
            for start in range(0, 60, 10):
                optimizer.zero_grad()
                loss = torch.nn.functional.cross_entropy(model(x[start:start + 10]), y[start:start + 10])
                batch_losses.append(loss.item())
                loss.backward()
                optimizer.step()
            epoch_losses.append(float(np.mean(batch_losses)))
        runs[name] = dict(losses=epoch_losses,
                          final=[dict(weight=matrix(l.weight.T.double()), bias=matrix(l.bias.double())) for l in (model[0], model[2])])
    write("network_float32.json", dict(inputs=matrix(torch.tensor(inputs)), targets=labels.tolist(),
                                       initial=[dict(weight=matrix(weights[0]), bias=matrix(weights[1])),
                                                dict(weight=matrix(weights[2]), bias=matrix(weights[3]))],
                                       runs=runs))


def roots():
    """Seed 001's root finder, exactly as the notebook wrote it, for several starts and rates."""
    def f(x, b, c):
        return x**2 - b*x + c

    def df(x, b, c):
        return 2*(x**2 - b*x + c)*(2*x - b)

    cases = []
    for start in (0, 3, -1.5, 6.0):
        for rate in (0.001, 0.01):
            x, steps = start, 0
            for i in range(1000):
                x = x - rate * df(x, 5, 4)
                steps = i + 1
                if abs(f(x, 5, 4)) < 1e-6:
                    break
            cases.append(dict(start=start, learning_rate=rate, root=x, steps=steps))
    write("roots.json", cases)


if __name__ == "__main__":
    layers()
    losses()
    optimizers()
    network()
    roots()
    network_float32()  # last: it draws from the generator after every other fixture

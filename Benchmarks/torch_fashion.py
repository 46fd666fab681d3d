"""The fashion experiment's training in PyTorch, timed the way `bench fashion` times ours.

784-256-128-10 ReLU network (PyTorch's default initialisation), SGD lr 0.1, batch 128, shuffled,
inputs / 255, cross-entropy on logits. Each epoch: the steps (timed as "epoch"), then the loss and
accuracy of the whole training and test sets in blocks of 2048 rows (timed as "evaluation"), as
`report` records them. Prints one JSON object per measurement: name, unit, median, min, and the
final test accuracy. Arguments: --dtype float32|float64, --epochs N, --threads N, --directory D.
"""
import argparse
import gzip
import json
import os
import resource
import statistics
import time

import numpy as np
import torch


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        data = handle.read()
    dimensions = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dimensions)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dimensions).reshape(shape)


def locate(directory, name):
    plain = os.path.join(directory, name)
    return plain if os.path.exists(plain) else plain + ".gz"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--directory", default="/usr/share/datasets/fashion-mnist")
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    torch.manual_seed(0)
    dtype = getattr(torch, arguments.dtype)
    images = read_idx(locate(arguments.directory, "train-images-idx3-ubyte")).reshape(60000, -1)
    labels = read_idx(locate(arguments.directory, "train-labels-idx1-ubyte")).astype(np.int64)
    test_images = read_idx(locate(arguments.directory, "t10k-images-idx3-ubyte")).reshape(10000, -1)
    test_labels = read_idx(locate(arguments.directory, "t10k-labels-idx1-ubyte")).astype(np.int64)
    # Scaled in double, then rounded, as report's input table does.
    x = torch.tensor(images / 255.0, dtype=dtype)
    y = torch.tensor(labels)
    x_test = torch.tensor(test_images / 255.0, dtype=dtype)
    y_test = torch.tensor(test_labels)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)
    ).to(dtype)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_function = torch.nn.CrossEntropyLoss()

    def evaluate(inputs, targets):
        total, correct = 0.0, 0
        with torch.no_grad():
            for start in range(0, len(inputs), 2048):
                output = model(inputs[start:start + 2048])
                total += loss_function(output, targets[start:start + 2048]).item() * len(output)
                correct += (output.argmax(1) == targets[start:start + 2048]).sum().item()
        return total / len(inputs), correct / len(inputs)

    epochs, evaluations = [], []
    accuracy = float("nan")
    for _ in range(arguments.epochs):
        started = time.perf_counter()
        order = torch.randperm(len(x))
        for start in range(0, len(x), 128):
            rows = order[start:start + 128]
            optimizer.zero_grad()
            loss = loss_function(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
        epochs.append(time.perf_counter() - started)
        started = time.perf_counter()
        evaluate(x, y)
        _, accuracy = evaluate(x_test, y_test)
        evaluations.append(time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    name = f"PyTorch {arguments.dtype}, {arguments.threads} threads"
    for what, values in (("epoch", epochs), ("evaluation", evaluations)):
        print(json.dumps({"name": f"{name}: {what}", "unit": "s", "median": statistics.median(values), "min": min(values),
                          "samples": values, "test_accuracy": accuracy, "peak_megabytes": peak}))


if __name__ == "__main__":
    main()

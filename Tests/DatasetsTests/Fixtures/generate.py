"""Writes the NumPy reference streams the Datasets tests compare against, bit for bit.

Run from this folder:  python3 generate.py   (needs numpy; the tests do not).
"""
import json

import numpy as np


def streams():
    cases = []
    for seed in (0, 1, 42, 777, 2**32 - 1):
        state = np.random.RandomState(seed)
        case = dict(seed=seed)
        case["uint32"] = [int(v) for v in state.randint(0, 2**32, size=5, dtype=np.uint64)]
        state = np.random.RandomState(seed)
        case["random_sample"] = state.random_sample(7).tolist()
        # An odd count leaves a cached normal, which the next call must return.
        case["randn"] = state.randn(5).tolist() + state.randn(4).tolist()
        case["normal"] = state.normal(-1, 0.5, size=3).tolist()
        case["uniform"] = state.uniform(-3, 3, size=3).tolist()
        case["randint"] = [int(v) for v in state.randint(0, 10, size=6)] + [int(v) for v in state.randint(-5, 1000, size=6)]
        case["permutation"] = [int(v) for v in state.permutation(17)]
        values = list(range(10))
        state.shuffle(values)
        case["shuffle"] = values
        case["choice"] = [int(v) for v in state.choice(50, 8, replace=False)]
        case["after"] = state.random_sample(2).tolist()
        cases.append(case)
    return cases


if __name__ == "__main__":
    with open("streams.json", "w") as f:
        json.dump(streams(), f, indent=1)
        f.write("\n")

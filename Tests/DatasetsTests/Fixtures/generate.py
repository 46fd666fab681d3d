"""Writes the NumPy and scikit-learn references the Datasets tests compare against.

Run from this folder:  python3 generate.py   (needs numpy and scikit-learn; the tests do not).
"""
import json

import numpy as np
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


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


def data(X, y):
    return dict(inputs=np.asarray(X, dtype=float).tolist(), labels=np.asarray(y).astype(float).tolist())


def generators():
    cases = dict(
        moons=[dict(samples=n, noise=noise, shuffle=shuffle, seed=seed,
                    **data(*make_moons(n, noise=noise, shuffle=shuffle, random_state=seed)))
               for n, noise, shuffle, seed in [(10, None, False, 0), (11, None, True, 3), (101, 0.1, True, 42),
                                               (1000, 0.125, True, 42)]],
        circles=[dict(samples=n, factor=factor, noise=noise, seed=seed,
                      **data(*make_circles(n, factor=factor, noise=noise, random_state=seed)))
                 for n, factor, noise, seed in [(10, 0.8, None, 1), (51, 0.5, 0.05, 7)]],
        blobs=[],
    )
    for n, centers, std, seed in [(30, 3, [1.0], 0), (31, [[0.2, 0.2], [1.0, 0.3], [0.6, 0.8]], [0.1, 0.05, 0.08], 5),
                                  (17, 2, [2.0], 9)]:
        X, y = make_blobs(n, centers=centers, cluster_std=std if len(std) > 1 else std[0], random_state=seed)
        cases["blobs"].append(dict(samples=n, centers=centers, std=std, seed=seed, **data(X, y)))
    # Seed 000: two Gaussians drawn one class after the other from the global stream.
    np.random.seed(12)
    x1 = np.random.normal(loc=-1, scale=1, size=(5, 2))
    x2 = np.random.normal(loc=1, scale=1, size=(5, 2))
    cases["gaussians"] = dict(seed=12, **data(np.concatenate((x1, x2)), [0] * 5 + [1] * 5))
    return cases


def splits():
    cases = dict(shuffled=[], stratified=[])
    for n, test, seed in [(10, 0.2, 0), (101, 0.25, 42), (1000, 0.2, 42), (7, 0.3, 3)]:
        train, held = train_test_split(np.arange(n), test_size=test, random_state=seed)
        cases["shuffled"].append(dict(count=n, test=test, seed=seed, train=train.tolist(), held_out=held.tolist()))
    rng = np.random.RandomState(99)
    for n, test, seed, classes in [(100, 0.2, 42, 2), (101, 0.25, 1, 3), (37, 0.3, 5, 3), (64, 0.2, 2, 2)]:
        labels = rng.randint(0, classes, size=n).astype(float)
        train, held = train_test_split(np.arange(n), test_size=test, random_state=seed, stratify=labels)
        cases["stratified"].append(dict(labels=labels.tolist(), test=test, seed=seed, train=train.tolist(),
                                        held_out=held.tolist()))
    # Seed 002's random_sample on linspace(-5, 5, 100), twice (80/20, then 64/16), from the global stream.
    np.random.seed(2)
    X = np.linspace(-5, 5, num=100)

    def random_sample(X, fraction=0.8):
        size = X.shape[0]
        per_class = int(0.5 * fraction * size)
        first = np.random.choice(np.arange(size // 2), per_class, replace=False)
        second = np.random.choice(np.arange(size // 2, size), per_class, replace=False)
        train = sorted([*first, *second])
        test = [i for i in range(size) if i not in train]
        return [int(i) for i in train], test

    outer_train, outer_test = random_sample(X)
    inner_train, inner_test = random_sample(X[outer_train])
    cases["per_class"] = dict(seed=2, outer_train=outer_train, outer_test=outer_test, inner_train=inner_train,
                              inner_test=inner_test, linspace=X.tolist())
    return cases


def scaling():
    rng = np.random.RandomState(3)
    X = np.column_stack([rng.randn(23) * 5 + 3, np.full(23, 7.0), rng.uniform(-1e3, 1e3, 23)])
    scaler = StandardScaler().fit(X[:17])
    cases = dict(data=X.tolist(), fit_rows=17, mean=scaler.mean_.tolist(), scale=scaler.scale_.tolist(),
                 transformed=scaler.transform(X).tolist())
    # Seed 003's pipeline.
    X, Y = make_moons(n_samples=1000, noise=0.125, random_state=42)
    X_train, X_test, Y_train, Y_test = train_test_split(X, Y, test_size=0.2, random_state=42)
    scaler = StandardScaler()
    cases["seed003"] = dict(train_inputs=scaler.fit_transform(X_train).tolist(), test_inputs=scaler.transform(X_test).tolist(),
                            train_labels=Y_train.astype(float).tolist(), test_labels=Y_test.astype(float).tolist(),
                            mean=scaler.mean_.tolist(), scale=scaler.scale_.tolist())
    return cases


def files():
    """NPY files in every supported element type (both byte orders), C and Fortran order and format version; NPZ archives; a CSV."""
    import os
    os.makedirs("files", exist_ok=True)
    rng = np.random.RandomState(8)
    base = rng.randn(3, 4) * 100
    expected = {}
    types = [("f8", "<f8"), ("f4", "<f4"), ("i8", "<i8"), ("i4", "<i4"), ("u1", "|u1"), ("b1", "|b1"),
             ("f2", "<f2"), ("i2", "<i2"), ("i1", "|i1"), ("u2", "<u2"), ("u4", "<u4"), ("u8", "<u8"),
             ("be_f8", ">f8"), ("be_i4", ">i4")]
    for code, dtype in types:
        unsigned = dtype[1] == "u"
        small = dtype in ("|i1",)
        values = (base > 0) if code == "b1" else (np.abs(base) if unsigned else (base / 2 if small else base)).astype(dtype)
        for order in ("C", "F"):
            array = np.asarray(values, order=order)
            name = f"{code}_{order}.npy"
            np.save(os.path.join("files", name), array)
            expected[name] = dict(shape=list(array.shape), values=array.astype(float).ravel(order="C").tolist())
    vector = rng.randn(5)
    for version in ((1, 0), (2, 0), (3, 0)):
        name = f"vector_v{version[0]}.npy"
        with open(os.path.join("files", name), "wb") as f:
            np.lib.format.write_array(f, vector, version=version)
        expected[name] = dict(shape=[5], values=vector.tolist())
    X = rng.rand(12, 2) * [1.2, 1.0]
    y = rng.randint(0, 3, 12)
    np.savez(os.path.join("files", "data.npz"), X, y)
    np.savez_compressed(os.path.join("files", "compressed.npz"), inputs=X, labels=y)
    expected["data.npz"] = dict(arr_0=X.ravel().tolist(), arr_1=y.astype(float).tolist())
    with open(os.path.join("files", "table.csv"), "w") as f:
        f.write("x1,x2,\"label, quoted\"\n")
        for row, label in zip(X[:5], y[:5]):
            f.write(f"{float(row[0])!r},{float(row[1])!r},{int(label)}\n")
    expected["table.csv"] = dict(inputs=X[:5].ravel().tolist(), labels=y[:5].astype(float).tolist())
    return expected


def write(name, payload):
    with open(name, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("streams.json", streams())
    write("generators.json", generators())
    write("splits.json", splits())
    write("scaling.json", scaling())
    write("files.json", files())

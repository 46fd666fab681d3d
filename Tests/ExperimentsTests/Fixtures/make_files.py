"""Writes the data files of FileSourceTests: small IDX (gzipped and plain) and gzipped CSV files with
separate test files, and what NumPy computes from them (files.json). Run from this folder with
NumPy installed: python3 make_files.py. The files are committed; the tests need no Python."""
import gzip
import hashlib
import json
import struct

import numpy as np

rng = np.random.RandomState(18)
images = rng.randint(0, 256, size=(6, 3, 2)).astype(np.uint8)
labels = np.array([0, 1, 2, 0, 1, 2], dtype=np.uint8)
test_images = rng.randint(0, 256, size=(3, 3, 2)).astype(np.uint8)
test_labels = np.array([2, 1, 0], dtype=np.uint8)


def idx(array):
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + b"".join(struct.pack(">I", n) for n in array.shape)
    return header + array.tobytes()


def write(name, data, compress):
    # mtime 0 keeps the gzip bytes the same from run to run.
    payload = gzip.compress(data, mtime=0) if compress else data
    with open("files/" + name, "wb") as f:
        f.write(payload)
    return hashlib.sha256(payload).hexdigest()


digests = {
    "train-images-idx3-ubyte.gz": write("train-images-idx3-ubyte.gz", idx(images), True),
    "train-labels-idx1-ubyte.gz": write("train-labels-idx1-ubyte.gz", idx(labels), True),
    "t10k-images-idx3-ubyte": write("t10k-images-idx3-ubyte", idx(test_images), False),
    "t10k-labels-idx1-ubyte": write("t10k-labels-idx1-ubyte", idx(test_labels), False),
}

train = rng.randn(8, 2) * [2.0, 0.5] + [1.0, -3.0]
train_y = np.array([0, 1, 0, 1, 1, 0, 1, 0])
test = rng.randn(4, 2)
test_y = np.array([1, 0, 1, 0])


def csv(x, y):
    lines = ["width,height,kind"] + [f"{float(a)!r},{float(b)!r},{int(c)}" for (a, b), c in zip(x, y)]
    return ("\n".join(lines) + "\n").encode()


digests["train.csv.gz"] = write("train.csv.gz", csv(train, train_y), True)
digests["test.csv"] = write("test.csv", csv(test, test_y), False)

mean = train.mean(axis=0)
scale = train.std(axis=0)  # StandardScaler's: the population deviation
json.dump({
    "digests": digests,
    "idx_train_divided": (images.reshape(6, 6) / 255).tolist(),
    "idx_test_divided": (test_images.reshape(3, 6) / 255).tolist(),
    "csv_mean": mean.tolist(),
    "csv_scale": scale.tolist(),
    "csv_test_standardized": ((test - mean) / scale).tolist(),
}, open("files.json", "w"), indent=1)

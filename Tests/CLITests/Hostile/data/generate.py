"""Writes the hostile suite's data files: NumPy archives of every kind a user might hand the tool
by mistake (NaN, infinities, complex, objects, text, dates, records, wrong shapes, damaged bytes)
and a few that are fine but do not fit the figure asked for. Run from this folder; the files are
committed, so the tests need no Python."""
import numpy as np

rng = np.random.RandomState(17)
X = rng.randn(12, 2)
y = (X[:, 0] > 0).astype(np.int64)


def save(name, inputs, labels=y):
    np.savez(name, inputs, labels)


bad = X.copy(); bad[2, 1] = np.nan
save("nan.npz", bad)
bad = X.copy(); bad[4, 0] = np.inf
save("inf.npz", bad)
save("label-nan.npz", X, np.where(np.arange(12) == 5, np.nan, y.astype(float)))
save("label-inf.npz", X, np.where(np.arange(12) == 7, -np.inf, y.astype(float)))
save("complex.npz", X.astype(np.complex128))
np.savez("object.npz", np.array([[1, "a"], [2, "b"]], dtype=object), y[:2])
save("text.npz", X.astype(str))
save("dates.npz", np.array(["2026-01-01", "2026-01-02"], dtype="datetime64[D]"), y[:2])
save("records.npz", np.zeros(12, dtype=[("a", "<f8"), ("b", "<i4")]))
save("three-d.npz", rng.randn(12, 2, 2))  # images of 2 x 2: fine, flattened
save("scalar.npz", np.float64(3.0), y)
save("empty.npz", np.zeros((0, 2)), np.zeros(0))
save("short-labels.npz", X, y[:10])
save("four-features.npz", rng.randn(40, 4), rng.randint(0, 2, 40))
save("regression.npz", X, rng.randn(12))
with open("not-zip.npz", "w") as f:
    f.write("this is not a NumPy archive\n")
with open("nan.npz", "rb") as f:
    whole = f.read()
with open("truncated.npz", "wb") as f:
    f.write(whole[: len(whole) // 2])
save("four-d.npz", rng.randn(12, 2, 2, 2))

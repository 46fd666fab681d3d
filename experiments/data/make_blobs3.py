"""Writes blobs3.npz, the three-class data of seed 004 (the notebook loads an unpublished `data.npz`
with `arr_0` = inputs and `arr_1` = labels; this stands in for it, in the same box [0, 1.2] x [0, 1]).

Run from this folder with NumPy installed: python3 make_blobs3.py
"""
import numpy as np

rng = np.random.RandomState(4)
centers = np.array([[0.3, 0.3], [0.9, 0.3], [0.6, 0.75]])
per_class = 100
X = np.concatenate([rng.normal(loc=c, scale=0.09, size=(per_class, 2)) for c in centers])
y = np.repeat(np.arange(3), per_class)
order = rng.permutation(len(y))
np.savez("blobs3.npz", X[order], y[order])

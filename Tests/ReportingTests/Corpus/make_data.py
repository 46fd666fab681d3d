"""Writes the data files of the student corpus (flowers.csv, study.csv, rings.npz) with NumPy.

Run from this folder: python3 make_data.py. The files are committed; the tests do not need Python.
"""
import numpy as np

rng = np.random.RandomState(7)

# Three kinds of flower, four measurements each (an iris-like table with named columns).
centres = np.array([[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]])
spread = np.array([0.35, 0.35, 0.25, 0.15])
rows = []
for kind, centre in enumerate(centres):
    for _ in range(40):
        rows.append(list(np.round(centre + spread * rng.randn(4), 2)) + [kind])
rows = [rows[i] for i in rng.permutation(len(rows))]
with open("flowers.csv", "w") as f:
    f.write("sepal_length,sepal_width,petal_length,petal_width,species\n")
    for r in rows:
        f.write(",".join(f"{v:g}" for v in r[:4]) + f",{int(r[4])}\n")

# Exam score from hours studied and hours slept (a regression with named columns).
hours = rng.uniform(0, 10, 80)
sleep = rng.uniform(4, 9, 80)
score = 30 + 5 * hours + 3 * sleep + rng.randn(80) * 4
with open("study.csv", "w") as f:
    f.write("hours,sleep,score\n")
    for h, s, y in zip(hours, sleep, score):
        f.write(f"{h:.2f},{s:.2f},{y:.1f}\n")

# Two noisy rings, saved under names of their own.
n = 150
angle = rng.uniform(0, 2 * np.pi, 2 * n)
radius = np.concatenate([np.full(n, 1.0), np.full(n, 2.0)]) + rng.randn(2 * n) * 0.15
points = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
kinds = np.concatenate([np.zeros(n), np.ones(n)]).astype(np.int64)
np.savez("rings.npz", points=points, kinds=kinds)

"""The figures of `bench plot` drawn with matplotlib, timed from building to file on disk.

`swift run -c release bench plot` runs this to report its figures as ratios against matplotlib in the
same run. Prints one JSON object per line: name, unit (ms), median, min.
"""
import json
import os
import tempfile
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def scatter(path):
    rng = np.random.RandomState(1)
    x, y = rng.randn(1000), rng.randn(1000)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    ax.scatter(x, y, c=np.where(x > 0, "tab:blue", "tab:red"))
    ax.set(title="Dataset", xlabel="x₁", ylabel="x₂")
    fig.savefig(path)
    plt.close(fig)


def surface(path):
    rng = np.random.RandomState(2)
    xx, yy = np.meshgrid(np.linspace(-2, 2, 200), np.linspace(-2, 2, 200))
    p = 1 / (1 + np.exp(-3 * (yy - np.sin(xx))))
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    image = ax.contourf(xx, yy, p, alpha=0.8, cmap=plt.cm.RdBu, levels=20)
    x, y = rng.uniform(-2, 2, 200), rng.uniform(-2, 2, 200)
    ax.scatter(x, y, c=(y > np.sin(x)), cmap=plt.cm.RdBu, edgecolors="black", s=30)
    fig.colorbar(image)
    ax.set(title="Decision boundary", xlabel="x₁", ylabel="x₂")
    fig.savefig(path)
    plt.close(fig)


def panel(path):
    x = np.arange(30000.0)
    fig = plt.figure(figsize=(15, 10), dpi=100)
    for index in range(4):
        ax = fig.add_subplot(2, 2, index + 1)
        ax.plot(x, np.sin(x / 500 + index) * np.exp(-x / 20000))
        ax.set(title=f"Series {index + 1}", xlabel="Epoch", ylabel="Value")
        ax.grid(True)
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    folder = tempfile.mkdtemp()
    for name, draw in [("scatter 1000 points", scatter), ("decision surface 200x200", surface),
                       ("2x2 panel of 30000-point lines", panel)]:
        for extension in ("png", "pdf"):
            path = os.path.join(folder, "figure." + extension)
            draw(path)
            runs = []
            for _ in range(5):
                start = time.perf_counter()
                draw(path)
                runs.append((time.perf_counter() - start) * 1000)
            runs.sort()
            print(json.dumps(dict(name=f"{name} → {extension}", unit="ms", median=runs[len(runs) // 2], min=runs[0])))

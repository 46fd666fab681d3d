"""Writes the tick positions matplotlib's default locators choose, for the Plotting tests.

Run from this folder:  python3 generate.py   (needs matplotlib; the tests do not).
"""
import json

from matplotlib.ticker import LogLocator, MaxNLocator

RANGES = [(0, 20), (0, 1), (-3, 7), (0, 0.3), (1e-5, 3e-5), (1000, 1000.1), (-1e6, 2.5e6), (0.001, 0.0013),
          (-0.05, 1.05), (0, 30000), (-1.2, -0.4), (2.5, 2.5), (0, 100), (0.995, 1.003), (-5, 5), (0, 2.6),
          (1, 1.5), (123.4, 5678.9), (-0.7, 0.31), (0.005, 0.05), (0, 1.2), (1e9, 1e9 + 3)]
LOG_RANGES = [(1e-3, 1e2), (1, 1e12), (0.5, 50), (3, 7), (1e-9, 1e3), (2e-2, 8e-1), (1e-100, 1e100), (0.9, 1.1e4)]

linear = [dict(lower=lo, upper=hi, intervals=n, ticks=MaxNLocator(nbins=n, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi).tolist())
          for lo, hi in RANGES for n in (3, 5, 6, 9)]
log = [dict(lower=lo, upper=hi, maximum=n, ticks=LogLocator(base=10, numticks=n).tick_values(lo, hi).tolist())
       for lo, hi in LOG_RANGES for n in (4, 9)]
with open("ticks.json", "w") as f:
    json.dump(dict(linear=linear, log=log), f, indent=1)
    f.write("\n")

import matplotlib

# Between anchors (ColorBrewer's at tenths, viridis's at sixteenths), where interpolation is tested.
samples = [0.0, 1.0] + [0.025 + i / 20 for i in range(20)] + [1 / 32 + i / 16 for i in range(16)]
colormaps = {name: [list(matplotlib.colormaps[name](v)) for v in samples]
             for name in ("RdBu", "viridis", "Spectral", "RdBu_r", "viridis_r", "Spectral_r")}
with open("colormaps.json", "w") as f:
    json.dump(dict(samples=samples, colormaps=colormaps), f, indent=1)
    f.write("\n")

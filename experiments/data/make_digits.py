"""Writes digits.npz: the UCI optical recognition of handwritten digits, test part, as scikit-learn's
`load_digits` returns it (1797 images of 8 x 8 pixels, values 0-16, digits 0-9).

Arrays: `images`, uint8 of shape (1797, 8, 8), and `labels`, uint8 of shape (1797,), in
`load_digits`'s order. Run from this folder with scikit-learn installed: python3 make_digits.py
"""
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
images = digits.images.astype(np.uint8)
assert (images == digits.images).all()
np.savez_compressed("digits.npz", images=images, labels=digits.target.astype(np.uint8))

"""Writes moons_history.json: seed 003's NumPy network, exactly as the notebook trains it, so the
moons-mlp experiment can be checked against the notebook's own numbers.

Needs NumPy and scikit-learn: python3 generate.py (from this folder). The tests only read the JSON.
"""
import json

import numpy as np
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED, EPOCHS, LR = 42, 20, 0.1
np.random.seed(SEED)
X, Y = make_moons(n_samples=1000, noise=0.125, random_state=42)
X_train, X_test, Y_train, Y_test = train_test_split(X, Y, test_size=0.2, random_state=SEED)
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)

W1 = np.random.randn(2, 8) * np.sqrt(2.0 / 2)
b1 = np.zeros((1, 8))
W2 = np.random.randn(8, 1) * np.sqrt(1.0 / 8)
b2 = np.zeros((1, 1))
initial = {"W1": W1.ravel().tolist(), "W2": W2.ravel().tolist()}


def forward(X):
    z1 = X @ W1 + b1
    a1 = np.maximum(0, z1)
    return z1, a1, 1 / (1 + np.exp(-np.clip(a1 @ W2 + b2, -666, 666)))


history = {"loss": [], "accuracy_train": [], "accuracy_test": [], "W1_norm": [], "W2_norm": []}
for epoch in range(EPOCHS):
    z1, a1, p = forward(X_train)
    y = Y_train.reshape(-1, 1)
    q = np.clip(p, 1e-12, 1 - 1e-12)
    history["loss"].append(float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))))
    m = X_train.shape[0]
    dz2 = p - y
    dW2 = a1.T @ dz2 / m
    db2 = dz2.sum(axis=0, keepdims=True) / m
    dz1 = (dz2 @ W2.T) * (z1 > 0)
    dW1 = X_train.T @ dz1 / m
    db1 = dz1.sum(axis=0, keepdims=True) / m
    W2 -= LR * dW2
    b2 -= LR * db2
    W1 -= LR * dW1
    b1 -= LR * db1
    history["accuracy_train"].append(float(np.mean((forward(X_train)[2] > 0.5).astype(int).ravel() == Y_train)))
    history["accuracy_test"].append(float(np.mean((forward(X_test)[2] > 0.5).astype(int).ravel() == Y_test)))
    history["W1_norm"].append(float(np.linalg.norm(W1)))
    history["W2_norm"].append(float(np.linalg.norm(W2)))

json.dump({"initial": initial, "history": history}, open("moons_history.json", "w"), indent=1)

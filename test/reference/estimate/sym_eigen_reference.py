"""Reference eigenvalues for src/core/estimate/sym-eigen.ts (numpy.linalg.eigvalsh, LAPACK syevd).

Run from the project root:  /usr/bin/python3 test/reference/estimate/sym_eigen_reference.py
Writes test/reference/estimate/fixtures/sym_eigen.json: symmetric matrices (random, a path graph's
normalised adjacency, one with repeated eigenvalues, a diagonal one) and their eigenvalues, ascending.
"""
import json
import numpy as np

rng = np.random.default_rng(20261205)
cases = []
for n in (1, 2, 3, 5, 12, 40):
    a = rng.standard_normal((n, n))
    cases.append(("random", (a + a.T) / 2))
n = 30  # path graph, D^(-1/2) A D^(-1/2)
A = np.zeros((n, n))
for i in range(n - 1):
    A[i, i + 1] = A[i + 1, i] = 1
d = A.sum(1)
cases.append(("path", A / np.sqrt(np.outer(d, d))))
cases.append(("repeated", np.ones((6, 6)) - np.eye(6)))
cases.append(("diagonal", np.diag([3.0, -1.0, 2.0, 0.0])))
out = [
    {"name": name, "n": m.shape[0], "matrix": m.ravel().tolist(), "eigenvalues": np.linalg.eigvalsh(m).tolist()}
    for name, m in cases
]
with open("test/reference/estimate/fixtures/sym_eigen.json", "w") as f:
    json.dump(out, f)
print("wrote test/reference/estimate/fixtures/sym_eigen.json")

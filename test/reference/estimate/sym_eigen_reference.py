"""Reference eigenvalues for src/core/estimate/sym-eigen.ts (numpy.linalg.eigvalsh / eigvals, LAPACK).

Run from the project root:  /usr/bin/python3 test/reference/estimate/sym_eigen_reference.py
Writes test/reference/estimate/fixtures/sym_eigen.json: symmetric matrices (random, a path graph's
normalised adjacency, one with repeated eigenvalues, a diagonal one) and their eigenvalues, ascending;
non-symmetric matrices (random, a directed ring) and their eigenvalues sorted by real, then imaginary part.
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
# non-symmetric: random, and a row-standardised directed ring with chords (complex pairs)
general = []
for n in (2, 4, 9, 25):
    general.append(("random", rng.standard_normal((n, n))))
n = 12
R = np.zeros((n, n))
for i in range(n):
    R[i, (i + 1) % n] = 1
    R[i, (i + 5) % n] = 1
general.append(("ring", R / R.sum(1, keepdims=True)))
gout = []
for name, m in general:
    ev = np.linalg.eigvals(m)
    ev = ev[np.lexsort((ev.imag, ev.real))]
    gout.append({"name": name, "n": m.shape[0], "matrix": m.ravel().tolist(), "re": ev.real.tolist(), "im": ev.imag.tolist()})
with open("test/reference/estimate/fixtures/sym_eigen.json", "w") as f:
    json.dump({"symmetric": out, "general": gout}, f)
print("wrote test/reference/estimate/fixtures/sym_eigen.json")

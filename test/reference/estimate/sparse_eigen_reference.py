"""Reference eigenvalues for sparseSymmetricEigenvalues in src/core/estimate/sym-eigen.ts (numpy.linalg.eigvalsh, LAPACK).

Run from the project root:  /usr/bin/python3 test/reference/estimate/sparse_eigen_reference.py
Writes test/reference/estimate/fixtures/sparse_eigen.json: sparse symmetric matrices S = D^(-1/2) A D^(-1/2)
of spatial weights (rows as offsets / columns / values, columns ascending) and their eigenvalues, ascending:
symmetrised 6-nearest-neighbour links between random points (binary and inverse-distance weights), a rook
grid, a pattern of three components with an isolated pair, and random long-range links (no narrow band).
"""
import json
import numpy as np

rng = np.random.default_rng(20261205)


def knn_sym(pts, k):
    n = len(pts)
    dist = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(dist, np.inf)
    A = np.zeros((n, n))
    for i in range(n):
        for j in np.argsort(dist[i], kind="stable")[:k]:
            A[i, j] = A[j, i] = 1
    return A, dist


def normalised(A):
    d = A.sum(1)
    return A / np.sqrt(np.outer(d, d))


cases = []
pts = rng.uniform(0, 100, (300, 2))
A, _ = knn_sym(pts, 6)
cases.append(("knn6-300", normalised(A)))
pts = rng.uniform(0, 100, (200, 2))
A, dist = knn_sym(pts, 6)
cases.append(("knn6-inverse-distance-200", normalised(np.where(A > 0, 1 / np.where(A > 0, dist, 1), 0))))
m = 20  # rook grid
A = np.zeros((m * m, m * m))
for r in range(m):
    for c in range(m):
        i = r * m + c
        if c + 1 < m:
            A[i, i + 1] = A[i + 1, i] = 1
        if r + 1 < m:
            A[i, i + m] = A[i + m, i] = 1
cases.append(("rook-grid-400", normalised(A)))
blocks = []  # three components: two 6-nn clouds and one linked pair
for n in (120, 128):
    B, _ = knn_sym(rng.uniform(0, 100, (n, 2)), 6)
    blocks.append(B)
blocks.append(np.array([[0.0, 1.0], [1.0, 0.0]]))
A = np.zeros((250, 250))
o = 0
for B in blocks:
    A[o : o + len(B), o : o + len(B)] = B
    o += len(B)
perm = rng.permutation(250)
cases.append(("three-components-250", normalised(A[np.ix_(perm, perm)])))
n = 120  # long-range links: no narrow band, the dense route
A = np.zeros((n, n))
for i in range(n):
    A[i, (i + 1) % n] = A[(i + 1) % n, i] = 1
    for j in rng.choice(n, 3, replace=False):
        if j != i:
            A[i, j] = A[j, i] = 1
cases.append(("long-range-120", normalised(A)))

out = []
for name, S in cases:
    n = S.shape[0]
    offsets, columns, values = [0], [], []
    for i in range(n):
        js = np.nonzero(S[i])[0]
        columns += js.tolist()
        values += S[i, js].tolist()
        offsets.append(len(columns))
    out.append(
        {"name": name, "n": n, "offsets": offsets, "columns": columns, "values": values, "eigenvalues": np.linalg.eigvalsh(S).tolist()}
    )
with open("test/reference/estimate/fixtures/sparse_eigen.json", "w") as f:
    json.dump({"cases": out}, f)
print("wrote test/reference/estimate/fixtures/sparse_eigen.json")

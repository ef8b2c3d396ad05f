#!/usr/bin/env python3
"""All-pairs NumPy reference for bench/outranking.ts: PROMETHEE II flows
(every pair's preference, in row blocks to bound memory) and Copeland scores
(the weighted outranking e_ab of every pair), as
test/reference/measure/promethee_reference.py and copeland_reference.py
define them. Reads an n x k float64 matrix (row-major) from a binary file and
prints one JSON line: {"seconds", "phi" or "scores"}.

Usage: /usr/bin/python3 bench/outranking_numpy.py MATRIX.f64 N K METHOD [q p s]
  METHOD: usual | linear | gaussian | copeland (equal weights, every criterion "+")
"""
import json
import sys
import time

import numpy as np


def preference(fn, d, q, p, s):
    if fn == 'usual':
        v = (d > 0).astype(float)
    elif fn == 'linear':
        v = np.where(d <= q, 0.0, np.where(d >= p, 1.0, (d - q) / (p - q)))
    else:
        v = np.where(d > 0, 1 - np.exp(-d ** 2 / (2 * s ** 2)), 0.0)
    return v


def promethee(X, fn, q, p, s, block=250):
    n, k = X.shape
    w = np.full(k, 1.0 / k)
    plus = np.zeros(n)
    minus = np.zeros(n)
    for a0 in range(0, n, block):
        a1 = min(n, a0 + block)
        pi = np.zeros((a1 - a0, n))
        for j in range(k):
            d = X[a0:a1, j, None] - X[None, :, j]
            pi += w[j] * preference(fn, d, q, p, s)
        plus[a0:a1] += pi.sum(axis=1)
        minus += pi.sum(axis=0)
    return (plus - minus) / (n - 1)


def copeland(X, block=250):
    n, k = X.shape
    w = np.full(k, 1.0 / k)
    scores = np.zeros(n)
    for a0 in range(0, n, block):
        a1 = min(n, a0 + block)
        e = np.zeros((a1 - a0, n))
        for j in range(k):
            d = X[a0:a1, j, None] - X[None, :, j]
            e += w[j] * ((d > 0) + 0.5 * (d == 0))
        s = np.sign(np.round(e - 0.5, 12))
        s[np.arange(a1 - a0), np.arange(a0, a1)] = 0
        scores[a0:a1] = s.sum(axis=1)
    return scores


def main():
    n, k, method = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    X = np.fromfile(sys.argv[1], dtype=np.float64).reshape(n, k)
    q, p, s = (float(v) for v in sys.argv[5:8]) if len(sys.argv) > 7 else (0.05, 0.3, 0.2)
    t0 = time.perf_counter()
    if method == 'copeland':
        out = {'scores': copeland(X).tolist()}
    else:
        out = {'phi': promethee(X, method, q, p, s).tolist()}
    out['seconds'] = time.perf_counter() - t0
    print(json.dumps(out))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""NumPy reference for bench/sql-duckdb.ts: the same synthetic panel, made
from the same integer formula (no file exchange), and the same index build:
min-max (shift 0.0001, pooled), pooled entropy weights, three dimensions,
index score, ranks (method "min") within each year. Prints JSON: timings (ms),
peak memory (MB) and the weights, which the TypeScript side compares with
DuckDB's.
Usage: /usr/bin/python3 bench/sql_numpy.py UNITS YEARS INDICATORS"""
import json
import resource
import sys
import time

import numpy as np

U, T, K = (int(a) for a in sys.argv[1:4])
t0 = time.perf_counter()
u = np.repeat(np.arange(U, dtype=np.int64), T)
t = np.tile(np.arange(T, dtype=np.int64), U)
X = np.empty((U * T, K))
for j in range(K):
    X[:, j] = 1.0 + ((u * 7919 + t * 104729 + (j + 1) * 1299709) % 1000003).astype(float) / 1000003.0 * (1 + j % 5)
gen_ms = (time.perf_counter() - t0) * 1000

t0 = time.perf_counter()
neg = np.array([j % 7 == 3 for j in range(K)])
lo, hi = X.min(axis=0), X.max(axis=0)
Z = np.where(neg, (hi - X) / (hi - lo), (X - lo) / (hi - lo)) + 0.0001
S = Z.sum(axis=0)
P = Z / S
e = -(P * np.log(P)).sum(axis=0) / np.log(Z.shape[0])
d = 1 - e
w = d / d.sum()
groups = [range(0, 14), range(14, 27), range(27, K)]
index = np.zeros(Z.shape[0])
for g in groups:
    gw = w[list(g)]
    index += gw.sum() * (Z[:, list(g)] @ (gw / gw.sum()))
ranks = np.empty(Z.shape[0])
for y in range(T):
    m = t == y
    s = index[m]
    order = np.argsort(-s, kind='stable')
    sorted_s = s[order]
    first = np.searchsorted(-sorted_s, -sorted_s, side='left') + 1
    r = np.empty(len(s)); r[order] = first
    ranks[m] = r
build_ms = (time.perf_counter() - t0) * 1000
print(json.dumps({
    'generate_ms': gen_ms,
    'build_ms': build_ms,
    'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    'weights': w.tolist(),
}))

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
# column by column (as the engine streams it), so memory stays at X plus Z
Z = np.empty_like(X)
w = np.empty(K)
n = X.shape[0]
for j in range(K):
    x = X[:, j]
    lo, hi = x.min(), x.max()
    z = ((hi - x) if j % 7 == 3 else (x - lo)) / (hi - lo) + 0.0001
    Z[:, j] = z
    p = z / z.sum()
    w[j] = 1 + (p * np.log(p)).sum() / np.log(n)
w = w / w.sum()
groups = [range(0, 14), range(14, 27), range(27, K)]
index = np.zeros(n)
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

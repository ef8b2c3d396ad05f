"""Naive all-pairs Dagum Gini decomposition (NumPy), the reference for
bench/analysis-gini.ts. Reads float64 values and uint8 group codes from two
binary files, visits every pair of observations (O(n^2), in chunks to bound
memory) and prints one JSON line: {"total", "within", "between",
"transvariation", "seconds"}.

Usage: python3 bench/gini_numpy.py VALUES.f64 GROUPS.u8
"""
import json
import sys
import time
import numpy as np


def pair_sums(a, b, chunk=2000):
    """sum over i, r of (a_i - b_r)+ and of (b_r - a_i)+, all pairs, chunked."""
    pos = 0.0
    neg = 0.0
    for s in range(0, len(a), chunk):
        d = a[s:s + chunk, None] - b[None, :]
        pos += float(np.sum(np.maximum(d, 0.0)))
        neg += float(np.sum(np.maximum(-d, 0.0)))
    return pos, neg


def main():
    y = np.fromfile(sys.argv[1], dtype=np.float64)
    g = np.fromfile(sys.argv[2], dtype=np.uint8)
    t0 = time.perf_counter()
    n = len(y)
    mu = y.mean()
    codes = sorted(set(g.tolist()), key=lambda k: y[g == k].mean())
    Y = [y[g == k] for k in codes]
    p = [len(a) / n for a in Y]
    s = [a.sum() / y.sum() for a in Y]
    total = 0.0
    Gw = 0.0
    for j, a in enumerate(Y):
        pos, neg = pair_sums(a, a)
        total += pos + neg
        Gw += (pos + neg) / (2 * len(a) ** 2 * a.mean()) * p[j] * s[j]
    Gnb = 0.0
    Gt = 0.0
    for j in range(1, len(Y)):
        for h in range(j):
            a, b = Y[j], Y[h]
            pos, neg = pair_sums(a, b)
            total += 2 * (pos + neg)
            gjh = (pos + neg) / (len(a) * len(b) * (a.mean() + b.mean()))
            D = (pos - neg) / (pos + neg) if pos + neg > 0 else 0.0
            w = p[j] * s[h] + p[h] * s[j]
            Gnb += gjh * w * D
            Gt += gjh * w * (1 - D)
    G = total / (2 * n * n * mu)
    print(json.dumps({"total": G, "within": Gw, "between": Gnb, "transvariation": Gt, "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    main()

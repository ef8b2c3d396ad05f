#!/usr/bin/env python3
"""NumPy implementation of the steps timed in bench/measure.ts; prints timings (ms) as JSON.
Usage: /usr/bin/python3 bench/measure_numpy.py panel.csv

pipeline_same_steps: validate, min-max, entropy, dimension and index scores,
TOPSIS, index ranks per year. pipeline_full adds what xinzhi's `evaluate`
also computes: ranks of every node and of TOPSIS, correlations (corrcoef over
indicators, dimensions and index) and Cronbach's alpha, the SHA-256 data
fingerprint of the canonical serialisation documented in docs/measurement.md
(its hex is printed too, to check it against xinzhi's), and result tables as
pandas DataFrames."""
import hashlib
import json
import sys
import time

import numpy as np
import pandas as pd


def best(f, reps=3):
    t = float('inf'); v = None
    for _ in range(reps):
        t0 = time.perf_counter(); v = f(); t = min(t, time.perf_counter() - t0)
    return t * 1000, v


df = pd.read_csv(sys.argv[1], float_precision='round_trip')  # exact doubles, as xinzhi has them
names = [c for c in df.columns if c.startswith('x')]
K = len(names)
neg = np.array([j % 7 == 3 for j in range(K)])
raw = df[names].to_numpy()
year = df['year'].to_numpy()
groups = [names[:14], names[14:27], names[27:]]
out = {}


def validate():
    ok = np.isfinite(raw).all(axis=0)
    dup = df.duplicated(['unit', 'year']).any()
    const = (raw.max(axis=0) == raw.min(axis=0))
    return ok, dup, const


out['validation'], _ = best(validate)


def minmax(R):
    lo, hi = R.min(axis=0), R.max(axis=0)
    rng = np.where(hi > lo, hi - lo, 1)
    return np.where(neg, (hi - R) / rng, (R - lo) / rng) + 0.0001


def vector(R):
    norm = np.sqrt((R * R).sum(axis=0))
    return np.where(neg, 1 - R / norm, R / norm)


out['normalisation'], X = best(lambda: minmax(raw))


def entropy(X):
    n = X.shape[0]
    P = X / X.sum(axis=0)
    e = -(P * np.log(P)).sum(axis=0) / np.log(n)
    d = 1 - e
    return d / d.sum()


out['entropy_weights'], w = best(lambda: entropy(X))
idx = [[names.index(c) for c in g] for g in groups]


def hier():
    dims = [X[:, g] @ (w[g] / w[g].sum()) for g in idx]
    top = np.array([w[g].sum() for g in idx])
    return np.column_stack(dims) @ top


out['hierarchical_scores'], _ = best(hier)


def topsis(X, w):
    V = X * w
    dp = np.sqrt(((V - V.max(axis=0)) ** 2).sum(axis=1))
    dm = np.sqrt(((V - V.min(axis=0)) ** 2).sum(axis=1))
    return dm / (dp + dm)


out['topsis'], _ = best(lambda: topsis(X, w))


def rank_within(s, blocks):
    r = np.empty(len(s))
    for a, b in blocks:
        v = s[a:b]
        srt = np.sort(v)
        r[a:b] = 1 + (b - a) - np.searchsorted(srt, v, side='right')
    return r


years = np.unique(year)
starts = [np.searchsorted(year, y) for y in years] + [len(year)]
blocks = list(zip(starts[:-1], starts[1:]))


def same_steps():
    validate()
    Xp = minmax(raw)
    wp = entropy(Xp)
    dims = [Xp[:, g] @ (wp[g] / wp[g].sum()) for g in idx]
    top = np.array([wp[g].sum() for g in idx])
    s = np.column_stack(dims) @ top
    c = topsis(Xp, wp)
    return Xp, wp, dims, s, c, rank_within(s, blocks)


out['pipeline_same_steps'], _ = best(same_steps, 5)

unit = df['unit'].to_numpy()
sorted_names = sorted(names)
col_pos = [names.index(c) for c in sorted_names]


def fingerprint():
    # canonical serialisation (docs/measurement.md): header, JSON row lines sorted by unit then time,
    # then every used column (sorted) as float64 little-endian in that row order (-0 -> 0, NaN canonical)
    uniq, ucode = np.unique(unit, return_inverse=True)
    order = np.lexsort((year, ucode))
    ju = [json.dumps(u, ensure_ascii=False) for u in uniq]
    head = json.dumps(['xinzhi-panel-v1', 'unit', 'year', sorted_names, []], ensure_ascii=False, separators=(',', ':')) + '\n'
    uo, yo = ucode[order], year[order]
    lines = ''.join(['[' + ju[u] + ',' + str(int(y)) + ']\n' for u, y in zip(uo.tolist(), yo.tolist())])
    V = raw[order][:, col_pos].T + 0.0
    V[np.isnan(V)] = np.nan
    h = hashlib.sha256((head + lines).encode('utf-8'))
    h.update(np.ascontiguousarray(V, dtype='<f8').tobytes())
    return h.hexdigest()


def cronbach(C):
    k = C.shape[1]
    return k / (k - 1) * (1 - C.var(axis=0, ddof=1).sum() / C.sum(axis=1).var(ddof=1))


def full():
    Xp, wp, dims, s, c, r = same_steps()
    node_ranks = [rank_within(d, blocks) for d in dims]
    topsis_rank = rank_within(c, blocks)
    R = np.corrcoef(np.column_stack([Xp] + dims + [s]), rowvar=False)
    alpha = [cronbach(Xp[:, g]) for g in idx] + [cronbach(Xp)]
    fp = fingerprint()
    tables = {
        'scores': pd.DataFrame({'unit': unit, 'time': year, 'score': s, 'rank': r}),
        'nodeScores': pd.DataFrame({'node': np.repeat(['index', 'd1', 'd2', 'd3'], len(s)), 'unit': np.tile(unit, 4), 'time': np.tile(year, 4),
                                    'score': np.concatenate([s] + dims), 'rank': np.concatenate([r] + node_ranks)}),
        'topsis': pd.DataFrame({'unit': unit, 'time': year, 'closeness': c, 'rank': topsis_rank}),
        'normalized': pd.DataFrame(Xp, columns=names),
    }
    return R, alpha, fp, tables


out['pipeline_full'], full_value = best(full, 5)
out['fingerprint'] = full_value[2]


def uncertainty(D=1000, noise=0.25, seed=1):
    rng = np.random.default_rng(seed)
    Xn = {'minmax': minmax(raw), 'vector': vector(raw)}
    base = {'entropy': entropy(Xn['minmax']), 'equal': np.full(K, 1 / K)}
    n = raw.shape[0]
    ranks = np.empty((n, D), dtype=np.uint16)
    for d in range(D):
        M = Xn[['minmax', 'vector'][rng.integers(2)]]
        g = base[['entropy', 'equal'][rng.integers(2)]]
        local_top = np.array([g[i].sum() for i in idx])
        local_top = local_top * (1 + noise * (2 * rng.random(3) - 1)); local_top /= local_top.sum()
        wv = np.empty(K)
        for t, i in enumerate(idx):
            l = g[i] / g[i].sum() * (1 + noise * (2 * rng.random(len(i)) - 1))
            wv[i] = local_top[t] * l / l.sum()
        ranks[:, d] = rank_within(M @ wv, blocks)
    q = np.percentile(ranks, [5, 50, 95], axis=1)
    return q


out['uncertainty_1000'], _ = best(uncertainty, 1)
print(json.dumps(out))

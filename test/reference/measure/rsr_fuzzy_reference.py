#!/usr/bin/env python3
"""
Independent reference for the rank-sum ratio (RSR) and fuzzy comprehensive
evaluation (src/core/measure/scores/rsr.ts, fuzzy.ts), written from the
formulas with NumPy / SciPy:

RSR: integer ranks scipy.stats.rankdata (ties averaged; "-" ranks -x),
non-integer ranks 1 + (n - 1)(x - min)/(max - min); RSR = sum_j w_j R_ij / n;
distinct values ascending, mean rank, p = mean rank / n (last 1 - 1/(4n)),
probit 5 + norm.ppf(p); scipy.stats.linregress of RSR on probit over the
distinct values; grade = 1 + number of RSR cut-offs a + b t the fitted value reaches.

Fuzzy: memberships from centres by np.interp on one-hot grade vectors (the
triangles with shoulders); from trapezoids by the piecewise-linear formula;
B = W o R with the four operators; b' = b / sum b; score = sum b' s.

Writes test/reference/measure/fixtures/rsr_fuzzy.json.
"""
import json
import os

import numpy as np
import scipy
import scipy.stats as st

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, 'fixtures')
CUTS = {3: [4, 6], 4: [3.5, 5, 6.5], 5: [3.2, 4.4, 5.6, 6.8], 6: [3, 4, 5, 6, 7]}


def rsr(X, w, dirs, variant='integer', grades=3):
    X = np.asarray(X, float)  # n x m
    n, m = X.shape
    R = np.zeros_like(X)
    for j in range(m):
        x = X[:, j] if dirs[j] == '+' else -X[:, j]
        if np.ptp(x) == 0:
            R[:, j] = (n + 1) / 2
        elif variant == 'integer':
            R[:, j] = st.rankdata(x, method='average')
        else:
            R[:, j] = 1 + (n - 1) * (x - x.min()) / np.ptp(x)
    w = np.asarray(w, float) / np.sum(w)
    v = R @ w / n
    vals, inv, counts = np.unique(np.round(v, 12), return_inverse=True, return_counts=True)
    cum = np.cumsum(counts)
    mean_rank = cum - (counts - 1) / 2
    p = mean_rank / n
    p[-1] = 1 - 1 / (4 * n)
    probit_d = 5 + st.norm.ppf(p)
    rsr_d = np.array([v[inv == k][0] for k in range(len(vals))])
    lr = st.linregress(probit_d, rsr_d)
    probit = probit_d[inv]
    fitted = lr.intercept + lr.slope * probit
    cuts = CUTS[grades] if isinstance(grades, int) else grades
    rc = lr.intercept + lr.slope * np.asarray(cuts, float)
    grade = 1 + np.array([np.sum(f >= rc - 1e-12) for f in fitted])
    return {
        'ranks': R.T.tolist(), 'rsr': v.tolist(), 'probit': probit.tolist(), 'fitted': fitted.tolist(),
        'grade': grade.astype(float).tolist(), 'intercept': lr.intercept, 'slope': lr.slope, 'r2': lr.rvalue ** 2,
        'distribution': [{'rsr': float(rsr_d[k]), 'f': int(counts[k]), 'cumulative': int(cum[k]),
                          'meanRank': float(mean_rank[k]), 'p': float(p[k]), 'probit': float(probit_d[k])}
                         for k in range(len(vals))],
        'rsrCutoffs': rc.tolist(),
    }


def memb_centres(x, c):
    g = len(c)
    return [float(np.interp(x, c, np.eye(g)[k])) for k in range(g)]


def memb_trap(x, t):
    out = []
    for a, b, c, d in t:
        if a is not None and x < b:
            out.append(0.0 if x <= a else (x - a) / (b - a))
        elif c is not None and x > c:
            out.append(0.0 if x >= d else (d - x) / (d - c))
        else:
            out.append(1.0)
    return out


def fuzzy(Rm, w, op, scores):
    # Rm: n x m x g
    Rm = np.asarray(Rm, float)
    w = np.asarray(w, float) / np.sum(w)
    W = w[None, :, None]
    if op == 'weighted-average':
        B = (W * Rm).sum(axis=1)
    elif op == 'min-max':
        B = np.minimum(W, Rm).max(axis=1)
    elif op == 'product-max':
        B = (W * Rm).max(axis=1)
    else:
        B = np.minimum(1, np.minimum(W, Rm).sum(axis=1))
    Bn = B / B.sum(axis=1, keepdims=True)
    return {'b': B.T.tolist(), 'normalised': Bn.T.tolist(), 'grade': (np.argmax(B, axis=1) + 1).astype(float).tolist(),
            'score': (Bn @ np.asarray(scores, float)).tolist()}


def main():
    rng = np.random.default_rng(16)
    out = {'generator': f'test/reference/measure/rsr_fuzzy_reference.py (NumPy {np.__version__}, SciPy {scipy.__version__})',
           'rsr': [], 'fuzzy': []}
    X = np.round(rng.uniform(0, 100, size=(12, 4)), 1)
    X[3, 1] = X[7, 1]  # a tie
    dirs = ['+', '-', '+', '+']
    for name, w, variant, grades in [
        ('integer-equal-3', [1, 1, 1, 1], 'integer', 3),
        ('integer-weighted-4', [0.4, 0.3, 0.2, 0.1], 'integer', 4),
        ('noninteger-weighted-5', [0.4, 0.3, 0.2, 0.1], 'non-integer', 5),
        ('noninteger-custom', [0.25, 0.25, 0.25, 0.25], 'non-integer', [4.5, 5.5]),
    ]:
        out['rsr'].append({'name': name, 'cols': X.T.tolist(), 'weights': w, 'directions': dirs, 'variant': variant,
                           'grades': grades, 'expected': rsr(X, w, dirs, variant, grades)})
    # tied RSR values: two identical units and a constant column
    Y = np.array([[1, 5, 2], [2, 5, 2], [2, 5, 2], [4, 5, 1], [3, 5, 3], [5, 5, 4]], float)
    out['rsr'].append({'name': 'ties-constant', 'cols': Y.T.tolist(), 'weights': [1, 1, 1], 'directions': ['+', '+', '-'],
                       'variant': 'integer', 'grades': 3, 'expected': rsr(Y, [1, 1, 1], ['+', '+', '-'], 'integer', 3)})
    # fuzzy: memberships from centres and trapezoids on values in [0, 1]
    V = np.round(rng.uniform(0, 1, size=(8, 3)), 3)
    V[0, 0] = 0.5  # exactly at a centre
    centres = [0, 0.25, 0.5, 0.75, 1]
    traps = [[None, None, 0.2, 0.4], [0.2, 0.4, 0.4, 0.6], [0.4, 0.6, 0.7, 0.8], [0.7, 0.85, None, None]]
    for fname, f in [('centres', {'centres': centres}), ('trapezoids', {'trapezoids': traps})]:
        Rm = [[memb_centres(x, centres) if fname == 'centres' else memb_trap(x, traps) for x in row] for row in V]
        g = len(Rm[0][0])
        for op in ['weighted-average', 'min-max', 'product-max', 'min-bounded-sum']:
            scores = list(range(1, g + 1)) if op != 'product-max' else [60, 70, 80, 90, 100][:g]
            out['fuzzy'].append({'name': f'{fname}-{op}', 'values': V.T.tolist(), 'functions': f,
                                 'weights': [0.5, 0.3, 0.2], 'operator': op, 'scores': scores,
                                 'membership': np.transpose(np.asarray(Rm), (1, 2, 0)).tolist(),
                                 'expected': fuzzy(Rm, [0.5, 0.3, 0.2], op, scores)})
    os.makedirs(FIX, exist_ok=True)
    with open(os.path.join(FIX, 'rsr_fuzzy.json'), 'w') as fh:
        json.dump(out, fh)
    print('wrote rsr_fuzzy.json')


if __name__ == '__main__':
    main()

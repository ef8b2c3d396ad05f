"""NumPy reference for PROMETHEE II (Brans & Vincke 1985) with the six preference functions.

Run from the repository root with Debian's Python (python3-numpy):
    /usr/bin/python3 test/reference/measure/promethee_reference.py
Writes test/reference/measure/fixtures/promethee.json.

The flows are computed with whole-matrix NumPy operations (all pairwise
differences at once), a different route from xinzhi's (sorted columns and
running sums; a loop over pairs for the gaussian function). `large` is a
240-alternative matrix with ties, differences on the thresholds and values
near 1e6, for the sorted route.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

# Six alternatives x five criteria (synthetic, with ties and a constant column).
X = np.array([
    [80, 90, 600, 5.4, 8.0],
    [65, 58, 200, 9.7, 8.0],
    [83, 60, 400, 7.2, 8.0],
    [40, 80, 1000, 7.5, 8.0],
    [52, 72, 600, 2.0, 8.0],
    [94, 96, 700, 3.6, 8.0],
], float)
DIRECTIONS = ['-', '+', '-', '-', '+']
WEIGHTS = np.array([2.0, 1.0, 1.5, 1.0, 0.5])


def P(fn, d, q=None, p=None, s=None):
    d = np.asarray(d, float)
    pos = d > 0
    if fn == 'usual':
        v = np.ones_like(d)
    elif fn == 'u-shape':
        v = (d > q).astype(float)
    elif fn == 'v-shape':
        v = np.clip(d / p, 0, 1)
    elif fn == 'level':
        v = np.where(d <= q, 0.0, np.where(d <= p, 0.5, 1.0))
    elif fn == 'linear':
        v = np.clip((d - q) / (p - q), 0, 1)
    elif fn == 'gaussian':
        v = 1 - np.exp(-d ** 2 / (2 * s ** 2))
    return np.where(pos, v, 0.0)


def promethee(X, w, directions, criteria):
    n, k = X.shape
    w = w / w.sum()
    pi = np.zeros((n, n))
    for j in range(k):
        g = X[:, j] if directions[j] == '+' else -X[:, j]
        D = g[:, None] - g[None, :]
        c = criteria[j]
        pi += w[j] * P(c['fn'], D, c.get('q'), c.get('p'), c.get('s'))
    np.fill_diagonal(pi, 0)
    plus = pi.sum(axis=1) / (n - 1)
    minus = pi.sum(axis=0) / (n - 1)
    return plus, minus, plus - minus


CASES = {
    'usual': [{'fn': 'usual'}] * 5,
    'mixed': [{'fn': 'linear', 'q': 5, 'p': 20}, {'fn': 'v-shape', 'p': 30}, {'fn': 'level', 'q': 100, 'p': 300},
              {'fn': 'gaussian', 's': 2.0}, {'fn': 'u-shape', 'q': 0.5}],
    'ushape-level': [{'fn': 'u-shape', 'q': 10}, {'fn': 'level', 'q': 5, 'p': 25}, {'fn': 'u-shape', 'q': 150},
                     {'fn': 'level', 'q': 1, 'p': 4}, {'fn': 'usual'}],
}


def large_matrix():
    """240 alternatives x 7 criteria, made to test the sorted-flow route: a
    0.25 grid (ties, differences landing exactly on q and p), a 0.1 grid
    (differences that land next to a threshold after rounding), uniform
    values, values near 1e6 that differ in the fourth decimal (running sums
    that cancel), a constant column, small integers and log-normal values."""
    rng = np.random.default_rng(20261207)
    n = 240
    return np.column_stack([
        rng.integers(0, 21, n) * 0.25,
        rng.integers(0, 31, n) * 0.1,
        rng.random(n),
        1e6 + rng.random(n) * 1e-3,
        np.full(n, 2.5),
        rng.integers(1, 6, n).astype(float),
        np.exp(rng.normal(0, 1, n)),
    ])


LARGE_DIRECTIONS = ['+', '-', '+', '-', '+', '+', '-']
LARGE_WEIGHTS = np.array([1.0, 2.0, 0.5, 1.5, 1.0, 0.25, 3.0])
# per criterion: (q, p, s) on its own scale; q and p of the 0.25 grid are multiples of 0.25
LARGE_SCALES = [(0.25, 1.0, 0.5), (0.3, 0.7, 0.4), (0.05, 0.3, 0.2), (1e-4, 5e-4, 2e-4), (0.1, 0.2, 0.1),
                (1.0, 2.0, 1.0), (0.2, 1.5, 0.8)]


def large_cases():
    cases = {}
    for fn in ['usual', 'u-shape', 'v-shape', 'level', 'linear', 'gaussian']:
        crit = []
        for q, p, s in LARGE_SCALES:
            c = {'fn': fn}
            if fn in ('u-shape', 'level', 'linear'):
                c['q'] = q
            if fn in ('v-shape', 'level', 'linear'):
                c['p'] = p
            if fn == 'gaussian':
                c['s'] = s
            crit.append(c)
        cases[fn] = crit
    # every function once, in one run
    cases['all'] = [{'fn': 'usual'}, {'fn': 'u-shape', 'q': 0.3}, {'fn': 'v-shape', 'p': 0.3},
                    {'fn': 'level', 'q': 1e-4, 'p': 5e-4}, {'fn': 'linear', 'q': 0.1, 'p': 0.2},
                    {'fn': 'gaussian', 's': 1.0}, {'fn': 'linear', 'q': 0.0, 'p': 1.5}]
    return cases


def main():
    out = {'generator': 'test/reference/measure/promethee_reference.py', 'numpy': np.__version__,
           'matrix': X.tolist(), 'directions': DIRECTIONS, 'weights': WEIGHTS.tolist(), 'cases': {}}
    for name, crit in CASES.items():
        plus, minus, net = promethee(X, WEIGHTS, DIRECTIONS, crit)
        out['cases'][name] = {'criteria': crit, 'phiPlus': plus.tolist(), 'phiMinus': minus.tolist(), 'phi': net.tolist()}
    L = large_matrix()
    out['large'] = {'matrix': L.tolist(), 'directions': LARGE_DIRECTIONS, 'weights': LARGE_WEIGHTS.tolist(),
                    'cases': {}}
    for name, crit in large_cases().items():
        plus, minus, net = promethee(L, LARGE_WEIGHTS, LARGE_DIRECTIONS, crit)
        out['large']['cases'][name] = {'criteria': crit, 'phiPlus': plus.tolist(), 'phiMinus': minus.tolist(),
                                       'phi': net.tolist()}
    path = os.path.join(HERE, 'fixtures', 'promethee.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', path)


if __name__ == '__main__':
    main()

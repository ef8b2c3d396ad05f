"""NumPy reference for Copeland scores from the weighted outranking matrix (COINr outrankMatrix / a_copeland).

Run from the repository root with Debian's Python (python3-numpy):
    /usr/bin/python3 test/reference/measure/copeland_reference.py
Writes test/reference/measure/fixtures/copeland.json. The outranking matrix is
built with broadcasting over all pairs at once (not a loop over pairs).
`large` (300 units with many ties) gives the scores, the dominant pairs and
the row sums of e.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

# Seven units x four indicators on a 0-1 scale (larger is better), with ties.
X = np.array([
    [0.20, 0.90, 0.50, 0.40],
    [0.80, 0.10, 0.50, 0.70],
    [0.55, 0.55, 0.30, 0.90],
    [0.20, 0.90, 0.50, 0.40],
    [1.00, 1.00, 0.80, 0.95],
    [0.05, 0.30, 0.10, 0.20],
    [0.60, 0.40, 0.65, 0.10],
])
CASES = {'equal': np.ones(4), 'unequal': np.array([3.0, 1.0, 2.0, 2.0]), 'one-heavy': np.array([5.0, 1.0, 1.0, 1.0])}


def outrank(X, w):
    w = w / w.sum()
    gt = (X[:, None, :] > X[None, :, :]).astype(float)
    eq = (X[:, None, :] == X[None, :, :]).astype(float)
    e = (gt * w).sum(axis=2) + (eq * w).sum(axis=2) / 2
    np.fill_diagonal(e, 0)
    return e


def large_matrix():
    """300 units x 6 indicators on grids (many ties); weights summing to 16, so
    every e_ab is exact in binary and e_ab = 1/2 is a true tie."""
    rng = np.random.default_rng(20261207)
    n = 300
    return np.column_stack([rng.integers(0, 5, n) * 0.25, rng.integers(0, 11, n) * 0.1, rng.integers(0, 3, n) * 1.0,
                            rng.random(n), rng.integers(0, 7, n) * 0.5, np.full(n, 0.5)])


LARGE_WEIGHTS = np.array([4.0, 2.0, 1.0, 1.0, 3.0, 5.0])


def main():
    out = {'generator': 'test/reference/measure/copeland_reference.py', 'numpy': np.__version__, 'matrix': X.tolist(), 'cases': {}}
    for name, w in CASES.items():
        e = outrank(X, w)
        s = np.sign(np.round(e - 0.5, 12))
        np.fill_diagonal(s, 0)
        n = X.shape[0]
        ndom = int((np.round(e, 12) == 1).sum())
        out['cases'][name] = {'weights': w.tolist(), 'outranking': e.tolist(), 'scores': s.sum(axis=1).tolist(),
                              'nDominant': ndom, 'fracDominant': ndom / ((n * n - n) / 2)}
    L = large_matrix()
    e = outrank(L, LARGE_WEIGHTS)
    s = np.sign(e - 0.5)
    np.fill_diagonal(s, 0)
    n = L.shape[0]
    ndom = int((e == 1).sum())
    out['large'] = {'matrix': L.tolist(), 'weights': LARGE_WEIGHTS.tolist(), 'scores': s.sum(axis=1).tolist(),
                    'rowSums': e.sum(axis=1).tolist(), 'nDominant': ndom, 'fracDominant': ndom / ((n * n - n) / 2)}
    path = os.path.join(HERE, 'fixtures', 'copeland.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', path)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""
Independent reference for Markov sojourn and mean first passage times
(src/core/analysis/markov.ts: sojournTimes, firstPassageTimes).

Sojourn 1 / (1 - p_ii). First passage times by a different route than the
fundamental matrix used in the TypeScript code: for each target j, solve the
linear system m_ij = 1 + sum_{k != j} p_ik m_kj (i != j) with NumPy, and the
mean recurrence time m_jj = 1 + sum_{k != j} p_jk m_kj.

Writes test/reference/analysis/fixtures/markov_times.json.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def mfpt(P):
    P = np.asarray(P, float)
    k = len(P)
    M = np.zeros((k, k))
    for j in range(k):
        others = [i for i in range(k) if i != j]
        Q = P[np.ix_(others, others)]
        m = np.linalg.solve(np.eye(k - 1) - Q, np.ones(k - 1))
        M[others, j] = m
        M[j, j] = 1 + P[j, others] @ m
    return M


def main():
    rng = np.random.default_rng(16)
    cases = []
    for k in (3, 4, 5):
        A = rng.uniform(0.05, 1, size=(k, k))
        P = A / A.sum(axis=1, keepdims=True)
        cases.append({'name': f'random-{k}', 'P': P.tolist()})
    # a sparse but irreducible chain (a cycle with self-loops), as quantile classes often give
    P = np.array([[0.8, 0.2, 0, 0], [0.1, 0.7, 0.2, 0], [0, 0.1, 0.8, 0.1], [0.05, 0, 0.15, 0.8]])
    cases.append({'name': 'sparse-4', 'P': P.tolist()})
    for c in cases:
        P = np.asarray(c['P'])
        c['sojourn'] = (1 / (1 - np.diag(P))).tolist()
        c['firstPassage'] = mfpt(P).tolist()
    with open(os.path.join(HERE, 'fixtures', 'markov_times.json'), 'w') as fh:
        json.dump({'generator': f'test/reference/analysis/markov_times_reference.py (NumPy {np.__version__})', 'cases': cases}, fh)
    print('wrote markov_times.json')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""
Grey relational analysis with an explicit reference (src/core/analysis/grey-relational.ts
and the `reference` option of src/core/measure/scores/gra.ts), from the
formulas with NumPy: dimensionless series (mean / initial / minmax / none),
Delta = |x0 - xj|, two-level min / max, xi = (dmin + rho dmax) / (Delta + rho dmax),
grade = mean over observations (series) or weighted sum over columns (rows
against a given reference row).

Writes test/reference/analysis/fixtures/gra_reference.json.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def dimless(x, how):
    x = np.asarray(x, float)
    if how == 'mean':
        return x / x.mean()
    if how == 'initial':
        return x / x[0]
    if how == 'minmax':
        return (x - x.min()) / (x.max() - x.min())
    return x


def xi(delta, rho):
    dmin, dmax = delta.min(), delta.max()
    return np.ones_like(delta) if dmax == 0 else (dmin + rho * dmax) / (delta + rho * dmax)


def main():
    rng = np.random.default_rng(16)
    N = 10
    ref = np.round(np.linspace(1, 3, N) + rng.normal(0, 0.1, N), 4)
    series = {f's{j}': np.round(ref * (1 + 0.1 * j) + rng.normal(0, 0.2 * (j + 1), N) + 0.5 * j, 4) for j in range(4)}
    out = {'source': 'test/reference/analysis/gra_reference.py (NumPy %s)' % np.__version__,
           'reference': ref.tolist(), 'series': {k: v.tolist() for k, v in series.items()}, 'series_cases': [], 'row_cases': []}
    for how in ('mean', 'initial', 'minmax', 'none'):
        for rho in (0.5, 0.3):
            x0 = dimless(ref, how)
            X = np.array([dimless(v, how) for v in series.values()])
            C = xi(np.abs(X - x0[None, :]), rho)
            out['series_cases'].append({'normalize': how, 'rho': rho, 'grades': C.mean(axis=1).tolist(), 'coefficients': C.tolist()})
    # rows against a given reference row (the evaluate option)
    Z = rng.uniform(0, 1, size=(7, 3))
    w = np.array([0.5, 0.3, 0.2])
    target = np.array([0.9, 0.8, 1.0])
    C = xi(np.abs(Z - target[None, :]), 0.5)
    out['row_cases'].append({'cols': Z.T.tolist(), 'weights': w.tolist(), 'reference': target.tolist(), 'rho': 0.5,
                             'grade': (C @ w).tolist(), 'coefficients': C.T.tolist()})
    with open(os.path.join(HERE, 'fixtures', 'gra_reference.json'), 'w') as fh:
        json.dump(out, fh)
    print('wrote gra_reference.json')


if __name__ == '__main__':
    main()

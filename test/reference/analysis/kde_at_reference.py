#!/usr/bin/env python3
"""
Density at user-given points (src/core/analysis/kde.ts, option `at`), per time:
Gaussian kernel by SciPy's gaussian_kde with its bandwidth factor set so that
h is R's bw.nrd0 (0.9 min(sd, IQR/1.34) n^(-1/5), sd with n - 1, type-7
quantiles, computed here with NumPy); Epanechnikov by the formula
3/4 (1 - (t/a)^2) / a, a = h sqrt(5), summed with NumPy.

Writes test/reference/analysis/fixtures/kde_at.json.
"""
import json
import os

import numpy as np
import scipy
from scipy.stats import gaussian_kde

HERE = os.path.dirname(os.path.abspath(__file__))


def nrd0(x):
    s = np.std(x, ddof=1)
    q75, q25 = np.quantile(x, [0.75, 0.25])
    lo = min(s, (q75 - q25) / 1.34)
    return 0.9 * lo * len(x) ** -0.2


def main():
    rng = np.random.default_rng(16)
    times = [2020] * 30 + [2021] * 25
    values = np.concatenate([rng.normal(0.3, 0.1, 30), np.concatenate([rng.normal(0.2, 0.05, 12), rng.normal(0.6, 0.08, 13)])])
    values = np.round(values, 4)
    at = [0.0, 0.1, 0.2, 0.35, 0.5, 0.8]
    cases = []
    for kernel in ('gaussian', 'epanechnikov'):
        out = []
        for t in (2020, 2021):
            x = values[np.asarray(times) == t]
            h = nrd0(x)
            if kernel == 'gaussian':
                k = gaussian_kde(x, bw_method=h / np.std(x, ddof=1))
                out.append(k(np.asarray(at)).tolist())
            else:
                a = h * np.sqrt(5)
                r = np.abs(np.asarray(at)[:, None] - x[None, :]) / a
                out.append((np.where(r < 1, 0.75 * (1 - r * r) / a, 0).sum(axis=1) / len(x)).tolist())
        cases.append({'kernel': kernel, 'expected': out})
    with open(os.path.join(HERE, 'fixtures', 'kde_at.json'), 'w') as fh:
        json.dump({'source': f'test/reference/analysis/kde_at_reference.py (NumPy {np.__version__}, SciPy {scipy.__version__})',
                   'values': values.tolist(), 'times': times, 'at': at, 'cases': cases}, fh)
    print('wrote kde_at.json')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""
iid (classical) standard errors of the beta-convergence regression
(src/core/analysis/convergence.ts, smallSample "iid"): statsmodels OLS,
nonrobust covariance, on g = ln(y_{t+1} / y_t) against ln y_t — pooled with a
constant, and two-way fixed effects as OLS on unit and time dummies (LSDV,
s^2 with N - K_all). Data: a synthetic 8-unit, 6-period positive panel with
one missing cell (unbalanced), written into the fixture.

Writes test/reference/analysis/fixtures/convergence_iid.json.
"""
import json
import os

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(16)
    units = [f'u{i}' for i in range(8)]
    times = list(range(2016, 2022))
    y = np.exp(rng.normal(0, 0.5, size=(len(times), len(units))).cumsum(axis=0) * 0.3 + rng.normal(1, 0.4, len(units)))
    y = np.round(y, 6)
    y[3, 5] = np.nan
    rows = []
    for t in range(len(times) - 1):
        for i, u in enumerate(units):
            if np.isnan(y[t, i]) or np.isnan(y[t + 1, i]):
                continue
            rows.append({'unit': u, 'time': times[t], 'g': np.log(y[t + 1, i] / y[t, i]), 'lny': np.log(y[t, i])})
    df = pd.DataFrame(rows)
    out = {'source': f'test/reference/analysis/convergence_iid_reference.py (statsmodels {statsmodels.__version__})',
           'units': units, 'times': times, 'y': [[None if np.isnan(v) else float(v) for v in row] for row in y]}
    pooled = sm.OLS(df['g'], sm.add_constant(df[['lny']])).fit()
    out['pooled'] = {'estimate': [pooled.params['const'], pooled.params['lny']],
                     'se': [pooled.bse['const'], pooled.bse['lny']],
                     'p': [pooled.pvalues['const'], pooled.pvalues['lny']], 'df': pooled.df_resid, 'n': int(pooled.nobs)}
    X = pd.get_dummies(df[['unit', 'time']].astype(str), drop_first=True, dtype=float)
    X.insert(0, 'lny', df['lny'])
    fe = sm.OLS(df['g'], sm.add_constant(X)).fit()
    out['twoways'] = {'estimate': [fe.params['lny']], 'se': [fe.bse['lny']], 'p': [fe.pvalues['lny']],
                      'df': fe.df_resid, 'n': int(fe.nobs)}
    with open(os.path.join(HERE, 'fixtures', 'convergence_iid.json'), 'w') as fh:
        json.dump(out, fh)
    print('wrote convergence_iid.json')


if __name__ == '__main__':
    main()

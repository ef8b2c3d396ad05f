#!/usr/bin/env python3
"""
Independent reference for the ranking robustness check (src/core/measure/robustness.ts)
on the default provincial index: NumPy / pandas, written from the formulas.

Run from the repository root with Debian's python3 (numpy, pandas):
    /usr/bin/python3 test/reference/measure/robustness_reference.py
Writes test/reference/measure/fixtures/robustness_default.json.

Steps (the default spec data/specs/nqpf-province.json):
- data/province-intensity/province_intensity_2013_2022.csv, the spec's indicator columns;
- missing "interpolate": linear in time within each province, interior gaps only
  (pandas interpolate(method='index', limit_area='inside')); every gap of this panel is interior;
- min-max over all province-years (pooled), '+' (x - min)/(max - min), '-' (max - x)/(max - min),
  then + 0.0001;
- weights over all indicators (scope "leaves", pooled):
  entropy  p = z / sum z, e = -sum p ln p / ln n, w = (1 - e) / sum (1 - e);
  CRITIC   w ∝ sd_j (ddof 1) * sum_k (1 - r_jk)  (signed Pearson r, Diakoulaki et al. 1995);
  equal    w = 1 / k;
- score = sum_j w_j z_j (arithmetic); rank within each year, 1 = highest, ties "min".
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
SPEC = os.path.join(ROOT, 'data', 'specs', 'nqpf-province.json')
DATA = os.path.join(ROOT, 'data', 'province-intensity', 'province_intensity_2013_2022.csv')
OUT = os.path.join(os.path.dirname(__file__), 'fixtures', 'robustness_default.json')

with open(SPEC, encoding='utf-8') as f:
    spec = json.load(f)
df = pd.read_csv(DATA).sort_values(['Province', 'Year']).reset_index(drop=True)
ids = [i['id'] for i in spec['indicators']]
cols = [i['column'] for i in spec['indicators']]
dirs = [i['direction'] for i in spec['indicators']]

X = df[cols].copy()
for c in cols:
    X[c] = df.groupby('Province', group_keys=False).apply(
        lambda g: g.set_index('Year')[c].interpolate(method='index', limit_area='inside').set_axis(g.index))
assert not X.isna().any().any()

Z = np.empty(X.shape)
for j, (c, d) in enumerate(zip(cols, dirs)):
    x = X[c].to_numpy(float)
    lo, hi = x.min(), x.max()
    Z[:, j] = ((x - lo) if d == '+' else (hi - x)) / (hi - lo) + 0.0001
n, k = Z.shape

P = Z / Z.sum(axis=0)
e = -(P * np.log(P)).sum(axis=0) / np.log(n)
w_entropy = (1 - e) / (1 - e).sum()
sd = Z.std(axis=0, ddof=1)
R = np.corrcoef(Z, rowvar=False)
C = sd * (1 - R).sum(axis=0)
w_critic = C / C.sum()
w_equal = np.full(k, 1 / k)

out = {'spec': 'data/specs/nqpf-province.json', 'data': 'data/province-intensity/province_intensity_2013_2022.csv',
       'methods': {}}
for name, w in [('entropy', w_entropy), ('critic', w_critic), ('equal', w_equal)]:
    s = Z @ w
    d = pd.DataFrame({'unit': df['Province'], 'time': df['Year'], 'score': s})
    d['rank'] = d.groupby('time')['score'].rank(ascending=False, method='min').astype(int)
    out['methods'][name] = {
        'weights': dict(zip(ids, w.tolist())),
        'rows': d.to_dict(orient='records'),
    }
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w', encoding='utf-8') as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
print('wrote', OUT)

#!/usr/bin/env python3
"""
Independent reference for the tool presets (src/core/measure/presets.ts):
each tool's procedure written out step by step as the tool documents or
codes it (NumPy / pandas), not from xinzhi's TypeScript.

Data: the default province panel (30 provinces x 2013-2022), the default
spec's indicators without O1 (missing in 2017), so the panel is balanced and
complete; pooled over all 300 unit-years.

- spssau (help pages entropy.html): range normalisation with direction
  (x - min)/(max - min), (max - x)/(max - min); "non-negative shift": a column
  with a value <= 0 gets |min| + 0.01 added; p = x / sum x; e = -1/ln(m) sum p ln p;
  w = (1 - e) / sum (1 - e); composite = sum w * (unshifted normalised value).
- coinr (Normalise n_minx l_u = c(0, 100); equal weights per level;
  Aggregate a_amean): every indicator to [0, 100], each node the mean of its
  children, bottom-up.
- pymcdm (methods/topsis.py, helpers.rankdata): TOPSIS on the raw matrix with
  minmax_normalization by criterion type (profit (x - min)/(max - min), cost
  (max - x)/(max - min)), v = w r, PIS = column max, NIS = column min,
  P = Dm / (Dm + Dp); weights are the textbook entropy weights of the min-max
  data without shift (0 ln 0 = 0); ties get the average rank.
- mathmodels (R/entropy_weight.R, R/preprocess.R, R/topsis.R): rescale(x, a =
  0.002, b = 0.996) = (b - a)(x - min)/(max - min) + a (reversed for "-");
  p = x / sum x; e = sum p log p * (-1/log n); w = d / sum d; s = 100 * X w;
  topsis(): B = x / ||x|| (L2, raw), C = B w, ideals max/min by direction,
  S0 / (S0 + S*).
- comparisons: for pairs of presets, max and mean |score_B - score_A|, the count
  of unit-years whose rank differs, the largest rank shift, and the mean over
  years of scipy.stats.spearmanr of the two score vectors within the year.
- stata-entropy (the reposted panel script): standard = min-max with
  direction, no shift; w1 = standard / total(standard); w = w1 + 1e-10;
  e1 = total(w log w); m = count(year) by id; d = 1 + e1 / log(m);
  w2 = d / sum d; score = sum standard * w2.
Ranks within each year, descending; ties "min" unless stated.

Run: /usr/bin/python3 test/reference/measure/presets_reference.py
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', '..')
OUT = os.path.join(os.path.dirname(__file__), 'fixtures', 'presets.json')

spec = json.load(open(os.path.join(ROOT, 'data', 'specs', 'nqpf-province.json')))
spec['indicators'] = [i for i in spec['indicators'] if i['id'] != 'O1']
spec['missing'] = {'method': 'error'}
for k in ('normalize', 'weights', 'aggregate', 'score'):
    spec.pop(k, None)
data = pd.read_csv(os.path.join(ROOT, 'data', 'province-intensity', 'province_intensity_2013_2022.csv'))
data = data.sort_values(['Province', 'Year']).reset_index(drop=True)
ids = [i['id'] for i in spec['indicators']]
X = np.column_stack([data[i['column']].to_numpy(float) for i in spec['indicators']])
neg = np.array([i['direction'] == '-' for i in spec['indicators']])
n, k = X.shape
T = data['Year'].nunique()
lo, hi = X.min(axis=0), X.max(axis=0)


def minmax(a=0.0, b=1.0):
    r = np.where(neg, (hi - X) / (hi - lo), (X - lo) / (hi - lo))
    return (b - a) * r + a


def entropy_w(Y, eps=0.0, lnk=None):
    P = Y / Y.sum(axis=0)
    P = P + eps
    with np.errstate(divide='ignore', invalid='ignore'):
        t = np.where(P > 0, P * np.log(P), 0.0)
    e = -t.sum(axis=0) / (np.log(n) if lnk is None else lnk)
    d = 1 - e
    return d / d.sum()


def ranks(score, method):
    s = pd.Series(score)
    return s.groupby(data['Year']).rank(ascending=False, method=method).to_numpy()


def pack(w, score, rank, extra=None):
    rows = [
        {'unit': data['Province'][r], 'time': int(data['Year'][r]), 'score': float(score[r]), 'rank': float(rank[r])}
        for r in range(n)
    ]
    out = {'weights': dict(zip(ids, map(float, w))), 'scores': rows}
    if extra:
        out.update(extra)
    return out


cases = {}

# spssau
Y = minmax()
Ys = np.where(Y.min(axis=0) <= 0, Y + np.abs(Y.min(axis=0)) + 0.01, Y)
w = entropy_w(Ys)
s = Y @ w
cases['spssau'] = pack(w, s, ranks(s, 'min'))

# mathmodels
Y = minmax(0.002, 0.996)
w = entropy_w(Y)
s = 100 * (Y @ w)
B = X / np.sqrt((X**2).sum(axis=0))
C = B * w
cstar = np.where(neg, C.min(axis=0), C.max(axis=0))
c0 = np.where(neg, C.max(axis=0), C.min(axis=0))
Sstar = np.sqrt(((C - cstar) ** 2).sum(axis=1))
S0 = np.sqrt(((C - c0) ** 2).sum(axis=1))
closeness = S0 / (S0 + Sstar)
cases['mathmodels'] = pack(w, s, ranks(s, 'min'), {'topsis': [float(v) for v in closeness]})

# stata-entropy
Y = minmax()
w = entropy_w(Y, eps=1e-10, lnk=np.log(T))
s = Y @ w
cases['stata-entropy'] = pack(w, s, ranks(s, 'min'))

# pymcdm
Y = minmax()
w = entropy_w(Y)
s = Y @ w
R = Y  # minmax_normalization by type on the raw matrix = the min-max data
V = R * w
Dp = np.sqrt(((V - V.max(axis=0)) ** 2).sum(axis=1))
Dm = np.sqrt(((V - V.min(axis=0)) ** 2).sum(axis=1))
P = Dm / (Dm + Dp)
cases['pymcdm'] = pack(
    w, s, ranks(s, 'average'), {'topsis': [float(v) for v in P], 'topsisRank': [float(v) for v in ranks(P, 'average')]}
)

# coinr: equal weights per level, arithmetic means bottom-up on [0, 100]
Y = minmax(0, 100)
parent = {i['id']: i['parent'] for i in spec['indicators']}
parent.update({nd['id']: nd['parent'] for nd in spec['nodes']})
children = {}
for c, p in parent.items():
    children.setdefault(p, []).append(c)
col = {i: Y[:, j] for j, i in enumerate(ids)}


def node_score(node):
    if node in col:
        return col[node]
    return np.mean([node_score(c) for c in children[node]], axis=0)


def global_w(node, share):
    if node in col:
        return {node: share}
    out = {}
    for c in children[node]:
        out.update(global_w(c, share / len(children[node])))
    return out


s = node_score(None)
gw = global_w(None, 1.0)
cases['coinr'] = pack([gw[i] for i in ids], s, ranks(s, 'min'))

# comparisons of two presets: score and rank differences, Spearman within each year (scipy)
from scipy.stats import spearmanr  # noqa: E402

comparisons = {}
for a, b in [('spssau', 'mathmodels'), ('spssau', 'stata-entropy'), ('coinr', 'pymcdm')]:
    sa = pd.DataFrame(cases[a]['scores'])
    sb = pd.DataFrame(cases[b]['scores'])
    m = sa.merge(sb, on=['unit', 'time'], suffixes=('_a', '_b'))
    d = (m['score_b'] - m['score_a']).abs()
    rho = [spearmanr(g['score_a'], g['score_b']).statistic for _, g in m.groupby('time')]
    comparisons[f'{a}|{b}'] = {
        'maxAbs': float(d.max()),
        'meanAbs': float(d.mean()),
        'rankChanges': int((m['rank_a'] != m['rank_b']).sum()),
        'maxRankShift': float((m['rank_a'] - m['rank_b']).abs().max()),
        'spearman': float(np.mean(rho)),
        'weightsDiff': {i: cases[b]['weights'][i] - cases[a]['weights'][i] for i in ids},
    }

json.dump(
    {
        'comparisons': comparisons,
        'spec': spec,
        'data': 'data/province-intensity/province_intensity_2013_2022.csv',
        'periods': int(T),
        'cases': cases,
    },
    open(OUT, 'w'),
    ensure_ascii=False,
    indent=1,
)
print('wrote', OUT)

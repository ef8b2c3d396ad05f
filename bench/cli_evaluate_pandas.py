#!/usr/bin/env python3
"""pandas/NumPy reference for bench/cli-evaluate.ts, as a whole process: read
the CSV, min-max (shift 0.0001, pooled; indicator j is a cost when j % 7 == 3),
pooled entropy weights, three dimension scores and the index, ranks (min) per
year, and write the weights and scores as JSON (and, with a third argument,
scores.csv too).
With --long, the CSV is long (unit, year, indicator, value), pivoted to wide
first (pandas.pivot, rows in first-seen order as xinzhi reads long data).
Usage: /usr/bin/python3 bench/cli_evaluate_pandas.py [--long] panel.csv out.json [out.csv]"""
import json
import sys

import numpy as np
import pandas as pd

args = [a for a in sys.argv[1:] if a != '--long']
if '--long' in sys.argv:
    long = pd.read_csv(args[0], float_precision='round_trip')
    order = list(dict.fromkeys(long['indicator']))
    df = long.pivot(index=['unit', 'year'], columns='indicator', values='value')[order]
    first = long[['unit', 'year']].drop_duplicates()
    df = df.loc[list(zip(first['unit'], first['year']))].reset_index()
else:
    df = pd.read_csv(args[0], float_precision='round_trip')
sys.argv[1:] = args
names = [c for c in df.columns if c.startswith('x')]
K = len(names)
X = df[names].to_numpy()
lo, hi = X.min(axis=0), X.max(axis=0)
neg = np.array([j % 7 == 3 for j in range(K)])
Z = np.where(neg, (hi - X) / (hi - lo), (X - lo) / (hi - lo)) + 0.0001
P = Z / Z.sum(axis=0)
e = -(P * np.log(P)).sum(axis=0) / np.log(len(df))
w = (1 - e) / (1 - e).sum()
groups = {'d1': names[:14], 'd2': names[14:27], 'd3': names[27:]}
out = pd.DataFrame({'unit': df['unit'], 'year': df['year']})
index = np.zeros(len(df))
for d, cols in groups.items():
    idx = [names.index(c) for c in cols]
    gw = w[idx]
    out[d] = Z[:, idx] @ (gw / gw.sum())
    index += gw.sum() * out[d].to_numpy()
out['index'] = index
out['rank'] = out.groupby('year')['index'].rank(method='min', ascending=False)
with open(sys.argv[2], 'w') as f:
    json.dump({'weights': dict(zip(names, w.tolist())), 'scores': out.to_dict(orient='records')}, f)
if len(sys.argv) > 3:
    out.to_csv(sys.argv[3], index=False)

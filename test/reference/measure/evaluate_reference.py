#!/usr/bin/env python3
"""
Independent reference implementation of the xinzhi evaluation pipeline
(NumPy / pandas, written from the formulas, not from the TypeScript code).

Writes test/reference/measure/fixtures/evaluate_*.json, each holding the
spec, the data (the default province CSV, or inline rows) and the expected
weights, composite scores, node scores, ranks and (where asked) TOPSIS, grey
relational and VIKOR scores.

Formulas (see docs/measurement.md):
- denomination: x / d * scale; rows with a missing used cell dropped (missing "drop");
- min-max with direction, + shift; a constant column -> 1 (no shift);
- entropy: p = x / sum x, e = -sum p ln p / ln n (0 ln 0 = 0; constant column e = 1),
  d = 1 - e, w = d / sum d (all d = 0 -> equal);
- CRITIC: sigma (ddof 1) * sum_k (1 - r_jk) over non-constant k; constant column C = 0;
- equal: 1/k;
- scope leaves: indicator weights over all indicators; node weight = sum;
  local = child sum / parent sum; scope children: bottom-up, each node weighs its
  children's columns (indicators or child scores);
- arithmetic: sum w x; geometric: prod x^w;
- ranks within time, descending, ties "min" (pandas method="min");
- TOPSIS on the normalised matrix, all directions "+", v = w r, A+ = max, A- = min,
  C = D- / (D+ + D-), 0.5 if both 0;
- GRA: x0 = column max, delta = |x0 - x|, two-level min/max over all cells, rho 0.5,
  grade = sum w xi; delta max 0 -> xi = 1;
- VIKOR: f* = max, f- = min, S = sum w (f*-f)/(f*-f-), R = max, Q with v 0.5,
  constant column contributes 0, a zero range term of Q is 0; rank ascending.
Run: /usr/bin/python3 test/reference/measure/evaluate_reference.py
"""
import copy
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
FIX = os.path.join(HERE, 'fixtures')
DEFAULT_CSV = os.path.join(ROOT, 'data', 'province-panel', 'nqpf_province_2013_2022.csv')
DEFAULT_SPEC = os.path.join(ROOT, 'data', 'specs', 'nqpf-province.json')


def minmax(x, direction, shift):
    lo, hi = x.min(), x.max()
    if hi == lo:
        return np.ones_like(x)
    return ((hi - x) if direction == '-' else (x - lo)) / (hi - lo) + shift


def entropy_w(X):
    n, k = X.shape
    d = np.zeros(k)
    for j in range(k):
        x = X[:, j]
        if n < 2 or np.all(x == x[0]):
            e = 1.0
        else:
            p = x / x.sum()
            nz = p[p > 0]
            e = -(nz * np.log(nz)).sum() / np.log(n)
        d[j] = 1 - e
    return d / d.sum() if d.sum() > 0 else np.full(k, 1 / k)


def critic_w(X):
    n, k = X.shape
    const = np.array([n < 2 or np.all(X[:, j] == X[:, j][0]) for j in range(k)])
    sd = np.where(const, 0.0, X.std(axis=0, ddof=1) if n > 1 else 0.0)
    C = np.zeros(k)
    idx = np.where(~const)[0]
    if len(idx) > 0:
        R = np.corrcoef(X[:, idx], rowvar=False) if len(idx) > 1 else np.ones((1, 1))
        R = np.atleast_2d(R)
        for a, j in enumerate(idx):
            C[j] = sd[j] * (1 - R[a]).sum()
    return C / C.sum() if C.sum() > 0 else np.full(k, 1 / k)


def weigh(method, X):
    if method == 'entropy':
        return entropy_w(X)
    if method == 'critic':
        return critic_w(X)
    if method == 'equal':
        return np.full(X.shape[1], 1 / X.shape[1])
    raise ValueError(method)


def agg(cols, w, method):
    cols = np.column_stack(cols)
    if method == 'arithmetic':
        return cols @ w
    return np.exp(np.log(cols) @ w)


class Tree:
    def __init__(self, spec):
        self.ind = [i['id'] for i in spec['indicators']]
        self.parent = {}
        self.children = {'index': []}
        for nd in spec.get('nodes', []):
            self.children[nd['id']] = []
        for nd in spec.get('nodes', []):
            p = nd.get('parent') or 'index'
            self.parent[nd['id']] = p
            self.children[p].append(nd['id'])
        for i in spec['indicators']:
            p = i.get('parent') or 'index'
            self.parent[i['id']] = p
            self.children[p].append(i['id'])
        order = []

        def visit(x, d):
            if x in self.children:
                order.append((d, x))
                for c in self.children[x]:
                    visit(c, d + 1)
        visit('index', 0)
        self.top_down = [x for _, x in order]
        self.bottom_up = [x for _, x in sorted(order, key=lambda t: -t[0])]

    def leaves(self, x):
        if x not in self.children:
            return [x]
        return [l for c in self.children[x] for l in self.leaves(c)]


def local_weights(tree, spec, Xdf, method, aggm):
    """Local weights {node: array over children} for one sample (DataFrame of normalised indicators)."""
    scope = spec['weights'].get('scope', 'leaves')
    local = {}
    if scope == 'leaves':
        g = dict(zip(tree.ind, weigh(method, Xdf[tree.ind].to_numpy())))
        for node in tree.top_down:
            sums = np.array([sum(g[l] for l in tree.leaves(c)) for c in tree.children[node]])
            local[node] = sums / sums.sum() if sums.sum() > 0 else np.full(len(sums), 1 / len(sums))
        return local
    scores = {i: Xdf[i].to_numpy() for i in tree.ind}
    for node in tree.bottom_up:
        kids = tree.children[node]
        cols = np.column_stack([scores[c] for c in kids])
        w = weigh(method, cols)
        local[node] = w
        scores[node] = agg([scores[c] for c in kids], w, aggm)
    return local


def global_of(tree, local):
    out = {}

    def walk(x, w):
        out[x] = w
        if x in tree.children:
            for c, lw in zip(tree.children[x], local[x]):
                walk(c, w * lw)
    walk('index', 1.0)
    return out


def topsis_none(X, w):
    V = X * w
    ap, am = V.max(axis=0), V.min(axis=0)
    dp = np.sqrt(((V - ap) ** 2).sum(axis=1))
    dm = np.sqrt(((V - am) ** 2).sum(axis=1))
    s = dp + dm
    C = np.where(s == 0, 0.5, dm / np.where(s == 0, 1, s))
    return dp, dm, C


def gra(X, w, rho=0.5):
    delta = np.abs(X.max(axis=0) - X)
    dmin, dmax = delta.min(), delta.max()
    xi = np.ones_like(X) if dmax == 0 else (dmin + rho * dmax) / (delta + rho * dmax)
    return xi @ w


def vikor(X, w, v=0.5):
    fs, fm = X.max(axis=0), X.min(axis=0)
    rng = fs - fm
    T = np.where(rng == 0, 0.0, w * (fs - X) / np.where(rng == 0, 1, rng))
    S, R = T.sum(axis=1), T.max(axis=1)
    def part(a):
        lo, hi = a.min(), a.max()
        return np.zeros_like(a) if hi == lo else (a - lo) / (hi - lo)
    Q = v * part(S) + (1 - v) * part(R)
    return S, R, Q


def evaluate(df, spec):
    spec = copy.deepcopy(spec)
    unit, time = spec['unit'], spec['time']
    tree = Tree(spec)
    data = pd.DataFrame({unit: df[unit], time: df[time]})
    for i in spec['indicators']:
        x = df[i['column']].astype(float)
        if i.get('denominator'):
            x = x / df[i['denominator']].astype(float)
        if 'scale' in i:
            x = x * i['scale']
        data[i['id']] = x
    if spec.get('missing', {}).get('method') == 'drop':
        data = data.dropna().reset_index(drop=True)
    norm = spec.get('normalize', {})
    shift = norm.get('shift', 0.0001)
    X = pd.DataFrame({unit: data[unit], time: data[time]})
    for i in spec['indicators']:
        X[i['id']] = minmax(data[i['id']].to_numpy(), i['direction'], shift)
    wspec = spec['weights']
    method = wspec.get('method', 'entropy')
    aggm = spec.get('aggregate', {}).get('method', 'arithmetic')
    by_time = wspec.get('panel', 'pooled') == 'by-time'
    times = sorted(X[time].unique())
    if by_time:
        locs = {t: local_weights(tree, spec, X[X[time] == t], method, aggm) for t in times}
    else:
        loc = local_weights(tree, spec, X, method, aggm)
        locs = {t: loc for t in times}
    # node scores row by row with the row's time weights
    scores = {i: X[i].to_numpy().copy() for i in tree.ind}
    for node in tree.bottom_up:
        out = np.zeros(len(X))
        for t in times:
            m = (X[time] == t).to_numpy()
            out[m] = agg([scores[c][m] for c in tree.children[node]], locs[t][node], aggm)
        scores[node] = out
    globs = {t: global_of(tree, locs[t]) for t in times}
    weights = {i: float(np.mean([globs[t][i] for t in times])) for i in tree.ind}
    res = {'weights': weights}
    frame = pd.DataFrame({'unit': X[unit].astype(str), 'time': X[time]})
    for node in tree.top_down:
        frame[node] = scores[node]
    def ranks(col, asc=False):
        return frame.assign(v=col).groupby('time')['v'].rank(method='min', ascending=asc).to_numpy()
    res['scores'] = [{'unit': u, 'time': to_py(t), 'score': float(s), 'rank': float(r)}
                     for u, t, s, r in zip(frame['unit'], frame['time'], frame['index'], ranks(frame['index']))]
    res['nodeScores'] = [{'node': node, 'unit': u, 'time': to_py(t), 'score': float(s), 'rank': float(r)}
                         for node in tree.top_down
                         for u, t, s, r in zip(frame['unit'], frame['time'], frame[node], ranks(frame[node]))]
    res['nodeWeights'] = {x: float(np.mean([globs[t][x] for t in times])) for x in globs[times[0]] if x != 'index'}
    if by_time:
        res['byTime'] = {str(to_py(t)): {i: float(globs[t][i]) for i in tree.ind} for t in times}
    sc = spec.get('score', {})
    Xm = X[tree.ind].to_numpy()
    w = np.array([weights[i] for i in tree.ind])
    if sc.get('topsis') and not by_time:
        dp, dm, C = topsis_none(Xm, w)
        res['topsis'] = [{'unit': u, 'time': to_py(t), 'dPlus': float(a), 'dMinus': float(b), 'closeness': float(c), 'rank': float(r)}
                         for u, t, a, b, c, r in zip(frame['unit'], frame['time'], dp, dm, C, ranks(C))]
    if sc.get('gra') and not by_time:
        G = gra(Xm, w)
        res['gra'] = [{'unit': u, 'time': to_py(t), 'grade': float(g), 'rank': float(r)} for u, t, g, r in zip(frame['unit'], frame['time'], G, ranks(G))]
    if sc.get('vikor') and not by_time:
        S, R, Q = vikor(Xm, w)
        res['vikor'] = [{'unit': u, 'time': to_py(t), 'S': float(a), 'R': float(b), 'Q': float(c), 'rank': float(r)}
                        for u, t, a, b, c, r in zip(frame['unit'], frame['time'], S, R, Q, ranks(Q, asc=True))]
    return res


def to_py(t):
    return t.item() if hasattr(t, 'item') else t


def write(name, spec, data, df):
    res = evaluate(df, spec)
    if data == 'default' and name != 'default':
        del res['nodeScores']  # keep fixtures small: node scores are checked on the default case
    doc = {'case': name, 'generator': 'test/reference/measure/evaluate_reference.py (NumPy %s, pandas %s)' % (np.__version__, pd.__version__),
           'spec': spec, 'data': data, 'expected': res}
    with open(os.path.join(FIX, 'evaluate_%s.json' % name), 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, separators=(',', ':'))
    print('wrote evaluate_%s.json' % name)


def main():
    os.makedirs(FIX, exist_ok=True)
    df = pd.read_csv(DEFAULT_CSV)
    with open(DEFAULT_SPEC, encoding='utf-8') as f:
        base = json.load(f)
    d = 'default'
    s = copy.deepcopy(base); s['score'] = {'topsis': True, 'gra': True, 'vikor': True}
    write('default', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], panel='by-time')
    write('bytime', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], scope='children')
    write('children', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'geometric'}
    write('geometric', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'geometric'}; s['weights'] = dict(s['weights'], scope='children')
    write('geometric_children', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='equal')
    write('equal', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='equal', scope='children')
    write('equal_children', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='critic')
    write('critic', s, d, df)

    # degenerate panels (inline rows)
    small = {
        'unit': 'u', 'time': 't',
        'nodes': [{'id': 'A', 'parent': None}, {'id': 'B', 'parent': None}],
        'indicators': [
            {'id': 'a1', 'column': 'x1', 'direction': '+', 'parent': 'A'},
            {'id': 'a2', 'column': 'x2', 'direction': '-', 'parent': 'A'},
            {'id': 'b1', 'column': 'x3', 'direction': '+', 'parent': 'B'},
            {'id': 'b2', 'column': 'x4', 'direction': '+', 'parent': 'B'},
        ],
        'normalize': {'method': 'minmax', 'shift': 0.0001},
        'weights': {'method': 'entropy', 'panel': 'pooled', 'scope': 'leaves'},
        'aggregate': {'method': 'arithmetic'},
        'score': {'topsis': True, 'gra': True, 'vikor': True},
    }
    units, years = ['P', 'Q', 'R', 'S'], [2020, 2021, 2022]
    rows = []
    for i, u in enumerate(units):
        for k, y in enumerate(years):
            rows.append({'u': u, 't': y, 'x1': 1.0 + 2 * i + 0.5 * k, 'x2': 10.0 - i * 1.5 + k * 0.25,
                         'x3': 7.0, 'x4': (i * 3 + k * 2) % 5 + 0.5})
    write('constant_column', small, rows, pd.DataFrame(rows))
    crit = copy.deepcopy(small); crit['weights']['method'] = 'critic'
    write('constant_column_critic', crit, rows, pd.DataFrame(rows))
    one_unit = [r for r in rows if r['u'] == 'Q']
    write('one_unit', small, one_unit, pd.DataFrame(one_unit))
    one_year = [r for r in rows if r['t'] == 2021]
    write('one_year', small, one_year, pd.DataFrame(one_year))
    equal_rows = [dict(r, x1=2.0, x2=3.0, x3=4.0, x4=5.0) for r in rows]
    write('all_equal', small, equal_rows, pd.DataFrame(equal_rows))
    bt = copy.deepcopy(small); bt['weights']['panel'] = 'by-time'; bt['weights']['scope'] = 'children'
    write('small_bytime_children', bt, rows, pd.DataFrame(rows))


if __name__ == '__main__':
    main()

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
- missing (after denomination, on the indicator columns): drop; interpolate = pandas
  interpolate(method='index', limit_area='inside') within each unit over numeric time,
  ends filled by `fallback` (unit-mean / time-mean / group-mean) or left as errors;
  unit-mean / time-mean / group-mean (per time within the label group) of the observed
  values;
- outliers "coinr" (COINr Treat() defaults, written from its documented algorithm): per
  column over all rows, pass if |G1| < skew or G2 < kurtosis (scipy skew/kurtosis with
  bias=False = e1071 type 2); else winsorise (all cells at the max -> next value when
  G1 >= 0, else min -> next) while failing and the count (last high + last low step)
  < maxWinsor; still failing -> ln(x - min + 0.01 (max - min)) of the original values;
- normalisation with direction: min-max + shift (constant column -> 1, no shift),
  z-score (ddof 1; '-' flips; constant -> 0), vector x/||x|| ('-': 1 - x/||x||),
  mean-ratio x/mean ('-': mean/x; constant -> 1); pooled or per time (normalize.panel);
  goalposts (x - L)/(U - L) clipped to [0, 1] (cap); distance-to-target x/T
  (ratio) or 1 - (T - x)/(T - min x) (COINr n_dist2targ), capped at 1 with cap;
- entropy: p = x / sum x, e = -sum p ln p / ln n (0 ln 0 = 0; constant column e = 1),
  d = 1 - e, w = d / sum d (all d = 0 -> equal);
- CRITIC: sigma (ddof 1) * sum_k (1 - r_jk) over non-constant k; constant column C = 0;
- equal: 1/k;
- CV: sd (ddof 1) / mean of the normalised columns (constant -> 0), w = v / sum v;
- PCA (the documented SPSS-style variant): correlation matrix, numpy.linalg.eigh,
  eigenvalues descending, keep the first m with cumulative share >= 0.85, each
  eigenvector signed so that its sum is > 0, c_j = sum_k (lambda_k / sum_m lambda) u_jk,
  w = |c| / sum |c|;
- AHP: principal eigenvector of each node's pairwise matrix by numpy.linalg.eig,
  normalised to sum 1 (local weights of that node's children); given: the spec's
  weight of each child / sum over its siblings;
- combined (sets: AHP / given as global weights under scope leaves, data-driven
  weights over all indicators): multiplicative prod_l w_lj / sum_j prod; linear
  sum_l alpha_l w_lj; game-theory: Gram matrix G_ab = w_a . w_b, solve G alpha = diag G
  (numpy.linalg.lstsq, minimum norm), alpha* = |alpha| / sum |alpha|, w = sum alpha*_l w_l;
- scope leaves: indicator weights over all indicators; node weight = sum;
  local = child sum / parent sum; scope children: bottom-up, each node weighs its
  children's columns (indicators or child scores);
- PROMETHEE II (score.promethee) and Copeland (score.copeland) by
  promethee_reference.py / copeland_reference.py on the normalised data;
- RSR and fuzzy evaluation (score.rsr / score.fuzzy) by rsr_fuzzy_reference.py on the
  treated raw data with directions / the normalised data, pooled weights;
- arithmetic: sum w x; geometric: prod x^w; harmonic 1/sum(w/x) and power
  (sum w x^p)^(1/p) by scipy.stats.hmean / pmean with weights;
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
import scipy.stats

from copeland_reference import outrank
from promethee_reference import promethee as promethee_ref
from rsr_fuzzy_reference import fuzzy as fuzzy_ref, memb_centres, rsr as rsr_ref

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
FIX = os.path.join(HERE, 'fixtures')
DEFAULT_CSV = os.path.join(ROOT, 'data', 'province-panel', 'nqpf_province_2013_2022.csv')
DEFAULT_SPEC = os.path.join(ROOT, 'data', 'specs', 'examples', 'nqpf-province-totals.json')


def minmax(x, direction, shift):
    lo, hi = x.min(), x.max()
    if hi == lo:
        return np.ones_like(x)
    return ((hi - x) if direction == '-' else (x - lo)) / (hi - lo) + shift


def normalize(x, direction, method, shift, ind=None, norm=None):
    x = np.asarray(x, dtype=float)
    neg = direction == '-'
    norm = norm or {}
    if method == 'goalposts':
        # UNDP HDI dimension index / COINr n_goalposts, truncated to [0, 1] unless cap is false
        lo, hi = ind['goalposts']
        y = (hi - x) / (hi - lo) if neg else (x - lo) / (hi - lo)
        return np.clip(y, 0, 1) if norm.get('cap', True) else y
    if method == 'distance-to-target':
        t = ind['target']
        if norm.get('targetVariant', 'ratio') == 'ratio':
            y = t / x if neg else x / t  # OECD/JRC Handbook: distance to a reference
        else:
            # COINr n_dist2targ: 1 - (targ - x) / (targ - min x), applied to -x for "-"
            v, tt = (-x, -t) if neg else (x, t)
            y = 1 - (tt - v) / (tt - v.min())
        return np.minimum(y, 1) if norm.get('cap', False) else y
    if method == 'minmax':
        return minmax(x, direction, shift)
    if method == 'zscore':
        if len(x) < 2 or np.all(x == x[0]):
            return np.zeros_like(x)
        z = (x - x.mean()) / x.std(ddof=1)
        return -z if neg else z
    if method == 'vector':
        nrm = np.sqrt((x * x).sum())
        if nrm == 0:
            return np.ones_like(x) if neg else np.zeros_like(x)
        return 1 - x / nrm if neg else x / nrm
    if method == 'mean-ratio':
        if np.all(x == x[0]):
            return np.ones_like(x)
        m = x.mean()
        return m / x if neg else x / m
    if method == 'none':
        return x.copy()
    raise ValueError(method)


def cv_w(X):
    n, k = X.shape
    v = np.zeros(k)
    for j in range(k):
        x = X[:, j]
        if n >= 2 and not np.all(x == x[0]):
            v[j] = x.std(ddof=1) / x.mean()
    return v / v.sum() if v.sum() > 0 else np.full(k, 1 / k)


def pca_w(X, cumulative=0.85):
    R = np.corrcoef(X, rowvar=False)
    lam, U = np.linalg.eigh(R)
    order = np.argsort(-lam)
    lam, U = lam[order], U[:, order]
    share = lam / lam.sum()
    m = int(np.argmax(np.cumsum(share) >= cumulative - 1e-12)) + 1
    c = np.zeros(X.shape[1])
    for k in range(m):
        u = U[:, k]
        if abs(u.sum()) > 1e-12:
            u = u * np.sign(u.sum())
        else:
            u = u * np.sign(u[np.argmax(np.abs(u))])
        c += lam[k] / lam[:m].sum() * u
    return np.abs(c) / np.abs(c).sum()


def ahp_w(A):
    vals, vecs = np.linalg.eig(np.asarray(A, dtype=float))
    i = int(np.argmax(vals.real))
    v = np.abs(vecs[:, i].real)
    n = len(A)
    w = v / v.sum()
    if n > 2:
        RI = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59][n - 1]
        CR = (vals.real[i] - n) / (n - 1) / RI
        assert CR <= 0.1, 'inconsistent test matrix (CR %.3f)' % CR
    return w


def combine(sets, rule, alpha=None):
    W = np.array([np.asarray(w, dtype=float) / np.sum(w) for w in sets])
    if rule == 'multiplicative':
        p = W.prod(axis=0)
        return p / p.sum()
    if rule == 'linear':
        a = np.full(len(W), 1 / len(W)) if alpha is None else np.asarray(alpha, dtype=float)
        return a @ W
    if rule == 'game-theory':
        G = W @ W.T
        a = np.linalg.lstsq(G, np.diag(G), rcond=None)[0]
        a = np.abs(a) / np.abs(a).sum()
        return a @ W
    raise ValueError(rule)


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
    if method == 'cv':
        return cv_w(X)
    if method == 'pca':
        return pca_w(X)
    raise ValueError(method)


def agg(cols, w, aggregate):
    # aggregate: the spec's aggregate object; harmonic and power means from SciPy
    # (weighted hmean / pmean normalise by the weights' sum, which is 1 here)
    method = aggregate.get('method', 'arithmetic')
    cols = np.column_stack(cols)
    if method == 'arithmetic':
        return cols @ w
    if method == 'harmonic':
        return np.array([scipy.stats.hmean(row, weights=w) for row in cols])
    if method == 'power':
        return np.array([scipy.stats.pmean(row, aggregate['p'], weights=w) for row in cols])
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


def subjective_local(tree, spec, method, node):
    """Local weights of a node's children from the spec (given) or its AHP matrix."""
    kids = tree.children[node]
    if len(kids) == 1:
        return np.ones(1)
    if method == 'given':
        wt = {x['id']: x.get('weight', 0) for x in spec.get('nodes', []) + spec['indicators']}
        w = np.array([wt[c] for c in kids], dtype=float)
        return w / w.sum()
    m = spec['weights']['ahp'][node]
    pos = [m['items'].index(c) for c in kids]
    A = np.array(m['matrix'], dtype=float)[np.ix_(pos, pos)]
    return ahp_w(A)


def local_from_global(tree, g):
    local = {}
    for node in tree.top_down:
        sums = np.array([sum(g[l] for l in tree.leaves(c)) for c in tree.children[node]])
        local[node] = sums / sums.sum() if sums.sum() > 0 else np.full(len(sums), 1 / len(sums))
    return local


def local_weights(tree, spec, Xdf, method, aggm):
    """Local weights {node: array over children} for one sample (DataFrame of normalised indicators)."""
    scope = spec['weights'].get('scope', 'leaves')
    methods = spec['weights']['combine']['methods'] if method == 'combined' else [method]
    subjective = lambda m: m in ('given', 'ahp')

    def combined(sets):
        c = spec['weights']['combine']
        return combine(sets, c['rule'], c.get('alpha'))

    if method in ('given', 'ahp'):
        return {node: subjective_local(tree, spec, method, node) for node in tree.top_down}
    if scope == 'leaves' or all(subjective(m) for m in methods):
        sets = []
        for m in methods:
            if subjective(m):
                glob = global_of(tree, {node: subjective_local(tree, spec, m, node) for node in tree.top_down})
                sets.append(np.array([glob[i] for i in tree.ind]))
            else:
                sets.append(weigh(m, Xdf[tree.ind].to_numpy()))
        w = combined(sets) if method == 'combined' else sets[0]
        return local_from_global(tree, dict(zip(tree.ind, w)))
    local = {}
    scores = {i: Xdf[i].to_numpy() for i in tree.ind}
    for node in tree.bottom_up:
        kids = tree.children[node]
        cols = np.column_stack([scores[c] for c in kids])
        sets = [subjective_local(tree, spec, m, node) if subjective(m) else weigh(m, cols) for m in methods]
        w = combined(sets) if method == 'combined' else sets[0]
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


def gra(X, w, rho=0.5, ref=None):
    delta = np.abs((X.max(axis=0) if ref is None else ref) - X)
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


def impute(data, ids, unit, time, miss, labels):
    """Missing values of the indicator columns (see the module docstring)."""
    method = miss.get('method', 'error')
    if method == 'drop':
        return data.dropna(subset=ids).reset_index(drop=True)
    if method == 'error':
        assert not data[ids].isna().any().any()
        return data
    out = data.copy()
    grp = miss.get('group')

    def fill_mean(col, how, mask):
        src = data[col]
        if how == 'unit-mean':
            key = [data[unit]]
        elif how == 'time-mean':
            key = [data[time]]
        else:
            key = [labels[grp], data[time]]
        means = src.groupby(key).transform('mean')
        out.loc[mask, col] = means[mask]

    for col in ids:
        miss_mask = data[col].isna()
        if not miss_mask.any():
            continue
        if method == 'interpolate':
            for _, g in data[[unit, time, col]].groupby(unit):
                g = g.sort_values(time)
                ser = pd.Series(g[col].to_numpy(), index=g[time].to_numpy(dtype=float))
                out.loc[g.index, col] = ser.interpolate(method='index', limit_area='inside').to_numpy()
            still = out[col].isna()
            if still.any() and miss.get('fallback') not in (None, 'error'):
                fill_mean(col, miss['fallback'], still)
        else:
            fill_mean(col, method, miss_mask)
        assert not out[col].isna().any(), 'unfillable gap in %s' % col
    return out


def coinr_treat(x, skewT=2.0, kurtT=3.5, winmax=5, use_log=True):
    """COINr Treat() default on one column without missing values."""
    from scipy.stats import kurtosis, skew
    sk = lambda v: skew(v, bias=False)
    kt = lambda v: kurtosis(v, bias=False)
    passes = lambda v: abs(sk(v)) < skewT or kt(v) < kurtT
    if len(x) < 4 or np.all(x == x[0]) or passes(x):
        return x
    y = x.copy()
    nhi = nlo = nwin = 0
    ok = False
    while not ok and nwin < winmax:
        if sk(y) >= 0:
            i = y == y.max()
            if i.all():
                break
            y[i] = y[~i].max()
            nhi = int(i.sum())
        else:
            i = y == y.min()
            if i.all():
                break
            y[i] = y[~i].min()
            nlo = int(i.sum())
        nwin = nhi + nlo
        ok = passes(y)
    if ok or not use_log:
        return y
    return np.log(x - x.min() + 0.01 * (x.max() - x.min()))


def prepare(df, spec):
    """Denominate, treat missing values and outliers: DataFrame unit, time, one column per indicator id."""
    unit, time = spec['unit'], spec['time']
    ids = [i['id'] for i in spec['indicators']]
    data = pd.DataFrame({unit: df[unit].astype(str), time: df[time]})
    for i in spec['indicators']:
        x = df[i['column']].astype(float)
        if i.get('denominator'):
            x = x / df[i['denominator']].astype(float)
        if 'scale' in i:
            x = x * i['scale']
        data[i['id']] = x
    labels = {l: df[l] for l in spec.get('labels', [])}
    data = impute(data, ids, unit, time, spec.get('missing', {}), labels)
    out = spec.get('outliers', {})
    if out.get('method') == 'coinr':
        for c in ids:
            data[c] = coinr_treat(data[c].to_numpy(dtype=float), out.get('skew', 2), out.get('kurtosis', 3.5), out.get('maxWinsor', 5), out.get('log', True))
    return data


def normalized_frame(data, spec, method=None):
    """Normalised indicators (spec.normalize, or another method with the same shift / panel)."""
    unit, time = spec['unit'], spec['time']
    norm = spec.get('normalize', {})
    method = method or norm.get('method', 'minmax')
    shift = norm.get('shift', 0.0001)
    X = pd.DataFrame({unit: data[unit], time: data[time]})
    for i in spec['indicators']:
        x = data[i['id']].to_numpy(dtype=float)
        if norm.get('panel', 'pooled') == 'by-time':
            v = np.zeros(len(x))
            for t in data[time].unique():
                m = (data[time] == t).to_numpy()
                v[m] = normalize(x[m], i['direction'], method, shift, i, norm)
            X[i['id']] = v
        else:
            X[i['id']] = normalize(x, i['direction'], method, shift, i, norm)
    return X


def evaluate(df, spec):
    spec = copy.deepcopy(spec)
    unit, time = spec['unit'], spec['time']
    tree = Tree(spec)
    data = prepare(df, spec)
    X = normalized_frame(data, spec)
    wspec = spec['weights']
    method = wspec.get('method', 'entropy')
    aggm = spec.get('aggregate', {})
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
        go = sc['gra'] if isinstance(sc['gra'], dict) else {}
        ref = np.array([go['reference'][x] for x in tree.ind]) if 'reference' in go else None
        G = gra(Xm, w, go.get('rho', 0.5), ref)
        res['gra'] = [{'unit': u, 'time': to_py(t), 'grade': float(g), 'rank': float(r)} for u, t, g, r in zip(frame['unit'], frame['time'], G, ranks(G))]
    if sc.get('promethee') and not by_time:
        o = sc['promethee'] if isinstance(sc['promethee'], dict) else {}
        common = {k: o[k] for k in ('fn', 'q', 'p', 's') if k in o}
        common.setdefault('fn', 'usual')
        crit = [o.get('criteria', {}).get(x, common) for x in tree.ind]
        pp, pm, ph = promethee_ref(Xm, w, ['+'] * len(tree.ind), crit)
        res['promethee'] = [{'unit': u, 'time': to_py(t), 'phiPlus': float(a), 'phiMinus': float(b), 'phi': float(c), 'rank': float(k)}
                            for u, t, a, b, c, k in zip(frame['unit'], frame['time'], pp, pm, ph, ranks(ph))]
    if sc.get('copeland') and not by_time:
        e = outrank(Xm, w)
        sg = np.sign(np.round(e - 0.5, 12))
        np.fill_diagonal(sg, 0)
        cs = sg.sum(axis=1)
        res['copeland'] = [{'unit': u, 'time': to_py(t), 'score': float(a), 'rank': float(k)}
                           for u, t, a, k in zip(frame['unit'], frame['time'], cs, ranks(cs))]
    if sc.get('rsr') and not by_time:
        o = sc['rsr'] if isinstance(sc['rsr'], dict) else {}
        raw = data[tree.ind].to_numpy(dtype=float)
        dirs = [i['direction'] for i in spec['indicators']]
        dirs = [dict((i['id'], i['direction']) for i in spec['indicators'])[x] for x in tree.ind]
        r = rsr_ref(raw, w, dirs, o.get('variant', 'integer'), o.get('grades', 3))
        v = np.asarray(r['rsr'])
        res['rsr'] = [{'unit': u, 'time': to_py(t), 'rsr': float(a), 'probit': float(b), 'fitted': float(c), 'grade': float(g), 'rank': float(k)}
                      for u, t, a, b, c, g, k in zip(frame['unit'], frame['time'], v, r['probit'], r['fitted'], r['grade'], ranks(v))]
    if sc.get('fuzzy') and not by_time:
        o = sc['fuzzy'] if isinstance(sc['fuzzy'], dict) else {}
        c = o.get('centres', [0, 0.25, 0.5, 0.75, 1])
        g = len(c)
        Rm = [[memb_centres(x, c) for x in row] for row in Xm]
        f = fuzzy_ref(Rm, w, o.get('operator', 'weighted-average'), o.get('scores', list(range(1, g + 1))))
        sv = np.asarray(f['score'])
        res['fuzzy'] = [{'unit': u, 'time': to_py(t), 'score': float(a), 'grade': float(b), 'rank': float(k)}
                        for u, t, a, b, k in zip(frame['unit'], frame['time'], sv, f['grade'], ranks(sv))]
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
    if isinstance(data, list):  # NaN (a missing cell) is written as null
        data = [{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in data]
    doc = {'case': name, 'generator': 'test/reference/measure/evaluate_reference.py (NumPy %s, pandas %s)' % (np.__version__, pd.__version__),
           'spec': spec, 'data': data, 'expected': res}
    with open(os.path.join(FIX, 'evaluate_%s.json' % name), 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, separators=(',', ':'))
    print('wrote evaluate_%s.json' % name)


T3 = 1 / 3
AHP = {
    'index': {'items': ['laborer', 'means', 'object'], 'matrix': [[1, 0.5, 2], [2, 1, 3], [0.5, T3, 1]]},
    'laborer': {'items': ['laborer.tech', 'laborer.digital'], 'matrix': [[1, 3], [T3, 1]]},
    'means': {'items': ['means.tech', 'means.digital', 'means.green'], 'matrix': [[1, 2, 4], [0.5, 1, 3], [0.25, T3, 1]]},
    'object': {'items': ['object.tech', 'object.green', 'object.digital'], 'matrix': [[1, 3, 2], [T3, 1, 0.5], [0.5, 2, 1]]},
    'laborer.tech': {'items': ['higher_edu_share', 'rd_personnel'], 'matrix': [[1, 0.5], [2, 1]]},
    'means.tech': {'items': ['rd_intensity', 'tech_renovation', 'st_exp_ratio'], 'matrix': [[1, 3, 2], [T3, 1, 0.5], [0.5, 2, 1]]},
    'means.digital': {'items': ['fiber_length', 'broadband_ports_pc', 'fa_electronics', 'fa_computers'],
                      'matrix': [[1, 0.5, 2, 3], [2, 1, 3, 4], [0.5, T3, 1, 2], [T3, 0.25, 0.5, 1]]},
    'object.tech': {'items': ['invention_patents', 'rd_firms', 'total_profit'], 'matrix': [[1, 2, 5], [0.5, 1, 3], [0.2, T3, 1]]},
    'object.digital': {'items': ['telecom_volume', 'postal_volume'], 'matrix': [[1, 1], [1, 1]]},
}


def with_given(base):
    """The default spec with a given relative weight on every node and indicator."""
    s = copy.deepcopy(base)
    for k, nd in enumerate(s['nodes']):
        nd['weight'] = [3, 4, 3, 2, 1, 2, 3, 1, 2, 1, 1][k]
    for k, ind in enumerate(s['indicators']):
        ind['weight'] = 1 + (k * 7) % 5
    return s


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
    s = copy.deepcopy(base); s['score'] = {'rsr': True, 'fuzzy': True}
    write('rsr_fuzzy', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='critic')
    s['score'] = {'rsr': {'variant': 'non-integer', 'grades': 5}, 'fuzzy': {'centres': [0.1, 0.3, 0.6], 'operator': 'min-max', 'scores': [60, 80, 100]}}
    write('rsr_fuzzy_variants', s, d, df)
    s = copy.deepcopy(base)
    s['score'] = {'gra': {'rho': 0.4, 'reference': {i['id']: round(0.5 + 0.04 * k, 4) for k, i in enumerate(base['indicators'])}}}
    write('gra_reference', s, d, df)
    s = copy.deepcopy(base); s['score'] = {'promethee': True, 'copeland': True}
    write('promethee_copeland', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='critic')
    s['score'] = {'promethee': {'fn': 'linear', 'q': 0.02, 'p': 0.2,
                                'criteria': {'rd_personnel': {'fn': 'gaussian', 's': 0.1}, 'carbon_intensity': {'fn': 'v-shape', 'p': 0.3}}}}
    write('promethee_mixed', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], scope='children')
    write('children', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'geometric'}
    write('geometric', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'geometric'}; s['weights'] = dict(s['weights'], scope='children')
    write('geometric_children', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'harmonic'}
    write('harmonic', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'power', 'p': 0.5}
    write('power_half', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'power', 'p': -2}; s['weights'] = dict(s['weights'], scope='children')
    write('power_minus2_children', s, d, df)
    s = copy.deepcopy(base); s['aggregate'] = {'method': 'power', 'p': 3}; s['weights'] = dict(s['weights'], panel='by-time')
    write('power_3_bytime', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='equal')
    write('equal', s, d, df)
    # goalposts / targets from the prepared data's quantiles (so some values fall outside / beyond them)
    prepared = prepare(df, base)
    def with_posts(spec, **norm):
        spec = copy.deepcopy(spec)
        for i in spec['indicators']:
            x = prepared[i['id']].to_numpy(dtype=float)
            i['goalposts'] = [float(np.quantile(x, 0.1)), float(np.quantile(x, 0.9))]
            i['target'] = float(np.quantile(x, 0.2 if i['direction'] == '-' else 0.8))
        spec['normalize'] = dict(spec['normalize'], **norm)
        return spec
    write('goalposts', with_posts(base, method='goalposts'), d, df)
    s = with_posts(base, method='goalposts', cap=False); s['weights'] = dict(s['weights'], method='equal')
    write('goalposts_uncapped', s, d, df)
    s = with_posts(base, method='distance-to-target'); s['weights'] = dict(s['weights'], method='critic')
    write('target_ratio', s, d, df)
    s = with_posts(base, method='distance-to-target', targetVariant='coinr', cap=True)
    write('target_coinr_capped', s, d, df)
    s = with_posts(base, method='distance-to-target', targetVariant='coinr', panel='by-time'); s['weights'] = dict(s['weights'], method='equal')
    write('target_coinr_bytime', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='equal', scope='children')
    write('equal_children', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='critic')
    write('critic', s, d, df)

    # weighting methods inside evaluate
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='ahp', ahp=AHP)
    write('ahp', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='ahp', ahp=AHP, scope='children')
    write('ahp_children', s, d, df)
    s = with_given(base); s['weights'] = dict(s['weights'], method='given')
    write('given', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='cv')
    write('cv', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='pca')
    write('pca', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='combined', ahp=AHP, combine={'methods': ['ahp', 'entropy'], 'rule': 'multiplicative'})
    write('combined_multiplicative', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='combined', combine={'methods': ['entropy', 'critic'], 'rule': 'linear', 'alpha': [0.6, 0.4]})
    write('combined_linear', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='combined', ahp=AHP, combine={'methods': ['ahp', 'entropy'], 'rule': 'game-theory'})
    write('combined_game_theory', s, d, df)
    s = copy.deepcopy(base); s['weights'] = dict(s['weights'], method='combined', ahp=AHP, combine={'methods': ['ahp', 'entropy', 'critic'], 'rule': 'game-theory'})
    write('combined_game_theory3', s, d, df)
    s = with_given(base); s['weights'] = dict(s['weights'], method='combined', scope='children', combine={'methods': ['given', 'critic'], 'rule': 'linear', 'alpha': [0.5, 0.5]})
    write('combined_children', s, d, df)
    # normalisations with the composite (entropy needs non-negative data and the panel
    # has negative profits, so z-score / vector / mean-ratio go with CRITIC / CV)
    s = copy.deepcopy(base); s['normalize'] = dict(s['normalize'], method='zscore'); s['weights'] = dict(s['weights'], method='critic')
    write('zscore', s, d, df)
    s = copy.deepcopy(base); s['normalize'] = dict(s['normalize'], method='vector'); s['weights'] = dict(s['weights'], method='critic')
    write('vector', s, d, df)
    s = copy.deepcopy(base); s['normalize'] = dict(s['normalize'], method='mean-ratio'); s['weights'] = dict(s['weights'], method='cv')
    write('mean_ratio', s, d, df)
    s = copy.deepcopy(base); s['normalize'] = dict(s['normalize'], panel='by-time')
    write('normalize_bytime', s, d, df)
    # missing values (Tibet has no carbon data: time and group means fill it) and outliers
    s = copy.deepcopy(base); s['missing'] = {'method': 'time-mean'}
    write('missing_time_mean', s, d, df)
    s = copy.deepcopy(base); s['missing'] = {'method': 'group-mean', 'group': 'region'}
    write('missing_group_mean', s, d, df)
    s = copy.deepcopy(base); s['outliers'] = {'method': 'coinr'}
    write('outliers_coinr', s, d, df)
    s = copy.deepcopy(base); s['outliers'] = {'method': 'coinr', 'log': False, 'maxWinsor': 8}
    write('outliers_coinr_nolog', s, d, df)

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

    # gaps (NaN = missing) and a denominator with scale on a small panel
    nan = float('nan')
    gap_rows = []
    for i, u in enumerate(['P', 'Q', 'R', 'S', 'T']):
        for k, y in enumerate([2018, 2019, 2020, 2021, 2022]):
            gap_rows.append({'u': u, 't': y, 'g': 'north' if i < 3 else 'south',
                             'x1': 1.0 + 2 * i + 0.5 * k + (k * i) % 3, 'x2': 10.0 - i * 1.5 + k * 0.25,
                             'x3': 7.0 + ((i * 5 + k * 3) % 4), 'x4': (i * 3 + k * 2) % 5 + 0.5,
                             'pop': 2.0 + i + 0.1 * k})
    for u, y, c in [('P', 2020, 'x1'), ('P', 2021, 'x1'), ('Q', 2018, 'x2'), ('R', 2022, 'x3'), ('S', 2019, 'pop'), ('T', 2020, 'x4')]:
        next(r for r in gap_rows if r['u'] == u and r['t'] == y)[c] = nan
    gaps = copy.deepcopy(small)
    gaps['labels'] = ['g']
    gaps['indicators'][2] = dict(gaps['indicators'][2], denominator='pop', scale=100)
    for m in [{'method': 'interpolate', 'fallback': 'unit-mean'}, {'method': 'interpolate', 'fallback': 'group-mean', 'group': 'g'},
              {'method': 'unit-mean'}, {'method': 'time-mean'}, {'method': 'group-mean', 'group': 'g'}, {'method': 'drop'}]:
        s = copy.deepcopy(gaps); s['missing'] = m
        write('gaps_' + '_'.join(v.replace('-', '') for k, v in m.items() if k != 'group'), s, gap_rows, pd.DataFrame(gap_rows))


if __name__ == '__main__':
    main()

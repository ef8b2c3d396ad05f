#!/usr/bin/python3
"""Independent reference numbers for the measurement methods (issue 3).

Written directly from the published formulas with NumPy / SciPy / pandas
(Debian packages python3-numpy, python3-scipy, python3-pandas), without
reading or calling xinzhi's TypeScript. Run from the repository root:

    /usr/bin/python3 test/reference/measure/reference.py

It writes test/reference/measure/fixtures/{province,small,ahp,degenerate,rank}.json,
which test/measure/*.test.ts compare with to 1e-9 relative. NaN is written
as null (JSON has no NaN). Where the documented degenerate rules of
docs/methods.md apply (constant columns, ties), they are implemented here
from that text, not from the code.

Sources of the formulas (see docs/methods.md for the full list):
  min-max / z-score: OECD/JRC Handbook on Constructing Composite Indicators (2008) §5
  entropy weights:   Shannon (1948); scipy.stats.entropy computes -sum p ln p
  CRITIC:            Diakoulaki, Mavrotas & Papayannakis (1995)
  AHP:               Saaty (1977, 1980); principal eigenvector by numpy.linalg.eig
  PCA:               Jolliffe (2002); eigen-decomposition by numpy.linalg.eigh
  TOPSIS:            Hwang & Yoon (1981) §3.3
  GRA:               Deng (1982)
  VIKOR:             Opricovic & Tzeng (2004) EJOR 156(2)
  ranks:             scipy.stats.rankdata; NaN last as R's rank(na.last=TRUE)
  Cronbach's alpha:  Cronbach (1951)
"""
import json
import math
import os
import shutil
import subprocess

import numpy as np
import pandas as pd
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
OUT = os.path.join(HERE, 'fixtures')
PANEL = os.path.join(ROOT, 'data', 'province-panel', 'province_panel_2013_2022.csv')

# Ten raw yearbook columns the data's SOURCE.md calls sound. The two "-"
# directions are for test coverage (technology bought in from outside as a
# cost), not a substantive claim.
COLUMNS = [
    ('R&D Personnel', '+'),
    ('Internal R&D Expenditure (10K RMB)', '+'),
    ('Valid Invention Patents', '+'),
    ('Firms with R&D Institutions', '+'),
    ('Postal & Telecom Volume', '+'),
    ('Digital Infra - Fiber Length', '+'),
    ('Digital Infra - Broadband Ports per Capita', '+'),
    ('Education Expenditure', '+'),
    ('Technology Import Expenditure (10K RMB)', '-'),
    ('Domestic Tech Purchase Expenditure (10K RMB)', '-'),
]


def clean(o):
    """Arrays to lists, NaN to None, recursively."""
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [clean(v) for v in o]
    if isinstance(o, np.ndarray):
        return clean(o.tolist())
    if isinstance(o, (np.floating, float)):
        f = float(o)
        return None if math.isnan(f) else f
    if isinstance(o, (np.integer,)):
        return int(o)
    return o


def key(shift):
    """A shift as JavaScript prints it (0.0 -> '0'), for fixture keys."""
    return repr(float(shift)).rstrip('0').rstrip('.') if shift != int(shift) else str(int(shift))


def write(name, obj):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        json.dump(clean(obj), f, ensure_ascii=False, allow_nan=False)
        f.write('\n')


# ---------------------------------------------------------------- normalisation

def minmax(x, d, shift):
    x = np.asarray(x, float)
    lo, hi = x.min(), x.max()
    if hi == lo:
        return np.ones_like(x)  # documented rule: constant column -> 1, no shift
    return ((x - lo) if d == '+' else (hi - x)) / (hi - lo) + shift


def zscore(x, d):
    s = pd.Series(np.asarray(x, float))
    sd = s.std(ddof=1)
    if len(s) < 2 or sd == 0 or np.isnan(sd):
        return np.zeros(len(s))
    z = ((s - s.mean()) / sd).to_numpy()
    return z if d == '+' else -z


def vector(x, d):
    x = np.asarray(x, float)
    nrm = np.linalg.norm(x)
    r = np.zeros_like(x) if nrm == 0 else x / nrm
    return r if d == '+' else 1 - r


def mean_ratio(x, d):
    x = np.asarray(x, float)
    if np.all(x == x[0]):
        return np.ones_like(x)
    m = x.mean()
    return x / m if d == '+' else m / x


# ---------------------------------------------------------------- weights

def entropy_w(X):
    """X: n x k non-negative. e_j = H(p_j)/ln n with scipy's Shannon entropy."""
    n, k = X.shape
    e = np.empty(k)
    for j in range(k):
        c = X[:, j]
        if n < 2 or np.all(c == c[0]):
            e[j] = 1.0  # documented rule: constant column carries no information
        else:
            e[j] = stats.entropy(c) / np.log(n)  # normalises c to p, 0 ln 0 = 0
    d = 1 - e
    w = np.full(k, 1 / k) if d.sum() <= 0 else d / d.sum()
    return {'weights': w, 'entropy': e, 'divergence': d}


def critic_w(X, absolute=False):
    n, k = X.shape
    df = pd.DataFrame(X)
    sd = df.std(ddof=1).to_numpy()
    const = np.array([np.all(X[:, j] == X[0, j]) for j in range(k)]) | (n < 2)
    sd[const] = 0.0
    r = df.corr(method='pearson').to_numpy()
    if absolute:
        r = np.abs(r)
    conflict = np.zeros(k)
    for j in range(k):
        if const[j]:
            continue
        for l in range(k):
            if l != j and not const[l]:
                conflict[j] += 1 - r[j, l]
    info = sd * conflict
    w = np.full(k, 1 / k) if info.sum() <= 0 else info / info.sum()
    return {'weights': w, 'sd': sd, 'conflict': conflict, 'information': info}


def cv_w(X):
    n, k = X.shape
    m = X.mean(axis=0)
    s = X.std(axis=0, ddof=1) if n > 1 else np.zeros(k)
    v = s / m
    v[[np.all(X[:, j] == X[0, j]) for j in range(k)]] = 0.0
    w = np.full(k, 1 / k) if v.sum() <= 0 else v / v.sum()
    return {'weights': w, 'cv': v}


def pca_w(X, cumulative=0.85, standardize=True):
    M = np.corrcoef(X, rowvar=False) if standardize else np.cov(X, rowvar=False, ddof=1)
    lam, U = np.linalg.eigh(M)
    order = np.argsort(lam)[::-1]
    lam, U = lam[order], U[:, order]
    expl = lam / lam.sum()
    m = int(np.searchsorted(np.cumsum(expl), cumulative - 1e-12) + 1)
    m = min(m, len(lam))
    for c in range(len(lam)):
        s = U[:, c].sum()
        sign = np.sign(s) if abs(s) > 1e-12 else np.sign(U[np.argmax(np.abs(U[:, c])), c])
        U[:, c] *= sign
    load = U[:, :m] * np.sqrt(np.maximum(lam[:m], 0))
    share = lam[:m] / lam[:m].sum()
    coef = (load / np.sqrt(lam[:m])) @ share
    w = np.abs(coef) / np.abs(coef).sum()
    return {'weights': w, 'eigenvalues': lam, 'explained': expl, 'components': m, 'loadings': load}


def combine(sets, rule, alpha=None):
    W = np.array([np.asarray(s, float) / np.sum(s) for s in sets])  # L x k
    if rule == 'multiplicative':
        p = W.prod(axis=0)
        return {'weights': p / p.sum()}
    if rule == 'linear':
        a = np.full(len(W), 1 / len(W)) if alpha is None else np.asarray(alpha, float)
        return {'weights': a @ W, 'coefficients': a}
    if rule == 'game-theory':
        G = W @ W.T
        if np.linalg.matrix_rank(G) < len(W):
            a = np.linalg.lstsq(G, np.diag(G), rcond=None)[0]
        else:
            a = np.linalg.solve(G, np.diag(G))
        a = np.abs(a) / np.abs(a).sum()
        return {'weights': a @ W, 'coefficients': a}
    raise ValueError(rule)


SAATY_RI = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]


def ahp(A, method='eigenvector'):
    A = np.asarray(A, float)
    n = len(A)
    if method == 'eigenvector':
        vals, vecs = np.linalg.eig(A)
        i = int(np.argmax(vals.real))
        w = np.abs(vecs[:, i].real)
        w = w / w.sum()
        lam = float(vals[i].real)
    else:
        g = stats.gmean(A, axis=1)
        w = g / g.sum()
        lam = float(np.mean((A @ w) / w))
    ci = 0.0 if n <= 2 else (lam - n) / (n - 1)
    ri = SAATY_RI[n - 1]
    cr = 0.0 if n <= 2 else ci / ri
    return {'weights': w, 'lambdaMax': lam, 'CI': ci, 'RI': ri, 'CR': cr}


# ---------------------------------------------------------------- scores

def topsis(X, w, dirs, norm='vector'):
    X = np.asarray(X, float)
    n, k = X.shape
    if norm == 'vector':
        nrm = np.sqrt((X ** 2).sum(axis=0))
        R = np.divide(X, nrm, out=np.zeros_like(X), where=nrm > 0)
    elif norm == 'minmax':
        rng = X.max(axis=0) - X.min(axis=0)
        R = np.divide(X - X.min(axis=0), rng, out=np.zeros_like(X), where=rng > 0)
    else:
        R = X.copy()
    V = R * np.asarray(w, float)
    plus = np.array([V[:, j].max() if dirs[j] == '+' else V[:, j].min() for j in range(k)])
    minus = np.array([V[:, j].min() if dirs[j] == '+' else V[:, j].max() for j in range(k)])
    dp = np.sqrt(((V - plus) ** 2).sum(axis=1))
    dm = np.sqrt(((V - minus) ** 2).sum(axis=1))
    s = dp + dm
    c = np.where(s == 0, 0.5, dm / np.where(s == 0, 1, s))
    return {'dPlus': dp, 'dMinus': dm, 'closeness': c}


def gra(X, w, rho=0.5):
    X = np.asarray(X, float)
    x0 = X.max(axis=0)
    D = np.abs(x0 - X)
    dmin, dmax = D.min(), D.max()
    xi = np.ones_like(D) if dmax == 0 else (dmin + rho * dmax) / (D + rho * dmax)
    return {'coefficients': xi.T, 'grade': xi @ np.asarray(w, float)}


def vikor(X, w, dirs, v=0.5):
    X = np.asarray(X, float)
    n, k = X.shape
    w = np.asarray(w, float)
    best = np.array([X[:, j].max() if dirs[j] == '+' else X[:, j].min() for j in range(k)])
    worst = np.array([X[:, j].min() if dirs[j] == '+' else X[:, j].max() for j in range(k)])
    den = best - worst
    T = np.zeros_like(X)
    ok = den != 0
    T[:, ok] = w[ok] * (best[ok] - X[:, ok]) / den[ok]
    S, R = T.sum(axis=1), T.max(axis=1)
    a = np.zeros(n) if S.max() == S.min() else (S - S.min()) / (S.max() - S.min())
    b = np.zeros(n) if R.max() == R.min() else (R - R.min()) / (R.max() - R.min())
    return {'S': S, 'R': R, 'Q': v * a + (1 - v) * b}


# ---------------------------------------------------------------- ranks, coherence

def rank(values, order='desc', ties='min'):
    x = np.asarray(values, float)
    ok = ~np.isnan(x)
    method = {'min': 'min', 'average': 'average', 'dense': 'dense', 'first': 'ordinal'}[ties]
    out = np.full(len(x), np.nan)
    key = -x[ok] if order == 'desc' else x[ok]
    r = stats.rankdata(key, method=method)
    out[ok] = r
    base = r.max() if (ties == 'dense' and len(r)) else ok.sum()
    out[~ok] = base + np.arange(1, (~ok).sum() + 1)  # NaN last, in order (R na.last=TRUE)
    return out


def corr(X):
    return pd.DataFrame(np.asarray(X, float)).corr(method='pearson').to_numpy()


def cronbach(X):
    X = np.asarray(X, float)
    n, k = X.shape
    if k < 2 or n < 2:
        return float('nan')
    df = pd.DataFrame(X)
    vt = df.sum(axis=1).var(ddof=1)
    if not vt > 0:
        return float('nan')
    return k / (k - 1) * (1 - df.var(ddof=1).sum() / vt)


def cols_of(X):
    return [np.asarray(X)[:, j] for j in range(np.asarray(X).shape[1])]


# ================================================================ (a) province panel

def province():
    df = pd.read_csv(PANEL)
    names = [c for c, _ in COLUMNS]
    dirs = [d for _, d in COLUMNS]
    raw = df[names].to_numpy(float)
    years = df['Year'].to_numpy(int)
    k = raw.shape[1]
    out = {
        'source': 'data/province-panel/province_panel_2013_2022.csv',
        'columns': names, 'directions': dirs, 'year': years, 'province': df['Province'].tolist(),
        'raw': raw.T,
    }
    norm = {}
    for j in range(k):
        x = raw[:, j]
        for d in '+-':
            for shift in (0.0001, 0.01, 0.0):
                norm[f'minmax|{d}|{shift}|{j}'] = minmax(x, d, shift)
            norm[f'zscore|{d}|{j}'] = zscore(x, d)
            norm[f'vector|{d}|{j}'] = vector(x, d)
            norm[f'mean-ratio|{d}|{j}'] = mean_ratio(x, d)
        norm[f'log|{j}'] = np.log(x)
        norm[f'log1p|{j}'] = np.log1p(x)
    out['normalize'] = norm

    ent = {}
    for shift in (0.0001, 0.01, 0.0):
        Z = np.column_stack([minmax(raw[:, j], dirs[j], shift) for j in range(k)])
        ent[f'pooled|{key(shift)}'] = entropy_w(Z)
        for y in sorted(set(years)):
            # by-time: normalise within the year, then entropy within the year
            sub = raw[years == y]
            Zy = np.column_stack([minmax(sub[:, j], dirs[j], shift) for j in range(k)])
            ent[f'year|{y}|{key(shift)}'] = entropy_w(Zy)
    out['entropy'] = ent

    Z = np.column_stack([minmax(raw[:, j], dirs[j], 0.0001) for j in range(k)])
    e = entropy_w(Z)
    c = critic_w(Z)
    ca = critic_w(Z, absolute=True)
    v = cv_w(Z)
    out['critic'] = c
    out['criticAbs'] = ca
    out['cv'] = v
    out['cvRaw'] = cv_w(raw)
    out['pca'] = pca_w(raw)
    out['pca90'] = pca_w(raw, cumulative=0.9)
    out['pcaCov'] = pca_w(Z, standardize=False)
    sets = [e['weights'], c['weights'], v['weights']]
    out['combine'] = {
        'multiplicative': combine(sets, 'multiplicative'),
        'linear': combine(sets, 'linear'),
        'linearAlpha': combine(sets, 'linear', [0.5, 0.3, 0.2]),
        'game-theory': combine(sets, 'game-theory'),
        'game-theory-2': combine(sets[:2], 'game-theory'),
    }
    w = e['weights']
    out['topsis'] = {
        'vector': topsis(raw, w, dirs, 'vector'),
        'minmax': topsis(raw, w, dirs, 'minmax'),
        'none': topsis(Z, w, ['+'] * k, 'none'),
        'vectorEqual': topsis(raw, np.full(k, 1 / k), dirs, 'vector'),
    }
    out['gra'] = {'rho0.5': gra(Z, w, 0.5), 'rho0.3': gra(Z, w, 0.3), 'equal': gra(Z, np.full(k, 1 / k), 0.5)}
    out['vikor'] = {'v0.5': vikor(raw, w, dirs, 0.5), 'v0.3': vikor(raw, w, dirs, 0.3)}
    score = Z @ w
    out['rank'] = {
        'score': score,
        'min': rank(score), 'average': rank(score, ties='average'),
        'closenessMin': rank(out['topsis']['vector']['closeness']),
        'QAsc': rank(out['vikor']['v0.5']['Q'], order='asc'),
    }
    out['coherence'] = {'correlation': corr(raw), 'correlationNorm': corr(Z), 'alpha': cronbach(Z), 'alphaRaw': cronbach(raw)}
    return out


# ================================================================ (b) small hand-made matrices

SMALL = np.array([
    [7.0, 9.0, 9.0, 8.0, 2.0],
    [8.0, 7.0, 8.0, 7.0, 3.5],
    [9.0, 6.0, 8.0, 9.0, 1.0],
    [6.0, 7.0, 8.0, 6.0, 4.0],
    [8.0, 8.0, 6.5, 9.5, 2.5],
    [5.5, 9.0, 7.0, 8.0, 3.0],
])
SMALL_DIRS = ['+', '+', '+', '+', '-']
SMALL_W = [0.25, 0.2, 0.15, 0.3, 0.1]

# Hwang & Yoon (1981) fighter-aircraft example (Multiple Attribute Decision
# Making, §3.3): max speed, ferry range, max payload, cost (-), reliability,
# manoeuvrability; weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3.
HY = np.array([
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
])
HY_DIRS = ['+', '+', '+', '-', '+', '+']
HY_W = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]


def small():
    X, dirs, w = SMALL, SMALL_DIRS, SMALL_W
    k = X.shape[1]
    Z = np.column_stack([minmax(X[:, j], dirs[j], 0.0001) for j in range(k)])
    Z0 = np.column_stack([minmax(X[:, j], dirs[j], 0.0) for j in range(k)])
    norm = {}
    for j in range(k):
        for d in '+-':
            for shift in (0.0001, 0.01, 0.0):
                norm[f'minmax|{d}|{shift}|{j}'] = minmax(X[:, j], d, shift)
            norm[f'zscore|{d}|{j}'] = zscore(X[:, j], d)
            norm[f'vector|{d}|{j}'] = vector(X[:, j], d)
            norm[f'mean-ratio|{d}|{j}'] = mean_ratio(X[:, j], d)
        norm[f'log|{j}'] = np.log(X[:, j])
        norm[f'log1p|{j}'] = np.log1p(X[:, j])
    sets = [entropy_w(Z)['weights'], critic_w(Z)['weights'], cv_w(Z)['weights']]
    return {
        'raw': X.T, 'directions': dirs, 'weights': w,
        'normalize': norm,
        'entropy': entropy_w(Z), 'entropyNoShift': entropy_w(Z0),
        'critic': critic_w(Z), 'criticAbs': critic_w(Z, absolute=True),
        'cv': cv_w(Z), 'cvRaw': cv_w(X),
        'pca': pca_w(X), 'pcaAll': pca_w(X, cumulative=1.0), 'pcaCov': pca_w(Z, standardize=False),
        'combine': {
            'multiplicative': combine(sets, 'multiplicative'),
            'linear': combine(sets, 'linear'),
            'linearAlpha': combine(sets, 'linear', [0.2, 0.5, 0.3]),
            'game-theory': combine(sets, 'game-theory'),
            'game-theory-dependent': combine([SMALL_W, SMALL_W, sets[0]], 'game-theory'),
            'sets': sets,
        },
        'topsis': {
            'vector': topsis(X, w, dirs, 'vector'),
            'minmax': topsis(X, w, dirs, 'minmax'),
            'none': topsis(Z, w, ['+'] * k, 'none'),
        },
        'gra': {'rho0.5': gra(Z, w, 0.5), 'rho1': gra(Z, w, 1.0), 'equal': gra(Z, np.full(k, 1 / k))},
        'vikor': {'v0.5': vikor(X, w, dirs), 'v0': vikor(X, w, dirs, 0.0), 'v1': vikor(X, w, dirs, 1.0)},
        'coherence': {'correlation': corr(X), 'alpha': cronbach(X), 'alphaNorm': cronbach(Z)},
        'hwangYoon': {'raw': HY.T, 'directions': HY_DIRS, 'weights': HY_W, 'topsis': topsis(HY, HY_W, HY_DIRS, 'vector')},
    }


# ================================================================ (c) AHP

AHP_CASES = {
    # Widely reproduced 3x3 example (e.g. Saaty 1980 textbook exercises):
    # priorities 0.637, 0.258, 0.105; lambda_max 3.039; CR 0.033.
    'saaty3': {'matrix': [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]],
               'published': {'weights': [0.637, 0.258, 0.105], 'lambdaMax': 3.039, 'CR': 0.033, 'tol': 0.0005}},
    # Saaty (1977, J. Math. Psych. 15; 1980 ch. 2) light-intensity experiment:
    # lambda_max = 4.39, CI = 0.13, eigenvector 0.62, 0.24, 0.10, 0.05 -> CR 0.14 > 0.1.
    'saatyLight': {'matrix': [[1, 5, 6, 7], [1 / 5, 1, 4, 6], [1 / 6, 1 / 4, 1, 4], [1 / 7, 1 / 6, 1 / 4, 1]],
                   'published': {'weights': [0.62, 0.24, 0.10, 0.05], 'lambdaMax': 4.39, 'CI': 0.13, 'tol': 0.005}},
    'consistent4': {'matrix': [[1, 2, 4, 8], [1 / 2, 1, 2, 4], [1 / 4, 1 / 2, 1, 2], [1 / 8, 1 / 4, 1 / 2, 1]]},
    'two': {'matrix': [[1, 3], [1 / 3, 1]]},
    'one': {'matrix': [[1]]},
    'five': {'matrix': [[1, 2, 3, 5, 7], [1 / 2, 1, 2, 3, 5], [1 / 3, 1 / 2, 1, 2, 3], [1 / 5, 1 / 3, 1 / 2, 1, 2], [1 / 7, 1 / 5, 1 / 3, 1 / 2, 1]]},
    'rounded': {'matrix': [[1, 3, 5], [0.33, 1, 3], [0.2, 0.33, 1]]},
}


def ahp_fixture():
    out = {}
    for name, case in AHP_CASES.items():
        A = case['matrix']
        out[name] = {'matrix': A, 'eigenvector': ahp(A), 'geometric-mean': ahp(A, 'geometric-mean')}
        if 'published' in case:
            out[name]['published'] = case['published']
    out['RI'] = SAATY_RI
    return out


# ================================================================ (d) degenerate inputs

def degenerate():
    const = np.array([3.0, 3.0, 3.0, 3.0])
    X = np.column_stack([[1.0, 2.0, 4.0, 8.0], const, [0.5, 0.1, 0.4, 0.2]])
    dirs = ['+', '+', '-']
    k = X.shape[1]
    Z = np.column_stack([minmax(X[:, j], dirs[j], 0.0001) for j in range(k)])
    allConst = np.column_stack([const, const * 2])
    one = np.array([[1.0, 5.0, 2.0]])
    return {
        'constantColumn': {
            'raw': X.T, 'directions': dirs, 'normalized': Z.T,
            'minmax': minmax(const, '+', 0.0001), 'zscore': zscore(const, '+'), 'vector': vector(const, '-'),
            'meanRatio': mean_ratio(const, '-'), 'vectorZero': vector(np.zeros(4), '+'), 'vectorZeroNeg': vector(np.zeros(4), '-'),
            'entropy': entropy_w(Z), 'critic': critic_w(Z), 'cv': cv_w(Z),
            'topsis': topsis(X, [0.4, 0.3, 0.3], dirs), 'gra': gra(Z, [0.4, 0.3, 0.3]), 'vikor': vikor(X, [0.4, 0.3, 0.3], dirs),
            'correlation': corr(X), 'alpha': cronbach(X),
        },
        'allConstant': {
            'raw': allConst.T, 'entropy': entropy_w(allConst), 'critic': critic_w(allConst), 'cv': cv_w(allConst),
            'topsis': topsis(allConst, [0.5, 0.5], ['+', '-']), 'gra': gra(allConst, [0.5, 0.5]),
            'vikor': vikor(allConst, [0.5, 0.5], ['+', '-']), 'alpha': cronbach(allConst),
        },
        'oneUnit': {
            'raw': one.T, 'minmax': [minmax(one[:, j], '+', 0.0001) for j in range(3)],
            'zscore': [zscore(one[:, j], '+') for j in range(3)],
            'entropy': entropy_w(one), 'critic': critic_w(one), 'cv': cv_w(one),
            'topsis': topsis(one, [0.2, 0.3, 0.5], ['+', '+', '-']), 'vikor': vikor(one, [0.2, 0.3, 0.5], ['+', '+', '-']),
            'gra': gra(one, [0.2, 0.3, 0.5]), 'alpha': cronbach(one),
        },
        'zerosNoShift': {
            # min-max without shift puts a 0 in every column; 0 ln 0 = 0.
            'raw': X[:, [0, 2]].T,
            'entropy': entropy_w(np.column_stack([minmax(X[:, 0], '+', 0.0), minmax(X[:, 2], '-', 0.0)])),
        },
        'logWithZero': {'x': [0.0, 1.0, 10.0], 'log1p': np.log1p([0.0, 1.0, 10.0])},
        'errors': {
            'entropyNegative': [[0.2, -0.1, 0.5]],
            'logZeroIndex': 1, 'logZero': [2.0, 0.0, 3.0],
            'logNegativeIndex': 2, 'logNegative': [2.0, 0.0, -3.0],
            'cvZeroMean': [[-1.0, 0.0, 1.0]],
            'ahpNotReciprocal': [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 3, 1]],
            'ahpNegative': [[1, -3], [1 / 3, 1]],
            'ahpDiagonal': [[2, 3], [1 / 3, 1]],
        },
    }


# ================================================================ ranks

def rank_fixture():
    cases = {
        'ties': [3.0, 1.0, 3.0, 2.0, 5.0, 3.0],
        'withNaN': [3.0, float('nan'), 1.0, 3.0, float('nan')],
        'allEqual': [1.0, 1.0, 1.0],
        'single': [42.0],
        'negZero': [0.0, -0.0, 1.0],
    }
    out = {}
    for name, x in cases.items():
        out[name] = {'values': x}
        for order in ('desc', 'asc'):
            for ties in ('min', 'average', 'dense', 'first'):
                out[name][f'{order}|{ties}'] = rank(x, order, ties)
    # Cross-check the NaN rule with R when it is installed (not needed in CI).
    if shutil.which('Rscript'):
        got = subprocess.run(['Rscript', '-e', 'x<-c(3,NA,1,3,NA);cat(rank(-x,ties.method="min"),rank(-x,ties.method="average"),rank(-x,ties.method="first"))'],
                             capture_output=True, text=True, check=True).stdout.split()
        ours = np.concatenate([out['withNaN']['desc|min'], out['withNaN']['desc|average'], out['withNaN']['desc|first']])
        assert np.allclose([float(g) for g in got], ours), (got, ours)
        out['withNaN']['checkedWithR'] = True
    return out


if __name__ == '__main__':
    write('province.json', province())
    write('small.json', small())
    write('ahp.json', ahp_fixture())
    write('degenerate.json', degenerate())
    write('rank.json', rank_fixture())
    print('wrote fixtures to', os.path.relpath(OUT, ROOT))

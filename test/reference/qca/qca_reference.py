"""Independent NumPy / statsmodels reference for xinzhi's QCA module.

Run from the repository root with Debian's Python (python3-numpy, python3-pandas,
python3-statsmodels):
    /usr/bin/python3 test/reference/qca/qca_reference.py
Writes test/reference/qca/fixtures/qca-numpy.json.

What it computes, each directly from its definition (no code shared with xinzhi):
- direct calibration of Lipset's raw data with fs/QCA's +-3 log-odds and the R
  package QCA's default (idm = 0.95), written as Ragin's (2008) "deviation x scalar";
- indirect calibration: fractional logit of target memberships (statsmodels GLM, Binomial);
- sufficiency and necessity fit (inclS, PRI, covS, inclN, RoN, covN) of every
  condition and negation;
- truth tables (case assignment by membership > 0.5, incl, PRI);
- complex and parsimonious solutions by brute force: every conjunction (3^k of
  them) is tested against the truth table, prime ones kept, and all covers of
  minimal size enumerated. This enumerative route shares nothing with the
  Quine-McCluskey merging that xinzhi implements.
"""
import itertools
import json
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data')


def read(name):
    return pd.read_csv(os.path.join(DATA, name))


def direct(x, e, c, i, log_odds):
    x = np.asarray(x, float)
    increasing = e < c
    lo, hi = (e, i) if increasing else (i, e)
    dev = x - c
    scalar = np.where(dev >= 0, log_odds / (hi - c), log_odds / (c - lo))
    m = np.exp(dev * scalar) / (1 + np.exp(dev * scalar))
    return m if increasing else 1 - m


def suff(x, y):
    xy = np.minimum(x, y)
    xyny = np.minimum(xy, 1 - y)
    return {'inclS': xy.sum() / x.sum(), 'PRI': (xy.sum() - xyny.sum()) / (x.sum() - xyny.sum()), 'covS': xy.sum() / y.sum()}


def nec(x, y):
    xy = np.minimum(x, y)
    return {'inclN': xy.sum() / y.sum(), 'RoN': (1 - x).sum() / (1 - xy).sum(), 'covN': xy.sum() / x.sum()}


def conj_membership(X, imp):
    m = np.ones(X.shape[0])
    for j, v in enumerate(imp):
        if v == 1:
            m = np.minimum(m, X[:, j])
        elif v == 0:
            m = np.minimum(m, 1 - X[:, j])
    return m


def label(names, imp):
    parts = [(n if v == 1 else '~' + n) for n, v in zip(names, imp) if v >= 0]
    return '*'.join(parts)


def truth_table(df, conds, outcome, incl_cut):
    X = df[conds].to_numpy(float)
    y = df[outcome].to_numpy(float)
    k = len(conds)
    rows = []
    for config in itertools.product([0, 1], repeat=k):
        m = conj_membership(X, config)
        members = [df['case'][r] for r in range(len(df)) if m[r] > 0.5]
        if not members:
            continue
        f = suff(m, y)
        index = int(''.join(map(str, config)), 2) + 1
        rows.append({'index': index, 'config': list(config), 'n': len(members), 'cases': members,
                     'incl': f['inclS'], 'PRI': f['PRI'], 'OUT': '1' if f['inclS'] >= incl_cut else '0'})
    return rows


def brute_force(df, conds, outcome, rows, use_remainders):
    k = len(conds)
    pos = [tuple(r['config']) for r in rows if r['OUT'] == '1']
    neg = [tuple(r['config']) for r in rows if r['OUT'] == '0']
    observed = {tuple(r['config']) for r in rows}
    allowed_cfg = set(pos) | ({c for c in itertools.product([0, 1], repeat=k) if c not in observed} if use_remainders else set())

    def covered(imp):
        return [c for c in itertools.product([0, 1], repeat=k) if all(v < 0 or v == c[j] for j, v in enumerate(imp))]

    allowed = [imp for imp in itertools.product([-1, 0, 1], repeat=k) if all(c in allowed_cfg for c in covered(imp))]
    allowed_set = set(allowed)

    def is_prime(imp):
        for j, v in enumerate(imp):
            if v >= 0:
                up = list(imp)
                up[j] = -1
                if tuple(up) in allowed_set:
                    return False
        return True

    primes = [p for p in allowed if is_prime(p) and any(c in pos for c in covered(p))]
    for size in range(1, len(primes) + 1):
        sols = [s for s in itertools.combinations(primes, size) if all(any(c in covered(p) for p in s) for c in pos)]
        if sols:
            break
    X = df[conds].to_numpy(float)
    y = df[outcome].to_numpy(float)
    out = []
    for s in sols:
        parts = [conj_membership(X, p) for p in s]
        whole = np.max(parts, axis=0)
        wf = suff(whole, y)
        terms = []
        for t, p in enumerate(s):
            others = [parts[u] for u in range(len(s)) if u != t]
            cov_others = suff(np.max(others, axis=0), y)['covS'] if others else 0.0
            terms.append({'label': label(conds, p), **suff(parts[t], y), 'covU': wf['covS'] - cov_others})
        out.append({'terms': terms, **wf})
    return out


def main():
    out = {'generator': 'test/reference/qca/qca_reference.py', 'numpy': np.__version__}
    lr = read('lipset_LR.csv')
    anchors = {'DEV': (400, 550, 900), 'URB': (20, 50, 70), 'LIT': (50, 75, 95), 'IND': (15, 30, 45), 'STB': (14, 10, 5)}
    out['direct'] = {
        preset: {col: {'anchors': list(a), 'memberships': direct(lr[col], *a, lo).tolist()} for col, a in anchors.items()}
        for preset, lo in (('fsqca', 3.0), ('qca', float(np.log(0.95 / 0.05))))
    }
    # Indirect: targets from a qualitative ranking of DEV (Ragin 2008, Table 5.3 style categories).
    dev = lr['DEV'].to_numpy(float)
    targets = np.select([dev < 400, dev < 550, dev < 700, dev < 900], [0.05, 0.33, 0.6, 0.8], 0.95)
    X = sm.add_constant(dev)
    fit = sm.GLM(targets, X, family=sm.families.Binomial()).fit(tol=1e-14, maxiter=200)
    out['indirect'] = {'values': dev.tolist(), 'targets': targets.tolist(), 'intercept': float(fit.params[0]),
                       'slope': float(fit.params[1]), 'memberships': fit.fittedvalues.tolist()}

    cases = {}
    for name, file, conds, outcome, cut in (('LF', 'lipset_LF.csv', ['DEV', 'URB', 'LIT', 'IND', 'STB'], 'SURV', 0.8),
                                            ('LC', 'lipset_LC.csv', ['DEV', 'URB', 'LIT', 'IND', 'STB'], 'SURV', 1.0),
                                            ('JS', 'jobsecurity.csv', ['S', 'C', 'L', 'R', 'P', 'V'], 'JSR', 0.9)):
        df = read(file)
        y = df[outcome].to_numpy(float)
        fitrows = []
        for c in conds:
            x = df[c].to_numpy(float)
            for lab, xx in ((c, x), ('~' + c, 1 - x)):
                fitrows.append({'label': lab, **suff(xx, y), **nec(xx, y),
                                'negOutcome': {**suff(xx, 1 - y), **nec(xx, 1 - y)}})
        rows = truth_table(df, conds, outcome, cut)
        cases[name] = {'file': file, 'conditions': conds, 'outcome': outcome, 'inclCut': cut, 'fit': fitrows,
                       'truthTable': rows,
                       'complex': brute_force(df, conds, outcome, rows, False),
                       'parsimonious': brute_force(df, conds, outcome, rows, True)}
    out['cases'] = cases
    path = os.path.join(HERE, 'fixtures', 'qca-numpy.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', path)


if __name__ == '__main__':
    main()

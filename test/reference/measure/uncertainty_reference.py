#!/usr/bin/env python3
"""
Independent reference for xinzhi's Monte Carlo uncertainty and sensitivity
analysis (src/core/measure/uncertainty.ts; docs/measurement.md, "Uncertainty
and sensitivity"), written with NumPy / SciPy / pandas from the documented
formulas, not from the TypeScript code.

The random draws are an input: xinzhi's seeded generator (seedrandom) cannot
be replayed here, so test/reference/measure/uncertainty_design.ts records, for
each draw, the chosen normalisation, weighting method and aggregation and the
uniform numbers u of the weight perturbation (fixtures/uncertainty_design_*.json).
From the data, the spec and that design this script recomputes everything else:

- the data pipeline and the nominal index: evaluate_reference.py (same directory);
- the normalised matrix of each drawn normalisation (spec shift and panel);
- nominal local weights of each drawn weighting method, computed on the NOMINAL
  normalisation (spec.normalize), per weight group (pooled: one; weights.panel
  by-time: one per time), scope leaves / children as in evaluate_reference.py
  (under children the child scores are aggregated with the drawn aggregation);
- perturbed local weights w'_c = w_c (1 + a (2u - 1)), a = weightNoise,
  renormalised among the children of each node; global weights = products of
  perturbed locals along the path from the index;
- score of each row = sum_j W_j x_j (arithmetic) or sum_j W_j ln x_j (geometric:
  ln of prod x^W; ln is strictly increasing, so the ranks are those of the
  geometric mean), with the weights of the row's weight group, summed over the
  indicators in order;
- ranks within each time, descending, ties "min" (scipy.stats.rankdata
  method="min" on the negated scores);
- per unit-time: nominal rank (the nominal evaluation, ties as spec.score.ties),
  median rank and the 5 % / 95 % quantiles of the D draw ranks by
  numpy.quantile's default "linear" method (Hyndman & Fan type 7, R's default);
- influence of each choice i with >= 2 options: per unit-time,
  S_i = sum_l (n_l / D) (mean_l - mean)^2 / var (population variance of the D
  ranks, mean_l the mean rank over the n_l draws with option l), averaged over
  the unit-times whose rank variance is > 1e-12; residual = max(0, 1 - sum S_i).

Regenerate (from the repository root):
    node bin/run-ts.js test/reference/measure/uncertainty_design.ts   # only if the generator changed
    /usr/bin/python3 test/reference/measure/uncertainty_reference.py
Writes test/reference/measure/fixtures/uncertainty_expected_<case>.json.
"""
import glob
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy
from scipy.stats import rankdata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from evaluate_reference import (DEFAULT_CSV, Tree, evaluate, global_of, local_weights,  # noqa: E402
                                normalized_frame, prepare, to_py)

FIX = os.path.join(HERE, 'fixtures')


def run(doc):
    spec = doc['spec']
    design = doc['design']
    unc = spec['uncertainty']
    if doc['data'] == 'default':
        df = pd.read_csv(DEFAULT_CSV)
    else:
        df = pd.DataFrame([{k: (np.nan if v is None else v) for k, v in r.items()} for r in doc['data']])
    unit, time = spec['unit'], spec['time']
    tree = Tree(spec)
    ind = tree.ind
    data = prepare(df, spec)
    n = len(data)
    times = sorted(data[time].unique())
    tpos = data[time].map({t: g for g, t in enumerate(times)}).to_numpy()
    rows_of = [np.where(tpos == g)[0] for g in range(len(times))]

    # nominal ranks
    nominal = evaluate(df, spec)
    nom = {(s['unit'], s['time']): s['rank'] for s in nominal['scores']}

    # choice lists (default: the nominal choice)
    lists = {
        'normalize': unc.get('normalize', [spec['normalize']['method']]),
        'weights': unc.get('weights', [spec['weights']['method']]),
        'aggregate': unc.get('aggregate', [spec['aggregate']['method']]),
    }
    a = unc.get('weightNoise', 0.25)
    assert design['weightNoise'] == a

    X_nominal = normalized_frame(data, spec)
    by_time = spec['weights'].get('panel', 'pooled') == 'by-time'
    mats, bases = {}, {}

    def matrix(nm, ag):
        if (nm, ag) not in mats:
            M = normalized_frame(data, spec, nm)[ind].to_numpy(dtype=float)
            if ag == 'geometric':
                assert (M > 0).all()
                M = np.log(M)
            mats[(nm, ag)] = M
        return mats[(nm, ag)]

    def base(wm, ag):
        if (wm, ag) not in bases:
            if by_time:
                bases[(wm, ag)] = [local_weights(tree, spec, X_nominal[tpos == g], wm, {'method': ag}) for g in range(len(times))]
            else:
                bases[(wm, ag)] = [local_weights(tree, spec, X_nominal, wm, {'method': ag})]
        return bases[(wm, ag)]

    D = len(design['draws'])
    assert D == unc['draws']
    R = np.zeros((n, D))
    level = {k: np.zeros(D, dtype=int) for k in lists}
    for d, dr in enumerate(design['draws']):
        nm, wm, ag = dr['normalize'], dr['weights'], dr['aggregate']
        level['normalize'][d] = lists['normalize'].index(nm)
        level['weights'][d] = lists['weights'].index(wm)
        level['aggregate'][d] = lists['aggregate'].index(ag)
        B = base(wm, ag)
        assert len(dr['u']) == len(B), 'weight groups'
        W = []
        for g, loc in enumerate(B):
            pert = {}
            for node, lw in loc.items():
                u = np.array(dr['u'][g][node])
                assert len(u) == len(lw)
                p = lw * (1 + a * (2 * u - 1))
                pert[node] = p / p.sum() if p.sum() > 0 else p
            glob = global_of(tree, pert)
            W.append(np.array([glob[i] for i in ind]))
        Wrow = np.array([W[tpos[r]] if len(W) > 1 else W[0] for r in range(n)])
        M = matrix(nm, ag)
        s = np.zeros(n)
        for j in range(len(ind)):
            s += Wrow[:, j] * M[:, j]
        for rows in rows_of:
            R[rows, d] = rankdata(-s[rows], method='min')

    ranks = []
    for r in range(n):
        q05, med, q95 = np.quantile(R[r], [0.05, 0.5, 0.95])
        assert med == np.median(R[r])
        u_, t_ = str(data[unit].iloc[r]), to_py(data[time].iloc[r])
        ranks.append({'unit': u_, 'time': t_, 'nominalRank': nom[(u_, t_)], 'medianRank': float(med), 'q05': float(q05), 'q95': float(q95)})

    influence = {}
    var = R.var(axis=1)
    mu = R.mean(axis=1)
    active = var > 1e-12
    for f in ['normalize', 'weights', 'aggregate']:
        L = len(lists[f])
        if L < 2:
            continue
        between = np.zeros(n)
        for l in range(L):
            sel = level[f] == l
            if sel.sum() == 0:
                continue
            between += sel.sum() / D * (R[:, sel].mean(axis=1) - mu) ** 2
        influence[f] = float((between[active] / var[active]).mean()) if active.any() else 0.0
    influence['residual'] = max(0.0, 1 - sum(influence.values()))
    return {'draws': D, 'seed': unc.get('seed', 1), 'ranks': ranks, 'influence': influence,
            'choiceCounts': {f: np.bincount(level[f], minlength=len(lists[f])).tolist() for f in lists}}


def main():
    for path in sorted(glob.glob(os.path.join(FIX, 'uncertainty_design_*.json'))):
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
        res = run(doc)
        name = doc['case']
        out = {'case': name, 'design': os.path.basename(path),
               'generator': 'test/reference/measure/uncertainty_reference.py (NumPy %s, SciPy %s, pandas %s)' % (np.__version__, scipy.__version__, pd.__version__),
               'expected': res}
        with open(os.path.join(FIX, 'uncertainty_expected_%s.json' % name), 'w', encoding='utf-8') as f:
            json.dump(out, f, ensure_ascii=False, separators=(',', ':'))
        print('wrote uncertainty_expected_%s.json  influence %s' % (name, {k: round(v, 4) for k, v in res['influence'].items()}))


if __name__ == '__main__':
    main()

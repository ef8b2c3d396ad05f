"""Independent NumPy reference for the classic and spatial Markov chains
(quantile classes, transition matrices, steady states, Bickenbach-Bode Q/LR
homogeneity as in PySAL giddy) and for sigma-convergence.

Run from the project root:  /usr/bin/python3 test/reference/analysis/markov_sigma_reference.py
Needs python3-numpy, python3-scipy, python3-pandas. Uses the queen contiguity
edge list written by spatial_reference.R (spdep poly2nb + Hainan-Guangdong).
Writes test/reference/analysis/fixtures/markov_sigma_numpy.json.
"""
import json
import numpy as np
import pandas as pd
from scipy import stats

df = pd.read_csv("data/province-panel/province_panel_2013_2022.csv")
units = list(dict.fromkeys(df["Province"]))
years = sorted(df["Year"].unique())
edges = pd.read_csv("test/reference/analysis/fixtures/queen31_edges.csv")
n = len(units)
W = np.zeros((n, n))
for f, t in zip(edges["from"], edges["to"]):
    W[units.index(f), units.index(t)] = 1.0
W = W / W.sum(axis=1, keepdims=True)


def matrix(col):
    """n x T array, rows in panel unit order, columns sorted years."""
    p = df.pivot(index="Province", columns="Year", values=col)
    return p.loc[units, years].to_numpy(dtype=float)


def classes(y, k, scope):
    if scope == "pooled":
        br = np.quantile(y.ravel(), [c / k for c in range(1, k)])  # linear = R type 7
        return np.searchsorted(br, y, side="left"), [list(br)] * y.shape[1]
    out = np.zeros_like(y, dtype=int)
    brs = []
    for t in range(y.shape[1]):
        br = np.quantile(y[:, t], [c / k for c in range(1, k)])
        out[:, t] = np.searchsorted(br, y[:, t], side="left")
        brs.append(list(br))
    return out, brs


def counts(c, k, lag=1, cond=None, l=None):
    T = np.zeros((k, k))
    for t in range(c.shape[1] - lag):
        for i in range(c.shape[0]):
            if cond is not None and cond[i, t] != l:
                continue
            T[c[i, t], c[i, t + lag]] += 1
    return T


def probs(T):
    rs = T.sum(axis=1, keepdims=True)
    return np.divide(T, rs, out=np.zeros_like(T), where=rs > 0)


def steady(P):
    vals, vecs = np.linalg.eig(P.T)
    i = np.argmin(np.abs(vals - 1))
    v = np.real(vecs[:, i])
    return list(v / v.sum())


def homogeneity(M):
    M = np.array(M)
    T = M.sum(axis=0)
    p = probs(T)
    A = (T > 0).sum(axis=1)
    b = np.zeros(T.shape[0])
    Q = LR = 0.0
    for nm in M:
        nim = nm.sum(axis=1)
        b += nim > 0
        pm = probs(nm)
        with np.errstate(divide="ignore", invalid="ignore"):
            Q += np.nansum(np.where(p > 0, nim[:, None] * (pm - p) ** 2 / np.where(p > 0, p, 1), 0))
            LR += np.sum(np.where(nm > 0, nm * np.log(np.where(nm > 0, pm, 1) / np.where(p > 0, p, 1)), 0))
    dof = int(((b - 1) * (A - 1)).sum())
    LR *= 2
    return dict(Q=Q, QpValue=1 - stats.chi2.cdf(Q, dof), LR=LR, LRpValue=1 - stats.chi2.cdf(LR, dof), dof=dof)


out = {"units": units, "years": [int(y) for y in years], "cases": []}
for col, k, scope, lag, relative in [("Digital Economy", 4, "pooled", 1, False), ("Urbanization Level", 5, "byTime", 1, False),
                                     ("Valid Invention Patents", 4, "pooled", 2, True)]:
    y = matrix(col)
    if relative:
        y = y / y.mean(axis=0, keepdims=True)
    c, br = classes(y, k, scope)
    T = counts(c, k, lag)
    P = probs(T)
    ly = W @ y
    lc, lbr = classes(ly, k, scope)
    cond = [counts(c, k, lag, lc, l) for l in range(k)]
    out["cases"].append(dict(
        column=col, k=k, breaks=scope, lag=lag, relative=relative, breaksValues=br, counts=T.tolist(), probabilities=P.tolist(),
        steady=steady(P), lagBreaks=lbr, conditionalCounts=[m.tolist() for m in cond],
        conditionalProbabilities=[probs(m).tolist() for m in cond],
        conditionalSteady=[steady(probs(m)) if (m.sum(axis=1) > 0).all() else None for m in cond],
        homogeneity=homogeneity(cond)))

sig = []
for col, log in [("Digital Economy", False), ("Urbanization Level", True)]:
    y = matrix(col)
    if log:
        y = np.log(y)
    sd = y.std(axis=0, ddof=1)
    cv = sd / y.mean(axis=0)
    sig.append(dict(column=col, log=log, mean=list(y.mean(axis=0)), sd=list(sd), cv=list(cv),
                    slopeSd=np.polyfit(np.array(years, float), sd, 1)[0], slopeCv=np.polyfit(np.array(years, float), cv, 1)[0]))
out["sigma"] = sig
with open("test/reference/analysis/fixtures/markov_sigma_numpy.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote markov_sigma_numpy.json")

"""Reference numbers for the seemingly-unrelated (suest) test of equal slopes across groups
(src/core/estimate/suest.ts).

The construction of Stata's suest (Weesie 1999, STB 52 sg121; Stata manual [R] suest),
written out for linear regressions: each group's model is the dummy-variable regression
inv ~ value + capital + firm dummies + year dummies on that group's rows (as Stata users
run `regress ... i.firm i.year if group == g` before suest); the coefficient vectors are
stacked, every observation contributes (X_g'X_g)^-1 x_i e_i to its group's block of the
stacked influence, the influences are summed by cluster over the union of the samples,
and V = M/(M - 1) * sum_c u_c u_c' (M clusters, or observations without clustering).
The test of equal value slopes is the Wald chi2 with G - 1 df. This script uses the full
dummy regressions (all coefficients stacked), not the within transformation of the
TypeScript code. Data: plm's Grunfeld (grunfeld.csv in this folder), an illustration only.
Run from this folder with Debian's python3-numpy, python3-pandas, python3-scipy:
  /usr/bin/python3 suest_reference.py
"""
import json

import numpy as np
import pandas as pd
from scipy.stats import chi2


def dummies(codes, drop_first=False):
    levels, inv = np.unique(codes, return_inverse=True)
    D = np.zeros((len(codes), len(levels)))
    D[np.arange(len(codes)), inv] = 1.0
    return D[:, 1:] if drop_first else D


def suest(df, groups, cluster=None, factor="stata"):
    names = sorted(df[groups].unique())
    blocks = []
    for g in names:
        d = df[df[groups] == g]
        X = np.hstack([d[["value", "capital"]].to_numpy(float), dummies(d.firm.to_numpy()), dummies(d.year.to_numpy(), True)])
        y = d.inv.to_numpy(float)
        b = np.linalg.solve(X.T @ X, X.T @ y)
        e = y - X @ b
        IF = (X * e[:, None]) @ np.linalg.inv(X.T @ X)  # rows: influence on this group's coefficients
        blocks.append((d.index.to_numpy(), b, IF))
    k = [blk[2].shape[1] for blk in blocks]
    off = np.concatenate([[0], np.cumsum(k)])
    U = np.zeros((len(df), off[-1]))
    for j, (idx, b, IF) in enumerate(blocks):
        U[idx, off[j] : off[j + 1]] = IF
    used = np.concatenate([blk[0] for blk in blocks])
    U = U[used]
    key = df[cluster].to_numpy()[used] if cluster else used
    Uc = pd.DataFrame(U).groupby(key).sum().to_numpy()
    M = Uc.shape[0]
    c = M / (M - 1) if factor == "stata" else 1.0
    V = c * Uc.T @ Uc
    pos = off[:-1]  # value is the first column of each block
    bv = np.array([blk[1][0] for blk in blocks])
    Vv = V[np.ix_(pos, pos)]
    G = len(names)
    R = np.hstack([-np.ones((G - 1, 1)), np.eye(G - 1)])
    d = R @ bv
    RVR = R @ Vv @ R.T
    W = float(d @ np.linalg.solve(RVR, d))
    return {
        "groups": [str(n) for n in names],
        "estimate": bv.tolist(),
        "se": np.sqrt(np.diag(Vv)).tolist(),
        "diff": d.tolist(),
        "diffSe": np.sqrt(np.diag(RVR)).tolist(),
        "clusters": M,
        "chi2": W,
        "df": G - 1,
        "p": float(chi2.sf(W, G - 1)),
    }


g = pd.read_csv("grunfeld.csv")
g["size"] = np.where(g.firm <= 5, "large", "small")
g["three"] = np.select([g.firm <= 3, g.firm <= 7], ["a", "b"], "c")
res = {
    "two_cluster_firm": suest(g, "size", "firm"),
    "two_cluster_year": suest(g, "size", "year"),
    "two_robust": suest(g, "size"),
    "two_cluster_year_cr0": suest(g, "size", "year", factor="none"),
    "three_cluster_year": suest(g, "three", "year"),
}
with open("fixtures/suest.json", "w") as f:
    json.dump(res, f, indent=1)
    f.write("\n")

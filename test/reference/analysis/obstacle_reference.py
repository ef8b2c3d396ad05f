"""Reference values for the obstacle degree model, computed directly from the
formulas with NumPy, independent of xinzhi. Writes fixtures/obstacle.json.

Inputs: 6 indicators of the embedded province panel in two dimensions,
min-max normalised (pooled over 2020-2022) with shift s = 0.0001, entropy
weights (pooled). Obstacle: F_j = w_j, I_ij = (1 + s) - x'_ij,
O_ij = F_j I_ij / sum_j F_j I_ij; dimension obstacle = sum over its indicators;
unnormalised contributions C_ij = F_j I_ij and their dimension sums.
A second case uses different weights per year (weights.panel = by-time).

Run: /usr/bin/python3 test/reference/analysis/obstacle_reference.py
"""
import csv
import json
import os
import numpy as np
from provinces_regions import PANEL

HERE = os.path.dirname(os.path.abspath(__file__))
IND = [
    ("rd_staff", "R&D Personnel", "tech"),
    ("rd_exp", "Internal R&D Expenditure (10K RMB)", "tech"),
    ("patents", "Valid Invention Patents", "tech"),
    ("fiber", "Digital Infra - Fiber Length", "digital"),
    ("ports", "Digital Infra - Broadband Ports per Capita", "digital"),
    ("telecom", "Telecom Volume", "digital"),
]
SHIFT = 1e-4


def entropy_weights(Z):
    P = Z / Z.sum(axis=0)
    e = -(P * np.log(P)).sum(axis=0) / np.log(Z.shape[0])
    d = 1 - e
    return d / d.sum()


def contributions(Z, W):
    return W * ((1 + SHIFT) - Z)


def obstacles(Z, W):
    F = contributions(Z, W)
    return F / F.sum(axis=1, keepdims=True)


def main():
    with open(PANEL, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if int(r["Year"]) >= 2020]
    X = np.array([[float(r[c]) for _, c, _ in IND] for r in rows])
    Z = (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0)) + SHIFT
    w = entropy_weights(Z)
    O = obstacles(Z, np.broadcast_to(w, Z.shape))
    years = [int(r["Year"]) for r in rows]
    wt = {y: entropy_weights(Z[np.array(years) == y]) for y in sorted(set(years))}
    Wt = np.array([wt[y] for y in years])
    Ot = obstacles(Z, Wt)
    dims = sorted({d for _, _, d in IND}, key=[d for _, _, d in IND].index)

    def dim_sums(O):
        return [[float(sum(O[r, j] for j, (_, _, d) in enumerate(IND) if d == dd)) for dd in dims] for r in range(O.shape[0])]

    def means(O, C):
        # means by year of the shares, the dimension shares, the contributions and the gap
        ys = np.array(years)
        D, DC = np.array(dim_sums(O)), np.array(dim_sums(C))
        return {str(y): {"obstacle": O[ys == y].mean(axis=0).tolist(), "dimension": D[ys == y].mean(axis=0).tolist(),
                         "contribution": C[ys == y].mean(axis=0).tolist(),
                         "dimensionContribution": DC[ys == y].mean(axis=0).tolist(),
                         "gap": float(C[ys == y].sum(axis=1).mean())} for y in sorted(set(years))}

    out = {
        "source": "test/reference/analysis/obstacle_reference.py (NumPy, direct formulas)",
        "shift": SHIFT,
        "indicators": [i for i, _, _ in IND],
        "dimensionOf": {i: d for i, _, d in IND},
        "dimensions": dims,
        "unit": [r["Province"] for r in rows],
        "time": years,
        "normalized": {i: Z[:, j].tolist() for j, (i, _, _) in enumerate(IND)},
        "pooled": {"weights": w.tolist(), "obstacle": O.tolist(), "dimension": dim_sums(O),
                   "contribution": contributions(Z, np.broadcast_to(w, Z.shape)).tolist(),
                   "dimensionContribution": dim_sums(contributions(Z, np.broadcast_to(w, Z.shape))),
                   "mean": means(O, contributions(Z, np.broadcast_to(w, Z.shape)))},
        "byTime": {"weights": {str(y): v.tolist() for y, v in wt.items()}, "obstacle": Ot.tolist(), "dimension": dim_sums(Ot),
                   "contribution": contributions(Z, Wt).tolist(), "dimensionContribution": dim_sums(contributions(Z, Wt))},
    }
    with open(os.path.join(HERE, "fixtures", "obstacle.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()

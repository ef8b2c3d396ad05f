"""Reference values for Theil T (GE(1)) and L (GE(0), mean log deviation)
with their within / between decomposition, computed directly from the
formulas (Theil 1967; Shorrocks 1980), independent of xinzhi.
Writes fixtures/theil.json.

Run: /usr/bin/python3 test/reference/analysis/theil_reference.py
"""
import json
import os
import numpy as np
from provinces_regions import province_panel

HERE = os.path.dirname(os.path.abspath(__file__))


def T_of(y):
    y = np.asarray(y, float)
    m = y.mean()
    r = y / m
    return float(np.sum(np.where(r > 0, r * np.log(np.where(r > 0, r, 1)), 0.0)) / len(y))


def L_of(y):
    y = np.asarray(y, float)
    return float(np.mean(np.log(y.mean() / y)))


def decompose(y, g, with_L=True):
    y = np.asarray(y, float)
    g = np.asarray(g)
    n, mu = len(y), y.mean()
    names = sorted(set(g.tolist()), key=lambda k: (y[g == k].mean(), k))
    out = {"T": {"total": T_of(y), "within": 0.0, "between": 0.0, "groups": []}}
    if with_L:
        out["L"] = {"total": L_of(y), "within": 0.0, "between": 0.0, "groups": []}
    for k in names:
        a = y[g == k]
        p = len(a) / n
        s = a.sum() / y.sum()
        Tg = T_of(a) if a.mean() > 0 else 0.0
        bT = s * np.log(a.mean() / mu) if s > 0 else 0.0
        out["T"]["within"] += s * Tg
        out["T"]["between"] += bT
        out["T"]["groups"].append({"name": k, "index": Tg, "withinContribution": s * Tg, "betweenContribution": bT})
        if with_L:
            Lg = L_of(a)
            bL = p * np.log(mu / a.mean())
            out["L"]["within"] += p * Lg
            out["L"]["between"] += bL
            out["L"]["groups"].append({"name": k, "index": Lg, "withinContribution": p * Lg, "betweenContribution": bL})
    return out


def case(name, y, g, with_L=True):
    return {"name": name, "values": [float(v) for v in y], "groups": [str(v) for v in g],
            "measures": ["T", "L"] if with_L else ["T"], "expected": decompose(y, g, with_L)}


def main():
    cases = []
    rows = province_panel("Internal R&D Expenditure (10K RMB)")
    for year in (2013, 2017, 2022):
        sel = [r for r in rows if r[0] == year]
        cases.append(case(f"province R&D expenditure {year} by region", [r[3] for r in sel], [r[2] for r in sel]))
    rng = np.random.default_rng(7)
    y = np.concatenate([rng.lognormal(0, 1, 12), rng.lognormal(1, 0.5, 30), rng.lognormal(0.5, 1.5, 4)])
    g = ["a"] * 12 + ["b"] * 30 + ["c"] * 4
    cases.append(case("synthetic lognormal, unequal groups 12/30/4", y, g))
    cases.append(case("with zeros (T only), a group of zeros", [0, 0, 1, 3, 0, 5, 2], ["z", "z", "a", "a", "b", "b", "b"], with_L=False))
    cases.append(case("one group", [1.0, 2.0, 4.0, 8.0], ["all"] * 4))
    with open(os.path.join(HERE, "fixtures", "theil.json"), "w", encoding="utf-8") as f:
        json.dump({"source": "test/reference/analysis/theil_reference.py (NumPy, direct formulas)", "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()

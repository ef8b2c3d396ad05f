"""Reference values for the Dagum Gini decomposition: a direct all-pairs
implementation (O(n^2)) of the formulas in Dagum (1997), Empirical Economics
22: 515-531, independent of xinzhi. Writes fixtures/gini.json.

Run: /usr/bin/python3 test/reference/analysis/gini_reference.py
"""
import json
import os
import numpy as np
from provinces_regions import province_panel

HERE = os.path.dirname(os.path.abspath(__file__))


def dagum(y, g):
    y = np.asarray(y, dtype=float)
    g = np.asarray(g)
    n = len(y)
    mu = y.mean()
    names = sorted(set(g.tolist()), key=lambda k: (y[g == k].mean(), k))
    Y = [y[g == k] for k in names]
    G = np.abs(y[:, None] - y[None, :]).sum() / (2 * n * n * mu)
    p = [len(a) / n for a in Y]
    s = [len(a) * a.mean() / (n * mu) for a in Y]
    groups = []
    Gw = 0.0
    for k, a in enumerate(Y):
        m = a.mean()
        gjj = np.abs(a[:, None] - a[None, :]).sum() / (2 * len(a) ** 2 * m) if m > 0 else 0.0
        groups.append({"name": names[k], "n": len(a), "mean": m, "gini": gjj, "populationShare": p[k], "incomeShare": s[k]})
        Gw += gjj * p[k] * s[k]
    pairs = []
    Gnb = 0.0
    Gt = 0.0
    for j in range(1, len(Y)):
        for h in range(j):
            a, b = Y[j], Y[h]
            diff = a[:, None] - b[None, :]
            gjh_den = len(a) * len(b) * (a.mean() + b.mean())
            gjh = np.abs(diff).sum() / gjh_den if gjh_den > 0 else 0.0
            d = np.where(diff > 0, diff, 0).sum() / (len(a) * len(b))
            pp = np.where(diff < 0, -diff, 0).sum() / (len(a) * len(b))
            D = (d - pp) / (d + pp) if d + pp > 0 else 0.0
            w = p[j] * s[h] + p[h] * s[j]
            Gnb += gjh * w * D
            Gt += gjh * w * (1 - D)
            pairs.append({"high": names[j], "low": names[h], "gini": gjh, "d": d, "p": pp, "D": D})
    return {"total": G, "within": Gw, "between": Gnb, "transvariation": Gt, "groups": groups, "pairs": pairs}


def case(name, y, g):
    return {"name": name, "values": [float(v) for v in y], "groups": [str(v) for v in g], "expected": dagum(y, g)}


def main():
    cases = []
    col = "Internal R&D Expenditure (10K RMB)"
    rows = province_panel(col)
    for year in sorted({r[0] for r in rows}):
        sel = [r for r in rows if r[0] == year]
        cases.append(case(f"province R&D expenditure {year} by region", [r[3] for r in sel], [r[2] for r in sel]))
    rng = np.random.default_rng(20240501)
    sizes = {"A": 5, "B": 17, "C": 40, "D": 3}
    y, g = [], []
    for k, (grp, m) in enumerate(sizes.items()):
        vals = rng.lognormal(mean=0.3 * k, sigma=0.8, size=m)
        y += vals.tolist()
        g += [grp] * m
    cases.append(case("synthetic lognormal, unequal group sizes 5/17/40/3", y, g))
    ints = rng.integers(0, 6, size=60).astype(float)  # many ties and zeros
    cases.append(case("synthetic integers with ties and zeros, 3 groups", ints, rng.choice(["x", "y", "z"], size=60)))
    cases.append(case("one group", [1.0, 2.0, 3.0, 7.0], ["only"] * 4))
    cases.append(case("one unit per group", [1.0, 4.0, 2.5, 9.0], ["a", "b", "c", "d"]))
    cases.append(case("all values equal", [3.0] * 6, ["a", "a", "b", "b", "c", "c"]))
    cases.append(case("non-overlapping groups (p_jh = 0)", [1, 2, 3, 10, 11, 12, 13], ["lo", "lo", "lo", "hi", "hi", "hi", "hi"]))
    cases.append(case("a group of zeros", [0, 0, 0, 1, 5, 2, 8], ["z", "z", "z", "a", "a", "b", "b"]))
    with open(os.path.join(HERE, "fixtures", "gini.json"), "w", encoding="utf-8") as f:
        json.dump({"source": "test/reference/analysis/gini_reference.py (NumPy all-pairs, Dagum 1997)", "numpy": np.__version__, "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()

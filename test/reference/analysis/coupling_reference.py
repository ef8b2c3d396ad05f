"""Reference values for the coupling coordination model, computed directly
from the published formulas, independent of xinzhi. Writes fixtures/coupling.json.

standard:  C = n * (prod U / (sum U)^n)^(1/n)
corrected (Wang Shujia et al. 2021, Journal of Natural Resources 36(3):793-810):
           C = sqrt((1 - sum_{i>j} sqrt((Ui-Uj)^2) / sum_{m=1}^{n-1} m) * (prod(Ui / max U))^(1/(n-1)))
T = sum alpha_i U_i, D = sqrt(C T); classes: ten intervals of width 0.1 (lower bound inclusive).
Relative type (two systems, difference rule, tolerance 0.1).
Intervalized (SPSSAU's coupling default): each column rescaled to [0.01, 0.99] by
a + (b - a)(X - Min)/(Max - Min) over all rows, then the standard C, T, D.

Run: /usr/bin/python3 test/reference/analysis/coupling_reference.py
"""
import json
import math
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ["极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调", "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"]


def c_standard(u):
    u = np.asarray(u, float)
    n = len(u)
    if u.sum() == 0:
        return 0.0
    return float(n * (np.prod(u) / u.sum() ** n) ** (1.0 / n))


def c_corrected(u):
    u = np.asarray(u, float)
    n = len(u)
    if u.max() == 0:
        return 0.0
    diff = sum(math.sqrt((u[i] - u[j]) ** 2) for i in range(n) for j in range(i))
    norm = sum(range(1, n))
    return math.sqrt((1 - diff / norm) * np.prod(u / u.max()) ** (1.0 / (n - 1)))


def level(D):
    # Compare with decimal interval bounds written out (not floor(10 D)).
    bounds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    return 1 + sum(1 for b in bounds if D >= b)


def rel(u1, u2, tol=0.1):
    if u1 - u2 > tol:
        return "system2-lagging"
    if u2 - u1 > tol:
        return "system1-lagging"
    return "synchronous"


def main():
    rng = np.random.default_rng(11)
    cases = []
    for n_sys, alpha in ((2, None), (2, [0.6, 0.4]), (3, None), (4, [0.1, 0.2, 0.3, 0.4])):
        U = rng.uniform(0, 1, size=(25, n_sys))
        U[0] = 0.0                  # all zero
        U[1, 0] = 0.0               # one zero
        U[2] = 0.5                  # all equal
        U[3] = 1.0
        a = np.full(n_sys, 1.0 / n_sys) if alpha is None else np.asarray(alpha)
        rows = []
        for u in U:
            cs, cc = c_standard(u), c_corrected(u)
            T = float(np.dot(a, u))
            Ds, Dc = math.sqrt(cs * T), math.sqrt(cc * T)
            row = {"u": u.tolist(), "standard": {"C": cs, "T": T, "D": Ds, "level": level(Ds), "label": LABELS[level(Ds) - 1]},
                   "corrected": {"C": cc, "T": T, "D": Dc, "level": level(Dc), "label": LABELS[level(Dc) - 1]}}
            if n_sys == 2:
                row["relative"] = rel(u[0], u[1])
            rows.append(row)
        cases.append({"name": f"{n_sys} systems, alpha={alpha or 'equal'}", "alpha": alpha, "rows": rows})
    # SPSSAU "data intervalization": each column to [0.01, 0.99] by a + (b - a)(X - Min)/(Max - Min), then standard C, T, D
    raw = rng.normal(50, 30, size=(30, 2))
    a_, b_ = 0.01, 0.99
    lo, hi = raw.min(axis=0), raw.max(axis=0)
    V = a_ + (b_ - a_) * (raw - lo) / (hi - lo)
    irows = []
    for x, u in zip(raw, V):
        cs = c_standard(u)
        T = float(u.mean())
        irows.append({"x": x.tolist(), "u": u.tolist(), "C": cs, "T": T, "D": math.sqrt(cs * T)})
    intervalized = {"interval": [a_, b_], "rows": irows}
    classes = [{"D": d, "level": level(d), "label": LABELS[level(d) - 1]} for d in
               [0, 0.05, 0.0999999, 0.1, 0.3, 0.45, 0.5, 0.6, 0.7, 0.8, 0.8999, 0.9, 1.0]]
    with open(os.path.join(HERE, "fixtures", "coupling.json"), "w", encoding="utf-8") as f:
        json.dump({"source": "test/reference/analysis/coupling_reference.py (NumPy, direct formulas)", "cases": cases, "classes": classes, "intervalized": intervalized}, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()

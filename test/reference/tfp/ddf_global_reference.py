"""SciPy reference for the LP solver's tolerances (src/core/tfp/lp.ts
HIGHS_OPTIONS) on the panel of fixtures/ddf-global-data.json (300 cities x 6
years like bench/tfp-dea.ts, made by ddf_global_data.ts): the directional
distance (g = (y, -b), CRS) of every observation to the global frontier of
all 1,800 observations and to its own year's frontier, and the global
Malmquist-Luenberger index (Oh 2010) with EC and BPC between consecutive
years.

Each programme is solved over all units with scipy.optimize.linprog (HiGHS)
at feasibility tolerances of 1e-10, with presolve on and off; the two agree
to 1e-12 and give the expected values. The global programmes at HiGHS'
default tolerances (1e-7) are recorded too ("defaultTolerances"): on this
panel they are off by up to 5.1e-6 (relative 4e-5), which is why
xinzhi solves at 1e-10.

Run from the repository root with Debian's Python (python3-numpy, -scipy):
    /usr/bin/python3 test/reference/tfp/ddf_global_reference.py
Writes test/reference/tfp/fixtures/ddf-global.json.
"""
import json
import os

import numpy as np
from scipy.optimize import linprog

HERE = os.path.dirname(os.path.abspath(__file__))
TIGHT = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}


def ddf(X, Y, B, xo, yo, bo, options):
    """max beta: X'lam <= xo, Y'lam >= (1+beta) yo, B'lam = (1-beta) bo; variables lam (n), beta."""
    n, m = X.shape
    c = np.r_[np.zeros(n), -1.0]
    A_ub = np.vstack([np.c_[X.T, np.zeros(m)], np.c_[-Y.T, yo]])
    b_ub = np.r_[xo, -yo]
    A_eq = np.c_[B.T, bo]
    r = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=bo, bounds=[(0, None)] * n + [(None, None)],
                method="highs", options=options)
    assert r.status == 0, r.message
    return -r.fun


def distances(X, Y, B, ref):
    """Distances of every observation (rows of X, Y, B) to the frontier of the rows `ref`, presolve on and off."""
    on = [ddf(X[ref], Y[ref], B[ref], X[j], Y[j], B[j], TIGHT) for j in range(len(X))]
    off = [ddf(X[ref], Y[ref], B[ref], X[j], Y[j], B[j], {**TIGHT, "presolve": False}) for j in range(len(X))]
    return on, max(abs(a - b) for a, b in zip(on, off))


def main():
    with open(os.path.join(HERE, "fixtures", "ddf-global-data.json")) as f:
        d = json.load(f)
    T, n = len(d["x"]), len(d["x"][0])
    X = np.vstack([np.array(p, dtype=float) for p in d["x"]])
    Y = np.vstack([np.array(p, dtype=float) for p in d["y"]])
    B = np.vstack([np.array(p, dtype=float) for p in d["b"]])
    glob, agree = distances(X, Y, B, np.arange(T * n))
    own = []
    for t in range(T):
        rows = np.arange(t * n, (t + 1) * n)
        dt, a = distances(X[rows], Y[rows], B[rows], np.arange(n))
        own.extend(dt)
        agree = max(agree, a)
    assert agree < 1e-12, agree
    gml = []
    for t in range(T - 1):
        for j in range(n):
            g0, g1 = 1 + glob[t * n + j], 1 + glob[(t + 1) * n + j]
            c0, c1 = 1 + own[t * n + j], 1 + own[(t + 1) * n + j]
            gml.append({"unit": j, "from": t, "value": g0 / g1, "ec": c0 / c1, "tc": (g0 / c0) / (g1 / c1)})
    loose = [ddf(X, Y, B, X[j], Y[j], B[j], {}) for j in range(len(X))]
    worst = max(range(len(X)), key=lambda j: abs(loose[j] - glob[j]))
    fx = {
        "generator": "test/reference/tfp/ddf_global_reference.py",
        "global": glob,
        "contemporaneous": own,
        "gml": gml,
        "presolveAgreement": agree,
        "defaultTolerances": {"maxError": abs(loose[worst] - glob[worst]), "observation": worst,
                              "value": loose[worst]},
    }
    with open(os.path.join(HERE, "fixtures", "ddf-global.json"), "w") as f:
        json.dump(fx, f)
    print("presolve on/off agree to", agree, "; default tolerances off by up to",
          fx["defaultTolerances"]["maxError"], "at observation", worst)


if __name__ == "__main__":
    main()

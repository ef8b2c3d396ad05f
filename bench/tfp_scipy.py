"""SciPy reference for bench/tfp-dea.ts: SBM with undesirable outputs (per
year, CRS) and the global Malmquist-Luenberger index on a synthetic panel,
with the formulations of test/reference/tfp/dea_reference.py
(scipy.optimize.linprog, HiGHS). Reads a JSON file {"x": [T][n][m], "y":
[T][n][1], "b": [T][n][1]} and prints one JSON line {"sbmSeconds",
"gmlSeconds", "sbm": [T*n], "gml": [(T-1)*n]}.

Usage: /usr/bin/python3 bench/tfp_scipy.py DATA.json [sbm|gml|both]
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "reference", "tfp"))
import dea_reference  # noqa: E402
from dea_reference import ddf, sbm  # noqa: E402

# HiGHS with xinzhi's presolve and tolerances (src/core/tfp/lp.ts HIGHS_OPTIONS):
# presolve off, feasibility tolerances 1e-10 (xinzhi runs the primal simplex;
# linprog offers HiGHS' dual simplex or interior point, and chooses). At
# linprog's defaults (presolve on, 1e-7) the
# GML distances of this panel are off by up to 5e-6
# (test/reference/tfp/ddf_global_reference.py).
dea_reference.TOL = dict(method="highs", options={"presolve": False, "primal_feasibility_tolerance": 1e-10,
                                                  "dual_feasibility_tolerance": 1e-10})


def main():
    with open(sys.argv[1]) as f:
        d = json.load(f)
    what = sys.argv[2] if len(sys.argv) > 2 else "both"
    P = [(np.array(d["x"][t]), np.array(d["y"][t]), np.array(d["b"][t])) for t in range(len(d["x"]))]
    out = {}
    if what in ("sbm", "both"):
        t0 = time.perf_counter()
        out["sbm"] = [sbm(X, Y, B, X[j], Y[j], B[j], "crs") for X, Y, B in P for j in range(len(X))]
        out["sbmSeconds"] = time.perf_counter() - t0
    if what in ("gml", "both"):
        t0 = time.perf_counter()
        Xg = np.vstack([p[0] for p in P]); Yg = np.vstack([p[1] for p in P]); Bg = np.vstack([p[2] for p in P])
        own = [[ddf(X, Y, B, X[j], Y[j], B[j], "crs") for j in range(len(X))] for X, Y, B in P]
        glob = [[ddf(Xg, Yg, Bg, X[j], Y[j], B[j], "crs") for j in range(len(X))] for X, Y, B in P]
        out["gml"] = [(1 + glob[t][j]) / (1 + glob[t + 1][j]) for t in range(len(P) - 1) for j in range(len(P[0][0]))]
        out["gmlOwn"] = own
        out["gmlSeconds"] = time.perf_counter() - t0
    print(json.dumps(out))


if __name__ == "__main__":
    main()

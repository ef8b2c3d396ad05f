"""SciPy reference for the radial DEA models on a reference set large enough
for xinzhi's subset route (src/core/tfp/radial.ts RESTRICTED_FROM = 200): every
programme here is solved over all units at once with scipy.optimize.linprog
(HiGHS), using the formulations of dea_reference.py.

Run from the repository root with Debian's Python (python3-numpy, -scipy):
    /usr/bin/python3 test/reference/tfp/dea_large_reference.py
Writes test/reference/tfp/fixtures/dea-large.json: 300 firms in two years,
3 inputs, 2 outputs and 1 undesirable output (Cobb-Douglas with noise,
continuous values); for the first year the CCR and BCC scores and max-slack
sums in both orientations with the Andersen-Petersen super-efficiency of the
efficient units, SBM with the undesirable output (CRS, VRS) with super-SBM of
the efficient units and the directional distance; between the two years the
output Malmquist, ML and GML indices with EC and TC; and 240 firms with
integer data 1-5 and repeated firms (ties, many optimal bases): CCR input,
BCC output with max-slack sums, and VRS SBM.
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dea_reference import ddf, indices, radial_env, sbm, super_sbm  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def year(rng, n, growth):
    X = np.exp(rng.normal([3.0, 4.0, 2.0], 0.8, (n, 3)))
    core = X[:, 0] ** 0.3 * X[:, 1] ** 0.4 * X[:, 2] ** 0.2 * growth
    Y = np.c_[core * np.exp(rng.normal(0, 0.3, n)), 0.5 * core * np.exp(rng.normal(0, 0.4, n))]
    B = (0.2 * X[:, 2] * np.exp(rng.normal(0, 0.3, n))).reshape(-1, 1)
    return X, Y, B


def main():
    rng = np.random.default_rng(20261207)
    n = 300
    X0, Y0, B0 = year(rng, n, 1.0)
    X1, Y1, B1 = year(rng, n, 1.03)
    fx = {"generator": "test/reference/tfp/dea_large_reference.py", "x": [X0.tolist(), X1.tolist()],
          "y": [Y0.tolist(), Y1.tolist()], "b": [B0.tolist(), B1.tolist()], "radial": {}, "superRadial": {},
          "sbm": {}, "superSbm": {}, "ddf": {}}
    for rts in ("crs", "vrs"):
        for orient in ("input", "output"):
            env = [radial_env(X0, Y0, X0[j], Y0[j], rts, orient) for j in range(n)]
            fx["radial"][f"{rts}-{orient}"] = {"efficiency": [e[0] for e in env], "slackSum": [e[1] for e in env]}
            sup = {}
            for j in range(n):
                if env[j][0] >= 1 - 1e-9:
                    keep = [k for k in range(n) if k != j]
                    sup[str(j)] = radial_env(X0[keep], Y0[keep], X0[j], Y0[j], rts, orient)[0]
            fx["superRadial"][f"{rts}-{orient}"] = sup
    for rts in ("crs", "vrs"):
        scores = [sbm(X0, Y0, B0, X0[j], Y0[j], B0[j], rts) for j in range(n)]
        fx["sbm"][rts] = scores
        sup = {}
        for j in range(n):
            if scores[j] >= 1 - 1e-9:
                keep = [k for k in range(n) if k != j]
                st, v = super_sbm(X0[keep], Y0[keep], B0[keep], X0[j], Y0[j], B0[j], rts)
                sup[str(j)] = v if st == "optimal" else None
        fx["superSbm"][rts] = sup
        fx["ddf"][rts] = [ddf(X0, Y0, B0, X0[j], Y0[j], B0[j], rts) for j in range(n)]
    # degenerate data: 240 firms with integer values 1-5 and every 7th firm the same, so the
    # programmes have ties and many optimal bases
    drng = np.random.default_rng(7)
    DX = drng.integers(1, 6, (240, 2)).astype(float)
    DY = drng.integers(1, 6, (240, 1)).astype(float)
    DX[::7] = 3.0
    DY[::7] = 3.0
    fx["degenerate"] = {"x": DX.tolist(), "y": DY.tolist(), "radial": {}, "sbm": {}}
    for rts, orient in (("crs", "input"), ("vrs", "output")):
        env = [radial_env(DX, DY, DX[j], DY[j], rts, orient) for j in range(240)]
        fx["degenerate"]["radial"][f"{rts}-{orient}"] = {"efficiency": [e[0] for e in env],
                                                        "slackSum": [e[1] for e in env]}
    fx["degenerate"]["sbm"]["vrs"] = [sbm(DX, DY, None, DX[j], DY[j], None, "vrs") for j in range(240)]
    # Malmquist (output), ML and GML between the two years, contemporaneous frontiers
    fx["indices"] = indices([(X0, Y0, B0), (X1, Y1, B1)], "crs")
    path = os.path.join(HERE, "fixtures", "dea-large.json")
    with open(path, "w") as f:
        json.dump(fx, f)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()

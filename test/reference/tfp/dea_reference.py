"""Independent reference numbers for xinzhi's DEA / TFP core (src/core/tfp).

Run:  /usr/bin/python3 test/reference/tfp/dea_reference.py
Needs numpy and scipy (Debian: python3-numpy, python3-scipy). Writes
test/reference/tfp/fixtures/dea.json.

Every model is written here from its textbook statement with scipy.optimize.linprog
(variables laid out differently from the TypeScript code); radial models are
solved in both envelopment and multiplier (dual) form and the two must agree.
Data:
- hospitals: the 12-hospital example of Cooper, Seiford & Tone, "Data
  Envelopment Analysis" (2nd ed., 2007), inputs doctors and nurses, outputs
  outpatients and inpatients;
- green: 10 synthetic units, 2 inputs, 1 good and 1 bad output (seeded);
- panel: 6 units x 4 periods with the same variables (seeded); period 3 has
  every output scaled down, so the frontier moves backwards between 2 and 3.
"""
import json
import os

import numpy as np
from scipy.optimize import linprog

HERE = os.path.dirname(os.path.abspath(__file__))
TOL = dict(method="highs", options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})


def lp(c, A_ub=None, b_ub=None, A_eq=None, b_eq=None, bounds=None):
    r = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, **TOL)
    return r


# ---------- radial (CCR / BCC) ----------
def radial_env(X, Y, xo, yo, rts, orient):
    """Envelopment form. Variables: lambda (n), then theta/eta last. Returns score and max slack sum."""
    n, m = X.shape
    s = Y.shape[1]
    # phase 1
    if orient == "input":
        # min theta: X'lam <= theta xo ; Y'lam >= yo
        c = np.r_[np.zeros(n), 1.0]
        A_ub = np.vstack([np.c_[X.T, -xo], np.c_[-Y.T, np.zeros(s)]])
        b_ub = np.r_[np.zeros(m), -yo]
    else:
        c = np.r_[np.zeros(n), -1.0]
        A_ub = np.vstack([np.c_[X.T, np.zeros(m)], np.c_[-Y.T, yo]])
        b_ub = np.r_[xo, np.zeros(s)]
    A_eq = np.r_[np.ones(n), 0.0].reshape(1, -1) if rts == "vrs" else None
    b_eq = [1.0] if rts == "vrs" else None
    bounds = [(0, None)] * n + [(None, None)]
    r = lp(c, A_ub, b_ub, A_eq, b_eq, bounds)
    if r.status == 2:
        return None, None
    phi = r.x[-1]
    # phase 2: variables lambda, s-, s+ ; maximise sum of slacks at fixed phi
    if orient == "input":
        rhs_x, rhs_y = phi * xo, yo
    else:
        rhs_x, rhs_y = xo, phi * yo
    A_eq2 = np.vstack([np.c_[X.T, np.eye(m), np.zeros((m, s))], np.c_[Y.T, np.zeros((s, m)), -np.eye(s)]])
    b_eq2 = np.r_[rhs_x, rhs_y]
    if rts == "vrs":
        A_eq2 = np.vstack([A_eq2, np.r_[np.ones(n), np.zeros(m + s)]])
        b_eq2 = np.r_[b_eq2, 1.0]
    c2 = -np.r_[np.zeros(n), np.ones(m + s)]
    r2 = lp(c2, A_eq=A_eq2, b_eq=b_eq2, bounds=[(0, None)] * (n + m + s))
    eff = phi if orient == "input" else 1.0 / phi
    return eff, -r2.fun


def radial_mult(X, Y, xo, yo, rts, orient):
    """Multiplier form. Variables v (m), u (s), free w."""
    n, m = X.shape
    s = Y.shape[1]
    free = (None, None) if rts == "vrs" else (0, 0)
    bounds = [(0, None)] * (m + s) + [free]
    if orient == "input":
        # max u.yo - w  s.t. v.xo = 1 ; u.yj - v.xj - w <= 0
        c = -np.r_[np.zeros(m), yo, -1.0]
        A_ub = np.c_[-X, Y, -np.ones(n)]
        A_eq = np.r_[xo, np.zeros(s), 0.0].reshape(1, -1)
        r = lp(c, A_ub, np.zeros(n), A_eq, [1.0], bounds)
        return -r.fun
    # min v.xo + w s.t. u.yo = 1 ; u.yj - v.xj - w <= 0
    c = np.r_[xo, np.zeros(s), 1.0]
    A_ub = np.c_[-X, Y, -np.ones(n)]
    A_eq = np.r_[np.zeros(m), yo, 0.0].reshape(1, -1)
    r = lp(c, A_ub, np.zeros(n), A_eq, [1.0], bounds)
    return 1.0 / r.fun


# ---------- SBM with undesirable outputs ----------
def sbm(X, Y, B, xo, yo, bo, rts):
    """Tone (2001/2004) SBM via Charnes-Cooper. Variables: t, Lam (n), Sx (m), Sy (s1), Sb (s2)."""
    n, m = X.shape
    s1 = Y.shape[1]
    s2 = B.shape[1] if B is not None else 0
    nv = 1 + n + m + s1 + s2
    c = np.zeros(nv)
    c[0] = 1.0
    c[1 + n:1 + n + m] = -1.0 / (m * xo)
    rows, rhs = [], []
    r0 = np.zeros(nv)
    r0[0] = 1.0
    r0[1 + n + m:1 + n + m + s1] = 1.0 / ((s1 + s2) * yo)
    if s2:
        r0[1 + n + m + s1:] = 1.0 / ((s1 + s2) * bo)
    rows.append(r0); rhs.append(1.0)
    for i in range(m):
        r = np.zeros(nv); r[0] = -xo[i]; r[1:1 + n] = X[:, i]; r[1 + n + i] = 1.0
        rows.append(r); rhs.append(0.0)
    for k in range(s1):
        r = np.zeros(nv); r[0] = -yo[k]; r[1:1 + n] = Y[:, k]; r[1 + n + m + k] = -1.0
        rows.append(r); rhs.append(0.0)
    for k in range(s2):
        r = np.zeros(nv); r[0] = -bo[k]; r[1:1 + n] = B[:, k]; r[1 + n + m + s1 + k] = 1.0
        rows.append(r); rhs.append(0.0)
    if rts == "vrs":
        r = np.zeros(nv); r[0] = -1.0; r[1:1 + n] = 1.0
        rows.append(r); rhs.append(0.0)
    res = lp(c, A_eq=np.array(rows), b_eq=np.array(rhs), bounds=[(0, None)] * nv)
    # check the fractional objective from the recovered slacks
    t = res.x[0]
    sx = res.x[1 + n:1 + n + m] / t
    sy = res.x[1 + n + m:1 + n + m + s1] / t
    sb = res.x[1 + n + m + s1:] / t
    num = 1 - np.mean(sx / xo)
    den = 1 + (np.sum(sy / yo) + (np.sum(sb / bo) if s2 else 0)) / (s1 + s2)
    assert abs(num / den - res.fun) < 1e-9
    return res.fun


def super_sbm(X, Y, B, xo, yo, bo, rts):
    """Tone (2002) super-SBM with bad outputs; X, Y, B exclude the unit. Returns (status, score)."""
    n, m = X.shape
    s1 = Y.shape[1]
    s2 = B.shape[1] if B is not None else 0
    nv = 1 + n + m + s1 + s2
    c = np.zeros(nv)
    c[0] = 1.0
    c[1 + n:1 + n + m] = 1.0 / (m * xo)
    eq_rows, eq_rhs, ub_rows, ub_rhs = [], [], [], []
    r0 = np.zeros(nv)
    r0[0] = 1.0
    r0[1 + n + m:1 + n + m + s1] = -1.0 / ((s1 + s2) * yo)
    if s2:
        r0[1 + n + m + s1:] = -1.0 / ((s1 + s2) * bo)
    eq_rows.append(r0); eq_rhs.append(1.0)
    for i in range(m):  # sum Lam x - Sx <= t xo
        r = np.zeros(nv); r[0] = -xo[i]; r[1:1 + n] = X[:, i]; r[1 + n + i] = -1.0
        ub_rows.append(r); ub_rhs.append(0.0)
    for k in range(s1):  # sum Lam y + Sy >= t yo ; Sy <= t yo
        r = np.zeros(nv); r[0] = yo[k]; r[1:1 + n] = -Y[:, k]; r[1 + n + m + k] = -1.0
        ub_rows.append(r); ub_rhs.append(0.0)
        r = np.zeros(nv); r[0] = -yo[k]; r[1 + n + m + k] = 1.0
        ub_rows.append(r); ub_rhs.append(0.0)
    for k in range(s2):  # sum Lam b - Sb <= t bo
        r = np.zeros(nv); r[0] = -bo[k]; r[1:1 + n] = B[:, k]; r[1 + n + m + s1 + k] = -1.0
        ub_rows.append(r); ub_rhs.append(0.0)
    if rts == "vrs":
        r = np.zeros(nv); r[0] = -1.0; r[1:1 + n] = 1.0
        eq_rows.append(r); eq_rhs.append(0.0)
    res = lp(c, np.array(ub_rows), np.array(ub_rhs), np.array(eq_rows), np.array(eq_rhs), [(0, None)] * nv)
    if res.status == 2:
        return "infeasible", None
    return "optimal", res.fun


# ---------- directional distance and indices ----------
def ddf(X, Y, B, xo, yo, bo, rts):
    """max beta: X'lam <= xo, Y'lam >= (1+beta) yo, B'lam = (1-beta) bo. Variables lam (n), beta."""
    n, m = X.shape
    s1 = Y.shape[1]
    c = np.r_[np.zeros(n), -1.0]
    A_ub = np.vstack([np.c_[X.T, np.zeros(m)], np.c_[-Y.T, yo]])
    b_ub = np.r_[xo, -yo]
    A_eq = np.c_[B.T, bo]
    b_eq = bo.copy()
    if rts == "vrs":
        A_eq = np.vstack([A_eq, np.r_[np.ones(n), 0.0]])
        b_eq = np.r_[b_eq, 1.0]
    res = lp(c, A_ub, b_ub, A_eq, b_eq, [(0, None)] * n + [(None, None)])
    if res.status == 2:
        return None
    return -res.fun


def shephard_out(X, Y, xo, yo, rts):
    """Output distance function D = 1/eta (Faere et al. 1994); None if infeasible."""
    n, m = X.shape
    s = Y.shape[1]
    c = np.r_[np.zeros(n), -1.0]
    A_ub = np.vstack([np.c_[X.T, np.zeros(m)], np.c_[-Y.T, yo]])
    b_ub = np.r_[xo, np.zeros(s)]
    A_eq = np.r_[np.ones(n), 0.0].reshape(1, -1) if rts == "vrs" else None
    res = lp(c, A_ub, b_ub, A_eq, [1.0] if rts == "vrs" else None, [(0, None)] * n + [(None, None)])
    if res.status != 0:
        return None
    return 1.0 / -res.fun


def indices(P, rts, sequential=False):
    """Malmquist (output), ML and GML for panel P[t] = (X, Y, B); contemporaneous or sequential frontiers."""
    T = len(P)
    n = P[0][0].shape[0]
    Xg = np.vstack([p[0] for p in P]); Yg = np.vstack([p[1] for p in P]); Bg = np.vstack([p[2] for p in P])
    out = {"malmquist": [], "ml": [], "gml": []}

    def frontier(a):
        if not sequential:
            return P[a]
        return tuple(np.vstack([p[i] for p in P[:a + 1]]) for i in range(3))

    def d_of(a, b, j):
        X, Y, B = frontier(a)
        return ddf(X, Y, B, P[b][0][j], P[b][1][j], P[b][2][j], rts)

    def s_of(a, b, j):
        X, Y, _ = frontier(a)
        return shephard_out(X, Y, P[b][0][j], P[b][1][j], rts)

    for t in range(T - 1):
        for j in range(n):
            a, b_, c_, d_ = s_of(t, t, j), s_of(t, t + 1, j), s_of(t + 1, t, j), s_of(t + 1, t + 1, j)
            if None in (a, b_, c_, d_):
                out["malmquist"].append(None)
            else:
                ec = d_ / a
                tc = np.sqrt((b_ / d_) * (a / c_))
                out["malmquist"].append([float(ec * tc), float(ec), float(tc)])
            a, b_, c_, d_ = d_of(t, t, j), d_of(t, t + 1, j), d_of(t + 1, t, j), d_of(t + 1, t + 1, j)
            if None in (a, b_, c_, d_):
                out["ml"].append(None)
            else:
                ec = (1 + a) / (1 + d_)
                tc = np.sqrt(((1 + c_) / (1 + a)) * ((1 + d_) / (1 + b_)))
                out["ml"].append([float(ec * tc), float(ec), float(tc)])
            g0 = ddf(Xg, Yg, Bg, P[t][0][j], P[t][1][j], P[t][2][j], rts)
            g1 = ddf(Xg, Yg, Bg, P[t + 1][0][j], P[t + 1][1][j], P[t + 1][2][j], rts)
            gml = (1 + g0) / (1 + g1)
            ec = (1 + a) / (1 + d_)
            out["gml"].append([float(gml), float(ec), float(gml / ec)])
    return out


def main():
    hx = np.array([[20, 151], [19, 131], [25, 160], [27, 168], [22, 158], [55, 255],
                   [33, 235], [31, 206], [30, 244], [50, 268], [53, 306], [38, 284]], float)
    hy = np.array([[100, 90], [150, 50], [160, 55], [180, 72], [94, 66], [230, 90],
                   [220, 88], [152, 80], [190, 100], [250, 100], [260, 147], [250, 120]], float)
    fx = {"hospitals": {"x": hx.tolist(), "y": hy.tolist(), "radial": {}}}
    for rts in ("crs", "vrs"):
        for orient in ("input", "output"):
            env = [radial_env(hx, hy, hx[j], hy[j], rts, orient) for j in range(12)]
            mult = [radial_mult(hx, hy, hx[j], hy[j], rts, orient) for j in range(12)]
            assert max(abs(e[0] - u) for e, u in zip(env, mult)) < 1e-8
            fx["hospitals"]["radial"][f"{rts}-{orient}"] = {
                "efficiency": [e[0] for e in env], "slackSum": [e[1] for e in env]}
    # Andersen-Petersen super-efficiency: the unit left out of its own reference set.
    ap = {}
    for rts in ("crs", "vrs"):
        for orient in ("input", "output"):
            vals = []
            for j in range(12):
                keep = [k for k in range(12) if k != j]
                vals.append(radial_env(hx[keep], hy[keep], hx[j], hy[j], rts, orient)[0])
            ap[f"{rts}-{orient}"] = vals
    fx["hospitals"]["superRadial"] = ap
    fx["hospitals"]["sbm"] = {rts: [sbm(hx, hy, None, hx[j], hy[j], None, rts) for j in range(12)]
                              for rts in ("crs", "vrs")}

    rng = np.random.RandomState(11)
    n = 10
    gx = np.round(rng.uniform(10, 100, (n, 2)), 1)
    gy = np.round(gx @ np.array([0.6, 0.4]) * rng.uniform(0.6, 1.0, n), 1).reshape(-1, 1)
    gb = np.round(gx[:, :1] * rng.uniform(0.2, 0.6, (n, 1)), 1)
    green = {"x": gx.tolist(), "y": gy.tolist(), "b": gb.tolist(), "sbm": {}, "super": {}}
    for rts in ("crs", "vrs"):
        green["sbm"][rts] = [sbm(gx, gy, gb, gx[j], gy[j], gb[j], rts) for j in range(n)]
        sup = []
        for j in range(n):
            keep = [k for k in range(n) if k != j]
            st, v = super_sbm(gx[keep], gy[keep], gb[keep], gx[j], gy[j], gb[j], rts)
            sup.append({"status": st, "value": v})
        green["super"][rts] = sup
        green.setdefault("ddf", {})[rts] = [ddf(gx, gy, gb, gx[j], gy[j], gb[j], rts) for j in range(n)]
    fx["green"] = green

    rng = np.random.RandomState(2026)
    T, n = 4, 6
    P = []
    base = rng.uniform(20, 80, (n, 2))
    for t in range(T):
        X = np.round(base * rng.uniform(0.9, 1.2, (n, 2)), 2)
        Y = np.round((X @ np.array([0.5, 0.5])) * (1 + 0.05 * t) * rng.uniform(0.7, 1.0, n), 2).reshape(-1, 1)
        B = np.round(X[:, :1] * rng.uniform(0.3, 0.6, (n, 1)), 2)
        if t == 2:
            Y = np.round(Y * 0.8, 2)
        P.append((X, Y, B))
    panel = {"x": [p[0].tolist() for p in P], "y": [p[1].tolist() for p in P], "b": [p[2].tolist() for p in P]}
    for rts in ("crs",):
        panel[rts] = indices(P, rts)
    seq = indices(P, "crs", sequential=True)
    panel["sequential"] = {"malmquist": seq["malmquist"], "ml": seq["ml"]}
    fx["panel"] = panel
    with open(os.path.join(HERE, "fixtures", "dea.json"), "w") as f:
        json.dump(fx, f, indent=1)


if __name__ == "__main__":
    main()

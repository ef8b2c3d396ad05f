"""Reference numbers for the panel threshold model (src/core/estimate/threshold.ts).

An independent implementation of Hansen (1999, J. Econometrics 93: 345-368) with
NumPy: every candidate threshold is fitted from scratch (explicit regime columns,
within transformation, least squares), not by running sums.

Run from this folder with a Python that has numpy and pandas:
    python3 threshold_reference.py            # writes fixtures/threshold.json
    python3 threshold_reference.py --simulate  # rewrites threshold-sim.csv (seed 20261205)
    python3 threshold_reference.py --bench FILE DRAWS  # timing of a single threshold with
                                                       # DRAWS bootstrap draws (prints JSON)

Conventions (as documented in docs/estimation.md):
- grid: candidates are observed q values leaving at least m = max(1, ceil(trim*N))
  observations in every regime; "all" = every distinct value; a number G = the order
  statistics at ranks lo + floor(j*(hi-lo)/(G-1) + 0.5), j = 0..G-1, lo = m-1,
  hi = N-m-1 (0-based), when more than G distinct values qualify.
- "le": q <= gamma in the lower regime; "lt": q < gamma.
- sequential: gamma1; gamma2 given gamma1; refinement gamma1r given gamma2;
  gamma3 given (gamma1r, gamma2).
- F_k = (S_{k-1} - S_k) / (S_k / (N - absorbed)), S_{k-1} the SSR of the reported
  (k-1)-threshold model, S_k the minimum of the stage scan.
- LR(gamma) = (S(gamma) - min S) / (min S / (N - absorbed)); interval = hull of
  {LR <= -2 ln(1 - sqrt(level))}.
"""
import json
import math
import sys
import time

import numpy as np
import pandas as pd

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def within(v, unit, tim, two_way):
    s = pd.Series(v)
    out = v - s.groupby(unit).transform("mean").to_numpy()
    if two_way:
        out = out - s.groupby(tim).transform("mean").to_numpy() + v.mean()
    return out


class Panel:
    def __init__(self, y, X, C, q, unit, tim, two_way, conv):
        self.y, self.X, self.C, self.q = y, X, C, q
        self.unit, self.tim, self.two_way, self.conv = unit, tim, two_way, conv
        self.N = len(y)
        self.n = len(np.unique(unit))
        self.T = len(np.unique(tim))
        self.df = self.N - self.n - ((self.T - 1) if two_way else 0)
        self.values = np.unique(q)
        self.yw = within(y, unit, tim, two_way)

    def lower(self, g):
        return self.q <= g if self.conv == "le" else self.q < g

    def count(self, g):
        return int(self.lower(g).sum())

    def design(self, gammas):
        """Regime columns of x at sorted thresholds, then controls (raw, before within)."""
        g = sorted(gammas)
        if self.conv == "le":
            r = np.searchsorted(g, self.q, side="left")  # number of thresholds strictly below q
        else:
            r = np.searchsorted(g, self.q, side="right")  # number of thresholds <= q
        cols = []
        for j in range(self.X.shape[1]):
            for k in range(len(g) + 1):
                cols.append(np.where(r == k, self.X[:, j], 0.0))
        cols += [self.C[:, j] for j in range(self.C.shape[1])]
        return np.column_stack(cols), r

    def ssr(self, gammas):
        D, _ = self.design(gammas)
        Dw = np.column_stack([within(D[:, j], self.unit, self.tim, self.two_way) for j in range(D.shape[1])])
        b, *_ = np.linalg.lstsq(Dw, self.yw, rcond=None)
        e = self.yw - Dw @ b
        return float(e @ e)

    def grid(self, trim, G):
        m = max(1, math.ceil(trim * self.N))
        ok = [v for v in self.values if self.count(v) >= m and self.N - self.count(v) >= m]
        if G == "all" or len(ok) <= G:
            return ok
        s = np.sort(self.q)
        lo, hi = m - 1, self.N - m - 1
        picked = sorted({s[lo + math.floor(j * (hi - lo) / (G - 1) + 0.5)] for j in range(G)})
        oks = set(ok)
        return [v for v in picked if v in oks]

    def scan(self, fixed, grid, trim):
        m = max(1, math.ceil(trim * self.N))
        fc = [self.count(g) for g in fixed]
        cand = []
        for v in grid:
            if v in fixed:
                continue
            cuts = sorted([0, *fc, self.count(v), self.N])
            if min(b - a for a, b in zip(cuts, cuts[1:])) < m:
                continue
            cand.append(v)
        s = np.array([self.ssr([*fixed, v]) for v in cand])
        return np.array(cand), s


def step_summary(name, cand, s, df, crit):
    k = int(np.argmin(s))
    sig = s[k] / df
    lr = (s - s[k]) / sig
    inside = cand[lr <= crit]
    return {"step": name, "estimate": float(cand[k]), "ssr": float(s[k]),
            "ci": [float(inside.min()), float(inside.max())], "gamma": cand.tolist(), "lr": lr.tolist()}


def estimate(p, K, trims, G, level=0.95):
    crit = -2 * math.log(1 - math.sqrt(level))
    grids = [p.grid(t, G) for t in trims]
    steps = []
    c1, s1 = p.scan([], grids[0], trims[0])
    st1 = step_summary("1", c1, s1, p.df, crit)
    steps.append(st1)
    g1 = st1["estimate"]
    models = [[g1]]
    stage = [st1["ssr"]]
    if K >= 2:
        c2, s2 = p.scan([g1], grids[1], trims[1])
        st2 = step_summary("2", c2, s2, p.df, crit)
        steps.append(st2)
        stage.append(p.ssr([g1, st2["estimate"]]))
        cr, sr = p.scan([st2["estimate"]], grids[0], trims[0])
        str_ = step_summary("1r", cr, sr, p.df, crit)
        steps.append(str_)
        models.append(sorted([str_["estimate"], st2["estimate"]]))
        if K >= 3:
            c3, s3 = p.scan(models[1], grids[2], trims[2])
            st3 = step_summary("3", c3, s3, p.df, crit)
            steps.append(st3)
            models.append(sorted([*models[1], st3["estimate"]]))
            stage.append(p.ssr(models[2]))
    model_ssr = [p.ssr(m) for m in models]
    linear = p.ssr([])
    tests = []
    for k in range(K):
        null = linear if k == 0 else model_ssr[k - 1]
        alt = stage[k] if k > 0 else model_ssr[0]
        tests.append({"F": (null - alt) / (alt / p.df), "ssrNull": null, "ssrAlt": alt})
    return models[K - 1], steps, tests, model_ssr[K - 1]


def slopes(p, gammas, se):
    """FE regression on the regime columns; iid / hc1 / cluster-by-unit (Stata factor) standard errors."""
    D, r = p.design(gammas)
    Dw = np.column_stack([within(D[:, j], p.unit, p.tim, p.two_way) for j in range(D.shape[1])])
    XtXi = np.linalg.inv(Dw.T @ Dw)
    b = XtXi @ Dw.T @ p.yw
    e = p.yw - Dw @ b
    N, k = Dw.shape
    absorbed = p.n + ((p.T - 1) if p.two_way else 0)
    if se == "iid":
        V = XtXi * (e @ e) / (N - k - absorbed)
    elif se == "hc1":
        meat = (Dw * e[:, None]).T @ (Dw * e[:, None])
        V = XtXi @ meat @ XtXi * N / (N - k - absorbed)
    else:  # cluster by unit, Stata: G/(G-1) (N-1)/(N-K), K = slopes + non-nested absorbed df (+1 constant)
        G = p.n
        sg = pd.DataFrame(Dw * e[:, None]).groupby(p.unit).sum().to_numpy()
        V = XtXi @ (sg.T @ sg) @ XtXi
        Kst = k + ((p.T - 1) if p.two_way else 0) + 1
        V = V * G / (G - 1) * (N - 1) / (N - Kst)
    counts = [int((r == j).sum()) for j in range(len(gammas) + 1)]
    return b.tolist(), np.sqrt(np.diag(V)).tolist(), counts


def load_produc():
    d = pd.read_csv(f"{HERE}/produc.csv")
    return d


def produc_panel(conv="le", two_way=False):
    d = load_produc()
    return Panel(np.log(d.gsp.to_numpy(float)), np.log(d[["pcap"]].to_numpy(float)),
                 np.log(d[["pc", "emp"]].to_numpy(float)), d.unemp.to_numpy(float),
                 d.state.to_numpy(), d.year.to_numpy(), two_way, conv)


def sim_panel(conv="le", two_way=False):
    d = pd.read_csv(f"{HERE}/threshold-sim.csv")
    return Panel(d.y.to_numpy(float), d[["x"]].to_numpy(float), d[["c"]].to_numpy(float),
                 d.q.to_numpy(float), d.unit.to_numpy(), d.year.to_numpy(), two_way, conv)


def simulate():
    """40 units x 10 years; slope of x is 1 (q <= 3), -1 (3 < q <= 7), 0.5 (q > 7); q uniform on (0, 10)."""
    rng = np.random.default_rng(20261205)
    n, T = 40, 10
    unit = np.repeat(np.arange(1, n + 1), T)
    year = np.tile(np.arange(2011, 2011 + T), n)
    mu = rng.normal(0, 1, n)[unit - 1]
    q = np.round(rng.uniform(0, 10, n * T), 4)
    x = rng.normal(0, 1, n * T)
    c = rng.normal(0, 1, n * T)
    slope = np.where(q <= 3, 1.0, np.where(q <= 7, -1.0, 0.5))
    y = mu + slope * x + 0.5 * c + rng.normal(0, 0.5, n * T)
    pd.DataFrame({"unit": unit, "year": year, "y": np.round(y, 6), "x": np.round(x, 6), "c": np.round(c, 6),
                  "q": q}).to_csv(f"{HERE}/threshold-sim.csv", index=False)


CASES = [
    # name, panel, K, trims, grid, se
    ("produc_single", lambda: produc_panel(), 1, [0.01], "all", "cluster"),
    ("produc_triple", lambda: produc_panel(), 3, [0.01, 0.01, 0.01], "all", "iid"),
    ("produc_double_lt", lambda: produc_panel("lt"), 2, [0.05, 0.05], "all", "hc1"),
    ("sim_triple", lambda: sim_panel(), 3, [0.01, 0.01, 0.01], "all", "cluster"),
    ("sim_double_grid50", lambda: sim_panel(), 2, [0.05, 0.05], 50, "cluster"),
    ("sim_double_twoway", lambda: sim_panel(two_way=True), 2, [0.01, 0.01], "all", "cluster"),
]


def fixtures():
    out = {}
    for name, make, K, trims, G, se in CASES:
        p = make()
        gammas, steps, tests, ssr = estimate(p, K, trims, G)
        b, s, counts = slopes(p, gammas, se)
        out[name] = {"K": K, "trim": trims, "grid": G, "se": se, "thresholds": gammas, "steps": steps,
                     "tests": tests, "ssr": ssr, "estimates": b, "se_values": s, "regimeN": counts}
    with open(f"{HERE}/fixtures/threshold.json", "w") as f:
        json.dump(out, f, indent=1)


def bench(path, draws):
    """Single threshold (grid "all", trim 0.01) with `draws` fixed-regressor bootstrap draws: the TS bench's work.

    NumPy, vectorised over draws: each candidate's within design is factorised (QR) and every
    draw's SSR is ||y*||^2 - ||Q'y*||^2, all draws at once. Rows must be unit-major and
    balanced (the bench writes them so), so the within transformation is a reshape.
    """
    d = pd.read_csv(path)
    t0 = time.perf_counter()
    n = d.unit.nunique()
    T = len(d) // n
    y, x, c, q = (d[k].to_numpy(float) for k in ("y", "x", "c", "q"))
    dm = lambda v: (v.reshape(n, T) - v.reshape(n, T).mean(1, keepdims=True)).ravel()
    N = n * T
    df = N - n
    yw, xw, cw = dm(y), dm(x), dm(c)
    m = max(1, math.ceil(0.01 * N))
    vals = np.unique(q)
    cnt = np.searchsorted(np.sort(q), vals, side="right")
    grid = vals[(cnt >= m) & (N - cnt >= m)]
    Q0 = np.linalg.qr(np.column_stack([xw, cw]))[0]

    def qr_at(g):
        low = dm(np.where(q <= g, x, 0.0))
        return np.linalg.qr(np.column_stack([low, xw, cw]))[0]

    def ssr(Q, Y):
        return (Y * Y).sum(0) - ((Q.T @ Y) ** 2).sum(0)

    s1 = np.array([ssr(qr_at(g), yw[:, None])[0] for g in grid])
    k = int(np.argmin(s1))
    S1 = s1[k]
    F = (ssr(Q0, yw[:, None])[0] - S1) / (S1 / df)
    Qk = qr_at(grid[k])
    e = yw - Qk @ (Qk.T @ yw)
    rng = np.random.default_rng(1)
    idx = rng.integers(0, n, size=(draws, n))
    Y = e.reshape(n, T)[idx].reshape(draws, N).T  # y* = e* (F is invariant to the null's slopes)
    S1b = np.full(draws, np.inf)
    for g in grid:
        S1b = np.minimum(S1b, ssr(qr_at(g), Y))
    Fb = (ssr(Q0, Y) - S1b) / (S1b / df)
    secs = time.perf_counter() - t0
    print(json.dumps({"seconds": secs, "threshold": float(grid[k]), "F": float(F),
                      "pValue": float((Fb > F).mean()), "candidates": int(len(grid))}))


if __name__ == "__main__":
    if "--simulate" in sys.argv:
        simulate()
    elif "--bench" in sys.argv:
        i = sys.argv.index("--bench")
        bench(sys.argv[i + 1], int(sys.argv[i + 2]))
    else:
        fixtures()

"""Synthetic firm panel with a known production function, and independent
reference estimates for xinzhi's firm estimators (src/core/tfp/firm).

Run:  /usr/bin/python3 test/reference/tfp/firm_reference.py
Needs numpy, scipy, pandas, statsmodels. Writes data/tfp/firm-panel.csv
(the synthetic panel) and test/reference/tfp/fixtures/firm.json.

Data-generating process (logs), 150 firms x 8 years after 10 burn-in years:
  omega_t = 0.7 omega_{t-1} + xi,  xi ~ N(0, 0.15^2)        productivity (AR(1))
  i_t     = 0.3 + 1.2 omega_t + 0.8 k_t                     investment (OP proxy)
  K_{t+1} = (1 - d_f) K_t + I_t, d_f ~ U(0.05, 0.25)          capital accumulation (firm depreciation)
  l_t     = 1 + 0.5 omega_t + 0.3 k_t + N(0, 0.2^2)         labour (with its own shock)
  m_t     = 0.5 + 1.0 omega_t + 0.6 k_t                     intermediate inputs (LP/ACF proxy)
  y_t     = 1 + 0.6 l_t + 0.3 k_t + omega_t + N(0, 0.1^2)   value added
so beta_l = 0.6 and beta_k = 0.3; OLS is biased because l and k respond to omega.

References: OLS by statsmodels; FE by statsmodels OLS with firm dummies (LSDV,
the same estimates and degrees of freedom as the within estimator); OP / LP /
ACF written here from Olley & Pakes (1996), Levinsohn & Petrin (2003) and
Ackerberg, Caves & Frazer (2015) with numpy least squares and
scipy.optimize (a grid then minimize_scalar "bounded"; Nelder-Mead).
"""
import json
import os
from itertools import combinations_with_replacement

import numpy as np
import pandas as pd
from scipy.optimize import minimize, minimize_scalar

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def simulate(n=150, T=8, burn=10, seed=7):
    rng = np.random.RandomState(seed)
    rows = []
    for f in range(n):
        omega = rng.normal(0, 0.2)
        k = rng.normal(3, 0.5)
        keep = 1 - rng.uniform(0.05, 0.25)  # firm-specific depreciation
        for t in range(burn + T):
            omega = 0.7 * omega + rng.normal(0, 0.15)
            i = 0.3 + 1.2 * omega + 0.8 * k
            l = 1 + 0.5 * omega + 0.3 * k + rng.normal(0, 0.2)
            m = 0.5 + 1.0 * omega + 0.6 * k
            y = 1 + 0.6 * l + 0.3 * k + omega + rng.normal(0, 0.1)
            if t >= burn:
                rows.append((f"F{f + 1:03d}", 2010 + t - burn, y, l, k, m, i))
            k = np.log(keep * np.exp(k) + np.exp(i))
    df = pd.DataFrame(rows, columns=["firm", "year", "lny", "lnl", "lnk", "lnm", "lni"])
    for c in ["lny", "lnl", "lnk", "lnm", "lni"]:
        df[c] = df[c].round(6)
    return df


def poly(cols, degree):
    """Full polynomial, constant first, by degree; same term order is not needed for fitted values."""
    n = cols.shape[0]
    out = [np.ones(n)]
    for d in range(1, degree + 1):
        for combo in combinations_with_replacement(range(cols.shape[1]), d):
            out.append(np.prod(cols[:, combo], axis=1))
    return np.column_stack(out)


def lstsq_fit(X, y):
    b, *_ = np.linalg.lstsq(X, y, rcond=None)
    return X @ b, b


def lag_index(df):
    key = {(f, t): r for r, (f, t) in enumerate(zip(df.firm, df.year))}
    return np.array([key.get((f, t - 1), -1) for f, t in zip(df.firm, df.year)])


def innovations(omega, lag, rows):
    w = omega[lag[rows]]
    X = np.column_stack([np.ones(len(rows)), w, w ** 2, w ** 3])
    fit, _ = lstsq_fit(X, omega[rows])
    return omega[rows] - fit


def ols_start(df):
    import statsmodels.api as sm  # here, so that bench/tfp_firm_python.py can import this module without it

    X = sm.add_constant(df[["lnl", "lnk"]].values)
    return sm.OLS(df.lny.values, X).fit()


def control_function(df, estimator, degree=3):
    y = df.lny.values; l = df.lnl.values; k = df.lnk.values
    proxy = df.lni.values if estimator == "op" else df.lnm.values
    lag = lag_index(df)
    rows = np.where(lag >= 0)[0]
    start = ols_start(df).params[1:]
    if estimator == "acf":
        phi, _ = lstsq_fit(poly(np.column_stack([l, k, proxy]), degree), y)
        Z = np.column_stack([k[rows], l[lag[rows]]])

        def crit(b):
            omega = phi - b[0] * l - b[1] * k
            xi = innovations(omega, lag, rows)
            m = Z.T @ xi / len(rows)
            return float(m @ m)

        r = minimize(crit, start, method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-20, "maxiter": 20000, "maxfev": 40000})
        return r.x.tolist()
    X1 = np.column_stack([l, poly(np.column_stack([k, proxy]), degree)])
    fit1, b1 = lstsq_fit(X1, y)
    bl = b1[0]
    phi = fit1 - bl * l
    ynet = y - bl * l

    def crit(bk):
        omega = phi - bk * k
        xi = innovations(omega, lag, rows)
        return float(np.sum((xi + ynet[rows] - phi[rows]) ** 2))

    # grid of 41 points on [b_OLS - 1, b_OLS + 1], then Brent between the neighbours of the best one
    grid = start[1] - 1 + np.arange(41) * 0.05
    best = int(np.argmin([crit(g) for g in grid]))
    lo, hi = grid[max(best - 1, 0)], grid[min(best + 1, 40)]
    r = minimize_scalar(crit, bounds=(lo, hi), method="bounded", options={"xatol": 1e-12, "maxiter": 500})
    return [float(bl), float(r.x)]


def main():
    import statsmodels.api as sm

    df = simulate()
    os.makedirs(os.path.join(ROOT, "data", "tfp"), exist_ok=True)
    df.to_csv(os.path.join(ROOT, "data", "tfp", "firm-panel.csv"), index=False, float_format="%.6f")
    df = pd.read_csv(os.path.join(ROOT, "data", "tfp", "firm-panel.csv"))
    o = ols_start(df)
    dummies = pd.get_dummies(df.firm, drop_first=True, dtype=float)
    lsdv = sm.OLS(df.lny.values, sm.add_constant(np.column_stack([df[["lnl", "lnk"]].values, dummies.values]))).fit()
    out = {
        "truth": {"lnl": 0.6, "lnk": 0.3},
        "data": {c: df[c].tolist() for c in ["firm", "year", "lny", "lnl", "lnk", "lnm", "lni"]},
        "ols": {"beta": o.params[1:].tolist(), "se": o.bse[1:].tolist()},
        "fe": {"beta": lsdv.params[1:3].tolist(), "se": lsdv.bse[1:3].tolist()},
    }
    for est in ("op", "lp", "acf"):
        out[est] = {"beta": control_function(df, est)}
    with open(os.path.join(HERE, "fixtures", "firm.json"), "w") as f:
        json.dump(out, f)
    print({k: v["beta"] for k, v in out.items() if k not in ("truth", "data")})


if __name__ == "__main__":
    main()

"""NumPy / SciPy reference for bench/tfp-firm.ts: the control-function
estimators OP, LP and ACF as test/reference/tfp/firm_reference.py writes them
(numpy.linalg.lstsq for the regressions, a grid then minimize_scalar
"bounded" for one state variable, Nelder-Mead for ACF), with a NumPy OLS
start instead of statsmodels'. Reads a CSV with firm, year, lny, lnl, lnk,
lnm, lni and prints one JSON line {"op": {"seconds", "beta"}, "lp": …, "acf": …}.

Usage: /usr/bin/python3 bench/tfp_firm_python.py PANEL.csv
"""
import json
import sys
import time
from itertools import combinations_with_replacement

import numpy as np
import pandas as pd
from scipy.optimize import minimize, minimize_scalar


def poly(cols, degree):
    out = [np.ones(cols.shape[0])]
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


def control_function(df, estimator, degree=3):
    y = df.lny.values
    l = df.lnl.values
    k = df.lnk.values
    proxy = df.lni.values if estimator == "op" else df.lnm.values
    lag = lag_index(df)
    rows = np.where(lag >= 0)[0]
    _, b0 = lstsq_fit(np.column_stack([np.ones(len(y)), l, k]), y)
    start = b0[1:]
    if estimator == "acf":
        phi, _ = lstsq_fit(poly(np.column_stack([l, k, proxy]), degree), y)
        Z = np.column_stack([k[rows], l[lag[rows]]])

        def crit(b):
            xi = innovations(phi - b[0] * l - b[1] * k, lag, rows)
            m = Z.T @ xi / len(rows)
            return float(m @ m)

        r = minimize(crit, start, method="Nelder-Mead",
                     options={"xatol": 1e-12, "fatol": 1e-20, "maxiter": 20000, "maxfev": 40000})
        return r.x.tolist()
    X1 = np.column_stack([l, poly(np.column_stack([k, proxy]), degree)])
    fit1, b1 = lstsq_fit(X1, y)
    bl = b1[0]
    phi = fit1 - bl * l
    ynet = y - bl * l

    def crit(bk):
        xi = innovations(phi - bk * k, lag, rows)
        return float(np.sum((xi + ynet[rows] - phi[rows]) ** 2))

    grid = start[1] - 1 + np.arange(41) * 0.05
    best = int(np.argmin([crit(g) for g in grid]))
    lo, hi = grid[max(best - 1, 0)], grid[min(best + 1, 40)]
    r = minimize_scalar(crit, bounds=(lo, hi), method="bounded", options={"xatol": 1e-12, "maxiter": 500})
    return [float(bl), float(r.x)]


def main():
    df = pd.read_csv(sys.argv[1])
    out = {}
    for est in ["op", "lp", "acf"]:
        t0 = time.perf_counter()
        beta = control_function(df, est)
        out[est] = {"seconds": time.perf_counter() - t0, "beta": beta}
    print(json.dumps(out))


if __name__ == "__main__":
    main()

"""Synthetic firm panel with exits and firm age, and independent reference
estimates for the Olley-Pakes exit (survival) correction and for several
state variables in xinzhi's firm estimators (src/core/tfp/firm).

Run:  /usr/bin/python3 test/reference/tfp/firm_exit_reference.py
Needs numpy, scipy, pandas, statsmodels. Writes data/tfp/firm-exit-panel.csv
and test/reference/tfp/fixtures/firm-exit.json.

Data-generating process (logs), 300 firms observed for up to 10 years after
10 burn-in years without exit:
  omega_t = 0.7 omega_{t-1} + xi,  xi ~ N(0, 0.15^2)             productivity
  age_t   = age_{t-1} + 1, age at the start ~ U{1..10}            firm age (a state)
  i_t     = 0.3 + 1.2 omega_t + 0.8 k_t - 0.02 age_t              investment (OP proxy)
  K_{t+1} = (1 - d_f) K_t + I_t, d_f ~ U(0.05, 0.25)              capital accumulation
  l_t     = 1 + 0.5 omega_t + 0.3 k_t + N(0, 0.2^2)               labour
  m_t     = 0.5 + omega_t + 0.5 omega_t^2 + 0.6 k_t               intermediate inputs (LP proxy)
  y_t     = 1 + 0.6 l_t + 0.3 k_t + 0.02 age_t + omega_t + N(0, 0.1^2)
  exit after t when omega_{t+1} < -0.35 - 0.35 (k_{t+1} - 6.4)   (OP's threshold rule: firms with
                                                                   more capital survive lower productivity)
so beta_l = 0.6, beta_k = 0.3, beta_age = 0.02. The CSV's `exit` column is 1
in a firm's last year when it leaves before the panel's last year (the
convention of xinzhi's "exit" option; here it equals the inferred exit).

Reference estimators, written here from Olley & Pakes (1996, section 4),
Levinsohn & Petrin (2003), Ackerberg, Caves & Frazer (2015) and the documented
algorithm of prodest (Rovigatti & Mollisi 2018: the cubic in lagged omega and
the survival probability): stage 1 by numpy least squares on a full
polynomial; the survival model by statsmodels Probit / Logit (Newton, tight
tolerance) of survival to t+1 on the stage-1 polynomial at t, on the years
before the panel's last; stage 2 by scipy.optimize (one state: a grid then
minimize_scalar "bounded"; several states: Nelder-Mead from the OLS
estimates).
"""
import json
import os
from itertools import combinations_with_replacement

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.optimize import minimize, minimize_scalar

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def simulate(n=300, T=10, burn=10, seed=11):
    rng = np.random.RandomState(seed)
    rows = []
    for f in range(n):
        omega = rng.normal(0, 0.2)
        k = rng.normal(3, 0.5)
        age = rng.randint(1, 11)
        keep = 1 - rng.uniform(0.05, 0.25)
        for t in range(burn + T):
            i = 0.3 + 1.2 * omega + 0.8 * k - 0.02 * age
            l = 1 + 0.5 * omega + 0.3 * k + rng.normal(0, 0.2)
            m = 0.5 + 1.0 * omega + 0.5 * omega ** 2 + 0.6 * k
            y = 1 + 0.6 * l + 0.3 * k + 0.02 * age + omega + rng.normal(0, 0.1)
            k_next = np.log(keep * np.exp(k) + np.exp(i))
            omega_next = 0.7 * omega + rng.normal(0, 0.15)
            leaves = t >= burn and t < burn + T - 1 and omega_next < -0.35 - 0.35 * (k_next - 6.4)
            if t >= burn:
                rows.append((f"F{f + 1:03d}", 2010 + t - burn, y, l, k, age, m, i, int(leaves)))
            if leaves:
                break
            k, omega, age = k_next, omega_next, age + 1
    df = pd.DataFrame(rows, columns=["firm", "year", "lny", "lnl", "lnk", "age", "lnm", "lni", "exit"])
    for c in ["lny", "lnl", "lnk", "lnm", "lni"]:
        df[c] = df[c].round(6)
    return df


def poly(cols, degree):
    """Every monomial of total degree <= degree in the columns, constant included."""
    out = [np.ones(cols.shape[0])]
    for d in range(1, degree + 1):
        for combo in combinations_with_replacement(range(cols.shape[1]), d):
            out.append(np.prod(cols[:, combo], axis=1))
    return np.column_stack(out)


def lstsq_fit(X, y):
    b, *_ = np.linalg.lstsq(X, y, rcond=None)
    return X @ b


def previous_row(df):
    at = {(f, t): r for r, (f, t) in enumerate(zip(df.firm, df.year))}
    return np.array([at.get((f, t - 1), -1) for f, t in zip(df.firm, df.year)])


def inferred_exit(df):
    last = df.groupby("firm").year.transform("max").values
    return ((df.year.values == last) & (last < df.year.max())).astype(int)


def survival_model(terms, exit_, years, link):
    """Survival to t+1 (1 - exit_t) on the polynomial at t, years before the panel's last."""
    sample = years < years.max()
    model = sm.Probit if link == "probit" else sm.Logit
    res = model(1 - exit_[sample], terms[sample]).fit(method="newton", tol=1e-8, maxiter=200, disp=0)
    assert res.mle_retvals["converged"]
    return res, res.predict(terms)


def innovations(omega, lag, rows, prob):
    w = omega[lag[rows]]
    if prob is None:
        X = np.column_stack([np.ones(len(rows)), w, w ** 2, w ** 3])
    else:
        X = poly(np.column_stack([w, prob[lag[rows]]]), 3)
    return omega[rows] - lstsq_fit(X, omega[rows])


def ols_start(df, free, state):
    X = sm.add_constant(df[free + state].values)
    return sm.OLS(df.lny.values, X).fit().params[1:]


def op_lp(df, free, state, proxy, exit_=None, link="probit", degree=3):
    y = df.lny.values
    F = df[free].values
    S = df[state].values
    nf, ns = len(free), len(state)
    lag = previous_row(df)
    rows = np.where(lag >= 0)[0]
    start = ols_start(df, free, state)
    terms = poly(np.column_stack([S, df[proxy].values]), degree)
    X1 = np.column_stack([F, terms])
    b1, *_ = np.linalg.lstsq(X1, y, rcond=None)
    bf = b1[:nf]
    phi = X1 @ b1 - F @ bf
    ynet = y - F @ bf
    prob, survival = None, None
    if exit_ is not None:
        res, prob = survival_model(terms, exit_, df.year.values, link)
        survival = {"coefficients": res.params.tolist(), "logLik": float(res.llf),
                    "rows": int(res.nobs), "exits": int(round(res.nobs - res.model.endog.sum())),
                    "probability": prob.tolist()}

    def crit(bs):
        omega = phi - S @ np.atleast_1d(bs)
        xi = innovations(omega, lag, rows, prob)
        return float(np.sum((xi + ynet[rows] - phi[rows]) ** 2))

    if ns == 1:
        grid = start[nf] - 1 + np.arange(41) * 0.05
        best = int(np.argmin([crit([g]) for g in grid]))
        r = minimize_scalar(lambda b: crit([b]), bounds=(grid[max(best - 1, 0)], grid[min(best + 1, 40)]),
                            method="bounded", options={"xatol": 1e-12, "maxiter": 500})
        bs = [float(r.x)]
    else:
        # the sum of squares is flat at its minimum: xinzhi's STAGE2_TOLERANCE (1e-9 in beta, 1e-10 in the criterion)
        r = minimize(crit, start[nf:], method="Nelder-Mead",
                     options={"xatol": 1e-9, "fatol": 1e-10, "maxiter": 2000 * ns, "maxfev": 10 ** 6})
        assert r.success, r.message
        bs = r.x.tolist()
    return {"beta": [*bf.tolist(), *bs], "criterion": crit(bs), "stage2": int(len(rows)), "survival": survival}


def acf(df, free, state, proxy, degree=3):
    y = df.lny.values
    X = df[free + state].values
    lag = previous_row(df)
    rows = np.where(lag >= 0)[0]
    phi = lstsq_fit(poly(np.column_stack([X, df[proxy].values]), degree), y)
    Z = np.column_stack([df[state].values[rows], df[free].values[lag[rows]]])

    def crit(b):
        xi = innovations(phi - X @ b, lag, rows, None)
        m = Z.T @ xi / len(rows)
        return float(m @ m)

    k = X.shape[1]
    r = minimize(crit, ols_start(df, free, state), method="Nelder-Mead",
                 options={"xatol": 1e-12, "fatol": 1e-20, "maxiter": 2000 * k, "maxfev": 10 ** 6})
    assert r.success, r.message
    return {"beta": r.x.tolist(), "criterion": float(r.fun)}


def main():
    df = simulate()
    path = os.path.join(ROOT, "data", "tfp", "firm-exit-panel.csv")
    df.to_csv(path, index=False, float_format="%.6f")
    df = pd.read_csv(path)
    assert (inferred_exit(df) == df.exit.values).all()
    e = df.exit.values
    L = ["lnl"]
    out = {
        "truth": {"lnl": 0.6, "lnk": 0.3, "age": 0.02},
        "data": {c: df[c].tolist() for c in df.columns},
        "op_exit": op_lp(df, L, ["lnk", "age"], "lni", e),
        "op_exit_logit": op_lp(df, L, ["lnk", "age"], "lni", e, link="logit"),
        "op_exit_k": op_lp(df, L, ["lnk"], "lni", e),
        "op_k": op_lp(df, L, ["lnk"], "lni"),
        "op_multi": op_lp(df, L, ["lnk", "age"], "lni"),
        "lp_exit": op_lp(df, L, ["lnk", "age"], "lnm", e),
        "lp_multi": op_lp(df, L, ["lnk", "age"], "lnm"),
        "acf_multi": acf(df, L, ["lnk", "age"], "lnm"),
    }
    for key in ("op_exit_k", "lp_exit"):  # the tests read the probabilities of op_exit and op_exit_logit only
        out[key]["survival"].pop("probability")
    # Exit as a step in capital: the probit has no finite maximum. statsmodels either raises
    # PerfectSeparationError or stops without converging, the coefficients running away.
    sample = df.year.values < df.year.max()
    step = (df.lnk.values < np.quantile(df.lnk.values, 0.1)).astype(float)
    try:
        res = sm.Probit(1 - step[sample], poly(df[["lnk", "age", "lni"]].values, 3)[sample]).fit(
            method="newton", tol=1e-8, maxiter=200, disp=0)
        out["separation"] = {"threshold": float(np.quantile(df.lnk.values, 0.1)),
                             "converged": bool(res.mle_retvals["converged"]),
                             "llf": float(res.llf) if np.isfinite(res.llf) else None}
    except Exception as err:  # PerfectSeparationError
        out["separation"] = {"threshold": float(np.quantile(df.lnk.values, 0.1)), "error": type(err).__name__}
    # Quasi-complete separation: every firm-year with capital below the 5 % quantile exits, the others as
    # simulated. The likelihood is still maximised numerically; those rows get survival probabilities at 0.
    quasi = np.where(df.lnk.values < np.quantile(df.lnk.values, 0.05), 1, e)
    terms = poly(df[["lnk", "age", "lni"]].values, 3)
    res, prob = survival_model(terms, quasi, df.year.values, "probit")
    out["quasi_separation"] = {"threshold": float(np.quantile(df.lnk.values, 0.05)), "logLik": float(res.llf),
                               "exits": int(round(res.nobs - res.model.endog.sum())),
                               "certain": int(np.sum((prob[sample] < 1e-10) | (prob[sample] > 1 - 1e-10)))}
    with open(os.path.join(HERE, "fixtures", "firm-exit.json"), "w") as f:
        json.dump(out, f)
    print("rows", len(df), "firms", df.firm.nunique(), "exits", int(e.sum()))
    for key, v in out.items():
        if "beta" in v:
            print(key, np.round(v["beta"], 4))


if __name__ == "__main__":
    main()

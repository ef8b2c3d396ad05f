"""Reference numbers for the IV identification statistics (src/core/estimate/rank-test.ts, iv.ts).

Written from Kleibergen & Paap (2006, J. Econometrics 133, section 3: the rk statistic
from the singular value decomposition of the normalised first-stage matrix) and the
conventions of Stata's ranktest / ivreg2 / ivreghdfe as documented by Baum, Schaffer &
Stillman (2007, Stata Journal 7(4), "Enhanced routines for IV/GMM estimation"):
  underidentification  rk LM  (clustered: as computed; robust: times (N - dofminus)/N, dofminus = 0)
  weak identification  rk Wald F = rk_W / (N - 1) * (N - L - s) * (G - 1) / G / L1   (clustered)
                                 = rk_W / N * (N - L - s) / L1                      (robust)
                       Cragg-Donald F = cd * (N - s - L) / L1, cd = r2min / (1 - r2min)
                       Anderson LM = N * r2min
  L  = excluded + included exogenous instruments (fixed effects absorbed, no constant),
  s  = ivreghdfe's sdofminus = max(1, df_a), df_a = absorbed degrees of freedom as reghdfe
       counts them (with clusters, the effects nested in the clusters and the constant left out).
Fixed effects are partialled out here with dummy matrices (least squares), not by the
alternating projections of the TypeScript code; the rank of the dummy matrices gives df_a.
Data: plm's Grunfeld and Produc (grunfeld.csv, produc.csv in this folder), arithmetic
illustrations only.
Run from this folder with Debian's python3-numpy, python3-pandas, python3-scipy:
  /usr/bin/python3 kp_reference.py
"""
import json

import numpy as np
import pandas as pd
from scipy.linalg import sqrtm
from scipy.stats import chi2


def dummies(codes):
    levels, inv = np.unique(codes, return_inverse=True)
    D = np.zeros((len(codes), len(levels)))
    D[np.arange(len(codes)), inv] = 1.0
    return D


def resid(A, B):
    """A less its least-squares projection on the columns of B."""
    if B.shape[1] == 0:
        return A
    coef, *_ = np.linalg.lstsq(B, A, rcond=None)
    return A - B @ coef


def nested(fe, cl):
    return all(len(np.unique(cl[fe == v])) == 1 for v in np.unique(fe))


def rk_stat(Y, Z, e_kind, vce, cl=None):
    """ranktest's statistic for the test of full rank (rank K - 1 against K)."""
    N, K = Y.shape
    L = Z.shape[1]
    zz, zy, yy = Z.T @ Z, Z.T @ Y, Y.T @ Y
    pi = np.linalg.solve(zz, zy)
    ry = np.linalg.cholesky(yy)  # lower, yy = ry ry'
    rz = np.linalg.cholesky(zz)
    iry = np.linalg.inv(ry.T)
    irz = np.linalg.inv(rz.T)
    theta = rz.T @ pi @ iry
    u, sv, vt = np.linalg.svd(theta, full_matrices=True)
    v = vt.T
    ev = sv ** 2
    if vce == "iid":
        r = ev[K - 1]
        return N * (r if e_kind == "lm" else r / (1 - r)), ev
    e = Y if e_kind == "lm" else Y - Z @ pi
    # scores e_i (x) z_i, column-major vec of an L x K matrix: index k*L + l
    S = np.einsum("ik,il->ikl", e, Z).reshape(N, K * L)
    if vce == "cluster":
        S = pd.DataFrame(S).groupby(cl).sum().to_numpy()
    meat = S.T @ S
    T = np.kron(iry.T, irz.T)
    W = T @ meat @ T.T
    i = K
    u12, u22 = u[: i - 1, i - 1 :], u[i - 1 :, i - 1 :]
    v12, v22 = v[: i - 1, i - 1 :], v[i - 1 :, i - 1 :]
    aq = np.vstack([u12, u22]) @ np.linalg.inv(u22) @ np.real(sqrtm(u22 @ u22.T))
    bq = np.real(sqrtm(v22 @ v22.T)) @ np.linalg.inv(v22.T) @ np.vstack([v12, v22]).T
    R = np.kron(bq, aq.T)
    lam = R @ theta.reshape(-1, order="F")
    om = R @ W @ R.T
    om = (om + om.T) / 2
    return float(lam @ np.linalg.solve(om, lam)), ev


def case(df, y, endog, exog, inst, fe, cluster=None, se="cluster"):
    N = len(df)
    Dfe = np.hstack([dummies(df[f].to_numpy()) for f in fe])
    Wx = df[exog].to_numpy(float) if exog else np.zeros((N, 0))
    M = np.hstack([Dfe, Wx])
    Y = resid(df[endog].to_numpy(float), M)
    Z = resid(df[inst].to_numpy(float), M)
    L1, K1 = len(inst), len(endog)
    Lall = len(inst) + len(exog)
    cl = df[cluster].to_numpy() if cluster else None
    if se == "cluster":
        keep = [f for f in fe if not nested(df[f].to_numpy(), cl)]
        if len(keep) < len(fe):
            df_a = (np.linalg.matrix_rank(np.hstack([dummies(df[f].to_numpy()) for f in keep])) - 1) if keep else 0
        else:
            df_a = np.linalg.matrix_rank(Dfe)
    else:
        df_a = np.linalg.matrix_rank(Dfe)
    s = max(1, int(df_a))
    lm_iid, ev = rk_stat(Y, Z, "lm", "iid")
    cd_w, _ = rk_stat(Y, Z, "wald", "iid")
    cd = cd_w / N
    out = {
        "n": N,
        "sdofminus": s,
        "ccorr": np.sqrt(ev).tolist(),
        "andersonLM": lm_iid,
        "andersonP": float(chi2.sf(lm_iid, L1 - K1 + 1)),
        "craggDonaldF": cd * (N - s - Lall) / L1,
        "df": L1 - K1 + 1,
    }
    if se == "iid":
        return out
    vce = "cluster" if se == "cluster" else "robust"
    rk_lm, _ = rk_stat(Y, Z, "lm", vce, cl)
    rk_w, _ = rk_stat(Y, Z, "wald", vce, cl)
    if vce == "cluster":
        G = len(np.unique(cl))
        factor = (N - Lall - s) / (N - 1) * (G - 1) / G
    else:
        factor = (N - Lall - s) / N
    out.update(
        {
            "rkLM": rk_lm,
            "rkLMp": float(chi2.sf(rk_lm, L1 - K1 + 1)),
            "rkWald": rk_w,
            "rkWaldF": rk_w * factor / L1,
            "rkWaldFUnadjusted": rk_w / L1,
            "factor": factor,
        }
    )
    if K1 == 1:
        # the first stage with dummies and exogenous regressors: CR0 (or HC0) Wald of the excluded instruments
        X = np.hstack([df[inst].to_numpy(float), Wx, Dfe])
        x = df[endog[0]].to_numpy(float)
        b, *_ = np.linalg.lstsq(X, x, rcond=None)
        u = x - X @ b
        bread = np.linalg.pinv(X.T @ X)
        sc = X * u[:, None]
        if vce == "cluster":
            sc = pd.DataFrame(sc).groupby(cl).sum().to_numpy()
        V = bread @ (sc.T @ sc) @ bread
        q = len(inst)
        out["firstStageWaldCR0"] = float(b[:q] @ np.linalg.solve(V[:q, :q], b[:q]))
    return out


g = pd.read_csv("grunfeld.csv")
p = pd.read_csv("produc.csv")
p["lgsp"], p["lpc"], p["lemp"], p["lpcap"] = np.log(p.gsp), np.log(p.pc), np.log(p.emp), np.log(p.pcap)
p["lpcap2"] = p.lpcap ** 2
p["unemp2"] = p.unemp ** 2

gr = dict(y="inv", endog=["value"], exog=[], inst=["capital"], fe=["firm", "year"])
two = dict(y="lgsp", endog=["lpc", "lemp"], exog=["unemp"], inst=["lpcap", "lpcap2", "unemp2"], fe=["state", "year"])
one = dict(y="lgsp", endog=["lemp"], exog=["unemp"], inst=["lpcap", "lpc"], fe=["state", "year"])
res = {
    "grunfeld_iid": case(g, **gr, se="iid"),
    "grunfeld_robust": case(g, **gr, se="robust"),
    "grunfeld_cluster_firm": case(g, **gr, cluster="firm"),
    "grunfeld_cluster_year": case(g, **gr, cluster="year"),
    "produc2_iid": case(p, **two, se="iid"),
    "produc2_robust": case(p, **two, se="robust"),
    "produc2_cluster_state": case(p, **two, cluster="state"),
    "produc2_cluster_year": case(p, **two, cluster="year"),
    "produc1_cluster_state": case(p, **one, cluster="state"),
}
with open("fixtures/kp.json", "w") as f:
    json.dump(res, f, indent=1)
    f.write("\n")

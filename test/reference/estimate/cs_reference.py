"""Reference numbers for Callaway & Sant'Anna (2021) without covariates
(src/core/estimate/cs.ts), written from the paper's formulas and the
conventions of the R `did` package (att_gt with bstrap = FALSE, aggte), with
numpy and pandas. Run from this folder after did_reference.R:
    python3 cs_reference.py
Reads did-staggered.csv (cohort 0 = never treated); writes fixtures/cs.json.

ATT(g,t) = mean over cohort g of (Y_t - Y_b) - mean over controls of (Y_t - Y_b),
b = the period before g for t >= g; for t < g, b = t - 1 ("varying") or the
period before g ("universal"). Controls: never treated, or not yet treated
(cohort 0 or cohort > max(t, b), other than g). Influence function of unit i
(full sample of n units): n [D_i (dY_i - m_T)/n_T - C_i (dY_i - m_C)/n_C];
SE = sqrt(sum psi^2) / n. Aggregations weight ATT(g,t) by the cohort shares
P(G = g) and add the influence function of the estimated weights (aggte's wif).
"""
import json
import numpy as np
import pandas as pd

df = pd.read_csv("did-staggered.csv")
wide = df.pivot(index="unit", columns="year", values="y")
units = wide.index.to_numpy()
periods = list(wide.columns)
Y = wide.to_numpy()
G = df.groupby("unit")["cohort"].first().reindex(units).to_numpy().astype(float)
n = len(units)
glist = sorted(g for g in set(G) if g > 0)


def att_gt(control, base):
    cells = []
    for g in glist:
        gi = periods.index(g)
        for ti, t in enumerate(periods):
            if base == "varying":
                if ti == 0:
                    continue
                bi = ti - 1 if t < g else gi - 1
            else:
                bi = gi - 1
                if ti == bi:
                    continue
            b = periods[bi]
            treated = G == g
            if control == "never":
                ctrl = G == 0
            else:
                ctrl = (G == 0) | ((G > max(t, b)) & (G != g))
            dy = Y[:, ti] - Y[:, bi]
            nT, nC = treated.sum(), ctrl.sum()
            mT, mC = dy[treated].mean(), dy[ctrl].mean()
            psi = np.zeros(n)
            psi[treated] = n * (dy[treated] - mT) / nT
            psi[ctrl] -= n * (dy[ctrl] - mC) / nC
            cells.append({"g": g, "t": t, "att": mT - mC, "psi": psi})
    return cells


def se(psi):
    return float(np.sqrt((psi**2).sum()) / n)


pg_of = {g: float(np.mean(G == g)) for g in glist}


def weighted(cells, keep):
    """Weighted by P(G = g) within `keep`, with the influence of the estimated weights (aggte's wif)."""
    ks = [c for c in cells if keep(c)]
    pg = np.array([pg_of[c["g"]] for c in ks])
    S = pg.sum()
    w = pg / S
    att = np.array([c["att"] for c in ks])
    psi = sum(wk * c["psi"] for wk, c in zip(w, ks))
    ind = np.stack([(G == c["g"]).astype(float) - pg_of[c["g"]] for c in ks], axis=1)  # n x k
    wif = ind / S - np.outer(ind.sum(axis=1), pg / S**2)
    psi = psi + wif @ att
    return float(w @ att), psi


def aggregate(cells):
    out = {}
    est, psi = weighted(cells, lambda c: c["t"] >= c["g"])
    out["simple"] = {"estimate": est, "se": se(psi)}
    # dynamic: by event time e = t - g; overall = mean over e >= 0
    es = sorted({c["t"] - c["g"] for c in cells})
    dyn = []
    for e in es:
        est, psi = weighted(cells, lambda c, e=e: c["t"] - c["g"] == e)
        dyn.append({"e": e, "estimate": est, "se": se(psi), "psi": psi})
    post = [d for d in dyn if d["e"] >= 0]
    ov = np.mean([d["estimate"] for d in post])
    ovpsi = sum(d["psi"] for d in post) / len(post)
    out["dynamic"] = {
        "overall": {"estimate": float(ov), "se": se(ovpsi)},
        "e": es,
        "estimate": [d["estimate"] for d in dyn],
        "se": [d["se"] for d in dyn],
    }
    # group: mean of ATT(g,t) over t >= g; overall weighted by P(G = g) with wif
    grp = []
    for g in glist:
        ks = [c for c in cells if c["g"] == g and c["t"] >= g]
        grp.append((g, np.mean([c["att"] for c in ks]), sum(c["psi"] for c in ks) / len(ks)))
    pg = np.array([pg_of[g] for g, _, _ in grp])
    S = pg.sum()
    att = np.array([a for _, a, _ in grp])
    psi = sum((p / S) * f for p, (_, _, f) in zip(pg, grp))
    ind = np.stack([(G == g).astype(float) - pg_of[g] for g, _, _ in grp], axis=1)
    psi = psi + (ind / S - np.outer(ind.sum(axis=1), pg / S**2)) @ att
    out["group"] = {
        "overall": {"estimate": float(pg @ att / S), "se": se(psi)},
        "g": glist,
        "estimate": [float(a) for _, a, _ in grp],
        "se": [se(f) for _, _, f in grp],
    }
    # calendar: by period t >= first cohort, weighted by P(G = g) among g <= t; overall = mean over t
    cal = []
    for t in [p for p in periods if p >= min(glist)]:
        est, psi = weighted(cells, lambda c, t=t: c["t"] == t and c["g"] <= t)
        cal.append((t, est, psi))
    ovpsi = sum(f for _, _, f in cal) / len(cal)
    out["calendar"] = {
        "overall": {"estimate": float(np.mean([e for _, e, _ in cal])), "se": se(ovpsi)},
        "t": [t for t, _, _ in cal],
        "estimate": [e for _, e, _ in cal],
        "se": [se(f) for _, _, f in cal],
    }
    return out


out = {}
for control in ["never", "notyet"]:
    for base in ["varying", "universal"]:
        cells = att_gt(control, base)
        out[f"{control}_{base}"] = {
            "gt": [{"g": c["g"], "t": c["t"], "att": c["att"], "se": se(c["psi"])} for c in cells],
            "aggregations": aggregate(cells),
        }


def plain(x):
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        return float(x)
    return x


with open("fixtures/cs.json", "w") as f:
    json.dump(plain(out), f, indent=1)

"""Reference numbers for xinzhi's data layer (missing values and moments).

Independent implementations: pandas (interpolation within groups, group /
unit / time means) and scipy.stats (skewness and kurtosis variants).

Regenerate (from the repository root) with Debian's python3-pandas and
python3-scipy:
    /usr/bin/python3 test/reference/data/make_fixtures.py
Writes test/reference/data/fixtures/impute_pandas.json and moments_scipy.json.
"""
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
OUT = HERE / "fixtures"
OUT.mkdir(exist_ok=True)


def clean(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def records(df):
    return [{k: clean(v.item() if hasattr(v, "item") else v) for k, v in r.items()} for r in df.to_dict("records")]


# ---------------------------------------------------------------- panel with gaps
nan = float("nan")
rows = []
data = {
    # unit: (region, values 2015..2020 for x, for y)
    "A": ("east", [1.0, nan, 3.0, nan, nan, 9.0], [nan, 2.0, 2.5, nan, 4.0, nan]),
    "B": ("east", [nan, 5.0, 6.0, 7.5, nan, nan], [1.0, 1.5, nan, 2.0, 2.5, 3.0]),
    "C": ("west", [10.0, 11.0, nan, 13.0, 14.0, 15.0], [nan, nan, nan, nan, nan, nan]),
    "D": ("west", [2.0, 2.0, 2.0, nan, 2.0, 4.0], [5.0, nan, 7.0, 8.0, nan, 10.0]),
}
for u, (reg, xs, ys) in data.items():
    for k, t in enumerate(range(2015, 2021)):
        rows.append({"unit": u, "region": reg, "year": t, "x": xs[k], "y": ys[k]})
df = pd.DataFrame(rows)
cols = ["x", "y"]

out = {"source": f"pandas {pd.__version__}, numpy {np.__version__}", "panel": records(df)}

interp = df.copy()
for c in cols:
    interp[c] = df.groupby("unit")[c].transform(lambda s: s.interpolate(limit_area="inside"))
out["interpolate"] = records(interp)

unit_mean = df.copy()
time_mean = df.copy()
group_mean = df.copy()
for c in cols:
    unit_mean[c] = df[c].fillna(df.groupby("unit")[c].transform("mean"))
    time_mean[c] = df[c].fillna(df.groupby("year")[c].transform("mean"))
    group_mean[c] = df[c].fillna(df.groupby(["region", "year"])[c].transform("mean"))
out["unit_mean"] = records(unit_mean)
out["time_mean"] = records(time_mean)
out["group_mean"] = records(group_mean)
out["drop"] = records(df.dropna(subset=cols))

# uneven times: a unit observed in 2010, 2011, 2015 (years absent as rows): interpolate by time value
uneven = pd.DataFrame({"unit": ["E"] * 5, "year": [2010, 2011, 2012, 2015, 2016], "x": [1.0, nan, nan, nan, 11.0]})
u2 = uneven.copy()
u2["x"] = uneven.set_index("year").groupby(uneven["unit"].values)["x"].transform(
    lambda s: s.interpolate(method="index", limit_area="inside")).values
out["uneven_panel"] = records(uneven)
out["uneven_interpolate"] = records(u2)

(OUT / "impute_pandas.json").write_text(json.dumps(out, indent=1, ensure_ascii=False))

# ---------------------------------------------------------------- moments
pp = pd.read_csv(ROOT / "data" / "province-panel" / "province_panel_2013_2022.csv")
vecs = {
    "small": [1.0, 2.0, 3.0, 10.0],
    "five": [2.5, -1.0, 4.0, 4.0, 8.0],
    "profit": pp["Total Profit (100M RMB)"].astype(float).tolist(),
    "patents": pp["Valid Invention Patents"].astype(float).tolist(),
    "urbanization": pp["Urbanization Level"].astype(float).tolist(),
}
mom = {"source": f"scipy {scipy.__version__}"}
for name, x in vecs.items():
    a = np.asarray(x)
    mom[name] = {
        "x": x,
        "skew_biased": float(st.skew(a, bias=True)),
        "skew_unbiased": float(st.skew(a, bias=False)),
        "kurt_excess_biased": float(st.kurtosis(a, fisher=True, bias=True)),
        "kurt_excess_unbiased": float(st.kurtosis(a, fisher=True, bias=False)),
        "kurt_raw_biased": float(st.kurtosis(a, fisher=False, bias=True)),
    }
(OUT / "moments_scipy.json").write_text(json.dumps(mom, indent=1))
print("wrote impute_pandas.json and moments_scipy.json")

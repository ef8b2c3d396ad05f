#!/usr/bin/env python3
"""ln TFP by period for core/tfp/firm/summary.ts, with pandas: ln TFP of the
OLS production function on data/tfp/firm-panel.csv (coefficients from
statsmodels, stored in fixtures/firm.json by firm_reference.py), then per year
the count, mean, std (ddof = 1) and the 10 / 50 / 90 % quantiles (linear
interpolation, R type 7).
Usage: /usr/bin/python3 test/reference/tfp/firm_tfp_summary.py
       (writes fixtures/firm-tfp-summary.json)"""
import json
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, "fixtures", "firm.json")) as f:
    ref = json.load(f)
df = pd.DataFrame(ref["data"])
b_l, b_k = ref["ols"]["beta"]
df["tfp"] = df["lny"] - (b_l * df["lnl"] + b_k * df["lnk"])
g = df.groupby("year")["tfp"]
rows = []
for year, v in g:
    rows.append(
        {
            "time": int(year),
            "firms": int(v.count()),
            "mean": float(v.mean()),
            "sd": float(v.std(ddof=1)),
            "p10": float(v.quantile(0.1, interpolation="linear")),
            "median": float(v.quantile(0.5, interpolation="linear")),
            "p90": float(v.quantile(0.9, interpolation="linear")),
        }
    )
with open(os.path.join(HERE, "fixtures", "firm-tfp-summary.json"), "w") as f:
    json.dump({"ols": {"beta": [b_l, b_k]}, "byTime": rows}, f, indent=1)
print(rows[0])

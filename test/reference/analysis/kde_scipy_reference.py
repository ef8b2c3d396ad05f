"""SciPy's gaussian_kde bandwidth with bw_method="scott" (h = factor * sd,
factor = n^(-1/5) in one dimension) for the data of fixtures/kde.json, and its
density at that case's grid. Writes fixtures/kde_scipy.json.

Run after kde_reference.R: /usr/bin/python3 test/reference/analysis/kde_scipy_reference.py
"""
import json
import os
import numpy as np
import scipy
from scipy.stats import gaussian_kde

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with open(os.path.join(HERE, "fixtures", "kde.json"), encoding="utf-8") as f:
        ref = json.load(f)
    out = []
    for c in ref["cases"]:
        if len(set(c["times"])) != 1 or c["kernel"] != "gaussian":
            continue
        x = np.asarray(c["values"], float)
        k = gaussian_kde(x, bw_method="scott")
        h = float(np.sqrt(k.covariance[0, 0]))
        out.append({"name": c["name"], "values": c["values"], "bandwidth": h, "grid": c["grid"], "density": k(np.asarray(c["grid"])).tolist()})
    with open(os.path.join(HERE, "fixtures", "kde_scipy.json"), "w", encoding="utf-8") as f:
        json.dump({"source": f"test/reference/analysis/kde_scipy_reference.py (SciPy {scipy.__version__})", "cases": out}, f)


if __name__ == "__main__":
    main()

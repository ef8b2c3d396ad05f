"""NumPy / SciPy reference for bench/tfp-firm.ts: the control-function
estimators OP, LP and ACF of test/reference/tfp/firm_reference.py (numpy
least squares; a grid then minimize_scalar "bounded" for one state variable,
Nelder-Mead for ACF), called as they are, with the OLS start by numpy least
squares instead of statsmodels (the same estimates). Reads a CSV with firm,
year, lny, lnl, lnk, lnm, lni and prints one JSON line
{"op": {"seconds", "beta"}, "lp": …, "acf": …}.

Usage: /usr/bin/python3 bench/tfp_firm_python.py PANEL.csv
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "reference", "tfp"))
import firm_reference  # noqa: E402


class _Fit:
    def __init__(self, params):
        self.params = params


def ols_start(df):
    X = np.column_stack([np.ones(len(df)), df.lnl.values, df.lnk.values])
    b, *_ = np.linalg.lstsq(X, df.lny.values, rcond=None)
    return _Fit(b)


firm_reference.ols_start = ols_start


def main():
    df = pd.read_csv(sys.argv[1])
    out = {}
    for est in ["op", "lp", "acf"]:
        t0 = time.perf_counter()
        beta = firm_reference.control_function(df, est)
        out[est] = {"seconds": time.perf_counter() - t0, "beta": beta}
    print(json.dumps(out))


if __name__ == "__main__":
    main()

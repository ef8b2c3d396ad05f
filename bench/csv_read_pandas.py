#!/usr/bin/env python3
"""pandas reference for the "CSV read" row of bench/cli-evaluate.ts: the best
wall time of pandas.read_csv on the panel file, with pandas' default float
parser and with float_precision='round_trip' (the parser that gives the
correctly rounded doubles, as xinzhi's reader does), in one process.
Usage: /usr/bin/python3 bench/csv_read_pandas.py panel.csv reps
Prints one JSON line: {"default": seconds, "round_trip": seconds}."""
import json
import sys
import time

import pandas as pd

path, reps = sys.argv[1], int(sys.argv[2])
out = {}
for name, fp in (('default', None), ('round_trip', 'round_trip')):
    best = float('inf')
    for _ in range(reps):
        t0 = time.perf_counter()
        pd.read_csv(path, float_precision=fp)
        best = min(best, time.perf_counter() - t0)
    out[name] = best
print(json.dumps(out))

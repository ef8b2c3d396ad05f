#!/usr/bin/env python3
"""pandas reference for the "CSV read" row of bench/cli-evaluate.ts: the best
wall time of pandas.read_csv on the panel file, with pandas' default float
parser and with float_precision='round_trip' (the parser that gives the
correctly rounded doubles, as xinzhi's reader does), in one process.
Usage: /usr/bin/python3 bench/csv_read_pandas.py panel.csv reps
Prints one JSON line: {"default": [wall s, CPU s], "round_trip": [wall s, CPU s]}
(best of reps; CPU time as well, since a shared machine stretches wall times)."""
import json
import sys
import time

import pandas as pd

path, reps = sys.argv[1], int(sys.argv[2])
out = {}
for name, fp in (('default', None), ('round_trip', 'round_trip')):
    wall, cpu = float('inf'), float('inf')
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        pd.read_csv(path, float_precision=fp)
        wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
    out[name] = [wall, cpu]
print(json.dumps(out))

#!/usr/bin/env python3
"""pandas reference for the "XLSX read" and "JSON read" rows of
bench/cli-evaluate.ts: the best wall time of pandas.read_excel (its default
engine for .xlsx, openpyxl) or pandas.read_json (records) on the panel file,
in one process.
Usage: /usr/bin/python3 bench/table_read_pandas.py panel.xlsx|panel.json reps
Prints one JSON line: [wall s, CPU s] (best of reps)."""
import json
import sys
import time

import pandas as pd

path, reps = sys.argv[1], int(sys.argv[2])
read = (lambda: pd.read_excel(path)) if path.endswith('.xlsx') else (lambda: pd.read_json(path, orient='records'))
wall, cpu = float('inf'), float('inf')
for _ in range(reps):
    t0, c0 = time.perf_counter(), time.process_time()
    read()
    wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
print(json.dumps([wall, cpu]))

#!/usr/bin/env python3
"""pandas reference for the "XLSX read" row of bench/cli-evaluate.ts: the best
wall time of pandas.read_excel (its default engine for .xlsx, openpyxl) on the
panel workbook, in one process.
Usage: /usr/bin/python3 bench/xlsx_read_pandas.py panel.xlsx reps
Prints one JSON line: [wall s, CPU s] (best of reps)."""
import json
import sys
import time

import pandas as pd

path, reps = sys.argv[1], int(sys.argv[2])
wall, cpu = float('inf'), float('inf')
for _ in range(reps):
    t0, c0 = time.perf_counter(), time.process_time()
    pd.read_excel(path)
    wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
print(json.dumps([wall, cpu]))

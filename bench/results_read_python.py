#!/usr/bin/env python3
"""Python reference for the "results.json read" row of bench/cli-evaluate.ts:
read a results.json of xinzhi evaluate (json.load), the node scores as a
pandas DataFrame and each indicator's normalised values as a NumPy float
array (null as NaN), what xinzhi's reader gives the analyses; best of reps
in one process.
Usage: /usr/bin/python3 bench/results_read_python.py results.json reps
Prints one JSON line: [wall s, CPU s]."""
import json
import sys
import time

import numpy as np
import pandas as pd

path, reps = sys.argv[1], int(sys.argv[2])
wall, cpu = float('inf'), float('inf')
for _ in range(reps):
    t0, c0 = time.perf_counter(), time.process_time()
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    node_scores = pd.DataFrame.from_records(doc['nodeScores'])
    values = {k: np.array(v, dtype=float) for k, v in doc['normalized']['values'].items()}
    del doc, node_scores, values
    wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
print(json.dumps([wall, cpu]))

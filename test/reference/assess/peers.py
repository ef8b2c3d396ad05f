"""Expected peer-comparison numbers for test/assess/peers.test.ts.

Quartiles: numpy.percentile (method "linear" = R type 7); percentile rank:
scipy.stats.percentileofscore(kind="mean"). Run: python3 peers.py > peers.json
"""
import json

import numpy as np
from scipy import stats

cases = [
    {"peers": [40, 50, 60, 70, 80], "own": 65},
    {"peers": [12.5, 33.3, 47.9, 47.9, 58.2, 71.0, 88.8], "own": 47.9},
    {"peers": [91.25, 17.5, 64.0, 55.5, 38.75, 72.5, 23.0, 80.0, 49.5], "own": 100},
    {"peers": [60, 60, 60, 60, 60, 60], "own": 60},
]
out = []
for c in cases:
    x = np.array(c["peers"], dtype=float)
    out.append({
        **c,
        "mean": float(np.mean(x)),
        "p25": float(np.percentile(x, 25)),
        "median": float(np.percentile(x, 50)),
        "p75": float(np.percentile(x, 75)),
        "percentileRank": float(stats.percentileofscore(x, c["own"], kind="mean")),
    })
print(json.dumps(out, indent=1))

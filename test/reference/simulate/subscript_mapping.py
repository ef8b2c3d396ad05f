"""Reference run for Vensim subscript mappings, written independently with NumPy.

Run: /usr/bin/python3 test/reference/simulate/subscript_mapping.py
Writes fixtures/subscript-mapping.json.

The model (as in test/simulate/vensim-arrays.test.ts): ranges A = a1..a3,
B: b1, b2, b3 -> (C: c3, c2, c1) and C: c1, c2, c3 -> (B: b3, b2, b1), so b1
and c3 correspond, b2 and c2, b3 and c1. With link[A,B] = L2[A,C] (the mapped
element of C), stocks
  L1[A,B]' = M[A,B] * L1[A,B] - link[A,B]            L1(1) = 122
  L2[A,C]' = link[A,B] - L2[A,C] * N[A,C]            L2(1) = 2.22
(in L2's equation link[A,B] is read at the element of B mapped to C's),
Euler with DT 1 from 1 to 10, in float64.

"positional" is the same model with the mappings in order (B: b1, b2, b3 -> C;
C: c1, c2, c3 -> B), the SDXorg subscript_mapping_simple model: its L1[a1,b2]
at t = 9 (−0.40733925, a value after cancellation) is where Vensim's
single-precision output differs by 4e-6.
"""
import json
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

M = np.array([[0.01, 0.2, 0.5], [0.31, 0.21, 0.12], [0.03, 0.7, 0.9]])
N = np.array([[0.07, 0.1, 0.16], [0.6, 0.19, 0.4], [0.54, 0.23, 0.12]])


def run(reverse=True):
    l1 = np.full((3, 3), 122.0)
    l2 = np.full((3, 3), 2.22)
    out = {"time": [], "L1": [], "L2": []}
    for t in range(1, 11):
        out["time"].append(float(t))
        out["L1"].append(l1.tolist())
        out["L2"].append(l2.tolist())
        flip = (lambda x: x[:, ::-1]) if reverse else (lambda x: x)
        link = flip(l2)  # link[a, b_j] = L2[a, c_(4-j)] (reversed) or L2[a, c_j]
        d1 = M * l1 - link
        d2 = flip(link) - l2 * N  # L2[a, c_j] takes link[a, b_(4-j)] or link[a, b_j]
        l1 = l1 + d1
        l2 = l2 + d2
    return out


if __name__ == "__main__":
    os.makedirs(os.path.join(HERE, "fixtures"), exist_ok=True)
    with open(os.path.join(HERE, "fixtures", "subscript-mapping.json"), "w") as f:
        json.dump({**run(), "positional": run(reverse=False)}, f, indent=1)

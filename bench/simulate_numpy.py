"""NumPy Euler loops, the reference for bench/simulate.ts. Reads one JSON job
from the file named on the command line and prints one JSON line with the
final values and the seconds spent.

Jobs:
- {"kind": "seed000", "steps": N, "dt": DT}: the seed-000 loop model (as in
  test/reference/simulate/integrators.py), one run, a Python loop over steps;
- {"kind": "chain", "stocks": M, "steps": N, "dt": DT, "k": K}: M stocks in a ring with a
  flow f_i = K (S_{i-1} - S_i) into each, out of its predecessor: S_i' = f_i - f_{i+1},
  S_i(0) = i, vectorised over stocks;
- {"kind": "monte-carlo", "obsolescence": [...], "delay": [...], "steps": N, "dt": DT}:
  the seed-000 model for each drawn pair, vectorised over runs.

Usage: /usr/bin/python3 bench/simulate_numpy.py JOB.json
"""
import json
import sys
import time
import numpy as np

P = dict(iq=0.10, ic=0.06, ii=0.03, q2c=0.15, q2i=0.10, c2q=0.10, c2i=0.15, i2q=0.15, i2c=0.10)


def seed000(steps, dt, obs, delay):
    q = np.full_like(obs, 0.2)
    c = np.full_like(obs, 0.1)
    i = np.full_like(obs, 0.05)
    use = np.full_like(obs, 0.05)
    for _ in range(steps):
        eq = P['iq'] + P['c2q'] * c + P['i2q'] * use
        ec = P['ic'] + P['q2c'] * q + P['i2c'] * use
        ei = P['ii'] + P['q2i'] * q + P['c2i'] * c
        dq = eq * (1 - q) - obs * q
        dc = ec * (1 - c) - obs * c
        di = ei * (1 - i) - obs * i
        du = (i - use) / delay
        q, c, i, use = q + dt * dq, c + dt * dc, i + dt * di, use + dt * du
    return np.sqrt((2 * q + c) / 3 * (c + 2 * i) / 3)


def main():
    job = json.load(open(sys.argv[1]))
    t0 = time.perf_counter()
    if job['kind'] == 'seed000':
        out = seed000(job['steps'], job['dt'], np.array([0.05]), np.array([2.0]))
        result = [float(out[0])]
    elif job['kind'] == 'chain':
        s = np.arange(job['stocks'], dtype=float)
        k, dt = job['k'], job['dt']
        for _ in range(job['steps']):
            f = k * (np.roll(s, 1) - s)
            s = s + dt * (f - np.roll(f, -1))
        result = s.tolist()
    else:
        out = seed000(job['steps'], job['dt'], np.array(job['obsolescence']), np.array(job['delay']))
        result = out.tolist()
    print(json.dumps({'result': result, 'seconds': time.perf_counter() - t0}))


main()

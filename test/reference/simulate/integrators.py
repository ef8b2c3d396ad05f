"""Reference runs for the simulation engine, written independently with NumPy.

Run: /usr/bin/python3 test/reference/simulate/integrators.py
Writes fixtures/integrators.json:
- teacup (exponential decay to room temperature) with Euler and RK4, DT 0.125, saved every 1;
- exponential growth dy/dt = 0.1 y with RK4 and its closed form exp(0.1 t);
- the seed-000 loop model (data/simulate/seed000.xmile), re-implemented here from its
  equations, with Euler (DT 0.0625) and RK4 (DT 0.25), saved every 0.5, baseline and two
  scenarios (collaboration shock, slow technology feedback).
"""
import json
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def integrate(deriv, aux, y0, t0, t1, dt, save_every, method, on_step=None):
    n = int(round((t1 - t0) / dt))
    y = np.array(y0, dtype=float)
    times, states, auxes = [], [], []
    for k in range(n + 1):
        t = t0 + k * dt
        if k % save_every == 0:
            times.append(t)
            states.append(y.copy())
            auxes.append(aux(t, y))
        if k == n:
            break
        if method == 'euler':
            y = y + dt * deriv(t, y)
        else:
            k1 = deriv(t, y)
            k2 = deriv(t + dt / 2, y + dt / 2 * k1)
            k3 = deriv(t + dt / 2, y + dt / 2 * k2)
            k4 = deriv(t + dt, y + dt * k3)
            y = y + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    return times, np.array(states), auxes


def teacup(method):
    d = lambda t, y: np.array([-(y[0] - 70) / 10])
    times, ys, _ = integrate(d, lambda t, y: {}, [180], 0, 30, 0.125, 8, method)
    return {'time': times, 'Teacup Temperature': ys[:, 0].tolist()}


def growth():
    d = lambda t, y: np.array([0.1 * y[0]])
    times, ys, _ = integrate(d, lambda t, y: {}, [1], 0, 10, 0.5, 2, 'rk4')
    return {'time': times, 'y': ys[:, 0].tolist(), 'exact': [float(np.exp(0.1 * t)) for t in times]}


P = dict(iq=0.10, ic=0.06, ii=0.03, q2c=0.15, q2i=0.10, c2q=0.10, c2i=0.15, i2q=0.15, i2c=0.10,
         delay=2.0, obs=0.05, shock=0.0, shock_t=5.0)


def seed000(method, dt, p):
    # state: Q, C, I, innovation in use (first-order smooth of I, SMTH1)
    def pulse(t):  # XMILE PULSE(1, first): 1/DT at the first time
        return 1.0 / dt if abs(t - p['shock_t']) < dt * 1e-6 else 0.0

    def flows(t, y):
        q, c, i, use = y
        eq = p['iq'] + p['c2q'] * c + p['i2q'] * use
        ec = p['ic'] + p['q2c'] * q + p['i2c'] * use
        ei = p['ii'] + p['q2i'] * q + p['c2i'] * c
        return dict(
            production_management_acceleration_effect=eq, resource_relation_linkage_effect=ec,
            key_technology_breakthrough_effect=ei, innovation_in_use=use,
            quality_efficiency_building=eq * (1 - q), quality_efficiency_obsolescence=p['obs'] * q,
            cooperation_building=ec * (1 - c), cooperation_erosion=p['obs'] * c + p['shock'] * c * pulse(t),
            innovation_building=ei * (1 - i), innovation_obsolescence=p['obs'] * i,
            zhi_quality=(2 * q + c) / 3, xin_new=(c + 2 * i) / 3, nqpf_level=np.sqrt((2 * q + c) / 3 * (c + 2 * i) / 3),
        )

    def deriv(t, y):
        f = flows(t, y)
        return np.array([
            f['quality_efficiency_building'] - f['quality_efficiency_obsolescence'],
            f['cooperation_building'] - f['cooperation_erosion'],
            f['innovation_building'] - f['innovation_obsolescence'],
            (y[2] - y[3]) / p['delay'],
        ])

    times, ys, auxes = integrate(deriv, flows, [0.2, 0.1, 0.05, 0.05], 0, 20, dt, int(round(0.5 / dt)), method)
    out = {'time': times, 'quality_efficiency_capability': ys[:, 0].tolist(),
           'cooperation_capability': ys[:, 1].tolist(), 'innovation_capability': ys[:, 2].tolist()}
    for key in auxes[0]:
        out[key] = [float(a[key]) for a in auxes]
    return out


fixtures = {
    'teacup': {'euler': teacup('euler'), 'rk4': teacup('rk4')},
    'growth_rk4': growth(),
    'seed000': {
        'euler': seed000('euler', 0.0625, P),
        'rk4': seed000('rk4', 0.25, P),
        'collaboration-shock': seed000('euler', 0.0625, dict(P, shock=0.5)),
        'technology-delay': seed000('euler', 0.0625, dict(P, delay=6.0)),
    },
}
os.makedirs(os.path.join(HERE, 'fixtures'), exist_ok=True)
with open(os.path.join(HERE, 'fixtures', 'integrators.json'), 'w') as fh:
    json.dump(fixtures, fh, indent=1)
print('wrote fixtures/integrators.json')

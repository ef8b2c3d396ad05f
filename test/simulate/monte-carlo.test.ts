import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { monteCarlo, readXmile } from '../../src/core/simulate/index.ts';

const TEACUP =
  readXmile(`<?xml version="1.0"?><xmile version="1.0"><sim_specs><start>0</start><stop>10</stop><dt>0.5</dt></sim_specs>
<model><variables>
<stock name="T"><eqn>180</eqn><outflow>loss</outflow></stock>
<flow name="loss"><eqn>(T - 70) / tau</eqn></flow>
<aux name="tau"><eqn>10</eqn></aux>
</variables></model></xmile>`);

/** Euler's closed form for the teacup: T_n = 70 + 110·(1 − DT/τ)^n. */
const euler = (tau: number, t: number) => 70 + 110 * (1 - 0.5 / tau) ** (t / 0.5);

describe('Monte Carlo bands', () => {
  const mc = monteCarlo(TEACUP, [{ name: 'tau', min: 5, max: 15 }], { runs: 101, seed: 7 });

  it('draws every parameter uniformly within its range, reproducibly for a seed', () => {
    expect(mc.draws.tau).toHaveLength(101);
    expect(mc.draws.tau.every((x) => x >= 5 && x <= 15)).toBe(true);
    expect(monteCarlo(TEACUP, [{ name: 'tau', min: 5, max: 15 }], { runs: 101, seed: 7 }).draws).toEqual(mc.draws);
    expect(monteCarlo(TEACUP, [{ name: 'tau', min: 5, max: 15 }], { runs: 101, seed: 8 }).draws.tau).not.toEqual(
      mc.draws.tau,
    );
  });

  it('the median band is the run of the median draw (T rises with τ) and the mean is the mean over runs, by the closed form', () => {
    const sorted = [...mc.draws.tau].sort((a, b) => a - b);
    mc.time.forEach((t, i) => {
      const median = euler(sorted[50], t);
      expect(Math.abs(mc.bands.T.quantiles['0.5'][i] - median)).toBeLessThanOrEqual(1e-9 * median);
      const mean = mc.draws.tau.reduce((s, tau) => s + euler(tau, t), 0) / 101;
      expect(Math.abs(mc.bands.T.mean[i] - mean)).toBeLessThanOrEqual(1e-9 * mean);
      expect(mc.bands.T.quantiles['0.05'][i]).toBeLessThanOrEqual(mc.bands.T.quantiles['0.95'][i]);
    });
  });

  it('a range of one point gives bands of zero width', () => {
    const one = monteCarlo(TEACUP, [{ name: 'tau', min: 10, max: 10 }], { runs: 3 });
    expect(one.bands.T.quantiles['0.05']).toEqual(one.bands.T.quantiles['0.95']);
  });

  it('refuses bad runs, bad ranges and unknown parameters', () => {
    expect(() => monteCarlo(TEACUP, [{ name: 'tau', min: 5, max: 15 }], { runs: 0 })).toThrow(XinzhiError);
    expect(() => monteCarlo(TEACUP, [{ name: 'tau', min: 15, max: 5 }], { runs: 2 })).toThrow(XinzhiError);
    expect(() => monteCarlo(TEACUP, [], { runs: 2 })).toThrow(XinzhiError);
    expect(() => monteCarlo(TEACUP, [{ name: 'nope', min: 0, max: 1 }], { runs: 2 })).toThrow(/nope/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import {
  applyScenario,
  calibrate,
  compileModel,
  nelderMead,
  readXmile,
  simulate,
} from '../../src/core/simulate/index.ts';

const model = readXmile(readFileSync(new URL('../../data/simulate/seed000.xmile', import.meta.url), 'utf8'));

describe('Nelder–Mead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const r = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], {
      step: 0.1,
      maxIter: 5000,
      ftol: 1e-12,
      xtol: 1e-9,
    });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
});

describe('calibration', () => {
  it('recovers known parameters of the seed-000 model from data simulated with them', () => {
    const truth = { obsolescence_rate: 0.08, technology_feedback_delay: 3.5 };
    const data = simulate(compileModel(applyScenario(model, { id: 'truth', set: truth })));
    const years = data.time.filter((t) => Number.isInteger(t));
    const at = (name: string) => years.map((t) => data.series[name][data.time.indexOf(t)]);
    const fit = calibrate(
      model,
      [
        { variable: 'nqpf_level', time: years, values: at('nqpf_level') },
        { variable: 'cooperation_capability', time: years, values: at('cooperation_capability') },
      ],
      [
        { name: 'obsolescence_rate', min: 0.01, max: 0.2 },
        { name: 'technology_feedback_delay', min: 0.5, max: 8 },
      ],
    );
    expect(fit.converged).toBe(true);
    expect(fit.parameters[0].start).toBe(0.05);
    expect(fit.parameters[0].estimate).toBeCloseTo(0.08, 5);
    expect(fit.parameters[1].estimate).toBeCloseTo(3.5, 3);
    expect(fit.sse).toBeLessThan(1e-12);
    expect(fit.r2.nqpf_level).toBeGreaterThan(0.999999);
    expect(fit.n).toBe(2 * years.length);
  });

  it('keeps estimates inside the bounds', () => {
    const data = simulate(compileModel(applyScenario(model, { id: 'truth', set: { obsolescence_rate: 0.15 } })));
    const fit = calibrate(
      model,
      [{ variable: 'nqpf_level', time: data.time, values: data.series.nqpf_level }],
      [{ name: 'obsolescence_rate', min: 0.01, max: 0.1 }],
    );
    expect(fit.parameters[0].estimate).toBeLessThanOrEqual(0.1);
    expect(fit.parameters[0].estimate).toBeCloseTo(0.1, 6);
  });

  it('refuses observations off the time steps, unknown columns and an empty parameter list', () => {
    const obs = { variable: 'nqpf_level', time: [0.03], values: [0.1], file: 'obs.csv' };
    const range = [{ name: 'obsolescence_rate', min: 0.01, max: 0.1 }];
    let err: unknown;
    try {
      calibrate(model, [obs], range);
    } catch (e) {
      err = e;
    }
    expect((err as XinzhiError).problems[0]).toMatchObject({ file: 'obs.csv', row: 2, column: 'time' });
    expect(() => calibrate(model, [{ ...obs, variable: 'nope', time: [1] }], range)).toThrow(/nope/);
    expect(() => calibrate(model, [{ ...obs, time: [1] }], [])).toThrow(XinzhiError);
  });
});

/**
 * The simulation page's computation (web/simulate-session.ts) gives the same
 * runs, summaries and loop-dominance phases as `xinzhi simulate` on the same
 * choices; an uploaded model runs on its own; bad choices are located errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/adapters/cli/simulate.ts';
import { modelParameters, simulateRequest } from '../../src/adapters/web/simulate-session.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { dominancePhases, readXmile } from '../../src/core/simulate/index.ts';

const SEED = readFileSync(new URL('../../data/simulate/seed000.xmile', import.meta.url), 'utf8');

describe('simulation page session', () => {
  it('equals the CLI on two scenarios, a changed constant and a shorter horizon', async () => {
    const web = simulateRequest({
      scenarios: ['baseline', 'cooperation-first'],
      set: { technology_feedback_delay: 5 },
      stop: 15,
      thresholds: { nqpf_level: 0.5 },
    });
    const cli = await runSimulate({
      model: 'seed000',
      scenario: 'baseline,cooperation-first',
      set: ['technology_feedback_delay=5'],
      stop: '15',
      threshold: ['nqpf_level=0.5'],
      loops: true,
    });
    expect(web.runs.map((r) => r.id)).toEqual(['baseline', 'cooperation-first']);
    web.runs.forEach((r, k) => {
      expect(r.result.time).toEqual(cli.runs[k].result.time);
      expect(r.result.series).toEqual(cli.runs[k].result.series);
      expect(r.summary).toEqual(cli.runs[k].summary);
    });
    expect(web.runs[0].summary.nqpf_level.threshold).toBe(0.5);
    expect(web.loops?.phases).toEqual(dominancePhases(cli.loops!));
    expect(web.model.specs).toMatchObject({ stop: 15, method: 'euler' });
    expect(web.loopsSkipped).toBeUndefined();
    expect(web.model.seed).toBe(true);
    expect(web.available.length).toBeGreaterThanOrEqual(7);
  });

  it('RK4 gives the runs of the CLI and says why loop dominance is left out', async () => {
    const web = simulateRequest({ scenarios: ['baseline'], set: {}, method: 'rk4' });
    const cli = await runSimulate({ model: 'seed000', scenario: 'baseline', method: 'rk4' });
    expect(web.runs[0].result.series).toEqual(cli.runs[0].result.series);
    expect(web.loops).toBeNull();
    expect(web.loopsSkipped?.en).toMatch(/Euler integration only/);
  });

  it('offers the numeric constants of the model as parameters, not stocks or equations', () => {
    const params = modelParameters(readXmile(SEED, 'seed000.xmile'));
    const names = params.map((p) => p.name);
    expect(names).toContain('digital_investment_quality');
    expect(names).toContain('technology_feedback_delay');
    expect(names).not.toContain('quality_efficiency_capability');
    expect(names).not.toContain('nqpf_level');
    expect(params.find((p) => p.name === 'digital_investment_quality')?.value).toBe(0.1);
  });

  it('runs an uploaded XMILE model as one run and refuses other file types with a fix', () => {
    const text = SEED.replace('<eqn>0.2</eqn>', '<eqn>0.4</eqn>');
    const up = simulateRequest({ scenarios: [], set: {}, upload: { name: 'mine.xmile', text } });
    expect(up.runs.map((r) => r.id)).toEqual(['model']);
    expect(up.available).toEqual([]);
    expect(up.model.seed).toBe(false);
    expect(up.runs[0].summary.quality_efficiency_capability.initial).toBe(0.4);
    try {
      simulateRequest({ scenarios: [], set: {}, upload: { name: 'mine.txt', text } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      expect((e as XinzhiError).problems[0]).toMatchObject({ file: 'mine.txt' });
      expect((e as XinzhiError).problems[0].fix?.en).toMatch(/XMILE/);
    }
  });

  it('names an unknown scenario and a constant the model lacks', () => {
    expect(() => simulateRequest({ scenarios: ['nope'], set: {} })).toThrow(/no scenario nope/);
    expect(() => simulateRequest({ scenarios: [], set: { not_a_constant: 1 } })).toThrow(XinzhiError);
  });

  it("lists an uploaded Vensim model's own variables, not those inside its macros", () => {
    const text = `:MACRO: ACC(rate)
ACC = INTEG(rate * k, 0) ~~|
k = 2 ~~|
:END OF MACRO:
r = 1 ~~|
a = ACC(r) ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 2 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
`;
    const out = simulateRequest({ scenarios: [], set: {}, upload: { name: 'm.mdl', text } });
    expect(out.parameters.map((p) => p.name)).toContain('r');
    expect(out.parameters.some((p) => p.name.startsWith('#'))).toBe(false);
    expect(out.stocks).toEqual([]);
    expect(out.variables).toContain('a');
    expect(out.variables.some((v) => v.startsWith('#'))).toBe(false);
    // a grows by r · k = 2 a year
    expect(out.runs[0].result.series.a).toEqual([0, 2, 4]);
  });

  it('a variable that becomes infinite is named in the run warnings the page lists', () => {
    const text = `
x = 1 / (TIME - 1) ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 2 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
`;
    const out = simulateRequest({ scenarios: [], set: {}, upload: { name: 'm.mdl', text } });
    const w = out.runs.flatMap((r) => r.result.warnings ?? []);
    expect(w.length).toBeGreaterThan(0);
    expect(w[0].severity).toBe('warning');
    expect(`${w[0].message.en} ${w[0].column ?? ''}`).toMatch(/x/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { compileModel, readXmile, simulate, type SdModel } from '../../src/core/simulate/index.ts';

// Expected numbers: test/reference/simulate/integrators.py (NumPy), see its header.
const REF = JSON.parse(
  readFileSync(new URL('../reference/simulate/fixtures/integrators.json', import.meta.url), 'utf8'),
);

function relClose(got: number[], want: number[], rel = 1e-9): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThanOrEqual(rel * Math.max(1e-12, Math.abs(want[i]))));
}

/** A one-file XMILE model from variable snippets. */
function xmile(vars: string, specs = '<start>0</start><stop>30</stop><dt>0.125</dt>', attrs = ''): string {
  return `<?xml version="1.0"?><xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <sim_specs${attrs}>${specs}</sim_specs><model><variables>${vars}</variables></model></xmile>`;
}

const TEACUP = xmile(`
  <stock name="Teacup Temperature"><eqn>180</eqn><outflow>Heat_Loss_to_Room</outflow></stock>
  <flow name="Heat Loss to Room"><eqn>("Teacup Temperature" - Room_Temperature) / Characteristic_Time</eqn></flow>
  <aux name="Room Temperature"><eqn>70</eqn></aux>
  <aux name="Characteristic Time"><eqn>10</eqn></aux>`);

function run(text: string, opts = {}) {
  return simulate(compileModel(readXmile(text, 'test.xmile')), opts);
}

describe('integration (NumPy reference loops)', () => {
  it('teacup with Euler matches a NumPy Euler loop, saved every 1 with DT 0.125', () => {
    const r = run(TEACUP, { saveper: 1 });
    relClose(r.time, REF.teacup.euler.time);
    relClose(r.series['Teacup Temperature'], REF.teacup.euler['Teacup Temperature']);
  });
  it('teacup with RK4 matches a NumPy RK4 loop', () => {
    const r = run(TEACUP, { saveper: 1, method: 'rk4' });
    relClose(r.series['Teacup Temperature'], REF.teacup.rk4['Teacup Temperature']);
  });
  it('RK4 follows the closed form of exponential growth to O(DT^4)', () => {
    const r = run(
      xmile(
        '<stock name="y"><eqn>1</eqn><inflow>g</inflow></stock><flow name="g"><eqn>0.1 * y</eqn></flow>',
        '<start>0</start><stop>10</stop><dt>0.5</dt>',
        ' method="RK4"',
      ),
      { saveper: 1 },
    );
    relClose(r.series.y, REF.growth_rk4.y);
    relClose(r.series.y, REF.growth_rk4.exact, 1e-6);
  });
});

describe('builtins', () => {
  const one = (eqn: string, t: number, stop = 10, dt = 1) => {
    const r = run(xmile(`<aux name="x"><eqn>${eqn}</eqn></aux>`, `<start>0</start><stop>${stop}</stop><dt>${dt}</dt>`));
    return r.series.x[r.time.indexOf(t)];
  };
  it('STEP, RAMP and XMILE PULSE follow the XMILE 1.0 definitions', () => {
    expect(one('STEP(3, 4)', 3)).toBe(0);
    expect(one('STEP(3, 4)', 4)).toBe(3);
    expect(one('RAMP(2, 3, 6)', 5)).toBe(4);
    expect(one('RAMP(2, 3, 6)', 9)).toBe(6);
    expect(one('PULSE(5, 2, 3)', 5, 10, 0.5)).toBe(10); // magnitude / DT at 2, 5, 8
    expect(one('PULSE(5, 2, 3)', 6, 10, 0.5)).toBe(0);
  });
  it('IF THEN ELSE, logicals, MOD (floored), MIN/MAX, SAFEDIV', () => {
    expect(one('IF TIME > 2 AND NOT (TIME = 5) THEN 1 ELSE -1', 3)).toBe(1);
    expect(one('IF TIME > 2 AND NOT (TIME = 5) THEN 1 ELSE -1', 5)).toBe(-1);
    expect(one('-10 MOD 3', 0)).toBe(2);
    expect(one('MIN(4, TIME, 7)', 2)).toBe(2);
    expect(one('MAX(4, TIME)', 9)).toBe(9);
    expect(one('SAFEDIV(1, 0, 7)', 0)).toBe(7);
    expect(one('-2^2', 0)).toBe(-4);
    expect(one('2^3^2', 0)).toBe(64);
  });
  it('SMTH1 is a first-order exponential smooth: s(t+DT) = s + DT·(x − s)/τ', () => {
    const r = run(
      xmile('<aux name="s"><eqn>SMTH1(STEP(1, 1), 2)</eqn></aux>', '<start>0</start><stop>3</stop><dt>1</dt>'),
    );
    expect(r.series.s).toEqual([0, 0, 0.5, 0.75]);
  });
  it('DELAY (fixed) returns the input one delay earlier and its initial value before', () => {
    const r = run(
      xmile('<aux name="d"><eqn>DELAY(TIME, 2, -1)</eqn></aux>', '<start>0</start><stop>5</stop><dt>1</dt>'),
    );
    expect(r.series.d).toEqual([-1, -1, 0, 1, 2, 3]);
  });
  it('INIT keeps the initial value', () => {
    const r = run(xmile('<aux name="a"><eqn>INIT(TIME + 3)</eqn></aux>', '<start>1</start><stop>3</stop><dt>1</dt>'));
    expect(r.series.a).toEqual([4, 4, 4]);
  });
  it('graphical functions clamp (continuous), extend (extrapolate) or step (discrete)', () => {
    const gf = (type: string) =>
      run(
        xmile(
          `<aux name="g"><eqn>TIME</eqn><gf type="${type}"><xscale min="1" max="3"/><ypts>10,20,40</ypts></gf></aux>`,
          '<start>0</start><stop>4</stop><dt>0.5</dt>',
        ),
      ).series.g;
    expect(gf('continuous')).toEqual([10, 10, 10, 15, 20, 30, 40, 40, 40]);
    expect(gf('extrapolate')).toEqual([0, 5, 10, 15, 20, 30, 40, 50, 60]);
    expect(gf('discrete')).toEqual([10, 10, 10, 10, 20, 20, 40, 40, 40]);
  });
});

describe('arrays (XMILE)', () => {
  it('expands apply-to-all and per-element equations, x[*] in SUM, numeric subscripts and arrayed flows', () => {
    const text = `<?xml version="1.0"?><xmile version="1.0"><sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<dimensions><dim name="Region"><elem name="north"/><elem name="south"/></dim></dimensions>
<model><variables>
<stock name="pop"><dimensions><dim name="Region"/></dimensions><eqn>base[Region]</eqn><inflow>growth</inflow></stock>
<flow name="growth"><dimensions><dim name="Region"/></dimensions><eqn>rate * pop</eqn></flow>
<aux name="base"><dimensions><dim name="Region"/></dimensions><element subscript="north"><eqn>100</eqn></element>
<element subscript="south"><eqn>50</eqn></element></aux>
<aux name="rate"><eqn>0.1</eqn></aux>
<aux name="total"><eqn>SUM(pop[*])</eqn></aux>
<aux name="first"><eqn>pop[1]</eqn></aux>
</variables></model></xmile>`;
    const r = run(text);
    expect(r.series['pop[north]']).toEqual([100, 110, 121]);
    expect(r.series['pop[south]'][2]).toBeCloseTo(60.5, 12);
    expect(r.series.total[2]).toBeCloseTo(181.5, 12);
    expect(r.series.first).toEqual(r.series['pop[north]']);
  });
});

describe('non-negative stocks and flows', () => {
  it('an outflow takes no more than the stock holds; a non-negative flow is never below zero', () => {
    const r = run(
      xmile(
        `
      <stock name="s"><eqn>3</eqn><outflow>out</outflow><non_negative/></stock>
      <flow name="out"><eqn>2</eqn></flow>
      <stock name="t"><eqn>0</eqn><inflow>back</inflow></stock>
      <flow name="back"><eqn>-1</eqn><non_negative/></flow>`,
        '<start>0</start><stop>3</stop><dt>1</dt>',
      ),
    );
    expect(r.series.s).toEqual([3, 1, 0, 0]);
    expect(r.series.t).toEqual([0, 0, 0, 0]);
  });
});

describe('errors and degenerate models', () => {
  const fails = (text: string, code: string, match?: RegExp) => {
    let err: unknown;
    try {
      run(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XinzhiError);
    const p = (err as XinzhiError).problems[0];
    expect(p.code).toBe(code);
    if (match) expect(p.message.en).toMatch(match);
    expect(p.message.zh.length).toBeGreaterThan(0);
    return p;
  };
  it('refuses an algebraic loop and names its variables', () => {
    fails(
      xmile('<aux name="a"><eqn>b + 1</eqn></aux><aux name="b"><eqn>a * 2</eqn></aux>'),
      'sd-algebraic-loop',
      /a → b|b → a/,
    );
  });
  it('refuses an unknown name, an unknown function, an undeclared dimension, and malformed XML with its line', () => {
    fails(xmile('<aux name="a"><eqn>nothing + 1</eqn></aux>'), 'sd-unknown-name', /nothing/);
    fails(xmile('<aux name="a"><eqn>RANDOM(1, 2)</eqn></aux>'), 'sd-unsupported', /RANDOM/);
    const p = fails(
      xmile('\n<aux name="a"><dimensions><dim name="d"/></dimensions><eqn>1</eqn></aux>'),
      'sd-unsupported',
      /dimension/,
    );
    expect(p.row).toBe(3);
    expect(fails(xmile('<aux name="a"><eqn>1</eqn>'), 'sd-bad-xml').row).toBeGreaterThan(0);
  });
  it('refuses a save period that is not a whole number of time steps', () => {
    expect(() => run(TEACUP, { saveper: 0.3 })).toThrow(XinzhiError);
    expect(() => run(TEACUP, { dt: 0 })).toThrow(XinzhiError);
  });
  it('runs a model of one constant, and keeps NaN and division by zero as IEEE values', () => {
    const r = run(
      xmile(
        '<aux name="c"><eqn>5</eqn></aux><aux name="z"><eqn>1 / 0</eqn></aux><aux name="n"><eqn>SQRT(-1)</eqn></aux>',
        '<start>0</start><stop>1</stop><dt>1</dt>',
      ),
    );
    expect(r.series.c).toEqual([5, 5]);
    expect(r.series.z).toEqual([Infinity, Infinity]);
    expect(r.series.n.every(Number.isNaN)).toBe(true);
  });
  it('a model with start = stop gives one saved time', () => {
    const r = run(TEACUP, { stop: 0 });
    expect(r.time).toEqual([0]);
  });
});

describe('options are recorded', () => {
  it('the result carries the settings used', () => {
    const r = run(TEACUP, { method: 'rk4', saveper: 2 });
    expect(r.specs).toMatchObject({ start: 0, stop: 30, dt: 0.125, saveper: 2, method: 'rk4' });
    const m: SdModel = readXmile(TEACUP);
    expect(m.specs.method).toBe('euler');
  });
});

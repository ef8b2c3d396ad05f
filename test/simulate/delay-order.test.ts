/**
 * SMOOTH N / DELAY N whose order is an expression, fixed at its initial value
 * (as Vensim), and DELAY N when the delay time changes or is short: values by
 * hand from the stage equations (Euler).
 */
import { describe, expect, it } from 'vitest';
import type { XinzhiError } from '../../src/core/errors.ts';
import { compileModel, readVensim, simulate } from '../../src/core/simulate/index.ts';

const control = (dt: number, stop = 4) => `
INITIAL TIME = 0 ~~|
FINAL TIME = ${stop} ~~|
TIME STEP = ${dt} ~~|
SAVEPER = TIME STEP ~~|
`;

const run = (mdl: string, dt: number, stop?: number) =>
  simulate(compileModel(readVensim(`${mdl}\n${control(dt, stop)}`, 'm.mdl')));

function problem(f: () => unknown) {
  try {
    f();
  } catch (e) {
    return (e as XinzhiError).problems[0];
  }
  throw new Error('no error');
}

describe('the order of SMOOTH N and DELAY N', () => {
  it('is the value at the start of an expression that changes later (order 1, not 3)', () => {
    const r = run(
      `ord = 1 + STEP(2, 1) ~~|
y = SMOOTH N(10, 1, 0, ord) ~~|`,
      0.5,
    );
    // first order: y(k+1) = y(k) + 0.5·(10 − y(k)), so y(k) = 10·(1 − 0.5^k)
    r.series.y.forEach((v, k) => expect(v).toBeCloseTo(10 * (1 - 0.5 ** k), 12));
  });

  it('refuses an order that depends on a stock, naming it', () => {
    const p = problem(() =>
      compileModel(readVensim(`S = INTEG(0, 2) ~~|\ny = DELAY N(1, 4, 0, S) ~~|\n${control(1)}`, 'bad.mdl')),
    );
    expect(p.code).toBe('sd-unsupported');
    expect(p.message.en).toMatch(/order of DELAY N that is not known at the start \(it uses "S"\)/);
    expect(p.row).toBe(2);
  });
});

describe('DELAY N as Vensim computes it', () => {
  it('a change of the delay time reaches the output one step later', () => {
    const r = run(
      `D = 2 + STEP(2, 1) ~~|
y = DELAY N(0, D, 4, 1) ~~|`,
      1,
      2,
    );
    // stage s = 4·2 = 8; output s / D(t − DT): 8/2; s = 8 − 8/2 = 4, output 4/D(0) = 2; s = 4 − 4/D(1) = 3, output 3/4
    expect(r.series.y).toEqual([4, 2, 0.75]);
  });

  it('lowers the order until each stage holds at least one DT of the delay time', () => {
    const r = run(`y = DELAY N(0, 0.75, 1, 3) ~~|`, 0.5, 1);
    // order 3 → 1 (1·0.5 ≤ 0.75): s = 0.75, s ← s·(1 − 0.5/0.75), output s/0.75
    r.series.y.forEach((v, k) => expect(v).toBeCloseTo(3 ** -k, 12));
  });

  it('refuses stages shorter than DT when the delay time is known only when the run starts', () => {
    const p = problem(() =>
      simulate(
        compileModel(readVensim(`S = INTEG(0, 0.5) ~~|\ny = DELAY N(1, S, 0, 2) ~~|\n${control(0.5)}`, 'bad.mdl')),
      ),
    );
    expect(p.code).toBe('sd-unsupported');
    expect(p.message.en).toMatch(/DELAY N whose stages \(delay time \/ order\) are shorter than DT/);
  });
});

describe('DELAY FIXED shorter than one time step', () => {
  it('takes one step, as Vensim (the delay is read at the start)', () => {
    const r = run(`y = DELAY FIXED(Time, 0.5, 7) ~~|\nz = DELAY FIXED(Time, Time / 2, 7) ~~|`, 1, 3);
    expect(r.series.y).toEqual([7, 0, 1, 2]);
    expect(r.series.z).toEqual([7, 0, 1, 2]);
  });
});

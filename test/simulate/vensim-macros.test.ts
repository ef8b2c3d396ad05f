/**
 * Vensim macros (`:MACRO:` … `:END OF MACRO:`): each call site gets its own
 * instance of the macro's variables and stocks. Expected values by hand or by
 * the closed form of Euler's method.
 */
import { describe, expect, it } from 'vitest';
import { problem, run } from './small-vensim.ts';

const ACC = `:MACRO: ACC(rate, init)
ACC = INTEG(rate, init) ~~|
:END OF MACRO:`;

describe('Vensim macros', () => {
  it('an expression macro with a variable of its own; defined after its use', () => {
    const r = run(`
out = SCALE(3, k) ~~|
k = 4 ~~|
:MACRO: SCALE(x, factor)
SCALE = x * twice ~~|
twice = factor * 2 ~~|
:END OF MACRO:`);
    expect(r.series.out[0]).toBe(24);
    // the macro's own variables are not reported
    expect(Object.keys(r.series).filter((k) => k.startsWith('#'))).toEqual([]);
    expect(Object.keys(r.series)).toEqual(expect.arrayContaining(['k', 'out']));
  });

  it('each call site has its own stock', () => {
    const r = run(`${ACC}
a = ACC(1, 0) ~~|
b = ACC(2, 10) ~~|`);
    expect(r.series.a).toEqual([0, 1, 2, 3, 4]);
    expect(r.series.b).toEqual([10, 12, 14, 16, 18]);
  });

  it("a stock fed by its own value: Euler's closed form x0·(1 − DT/τ)^n", () => {
    const r = run(`
:MACRO: DECAY(x0, tau)
DECAY = INTEG(-DECAY / tau, x0) ~~|
:END OF MACRO:
y = DECAY(100, 2) ~~|`);
    r.series.y.forEach((v, i) => expect(v).toBeCloseTo(100 * 0.75 ** (2 * i), 10));
  });

  it('a macro that calls another, and a macro in a subscripted equation (one instance per element)', () => {
    const r = run(`${ACC}
:MACRO: TWICE ACC(rate)
TWICE ACC = 2 * ACC(rate, 0) ~~|
:END OF MACRO:
Dim: d1, d2 ~~|
r[Dim] = 1, 3 ~~|
s[Dim] = TWICE ACC(r[Dim]) ~~|`);
    expect(r.series['s[d1]'].at(-1)).toBeCloseTo(8, 12);
    expect(r.series['s[d2]'].at(-1)).toBeCloseTo(24, 12);
  });

  it('refuses a macro calling itself, a call with the wrong number of inputs and an unclosed macro', () => {
    const self = problem(`:MACRO: F(x)\nF = F(x) + 1 ~~|\n:END OF MACRO:\ny = F(1) ~~|`);
    expect(self.code).toBe('sd-unsupported');
    expect(self.message.en).toMatch(/macro "F" calling itself/);
    const arity = problem(`${ACC}\ny = ACC(1) ~~|`);
    expect(arity.message.en).toMatch(/with 1 inputs \(it takes 2\)/);
    expect(arity.row).toBe(4);
    expect(problem(`:MACRO: G(x)\nG = x ~~|\ny = 1 ~~|`).message.en).toMatch(/without :END OF MACRO:/);
    expect(problem(`:MACRO: H(x)\nother = x ~~|\n:END OF MACRO:\ny = H(1) ~~|`).message.en).toMatch(
      /without an equation for its output "H"/,
    );
  });
});

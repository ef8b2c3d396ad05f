/**
 * Markov sojourn and mean first passage times: against the NumPy reference
 * (test/reference/analysis/markov_times_reference.py, first-step linear
 * systems rather than the fundamental matrix), 1e-9 relative; against Kemeny &
 * Snell's Land of Oz chain (Finite Markov Chains, 1976, §4.4, printed in the
 * PySAL giddy `fmpt` and `sojourn_time` documentation); degenerate chains.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstPassageTimes, markovChain, sojournTimes, steadyState } from '../../src/core/analysis/markov.ts';

const fx = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/markov_times.json', import.meta.url), 'utf8'),
);
const rel = (a: number, e: number) => expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));

describe('Markov sojourn and first passage times', () => {
  for (const c of fx.cases) {
    it(c.name, () => {
      const P: number[][] = c.P;
      sojournTimes(P).forEach((v, i) => rel(v, c.sojourn[i]));
      const M = firstPassageTimes(P, steadyState(P))!;
      M.forEach((row, i) => row.forEach((v, j) => rel(v, c.firstPassage[i][j])));
    });
  }
  it("Kemeny & Snell's Land of Oz (giddy documentation)", () => {
    const P = [
      [0.5, 0.25, 0.25],
      [0.5, 0, 0.5],
      [0.25, 0.25, 0.5],
    ];
    expect(sojournTimes(P)).toEqual([2, 1, 2]);
    const M = firstPassageTimes(P, steadyState(P))!;
    const printed = [
      [2.5, 4, 10 / 3],
      [8 / 3, 5, 8 / 3],
      [10 / 3, 4, 2.5],
    ];
    M.forEach((row, i) => row.forEach((v, j) => rel(v, printed[i][j])));
  });
  it('an absorbing class: infinite sojourn, no first passage times; an empty row: NaN', () => {
    const P = [
      [0.5, 0.5],
      [0, 1],
    ];
    expect(sojournTimes(P)).toEqual([2, Number.POSITIVE_INFINITY]);
    expect(firstPassageTimes(P, steadyState(P))).toBeNull();
    const E = [
      [1, 0],
      [0, 0],
    ];
    expect(Number.isNaN(sojournTimes(E)[1])).toBe(true);
    expect(firstPassageTimes(E, steadyState(E))).toBeNull();
  });
  it('markovChain carries them', () => {
    const y = [Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 1, 4, 3), Float64Array.of(1, 2, 3, 4)];
    const c = markovChain({ units: ['a', 'b', 'c', 'd'], times: [1, 2, 3], y }, { classes: 2 });
    expect(c.sojourn).toEqual(sojournTimes(c.probabilities));
    expect(c.firstPassage).toEqual(firstPassageTimes(c.probabilities, c.steady));
  });
});

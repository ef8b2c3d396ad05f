/** Stated limits on the indicator system (issue 17): depth and width checked before any work, with the flag that lifts them. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { parseSpec, SPEC_LIMITS } from '../../src/core/measure/spec-schema.ts';

function chain(n: number) {
  return {
    unit: 'u',
    time: 't',
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, parent: i === 0 ? null : `n${i - 1}` })),
    indicators: [
      { id: 'a', column: 'a', direction: '+', parent: `n${n - 1}` },
      { id: 'b', column: 'b', direction: '+', parent: `n${n - 1}` },
    ],
    normalize: { method: 'minmax' },
    weights: { method: 'equal' },
    aggregate: { method: 'arithmetic' },
  };
}
const panel = {
  unitKey: 'u',
  timeKey: 't',
  unit: ['A', 'B', 'C'],
  time: [1, 1, 1],
  columns: { a: Float64Array.from([1, 2, 3]), b: Float64Array.from([3, 1, 2]) },
};

describe('spec limits', () => {
  it('a chain of 20,000 nodes is refused at once, naming the depth and the flag', () => {
    const t0 = performance.now();
    const { problems } = parseSpec(chain(20_000));
    const p = problems.find((x) => x.code === 'spec-limit');
    expect(p?.message.en).toMatch(/20001 levels deep, more than the limit of 12/);
    expect(p?.fix?.en).toMatch(/--max-depth 20001/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
  it('with the limit raised, a 3,000-deep hierarchy evaluates (no call-stack overflow)', () => {
    const r = evaluate(panel as never, chain(3000), { limits: { maxDepth: 5000 } });
    expect(r.scores.map((s) => Number(s.score.toFixed(3)))).toEqual([0.5, 0.25, 0.75]);
  });
  it('too many indicators: refused with the count and the flag', () => {
    const n = SPEC_LIMITS.maxIndicators + 1;
    const spec = {
      unit: 'u',
      time: 't',
      indicators: Array.from({ length: n }, (_, i) => ({ id: `x${i}`, column: `x${i}`, direction: '+', parent: null })),
      normalize: { method: 'minmax' },
      weights: { method: 'equal' },
      aggregate: { method: 'arithmetic' },
    };
    const p = parseSpec(spec).problems.find((x) => x.code === 'spec-limit');
    expect(p?.fix?.en).toMatch(new RegExp(`--max-indicators ${n}`));
  });
});

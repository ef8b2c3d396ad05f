/**
 * Aggregation means: domain errors and degenerate cases. The means' values on
 * the province index are checked against SciPy (hmean / pmean with weights) in
 * evaluate-reference.test.ts (fixtures evaluate_harmonic, evaluate_power_*).
 */
import { describe, expect, it } from 'vitest';
import { AggregateDomainError, AggregateExponentError, aggregateColumns } from '../../src/core/measure/aggregate.ts';
import { parseSpec } from '../../src/core/measure/spec-schema.ts';

const cols = [Float64Array.of(1, 2), Float64Array.of(4, 2)];
const half = [Float64Array.of(0.5, 0.5)];

describe('aggregateColumns', () => {
  it('harmonic: 1 / Σ w/x (scipy.stats.hmean([1, 4]) = 1.6)', () => {
    expect(Array.from(aggregateColumns(cols, half, null, 'harmonic'))).toEqual([1.6, 2]);
  });
  it('power: p = 2 is the quadratic mean, equal values give the value', () => {
    const y = aggregateColumns(cols, half, null, 'power', 2);
    expect(y[0]).toBeCloseTo(Math.sqrt(8.5), 14);
    expect(y[1]).toBeCloseTo(2, 14);
  });
  it('power with p = 1 equals the arithmetic mean and p = -1 the harmonic mean', () => {
    expect(aggregateColumns(cols, half, null, 'power', 1)[0]).toBeCloseTo(2.5, 14);
    expect(aggregateColumns(cols, half, null, 'power', -1)[0]).toBeCloseTo(1.6, 14);
  });
  it('weights by group', () => {
    const y = aggregateColumns(cols, [Float64Array.of(1, 0), Float64Array.of(0, 1)], Int32Array.of(0, 1), 'harmonic');
    expect(Array.from(y)).toEqual([1, 2]);
  });
  it('a zero under harmonic, or under power with p < 0, is an error naming row and child', () => {
    const z = [Float64Array.of(0.5), Float64Array.of(0)];
    const w = [Float64Array.of(0.5, 0.5)];
    for (const [m, p] of [
      ['harmonic', 1],
      ['power', -0.5],
      ['geometric', 1],
    ] as const) {
      try {
        aggregateColumns(z, w, null, m, p);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(AggregateDomainError);
        expect((e as AggregateDomainError).child).toBe(1);
        expect((e as AggregateDomainError).row).toBe(0);
        expect((e as AggregateDomainError).problems[0].message.zh).toMatch(/正值/);
      }
    }
  });
  it('a zero is allowed under power with p > 0; a negative value is not', () => {
    expect(aggregateColumns([Float64Array.of(0), Float64Array.of(4)], half, null, 'power', 0.5)[0]).toBeCloseTo(1, 14);
    expect(() => aggregateColumns([Float64Array.of(-1), Float64Array.of(4)], half, null, 'power', 0.5)).toThrow(
      AggregateDomainError,
    );
  });
  it('a child with weight 0 is skipped, whatever its value', () => {
    const y = aggregateColumns([Float64Array.of(0), Float64Array.of(3)], [Float64Array.of(0, 1)], null, 'harmonic');
    expect(y[0]).toBe(3);
  });
  it('p = 0 or a non-finite p is refused', () => {
    expect(() => aggregateColumns(cols, half, null, 'power', 0)).toThrow(AggregateExponentError);
    expect(() => aggregateColumns(cols, half, null, 'power', Number.NaN)).toThrow(AggregateExponentError);
  });
});

describe('aggregate in the spec', () => {
  const base = { unit: 'u', indicators: [{ id: 'a', column: 'a', direction: '+' }] };
  const codes = (s: object) => parseSpec({ ...base, ...s }).problems.map((p) => `${p.code}:${p.column ?? ''}`);
  it('power needs p; p needs power', () => {
    expect(parseSpec({ ...base, aggregate: { method: 'power' } }).problems[0].message.en).toMatch(/exponent p/);
    expect(parseSpec({ ...base, aggregate: { method: 'harmonic', p: 2 } }).problems[0].message.en).toMatch(
      /only by method "power"/,
    );
    expect(codes({ aggregate: { method: 'power', p: 0.5 } })).toEqual([]);
    expect(parseSpec({ ...base, aggregate: { method: 'power', p: 0 } }).spec).toBeUndefined();
  });
  it('the uncertainty analysis refuses a harmonic or power nominal mean unless its list is given', () => {
    expect(
      parseSpec({ ...base, aggregate: { method: 'harmonic' }, uncertainty: { draws: 10 } }).problems[0].message.en,
    ).toMatch(/arithmetic or geometric/);
    const ok = parseSpec({
      ...base,
      aggregate: { method: 'harmonic' },
      uncertainty: { draws: 10, aggregate: ['arithmetic'] },
    });
    expect(ok.problems).toEqual([]);
  });
});

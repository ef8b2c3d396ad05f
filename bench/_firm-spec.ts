/**
 * The spec of the synthetic firm panels of the benchmarks: K indicators x1…xK
 * in three dimensions (14, 13, the rest), every seventh (j % 7 = 3) a cost
 * indicator; min-max with shift 0.0001, pooled entropy, arithmetic mean.
 */
export function firmBenchSpec(names: string[]): Record<string, unknown> {
  return {
    unit: 'unit',
    time: 'year',
    nodes: ['d1', 'd2', 'd3'].map((id) => ({ id, parent: null })),
    indicators: names.map((c, j) => ({
      id: c,
      column: c,
      direction: j % 7 === 3 ? '-' : '+',
      parent: j < 14 ? 'd1' : j < 27 ? 'd2' : 'd3',
    })),
    normalize: { method: 'minmax', shift: 0.0001 },
    weights: { method: 'entropy' },
    aggregate: { method: 'arithmetic' },
  };
}

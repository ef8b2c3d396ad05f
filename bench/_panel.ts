import seedrandom from 'seedrandom';
import type { Panel } from '../src/core/panel/types.ts';
import type { Direction } from '../src/core/measure/spec.ts';
export function makePanel() {
const U = 5000, T = 15, K = 40;
const n = U * T;
const rng = seedrandom('xinzhi-bench');
const unit: string[] = new Array(n), time: number[] = new Array(n);
const columns: Record<string, Float64Array> = {};
const names = Array.from({ length: K }, (_, j) => `x${j + 1}`);
const dirs: Direction[] = names.map((_, j) => (j % 7 === 3 ? '-' : '+'));
const level = Float64Array.from({ length: U }, () => rng());
for (let j = 0; j < K; j++) columns[names[j]] = new Float64Array(n);
for (let t = 0; t < T; t++) for (let u = 0; u < U; u++) {
  const r = t * U + u;
  unit[r] = `u${u}`; time[r] = 2008 + t;
  for (let j = 0; j < K; j++) columns[names[j]][r] = Math.exp(1 + 2 * level[u] + 0.05 * t + 0.5 * rng()) * (1 + (j % 5));
}
const panel: Panel = { unitKey: 'unit', timeKey: 'year', unit, time, columns };
const dims = ['d1', 'd2', 'd3'];
const spec = {
  unit: 'unit', time: 'year',
  nodes: dims.map((id) => ({ id, parent: null })),
  indicators: names.map((c, j) => ({ id: c, column: c, direction: dirs[j], parent: dims[j < 14 ? 0 : j < 27 ? 1 : 2] })),
  normalize: { method: 'minmax', shift: 0.0001 }, weights: { method: 'entropy', panel: 'pooled', scope: 'leaves' }, aggregate: { method: 'arithmetic' },
  score: { topsis: true },
};
return { panel, spec, names, dirs };
}

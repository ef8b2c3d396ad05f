import { validatePanel } from '../src/core/panel/validate.ts';
import { validatePanel as oldV } from './_old_validate.ts';
import { makePanel } from './_panel.ts';
import type { Panel } from '../src/core/panel/types.ts';
const { panel, names } = makePanel();
let bad = 0;
const check = (p: Panel, o: any) => { const a = JSON.stringify(oldV(p, o)), b = JSON.stringify(validatePanel(p, o)); if (a !== b) { bad++; console.log('DIFF', a.slice(0, 300), '\n', b.slice(0, 300)); } };
check(panel, { columns: names });
for (let t = 0; t < 300; t++) {
  const n = 1 + Math.floor(Math.random() * 40);
  const unit = Array.from({ length: n }, () => 'u' + Math.floor(Math.random() * 6));
  const time = Array.from({ length: n }, () => { const r = Math.random(); return r < 0.1 ? String(2000 + Math.floor(Math.random() * 3)) : r < 0.15 ? -0 : 2000 + Math.floor(Math.random() * 4); });
  const gen = () => { const r = Math.random(); return r < 0.05 ? NaN : r < 0.08 ? Infinity : r < 0.1 ? -Infinity : r < 0.2 ? 0 : r < 0.3 ? -1 : Math.random(); };
  const columns = { a: Float64Array.from({ length: n }, gen), b: Float64Array.from({ length: n }, () => (Math.random() < 0.5 ? 3 : 3)), c: Float64Array.from({ length: n }, gen) };
  const p: Panel = { unitKey: 'u', timeKey: t % 9 === 0 ? null : 't', unit, time, columns, ...(t % 2 ? { source: 'f.csv', sourceRow: unit.map((_, i) => i + 2) } : {}) };
  for (const o of [{ columns: ['a', 'b', 'c', 'zz'] }, { columns: ['a', 'c'], positive: ['a'], nonNegative: ['c'], balanced: true }, { columns: ['c'], balanced: false }]) check(p, o);
}
console.log('bad', bad);
for (let k = 0; k < 3; k++) { let t0 = performance.now(); oldV(panel, { columns: names }); const t1 = performance.now(); validatePanel(panel, { columns: names }); console.log((t1 - t0).toFixed(1), (performance.now() - t1).toFixed(1)); }

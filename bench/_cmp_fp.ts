import { createHash } from 'node:crypto';
import { makePanel } from './_panel.ts';
import { fingerprintPanel } from '../src/core/measure/record.ts';
import { fingerprintPanel as oldFp } from './_old_record.ts';
import { panelFromRows } from '../src/core/panel/ops.ts';
const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const { panel, names } = makePanel();
let t0 = performance.now(); const a = oldFp(panel, names); const ta = performance.now() - t0;
t0 = performance.now(); const b = fingerprintPanel(panel, names); const tb = performance.now() - t0;
t0 = performance.now(); const c = fingerprintPanel(panel, names, [], node); const tc = performance.now() - t0;
console.log(a === b && b === c, ta.toFixed(0), tb.toFixed(0), tc.toFixed(0));
// odd panel: mixed times, NaN cells, labels, -0, unicode, missing column, duplicates
const rows = [
  { u: 'Zeta', t: 2001, x: -0, y: NaN, g: 'a"b' }, { u: '北京', t: '2001q1', x: 1.5, y: 2, g: '东' }, { u: 'alpha', t: 2001, x: 3, y: 4, g: undefined },
  { u: 'Zeta', t: 1999, x: 1e308, y: -1e-308, g: 'x' }, { u: 'alpha', t: 2001, x: 7, y: 8, g: 'dup' }, { u: '𝒳', t: 5, x: 0, y: 0, g: '\n' },
];
const p = panelFromRows(rows as any, 'u', 't');
for (const [cols, labs] of [[['x', 'y'], ['g']], [['y', 'x', 'nope'], []], [['x'], ['g', 'zz']]] as Array<[string[], string[]]>) {
  const o = oldFp(p, cols, labs), nw = fingerprintPanel(p, cols, labs), nn = fingerprintPanel(p, cols, labs, node);
  console.log(o === nw && nw === nn, o.slice(0, 12));
}
const cs = panelFromRows([{ u: 'b', t: 1, x: 1 }, { u: 'a', t: 1, x: 2 }], 'u', null as any);
console.log(oldFp(cs, ['x']) === fingerprintPanel(cs, ['x']));

import { createHash } from 'node:crypto';
import { makePanel } from './_panel.ts';
import { canonicalPanelBytes } from '../src/core/measure/record.ts';
const { panel, names } = makePanel();
for (let k = 0; k < 4; k++) {
  let t0 = performance.now(); const b = canonicalPanelBytes(panel, names); const t1 = performance.now();
  createHash('sha256').update(b).digest('hex'); const t2 = performance.now();
  console.log((t1 - t0).toFixed(1), (t2 - t1).toFixed(1), b.length);
}

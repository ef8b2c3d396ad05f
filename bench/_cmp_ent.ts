import { entropyWeights } from '../src/core/measure/weights/entropy.ts';
import { entropyWeights as oldE } from './_old_entropy.ts';
const run = (f: any, c: any) => { try { return JSON.stringify(f(c)); } catch (e: any) { return 'ERR ' + JSON.stringify(e.problems) + e.index + ',' + e.columnIndex; } };
let bad = 0;
for (let t = 0; t < 3000; t++) {
  const k = Math.floor(Math.random() * 4), n = Math.floor(Math.random() * 6);
  const g = () => { const r = Math.random(); return r < 0.03 ? NaN : r < 0.06 ? -1 : r < 0.1 ? 0 : r < 0.15 ? 2 : r < 0.17 ? Infinity : Math.random(); };
  const cols: any = Array.from({ length: k }, () => (Math.random() < 0.5 ? Float64Array.from({ length: n + (Math.random() < 0.05 ? 1 : 0) }, g) : Array.from({ length: n }, g)));
  const a = run(oldE, cols), b = run(entropyWeights, cols);
  if (a !== b) { bad++; if (bad < 4) console.log(a, '\n', b); }
}
console.log('bad', bad, run(entropyWeights, []) === run(oldE, []), run(entropyWeights, 5) === run(oldE, 5));

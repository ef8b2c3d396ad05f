import { makePanel } from './_panel.ts';
const { panel, names } = makePanel();
const n = panel.unit.length;
for (let k = 0; k < 3; k++) {
  let t0 = performance.now();
  const units = [...new Set(panel.unit)].sort(); const t1 = performance.now();
  const uc = new Map<string, number>(units.map((u, i) => [u, i]));
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) keys[r] = (uc.get(panel.unit[r])! * 15 + (panel.time[r] as number - 2008)) * n + r;
  const t2 = performance.now();
  keys.sort(); const t3 = performance.now();
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = '[' + JSON.stringify(panel.unit[i]) + ',' + panel.time[i] + ']\n';
  const s = parts.join(''); const t4 = performance.now();
  const e = new TextEncoder().encode(s); const t5 = performance.now();
  const f = new Float64Array(n); const order = new Int32Array(n).map((_, i) => (i * 7919) % n);
  for (const c of names) { const x = panel.columns[c]; for (let i = 0; i < n; i++) { const v = x[order[i]]; f[i] = v === 0 ? 0 : v; } }
  const t6 = performance.now();
  console.log([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5].map((x) => x.toFixed(1)).join(' '), e.length);
}

import { makeRanker } from '../src/core/measure/uncertainty.ts';
import { rank } from '../src/core/measure/rank.ts';
export function makeBucketRanker(maxLen: number) {
  const NB = 1 << Math.max(4, Math.ceil(Math.log2(Math.max(2, maxLen))) + 1); // ~2-4 buckets per value
  const count = new Int32Array(NB + 1);
  const bkt = new Int32Array(maxLen);
  const idx = new Int32Array(maxLen);
  const ex = new Float64Array(maxLen);
  const out = new Int32Array(maxLen);
  const fallback = makeRanker(maxLen);
  return (values: Float64Array, offset: number, rows: Int32Array): Int32Array => {
    const len = rows.length;
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < len; i++) { const v = values[offset + rows[i]]; if (v < lo) lo = v; if (v > hi) hi = v; }
    const range = hi - lo;
    if (!(range > 0) || !Number.isFinite(range)) {
      if (range === 0) { out.fill(1, 0, len); return out; }
      return fallback(values, offset, rows);
    }
    const nb = Math.min(NB, Math.max(16, len * 2));
    const scale = (nb - 1) / range; // bucket in [0, nb-1]
    count.fill(0, 0, nb + 1);
    for (let i = 0; i < len; i++) { const b = ((values[offset + rows[i]] - lo) * scale) | 0; bkt[i] = b; count[b + 1]++; }
    let maxB = 0;
    for (let b = 1; b <= nb; b++) { const c = count[b]; if (c > maxB) maxB = c; count[b] += count[b - 1]; }
    if (maxB > 48) return fallback(values, offset, rows);
    for (let i = 0; i < len; i++) { const p = count[bkt[i]]++; idx[p] = i; ex[p] = values[offset + rows[i]]; }
    // insertion sort (ascending) — buckets are contiguous and ordered, so one pass over everything works
    for (let a = 1; a < len; a++) {
      const v = ex[a];
      if (ex[a - 1] <= v) continue;
      const o = idx[a];
      let c = a - 1;
      while (c >= 0 && ex[c] > v) { ex[c + 1] = ex[c]; idx[c + 1] = idx[c]; c--; }
      ex[c + 1] = v; idx[c + 1] = o;
    }
    let end = len;
    while (end > 0) {
      let start = end - 1;
      const v = ex[end - 1];
      while (start > 0 && ex[start - 1] === v) start--;
      const rk = len - end + 1;
      for (let a = start; a < end; a++) out[idx[a]] = rk;
      end = start;
    }
    return out;
  };
}
const n = 75000, B = 8;
const S = new Float64Array(B * n).map(() => Math.random() * Math.random());
const rows = Array.from({ length: 15 }, (_, g) => Int32Array.from({ length: 5000 }, (_, i) => g * 5000 + i));
function t(name: string, f: () => void, reps = 5) { let best = Infinity; for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); best = Math.min(best, performance.now() - t0); } console.log(name, best.toFixed(1), 'ms per batch of 8 →', (best * 125).toFixed(0), 'ms per 1000'); }
const r1 = makeRanker(5000), r2 = makeBucketRanker(5000);
t('radix', () => { for (let b = 0; b < B; b++) for (const rw of rows) r1(S, b * n, rw); });
t('bucket', () => { for (let b = 0; b < B; b++) for (const rw of rows) r2(S, b * n, rw); });
for (let b = 0; b < B; b++) for (const rw of rows) { const a = Array.from(r1(S, b * n, rw)); const c = Array.from(r2(S, b * n, rw)); if (a.join() !== c.join()) throw new Error('mismatch'); }
const vals = new Float64Array(3000);
for (let i = 0; i < vals.length; i++) vals[i] = i % 10 === 0 ? 0.5 : i % 13 === 0 ? 0.5 + 1e-15 * (i % 3) : i % 17 === 0 ? -Math.sin(i) : Math.sin(i * 12.9898) * 43758.5453 % 1;
const rw = Int32Array.from({ length: 2500 }, (_, i) => i * 1 + 100);
const got = makeBucketRanker(2600)(vals, 0, rw);
const want = rank(Array.from(rw, (r) => vals[r]), { order: 'desc', ties: 'min' });
console.log('test ok', Array.from(got.subarray(0, rw.length)).join() === Array.from(want).join());

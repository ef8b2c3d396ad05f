import { makeRanker } from '../src/core/measure/uncertainty.ts';
const n = 75000, m = 40, B = 8, G = 15;
const X = Array.from({ length: m }, () => Float64Array.from({ length: n }, () => Math.random()));
const XR = new Float64Array(n * m);
for (let r = 0; r < n; r++) for (let j = 0; j < m; j++) XR[r * m + j] = X[j][r];
const W = new Float64Array(B * m).map(() => Math.random());
const S = new Float64Array(B * n);
function tile() {
  S.fill(0);
  const TILE = 2048;
  for (let t0 = 0; t0 < n; t0 += TILE) {
    const t1 = Math.min(n, t0 + TILE);
    for (let j = 0; j < m; j++) {
      const x = X[j];
      for (let b = 0; b < B; b++) {
        const off = b * n; const w = W[b * m + j];
        for (let r = t0; r < t1; r++) S[off + r] += w * x[r];
      }
    }
  }
}
function rowdot() {
  for (let r = 0; r < n; r++) {
    const xo = r * m;
    for (let b = 0; b < B; b++) {
      const wo = b * m;
      let s = 0;
      for (let j = 0; j < m; j++) s += W[wo + j] * XR[xo + j];
      S[b * n + r] = s;
    }
  }
}
function rowdot4() {
  for (let r = 0; r < n; r++) {
    const xo = r * m;
    for (let b = 0; b < B; b += 4) {
      const w0 = b * m, w1 = w0 + m, w2 = w1 + m, w3 = w2 + m;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < m; j++) { const x = XR[xo + j]; s0 += W[w0 + j] * x; s1 += W[w1 + j] * x; s2 += W[w2 + j] * x; s3 += W[w3 + j] * x; }
      S[b * n + r] = s0; S[(b + 1) * n + r] = s1; S[(b + 2) * n + r] = s2; S[(b + 3) * n + r] = s3;
    }
  }
}
function t(name: string, f: () => void, reps = 5) { let best = Infinity; for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); best = Math.min(best, performance.now() - t0); } console.log(name, best.toFixed(1), 'ms per batch of 8 →', (best * 125).toFixed(0), 'ms per 1000'); }
t('tile', tile); t('rowdot', rowdot); t('rowdot4', rowdot4);
const rows = Array.from({ length: G }, (_, g) => Int32Array.from({ length: 5000 }, (_, i) => g * 5000 + i));
const ranker = makeRanker(5000);
t('rank 8 draws', () => { for (let b = 0; b < B; b++) for (const rw of rows) ranker(S, b * n, rw); });
const D = 1000;
const R = new Uint16Array(n * D).map(() => Math.random() * 5000);
let t0 = performance.now();
for (let r = 0; r < n; r++) R.subarray(r * D, (r + 1) * D).sort();
console.log('final sort', performance.now() - t0);
const R2 = new Uint16Array(n * D);
t0 = performance.now();
const rk = new Int32Array(n);
for (let d = 0; d < D; d++) { for (let r = 0; r < n; r++) R2[r * D + d] = rk[r]; }
console.log('strided writes', performance.now() - t0);

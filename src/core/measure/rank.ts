/**
 * Ranks (排名). Default: descending (largest value = rank 1) with ties
 * "min" — competition ranking 1, 2, 2, 4 — as in ranking tables of index
 * studies. Tie rules (R's rank ties.method / pandas' method):
 * - `min`: tied values share the smallest rank of their block (1, 2, 2, 4);
 * - `average`: they share the mean rank of the block (1, 2.5, 2.5, 4);
 * - `dense`: like min but without gaps (1, 2, 2, 3);
 * - `first`: ties broken by position, earlier first (1, 2, 3, 4).
 * Equality is exact (===), so −0 equals 0. NaN values rank last, after all
 * numbers, each with its own rank in order of position (as R's
 * rank(na.last = TRUE)); under `dense` they continue after the last dense
 * rank. Returns a Float64Array of ranks (integers except under `average`).
 */
import { bi } from '../i18n.ts';
import { MeasureInputError } from './weights/input.ts';

const TIE_RULES = ['min', 'average', 'dense', 'first'];

export interface RankOptions {
  order?: 'desc' | 'asc';
  ties?: 'min' | 'average' | 'dense' | 'first';
}

/** Ranks of the values (see module comment). */
export function rank(values: ArrayLike<number>, opts: RankOptions = {}): Float64Array {
  const n = values.length;
  const desc = (opts.order ?? 'desc') === 'desc';
  const ties = opts.ties ?? 'min';
  if (!TIE_RULES.includes(ties) || (opts.order !== undefined && opts.order !== 'desc' && opts.order !== 'asc')) {
    throw new MeasureInputError({
      code: 'rank-options',
      severity: 'error',
      message: bi(
        `未知的排名选项（order "${String(opts.order)}"，ties "${String(ties)}"）。`,
        `unknown rank options (order "${String(opts.order)}", ties "${String(ties)}").`,
      ),
      fix: bi(
        'order 取 desc 或 asc；ties 取 min、average、dense 或 first。',
        'order is desc or asc; ties is min, average, dense or first.',
      ),
    });
  }
  if (ties === 'min' || ties === 'average') return rankByBuckets(values, desc, ties === 'average');
  const idx: number[] = [];
  const nan: number[] = [];
  for (let i = 0; i < n; i++) (Number.isNaN(values[i]) ? nan : idx).push(i);
  // Array.prototype.sort is stable, so ties keep their positions (needed by 'first').
  if (desc) idx.sort((a, b) => (values[b] > values[a] ? 1 : values[b] < values[a] ? -1 : 0));
  else idx.sort((a, b) => (values[a] > values[b] ? 1 : values[a] < values[b] ? -1 : 0));
  const out = new Float64Array(n);
  const m = idx.length;
  let dense = 0;
  let start = 0;
  while (start < m) {
    let end = start + 1;
    const v = values[idx[start]];
    while (end < m && values[idx[end]] === v) end++;
    dense++;
    for (let p = start; p < end; p++) {
      // 'min' and 'average' are handled by rankByBuckets
      const r = ties === 'dense' ? dense : p + 1;
      out[idx[p]] = r;
    }
    start = end;
  }
  const base = ties === 'dense' ? dense : m;
  for (let q = 0; q < nan.length; q++) out[nan[q]] = base + q + 1;
  return out;
}

/**
 * `min` / `average` ranks from an ascending order of the numbers (NaN left
 * out): a bucket sort on the value range (about two buckets per value, the
 * buckets in value order) finished by an insertion sort on the exact values,
 * which only moves values within their bucket; when a bucket holds more than
 * 48 values (very uneven spread, many ties) or the range is not finite, a
 * comparison sort instead. Blocks of equal values (===, so −0 equals 0) get
 * the same rank: "min" = 1 + the number of values ranked before the block,
 * "average" = the mean of the block's first and last rank — the numbers of
 * the general path.
 */
function rankByBuckets(values: ArrayLike<number>, desc: boolean, average: boolean): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let m = 0,
    lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    m++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const idx = new Int32Array(m);
  const ex = new Float64Array(m);
  const range = hi - lo;
  let sorted = false;
  if (m > 0 && range > 0 && range < Infinity) {
    const nb = Math.max(16, 2 * m);
    const scale = (nb - 1) / range;
    const count = new Int32Array(nb + 1);
    const bkt = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== v) continue;
      let b = Math.floor((v - lo) * scale);
      if (b > nb - 1) b = nb - 1;
      bkt[i] = b;
      count[b + 1]++;
    }
    let maxB = 0;
    for (let b = 1; b <= nb; b++) {
      const c = count[b];
      if (c > maxB) maxB = c;
      count[b] += count[b - 1];
    }
    if (maxB <= 48) {
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v !== v) continue;
        const p = count[bkt[i]]++;
        idx[p] = i;
        ex[p] = v;
      }
      for (let a = 1; a < m; a++) {
        const v = ex[a];
        if (ex[a - 1] <= v) continue;
        const o = idx[a];
        let c = a - 1;
        while (c >= 0 && ex[c] > v) {
          ex[c + 1] = ex[c];
          idx[c + 1] = idx[c];
          c--;
        }
        ex[c + 1] = v;
        idx[c + 1] = o;
      }
      sorted = true;
    }
  }
  if (!sorted) {
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (values[i] === values[i]) order.push(i);
    order.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
    for (let p = 0; p < m; p++) {
      idx[p] = order[p];
      ex[p] = values[order[p]];
    }
  }
  // blocks of equal values [a, b) in ascending order
  let a = 0;
  while (a < m) {
    const v = ex[a];
    let b = a + 1;
    while (b < m && ex[b] === v) b++;
    const start = desc ? m - b : a; // 0-based first rank position of the block
    const end = desc ? m - a : b;
    const r = average ? (start + 1 + end) / 2 : start + 1;
    for (let p = a; p < b; p++) out[idx[p]] = r;
    a = b;
  }
  let nanSeen = 0;
  for (let i = 0; i < n; i++) if (values[i] !== values[i]) out[i] = m + ++nanSeen;
  return out;
}

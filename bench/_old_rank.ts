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
import { bi } from '../src/core/i18n.ts';
import { MeasureInputError } from '../src/core/measure/weights/input.ts';

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
      message: bi(`未知的排名选项（order "${String(opts.order)}"，ties "${String(ties)}"）。`, `unknown rank options (order "${String(opts.order)}", ties "${String(ties)}").`),
      fix: bi('order 取 desc 或 asc；ties 取 min、average、dense 或 first。', 'order is desc or asc; ties is min, average, dense or first.'),
    });
  }
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
      let r: number;
      switch (ties) {
        case 'min':
          r = start + 1;
          break;
        case 'average':
          r = (start + 1 + end) / 2;
          break;
        case 'dense':
          r = dense;
          break;
        default: // 'first'
          r = p + 1;
      }
      out[idx[p]] = r;
    }
    start = end;
  }
  const base = ties === 'dense' ? dense : m;
  for (let q = 0; q < nan.length; q++) out[nan[q]] = base + q + 1;
  return out;
}

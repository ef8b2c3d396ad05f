/**
 * Aggregation of child scores into a parent score, row by row, with weights
 * that may differ by group (time) of the row.
 *
 *   arithmetic (weighted arithmetic mean):  y_r = Σ_c w_gc x_rc
 *   geometric  (weighted geometric mean):   y_r = Π_c x_rc ^ w_gc = exp(Σ_c w_gc ln x_rc)
 *
 * where g = group of row r and Σ_c w_gc = 1. Source: OECD/JRC Handbook on
 * Constructing Composite Indicators (2008), §6.2 (linear and geometric
 * aggregation). The geometric mean needs x_rc > 0: min-max data reach 0 at the
 * worst value unless normalize.shift > 0 (the default 0.0001 keeps every value
 * positive); a non-positive value raises an error naming the row and child,
 * never a silent shift.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';

export type AggregateMethod = 'arithmetic' | 'geometric';

/**
 * Weighted mean of columns. `weights[g]` holds the weights (aligned with
 * `cols`) for group g; `group[r]` is the group of row r (null → every row in
 * group 0). Throws AggregateDomainError for a non-positive value under the
 * geometric mean (the caller names the unit/time/child).
 */
export function aggregateColumns(
  cols: ArrayLike<number>[],
  weights: ArrayLike<number>[],
  group: Int32Array | null,
  method: AggregateMethod,
): Float64Array {
  const n = cols.length ? cols[0].length : 0;
  const out = new Float64Array(n);
  const k = cols.length;
  if (method === 'arithmetic' && group === null) {
    // four columns per pass over the rows (the same additions in the same order,
    // columns with weight 0 skipped), so the output is read and written k/4 times
    const cs: number[] = [];
    for (let c = 0; c < k; c++) if (weights[0][c] !== 0) cs.push(c);
    let q = 0;
    for (; q + 4 <= cs.length; q += 4) {
      const x0 = cols[cs[q]],
        x1 = cols[cs[q + 1]],
        x2 = cols[cs[q + 2]],
        x3 = cols[cs[q + 3]];
      const w0 = weights[0][cs[q]],
        w1 = weights[0][cs[q + 1]],
        w2 = weights[0][cs[q + 2]],
        w3 = weights[0][cs[q + 3]];
      for (let r = 0; r < n; r++) {
        let y = out[r];
        y += w0 * x0[r];
        y += w1 * x1[r];
        y += w2 * x2[r];
        y += w3 * x3[r];
        out[r] = y;
      }
    }
    for (; q < cs.length; q++) {
      const x = cols[cs[q]],
        w = weights[0][cs[q]];
      for (let r = 0; r < n; r++) out[r] += w * x[r];
    }
    return out;
  }
  if (method === 'arithmetic') {
    // weights by group (the ungrouped case returned above)
    for (let c = 0; c < k; c++) {
      const x = cols[c];
      for (let r = 0; r < n; r++) out[r] += weights[group![r]][c] * x[r];
    }
    return out;
  }
  for (let c = 0; c < k; c++) {
    const x = cols[c];
    for (let r = 0; r < n; r++) {
      const w = group === null ? weights[0][c] : weights[group[r]][c];
      const v = x[r];
      if (!(v > 0)) {
        if (w === 0 && v === 0) continue;
        throw new AggregateDomainError(r, c, v);
      }
      if (w !== 0) out[r] += w * Math.log(v);
    }
  }
  for (let r = 0; r < n; r++) out[r] = Math.exp(out[r]);
  return out;
}

/** A non-positive value met by the geometric mean, at row `row` of child `child`. */
export class AggregateDomainError extends XinzhiError {
  constructor(
    readonly row: number,
    readonly child: number,
    readonly value: number,
  ) {
    super({
      code: 'geometric-nonpositive',
      severity: 'error',
      message: bi(`几何平均要求正值，得到 ${value}`, `the geometric mean needs positive values, got ${value}`),
      fix: bi(
        '设置 normalize.shift > 0（如 0.0001），或改用 aggregate.method "arithmetic"',
        'set normalize.shift > 0 (e.g. 0.0001), or use aggregate.method "arithmetic"',
      ),
    });
  }
}

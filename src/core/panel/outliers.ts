/**
 * Outlier treatment as COINr's `Treat()` does it by default
 * (Becker W., Caperna G., Del Sorbo M., Norlén H., Papadimitriou E., Saisana M.,
 * "COINr: An R package for developing composite indicators", Journal of Open
 * Source Software 7(78):4567, 2022; EC Joint Research Centre; R/treat.R:
 * `Treat.numeric`, `winsorise`, `log_CT`, `check_SkewKurt`, `skew`, `kurt`).
 *
 * For each column, over all its observed cells pooled (all units and times;
 * missing cells are ignored and stay missing):
 *
 * 1. Pass test (`check_SkewKurt`): pass ⇔ |skew| < skewT OR kurt < kurtT,
 *    with skew = G1 and kurt = G2, the adjusted sample skewness and *excess*
 *    kurtosis (e1071 type 2 / Excel SKEW, KURT; see stats/moments.ts);
 *    defaults skewT = 2, kurtT = 3.5. A column that passes is left alone.
 * 2. Winsorisation (`winsorise`): while the column fails and the number of
 *    winsorised points is below `maxWinsor` (COINr winmax, default 5): if the
 *    current skew ≥ 0, every cell equal to the current maximum is set to the
 *    largest other value; otherwise every cell equal to the minimum is set to
 *    the smallest other value. Ties move together, so one step can treat
 *    several points, and previously winsorised cells (now tied at the new
 *    maximum) keep moving with it. The count is COINr's: cells moved in the
 *    last high step plus cells moved in the last low step.
 * 3. If the winsorised column still fails and `log` is on (default), the
 *    winsorisation is undone and COINr's `log_CT` transform is applied to the
 *    original values instead:  x' = ln(x − min x + 0.01·(max x − min x)).
 *    The result is kept whether or not it passes (as COINr does). With
 *    `log: false` the winsorised column is kept even if it still fails.
 *
 * Fewer than 4 observed cells, or a constant column (skew undefined), are
 * left untreated (COINr stops or returns the column untreated). Every changed
 * cell is listed (TreatedCell), and each column gets a summary line.
 */
import type { OutlierSpec, TreatedCell } from './treatment.ts';
import type { Panel } from './types.ts';
import { clonePanel } from './ops.ts';
import { coinrKurt, coinrSkew } from '../stats/moments.ts';

export interface OutlierSummary {
  column: string;
  skew: number;
  kurtosis: number;
  action: 'none' | 'winsorised' | 'log';
  /** Cells winsorised (COINr's count) or log-transformed. */
  points: number;
  skewAfter: number;
  kurtosisAfter: number;
}

/** Skew/kurtosis pass test of COINr's check_SkewKurt; NaN statistics give `null` (undecidable). */
export function passesSkewKurt(
  values: ArrayLike<number>,
  skewT = 2,
  kurtT = 3.5,
): { pass: boolean | null; skew: number; kurtosis: number } {
  const skew = coinrSkew(values);
  const kurtosis = coinrKurt(values);
  if (Number.isNaN(skew) || Number.isNaN(kurtosis)) return { pass: null, skew, kurtosis };
  return { pass: Math.abs(skew) < skewT || kurtosis < kurtT, skew, kurtosis };
}

/**
 * COINr's `winsorise()` on a vector without missing values: returns the
 * winsorised copy, COINr's count of winsorised points and the pass test of
 * the returned copy.
 */
export function winsoriseCoinr(
  x: Float64Array,
  maxWinsor = 5,
  skewT = 2,
  kurtT = 3.5,
): { x: Float64Array; nwin: number; test: ReturnType<typeof passesSkewKurt> } {
  const y = Float64Array.from(x);
  let test = passesSkewKurt(y, skewT, kurtT);
  let nHigh = 0;
  let nLow = 0;
  let nwin = 0;
  while (test.pass === false && nwin < maxWinsor) {
    const high = test.skew >= 0;
    let ext = high ? -Infinity : Infinity;
    for (const v of y) ext = high ? Math.max(ext, v) : Math.min(ext, v);
    let next = high ? -Infinity : Infinity;
    let count = 0;
    for (const v of y) {
      if (v === ext) count++;
      else next = high ? Math.max(next, v) : Math.min(next, v);
    }
    if (count === y.length) break; // all equal: nothing left to winsorise to
    for (let i = 0; i < y.length; i++) if (y[i] === ext) y[i] = next;
    if (high) nHigh = count;
    else nLow = count;
    nwin = nHigh + nLow;
    test = passesSkewKurt(y, skewT, kurtT);
  }
  return { x: y, nwin, test };
}

/** COINr's `log_CT`: ln(x − min x + 0.01·(max x − min x)). */
export function logCT(x: ArrayLike<number>): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  return Float64Array.from(x, (v) => Math.log(v - lo + 0.01 * (hi - lo)));
}

/** Treat outliers of `columns` as COINr's Treat() does (spec.method "coinr"); "none" leaves data as is. */
export function treatOutliers(
  panel: Panel,
  columns: string[],
  spec: OutlierSpec,
): { panel: Panel; treated: TreatedCell[]; summary: OutlierSummary[] } {
  const out = clonePanel(panel);
  const treated: TreatedCell[] = [];
  const summary: OutlierSummary[] = [];
  const skewT = spec.skew ?? 2;
  const kurtT = spec.kurtosis ?? 3.5;
  const maxWinsor = spec.maxWinsor ?? 5;
  const useLog = spec.log ?? true;
  for (const c of columns) {
    const src = panel.columns[c];
    if (!src) continue;
    const rows: number[] = [];
    for (let r = 0; r < src.length; r++) if (!Number.isNaN(src[r])) rows.push(r);
    const x = Float64Array.from(rows, (r) => src[r]);
    const before = x.length >= 4 ? passesSkewKurt(x, skewT, kurtT) : { pass: null, skew: NaN, kurtosis: NaN };
    const line: OutlierSummary = {
      column: c,
      skew: before.skew,
      kurtosis: before.kurtosis,
      action: 'none',
      points: 0,
      skewAfter: before.skew,
      kurtosisAfter: before.kurtosis,
    };
    summary.push(line);
    if (spec.method !== 'coinr' || before.pass !== false) continue;

    const w = winsoriseCoinr(x, maxWinsor, skewT, kurtT);
    let result = w.x;
    if (w.test.pass !== true && useLog) {
      result = logCT(x);
      line.action = 'log';
      line.points = x.length;
      rows.forEach((r, k) =>
        treated.push({
          unit: panel.unit[r],
          time: panel.time[r],
          column: c,
          from: x[k],
          to: result[k],
          treatment: 'log',
        }),
      );
    } else {
      line.action = 'winsorised';
      line.points = w.nwin;
      rows.forEach((r, k) => {
        if (result[k] !== x[k]) {
          treated.push({
            unit: panel.unit[r],
            time: panel.time[r],
            column: c,
            from: x[k],
            to: result[k],
            treatment: result[k] < x[k] ? 'winsorised-high' : 'winsorised-low',
          });
        }
      });
    }
    const dst = out.columns[c];
    rows.forEach((r, k) => (dst[r] = result[k]));
    line.skewAfter = coinrSkew(result);
    line.kurtosisAfter = coinrKurt(result);
  }
  return { panel: out, treated, summary };
}

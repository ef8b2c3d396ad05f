/**
 * ln TFP of a firm estimation by period: firms, mean, sample SD (n − 1, as
 * Stata's summarize and pandas' std), 10th, 50th and 90th percentiles (R's
 * type 7, NumPy's and pandas' default) — the by-year table firm-TFP papers
 * report beside the coefficients. A period with one firm has SD NaN.
 *
 * @example tfpByTime(runFirm(panel, model).tfp)[0].mean
 */
import { mean, quantileSorted, sd } from '../../stats/descriptive.ts';

export interface TfpPeriodSummary {
  time: number;
  firms: number;
  mean: number;
  sd: number;
  p10: number;
  median: number;
  p90: number;
}

/** Summaries of ln TFP per period, periods in ascending order. */
export function tfpByTime(tfp: ReadonlyArray<{ time: number; value: number }>): TfpPeriodSummary[] {
  const byTime = new Map<number, number[]>();
  for (const r of tfp) {
    let v = byTime.get(r.time);
    if (!v) byTime.set(r.time, (v = []));
    v.push(r.value);
  }
  return [...byTime.keys()]
    .sort((a, b) => a - b)
    .map((time) => {
      const v = byTime.get(time)!;
      const sorted = Float64Array.from(v).sort();
      return {
        time,
        firms: v.length,
        mean: mean(v),
        sd: v.length > 1 ? sd(v) : Number.NaN,
        p10: quantileSorted(sorted, 0.1),
        median: quantileSorted(sorted, 0.5),
        p90: quantileSorted(sorted, 0.9),
      };
    });
}

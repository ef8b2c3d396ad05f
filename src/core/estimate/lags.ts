/**
 * Lagged regressors within unit, written as Stata writes them: `L.value`
 * (one period) or `L2.value` (two). The lag of row (i, t) is the value of the
 * same unit at t − k — gap-aware: after a missing year the lag is missing, not
 * the value before the gap (Stata's `L.` on an xtset panel, plm's
 * `lag(x, k, shift = "time")`). Times must be numbers (years); rows whose lag
 * is missing are dropped and counted, as Stata drops them.
 *
 * @example lagOf('L2.value') // { k: 2, column: 'value' }
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel } from '../panel/types.ts';

const LAG = /^L(\d*)\.(.+)$/;

/** The lag order and source column of a term such as `L.value`, or null for a plain column. */
export function lagOf(term: string): { k: number; column: string } | null {
  const m = LAG.exec(term);
  if (!m) return null;
  const k = m[1] === '' ? 1 : Number(m[1]);
  return k >= 1 ? { k, column: m[2] } : null;
}

/** The source column of a term (`L.value` → `value`). */
export function baseColumn(term: string): string {
  return lagOf(term)?.column ?? term;
}

/** The panel with a column per lagged term and only the rows where every lag exists; `dropped` rows counted. */
export function withLags(panel: Panel, terms: string[]): { panel: Panel; dropped: number } {
  const lags = [...new Set(terms)].map((t) => ({ term: t, lag: lagOf(t) })).filter((x) => x.lag);
  if (!lags.length) return { panel, dropped: 0 };
  const times = panel.time.map(Number);
  const bad = panel.time.findIndex((t, i) => !Number.isFinite(times[i]) || String(t).trim() === '');
  if (bad >= 0)
    throw new XinzhiError({
      code: 'estimate-lag-time',
      severity: 'error',
      ...(panel.source ? { file: panel.source } : {}),
      ...(panel.sourceRow ? { row: panel.sourceRow[bad] } : {}),
      column: panel.timeKey ?? 'time',
      message: bi(
        `滞后项需要数值时间（如年份），但有 "${String(panel.time[bad])}"`,
        `lags need numeric times (years), but found "${String(panel.time[bad])}"`,
      ),
      fix: bi('把时间列写成年份等数值', 'write the time column as years or other numbers'),
    });
  const rowAt = new Map<string, number>();
  panel.unit.forEach((u, i) => rowAt.set(`${u}\u0000${times[i]}`, i));
  const n = panel.unit.length;
  const columns = { ...panel.columns };
  const keep = new Uint8Array(n).fill(1);
  for (const { term, lag } of lags) {
    const src = panel.columns[lag!.column];
    if (!src)
      throw new XinzhiError({
        code: 'estimate-column',
        severity: 'error',
        column: lag!.column,
        message: bi(
          `数据中没有列 "${lag!.column}"（滞后项 ${term}）`,
          `the data have no column "${lag!.column}" (lag ${term})`,
        ),
        fix: bi('核对模型文件中的列名', 'check the column names in the model file'),
      });
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = rowAt.get(`${panel.unit[i]}\u0000${times[i] - lag!.k}`);
      col[i] = j === undefined ? Number.NaN : src[j];
      if (!Number.isFinite(col[i])) keep[i] = 0;
    }
    columns[term] = col;
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) rows.push(i);
  const pick = <T>(a: ArrayLike<T>) => rows.map((i) => a[i]);
  return {
    panel: {
      ...panel,
      unit: pick(panel.unit),
      time: pick(panel.time),
      columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(pick(v))])),
      ...(panel.labels
        ? { labels: Object.fromEntries(Object.entries(panel.labels).map(([k, v]) => [k, pick(v)])) }
        : {}),
      ...(panel.sourceRow ? { sourceRow: pick(panel.sourceRow) } : {}),
    },
    dropped: n - rows.length,
  };
}

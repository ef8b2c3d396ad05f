/**
 * Splitting observation rows by time for the distribution analyses (Dagum
 * Gini, Theil, kernel density, coupling, obstacle degree): each method runs
 * once per time, or once on all rows when there is no time column.
 *
 * Times are ordered numerically when every time is a number (or a numeric
 * string), otherwise by string comparison with numeric collation ("2013Q2"
 * before "2013Q10"). Rows keep their original order inside a slice.
 */
import type { Problem } from '../errors.ts';
import type { Time } from '../panel/types.ts';

export interface TimeSlice {
  /** The time of the slice; null when the rows had no time. */
  time: Time | null;
  /** Row indices (into the original arrays) in this slice, in input order. */
  rows: number[];
}

/** Where a row is, for error messages (file, 1-based source row, unit, time). */
export type Locate = (row: number) => Pick<Problem, 'file' | 'row' | 'unit' | 'time'>;

const collator = new Intl.Collator('en', { numeric: true });

/** Sort times: numerically if all are numbers or numeric strings, else with numeric collation. */
export function sortTimes<T extends Time>(times: T[]): T[] {
  const allNumeric = times.every((t) => typeof t === 'number' || (t.trim() !== '' && Number.isFinite(Number(t))));
  return [...times].sort((a, b) => (allNumeric ? Number(a) - Number(b) : collator.compare(String(a), String(b))));
}

/** Split row indices 0..n−1 by time (all rows in one slice with time null when `times` is absent). */
export function sliceByTime(n: number, times?: ArrayLike<Time> | null): TimeSlice[] {
  if (!times) return [{ time: null, rows: Array.from({ length: n }, (_, i) => i) }];
  const byKey = new Map<string, { time: Time; rows: number[] }>();
  for (let i = 0; i < n; i++) {
    const t = times[i];
    const key = `${typeof t}\u0000${t}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { time: t, rows: [] }));
    s.rows.push(i);
  }
  const order = sortTimes([...byKey.values()].map((s) => s.time));
  const lookup = new Map([...byKey.values()].map((s) => [s.time, s] as const));
  return order.map((t) => ({ time: t, rows: lookup.get(t)!.rows }));
}

/** Values and labels of one slice. */
export function pick<T>(arr: ArrayLike<T>, rows: number[]): T[] {
  return rows.map((r) => arr[r]);
}

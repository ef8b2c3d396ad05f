/**
 * Small panel helpers: selecting rows, the distinct units and times, rows
 * grouped by time, copying, and building a panel from row objects.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel, Time } from './types.ts';

/** A new panel with the given rows (in the given order); columns, labels and sourceRow follow. */
export function selectRows(panel: Panel, rowIndices: number[]): Panel {
  const columns: Record<string, Float64Array> = {};
  for (const [k, col] of Object.entries(panel.columns)) columns[k] = Float64Array.from(rowIndices, (r) => col[r]);
  const out: Panel = {
    unitKey: panel.unitKey,
    timeKey: panel.timeKey,
    unit: rowIndices.map((r) => panel.unit[r]),
    time: rowIndices.map((r) => panel.time[r]),
    columns,
  };
  if (panel.labels) {
    const labels: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(panel.labels)) labels[k] = rowIndices.map((r) => v[r]);
    out.labels = labels;
  }
  if (panel.source !== undefined) out.source = panel.source;
  if (panel.sourceRow) out.sourceRow = rowIndices.map((r) => panel.sourceRow![r]);
  return out;
}

/** A deep copy (new column arrays), so callers can modify it freely. */
export function clonePanel(panel: Panel): Panel {
  return selectRows(
    panel,
    panel.unit.map((_, i) => i),
  );
}

/** Compare two times: numbers numerically, strings by code point, numbers before strings. */
export function compareTime(a: Time, b: Time): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct times, sorted (numbers ascending; strings in code-point order). */
export function timesOf(panel: Panel): Time[] {
  return [...new Set(panel.time)].sort(compareTime);
}

/** Distinct units in first-seen order. */
export function unitsOf(panel: Panel): string[] {
  return [...new Set(panel.unit)];
}

/** Row indices of each time, keys in sorted time order, rows in panel order. */
export function rowsByTime(panel: Panel): Map<Time, number[]> {
  const m = new Map<Time, number[]>();
  for (const t of timesOf(panel)) m.set(t, []);
  panel.time.forEach((t, r) => m.get(t)!.push(r));
  return m;
}

/** Row indices of each unit, keys in first-seen order, rows in panel order. */
export function rowsByUnit(panel: Panel): Map<string, number[]> {
  return rowsByKey(panel.unit);
}

/**
 * Row indices of each value of a column (compared as strings), keys in
 * first-seen order, rows in order.
 * @example rowsByKey(['a', 'b', 'a']) // Map { 'a' => [0, 2], 'b' => [1] }
 */
export function rowsByKey(keys: ArrayLike<string | number>): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (let r = 0; r < keys.length; r++) {
    const k = String(keys[r]);
    const a = m.get(k);
    if (a) a.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * A panel from row objects, e.g. `[{Province: "Beijing", Year: 2020, GDP: 1.2}, ...]`.
 * Numeric columns: every value a finite or infinite number, null, undefined or NaN
 * (null / undefined / NaN → missing). Label columns: every value a string (or missing).
 * A column mixing numbers with strings is refused (XinzhiError naming the row),
 * since guessing which is meant would change data silently.
 * `time` null builds a cross-section (every time "").
 */
export function panelFromRows(rows: Array<Record<string, unknown>>, unit: string, time: string | null): Panel {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r))
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
  const problems = [];
  const units: string[] = [];
  const times: Time[] = [];
  rows.forEach((r, i) => {
    const u = r[unit];
    if (u === null || u === undefined || u === '')
      problems.push({
        code: 'missing-unit',
        severity: 'error' as const,
        row: i + 1,
        column: unit,
        message: bi('单位为空。', 'The unit is empty.'),
        fix: bi('为每一行提供单位。', 'Give every row a unit.'),
      });
    units.push(String(u ?? ''));
    if (time === null) times.push('');
    else {
      const t = r[time];
      if (typeof t === 'number' || (typeof t === 'string' && t !== '')) times.push(t);
      else {
        problems.push({
          code: 'missing-time',
          severity: 'error' as const,
          row: i + 1,
          column: time,
          message: bi('时间为空。', 'The time is empty.'),
          fix: bi('为每一行提供时间。', 'Give every row a time.'),
        });
        times.push('');
      }
    }
  });
  const columns: Record<string, Float64Array> = {};
  const labels: Record<string, string[]> = {};
  for (const k of keys) {
    if (k === unit || k === time) continue;
    let nNum = 0;
    let nStr = 0;
    let firstStr = -1;
    let firstNum = -1;
    rows.forEach((r, i) => {
      const v = r[k];
      if (typeof v === 'number') {
        nNum++;
        if (firstNum < 0) firstNum = i;
      } else if (typeof v === 'string') {
        nStr++;
        if (firstStr < 0) firstStr = i;
      }
    });
    if (nNum > 0 && nStr > 0) {
      problems.push({
        code: 'mixed-column',
        severity: 'error' as const,
        row: firstStr + 1,
        column: k,
        message: bi(
          `列 "${k}" 混有数值（第 ${firstNum + 1} 行）和文字（第 ${firstStr + 1} 行）。`,
          `Column "${k}" mixes numbers (row ${firstNum + 1}) and text (row ${firstStr + 1}).`,
        ),
        fix: bi(
          '数值列只放数字（缺失用 null），文字列只放文字。',
          'Put only numbers (null for missing) in a numeric column and only text in a label column.',
        ),
      });
      continue;
    }
    if (nStr > 0) labels[k] = rows.map((r) => (typeof r[k] === 'string' ? (r[k] as string) : ''));
    else columns[k] = Float64Array.from(rows, (r) => (typeof r[k] === 'number' ? (r[k] as number) : NaN));
  }
  if (problems.length) throw new XinzhiError(problems);
  const out: Panel = { unitKey: unit, timeKey: time, unit: units, time: times, columns };
  if (Object.keys(labels).length) out.labels = labels;
  return out;
}

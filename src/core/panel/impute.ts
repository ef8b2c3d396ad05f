/**
 * Missing values (NaN cells) in the used columns, treated as the spec says
 * and reported cell by cell — nothing is filled silently. Means and
 * interpolation anchors use only the observed finite values of the input
 * (never values imputed in the same pass); ±Inf cells are not missing and are
 * left for validation to report.
 *
 * Methods (x_{i,t} = column value of unit i at time t):
 * - `error` (default): every missing cell is an error problem.
 * - `interpolate`: linear interpolation within a unit over time, interior
 *   gaps only: for a gap at t between observed (t0, x0) and (t1, x1),
 *   x_t = x0 + (x1 − x0)·(t − t0)/(t1 − t0), with t the numeric time (so an
 *   absent year row widens the step); for non-numeric times the position in
 *   the sorted time order. Leading and trailing gaps are NOT extrapolated:
 *   they stay missing and are reported as errors — unless `fallback` names
 *   another method for them. Equivalent to pandas
 *   `groupby(unit).transform(lambda s: s.interpolate(method='index', limit_area='inside'))`.
 * - `unit-mean`: x_{i,t} = mean of unit i's observed values over time.
 * - `time-mean`: x_{i,t} = mean of all units' observed values at time t
 *   (the cross-sectional mean).
 * - `group-mean`: x_{i,t} = mean of observed values at time t of the units in
 *   the same group (label column `spec.group`, e.g. region) — COINr's
 *   `i_mean_grp` applied per time.
 * - `drop`: rows with a missing cell in any used column are removed and
 *   listed in `dropped` (unit, time, source row).
 * A cell a mean cannot fill (no observed value in its unit / time / group)
 * stays missing and is reported as an error.
 */
import type { Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { ImputedCell, MissingMethod, MissingSpec } from './treatment.ts';
import type { Panel, Time } from './types.ts';
import { cellWhere, missingColumnProblem, ProblemList } from './problems.ts';
import { clonePanel, compareTime, rowsByUnit, selectRows } from './ops.ts';
import { mean } from '../stats/descriptive.ts';

/** MissingSpec plus an optional fallback for what interpolation cannot fill (the ends of a unit's series). */
export type ImputeSpec = MissingSpec & { fallback?: Exclude<MissingMethod, 'interpolate' | 'drop'> };

export interface ImputeResult {
  panel: Panel;
  imputed: ImputedCell[];
  dropped: Array<{ unit: string; time: Time; row?: number }>;
  problems: Problem[];
}

const METHODS: MissingMethod[] = ['error', 'interpolate', 'unit-mean', 'time-mean', 'group-mean', 'drop'];

/** Treat missing cells of `columns` by `spec`; returns a new panel (the input is never modified). */
export function imputePanel(panel: Panel, columns: string[], spec: MissingSpec): ImputeResult {
  const s = spec as ImputeSpec;
  const probs = new ProblemList();
  const out = clonePanel(panel);
  const imputed: ImputedCell[] = [];
  const dropped: ImputeResult['dropped'] = [];
  const cols = columns.filter((c) => {
    if (panel.columns[c]) return true;
    probs.add(missingColumnProblem(c, Object.keys(panel.columns), bi('指标', 'indicator'), panel.source));
    return false;
  });
  if (!METHODS.includes(s.method)) {
    probs.add({
      code: 'missing-method',
      severity: 'error',
      message: bi(`未知的缺失值方法 "${s.method}"。`, `Unknown missing-value method "${s.method}".`),
      fix: bi(`可选：${METHODS.join('、')}。`, `Choose one of: ${METHODS.join(', ')}.`),
    });
    return { panel: out, imputed, dropped, problems: probs.done() };
  }

  if (s.method === 'drop') {
    const keep: number[] = [];
    for (let r = 0; r < panel.unit.length; r++) {
      const missing = cols.filter((c) => Number.isNaN(panel.columns[c][r]));
      if (missing.length === 0) {
        keep.push(r);
        continue;
      }
      const d: { unit: string; time: Time; row?: number } = { unit: panel.unit[r], time: panel.time[r] };
      if (panel.sourceRow?.[r] !== undefined) d.row = panel.sourceRow[r];
      dropped.push(d);
      probs.add({
        ...cellWhere(panel, r),
        code: 'row-dropped',
        severity: 'warning',
        message: bi(
          `此行因缺失值被删除（缺失列：${missing.join('、')}）。`,
          `Row dropped for missing values (columns: ${missing.join(', ')}).`,
        ),
      });
    }
    return { panel: selectRows(panel, keep), imputed, dropped, problems: probs.done() };
  }

  if ((s.method === 'group-mean' || s.fallback === 'group-mean') && !groupOk(panel, s.group, probs)) {
    return { panel: out, imputed, dropped, problems: probs.done() };
  }

  const byUnit = rowsByUnit(panel);
  for (const c of cols) {
    const src = panel.columns[c];
    const dst = out.columns[c];
    let remaining: number[] = [];
    if (s.method === 'interpolate') {
      remaining = interpolateColumn(panel, byUnit, src, dst, c, imputed);
      if (s.fallback !== undefined && s.fallback !== 'error') {
        remaining = fillByMean(panel, src, dst, c, s.fallback, s.group, remaining, imputed);
      }
      for (const r of remaining) probs.add(endProblem(panel, r, c, src, byUnit.get(panel.unit[r])!));
      continue;
    }
    for (let r = 0; r < src.length; r++) if (Number.isNaN(src[r])) remaining.push(r);
    if (s.method !== 'error') remaining = fillByMean(panel, src, dst, c, s.method, s.group, remaining, imputed);
    for (const r of remaining)
      probs.add(s.method === 'error' ? missingProblem(panel, r, c) : unfillableProblem(panel, r, c, s.method, s.group));
  }
  return { panel: out, imputed, dropped, problems: probs.done() };
}

/** Linear interpolation of interior gaps per unit; returns rows still missing. */
function interpolateColumn(
  panel: Panel,
  byUnit: Map<string, number[]>,
  src: Float64Array,
  dst: Float64Array,
  column: string,
  imputed: ImputedCell[],
): number[] {
  const remaining: number[] = [];
  for (const rows of byUnit.values()) {
    const sorted = [...rows].sort((a, b) => compareTime(panel.time[a], panel.time[b]));
    const numeric = sorted.every((r) => typeof panel.time[r] === 'number');
    const x = sorted.map((r, k) => (numeric ? (panel.time[r] as number) : k));
    const obs: number[] = []; // positions in `sorted` of observed finite values
    sorted.forEach((r, k) => {
      if (Number.isFinite(src[r])) obs.push(k);
    });
    let o = 0;
    sorted.forEach((r, k) => {
      if (!Number.isNaN(src[r])) return;
      while (o < obs.length && obs[o] < k) o++;
      const right = o < obs.length ? obs[o] : -1;
      const left = o > 0 ? obs[o - 1] : -1;
      if (left < 0 || right < 0) {
        remaining.push(r);
        return;
      }
      const x0 = x[left];
      const x1 = x[right];
      const y0 = src[sorted[left]];
      const y1 = src[sorted[right]];
      const v = y0 + ((y1 - y0) * (x[k] - x0)) / (x1 - x0);
      dst[r] = v;
      imputed.push({ unit: panel.unit[r], time: panel.time[r], column, value: v, method: 'interpolate' });
    });
  }
  return remaining.sort((a, b) => a - b);
}

/** Fill the given rows by a mean (unit / time / group); returns rows that could not be filled. */
function fillByMean(
  panel: Panel,
  src: Float64Array,
  dst: Float64Array,
  column: string,
  method: MissingMethod,
  group: string | undefined,
  rows: number[],
  imputed: ImputedCell[],
): number[] {
  const keyOf = (r: number): string => {
    if (method === 'unit-mean') return panel.unit[r];
    if (method === 'time-mean') return String(panel.time[r]);
    return `${panel.labels![group!][r]}\u0000${String(panel.time[r])}`;
  };
  const pools = new Map<string, number[]>();
  for (let r = 0; r < src.length; r++) {
    if (!Number.isFinite(src[r])) continue;
    if (method === 'group-mean' && panel.labels![group!][r] === '') continue;
    const k = keyOf(r);
    const p = pools.get(k);
    if (p) p.push(src[r]);
    else pools.set(k, [src[r]]);
  }
  const means = new Map<string, number>();
  for (const [k, v] of pools) means.set(k, mean(v));
  const left: number[] = [];
  for (const r of rows) {
    const m = method === 'group-mean' && panel.labels![group!][r] === '' ? undefined : means.get(keyOf(r));
    if (m === undefined) {
      left.push(r);
      continue;
    }
    dst[r] = m;
    imputed.push({ unit: panel.unit[r], time: panel.time[r], column, value: m, method });
  }
  return left;
}

function groupOk(panel: Panel, group: string | undefined, probs: ProblemList): boolean {
  if (group === undefined) {
    probs.add({
      code: 'missing-group',
      severity: 'error',
      message: bi('组均值插补需要分组列。', 'Group-mean imputation needs a group column.'),
      fix: bi(
        '在规格中写明 "missing": {"method": "group-mean", "group": "区域"}，并把该列列入 labels。',
        'Name it in the spec: "missing": {"method": "group-mean", "group": "region"}, and list the column in labels.',
      ),
    });
    return false;
  }
  if (!panel.labels || !panel.labels[group]) {
    probs.add(
      missingColumnProblem(group, Object.keys(panel.labels ?? {}), bi('分组（标签）', 'group (label)'), panel.source),
    );
    return false;
  }
  return true;
}

function missingProblem(panel: Panel, r: number, column: string): Problem {
  return {
    ...cellWhere(panel, r, column),
    code: 'missing-value',
    severity: 'error',
    message: bi('缺失值（缺失值方法为 "error"）。', 'Missing value (missing-value method is "error").'),
    fix: bi(
      '补齐数据，或在规格中选择 "missing": {"method": "interpolate" | "unit-mean" | "time-mean" | "group-mean" | "drop"}。',
      'Fill in the value, or choose "missing": {"method": "interpolate" | "unit-mean" | "time-mean" | "group-mean" | "drop"} in the spec.',
    ),
  };
}

function endProblem(panel: Panel, r: number, column: string, src: Float64Array, rows: number[]): Problem {
  const none = rows.every((q) => !Number.isFinite(src[q]));
  return {
    ...cellWhere(panel, r, column),
    code: 'missing-not-interpolated',
    severity: 'error',
    message: none
      ? bi(
          '该单位此列没有任何观测值，无法插值。',
          'This unit has no observed value in the column, so nothing to interpolate from.',
        )
      : bi(
          '缺失值位于该单位序列的首端或末端，线性插值不外推。',
          "The gap is at the start or end of the unit's series; linear interpolation does not extrapolate.",
        ),
    fix: bi(
      '补齐数据，或设置 "fallback"（如 "unit-mean"、"time-mean"、"group-mean"）处理首末端缺失，或改用 "drop"。',
      'Fill in the value, or set a "fallback" (e.g. "unit-mean", "time-mean", "group-mean") for gaps at the ends, or use "drop".',
    ),
  };
}

function unfillableProblem(panel: Panel, r: number, column: string, method: MissingMethod, group?: string): Problem {
  const what =
    method === 'unit-mean'
      ? bi('该单位此列没有任何观测值', 'the unit has no observed value in this column')
      : method === 'time-mean'
        ? bi('该时间此列没有任何观测值', 'no unit has an observed value at this time')
        : panel.labels?.[group!]?.[r] === ''
          ? bi(`分组列 "${group}" 在此行为空`, `the group column "${group}" is empty on this row`)
          : bi('同组同时间没有任何观测值', 'no unit of the same group has an observed value at this time');
  return {
    ...cellWhere(panel, r, column),
    code: 'missing-unfillable',
    severity: 'error',
    message: bi(`无法用 ${method} 插补：${what.zh}。`, `Cannot impute by ${method}: ${what.en}.`),
    fix: bi(
      '补齐数据，或换一种缺失值方法（如 "time-mean" 或 "drop"）。',
      'Fill in the value, or choose another missing-value method (e.g. "time-mean" or "drop").',
    ),
  };
}

/**
 * A calibration spec (JSON / YAML) and its application to a table: which
 * columns to calibrate, by which method, with which anchors. Every problem
 * names the spec file and the key, and the fix.
 *
 *   { "preset": "fsqca",
 *     "columns": {
 *       "DEV": { "method": "direct", "anchors": [400, 550, 900] },
 *       "STB": { "method": "crisp", "thresholds": [10], "decreasing": true },
 *       "LIT": { "method": "indirect", "targets": "LIT_target" } } }
 *
 * `anchors` are [exclusion, crossover, inclusion]; `preset` ('fsqca' | 'qca',
 * see calibrate.ts) may also be set per column.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { RawTable } from '../panel/raw-table.ts';
import {
  calibrateCrisp,
  calibrateDirect,
  calibrateIndirect,
  DEFAULT_LOGISTIC_PRESET,
  halfMembershipWarnings,
  LOGISTIC_PRESETS,
  type CrispCalibration,
  type DirectCalibration,
  type IndirectCalibration,
  type LogisticPreset,
} from './calibrate.ts';
import { numericColumn, requireTableColumn } from './data.ts';

export type ColumnCalibration =
  | { method: 'direct'; anchors: [number, number, number]; preset: LogisticPreset }
  | { method: 'crisp'; thresholds: number[]; decreasing: boolean }
  | { method: 'indirect'; targets: string };

export interface CalibrationSpec {
  columns: Record<string, ColumnCalibration>;
}

export type CalibratedColumn = { column: string } & (
  | DirectCalibration
  | CrispCalibration
  | (IndirectCalibration & { targets: string })
);

export interface CalibrationResult {
  file: string;
  cases: string[];
  columns: CalibratedColumn[];
  warnings: Problem[];
}

const isNumArray = (v: unknown, n?: number): v is number[] =>
  Array.isArray(v) &&
  v.every((x) => typeof x === 'number' && Number.isFinite(x)) &&
  (n === undefined || v.length === n);

/**
 * Check a parsed spec; all problems are reported at once.
 * @example parseCalibrationSpec({ columns: { DEV: { method: 'direct', anchors: [400, 550, 900] } } }, 'calib.json')
 */
export function parseCalibrationSpec(raw: unknown, file: string): CalibrationSpec {
  const problems: Problem[] = [];
  const bad = (column: string, zh: string, en: string, fixZh: string, fixEn: string) =>
    problems.push({
      code: 'qca-calibration-spec',
      severity: 'error',
      file,
      column,
      message: bi(zh, en),
      fix: bi(fixZh, fixEn),
    });
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as { preset?: unknown; columns?: unknown };
  const preset = doc.preset ?? DEFAULT_LOGISTIC_PRESET;
  const isPreset = (p: unknown): p is LogisticPreset => typeof p === 'string' && p in LOGISTIC_PRESETS;
  if (!isPreset(preset))
    bad(
      'preset',
      `未知的 preset "${String(preset)}"`,
      `unknown preset "${String(preset)}"`,
      '使用 fsqca 或 qca',
      'use fsqca or qca',
    );
  const columns: Record<string, ColumnCalibration> = {};
  if (
    typeof doc.columns !== 'object' ||
    doc.columns === null ||
    Array.isArray(doc.columns) ||
    Object.keys(doc.columns).length === 0
  ) {
    bad(
      'columns',
      '缺少 columns（要校准的列）',
      'missing "columns" (the columns to calibrate)',
      '写成 {"columns": {"DEV": {"method": "direct", "anchors": [400, 550, 900]}}}',
      'write {"columns": {"DEV": {"method": "direct", "anchors": [400, 550, 900]}}}',
    );
  } else {
    for (const [col, c] of Object.entries(doc.columns as Record<string, Record<string, unknown>>)) {
      if (typeof c !== 'object' || c === null || Array.isArray(c)) {
        bad(
          col,
          `列 ${col} 的校准设置应为对象，而不是 ${JSON.stringify(c)}`,
          `the calibration of column ${col} must be an object, not ${JSON.stringify(c)}`,
          '例如 "DEV": {"method": "direct", "anchors": [400, 550, 900]}',
          'e.g. "DEV": {"method": "direct", "anchors": [400, 550, 900]}',
        );
        continue;
      }
      const method = c.method ?? 'direct';
      if (method === 'direct') {
        const p = c.preset ?? preset;
        if (!isNumArray(c.anchors, 3))
          bad(
            col,
            'direct 方法需要 anchors: [完全不隶属, 交叉点, 完全隶属]',
            'method direct needs anchors: [exclusion, crossover, inclusion]',
            '例如 "anchors": [400, 550, 900]',
            'e.g. "anchors": [400, 550, 900]',
          );
        else if (!isPreset(p))
          bad(
            col,
            `未知的 preset "${String(p)}"`,
            `unknown preset "${String(p)}"`,
            '使用 fsqca 或 qca',
            'use fsqca or qca',
          );
        else columns[col] = { method, anchors: c.anchors as [number, number, number], preset: p };
      } else if (method === 'crisp') {
        if (!isNumArray(c.thresholds) || c.thresholds.length === 0)
          bad(
            col,
            'crisp 方法需要 thresholds 数组',
            'method crisp needs a thresholds array',
            '例如 "thresholds": [550] 或 [550, 850]',
            'e.g. "thresholds": [550] or [550, 850]',
          );
        else columns[col] = { method, thresholds: c.thresholds, decreasing: c.decreasing === true };
      } else if (method === 'indirect') {
        if (typeof c.targets !== 'string')
          bad(
            col,
            'indirect 方法需要 targets（目标隶属度所在的列名）',
            'method indirect needs targets (the column of target memberships)',
            '例如 "targets": "DEV_target"',
            'e.g. "targets": "DEV_target"',
          );
        else columns[col] = { method, targets: c.targets };
      } else
        bad(
          col,
          `未知的校准方法 "${String(method)}"`,
          `unknown calibration method "${String(method)}"`,
          '使用 direct、crisp 或 indirect',
          'use direct, crisp or indirect',
        );
    }
  }
  if (problems.length) throw new XinzhiError(problems);
  return { columns };
}

/**
 * Calibrate the columns of a table named in the spec; memberships of exactly 0.5 become warnings.
 * @example calibrateTable(table, parseCalibrationSpec(spec, 'calib.json')).columns[0].memberships
 */
export function calibrateTable(table: RawTable, spec: CalibrationSpec, caseColumn?: string): CalibrationResult {
  const caseCol = caseColumn ?? (table.header.includes('case') ? 'case' : undefined);
  const cases =
    caseCol !== undefined
      ? (() => {
          const j = requireTableColumn(table, caseCol, bi('案例', 'case'));
          return table.rows.map((r) => String(r[j] ?? ''));
        })()
      : table.rows.map((_, i) => String(table.firstDataRow + i));
  const rows = table.rows.map((_, i) => table.firstDataRow + i);
  const columns: CalibratedColumn[] = Object.entries(spec.columns).map(([column, c]) => {
    const x = numericColumn(table, column, bi('校准', 'calibration'));
    if (c.method === 'direct')
      return {
        column,
        ...calibrateDirect(x, { exclusion: c.anchors[0], crossover: c.anchors[1], inclusion: c.anchors[2] }, c.preset),
      };
    if (c.method === 'crisp') return { column, ...calibrateCrisp(x, c.thresholds, c.decreasing) };
    return {
      column,
      targets: c.targets,
      ...calibrateIndirect(x, numericColumn(table, c.targets, bi('目标隶属度', 'target membership'))),
    };
  });
  const warnings = columns.flatMap((c) =>
    c.method === 'crisp' ? [] : halfMembershipWarnings(c.memberships, c.column, { file: table.name, rows, cases }),
  );
  return { file: table.name, cases, columns, warnings };
}

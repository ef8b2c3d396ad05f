/**
 * Input of `xinzhi analyze` commands: a panel file (CSV / XLSX / JSON, read by
 * the data adapters) or the results.json written by `xinzhi evaluate`, whose
 * node scores become columns (the composite is the column "index").
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { readPanelFile } from '../../io/read.ts';
import { readResultsJson } from '../../io/read-results-json.ts';
import { type Problem, XinzhiError, throwIfErrors } from '../../../core/errors.ts';
import type { Panel, Time } from '../../../core/panel/types.ts';
import { bi, type Bilingual, type Lang } from '../../../core/i18n.ts';
import { unitDisplayName } from '../../../core/geo/provinces.ts';
import { nbsRegions, nodeScoreColumns, type AnalysisSource } from '../../../core/analysis/inputs.ts';
import type { EvaluationResult, NodeScoreRow } from '../../../core/measure/result.ts';
import { numbersOrNulls } from '../../../core/stats/gather.ts';
import { textWidth } from '../util.ts';
import { LARGE_PANEL_UNITS } from '../../report/large-panel.ts';

/** Bilingual display names of columns (node / indicator ids of a results.json). */
export type ColumnNames = Record<string, Bilingual>;

/** The panel an analyze command reads, with the column names a results.json carries. */
export type AnalysisPanel = Panel & { names?: ColumnNames };

export interface InputOptions {
  data: string;
  unit?: string;
  time?: string;
  sheet?: string;
  /** Extra text columns to keep (e.g. a group column). */
  labels?: string[];
}

/** Add the shared input options to an analyze subcommand. */
export function inputOptions(cmd: Command): Command {
  return cmd
    .requiredOption(
      '--data <file>',
      'panel file (CSV/XLSX/JSON) or results.json of `xinzhi evaluate` / 面板数据文件或测度结果',
    )
    .option('--unit <col>', 'unit column / 单位列', undefined)
    .option('--time <col>', 'time column (omit for a cross-section) / 时间列', undefined)
    .option('--sheet <name>', 'XLSX sheet name / 工作表名称')
    .option('--lang <lang>', 'language of the output: zh | en / 输出语言')
    .option('--json', 'print one JSON document / 输出 JSON');
}

interface ResultsJson {
  scores: Array<{ unit: string; time: Time; score: number }>;
  nodeScores?: Array<{ node: string; unit: string; time: Time; score: number }>;
  record?: unknown;
}

function isBilingual(value: unknown): value is Bilingual {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Bilingual).zh === 'string' &&
    typeof (value as Bilingual).en === 'string'
  );
}

/**
 * Bilingual names of the ids of a results.json: "index" from record.spec.name
 * (else "综合指数 / composite index"), nodes from record.spec.nodes[].name,
 * indicators from indicators[].name. Ids without a name are left out.
 */
export function namesFromResult(result: unknown): ColumnNames {
  const doc = (typeof result === 'object' && result !== null ? result : {}) as {
    record?: { spec?: { name?: unknown; nodes?: unknown } };
    indicators?: unknown;
  };
  const names: ColumnNames = {};
  const specName = doc.record?.spec?.name;
  names.index = isBilingual(specName)
    ? { zh: specName.zh, en: specName.en }
    : { zh: '综合指数', en: 'composite index' };
  const add = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list as Array<{ id?: unknown; name?: unknown }>) {
      if (item && typeof item.id === 'string' && isBilingual(item.name))
        names[item.id] = { zh: item.name.zh, en: item.name.en };
    }
  };
  add(doc.record?.spec?.nodes);
  add(doc.indicators);
  return names;
}

/** Label of a column in one language: "新型劳动者 (laborer)" when it has a name, else the id. */
export function columnLabel(names: ColumnNames | undefined, id: string, lang: Lang): string {
  const name = names?.[id]?.[lang];
  return name && name !== id ? `${name} (${id})` : id;
}

/** `{names: {id: {zh, en}}}` for the given ids that have a name, or `{}` (for --json outputs). */
export function namesJson(names: ColumnNames | undefined, ids: string[]): { names?: ColumnNames } {
  const out: ColumnNames = {};
  for (const id of ids) if (names?.[id]) out[id] = names[id];
  return Object.keys(out).length ? { names: out } : {};
}

/** Unit label of the readable tables: the Chinese short name of a province in zh, else the unit as given. */
export function unitLabel(unit: string, lang: Lang): string {
  return lang === 'zh' ? unitDisplayName(unit, 'zh') : unit;
}

/**
 * The number of units when an analysis' per-unit rows are too many to read in
 * the terminal (more than LARGE_PANEL_UNITS, the reports' rule in
 * report/large-panel.ts), else undefined: the command then prints a summary
 * and `leftOutNote`.
 */
export function manyUnits(units: ArrayLike<string>): number | undefined {
  const n = new Set(Array.from(units)).size;
  return n > LARGE_PANEL_UNITS ? n : undefined;
}

/** The sentence under a summary that stands for every unit's rows. */
export function leftOutNote(units: number, rows: number): Bilingual {
  return bi(
    `共 ${units} 个单位、${rows} 行：此处不逐一列出各单位，--json 输出全部行。`,
    `${units} units, ${rows} rows: the units are not listed one by one here; --json prints every row.`,
  );
}

function isResultsJson(value: unknown): value is ResultsJson {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as ResultsJson).scores) && 'record' in value
  );
}

/**
 * The score entries of a results.json, checked once where they enter
 * `analyze`: each needs a unit (non-empty text), a time (text or number) and a
 * numeric score (node rows also a node id); there must be at least one.
 */
/** A results.json entry that is not what xinzhi evaluate writes: the entry named, and the fix. */
function resultEntryProblem(file: string, column: string, message: Bilingual): Problem {
  return {
    code: 'bad-results-entry',
    severity: 'error',
    file,
    column,
    message,
    fix: bi(
      '使用 xinzhi evaluate 写出的 results.json，或修正该条目',
      'use a results.json written by xinzhi evaluate, or correct the entry',
    ),
  };
}

export function checkResultEntries(result: ResultsJson, file: string): void {
  const rows: Array<{ list: string; entries: unknown[] }> = [
    { list: 'scores', entries: result.scores },
    ...(Array.isArray(result.nodeScores) ? [{ list: 'nodeScores', entries: result.nodeScores as unknown[] }] : []),
  ];
  const problems: Problem[] = [];
  const bad = (list: string, i: number, field: string, zh: string, en: string) =>
    problems.push(
      resultEntryProblem(
        file,
        `${list}[${i}].${field}`,
        bi(`${list}[${i}] 的 ${field} ${zh}`, `${list}[${i}].${field} ${en}`),
      ),
    );
  if (!result.scores.length)
    problems.push({
      code: 'bad-results-entry',
      severity: 'error',
      file,
      column: 'scores',
      message: bi('结果文件中没有得分', 'the results file has no scores'),
      fix: bi('先用 xinzhi evaluate 得到非空结果', 'run xinzhi evaluate on data with at least one unit first'),
    });
  for (const { list, entries } of rows)
    entries.forEach((e, i) => {
      if (problems.length >= 20) return;
      const x = (e ?? {}) as Record<string, unknown>;
      if (typeof x.unit !== 'string' || x.unit.trim() === '')
        bad(list, i, 'unit', '缺失或不是文本', 'is missing or not text');
      if (typeof x.time !== 'string' && typeof x.time !== 'number')
        bad(list, i, 'time', '缺失或不是文本/数字', 'is missing or not text / a number');
      if (typeof x.score !== 'number' || !Number.isFinite(x.score))
        bad(list, i, 'score', '不是有限数值', 'is not a finite number');
      if (list === 'nodeScores' && typeof x.node !== 'string')
        bad(list, i, 'node', '缺失或不是文本', 'is missing or not text');
    });
  if (problems.length) throw new XinzhiError(problems);
}

/** ±∞ in a panel read for `analyze` is an error naming the row and column, as `evaluate` refuses it (docs/data.md). */
export function refuseInfinite(panel: Panel): void {
  const problems: Problem[] = [];
  for (const [name, col] of Object.entries(panel.columns))
    for (let r = 0; r < col.length && problems.length < 20; r++)
      if (col[r] === Number.POSITIVE_INFINITY || col[r] === Number.NEGATIVE_INFINITY)
        problems.push({
          code: 'infinite-value',
          severity: 'error',
          ...(panel.source ? { file: panel.source } : {}),
          ...(panel.sourceRow ? { row: panel.sourceRow[r] } : {}),
          column: name,
          unit: panel.unit[r],
          time: panel.time[r],
          message: bi(`${name} 的值为无穷大`, `${name} is infinite`),
          fix: bi('改为有限数值，或留空作为缺失值', 'write a finite number, or leave the cell empty as missing'),
        });
  if (problems.length) throw new XinzhiError(problems);
}

/** Panel of node scores from an evaluation result: one column per node id (core nodeScoreColumns). */
export function panelFromResult(result: ResultsJson, source: string): Panel {
  const rows = result.nodeScores ?? result.scores.map((s) => ({ node: 'index', ...s }));
  const { unit, time, columns } = nodeScoreColumns({ nodeScores: rows as NodeScoreRow[] });
  return { unitKey: 'unit', timeKey: 'time', unit, time, columns, source };
}

/** Whether a parsed results.json has what the analysis runner reads. */
function isEvaluation(value: unknown): value is AnalysisSource {
  const v = value as Partial<AnalysisSource> | null;
  return (
    !!v &&
    Array.isArray(v.units) &&
    Array.isArray(v.times) &&
    Array.isArray(v.nodeScores) &&
    Array.isArray(v.nodeWeights) &&
    Array.isArray(v.indicators) &&
    !!v.normalized &&
    !!v.record?.spec
  );
}

/**
 * The evaluation of a results.json given as --data (for the core analysis
 * runner), with the names of its nodes; null when --data is another file.
 */
export async function readEvaluationInput(
  path: string,
): Promise<{ result: AnalysisSource; names: ColumnNames; source: string } | null> {
  if (!path.toLowerCase().endsWith('.json')) return null;
  let parsed: unknown;
  try {
    parsed = readResultsJson(path);
  } catch {
    return null; // readAnalysisInput reports unreadable files
  }
  if (!isResultsJson(parsed) || !isEvaluation(parsed)) return null;
  checkResultEntries(parsed, basename(path));
  const result = { ...parsed, normalized: normalizedColumns(parsed.normalized, basename(path)) };
  return { result, names: namesFromResult(parsed), source: basename(path) };
}

/**
 * The normalised values of a results.json as the columns an evaluation
 * holds (Float64Array; `null`, which results.json writes for a missing
 * value, becomes NaN): each must be an array of numbers or nulls, one per
 * row of `normalized.unit`; another entry is an error naming it.
 */
export function normalizedColumns(normalized: unknown, file: string): EvaluationResult['normalized'] {
  const n = normalized as { unit?: unknown; time?: unknown; values?: unknown };
  const problems: Problem[] = [];
  const bad = (column: string, zh: string, en: string) =>
    problems.push(resultEntryProblem(file, column, bi(`${column} ${zh}`, `${column} ${en}`)));
  const rows = Array.isArray(n.unit) ? n.unit.length : -1;
  if (rows < 0) bad('normalized.unit', '缺失或不是数组', 'is missing or not an array');
  if (!Array.isArray(n.time) || n.time.length !== rows)
    bad('normalized.time', '缺失或与 normalized.unit 长度不同', 'is missing or not as long as normalized.unit');
  const values: Record<string, Float64Array> = {};
  if (n.values === null || typeof n.values !== 'object' || Array.isArray(n.values))
    bad('normalized.values', '缺失或不是对象', 'is missing or not an object');
  else
    for (const [id, v] of Object.entries(n.values)) {
      const column = `normalized.values.${id}`;
      if (v instanceof Float64Array && v.length === rows) {
        values[id] = v; // read as numbers by parseResultsJson (null as NaN)
        continue;
      }
      if (!Array.isArray(v) || v.length !== rows) {
        bad(column, '不是与 normalized.unit 等长的数组', 'is not an array as long as normalized.unit');
        continue;
      }
      const col = numbersOrNulls(v);
      if (col) values[id] = col;
      else {
        const i = v.findIndex((x) => typeof x !== 'number' && x !== null);
        bad(`${column}[${i}]`, '不是数值或 null', 'is not a number or null');
      }
    }
  if (problems.length) throw new XinzhiError(problems.slice(0, 20));
  return { unit: n.unit as string[], time: n.time as Time[], values };
}

/** Read the input of an analyze command (with the column names of a results.json). */
export async function readAnalysisInput(opts: InputOptions): Promise<AnalysisPanel> {
  if (opts.data.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = readResultsJson(opts.data);
    } catch (err) {
      throw new XinzhiError({
        code: 'bad-json',
        severity: 'error',
        file: basename(opts.data),
        message: { zh: `无法读取 JSON：${(err as Error).message}`, en: `cannot read JSON: ${(err as Error).message}` },
        fix: { zh: '检查文件路径与 JSON 语法', en: 'check the path and the JSON syntax' },
      });
    }
    if (isResultsJson(parsed)) {
      checkResultEntries(parsed, basename(opts.data));
      return { ...panelFromResult(parsed, basename(opts.data)), names: namesFromResult(parsed) };
    }
  }
  if (!opts.unit) {
    throw new XinzhiError({
      code: 'missing-option',
      severity: 'error',
      file: basename(opts.data),
      message: { zh: '缺少单位列', en: 'the unit column is not given' },
      fix: { zh: '用 --unit <列名> 指定单位列', en: 'name it with --unit <column>' },
    });
  }
  const { panel, problems } = await readPanelFile(opts.data, {
    unit: opts.unit,
    time: opts.time ?? null,
    sheet: opts.sheet,
    labels: opts.labels,
  });
  throwIfErrors(problems);
  refuseInfinite(panel);
  return panel;
}

/** The error of an option value that is not allowed, with how to fix it. */
export function badOption(name: string, value: string, fix: Bilingual): XinzhiError {
  return new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: { zh: `${name} 的值 "${value}" 无效`, en: `invalid value "${value}" for ${name}` },
    fix,
  });
}

/** A numeric column of the panel, or an error listing the available ones. */
export function requireColumn(panel: Panel, name: string, option = '--value'): Float64Array {
  const col = panel.columns[name];
  if (col) return col;
  throw new XinzhiError({
    code: 'unknown-column',
    severity: 'error',
    file: panel.source,
    column: name,
    message: { zh: `数据中没有数值列 "${name}"`, en: `no numeric column "${name}" in the data` },
    fix: {
      zh: `${option} 可选：${Object.keys(panel.columns).join(', ')}`,
      en: `${option} can be one of: ${Object.keys(panel.columns).join(', ')}`,
    },
  });
}

/** A text (label) column of the panel, e.g. a group. */
export function requireLabel(panel: Panel, name: string, option = '--group'): string[] {
  const col = panel.labels?.[name];
  if (col) return col;
  throw new XinzhiError({
    code: 'unknown-column',
    severity: 'error',
    file: panel.source,
    column: name,
    message: { zh: `数据中没有文本列 "${name}"`, en: `no text column "${name}" in the data` },
    fix: {
      zh: `${option} 需为文本列；可选：${Object.keys(panel.labels ?? {}).join(', ') || '（无）'}`,
      en: `${option} must be a text column; available: ${Object.keys(panel.labels ?? {}).join(', ') || '(none)'}`,
    },
  });
}

// ------------------------------------------------------------------------
// Observation input (gini, theil, kde, coupling): the unit column is
// optional; without it every row is one observation with a synthetic unit
// "row N" (N = the spreadsheet row). Groups can come from a text column or,
// with --group region, from the province names / GB codes of the unit column.

/** Synthetic unit column used when --unit is not given. */
export const ROW_UNIT = '(row)';

/**
 * Read the input of a distribution command. With --unit (or a results.json),
 * as readAnalysisInput; without it, rows are observations identified by
 * their spreadsheet row. `labels` are text columns to keep (e.g. the group).
 */
export async function readObservationInput(opts: InputOptions, labels: string[] = []): Promise<AnalysisPanel> {
  if (opts.data.toLowerCase().endsWith('.json')) {
    try {
      return await readAnalysisInput({ ...opts, labels: [...(opts.labels ?? []), ...labels] });
    } catch (err) {
      // A .json data table (not a results.json) without --unit: read it as a table below.
      if (!(err instanceof XinzhiError && err.problems[0]?.code === 'missing-option')) throw err;
    }
  }
  const { readTableFile } = await import('../../io/read.ts');
  const { tableToPanel } = await import('../../../core/panel/from-table.ts');
  const table = await readTableFile(opts.data, opts.sheet !== undefined ? { sheet: opts.sheet } : {});
  // "region" may be derived from province units (requireGroup), so it is only read when present.
  const keep = [...(opts.labels ?? []), ...labels].filter(
    (l) => l !== opts.time && l !== opts.unit && (l.toLowerCase() !== 'region' || table.header.includes(l)),
  );
  if (opts.unit) {
    const { panel, problems } = tableToPanel(table, { unit: opts.unit, time: opts.time ?? null, labels: keep });
    throwIfErrors(problems);
    return panel;
  }
  // each row a unit named by its spreadsheet row, read from the table as it is (a firm CSV stays a compact grid)
  const { panel, problems } = tableToPanel(table, {
    unit: ROW_UNIT,
    rowUnits: true,
    time: opts.time ?? null,
    labels: keep,
  });
  throwIfErrors(problems);
  return panel;
}

/** Times of the panel rows, or null for a cross-section. */
export function panelTimes(panel: Panel): Time[] | null {
  return panel.timeKey === null ? null : panel.time;
}

/**
 * Group labels: a text column, or for --group region (when the data has no
 * such column) the NBS four-region division looked up from the unit names or
 * GB codes (an error lists the units that are not provinces).
 */
export async function requireGroup(panel: Panel, name: string, option = '--group'): Promise<string[]> {
  const col = panel.labels?.[name];
  if (col) return col;
  if (name.toLowerCase() === 'region' && panel.unitKey !== ROW_UNIT) {
    const { regions, unmatched } = nbsRegions(panel.unit);
    const unknown = new Set(unmatched);
    if (unknown.size === 0) return regions as string[];
    throw new XinzhiError({
      code: 'unknown-province',
      severity: 'error',
      file: panel.source,
      column: panel.unitKey,
      message: {
        zh: `无法从单位推断地区，以下不是省份名称或代码：${[...unknown].slice(0, 10).join(', ')}`,
        en: `cannot derive the region from the units; not province names or codes: ${[...unknown].slice(0, 10).join(', ')}`,
      },
      fix: {
        zh: '在数据中加入 region 文本列，或用 --group 指定分组列',
        en: 'add a region text column to the data, or name a group column with --group',
      },
    });
  }
  if (name.toLowerCase() === 'region' && panel.unitKey === ROW_UNIT) {
    throw new XinzhiError({
      code: 'unknown-column',
      severity: 'error',
      file: panel.source,
      column: name,
      message: {
        zh: '数据中没有 region 列，且未给出单位列，无法按省份推断地区',
        en: 'the data has no region column and no unit column to derive the region from province names',
      },
      fix: {
        zh: '加上 --unit <省份列>（如 --unit Province），或在数据中加入 region 列',
        en: 'add --unit <province column> (e.g. --unit Province), or add a region column to the data',
      },
    });
  }
  return requireLabel(panel, name, option);
}

/** Location of a panel row for error messages. */
export function panelLocate(panel: Panel): (r: number) => { file?: string; row?: number; unit?: string; time?: Time } {
  return (r) => {
    const w: { file?: string; row?: number; unit?: string; time?: Time } = {};
    if (panel.source !== undefined) w.file = panel.source;
    if (panel.sourceRow?.[r] !== undefined) w.row = panel.sourceRow[r];
    if (panel.unitKey !== ROW_UNIT) w.unit = panel.unit[r];
    if (panel.timeKey !== null) w.time = panel.time[r];
    return w;
  };
}

/** A plain-text table for the terminal (columns padded; CJK characters count double). */
export function textTable(
  headers: string[],
  rows: Array<Array<string | number | null | undefined>>,
  digits = 4,
): string {
  const fmt = (v: string | number | null | undefined) =>
    v === null || v === undefined
      ? '—'
      : typeof v === 'number'
        ? Number.isFinite(v)
          ? Number.isInteger(v) && Math.abs(v) < 1e15
            ? String(v)
            : v.toFixed(digits)
          : '—'
        : v;
  const cells = [headers, ...rows.map((r) => r.map(fmt))];
  const widths = headers.map((_, j) => Math.max(...cells.map((r) => textWidth(r[j] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, j) => c + ' '.repeat(widths[j] - textWidth(c)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('──');
  return [rule, line(cells[0]), rule, ...cells.slice(1).map(line), rule].join('\n');
}

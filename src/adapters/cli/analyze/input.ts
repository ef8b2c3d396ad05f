/**
 * Input of `xinzhi analyze` commands: a panel file (CSV / XLSX / JSON, read by
 * the data adapters) or the results.json written by `xinzhi evaluate`, whose
 * node scores become columns (the composite is the column "index").
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { readPanelFile } from '../../io/read.ts';
import { XinzhiError, throwIfErrors } from '../../../core/errors.ts';
import type { Panel, Time } from '../../../core/panel/types.ts';

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
    .requiredOption('--data <file>', 'panel file (CSV/XLSX/JSON) or results.json of `xinzhi evaluate` / 面板数据文件或测度结果')
    .option('--unit <col>', 'unit column / 单位列', undefined)
    .option('--time <col>', 'time column (omit for a cross-section) / 时间列', undefined)
    .option('--sheet <name>', 'XLSX sheet name / 工作表名称')
    .option('--lang <lang>', 'zh | en')
    .option('--json', 'print one JSON document / 输出 JSON');
}

interface ResultsJson {
  scores: Array<{ unit: string; time: Time; score: number }>;
  nodeScores?: Array<{ node: string; unit: string; time: Time; score: number }>;
  record?: unknown;
}

function isResultsJson(value: unknown): value is ResultsJson {
  return typeof value === 'object' && value !== null && Array.isArray((value as ResultsJson).scores) && 'record' in value;
}

/** Panel of node scores from an evaluation result: one column per node id. */
export function panelFromResult(result: ResultsJson, source: string): Panel {
  const rows = result.nodeScores ?? result.scores.map((s) => ({ node: 'index', ...s }));
  const key = (u: string, t: Time) => `${u}\u0000${t}`;
  const index = new Map<string, number>();
  const unit: string[] = [];
  const time: Time[] = [];
  for (const r of rows) {
    const k = key(r.unit, r.time);
    if (!index.has(k)) {
      index.set(k, unit.length);
      unit.push(r.unit);
      time.push(r.time);
    }
  }
  const columns: Record<string, Float64Array> = {};
  for (const r of rows) {
    const col = (columns[r.node] ??= new Float64Array(unit.length).fill(NaN));
    col[index.get(key(r.unit, r.time))!] = r.score === null ? NaN : r.score;
  }
  return { unitKey: 'unit', timeKey: 'time', unit, time, columns, source };
}

/** Read the input of an analyze command. */
export async function readAnalysisInput(opts: InputOptions): Promise<Panel> {
  if (opts.data.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(opts.data, 'utf8'));
    } catch (err) {
      throw new XinzhiError({
        code: 'bad-json', severity: 'error', file: basename(opts.data),
        message: { zh: `无法读取 JSON：${(err as Error).message}`, en: `cannot read JSON: ${(err as Error).message}` },
        fix: { zh: '检查文件路径与 JSON 语法', en: 'check the path and the JSON syntax' },
      });
    }
    if (isResultsJson(parsed)) return panelFromResult(parsed, basename(opts.data));
  }
  if (!opts.unit) {
    throw new XinzhiError({
      code: 'missing-option', severity: 'error', file: basename(opts.data),
      message: { zh: '缺少单位列', en: 'the unit column is not given' },
      fix: { zh: '用 --unit <列名> 指定单位列', en: 'name it with --unit <column>' },
    });
  }
  const { panel, problems } = await readPanelFile(opts.data, {
    unit: opts.unit, time: opts.time ?? null, sheet: opts.sheet, labels: opts.labels,
  });
  throwIfErrors(problems);
  return panel;
}

/** A numeric column of the panel, or an error listing the available ones. */
export function requireColumn(panel: Panel, name: string, option = '--value'): Float64Array {
  const col = panel.columns[name];
  if (col) return col;
  throw new XinzhiError({
    code: 'unknown-column', severity: 'error', file: panel.source, column: name,
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
    code: 'unknown-column', severity: 'error', file: panel.source, column: name,
    message: { zh: `数据中没有文本列 "${name}"`, en: `no text column "${name}" in the data` },
    fix: {
      zh: `${option} 需为文本列；可选：${Object.keys(panel.labels ?? {}).join(', ') || '（无）'}`,
      en: `${option} must be a text column; available: ${Object.keys(panel.labels ?? {}).join(', ') || '(none)'}`,
    },
  });
}

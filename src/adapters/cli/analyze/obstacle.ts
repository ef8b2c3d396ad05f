/**
 * `xinzhi analyze obstacle`: obstacle degree of indicators and dimensions
 * per unit and time, with the top-k obstacles of each unit.
 *
 * Input: a results.json of `xinzhi evaluate` (normalised values, global
 * weights — per time under weights.panel = by-time —, dimensions = first-level
 * nodes, shift of the normalisation), or a panel of normalised values with
 * --weights FILE (JSON {"<column>": w, ...} or CSV with columns
 * indicator,weight[,dimension]) and --shift s (default 0).
 * --json prints {"ideal", "level", "top", "indicators", "dimensions",
 * "rows": [{unit, time, indicators: {id: O}, dimensions: {id: O},
 * contributions: {id: C}, dimensionContributions: {id: C}, gap, atIdeal,
 * top: [{id, obstacle}], tieAtK, mainDimension}], "mean": [{time, indicators, dimensions,
 * contributions, dimensionContributions, gap}], "names"?: {id: {zh, en}}}
 * with obstacles as shares (×100 = %) and contributions unnormalised
 * (C = w (e − x'), in index points; gap = Σ C); names of the indicators and
 * dimensions come from a results.json. The rows are made and written one
 * at a time (printJson with lazyRows): a firm panel's run to gigabytes as records.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  ANALYSIS_DEFAULTS,
  obstacleRunOf,
  obstacleRunRow,
  obstacleRunRows,
  resolveAnalysisOptions,
  runAnalysis,
  type ObstacleRun,
} from '../../../core/analysis/runner.ts';
import { obstacleDegree, obstacleRowCount, topObstacleCounts } from '../../../core/analysis/obstacle.ts';
import { XinzhiError } from '../../../core/errors.ts';
import { both, bi } from '../../../core/i18n.ts';
import { lazyRows, pickLang, printJson } from '../util.ts';
import {
  badOption,
  columnLabel,
  inputOptions,
  leftOutNote,
  manyUnits,
  namesJson,
  panelTimes,
  readAnalysisInput,
  readEvaluationInput,
  requireColumn,
  textTable,
  unitLabel,
  type InputOptions,
} from './input.ts';

interface ObstacleCliOptions extends InputOptions {
  top: string;
  level: string;
  weights?: string;
  shift: string;
  ideal?: string;
  lang?: string;
  json?: boolean;
}

/** Weights file: JSON object {"col": w} or CSV indicator,weight[,dimension]. */
export async function readWeightsFile(
  path: string,
): Promise<{ weights: Record<string, number>; dimensionOf?: Record<string, string> }> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new XinzhiError({
      code: 'file-not-found',
      severity: 'error',
      file: path,
      message: bi(`无法读取权重文件：${(e as Error).message}`, `cannot read the weights file: ${(e as Error).message}`),
      fix: bi('检查路径', 'check the path'),
    });
  }
  const fail = (zh: string, en: string, row?: number) =>
    new XinzhiError({
      code: 'bad-weights',
      severity: 'error',
      file,
      row,
      message: bi(zh, en),
      fix: bi(
        'JSON：{"指标列": 权重, ...}；CSV：indicator,weight[,dimension]',
        'JSON: {"column": weight, ...}; CSV: indicator,weight[,dimension]',
      ),
    });
  if (file.toLowerCase().endsWith('.json')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw fail(`JSON 语法错误：${(e as Error).message}`, `JSON syntax error: ${(e as Error).message}`);
    }
    const obj = (
      doc && typeof doc === 'object' && 'weights' in (doc as object) ? (doc as { weights: unknown }).weights : doc
    ) as Record<string, unknown>;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
      throw fail('须为对象 {"列名": 权重}', 'must be an object {"column": weight}');
    const weights: Record<string, number> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v !== 'number' || !(v >= 0))
        throw fail(`指标 "${k}" 的权重不是非负数`, `the weight of "${k}" is not a non-negative number`);
      weights[k] = v;
    }
    return { weights };
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((s) => s.trim().toLowerCase());
  const iw = header.indexOf('weight');
  const ii = header.indexOf('indicator');
  const id = header.indexOf('dimension');
  if (ii < 0 || iw < 0)
    throw fail('CSV 需要 indicator 与 weight 两列', 'the CSV needs the columns indicator and weight', 1);
  const weights: Record<string, number> = {};
  const dimensionOf: Record<string, string> = {};
  lines.slice(1).forEach((line, k) => {
    const cells = line.split(',').map((s) => s.trim());
    const w = Number(cells[iw]);
    if (!(w >= 0))
      throw fail(`权重 "${cells[iw]}" 不是非负数`, `weight "${cells[iw]}" is not a non-negative number`, k + 2);
    weights[cells[ii]] = w;
    if (id >= 0 && cells[id]) dimensionOf[cells[ii]] = cells[id];
  });
  return { weights, dimensionOf: id >= 0 ? dimensionOf : undefined };
}

export async function runObstacle(opts: ObstacleCliOptions) {
  const k = Number(opts.top);
  if (!Number.isInteger(k) || k < 1)
    throw badOption('--top', opts.top, bi('须为正整数，例如 5', 'a positive integer, e.g. 5'));
  if (opts.level !== 'indicator' && opts.level !== 'dimension')
    throw badOption('--level', opts.level, bi('使用 indicator 或 dimension', 'use indicator or dimension'));
  const ideal = opts.ideal !== undefined ? Number(opts.ideal) : undefined;
  if (ideal !== undefined && !(ideal > 0))
    throw badOption('--ideal', opts.ideal!, bi('须为正数，例如 1.0001', 'a positive number, e.g. 1.0001'));
  const level = opts.level as 'indicator' | 'dimension';
  if (!opts.weights) {
    // a results.json: the core runner
    const ev = await readEvaluationInput(opts.data);
    if (!ev) {
      throw new XinzhiError({
        code: 'bad-input',
        severity: 'error',
        file: basename(opts.data),
        message: bi(
          '该文件不是含标准化值与权重的测度结果',
          'this file is not an evaluation result with normalised values and weights',
        ),
        fix: bi(
          '给出 xinzhi evaluate 写出的 results.json，或对标准化面板使用 --weights FILE',
          'give the results.json written by xinzhi evaluate, or use --weights FILE with a normalised panel',
        ),
      });
    }
    const run = runAnalysis(ev.result, 'obstacle', { obstacle: { top: k, level, ideal: ideal ?? 'range' } });
    return { run, names: namesJson(ev.names, [...run.result.indicators, ...run.result.dimensions]) };
  }
  const shift = Number(opts.shift);
  if (!(shift >= 0)) throw badOption('--shift', opts.shift, bi('须为非负数', 'a non-negative number'));
  const { weights, dimensionOf } = await readWeightsFile(opts.weights);
  const panel = await readAnalysisInput(opts);
  const ids = Object.keys(weights);
  const values = ids.map((id) => requireColumn(panel, id, '--weights'));
  const result = obstacleDegree({
    indicators: ids,
    unit: panel.unit,
    time: panelTimes(panel),
    values,
    weights: ids.map((id) => weights[id]),
    dimensionOf,
    shift,
    ideal,
    file: panel.source,
  });
  const run = obstacleRunOf(result, resolveAnalysisOptions({ obstacle: { top: k, level, ideal: ideal ?? 'range' } }));
  return { run, names: namesJson(panel.names, [...result.indicators, ...result.dimensions]) };
}

/** The --json document of a run: every row with its top k, each made as it is written (a firm panel's rows run to gigabytes as records). */
function printObstacleJson(run: ObstacleRun, names: ReturnType<typeof namesJson>): void {
  const ob = run.result;
  const { top, level } = run.options.obstacle;
  printJson({
    ideal: ob.ideal,
    level,
    top,
    indicators: ob.indicators,
    dimensions: ob.dimensions,
    rows: lazyRows(obstacleRowCount(ob), (r) => obstacleRunRow(run, r)),
    mean: run.mean,
    ...names,
  });
}

export function registerObstacle(analyze: Command): void {
  inputOptions(analyze.command('obstacle').description('Obstacle degree of indicators and dimensions / 障碍度模型'))
    .option('--top <k>', 'top-k obstacles per unit / 每个单位的前 k 个障碍因子', String(ANALYSIS_DEFAULTS.obstacle.top))
    .option('--level <level>', 'indicator | dimension / 层级', ANALYSIS_DEFAULTS.obstacle.level)
    .option(
      '--weights <file>',
      'with a panel of normalised values: weights JSON or CSV (indicator,weight[,dimension]) / 权重文件',
    )
    .option('--shift <s>', 'shift of the normalisation of the panel (ideal = 1 + s) / 标准化平移量', '0')
    .option('--ideal <e>', 'ideal normalised value (default 1 + shift) / 理想值')
    .action(async (opts: ObstacleCliOptions) => {
      const lang = pickLang(opts.lang);
      const { run, names } = await runObstacle(opts);
      if (opts.json) {
        printObstacleJson(run, names);
        return;
      }
      const ob = run.result;
      const { top, level } = run.options.obstacle;
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      const ids = level === 'indicator' ? ob.indicators : ob.dimensions;
      const key = level === 'indicator' ? 'indicators' : 'dimensions';
      const out = [
        both(
          bi(
            `障碍度（%，${level === 'indicator' ? '指标层' : '维度层'}，理想值 e = ${ob.ideal}）`,
            `Obstacle degree (%, ${level} level, ideal e = ${ob.ideal})`,
          ),
        ),
      ];
      out.push(
        textTable(
          [h('时间', 'time'), ...ids.map((id) => columnLabel(names.names, id, lang))],
          run.mean.map((m) => [m.time ?? '', ...ids.map((id) => 100 * m[key][id])]),
          2,
        ),
      );
      const ckey = level === 'indicator' ? 'contributions' : 'dimensionContributions';
      out.push(
        '',
        both(
          bi(
            '未归一化的障碍贡献 C = w(e − x′)（指数点，均值；合计为与理想值的加权差距）',
            'Unnormalised obstacle contributions C = w(e − x′) (index points, means; the total is the weighted gap to the ideal)',
          ),
        ),
        textTable(
          [h('时间', 'time'), ...ids.map((id) => columnLabel(names.names, id, lang)), h('合计', 'total')],
          run.mean.map((m) => [m.time ?? '', ...ids.map((id) => m[ckey][id]), m.gap]),
          4,
        ),
      );
      const units = manyUnits(ob.unit);
      if (units !== undefined) {
        // a large panel: how often each factor is among the units' top k in the last period
        const last = run.mean[run.mean.length - 1];
        const counts = topObstacleCounts(obstacleRunRows(run, last.time), ids, last.time);
        const when = last.time === null ? '' : `（${last.time}）`;
        out.push(
          '',
          both(
            bi(
              `各因子位列单位前 ${top} 个障碍因子的次数${when}`,
              `How often each factor is among a unit's top ${top} obstacles${when ? ` (${last.time})` : ''}`,
            ),
          ),
          textTable(
            [
              h('因子', 'factor'),
              h('单位数', 'units'),
              h('占比（%）', 'share (%)'),
              h('平均障碍度（%）', 'mean obstacle (%)'),
            ],
            counts.map((c) => [
              columnLabel(names.names, c.id, lang),
              c.count,
              (100 * c.share).toFixed(2),
              (100 * last[key][c.id]).toFixed(2),
            ]),
            2,
          ),
          leftOutNote(units, obstacleRowCount(ob))[lang],
        );
        process.stdout.write(out.join('\n') + '\n');
        return;
      }
      out.push('', both(bi(`各单位前 ${top} 个障碍因子`, `Top ${top} obstacles per unit`)));
      out.push(
        textTable(
          [h('单位', 'unit'), h('时间', 'time'), h('障碍因子（%）', 'obstacles (%)')],
          obstacleRunRows(run).map((x) => [
            unitLabel(x.unit, lang),
            x.time ?? '',
            x.top.map((t) => `${columnLabel(names.names, t.id, lang)} ${(100 * t.obstacle).toFixed(2)}`).join('; ') +
              (x.tieAtK ? h('（第 k 位并列）', ' (tie at k)') : ''),
          ]),
        ),
      );
      process.stdout.write(out.join('\n') + '\n');
    });
}

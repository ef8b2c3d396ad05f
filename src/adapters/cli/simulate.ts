/**
 * `xinzhi simulate --model FILE|seed000 [--scenario IDS] [--json]`: run a
 * system-dynamics model (XMILE, Stella .stmx, Vensim .mdl, or the shipped
 * seed-000 loop) and print its series or compare named scenarios.
 * --json prints {"model", "file", "specs", "time": [...], "series": {"<name as in
 * the model>": [...]}, "summary": {...}} and, with --scenario, "scenarios":
 * [{"id", "name", "set", "time", "series", "summary"}] (top-level time and
 * series are then those of the first scenario); with --loops, "loopDominance":
 * {"method", "time", "loops": [{"id", "variables", "polarity", "score", "relative"}],
 * "dominant", "phases": [{"from", "to", "loop"}]}; with --monte-carlo N --vary name=min:max,
 * "monteCarlo": {"runs", "seed", "parameters", "draws", "time", "bands": {"<name>": {"mean",
 * "quantiles": {"0.05", "0.5", "0.95"}}}}; --sweep name=v1,v2 runs one scenario per value;
 * --calibrate DATA --fit name=min:max adds "calibration": {"parameters": [{name, min, max,
 * start, estimate}], "sse", "rmse", "n", "r2", "iterations", "converged", "fitted", "data", "missing"}.
 */
import type { Command } from 'commander';
import { formatProblem, XinzhiError } from '../../core/errors.ts';
import { bi, both, type Lang } from '../../core/i18n.ts';
import {
  applyScenario,
  calibrate,
  compileModel,
  dominancePhases,
  loopDominance,
  monteCarlo,
  type CalibrationResult,
  type Observation,
  runScenarios,
  type LoopDominanceResult,
  type MonteCarloResult,
  type ParameterRange,
  type Scenario,
  type ScenarioRun,
  type SdModel,
  type SimulateOptions,
} from '../../core/simulate/index.ts';
import { readModelFile, readScenarioFile } from '../io/read-model.ts';
import { readTableFile } from '../io/read.ts';
import { textTable } from './analyze/input.ts';
import { badOption, pickLang, printJson } from './util.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';
import { initialFromAssessment, initialFromIndex, type InitialValues } from '../../core/simulate/initial-values.ts';
import { BUILTIN_INSTRUMENT } from '../../core/assess/instrument.ts';
import { checkAssessmentInput } from '../../core/assess/input.ts';
import { scoreAssessment } from '../../core/assess/score.ts';
import { assessmentStructure } from '../../core/assess/structure.ts';
import { loadFramework } from '../../core/framework/model.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { readResultsJson } from '../io/read-results-json.ts';

interface SimulateCliOptions {
  model: string;
  scenario?: string;
  scenarios?: string;
  set?: string[];
  method?: string;
  dt?: string;
  saveper?: string;
  stop?: string;
  threshold?: string[];
  loops?: boolean;
  sweep?: string;
  monteCarlo?: string;
  maxSteps?: string;
  maxRuns?: string;
  vary?: string[];
  seed?: string;
  calibrate?: string;
  fit?: string[];
  initAssessment?: string;
  initIndex?: string;
  initUnit?: string;
  initTime?: string;
  initMap?: string[];
  lang?: string;
  json?: boolean;
}

/**
 * The results.json of --init-index: a .json file read piece by piece (a firm
 * panel's file may be larger than one string can hold); a file that cannot
 * be read that way (a byte order mark, bad JSON, YAML) goes to loadSpecFile,
 * which reads it or names the problem with its line and column.
 */
async function readIndexFile(file: string): Promise<unknown> {
  if (/\.json$/i.test(file))
    try {
      return readResultsJson(file);
    } catch {
      // loadSpecFile below gives the error
    }
  return loadSpecFile(file, '--init-index');
}

/** Initial stock values from --init-assessment (seed-000 paths) or --init-index (node scores of one unit and time). */
async function initialValues(opts: SimulateCliOptions, model: SdModel): Promise<InitialValues | undefined> {
  let init: InitialValues | undefined;
  if (opts.initAssessment !== undefined && opts.initIndex !== undefined)
    throw badOption(
      '--init-index',
      opts.initIndex,
      bi('--init-assessment 与 --init-index 只能用一个', 'use --init-assessment or --init-index, not both'),
    );
  if (opts.initAssessment !== undefined) {
    const file = opts.initAssessment;
    const input = checkAssessmentInput(await loadSpecFile(file, '--init-assessment'), file);
    try {
      const scores = scoreAssessment(BUILTIN_INSTRUMENT, input.answers, assessmentStructure(loadFramework()), {
        excludedPaths: input.excludedPaths,
      });
      init = initialFromAssessment(scores);
    } catch (err) {
      if (err instanceof XinzhiError) throw new XinzhiError(err.problems.map((p) => ({ ...p, file })));
      throw err;
    }
  }
  if (opts.initIndex !== undefined) {
    const file = opts.initIndex;
    if (opts.initUnit === undefined || !opts.initMap?.length)
      throw badOption(
        '--init-index',
        file,
        bi(
          '同时给出 --init-unit 单位、--init-map 存量=节点（以及面板的 --init-time 时间）',
          'give --init-unit UNIT and --init-map stock=node (and --init-time T for a panel) too',
        ),
      );
    const result = (await readIndexFile(file)) as Parameters<typeof initialFromIndex>[0];
    const spec = result?.record?.spec;
    if (
      !Array.isArray(result?.nodeScores) ||
      typeof spec?.score?.scale !== 'number' ||
      typeof spec?.normalize?.method !== 'string' ||
      (spec.normalize.method === 'minmax' && typeof spec.normalize.shift !== 'number')
    )
      throw new XinzhiError({
        code: 'bad-file',
        severity: 'error',
        file,
        message: bi(
          '不是 xinzhi evaluate 的 results.json（缺 nodeScores，或 record.spec 缺 score.scale / normalize）',
          'not a results.json of xinzhi evaluate (no nodeScores, or no score.scale / normalize in record.spec)',
        ),
        fix: bi(
          '用 xinzhi evaluate --out 目录 写出的 results.json',
          'use the results.json written by xinzhi evaluate --out DIR',
        ),
      });
    try {
      init = initialFromIndex(result, {
        unit: opts.initUnit,
        time: opts.initTime ?? null,
        map: Object.fromEntries(assignments('--init-map', opts.initMap)),
      });
    } catch (err) {
      if (err instanceof XinzhiError) throw new XinzhiError(err.problems.map((p) => ({ ...p, file })));
      throw err;
    }
  }
  if (init) {
    const stocks = new Set(model.variables.filter((v) => v.kind === 'stock').map((v) => v.name));
    const absent = Object.keys(init.set).filter((n) => !stocks.has(n));
    if (absent.length)
      throw new XinzhiError({
        code: 'bad-option',
        severity: 'error',
        column: absent.join(', '),
        message: bi(`模型中没有存量 ${absent.join(', ')}`, `the model has no stock ${absent.join(', ')}`),
        fix: bi(
          '--init-assessment 面向内置 seed000 模型的三条路径存量；其他模型请用 --init-map 或 --set',
          '--init-assessment targets the three path stocks of the shipped seed000 model; for other models use --init-map or --set',
        ),
      });
  }
  return init;
}

function positive(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x)) throw badOption(option, value, bi('给出一个数', 'give a number'));
  return x;
}

/** --max-steps / --max-runs: a positive whole number that lifts a stated limit (docs/limits.md). */
function limitOption(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isInteger(x) || x < 1)
    throw badOption(
      option,
      value,
      bi(`给出正整数，例如 ${option} 2000000`, `give a positive whole number, e.g. ${option} 2000000`),
    );
  return x;
}

/** "name=value" pairs from a repeatable option. */
function assignments(option: string, list: string[] = []): Array<[string, string]> {
  return list.map((a) => {
    const i = a.indexOf('=');
    if (i <= 0) throw badOption(option, a, bi('写成 变量名=值', 'write it as name=value'));
    return [a.slice(0, i).trim(), a.slice(i + 1).trim()];
  });
}

export interface SimulateRun {
  model: SdModel;
  path: string;
  runs: ScenarioRun[];
  fromScenarios: boolean;
  /** Loop dominance of the first run (with --loops). */
  loops?: LoopDominanceResult;
  /** Monte Carlo bands (with --monte-carlo). */
  monteCarlo?: MonteCarloResult;
  /** Fit to observed data (with --calibrate). */
  calibration?: CalibrationResult & { data: string; missing: number };
  /** Initial values taken from a self-assessment or an index (with --init-assessment / --init-index). */
  initial?: InitialValues['sources'];
}

/** Observed trajectories from a table: a "time" column (else the first) and one column per variable. */
async function readObservations(path: string): Promise<{ observations: Observation[]; missing: number }> {
  const table = await readTableFile(path);
  const timeCol = Math.max(
    0,
    table.header.findIndex((h) => h.trim().toLowerCase() === 'time'),
  );
  const num = (v: string | number | null, r: number, col: string): number | null => {
    if (v === null || v === '') return null;
    const x = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isFinite(x)) {
      throw new XinzhiError({
        code: 'non-numeric',
        severity: 'error',
        file: path,
        row: table.firstDataRow + r,
        column: col,
        message: bi(`"${v}" 不是数值`, `"${v}" is not a number`),
        fix: bi('只填数值，缺失留空', 'enter numbers only; leave missing cells empty'),
      });
    }
    return x;
  };
  let missing = 0;
  const observations: Observation[] = [];
  table.header.forEach((col, j) => {
    if (j === timeCol) return;
    const time: number[] = [];
    const values: number[] = [];
    table.rows.forEach((row, r) => {
      const t = num(row[timeCol], r, table.header[timeCol]);
      const y = num(row[j], r, col);
      if (t === null || y === null) {
        missing++;
        return;
      }
      time.push(t);
      values.push(y);
    });
    observations.push({ variable: col.trim(), time, values, file: path });
  });
  return { observations, missing };
}

/** `name=v1,v2,v3`: one scenario per value (a one-parameter sensitivity sweep). */
function sweepScenarios(spec: string): Scenario[] {
  const [[name, values]] = assignments('--sweep', [spec]);
  const xs = values
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (xs.length === 0 || xs.some((x) => !Number.isFinite(Number(x)))) {
    throw badOption('--sweep', spec, bi('写成 变量名=值1,值2,…', 'write it as name=v1,v2,...'));
  }
  return xs.map((x) => ({ id: `${name}=${x}`, set: { [name]: x } }));
}

/** `name=min:max` ranges for --vary. */
function parameterRanges(list: string[] = [], option = '--vary'): ParameterRange[] {
  return assignments(option, list).map(([name, range]) => {
    const m = /^([^:]+):([^:]+)$/.exec(range);
    const min = m ? Number(m[1]) : NaN;
    const max = m ? Number(m[2]) : NaN;
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw badOption(option, `${name}=${range}`, bi('写成 变量名=最小:最大', 'write it as name=min:max'));
    }
    return { name, min, max };
  });
}

export async function runSimulate(opts: SimulateCliOptions): Promise<SimulateRun> {
  const { model, path, defaultScenarios } = await readModelFile(opts.model);
  const sim: SimulateOptions = {};
  if (opts.method !== undefined) {
    const m = opts.method.toLowerCase();
    if (m !== 'euler' && m !== 'rk4')
      throw badOption('--method', opts.method, bi('使用 euler 或 rk4', 'use euler or rk4'));
    sim.method = m;
  }
  const dt = positive('--dt', opts.dt);
  if (dt !== undefined) sim.dt = dt;
  const saveper = positive('--saveper', opts.saveper);
  if (saveper !== undefined) sim.saveper = saveper;
  const stop = positive('--stop', opts.stop);
  if (stop !== undefined) sim.stop = stop;
  if (sim.dt !== undefined && sim.saveper === undefined && model.specs.saveper === model.specs.dt) sim.saveper = sim.dt;
  const maxSteps = limitOption('--max-steps', opts.maxSteps);
  if (maxSteps !== undefined) sim.maxSteps = maxSteps;
  const thresholds: Record<string, number> = {};
  for (const [k, v] of assignments('--threshold', opts.threshold)) {
    const x = Number(v);
    if (!Number.isFinite(x))
      throw badOption('--threshold', `${k}=${v}`, bi('阈值应为数', 'the threshold must be a number'));
    thresholds[k] = x;
  }
  const initial = await initialValues(opts, model);
  // an explicit --set wins over a value taken from an assessment or index
  const extra = { ...(initial?.set ?? {}), ...Object.fromEntries(assignments('--set', opts.set)) };
  let scenarios: Scenario[] = [{ id: 'model', set: {} }];
  const fromScenarios = opts.scenario !== undefined;
  if (fromScenarios) {
    const file = opts.scenarios ?? defaultScenarios;
    if (!file) {
      throw new XinzhiError({
        code: 'bad-option',
        severity: 'error',
        message: bi('--scenario 需要情景文件', '--scenario needs a scenario file'),
        fix: bi(
          '用 --scenarios FILE 给出情景文件（seed000 自带一个）',
          'give one with --scenarios FILE (seed000 ships one)',
        ),
      });
    }
    const all = await readScenarioFile(file);
    const wanted = opts
      .scenario!.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (wanted.length === 1 && wanted[0] === 'all') scenarios = all;
    else {
      scenarios = wanted.map((id) => {
        const sc = all.find((s) => s.id === id);
        if (!sc)
          throw badOption(
            '--scenario',
            id,
            bi(`可选：${all.map((s) => s.id).join(', ')}、all`, `choose from: ${all.map((s) => s.id).join(', ')}, all`),
          );
        return sc;
      });
    }
  }
  if (opts.sweep !== undefined) {
    if (fromScenarios)
      throw badOption(
        '--sweep',
        opts.sweep,
        bi('--sweep 与 --scenario 不能同时使用', 'use --sweep or --scenario, not both'),
      );
    scenarios = sweepScenarios(opts.sweep);
  }
  scenarios = scenarios.map((s) => ({ ...s, set: { ...s.set, ...extra } }));
  const runs = runScenarios(model, scenarios, sim, thresholds, opts.model);
  const loops = opts.loops
    ? loopDominance(compileModel(applyScenario(model, scenarios[0], opts.model)), sim)
    : undefined;
  let mc: MonteCarloResult | undefined;
  if (opts.monteCarlo !== undefined) {
    const n = Number(opts.monteCarlo);
    const seed = opts.seed === undefined ? 1 : Number(opts.seed);
    if (!Number.isInteger(seed)) throw badOption('--seed', String(opts.seed), bi('给出整数', 'give a whole number'));
    const maxRuns = limitOption('--max-runs', opts.maxRuns);
    mc = monteCarlo(
      applyScenario(model, scenarios[0], opts.model),
      parameterRanges(opts.vary),
      { runs: n, seed, ...(maxRuns !== undefined ? { maxRuns } : {}) },
      sim,
    );
  }
  let calibration: SimulateRun['calibration'];
  if (opts.calibrate !== undefined) {
    const { observations, missing } = await readObservations(opts.calibrate);
    const fit = calibrate(
      applyScenario(model, scenarios[0], opts.model),
      observations,
      parameterRanges(opts.fit, '--fit'),
      {},
      sim,
    );
    calibration = { ...fit, data: opts.calibrate, missing };
  }
  return {
    model,
    path,
    runs,
    fromScenarios: fromScenarios || opts.sweep !== undefined,
    ...(loops ? { loops } : {}),
    ...(mc ? { monteCarlo: mc } : {}),
    ...(calibration ? { calibration } : {}),
    ...(initial ? { initial: initial.sources } : {}),
  };
}

/** Bilingual label of a variable from its doc ("中文 / English. ..."), else its name. */
function label(model: SdModel, name: string, lang: Lang): string {
  const doc = model.variables.find((v) => v.name === name)?.doc;
  const m = doc ? /^([^/]+?) \/ ([^.]+)\./.exec(doc) : null;
  if (!m) return name;
  return `${lang === 'zh' ? m[1] : m[2]} (${name})`;
}

/** The terminal fit report of a calibration. */
export function formatCalibration(c: CalibrationResult & { missing: number }, lang: Lang): string {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return (
    [
      both(bi('参数校准（最小二乘，Nelder–Mead）', 'Calibration (least squares, Nelder–Mead)')),
      textTable(
        [h('参数', 'parameter'), h('下限', 'min'), h('上限', 'max'), h('初值', 'start'), h('估计值', 'estimate')],
        c.parameters.map((p) => [p.name, p.min, p.max, p.start, p.estimate]),
        6,
      ),
      `SSE ${c.sse.toPrecision(6)}, RMSE ${c.rmse.toPrecision(6)}, n ${c.n}` +
        `${c.missing ? h(`（跳过 ${c.missing} 个空单元格）`, ` (${c.missing} empty cells skipped)`) : ''}, ` +
        Object.entries(c.r2)
          .map(([k, r]) => `R²(${k}) ${r.toFixed(6)}`)
          .join(', '),
      c.converged
        ? h(`${c.iterations} 次迭代后收敛`, `converged after ${c.iterations} iterations`)
        : h(`未收敛（${c.iterations} 次迭代）`, `not converged (${c.iterations} iterations)`),
    ].join('\n') + '\n'
  );
}

/** The terminal table of Monte Carlo bands at the final time. */
export function formatBands(model: SdModel, mc: MonteCarloResult, lang: Lang): string {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const last = mc.time.length - 1;
  const qs = Object.keys(Object.values(mc.bands)[0]?.quantiles ?? {});
  const rows = Object.entries(mc.bands)
    .filter(([, b]) => qs.some((q) => b.quantiles[q][last] !== b.quantiles[qs[0]][last]))
    .map(([name, b]) => [label(model, name, lang), b.mean[last], ...qs.map((q) => b.quantiles[q][last])]);
  return (
    [
      both(
        bi(
          `蒙特卡洛（${mc.runs} 次，种子 ${mc.seed}）：终值 t = ${mc.time[last]} 的分布`,
          `Monte Carlo (${mc.runs} runs, seed ${mc.seed}): values at the final time t = ${mc.time[last]}`,
        ),
      ),
      textTable([h('变量', 'variable'), h('均值', 'mean'), ...qs.map((q) => `P${Number(q) * 100}`)], rows),
    ].join('\n') + '\n'
  );
}

/** The terminal table of loop dominance: which loop dominates in which stretch of time. */
export function formatLoops(ld: LoopDominanceResult, lang: Lang): string {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const byId = new Map(ld.loops.map((l) => [l.id, l]));
  const rows = dominancePhases(ld).map((p) => {
    const l = p.loop ? byId.get(p.loop) : undefined;
    return [
      `${p.from}–${p.to}`,
      p.loop ?? h('无', 'none'),
      l ? (l.polarity === 'R' ? h('增强', 'reinforcing') : h('调节', 'balancing')) : '',
      l ? l.variables.join(' → ') : '',
    ];
  });
  return (
    [
      both(bi('环路主导（Loops that Matter）', 'Loop dominance (Loops that Matter)')),
      textTable(
        [
          h('时间', 'time'),
          h('主导环路', 'dominant loop'),
          h('极性', 'polarity'),
          h('环路中的变量', 'variables in the loop'),
        ],
        rows,
      ),
    ].join('\n') + '\n'
  );
}

/** The terminal summary: one table of the run, or one table per variable across scenarios. */
export function formatSummary(model: SdModel, runs: ScenarioRun[], fromScenarios: boolean, lang: Lang): string {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const out: string[] = [];
  const first = runs[0].result;
  out.push(
    both(bi(`模型 ${model.name}`, `Model ${model.name}`)) +
      ` — ${h('积分', 'integration')} ${first.specs.method.toUpperCase()}, DT ${first.specs.dt}, ` +
      `${h('时间', 'time')} ${first.specs.start}–${first.specs.stop}, ${h('保存间隔', 'save period')} ${first.specs.saveper}`,
  );
  const dynamic = Object.keys(first.series).filter((k) => new Set(first.series[k]).size > 1);
  if (!fromScenarios) {
    const s = runs[0].summary;
    out.push(
      textTable(
        [
          h('变量', 'variable'),
          h('初值', 'initial'),
          h('终值', 'final'),
          h('峰值', 'peak'),
          h('峰值时间', 'peak time'),
          h('达到阈值时间', 'time to threshold'),
        ],
        dynamic.map((k) => [
          label(model, k, lang),
          s[k].initial,
          s[k].final,
          s[k].peak,
          s[k].peakTime,
          s[k].threshold === undefined ? undefined : (s[k].timeToThreshold ?? h('未达到', 'not reached')),
        ]),
      ),
    );
    out.push(h('（常量未列出；完整序列用 --json）', '(constants not listed; full series with --json)'));
  } else {
    for (const k of dynamic) {
      if (!runs.some((r) => r.summary[k])) continue;
      out.push('', label(model, k, lang));
      out.push(
        textTable(
          [
            h('情景', 'scenario'),
            h('终值', 'final'),
            h('峰值', 'peak'),
            h('峰值时间', 'peak time'),
            h('达到阈值时间', 'time to threshold'),
          ],
          runs.map((r) => {
            const s = r.summary[k];
            return [
              r.name ? r.name[lang] : r.id,
              s.final,
              s.peak,
              s.peakTime,
              s.threshold === undefined ? undefined : (s.timeToThreshold ?? h('未达到', 'not reached')),
            ];
          }),
        ),
      );
    }
  }
  return out.join('\n') + '\n';
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(COMMAND_SUMMARIES.simulate)
    .requiredOption(
      '--model <file>',
      '.xmile, .stmx, .mdl file, or seed000 (the loop of seed 000) / 模型文件或 seed000',
    )
    .option('--scenario <ids>', 'scenario ids, comma-separated, or all / 情景编号（逗号分隔）或 all')
    .option('--scenarios <file>', 'scenario file (JSON; seed000 ships one) / 情景文件')
    .option('--set <name=equation...>', 'set variables for every run / 为每次运行设定变量')
    .option('--method <m>', "euler | rk4 (default: the model's) / 积分方法")
    .option('--dt <x>', 'time step / 时间步长')
    .option('--saveper <x>', 'save period / 保存间隔')
    .option('--stop <x>', 'stop time / 结束时间')
    .option('--threshold <name=value...>', 'report the first time a variable reaches a value / 报告变量达到阈值的时间')
    .option('--loops', 'loop dominance of the (first) run, Loops that Matter / 环路主导分析')
    .option('--sweep <name=values>', 'one run per value, e.g. obsolescence_rate=0.02,0.05,0.1 / 单参数敏感性扫描')
    .option('--monte-carlo <runs>', 'Monte Carlo runs with --vary ranges / 蒙特卡洛运行次数')
    .option('--vary <name=min:max...>', 'parameter ranges for --monte-carlo (uniform) / 参数范围')
    .option('--seed <n>', 'seed of the Monte Carlo draws (default 1) / 随机种子')
    .option(
      '--calibrate <data>',
      'fit --fit parameters to observed data (CSV/XLSX: time + variables) / 用观测数据校准参数',
    )
    .option('--fit <name=min:max...>', 'parameters to fit, with bounds / 待估参数及其范围')
    .option(
      '--init-assessment <answers>',
      "start seed000's three path capabilities at a firm's self-assessment path scores / 以企业自评的路径得分作为三条路径能力的初值",
    )
    .option(
      '--init-index <results.json>',
      'start stocks at node scores of an index result / 以指数结果的节点得分作为存量初值',
    )
    .option('--init-unit <unit>', 'with --init-index: the unit / 单位')
    .option('--init-time <time>', 'with --init-index: the time / 时间')
    .option('--init-map <stock=node...>', 'with --init-index: which node starts which stock / 存量与节点的对应')
    .option('--max-steps <n>', 'most time steps of one run (default 1000000) / 单次运行的最多步数')
    .option('--max-runs <n>', 'most Monte Carlo runs (default 100000) / 蒙特卡洛最多运行次数')
    .option('--lang <lang>', 'zh | en')
    .option('--json', 'print one JSON document / 输出 JSON')
    .action(async (opts: SimulateCliOptions) => {
      const lang = pickLang(opts.lang);
      const { model, path, runs, fromScenarios, loops, monteCarlo: mc, calibration, initial } = await runSimulate(opts);
      // variables that became NaN or ±∞, to stderr in both languages (stdout stays one document)
      for (const w of runs.flatMap((r) => r.result.warnings ?? []))
        process.stderr.write(`${formatProblem(w, 'zh')}\n${formatProblem(w, 'en')}\n`);
      if (opts.json) {
        const first = runs[0];
        printJson({
          model: model.name,
          file: opts.model.toLowerCase() === 'seed000' ? 'seed000' : path,
          dialect: model.dialect,
          specs: first.result.specs,
          time: first.result.time,
          series: first.result.series,
          summary: first.summary,
          ...(first.result.warnings ? { warnings: first.result.warnings } : {}),
          ...(fromScenarios
            ? {
                scenarios: runs.map((r) => ({
                  id: r.id,
                  ...(r.name ? { name: r.name } : {}),
                  set: r.set,
                  time: r.result.time,
                  series: r.result.series,
                  summary: r.summary,
                  ...(r.result.warnings ? { warnings: r.result.warnings } : {}),
                })),
              }
            : {}),
          ...(loops ? { loopDominance: { ...loops, phases: dominancePhases(loops) } } : {}),
          ...(mc ? { monteCarlo: mc } : {}),
          ...(calibration ? { calibration } : {}),
          ...(initial ? { initial } : {}),
        });
        return;
      }
      if (initial)
        process.stdout.write(
          initial
            .map((s) =>
              lang === 'zh'
                ? `初值 ${s.stock} = ${s.value}（来自 ${s.node} 得分 ${s.score}）`
                : `initial ${s.stock} = ${s.value} (from ${s.node}, score ${s.score})`,
            )
            .join('\n') + '\n\n',
        );
      process.stdout.write(formatSummary(model, runs, fromScenarios, lang));
      if (loops) process.stdout.write('\n' + formatLoops(loops, lang));
      if (mc) process.stdout.write('\n' + formatBands(model, mc, lang));
      if (calibration) process.stdout.write('\n' + formatCalibration(calibration, lang));
    });
}

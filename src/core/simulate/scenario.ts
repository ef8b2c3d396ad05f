/**
 * Named scenarios: a scenario sets some variables of a model to new
 * equations (or a stock to a new initial value) and the runs are compared
 * side by side with summary figures (initial, final, peak and its time,
 * minimum, and the first time a threshold is reached).
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { compileModel } from './compile.ts';
import { parseExpr } from './expr.ts';
import type { SdModel } from './model.ts';
import { canonicalName } from './names.ts';
import { simulate, type SimulateOptions, type SimulationResult } from './run.ts';

export interface Scenario {
  id: string;
  name?: Bilingual;
  /** Variable name → new equation (for a stock: its initial value). */
  set: Record<string, string | number>;
}

export interface SeriesSummary {
  initial: number;
  final: number;
  peak: number;
  peakTime: number;
  min: number;
  minTime: number;
  /** First save time at which the value reaches the threshold (null: never), when a threshold was given. */
  timeToThreshold?: number | null;
  threshold?: number;
}

export interface ScenarioRun {
  id: string;
  name?: Bilingual;
  set: Record<string, string | number>;
  result: SimulationResult;
  summary: Record<string, SeriesSummary>;
}

/**
 * A copy of the model with the scenario's equations in place.
 *
 * @example applyScenario(model, { id: 'slow', set: { technology_feedback_delay: 6 } })
 */
export function applyScenario(model: SdModel, scenario: Scenario, file?: string): SdModel {
  const problems: Problem[] = [];
  const variables = model.variables.map((v) => ({ ...v }));
  for (const [name, value] of Object.entries(scenario.set)) {
    const id = canonicalName(name);
    const v = variables.find((x) => x.id === id && !x.lookupOnly);
    if (!v) {
      problems.push({
        code: 'sd-scenario-unknown',
        severity: 'error',
        file,
        column: name,
        message: bi(
          `情景 "${scenario.id}" 设定了模型中没有的变量 "${name}"`,
          `scenario "${scenario.id}" sets "${name}", which the model does not have`,
        ),
        fix: bi(
          '使用模型中的变量名（见 --json 输出的 series）',
          'use a variable name of the model (see the series of the --json output)',
        ),
      });
      continue;
    }
    const text = String(value);
    v.text = text;
    v.eqn = parseExpr(text, model.dialect, { file, variable: name });
  }
  if (problems.length) throw new XinzhiError(problems);
  return { ...model, variables };
}

/**
 * Summary figures of one series at the save times.
 *
 * @example summarizeSeries([0, 1, 2], [1, 3, 2]) // {initial: 1, final: 2, peak: 3, peakTime: 1, ...}
 */
export function summarizeSeries(time: number[], values: number[], threshold?: number): SeriesSummary {
  let peak = -Infinity;
  let peakTime = NaN;
  let min = Infinity;
  let minTime = NaN;
  values.forEach((x, i) => {
    if (x > peak) {
      peak = x;
      peakTime = time[i];
    }
    if (x < min) {
      min = x;
      minTime = time[i];
    }
  });
  const s: SeriesSummary = { initial: values[0], final: values[values.length - 1], peak, peakTime, min, minTime };
  if (threshold !== undefined) {
    const start = values[0];
    const rising = start < threshold;
    const k = values.findIndex((x) => (rising ? x >= threshold : x <= threshold));
    s.threshold = threshold;
    s.timeToThreshold = k < 0 ? null : time[k];
  }
  return s;
}

/**
 * Run each scenario on the model and summarise every variable.
 *
 * @example runScenarios(model, [{ id: 'base', set: {} }]).map((r) => r.summary.nqpf_level.final)
 */
export function runScenarios(
  model: SdModel,
  scenarios: Scenario[],
  opts: SimulateOptions = {},
  thresholds: Record<string, number> = {},
  file?: string,
): ScenarioRun[] {
  return scenarios.map((sc) => {
    const result = simulate(compileModel(applyScenario(model, sc, file)), opts);
    const summary: Record<string, SeriesSummary> = {};
    const th = new Map(Object.entries(thresholds).map(([k, x]) => [canonicalName(k), x]));
    for (const [name, values] of Object.entries(result.series))
      summary[name] = summarizeSeries(result.time, values, th.get(canonicalName(name)));
    return { id: sc.id, ...(sc.name ? { name: sc.name } : {}), set: sc.set, result, summary };
  });
}

/**
 * Check a parsed scenario file `{"scenarios": [{"id", "name": {zh, en}, "set": {...}}]}`.
 *
 * @example parseScenarioFile(JSON.parse(text), 'scenarios.json')
 */
export function parseScenarioFile(doc: unknown, file?: string): Scenario[] {
  const bad = (msg: Bilingual, row?: number): never => {
    throw new XinzhiError({
      code: 'sd-scenario-file',
      severity: 'error',
      file,
      row,
      message: msg,
      fix: bi(
        '按 {"scenarios": [{"id": "...", "set": {"变量": "方程"}}]} 的格式书写',
        'write it as {"scenarios": [{"id": "...", "set": {"variable": "equation"}}]}',
      ),
    });
  };
  const list = (doc as { scenarios?: unknown })?.scenarios;
  if (!Array.isArray(list))
    return bad(bi('情景文件缺少 "scenarios" 数组', 'the scenario file has no "scenarios" array'));
  const seen = new Set<string>();
  return list.map((s: unknown, i: number) => {
    const sc = s as { id?: unknown; name?: unknown; set?: unknown };
    if (typeof sc?.id !== 'string' || sc.id === '')
      return bad(bi(`第 ${i + 1} 个情景没有 "id"`, `scenario ${i + 1} has no "id"`));
    if (seen.has(sc.id)) return bad(bi(`情景 "${sc.id}" 重复`, `scenario "${sc.id}" appears twice`));
    seen.add(sc.id);
    const set = sc.set ?? {};
    if (
      typeof set !== 'object' ||
      Array.isArray(set) ||
      Object.values(set).some((x) => typeof x !== 'string' && typeof x !== 'number')
    ) {
      return bad(
        bi(
          `情景 "${sc.id}" 的 "set" 应为 {变量: 方程}`,
          `the "set" of scenario "${sc.id}" must be {variable: equation}`,
        ),
      );
    }
    const name = sc.name as Bilingual | undefined;
    return {
      id: sc.id,
      ...(name && typeof name.zh === 'string' && typeof name.en === 'string' ? { name } : {}),
      set: set as Record<string, string | number>,
    };
  });
}

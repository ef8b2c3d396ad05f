/**
 * Runs the models of a model file on a panel: one results object per model
 * (carrying the options used) that the CLI, reports and the web app format.
 * Missing values in a used column are an error naming the row, never dropped.
 *
 * @example runEstimate(panel, checkEstimateModels(json)).models[0].coefficients.capital.se
 */
import { type Problem, XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { cellWhere } from '../panel/problems.ts';
import type { Panel } from '../panel/types.ts';
import { estimateFe, type FeData, type FeOptions, type FeResult } from './fe.ts';
import { type MediationData, type MediationResult, mediation, mediationPicks, type TestRow } from './mediation.ts';
import { type ModerationResult, moderation } from './moderation.ts';
import { estimateIv, type IvResult } from './iv.ts';
import type { SuestResult } from './suest.ts';
import type { EstimateModel } from './model.ts';
import { type WinsorReport, winsorize } from './winsor.ts';
import { absentStatistics, type ModelCommon, noP } from './model-common.ts';

export type { WinsorReport } from './winsor.ts';
import { baseColumn, lagOf, withLags } from './lags.ts';
import { frameworkTag } from './framework-tag.ts';
import { type HeterogeneityResult, heterogeneity, type PermutationPlan, permutationPlan } from './heterogeneity.ts';
import { type DidFamilyResult, didColumns, type PlaceboDraw, placeboDraws, runDid } from './run-did.ts';
import { estimateThreshold, type ThresholdResult } from './threshold.ts';
import { type EstimateContext, runSpatial, type SpatialModelResult } from './run-sdm.ts';

export type FeModelResult = FeResult & ModelCommon & { heterogeneity?: HeterogeneityResult };

/** A mediation: `coefficients` and `n` are those of the last equation estimated (Y on X and M, or M on X). */
export type MediationModelResult = MediationResult &
  ModelCommon & { coefficients: FeResult['coefficients']; n: number; sobel?: TestRow };

/** A moderation: the fitted equation (terms X, Z and X×Z, centred) with the simple slopes of X. */
export type ModerationModelResult = Omit<FeResult, 'type'> & Omit<ModerationResult, 'fit'> & ModelCommon;

export type IvModelResult = IvResult & ModelCommon;

/** A panel threshold model (Hansen 1999): thresholds, F tests, LR intervals and the slopes per regime. */
export type ThresholdModelResult = ThresholdResult & ModelCommon;

export type EstimateModelResult =
  | FeModelResult
  | MediationModelResult
  | ModerationModelResult
  | IvModelResult
  | ThresholdModelResult
  | DidFamilyResult
  | SpatialModelResult;

export interface EstimateResult {
  models: EstimateModelResult[];
}

/** Columns a model needs as numbers (y, x, controls) and as labels (fixed effects and cluster other than unit / time). */
export function modelColumns(m: EstimateModel): { numeric: string[]; labels: string[] } {
  const labels = [
    ...m.fe,
    ...(m.cluster ? [m.cluster] : []),
    ...(m.cluster2 ? [m.cluster2] : []),
    ...(m.winsor?.by ? [m.winsor.by] : []),
    ...(m.by ? [m.by] : []),
    ...didColumns(m).labels,
  ].filter((c) => c !== m.unit && c !== m.time);
  return {
    numeric: [
      ...new Set(
        [
          m.y,
          ...m.x,
          ...(m.m ? [m.m] : []),
          ...(m.z ? [m.z] : []),
          ...(m.endog ?? []).filter((e) => !m.x.includes(e)),
          ...(m.instruments ?? []),
          ...(m.threshold ? [m.threshold.q] : []),
          ...didColumns(m).numeric,
          ...m.controls,
        ].map(baseColumn),
      ),
    ],
    labels: [...new Set(labels)],
  };
}

function column(panel: Panel, name: string): ArrayLike<string | number> {
  if (name === panel.unitKey) return panel.unit;
  if (name === panel.timeKey) return panel.time;
  const l = panel.labels?.[name];
  if (l) return l;
  const c = panel.columns[name];
  if (c) return c;
  throw new XinzhiError({
    code: 'estimate-column',
    severity: 'error',
    ...(panel.source ? { file: panel.source } : {}),
    column: name,
    message: bi(`数据中没有列 "${name}"`, `the data have no column "${name}"`),
    fix: bi('核对模型文件中的列名', 'check the column names in the model file'),
  });
}

/** Numeric columns by name. */
function numbers(panel: Panel, names: string[]): Record<string, ArrayLike<number>> {
  return Object.fromEntries(names.map((k) => [k, column(panel, k) as ArrayLike<number>]));
}

/** The fixed-effect columns of a model, by name. */
function effects(panel: Panel, m: EstimateModel): Record<string, ArrayLike<string | number>> {
  return Object.fromEntries(m.fe.map((f) => [f, column(panel, f)]));
}

/** The panel with the model's `winsor` variables winsorised (Stata winsor2), and what was changed. */
function winsorised(panel: Panel, m: EstimateModel): { panel: Panel; report?: WinsorReport } {
  if (!m.winsor) return { panel };
  const { vars, p, by } = m.winsor;
  const groups = by ? column(panel, by) : undefined;
  const columns = { ...panel.columns };
  const report: WinsorReport = { p, ...(by ? { by } : {}), vars: {} };
  for (const v of vars) {
    const x = column(panel, v) as ArrayLike<number>;
    const w = winsorize(x, { lower: p[0], upper: p[1], ...(groups ? { by: groups } : {}) });
    columns[v] = w.values;
    report.vars[v] = { low: w.low, high: w.high };
  }
  return { panel: { ...panel, columns }, report };
}

/** A model's panel after its winsorising and lags, and what was done to it. */
function prepared(input: Panel, m: EstimateModel) {
  const { panel: w, report } = winsorised(input, m);
  const terms = [
    m.y,
    ...m.x,
    ...m.controls,
    ...(m.m ? [m.m] : []),
    ...(m.z ? [m.z] : []),
    ...(m.instruments ?? []),
    ...(m.threshold ? [m.threshold.q] : []),
  ];
  const { panel, dropped } = withLags(w, terms);
  return { panel, report, dropped, lagged: terms.some((t) => lagOf(t)) };
}

type Prepared = ReturnType<typeof prepared>;

/** `context.weights` gives the spatial weights of sdm / sar / sem models (built by the adapters). */
export function runEstimate(input: Panel, models: EstimateModel[], context: EstimateContext = {}): EstimateResult {
  return estimateModels(models, context, (m) => prepared(input, m));
}

/** runEstimate with each model's panel from `prepare` (runEstimateAsync has prepared some already). */
function estimateModels(
  models: EstimateModel[],
  context: EstimateContext,
  prepare: (m: EstimateModel) => Prepared,
): EstimateResult {
  const out: EstimateModelResult[] = models.map((m): EstimateModelResult => {
    const { panel, report, dropped, lagged } = prepare(m);
    const res = estimateOne(panel, m, context);
    const absent = absentStatistics(res);
    return {
      ...res,
      ...(m.framework ? { framework: frameworkTag(m.framework) } : {}),
      ...(report ? { winsor: report } : {}),
      ...(lagged ? { lagDropped: dropped } : {}),
      ...(absent ? { absent } : {}),
    };
  });
  return { models: out };
}

/** The bootstrap draws of some mediation samples (mediationDraws), computed elsewhere: a worker thread in Node (io/estimate-pool.ts). */
export interface MediationDrawJob {
  data: MediationData;
  fe: FeOptions;
  /** The clusters each draw takes (mediationPicks). */
  picks: Int32Array[];
}
export type MediationDrawRunner = (job: MediationDrawJob) => Promise<Float64Array>;

/** The estimates of some placebo draws of a DID model (placeboEstimates), computed elsewhere. */
export interface PlaceboJob {
  /** The model's panel after its winsorising and lags. */
  panel: Panel;
  model: EstimateModel;
  draws: PlaceboDraw[];
}
export type PlaceboRunner = (job: PlaceboJob) => Promise<number[]>;

/** The b₂ − b₁ of some permutation draws of a heterogeneity model (permutationDifferences), computed elsewhere. */
export interface PermutationJob {
  data: FeData;
  term: string;
  /** The two groups, sorted. */
  names: string[];
  opts: FeOptions;
  plan: PermutationPlan;
}
export type PermutationRunner = (job: PermutationJob) => Promise<number[]>;

/** Below this many rows × draws one thread is quicker than starting others. */
export const PARALLEL_MIN_DRAW_ROWS = 1_000_000;

/** Where runEstimateAsync sends each kind of draws, and how many parts a model's draws are split into. */
export interface DrawRunners {
  runMediation: MediationDrawRunner;
  runPlacebo: PlaceboRunner;
  runPermutation: PermutationRunner;
  /** Parts for a model with this many rows (1: this thread). */
  parts: (model: EstimateModel, rows: number) => number;
}

/** The estimator that runs a model: estimateBy dispatches on it, spreadableDraws reads it. */
function estimatorOf(m: EstimateModel): 'did' | 'spatial' | 'mediation' | 'moderation' | 'threshold' | 'iv' | 'fe' {
  if (m.did) return 'did';
  if (m.spatial) return 'spatial';
  if (m.type === 'mediation' || m.type === 'moderation' || m.type === 'threshold' || m.type === 'iv') return m.type;
  return 'fe'; // the fixed-effects path, where `by` and its permutations apply
}

/** Draws (bootstrap, placebo or permutation) of a model that runEstimateAsync can spread over threads; 0 for none. */
export function spreadableDraws(m: EstimateModel): number {
  switch (estimatorOf(m)) {
    case 'did':
      return m.type !== 'event-study' && m.did!.placebo ? m.did!.placebo.draws : 0;
    case 'mediation':
      return (m.mode ?? 'three-step') === 'three-step' ? (m.bootstrap ?? 0) : 0;
    case 'fe':
      return m.by && m.permutations ? m.permutations : 0;
    default:
      return 0;
  }
}

/** `parts` contiguous ranges of `items` whose sizes differ by at most one. */
function ranges<T>(items: T[], parts: number): T[][] {
  const n = items.length;
  return Array.from({ length: parts }, (_, p) =>
    items.slice(Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts)),
  );
}

/**
 * runEstimate with the draws of three-step mediation bootstraps, DID
 * placebos and heterogeneity permutation tests split into `parts` contiguous
 * ranges run at once (several threads). The draws are taken from the seeded generators first, in order,
 * so the result is the one runEstimate gives, for any number of parts. A
 * model whose data are in error (a XinzhiError, here or on a thread) is left
 * to the single-thread run, which names the problem as it always does; any
 * other failure of the threads is an error that names the model and says to
 * use one thread. Each model's panel (winsorised, lagged) is prepared once.
 * @example await runEstimateAsync(panel, models, {}, { runMediation, runPlacebo, runPermutation, parts: () => 4 })
 */
export async function runEstimateAsync(
  input: Panel,
  models: EstimateModel[],
  context: EstimateContext = {},
  parallel?: DrawRunners,
): Promise<EstimateResult> {
  const mediationDraws = new Map<EstimateModel, Float64Array>();
  const placebos = new Map<EstimateModel, number[]>();
  const permutations = new Map<EstimateModel, number[]>();
  const ready = new Map<EstimateModel, Prepared>(); // each model's panel is prepared once
  for (const m of parallel ? models : []) {
    const B = spreadableDraws(m);
    if (B < 2) continue;
    try {
      const p = prepared(input, m);
      ready.set(m, p);
      const { panel } = p;
      const parts = Math.min(parallel!.parts(m, panel.unit.length), B);
      if (parts < 2) continue;
      checkModelData(panel, m);
      const estimator = estimatorOf(m);
      if (estimator === 'did') {
        const done = await Promise.all(
          ranges(placeboDraws(panel, m), parts).map((draws) => parallel!.runPlacebo({ panel, model: m, draws })),
        );
        placebos.set(m, done.flat());
      } else if (estimator === 'fe') {
        const data = feModelData(panel, m);
        const group = Array.from(column(panel, m.by!), String);
        const names = [...new Set(group)].sort();
        if (names.length !== 2) continue; // the test compares two groups
        const plan = permutationPlan(data, group, B, m.seed ?? 1);
        const done = await Promise.all(
          ranges(plan.labels, parts).map((labels) =>
            parallel!.runPermutation({
              data,
              term: m.x[0],
              names,
              opts: feOptionsOf(m),
              plan: { rowUnit: plan.rowUnit, labels },
            }),
          ),
        );
        permutations.set(m, done.flat());
      } else {
        const data = mediationData(panel, m);
        const fe = feOptionsOf(m);
        const done = await Promise.all(
          ranges(mediationPicks(data, B, m.seed ?? 1), parts).map((picks) =>
            parallel!.runMediation({ data, fe, picks }),
          ),
        );
        const draws = new Float64Array(B);
        let at = 0;
        for (const d of done) {
          draws.set(d, at);
          at += d.length;
        }
        mediationDraws.set(m, draws);
      }
    } catch (err) {
      // a problem of the model's data is left to the run below, which names it as one thread does
      if (!(err instanceof XinzhiError)) throw drawThreadsFailed(m, err);
    }
  }
  return estimateModels(
    models,
    {
      ...context,
      ...(mediationDraws.size ? { mediationDraws } : {}),
      ...(placebos.size ? { placeboEstimates: placebos } : {}),
      ...(permutations.size ? { permutationDifferences: permutations } : {}),
    },
    (m) => ready.get(m) ?? prepared(input, m),
  );
}

/** The error when a model's draws fail on other threads for a reason other than its data (a worker that could not start or died). */
function drawThreadsFailed(m: EstimateModel, err: unknown): XinzhiError {
  const why = err instanceof Error ? err.message : String(err);
  return new XinzhiError({
    code: 'estimate-threads',
    severity: 'error',
    column: m.name,
    message: bi(
      `模型 "${m.name}" 的抽样未能在多个线程上运行：${why}`,
      `the draws of model "${m.name}" could not run on several threads: ${why}`,
    ),
    fix: bi(
      '用 --jobs 1 在单线程上重新运行（结果相同）',
      'run again with --jobs 1 to use one thread (the results are the same)',
    ),
  });
}

/** Missing cells, columns out of scale and a constant outcome, each named: a XinzhiError before any estimation. */
function checkModelData(panel: Panel, m: EstimateModel): void {
  // missing values named (never dropped), then the estimator of the model type
  const problems: Problem[] = [];
  for (const c of modelColumns(m).numeric) {
    const v = panel.columns[c];
    if (!v) continue;
    for (let r = 0; r < v.length; r++) {
      if (!Number.isFinite(v[r])) {
        problems.push({
          ...cellWhere(panel, r, c),
          code: 'estimate-missing',
          severity: 'error',
          message: bi('回归变量缺失或不是有限数值', 'a regression variable is missing or not a finite number'),
          fix: bi(
            '补齐该单元格，或在数据中删去该行（估计不会悄悄丢弃观测）',
            'fill the cell, or delete the row in the data (estimation never drops observations silently)',
          ),
        });
      }
    }
  }
  if (problems.length) throw new XinzhiError(problems.slice(0, 50));
  checkScale(panel, modelColumns(m).numeric);
  checkOutcomeVaries(panel, m);
}

function estimateOne(panel: Panel, m: EstimateModel, context: EstimateContext): EstimateModelResult {
  checkModelData(panel, m);
  try {
    return estimateBy(panel, m, context);
  } catch (e) {
    throw singular(e, m);
  }
}

/**
 * Columns whose sums of squares overflow (|x| near 1e300) or vanish although
 * the values do not (|x| near 1e-300): every cross product of the estimators
 * would be ±∞ or 0, so the model would print NaN. Named before any work with
 * the fix (rescale the column).
 */
function checkScale(panel: Panel, names: string[]): void {
  const problems: Problem[] = [];
  for (const c of names) {
    const v = panel.columns[c];
    if (!v) continue;
    let ss = 0;
    let nonzero = false;
    for (let r = 0; r < v.length; r++) {
      ss += v[r] * v[r];
      if (v[r] !== 0) nonzero = true;
    }
    if (Number.isFinite(ss) && (ss > 0 || !nonzero)) continue;
    const huge = !Number.isFinite(ss);
    problems.push({
      code: 'estimate-scale',
      severity: 'error',
      ...(panel.source ? { file: panel.source } : {}),
      column: c,
      message: huge
        ? bi(
            `变量 ${c} 的数值过大，平方和溢出为无穷，无法回归`,
            `the values of ${c} are so large that their sum of squares overflows to infinity: cannot estimate`,
          )
        : bi(
            `变量 ${c} 的数值过小，平方后下溢为 0，无法回归`,
            `the values of ${c} are so small that their squares underflow to 0: cannot estimate`,
          ),
      fix: huge
        ? bi(
            `换算 ${c} 的单位（如除以 1e6 或取对数）后再估计`,
            `rescale ${c} (e.g. divide by 1e6 or take logs) and estimate again`,
          )
        : bi(`换算 ${c} 的单位（如乘以 1e6）后再估计`, `rescale ${c} (e.g. multiply by 1e6) and estimate again`),
    });
  }
  if (problems.length) throw new XinzhiError(problems);
}

/** An outcome with one value in every row leaves nothing to explain: every standard error would be 0 and every p-value missing. */
function checkOutcomeVaries(panel: Panel, m: EstimateModel): void {
  const y = panel.columns[m.y];
  if (!y || y.length === 0 || y.some((v) => v !== y[0])) return;
  throw new XinzhiError({
    code: 'estimate-constant-y',
    severity: 'error',
    ...(panel.source ? { file: panel.source } : {}),
    column: m.y,
    message: bi(
      `模型 ${m.name} 的结果变量 ${m.y} 在所有行都等于 ${y[0]}，没有可解释的变化`,
      `the outcome ${m.y} of model ${m.name} equals ${y[0]} in every row: there is no variation to explain`,
    ),
    fix: bi(
      `检查 ${m.y} 列是否读错（如整列为 0），或换一个结果变量`,
      `check that the column ${m.y} was read as meant (e.g. not all zeros), or choose another outcome`,
    ),
  });
}

/** A singular matrix inside an estimator (collinear or constant regressors after the fixed effects) as an error naming the model and the fix. */
function singular(e: unknown, m: EstimateModel): unknown {
  if (e instanceof XinzhiError || !/singular/i.test(String((e as Error)?.message))) return e;
  const vars = [...m.x, ...m.controls, ...(m.endog ?? []), ...(m.instruments ?? [])].join(', ');
  return new XinzhiError({
    code: 'estimate-singular',
    severity: 'error',
    column: m.name,
    message: bi(
      `模型 ${m.name}（${m.type}）无法估计：矩阵奇异（变量 ${vars} 共线，或在固定效应之后没有变化，或观测过少）`,
      `model ${m.name} (${m.type}) cannot be estimated: a singular matrix (the variables ${vars} are collinear, do not vary once the fixed effects are absorbed, or there are too few observations)`,
    ),
    fix: bi(
      '删去重复或共线的变量，去掉被固定效应吸收的不随时间 / 个体变化的变量，或增加观测',
      'drop duplicated or collinear variables and variables the fixed effects absorb (constant within units or periods), or add observations',
    ),
  });
}

function estimateBy(panel: Panel, m: EstimateModel, context: EstimateContext): EstimateModelResult {
  const estimator = estimatorOf(m);
  if (estimator === 'did') return runDid(panel, m, context.placeboEstimates?.get(m));
  if (estimator === 'spatial') return runSpatial(panel, m, context);
  if (estimator === 'mediation') return runMediation(panel, m, context);
  if (estimator === 'moderation') return runModeration(panel, m);
  if (estimator === 'threshold') return runThreshold(panel, m);
  if (estimator === 'iv') {
    const endog = m.endog ?? [];
    const exog = [...m.x.filter((t) => !endog.includes(t)), ...m.controls];
    const r = estimateIv(
      {
        y: column(panel, m.y) as ArrayLike<number>,
        endog: numbers(panel, endog),
        exog: numbers(panel, exog),
        instruments: numbers(panel, m.instruments ?? []),
        fe: effects(panel, m),
        ...(m.cluster ? { cluster: column(panel, m.cluster) } : {}),
      },
      { se: m.se, preset: m.preset },
    );
    const lead = endog[0];
    const base = interpret(lead, m.y, r.coefficients[lead]);
    const F = r.firstStageF[lead];
    const weak = F < 10;
    const id = interpretIdentification(r);
    const fs = Number.isFinite(F)
      ? bi(
          `第一阶段 F = ${F.toFixed(2)}${weak ? '，低于经验阈值 10，可能存在弱工具变量问题' : '，高于经验阈值 10'}。`,
          ` First-stage F = ${F.toFixed(2)}${weak ? ', below the rule-of-thumb 10: the instruments may be weak' : ', above the rule-of-thumb 10'}.`,
        )
      : bi(
          '第一阶段 F 无法计算（工具变量系数的方差为 0 或缺失，如观测过少或第一阶段完全拟合），不判断工具变量强弱。',
          " The first-stage F cannot be computed (the variance of the instruments' coefficients is zero or missing: too few observations or an exact first-stage fit), so instrument strength is not judged.",
        );
    return {
      ...r,
      name: m.name,
      y: m.y,
      model: m,
      interpretation: { zh: `${base.zh}${fs.zh}${id.zh}`, en: `${base.en}${fs.en}${id.en}` },
    };
  }
  const data = feModelData(panel, m);
  const fit = estimateFe({ ...data, ...(m.cluster2 ? { cluster2: column(panel, m.cluster2) } : {}) }, feOptionsOf(m));
  const differences = context.permutationDifferences?.get(m);
  const het = m.by
    ? heterogeneity(
        data,
        m.x[0],
        Array.from(column(panel, m.by), String),
        feOptionsOf(m),
        m.permutations
          ? { draws: m.permutations, seed: m.seed ?? 1, ...(differences ? { differences } : {}) }
          : undefined,
        m.suest ? { preset: m.suest } : undefined,
      )
    : undefined;
  const base = interpret(m.x[0], m.y, fit.coefficients[m.x[0]]);
  return {
    ...fit,
    name: m.name,
    y: m.y,
    model: m,
    interpretation: het?.suest ? joinSentences(base, interpretSuest(het.suest, m.by!)) : base,
    ...(het ? { heterogeneity: het } : {}),
  };
}

function runModeration(panel: Panel, m: EstimateModel): ModerationModelResult {
  const controls = numbers(panel, m.controls);
  const fe = effects(panel, m);
  const X = m.x[0];
  const Z = m.z!;
  const r = moderation(
    {
      y: column(panel, m.y) as ArrayLike<number>,
      x: column(panel, X) as ArrayLike<number>,
      z: column(panel, Z) as ArrayLike<number>,
      controls,
      fe,
      ...(m.cluster ? { cluster: column(panel, m.cluster) } : {}),
    },
    { se: m.se, preset: m.preset },
  );
  const names: Record<string, string> = { x: X, z: Z, xz: `${X}×${Z}` };
  const { type: _t, coefficients, ...fit } = r.fit;
  const renamed = Object.fromEntries(Object.entries(coefficients).map(([k, v]) => [names[k] ?? k, v]));
  const c = coefficients.xz;
  const sig = c.p < 0.05;
  const missing = Number.isFinite(c.p) ? null : noP(`${X}×${Z}`);
  const interpretation = missing
    ? {
        zh: `交互项 ${X}×${Z} 的系数为 ${c.estimate.toPrecision(4)}；${missing.zh}。`,
        en: `The interaction ${X}×${Z} is ${c.estimate.toPrecision(4)}; ${missing.en}.`,
      }
    : {
        zh: `${Z} ${sig ? (c.estimate > 0 ? '显著增强' : '显著减弱') : '未显著改变'} ${X} 对 ${m.y} 的作用（交互项 ${c.estimate.toPrecision(4)}，p = ${c.p.toPrecision(3)}）；${X} 的简单斜率在 ${Z} 低（均值 − 1 标准差）时为 ${r.slopes[0].estimate.toPrecision(4)}，高（+ 1 标准差）时为 ${r.slopes[2].estimate.toPrecision(4)}。`,
        en: `${Z} ${sig ? (c.estimate > 0 ? 'significantly strengthens' : 'significantly weakens') : 'does not significantly change'} the effect of ${X} on ${m.y} (interaction ${c.estimate.toPrecision(4)}, p = ${c.p.toPrecision(3)}); the simple slope of ${X} is ${r.slopes[0].estimate.toPrecision(4)} at low ${Z} (mean − 1 SD) and ${r.slopes[2].estimate.toPrecision(4)} at high ${Z} (+ 1 SD).`,
      };
  return {
    ...fit,
    coefficients: renamed,
    type: 'moderation',
    centre: r.centre,
    sdZ: r.sdZ,
    slopes: r.slopes,
    name: m.name,
    y: m.y,
    model: m,
    interpretation,
  };
}

/** The data of a fixed-effects model, and of its analysis by group (`by`): y, the slopes and controls, the effects, the clusters. */
function feModelData(panel: Panel, m: EstimateModel): FeData {
  return {
    y: column(panel, m.y) as ArrayLike<number>,
    x: numbers(panel, [...m.x, ...m.controls]),
    fe: effects(panel, m),
    ...(m.cluster ? { cluster: column(panel, m.cluster) } : {}),
  };
}

const feOptionsOf = (m: EstimateModel): FeOptions => ({ se: m.se, preset: m.preset, dropSingletons: m.dropSingletons });

/** The columns of a mediation model. */
function mediationData(panel: Panel, m: EstimateModel): MediationData {
  return {
    y: column(panel, m.y) as ArrayLike<number>,
    x: column(panel, m.x[0]) as ArrayLike<number>,
    m: column(panel, m.m!) as ArrayLike<number>,
    controls: numbers(panel, m.controls),
    fe: effects(panel, m),
    cluster: column(panel, m.cluster ?? m.unit),
    ...(m.fe.includes(m.unit) ? { unitFe: m.unit } : {}),
  };
}

function runMediation(panel: Panel, m: EstimateModel, context: EstimateContext): MediationModelResult {
  const draws = context.mediationDraws?.get(m);
  const r = mediation(mediationData(panel, m), feOptionsOf(m), {
    mode: m.mode ?? 'three-step',
    bootstrap: m.bootstrap ?? 0,
    seed: m.seed ?? 1,
    ...(draws ? { draws } : {}),
  });
  const last = r.steps.outcome ?? r.steps.xToM;
  const rename = (c: FeResult['coefficients']) =>
    Object.fromEntries(Object.entries(c).map(([k, v]) => [k === 'x' ? m.x[0] : k === 'm' ? m.m! : k, v]));
  for (const step of Object.values(r.steps)) if (step) step.coefficients = rename(step.coefficients);
  const ab = r.indirect;
  const interpretation = ab
    ? ab.sobel.p !== null && ab.sobel.p < 0.05
      ? {
          zh: `${m.x[0]} 经由 ${m.m} 对 ${m.y} 的间接效应 ab = ${ab.estimate.toPrecision(4)}（Sobel p = ${ab.sobel.p.toPrecision(3)}），占总效应的 ${((r.proportion ?? 0) * 100).toFixed(1)}%。`,
          en: `The indirect effect of ${m.x[0]} on ${m.y} through ${m.m} is ab = ${ab.estimate.toPrecision(4)} (Sobel p = ${ab.sobel.p.toPrecision(3)}), ${((r.proportion ?? 0) * 100).toFixed(1)}% of the total effect.`,
        }
      : {
          zh: `${m.x[0]} 经由 ${m.m} 的间接效应 ab = ${ab.estimate.toPrecision(4)} 在 5% 水平上不显著（Sobel）。`,
          en: `The indirect effect of ${m.x[0]} through ${m.m} (ab = ${ab.estimate.toPrecision(4)}) is not significant at 5% (Sobel).`,
        }
    : interpret(m.x[0], m.m!, r.steps.xToM.coefficients[m.x[0]]);
  return {
    ...r,
    coefficients: last.coefficients,
    n: last.n,
    ...(ab ? { sobel: ab.sobel } : {}),
    name: m.name,
    y: m.y,
    model: m,
    interpretation,
  };
}

/** The identification tests of an IV model in one sentence: underidentification (LM) and weak identification (Wald F). */
function interpretIdentification(r: IvResult): { zh: string; en: string } {
  const kp = r.kleibergenPaap;
  const lmName = kp ? 'Kleibergen–Paap rk LM' : 'Anderson LM';
  const fName = kp ? 'Kleibergen–Paap rk Wald F' : 'Cragg–Donald Wald F';
  const lm = kp ? { s: kp.rkLM, p: kp.rkLMp, df: kp.df } : { ...r.andersonLM, s: r.andersonLM.statistic };
  const F = kp ? kp.rkWaldF : r.craggDonaldF;
  if (!Number.isFinite(lm.s) || !Number.isFinite(F) || !Number.isFinite(lm.p))
    return bi(
      `${lmName} 与 ${fName} 无法计算（去除固定效应和外生变量后工具变量共线或第一阶段完全拟合）。`,
      ` ${lmName} and ${fName} cannot be computed (the instruments are collinear once the fixed effects and exogenous regressors are removed, or the first stage fits exactly).`,
    );
  const rejects = lm.p < 0.05;
  return bi(
    `不可识别检验 ${lmName} χ²(${lm.df}) = ${lm.s.toFixed(2)}（p = ${lm.p.toPrecision(3)}），${rejects ? '拒绝' : '不能拒绝'}“模型不可识别”的原假设；弱识别检验 ${fName} = ${F.toFixed(2)}（可与 Stock–Yogo 临界值比较）。`,
    ` Underidentification: ${lmName} χ²(${lm.df}) = ${lm.s.toFixed(2)} (p = ${lm.p.toPrecision(3)}), the null that the model is not identified is ${rejects ? 'rejected' : 'not rejected'}; weak identification: ${fName} = ${F.toFixed(2)} (to compare with the Stock–Yogo critical values).`,
  );
}

const joinSentences = (a: { zh: string; en: string }, b: { zh: string; en: string }) => ({
  zh: `${a.zh}${b.zh}`,
  en: `${a.en}${b.en}`,
});

/** The suest test of equal slopes across the groups in one sentence. */
function interpretSuest(s: SuestResult, by: string): { zh: string; en: string } {
  if (!Number.isFinite(s.chi2))
    return bi(
      `按 ${by} 分组的似无相关（suest）检验无法计算（联合方差为 0 或奇异），不判断系数差异。`,
      ` The seemingly-unrelated (suest) test by ${by} cannot be computed (the joint variance is zero or singular), so no verdict on the difference.`,
    );
  const sig = s.p < 0.05;
  return bi(
    `按 ${by} 分组的似无相关（suest）检验：${s.term} 的系数在各组之间${sig ? '存在显著差异' : '没有显著差异'}（χ²(${s.df}) = ${s.chi2.toFixed(3)}，p = ${s.p.toPrecision(3)}）。`,
    ` Seemingly-unrelated (suest) test by ${by}: the coefficient of ${s.term} ${sig ? 'differs significantly' : 'does not differ significantly'} between the groups (χ²(${s.df}) = ${s.chi2.toFixed(3)}, p = ${s.p.toPrecision(3)}).`,
  );
}

/** One sentence on a coefficient: its sign, size and significance (1 %, 5 %, 10 %). */
function interpret(lead: string, y: string, c: { estimate: number; p: number }): { zh: string; en: string } {
  if (!Number.isFinite(c.p)) {
    const why = noP(lead);
    return bi(
      `${lead} 对 ${y} 的系数为 ${c.estimate.toPrecision(4)}；${why.zh}。`,
      `The coefficient of ${lead} on ${y} is ${c.estimate.toPrecision(4)}; ${why.en}.`,
    );
  }
  const stars = c.p < 0.01 ? 1 : c.p < 0.05 ? 5 : c.p < 0.1 ? 10 : 0;
  const dir = c.estimate > 0;
  return stars
    ? bi(
        `控制其他变量和固定效应后，${lead} 每增加 1 个单位，${y} 平均${dir ? '增加' : '减少'} ${Math.abs(c.estimate).toPrecision(4)}（在 ${stars}% 水平上显著，p = ${c.p.toPrecision(3)}）。`,
        `Holding the other regressors and the fixed effects fixed, one more unit of ${lead} goes with ${Math.abs(c.estimate).toPrecision(4)} ${dir ? 'more' : 'less'} ${y} on average (significant at ${stars}%, p = ${c.p.toPrecision(3)}).`,
      )
    : bi(
        `${lead} 对 ${y} 的系数为 ${c.estimate.toPrecision(4)}，在 10% 水平上不显著（p = ${c.p.toPrecision(3)}），不能据此认为存在影响。`,
        `The coefficient of ${lead} on ${y} is ${c.estimate.toPrecision(4)} and not significant at 10% (p = ${c.p.toPrecision(3)}): the data do not show an effect.`,
      );
}

function runThreshold(panel: Panel, m: EstimateModel): ThresholdModelResult {
  const spec = m.threshold!;
  const r = estimateThreshold(
    {
      y: column(panel, m.y) as ArrayLike<number>,
      x: numbers(panel, m.x),
      controls: numbers(panel, m.controls),
      q: column(panel, spec.q) as ArrayLike<number>,
      unit: column(panel, m.unit),
      time: column(panel, m.time),
      ...(m.cluster ? { cluster: column(panel, m.cluster) } : {}),
      ...(panel.source ? { source: panel.source } : {}),
    },
    {
      thresholds: spec.thresholds,
      trim: spec.trim,
      grid: spec.grid,
      convention: spec.inequality,
      timeEffects: spec.timeEffects,
      bootstrap: [m.bootstrap ?? 300],
      seed: m.seed ?? 1,
      level: spec.level,
      se: m.se,
      preset: m.preset,
    },
  );
  return { ...r, name: m.name, y: m.y, model: m, interpretation: interpretThreshold(r, m) };
}

/** The tests in order (how many thresholds the bootstrap supports at 5 %) and the slope of the first x in each regime. */
function interpretThreshold(r: ThresholdResult, m: EstimateModel): { zh: string; en: string } {
  const q = m.threshold!.q;
  const x = m.x[0];
  const g = (v: number) => String(Number(v.toPrecision(6)));
  const tests = r.tests.map((t, k) => {
    const p = t.pValue === null ? '' : `, p = ${t.pValue.toFixed(3)}`;
    return { zh: `F${k + 1} = ${t.F.toFixed(2)}${p}`, en: `F${k + 1} = ${t.F.toFixed(2)}${p}` };
  });
  let supported = 0;
  while (supported < r.tests.length && r.tests[supported].pValue !== null && r.tests[supported].pValue! < 0.05)
    supported++;
  const tested = r.tests.every((t) => t.pValue !== null);
  const slopes = r.regimes.map((reg) => {
    const c = r.coefficients[`${x}[${reg.regime}]`];
    return `${reg.label.replace('q', q)}: ${c.estimate.toPrecision(4)}${c.p < 0.01 ? '***' : c.p < 0.05 ? '**' : c.p < 0.1 ? '*' : ''}`;
  });
  const where = r.thresholds.map((v, k) => `${g(v)} [${g(r.ci[k][0])}, ${g(r.ci[k][1])}]`).join('; ');
  const level = Math.round(r.options.level * 100);
  const verdict = tested
    ? bi(
        supported === 0
          ? '自助法检验在 5% 水平上不支持存在门槛效应'
          : `自助法检验在 5% 水平上支持 ${supported} 个门槛${supported < r.tests.length ? '' : '（已检验的最大个数）'}`,
        supported === 0
          ? 'the bootstrap tests do not support a threshold effect at 5%'
          : `the bootstrap tests support ${supported} threshold${supported > 1 ? 's' : ''} at 5%${supported < r.tests.length ? '' : ' (the most tested)'}`,
      )
    : bi('未做自助法检验（bootstrap = 0），没有 p 值', 'no bootstrap (bootstrap = 0): no p-values');
  return {
    zh: `以 ${q} 为门槛变量估计 ${r.thresholds.length} 个门槛：${where}（${level}% 似然比置信区间）；${tests.map((t) => t.zh).join('，')}；${verdict.zh}。${x} 的系数分区制为 ${slopes.join('；')}。`,
    en: `With ${q} as the threshold variable, ${r.thresholds.length} threshold${r.thresholds.length > 1 ? 's' : ''} estimated: ${where} (${level}% LR confidence interval); ${tests.map((t) => t.en).join(', ')}; ${verdict.en}. The slope of ${x} by regime: ${slopes.join('; ')}.`,
  };
}

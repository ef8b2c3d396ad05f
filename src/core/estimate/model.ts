/**
 * The model file of `xinzhi estimate` (JSON or YAML): one model or
 * `{"models": [...]}` to estimate side by side. Field names are a contract
 * (shared/DESIGN.md):
 *   {"type": "fe", "y": "inv", "x": ["value"], "controls": ["capital"],
 *    "unit": "firm", "time": "year", "fe": ["unit", "time"],
 *    "cluster": "unit", "se": "stata"}
 * `fe` names columns to absorb ("unit" and "time" stand for those columns;
 * [] = pooled OLS with a constant). `se`: a cluster preset (stata | plm | lsdv
 * | none; needs `cluster`) or iid | hc1; default stata with a cluster, else iid.
 *
 * @example checkEstimateModel({ type: 'fe', y: 'inv', x: ['capital'], unit: 'firm', time: 'year', fe: ['unit', 'time'], cluster: 'unit' })
 */
import { z } from 'zod';
import { type Problem, XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { SE_PRESETS, type SePreset, type SeType } from './vcov.ts';
import { frameworkTag } from './framework-tag.ts';
import { type DidSpec, didFields, didSpec } from './did-model.ts';
import { THRESHOLD_CONVENTIONS, type ThresholdConvention } from './threshold.ts';
import { type SpatialSpec, spatialFields, spatialSpec } from './sdm-model.ts';
import { SUEST_PRESETS, type SuestPreset } from './suest.ts';

export const MODEL_TYPES = [
  'fe',
  'mediation',
  'moderation',
  'iv',
  'threshold',
  'did',
  'event-study',
  'sdm',
  'sar',
  'sem',
] as const;
/** The spatial panel models (sdm.ts). */
export const SPATIAL_MODEL_TYPES = ['sdm', 'sar', 'sem'] as const;
const SE_CHOICES = [...SE_PRESETS, 'iid', 'hc1'] as const;

const modelSchema = z.strictObject({
  type: z.enum(MODEL_TYPES),
  name: z.string().optional(),
  y: z.string().min(1),
  /** Required except for did / event-study models (their treatment is treat/post or cohort). */
  x: z.array(z.string().min(1)).default([]),
  controls: z.array(z.string().min(1)).optional(),
  unit: z.string().min(1),
  time: z.string().min(1),
  fe: z.array(z.string().min(1)).optional(),
  /** One cluster column, or two for two-way clustering (fe models). */
  cluster: z
    .union([z.string().min(1), z.tuple([z.string().min(1), z.string().min(1)])])
    .nullable()
    .optional(),
  se: z.enum(SE_CHOICES).optional(),
  dropSingletons: z.boolean().optional(),
  /** mediation: the mediator column, the mode, bootstrap draws and seed. */
  m: z.string().min(1).optional(),
  /** moderation: the moderator column. */
  z: z.string().min(1).optional(),
  /** iv: endogenous regressors (among x or added) and excluded instruments. */
  endog: z.array(z.string().min(1)).optional(),
  instruments: z.array(z.string().min(1)).optional(),
  mode: z.enum(['three-step', 'x-to-m']).optional(),
  bootstrap: z.number().int().min(0).max(100_000).optional(),
  seed: z.number().int().optional(),
  /** fe models: estimate in each group of this column and test equal slopes of the first regressor (interaction form). */
  by: z.string().min(1).optional(),
  /** with "by" (two groups): draws of Fisher's permutation test of the coefficient difference (bdiff), seeded by "seed". */
  permutations: z.number().int().min(0).max(100_000).optional(),
  /** with "by": the seemingly-unrelated (Stata suest) χ² test of equal slopes; true = the "stata" preset (M/(M − 1)), "none" = CR0. */
  suest: z.union([z.boolean(), z.enum(SUEST_PRESETS)]).optional(),
  /** Winsorise these variables first (Stata winsor2: percentiles as shares, optional by-group column). */
  winsor: z
    .strictObject({
      vars: z.array(z.string().min(1)).min(1),
      p: z.tuple([z.number().min(0).max(0.5), z.number().min(0.5).max(1)]).optional(),
      by: z.string().min(1).optional(),
      /** with "by" (two groups): draws of Fisher's permutation test of the coefficient difference (bdiff), seeded by "seed". */
      permutations: z.number().int().min(0).max(100_000).optional(),
    })
    .optional(),
  /** mediation / moderation: framework node the mediator or moderator stands for (a path, mechanism or effect of the seeds). */
  framework: z.string().optional(),
  /** did / event-study fields (did-model.ts). */
  ...didFields,
  /** threshold (Hansen 1999): threshold variable, number of thresholds, trimming, grid, inequality, LR level. */
  q: z.string().min(1).optional(),
  thresholds: z.number().int().min(1).max(3).optional(),
  trim: z.union([z.number().min(0).max(0.49), z.array(z.number().min(0).max(0.49)).min(1).max(3)]).optional(),
  grid: z.union([z.literal('all'), z.number().int().min(2)]).optional(),
  inequality: z.enum(THRESHOLD_CONVENTIONS).optional(),
  level: z.number().gt(0).lt(1).optional(),
  /** sdm / sar / sem fields (sdm-model.ts). */
  ...spatialFields,
});

export type EstimateModelInput = z.infer<typeof modelSchema>;

/** A model with every default filled and `unit` / `time` in `fe` and `cluster` resolved to columns. */
export interface EstimateModel {
  type: (typeof MODEL_TYPES)[number];
  name: string;
  y: string;
  x: string[];
  controls: string[];
  unit: string;
  time: string;
  /** Columns absorbed as fixed effects. */
  fe: string[];
  cluster: string | null;
  /** Second cluster dimension (two-way clustering; fe models). */
  cluster2?: string;
  /** fe models: heterogeneity by this column (per-group estimates, interaction test). */
  by?: string;
  /** with by: permutation draws of the difference test (0 = none). */
  permutations?: number;
  /** with by: the suest test of equal slopes with this small-sample preset (absent = not asked). */
  suest?: SuestPreset;
  /** Variables winsorised before estimation (cuts as shares; `by`: a column, cuts within each group). */
  winsor?: { vars: string[]; p: [number, number]; by?: string };
  se: SeType;
  preset: SePreset;
  dropSingletons: boolean;
  /** mediation only */
  m?: string;
  /** moderation only */
  z?: string;
  /** iv only */
  endog?: string[];
  instruments?: string[];
  mode?: 'three-step' | 'x-to-m';
  bootstrap?: number;
  seed?: number;
  framework?: string;
  /** did / event-study only: the treatment design and its options. */
  did?: DidSpec;
  /** threshold only: the filled options (see threshold.ts). */
  threshold?: ThresholdSpec;
  /** sdm / sar / sem only: weights and ML options (sdm-model.ts). */
  spatial?: SpatialSpec;
}

/** The options of a threshold model as filled: xthreg's trim 0.01 and grid 300, Hansen's q ≤ γ, 95 % intervals. */
export interface ThresholdSpec {
  q: string;
  thresholds: 1 | 2 | 3;
  trim: number[];
  grid: 'all' | number;
  inequality: ThresholdConvention;
  level: number;
  timeEffects: boolean;
}

/** Validate one model or a `{models: [...]}` file; problems name the field and the fix in both languages. */
export function checkEstimateModels(input: unknown, file?: string): EstimateModel[] {
  const list =
    input && typeof input === 'object' && 'models' in input ? (input as { models: unknown }).models : [input];
  if (!Array.isArray(list) || list.length === 0) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      message: bi('模型文件的 "models" 应为非空数组', '"models" in the model file must be a non-empty array'),
      fix: bi(
        '写成 {"models": [{"type": "fe", ...}]} 或只写一个模型',
        'write {"models": [{"type": "fe", ...}]} or a single model',
      ),
    });
  }
  return list.map((m, i) => checkEstimateModel(m, list.length > 1 ? `models[${i}]` : '', file));
}

export function checkEstimateModel(input: unknown, at = '', file?: string): EstimateModel {
  const r = modelSchema.safeParse(input);
  if (!r.success) {
    const problems: Problem[] = r.error.issues.map((iss) => {
      const path = [at, ...iss.path.map(String)].filter(Boolean).join('.');
      return {
        code: 'estimate-model',
        severity: 'error',
        ...(file ? { file } : {}),
        column: path || '(model)',
        message: bi(`模型字段 ${path || '（根）'}：${iss.message}`, `model field ${path || '(root)'}: ${iss.message}`),
        fix: bi(
          '按 docs/estimation.md 填写：type、y、x、unit、time，可选 controls、fe、cluster、se（stata | plm | lsdv | none | iid | hc1）',
          'follow docs/estimation.md: type, y, x, unit, time; optional controls, fe, cluster, se (stata | plm | lsdv | none | iid | hc1)',
        ),
      };
    });
    throw new XinzhiError(problems);
  }
  const isDid = r.data.type === 'did' || r.data.type === 'event-study';
  const spatial = (SPATIAL_MODEL_TYPES as readonly string[]).includes(r.data.type)
    ? spatialSpec(r.data, at, file)
    : undefined;
  const did = isDid ? didSpec(r.data, at, file) : undefined;
  if (!isDid && !r.data.x.length)
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      column: [at, 'x'].filter(Boolean).join('.'),
      message: bi('模型字段 x 缺失或为空', 'model field x is missing or empty'),
      fix: bi('写出至少一个回归变量，如 "x": ["数字化"]', 'name at least one regressor, e.g. "x": ["digital"]'),
    });
  const m = r.data;
  if (m.type === 'mediation' && (!m.m || m.x.length !== 1)) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      column: [at, m.m ? 'x' : 'm'].filter(Boolean).join('.'),
      message: bi('中介模型需要一个 x 和一个中介变量 m', 'a mediation model needs one x and a mediator m'),
      fix: bi('写成 "x": ["数字化"], "m": "中介变量列"', 'write "x": ["digital"], "m": "<mediator column>"'),
    });
  }
  if (m.type === 'moderation' && (!m.z || m.x.length !== 1)) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      column: [at, m.z ? 'x' : 'z'].filter(Boolean).join('.'),
      message: bi('调节模型需要一个 x 和一个调节变量 z', 'a moderation model needs one x and a moderator z'),
      fix: bi('写成 "x": ["数字化"], "z": "调节变量列"', 'write "x": ["digital"], "z": "<moderator column>"'),
    });
  }
  if (m.type === 'iv' && (!m.endog?.length || !m.instruments?.length || m.instruments.length < m.endog.length)) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      column: [at, m.endog?.length ? 'instruments' : 'endog'].filter(Boolean).join('.'),
      message: bi(
        '工具变量模型需要 endog（内生变量）和至少同样多的 instruments（工具变量）',
        'an iv model needs endog and at least as many instruments',
      ),
      fix: bi(
        '写成 "endog": ["数字化"], "instruments": ["工具变量列"]',
        'write "endog": ["digital"], "instruments": ["<instrument column>"]',
      ),
    });
  }
  if (m.suest !== undefined && m.suest !== false && (!m.by || m.type !== 'fe'))
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      column: [at, 'suest'].filter(Boolean).join('.'),
      message: bi(
        'suest 检验比较各组的系数，需要 fe 模型和分组列 "by"',
        'the suest test compares the groups\' coefficients: it needs an fe model with a group column "by"',
      ),
      fix: bi('加上 "by": "分组列"，或删去 "suest"', 'add "by": "<group column>", or remove "suest"'),
    });
  const col = (c: string) => (c === 'unit' ? m.unit : c === 'time' ? m.time : c);
  const threshold = m.type === 'threshold' ? thresholdSpec(m, at, file) : undefined;
  // threshold models cluster by unit unless "cluster" is given (null: none), as the Chinese literature reports
  const clusterField = m.cluster === undefined && m.type === 'threshold' ? 'unit' : m.cluster;
  const clusters = clusterField ? (Array.isArray(clusterField) ? clusterField : [clusterField]).map(col) : [];
  const cluster = clusters[0] ?? null;
  if (clusters.length === 2 && m.type !== 'fe')
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      column: [at, 'cluster'].filter(Boolean).join('.'),
      message: bi('双向聚类目前只用于 fe 模型', 'two-way clustering is available for fe models'),
      fix: bi('用一个聚类列，或改为 fe 模型', 'give one cluster column, or use an fe model'),
    });
  const se = m.se ?? (cluster ? 'stata' : 'iid');
  const isPreset = (SE_PRESETS as readonly string[]).includes(se);
  if (isPreset && !cluster) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      ...(file ? { file } : {}),
      column: [at, 'se'].filter(Boolean).join('.'),
      message: bi(
        `se 为 "${se}"（聚类稳健的小样本约定），但没有 cluster`,
        `se "${se}" is a cluster-robust convention but no cluster is given`,
      ),
      fix: bi(
        '加上 "cluster": "unit"（或其他列），或改用 "se": "iid" / "hc1"',
        'add "cluster": "unit" (or another column), or use "se": "iid" / "hc1"',
      ),
    });
  }
  return {
    type: m.type,
    name: m.name ?? `(${at || 1})`,
    y: m.y,
    x: m.x,
    controls: m.controls ?? [],
    unit: m.unit,
    time: m.time,
    fe: (m.fe ?? (m.type === 'threshold' ? ['unit'] : ['unit', 'time'])).map(col),
    cluster,
    ...(clusters[1] ? { cluster2: clusters[1] } : {}),
    ...(m.by && m.type === 'fe' ? { by: col(m.by), permutations: m.permutations ?? 0, seed: m.seed ?? 1 } : {}),
    ...(m.by && m.type === 'fe' && m.suest ? { suest: m.suest === true ? 'stata' : m.suest } : {}),
    ...(m.winsor
      ? {
          winsor: {
            vars: m.winsor.vars,
            p: m.winsor.p ?? [0.01, 0.99],
            ...(m.winsor.by ? { by: col(m.winsor.by) } : {}),
          },
        }
      : {}),
    se: isPreset ? 'cluster' : (se as SeType),
    preset: isPreset ? (se as SePreset) : 'stata',
    dropSingletons: m.dropSingletons ?? true,
    ...(m.type === 'moderation' ? { z: m.z } : {}),
    ...(m.type === 'iv' ? { endog: m.endog, instruments: m.instruments } : {}),
    ...(did ? { did } : {}),
    ...(spatial ? { spatial, seed: spatial.seed } : {}),
    ...(threshold ? { threshold, bootstrap: m.bootstrap ?? 300, seed: m.seed ?? 1 } : {}),
    ...(m.type === 'mediation'
      ? {
          m: m.m,
          mode: m.mode ?? 'three-step',
          bootstrap: m.bootstrap ?? 0,
          seed: m.seed ?? 1,
        }
      : {}),
    ...(m.framework && (m.type === 'mediation' || m.type === 'moderation')
      ? { framework: frameworkTag(m.framework, [at, 'framework'].filter(Boolean).join('.')).id }
      : {}),
  };
}

/** The filled options of a threshold model; q required, fixed effects unit (Hansen) or unit + time, one trim per threshold. */
function thresholdSpec(m: EstimateModelInput, at: string, file?: string): ThresholdSpec {
  const where = (field: string) => ({
    code: 'estimate-model',
    severity: 'error' as const,
    ...(file ? { file } : {}),
    column: [at, field].filter(Boolean).join('.'),
  });
  if (!m.q)
    throw new XinzhiError({
      ...where('q'),
      message: bi('门槛模型需要门槛变量 q', 'a threshold model needs the threshold variable "q"'),
      fix: bi('写成 "q": "门槛变量列"', 'write "q": "<threshold column>"'),
    });
  const fe = m.fe ?? ['unit'];
  const timeEffects = fe.length === 2 && fe.includes('unit') && fe.includes('time');
  if (!(timeEffects || (fe.length === 1 && fe[0] === 'unit')))
    throw new XinzhiError({
      ...where('fe'),
      message: bi(
        `门槛模型的 fe 只能是 ["unit"]（Hansen 1999）或 ["unit", "time"]，而不是 ${JSON.stringify(fe)}`,
        `the fe of a threshold model is ["unit"] (Hansen 1999) or ["unit", "time"], not ${JSON.stringify(fe)}`,
      ),
      fix: bi('删去 fe 或写成 ["unit", "time"]', 'drop "fe" or write ["unit", "time"]'),
    });
  const thresholds = (m.thresholds ?? 1) as 1 | 2 | 3;
  const trim = Array.isArray(m.trim) ? m.trim : Array(thresholds).fill(m.trim ?? 0.01);
  if (trim.length !== thresholds)
    throw new XinzhiError({
      ...where('trim'),
      message: bi(
        `trim 给了 ${trim.length} 个值，但 thresholds 为 ${thresholds}`,
        `"trim" has ${trim.length} values for ${thresholds} thresholds`,
      ),
      fix: bi('给一个数（各门槛相同）或每个门槛一个数', 'give one number (all thresholds) or one per threshold'),
    });
  return {
    q: m.q,
    thresholds,
    trim,
    grid: m.grid ?? 300,
    inequality: m.inequality ?? 'le',
    level: m.level ?? 0.95,
    timeEffects,
  };
}

/**
 * Runtime validation of an evaluation spec (zod) and filling of defaults.
 *
 * `parseSpec(input, ctx)` checks (1) the shape: every field, type and enum,
 * unknown fields (typos) rejected; (2) the structure: duplicate ids, the
 * reserved id "index", unknown parents, indicators used as parents, cycles,
 * empty nodes; (3) the data: indicator, denominator and label columns present
 * in the panel (listing the available columns); (4) method options: given
 * weights present, AHP matrices square and matching the children of their
 * node, combination rules complete. Every problem names its JSON path
 * (e.g. `indicators[3].column`) and a fix, in Chinese and English.
 *
 * Defaults filled (see docs/measurement.md): time null, normalize.method
 * "minmax", normalize.shift 0.0001, normalize.panel "pooled" (targetVariant
 * "ratio" filled with distance-to-target; cap, when absent, true for goalposts
 * and false for distance-to-target: CAP_DEFAULT), weights.method
 * "entropy", weights.panel "pooled", weights.scope "leaves",
 * aggregate.method "arithmetic" (p only with "power"), missing "error", outliers "none"
 * (skew 2, kurtosis 3.5, maxWinsor 5, log true when "coinr"),
 * score.ties "min", score.scale 1, uncertainty seed 1, weightNoise 0.25,
 * uncertainty choice lists = the nominal choice.
 */
import { z } from 'zod';
import type { Problem } from '../errors.ts';
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { closestName } from '../panel/problems.ts';
import { CAP_DEFAULT, DEFAULT_SHIFT, TARGET_VARIANTS } from './normalize.ts';
import { PRESET_IDS, withPreset } from './presets.ts';
import { INDEX_ID } from './result.ts';
import { AGGREGATE_METHODS } from './aggregate.ts';
import { checkMembership, FUZZY_OPERATORS, type MembershipFunctions } from './scores/fuzzy.ts';
import { checkCriterion, PREFERENCE_FUNCTIONS, type PrometheeCriterion } from './scores/promethee.ts';
import { RSR_VARIANTS } from './scores/rsr.ts';
import {
  NORMALIZE_METHODS,
  WEIGHT_METHODS,
  type FilledSpec,
  type Spec,
  type WeightMethod,
  type NormalizeMethod,
} from './spec.ts';

export { NORMALIZE_METHODS, WEIGHT_METHODS } from './spec.ts';
/** Methods that compute weights from the data (usable inside "combined" and in the uncertainty analysis without extra input). */
export const DATA_WEIGHT_METHODS: readonly WeightMethod[] = ['entropy', 'critic', 'cv', 'equal', 'pca'];

const bilingual = z.strictObject({ zh: z.string(), en: z.string() });
const id = z.string().min(1);
const direction = z.enum(['+', '-']);
const panelMode = z.enum(['pooled', 'by-time']);
const normalizeMethod = z.enum(NORMALIZE_METHODS);
const weightMethod = z.enum(WEIGHT_METHODS);
const aggMethod = z.enum(['arithmetic', 'geometric']);
const positive = z.number().finite().positive();

const nodeSchema = z.strictObject({
  id,
  parent: id.nullable().optional(),
  name: bilingual.optional(),
  framework: z.string().optional(),
  weight: z.number().finite().nonnegative().optional(),
});

const indicatorSchema = z.strictObject({
  id,
  column: z.string().min(1),
  direction,
  parent: id.nullable().optional(),
  name: bilingual.optional(),
  unit: z.string().optional(),
  framework: z.string().optional(),
  denominator: z.string().min(1).optional(),
  scale: z.number().finite().optional(),
  weight: z.number().finite().nonnegative().optional(),
  goalposts: z
    .tuple([z.number().finite(), z.number().finite()])
    .refine((g) => g[0] < g[1], { message: 'goalposts: [lower, upper] with lower < upper' })
    .optional(),
  target: z.number().finite().optional(),
});

const specSchema = z.strictObject({
  name: bilingual.optional(),
  preset: z.enum(PRESET_IDS).optional(),
  unit: z.string().min(1),
  time: z.string().min(1).nullable().optional(),
  labels: z.array(z.string().min(1)).optional(),
  long: z.strictObject({ indicator: z.string().min(1), value: z.string().min(1) }).optional(),
  nodes: z.array(nodeSchema).optional(),
  indicators: z.array(indicatorSchema).min(1),
  missing: z
    .strictObject({
      method: z.enum(['error', 'interpolate', 'unit-mean', 'time-mean', 'group-mean', 'drop']),
      group: z.string().min(1).optional(),
      fallback: z.enum(['error', 'unit-mean', 'time-mean', 'group-mean']).optional(),
    })
    .optional(),
  outliers: z
    .strictObject({
      method: z.enum(['none', 'coinr']),
      skew: positive.optional(),
      kurtosis: positive.optional(),
      maxWinsor: z.number().int().nonnegative().optional(),
      log: z.boolean().optional(),
    })
    .optional(),
  normalize: z
    .strictObject({
      method: normalizeMethod.optional(),
      shift: z.number().finite().nonnegative().optional(),
      log: z.boolean().optional(),
      logPlusOne: z.boolean().optional(),
      panel: panelMode.optional(),
      targetVariant: z.enum(TARGET_VARIANTS).optional(),
      cap: z.boolean().optional(),
      range: z
        .tuple([z.number().finite(), z.number().finite()])
        .refine(([a, b]) => a < b, { message: 'range [a, b] needs a < b' })
        .optional(),
    })
    .optional(),
  weights: z
    .strictObject({
      method: weightMethod.optional(),
      panel: panelMode.optional(),
      scope: z.enum(['leaves', 'children']).optional(),
      ahp: z
        .record(
          z.string(),
          z.strictObject({ items: z.array(z.string()), matrix: z.array(z.array(z.number().finite().positive())) }),
        )
        .optional(),
      allowInconsistent: z.boolean().optional(),
      entropy: z
        .strictObject({
          nonNegativeShift: z.number().finite().nonnegative().optional(),
          pEpsilon: z.number().finite().nonnegative().optional(),
          k: z.enum(['observations', 'periods']).optional(),
        })
        .optional(),
      combine: z
        .strictObject({
          methods: z.array(weightMethod).min(2),
          rule: z.enum(['multiplicative', 'linear', 'game-theory']),
          alpha: z.array(z.number().finite().nonnegative()).optional(),
        })
        .optional(),
    })
    .optional(),
  aggregate: z
    .strictObject({
      method: z.enum(AGGREGATE_METHODS).optional(),
      p: z
        .number()
        .finite()
        .refine((v) => v !== 0, { message: 'p = 0: use method "geometric" (the limit of the power mean)' })
        .optional(),
    })
    .optional(),
  score: z
    .strictObject({
      topsis: z
        .union([z.boolean(), z.strictObject({ normalize: z.enum(['vector', 'minmax', 'none']).optional() })])
        .optional(),
      gra: z
        .union([
          z.boolean(),
          z.strictObject({
            rho: z.number().gt(0).lte(1).optional(),
            reference: z.record(z.string(), z.number().finite()).optional(),
          }),
        ])
        .optional(),
      vikor: z.union([z.boolean(), z.strictObject({ v: z.number().gte(0).lte(1).optional() })]).optional(),
      promethee: z
        .union([
          z.boolean(),
          z.strictObject({
            fn: z.enum(PREFERENCE_FUNCTIONS).optional(),
            q: z.number().finite().nonnegative().optional(),
            p: z.number().finite().positive().optional(),
            s: z.number().finite().positive().optional(),
            criteria: z
              .record(
                z.string(),
                z.strictObject({
                  fn: z.enum(PREFERENCE_FUNCTIONS),
                  q: z.number().finite().nonnegative().optional(),
                  p: z.number().finite().positive().optional(),
                  s: z.number().finite().positive().optional(),
                }),
              )
              .optional(),
          }),
        ])
        .optional(),
      copeland: z.boolean().optional(),
      rsr: z
        .union([
          z.boolean(),
          z.strictObject({
            variant: z.enum(RSR_VARIANTS).optional(),
            grades: z.union([z.number().int().min(3).max(6), z.array(z.number().finite()).min(1)]).optional(),
          }),
        ])
        .optional(),
      fuzzy: z
        .union([
          z.boolean(),
          z.strictObject({
            centres: z.array(z.number().finite()).min(2).optional(),
            trapezoids: z
              .array(
                z.tuple([z.number().nullable(), z.number().nullable(), z.number().nullable(), z.number().nullable()]),
              )
              .min(2)
              .optional(),
            operator: z.enum(FUZZY_OPERATORS).optional(),
            scores: z.array(z.number().finite()).optional(),
            grades: z.array(bilingual).optional(),
          }),
        ])
        .optional(),
      scale: positive.optional(),
      ties: z.enum(['min', 'average']).optional(),
    })
    .optional(),
  uncertainty: z
    .strictObject({
      draws: z.number().int().positive().max(1_000_000),
      seed: z.number().int().optional(),
      weightNoise: z.number().finite().gte(0).lt(1).optional(),
      normalize: z.array(normalizeMethod).min(1).optional(),
      weights: z.array(weightMethod).min(1).optional(),
      aggregate: z.array(aggMethod).min(1).optional(),
    })
    .optional(),
});

/** What the spec is checked against: the panel's columns (numeric) and label columns. */
export interface SpecContext {
  columns?: string[];
  labels?: string[];
  /** File the spec came from, for messages. */
  file?: string;
  /** Data file the columns come from, named in messages about missing columns. */
  dataFile?: string;
  /** Stated limits (SPEC_LIMITS by default); the CLI's --max-depth / --max-indicators raise them. */
  limits?: Partial<SpecLimits>;
}

export interface SpecLimits {
  /** Levels below the index (dimensions, sub-dimensions, …, indicators). */
  maxDepth: number;
  /** Indicators in one system. */
  maxIndicators: number;
}

/**
 * Limits checked before any work starts: an indicator system deeper or wider
 * than these is almost surely a mistake (real systems have 2–4 levels and tens
 * to a few hundred indicators) and would only make reports no one can read.
 */
export const SPEC_LIMITS: SpecLimits = { maxDepth: 12, maxIndicators: 2000 };

/** Depth and width of a spec against the limits (after the tree checks: cycles are reported there). */
function checkLimits(spec: Spec, ctx: SpecContext): Problem[] {
  const limits = { ...SPEC_LIMITS, ...(ctx.limits ?? {}) };
  const out: Problem[] = [];
  if (spec.indicators.length > limits.maxIndicators)
    out.push(
      problem(
        'indicators',
        bi(
          `有 ${spec.indicators.length} 个指标，超过上限 ${limits.maxIndicators}`,
          `${spec.indicators.length} indicators, more than the limit of ${limits.maxIndicators}`,
        ),
        bi(
          `确认指标体系无误；确需更多时用 --max-indicators ${spec.indicators.length} 提高上限`,
          `check the system; if you need more, raise the limit with --max-indicators ${spec.indicators.length}`,
        ),
        ctx.file,
        'spec-limit',
      ),
    );
  const parentOf = new Map((spec.nodes ?? []).map((n) => [n.id, n.parent ?? null] as const));
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    // walk up to a node of known depth (or the top), then fill the path: linear in the number of nodes
    const path: string[] = [];
    let cur: string | null = id;
    let base = 0;
    const seen = new Set<string>();
    while (cur !== null && cur !== INDEX_ID && parentOf.has(cur)) {
      const known = depth.get(cur);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (seen.has(cur)) return Number.NaN;
      seen.add(cur);
      path.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i], base + (path.length - i));
    return depth.get(id) ?? base;
  };
  let deepest = 0;
  let where = '';
  spec.indicators.forEach((ind, i) => {
    const d = (ind.parent ? depthOf(ind.parent) : 0) + 1;
    if (d > deepest) {
      deepest = d;
      where = `indicators[${i}].parent`;
    }
  });
  if (deepest > limits.maxDepth)
    out.push(
      problem(
        where,
        bi(
          `层级有 ${deepest} 层，超过上限 ${limits.maxDepth}`,
          `the hierarchy is ${deepest} levels deep, more than the limit of ${limits.maxDepth}`,
        ),
        bi(
          `检查 parent 是否连成了长链；确需更深时用 --max-depth ${deepest} 提高上限`,
          `check whether the parents form a long chain; if you need it, raise the limit with --max-depth ${deepest}`,
        ),
        ctx.file,
        'spec-limit',
      ),
    );
  return out;
}

/** JSON path of a zod issue path: indicators[3].column */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s === '' ? '(spec)' : s;
}

/** Plain names of the spec fields users meet most, so a message says "the unit column", not "spec unit". */
const FIELD_NAMES: Array<[RegExp, (m: RegExpMatchArray) => Bilingual]> = [
  [/^unit$/, () => bi('单位列（unit）', 'the unit column (unit)')],
  [/^time$/, () => bi('时间列（time）', 'the time column (time)')],
  [/^name$/, () => bi('指数名称（name）', 'the index name (name)')],
  [/^indicators$/, () => bi('指标列表（indicators）', 'the list of indicators (indicators)')],
  [/^nodes$/, () => bi('维度列表（nodes）', 'the list of dimensions (nodes)')],
  [
    /^indicators\[(\d+)\]\.(\w+)$/,
    (m) => bi(`第 ${Number(m[1]) + 1} 个指标的 ${m[2]}`, `field ${m[2]} of indicator ${Number(m[1]) + 1}`),
  ],
  [
    /^nodes\[(\d+)\]\.(\w+)$/,
    (m) => bi(`第 ${Number(m[1]) + 1} 个维度的 ${m[2]}`, `field ${m[2]} of dimension ${Number(m[1]) + 1}`),
  ],
];

/** The field a path names, in words (the path itself when no plain name is known). */
export function fieldName(path: string): Bilingual {
  for (const [re, name] of FIELD_NAMES) {
    const m = path.match(re);
    if (m) return name(m);
  }
  return bi(`字段 ${path}`, `field ${path}`);
}

function problem(path: string, message: Bilingual, fix: Bilingual, file?: string, code = 'spec'): Problem {
  const field = fieldName(path);
  const where = field.en.includes(path) ? '' : ` [${path}]`;
  const p: Problem = {
    code,
    severity: 'error',
    message: bi(`指标体系中${field.zh}${where}：${message.zh}`, `indicator system, ${field.en}${where}: ${message.en}`),
    fix,
  };
  if (file) p.file = file;
  return p;
}

/** Turn a zod issue into a bilingual problem with a fix. */
function issueProblem(issue: z.core.$ZodIssue, file?: string): Problem {
  const path = jsonPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const missing = (issue as { input?: unknown }).input === undefined;
      return missing
        ? problem(
            path,
            bi('缺少必填字段', 'required field is missing'),
            bi(`添加字段 ${path}（类型 ${issue.expected}）`, `add ${path} (a ${issue.expected})`),
            file,
            'spec-missing-field',
          )
        : problem(
            path,
            bi(`类型应为 ${issue.expected}`, `expected a ${issue.expected}`),
            bi(`把 ${path} 改为 ${issue.expected}`, `make ${path} a ${issue.expected}`),
            file,
            'spec-type',
          );
    }
    case 'invalid_value': {
      const opts = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return problem(
        path,
        bi(`取值无效`, `invalid value`),
        bi(`使用以下之一：${opts}`, `use one of: ${opts}`),
        file,
        'spec-value',
      );
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return problem(
        path,
        bi(`未知字段：${keys}`, `unknown field(s): ${keys}`),
        bi(
          '删除或更正这些字段名（见 docs/measurement.md）',
          'remove or correct these field names (see docs/measurement.md)',
        ),
        file,
        'spec-unknown-field',
      );
    }
    case 'too_small': {
      const origin = (issue as { origin?: string }).origin;
      if (origin === 'string' && Number(issue.minimum) <= 1)
        return problem(
          path,
          bi('为空', 'is empty'),
          bi(`填写${fieldName(path).zh}`, `fill in ${fieldName(path).en}`),
          file,
          'spec-range',
        );
      if (origin === 'array' && Number(issue.minimum) <= 1)
        return problem(
          path,
          bi('不能为空', 'must not be empty'),
          bi('至少添加一项', 'add at least one entry'),
          file,
          'spec-range',
        );
      return problem(
        path,
        bi(`值太小（最小 ${String(issue.minimum)}）`, `too small (minimum ${String(issue.minimum)})`),
        bi('提供更大的值', 'give a larger value'),
        file,
        'spec-range',
      );
    }
    case 'too_big':
      return problem(
        path,
        bi(`值太大（最大 ${String(issue.maximum)}）`, `too large (maximum ${String(issue.maximum)})`),
        bi('减小该值', 'use a smaller value'),
        file,
        'spec-range',
      );
    default:
      return problem(
        path,
        bi(issue.message, issue.message),
        bi('按 docs/measurement.md 更正该字段', 'correct this field as described in docs/measurement.md'),
        file,
        'spec-invalid',
      );
  }
}

type Parsed = z.infer<typeof specSchema>;

/**
 * The defaults of a spec, written once: `fillDefaults` applies them and the
 * docs (docs/measurement.md) state the same values (a test keeps them equal).
 */
export const SPEC_DEFAULTS = {
  missing: { method: 'error' },
  outliers: { method: 'none', coinr: { skew: 2, kurtosis: 3.5, maxWinsor: 5, log: true } },
  normalize: {
    method: 'minmax',
    shift: DEFAULT_SHIFT,
    log: false,
    logPlusOne: false,
    panel: 'pooled',
    targetVariant: 'ratio',
    cap: CAP_DEFAULT,
  },
  weights: { method: 'entropy', panel: 'pooled', scope: 'leaves', allowInconsistent: false },
  aggregate: { method: 'arithmetic' },
  score: {
    topsis: { normalize: 'none' },
    gra: { rho: 0.5 },
    vikor: { v: 0.5 },
    promethee: { fn: 'usual' },
    copeland: false,
    rsr: { variant: 'integer', grades: 3 },
    fuzzy: { centres: [0, 0.25, 0.5, 0.75, 1], operator: 'weighted-average' },
    scale: 1,
    ties: 'min',
  },
  uncertainty: { seed: 1, weightNoise: 0.25 },
} as const;

/** Fill every default; the result is the spec "as used" recorded in the RunRecord. */
export function fillDefaults(s: Parsed): FilledSpec {
  const D = SPEC_DEFAULTS;
  const spec: FilledSpec = {
    ...(s.name ? { name: s.name } : {}),
    unit: s.unit,
    time: s.time ?? null,
    ...(s.labels ? { labels: s.labels } : {}),
    ...(s.long ? { long: s.long } : {}),
    nodes: (s.nodes ?? []).map((n) => ({ ...n, parent: n.parent ?? null })),
    indicators: s.indicators.map((i) => ({ ...i, parent: i.parent ?? null })),
    missing: {
      method: s.missing?.method ?? D.missing.method,
      ...(s.missing?.group ? { group: s.missing.group } : {}),
      ...(s.missing?.fallback ? { fallback: s.missing.fallback } : {}),
    },
    outliers:
      s.outliers?.method === 'coinr'
        ? {
            method: 'coinr',
            skew: s.outliers.skew ?? D.outliers.coinr.skew,
            kurtosis: s.outliers.kurtosis ?? D.outliers.coinr.kurtosis,
            maxWinsor: s.outliers.maxWinsor ?? D.outliers.coinr.maxWinsor,
            log: s.outliers.log ?? D.outliers.coinr.log,
          }
        : { method: 'none' },
    ...(s.preset ? { preset: s.preset } : {}),
    normalize: {
      method: s.normalize?.method ?? D.normalize.method,
      // a range replaces the shift: with a range and no shift written, the shift is 0
      shift: s.normalize?.shift ?? (s.normalize?.range ? 0 : D.normalize.shift),
      ...(s.normalize?.range ? { range: s.normalize.range } : {}),
      log: s.normalize?.log ?? D.normalize.log,
      logPlusOne: s.normalize?.logPlusOne ?? D.normalize.logPlusOne,
      panel: s.normalize?.panel ?? D.normalize.panel,
      ...(normalizeMethodUsed(s, 'distance-to-target')
        ? { targetVariant: s.normalize?.targetVariant ?? D.normalize.targetVariant }
        : {}),
      // cap: as given; absent, each method's default (CAP_DEFAULT) applies
      ...(s.normalize?.cap !== undefined ? { cap: s.normalize.cap } : {}),
    },
    weights: {
      method: s.weights?.method ?? D.weights.method,
      panel: s.weights?.panel ?? D.weights.panel,
      scope: s.weights?.scope ?? D.weights.scope,
      ...(s.weights?.ahp ? { ahp: s.weights.ahp } : {}),
      allowInconsistent: s.weights?.allowInconsistent ?? D.weights.allowInconsistent,
      ...(s.weights?.entropy ? { entropy: s.weights.entropy } : {}),
      ...(s.weights?.combine ? { combine: s.weights.combine } : {}),
    },
    aggregate: {
      method: s.aggregate?.method ?? D.aggregate.method,
      ...(s.aggregate?.p !== undefined ? { p: s.aggregate.p } : {}),
    },
    score: {
      topsis:
        s.score?.topsis === true
          ? { ...D.score.topsis }
          : s.score?.topsis
            ? { normalize: s.score.topsis.normalize ?? D.score.topsis.normalize }
            : false,
      gra:
        s.score?.gra === true
          ? { ...D.score.gra }
          : s.score?.gra
            ? {
                rho: s.score.gra.rho ?? D.score.gra.rho,
                ...(s.score.gra.reference ? { reference: s.score.gra.reference } : {}),
              }
            : false,
      vikor:
        s.score?.vikor === true
          ? { ...D.score.vikor }
          : s.score?.vikor
            ? { v: s.score.vikor.v ?? D.score.vikor.v }
            : false,
      rsr:
        s.score?.rsr === true
          ? { ...D.score.rsr }
          : s.score?.rsr
            ? { variant: s.score.rsr.variant ?? D.score.rsr.variant, grades: s.score.rsr.grades ?? D.score.rsr.grades }
            : false,
      fuzzy: s.score?.fuzzy ? fillFuzzy(s.score.fuzzy) : false,
      promethee: s.score?.promethee
        ? { criteria: Object.fromEntries(prometheeCriteria(s).map((c, j) => [s.indicators[j].id, c])) }
        : false,
      copeland: s.score?.copeland ?? D.score.copeland,
      scale: s.score?.scale ?? D.score.scale,
      ties: s.score?.ties ?? D.score.ties,
    },
  };
  if (s.uncertainty) {
    spec.uncertainty = {
      draws: s.uncertainty.draws,
      seed: s.uncertainty.seed ?? D.uncertainty.seed,
      weightNoise: s.uncertainty.weightNoise ?? D.uncertainty.weightNoise,
      normalize: s.uncertainty.normalize ?? [spec.normalize.method],
      weights: s.uncertainty.weights ?? [spec.weights.method],
      // harmonic / power nominal means are refused with the uncertainty analysis (aggregateProblems)
      aggregate: s.uncertainty.aggregate ?? (spec.aggregate.method === 'geometric' ? ['geometric'] : ['arithmetic']),
    };
  }
  return spec;
}

/** PROMETHEE criteria in indicator order: the per-indicator entry, else the common function (usual by default). */
function prometheeCriteria(s: Parsed): PrometheeCriterion[] {
  const o = s.score?.promethee;
  const common: PrometheeCriterion =
    o && o !== true
      ? {
          fn: o.fn ?? SPEC_DEFAULTS.score.promethee.fn,
          ...(o.q !== undefined ? { q: o.q } : {}),
          ...(o.p !== undefined ? { p: o.p } : {}),
          ...(o.s !== undefined ? { s: o.s } : {}),
        }
      : { fn: SPEC_DEFAULTS.score.promethee.fn };
  return s.indicators.map((i) => (o && o !== true && o.criteria?.[i.id]) || common);
}

/** Fuzzy evaluation as used: membership functions (centres by default), operator, grade scores 1..g by default. */
function fillFuzzy(f: NonNullable<NonNullable<Parsed['score']>['fuzzy']>): FilledSpec['score']['fuzzy'] {
  const D = SPEC_DEFAULTS.score.fuzzy;
  const o: Exclude<typeof f, boolean> = f === true || f === false ? {} : f;
  const functions: MembershipFunctions = o.trapezoids
    ? { trapezoids: o.trapezoids }
    : { centres: o.centres ?? [...D.centres] };
  const g = 'centres' in functions ? functions.centres.length : functions.trapezoids.length;
  return {
    functions,
    operator: o.operator ?? D.operator,
    scores: o.scores ?? Array.from({ length: g }, (_, k) => k + 1),
    ...(o.grades ? { grades: o.grades } : {}),
  };
}

/** Fuzzy membership functions, grade scores and names consistent; RSR cut-offs increasing. */
function scoreProblems(s: Parsed, file?: string): Problem[] {
  const out: Problem[] = [];
  const f = s.score?.fuzzy;
  if (f && f !== true) {
    if (f.centres && f.trapezoids)
      out.push(
        problem(
          'score.fuzzy',
          bi('centres 与 trapezoids 只能给一个', 'give either centres or trapezoids, not both'),
          bi('删去其中一个', 'remove one of them'),
          file,
          'spec-score',
        ),
      );
    let g = 0;
    try {
      g = checkMembership(f.trapezoids ? { trapezoids: f.trapezoids } : { centres: f.centres ?? [0, 1] });
    } catch (e) {
      const p = (e as XinzhiError).problems[0];
      out.push(
        problem(f.trapezoids ? 'score.fuzzy.trapezoids' : 'score.fuzzy.centres', p.message, p.fix!, file, 'spec-score'),
      );
    }
    for (const k of ['scores', 'grades'] as const)
      if (g && f[k] && f[k].length !== g)
        out.push(
          problem(
            `score.fuzzy.${k}`,
            bi(`${k} 有 ${f[k].length} 项，等级有 ${g} 个`, `${k} has ${f[k].length} entries for ${g} grades`),
            bi('每个等级一项，从低到高', 'one entry per grade, from low to high'),
            file,
            'spec-score',
          ),
        );
  }
  const pr = s.score?.promethee;
  if (pr) {
    const ids = new Set(s.indicators.map((i) => i.id));
    if (pr !== true)
      for (const k of Object.keys(pr.criteria ?? {}))
        if (!ids.has(k))
          out.push(
            problem(
              `score.promethee.criteria.${k}`,
              bi(`没有指标 "${k}"`, `there is no indicator "${k}"`),
              bi('用指标 id 作键', 'key the criteria by indicator id'),
              file,
              'spec-score',
            ),
          );
    prometheeCriteria(s).forEach((c, j) => {
      try {
        checkCriterion(c, j);
      } catch (e) {
        const p = (e as XinzhiError).problems[0];
        out.push(problem(`score.promethee (${s.indicators[j].id})`, p.message, p.fix!, file, 'spec-score'));
      }
    });
  }
  const gra = s.score?.gra;
  if (gra && gra !== true && gra.reference) {
    const ids = new Set(s.indicators.map((i) => i.id));
    const given = Object.keys(gra.reference);
    const unknown = given.filter((k) => !ids.has(k));
    const missing = [...ids].filter((k) => !(k in gra.reference!));
    if (unknown.length || missing.length)
      out.push(
        problem(
          'score.gra.reference',
          bi(
            `参考值须覆盖且只覆盖全部指标${missing.length ? `；缺少 ${missing.join('、')}` : ''}${unknown.length ? `；未知 ${unknown.join('、')}` : ''}`,
            `the reference needs a value for every indicator and no other${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}`,
          ),
          bi(
            '按指标 id 给出标准化尺度上的参考值，如 {"rd": 1, "patents": 0.8}',
            'give one value per indicator id, on the normalised scale, e.g. {"rd": 1, "patents": 0.8}',
          ),
          file,
          'spec-score',
        ),
      );
  }
  const r = s.score?.rsr;
  if (r && r !== true && Array.isArray(r.grades) && r.grades.some((t, k, a) => k > 0 && t <= a[k - 1]))
    out.push(
      problem(
        'score.rsr.grades',
        bi('概率单位分界值须严格递增', 'the probit cut-offs must be strictly increasing'),
        bi('如 [4, 6]（3 档）', 'e.g. [4, 6] (3 grades)'),
        file,
        'spec-score',
      ),
    );
  return out;
}

/** Whether a normalisation method is the nominal one or one the uncertainty analysis draws. */
function normalizeMethodUsed(s: Parsed, m: NormalizeMethod): boolean {
  return (s.normalize?.method ?? SPEC_DEFAULTS.normalize.method) === m || (s.uncertainty?.normalize ?? []).includes(m);
}

/** normalize.range only with minmax and without a shift; weights.entropy only where entropy weights are computed. */
function conventionProblems(s: Parsed, file?: string): Problem[] {
  const out: Problem[] = [];
  if (s.normalize?.range) {
    if ((s.normalize.method ?? SPEC_DEFAULTS.normalize.method) !== 'minmax')
      out.push(
        problem(
          'normalize.range',
          bi('normalize.range 只用于 minmax', 'normalize.range is used only by minmax'),
          bi('删去 range，或改用 method: minmax', 'remove range, or use method: minmax'),
          file,
          'spec-normalize',
        ),
      );
    if ((s.normalize.shift ?? 0) > 0)
      out.push(
        problem(
          'normalize.shift',
          bi(
            `normalize.range 已给出区间，不能再加平移量 ${s.normalize.shift}`,
            `normalize.range already sets the interval; a shift of ${s.normalize.shift} cannot be added on top`,
          ),
          bi(
            '删去 shift（或写 0），用 range 的下限代替平移',
            'remove shift (or write 0); the lower end of range does its job',
          ),
          file,
          'spec-normalize',
        ),
      );
  }
  const w = s.weights;
  if (w?.entropy) {
    const used =
      (w.method ?? SPEC_DEFAULTS.weights.method) === 'entropy' || (w.combine?.methods ?? []).includes('entropy');
    if (!used)
      out.push(
        problem(
          'weights.entropy',
          bi('weights.entropy 只用于熵权法', 'weights.entropy is used only by the entropy method'),
          bi('删去 weights.entropy，或改用 method: entropy', 'remove weights.entropy, or use method: entropy'),
          file,
          'spec-weights',
        ),
      );
    if (w.entropy.k === 'periods' && !s.time)
      out.push(
        problem(
          'weights.entropy.k',
          bi('k = "periods" 需要时间列（time）', 'k = "periods" needs a time column (time)'),
          bi('在规格中写 time，或删去 weights.entropy.k', 'write time in the spec, or remove weights.entropy.k'),
          file,
          'spec-weights',
        ),
      );
  }
  return out;
}

/** Goalposts / targets on every indicator when their method is used; their options only with their method. */
function normalizeProblems(s: Parsed, file?: string): Problem[] {
  const out: Problem[] = [];
  const goal = normalizeMethodUsed(s, 'goalposts');
  const targ = normalizeMethodUsed(s, 'distance-to-target');
  s.indicators.forEach((ind, i) => {
    if (goal && ind.goalposts === undefined)
      out.push(
        problem(
          `indicators[${i}].goalposts`,
          bi(
            `指标 "${ind.id}" 没有 goalposts，goalposts 标准化需要每个指标的 [下限, 上限]`,
            `indicator "${ind.id}" has no goalposts; goalpost normalisation needs [lower, upper] on every indicator`,
          ),
          bi(
            '写 goalposts: [下限, 上限]（与指标同单位，如 HDI 的预期寿命 [20, 85]）',
            "write goalposts: [lower, upper] in the indicator's units (e.g. [20, 85] for HDI life expectancy)",
          ),
          file,
          'spec-normalize',
        ),
      );
    if (targ && ind.target === undefined)
      out.push(
        problem(
          `indicators[${i}].target`,
          bi(
            `指标 "${ind.id}" 没有 target，distance-to-target 标准化需要每个指标的目标值`,
            `indicator "${ind.id}" has no target; distance-to-target normalisation needs a target on every indicator`,
          ),
          bi('写 target: 目标值（与指标同单位）', "write target: the goal value (in the indicator's units)"),
          file,
          'spec-normalize',
        ),
      );
  });
  const opts: Array<[keyof NonNullable<Parsed['normalize']>, boolean, string]> = [
    ['targetVariant', targ, 'distance-to-target'],
    ['cap', goal || targ, 'goalposts / distance-to-target'],
  ];
  for (const [k, used, m] of opts)
    if (s.normalize?.[k] !== undefined && !used)
      out.push(
        problem(
          `normalize.${k}`,
          bi(`normalize.${k} 只用于 ${m}`, `normalize.${k} is used only by ${m}`),
          bi(`删去 ${k}，或改用 ${m}`, `remove ${k}, or use ${m}`),
          file,
          'spec-normalize',
        ),
      );
  if ((goal || targ) && s.outliers?.method === 'coinr')
    out.push(
      problem(
        'outliers.method',
        bi(
          'coinr 异常值处理会对部分指标取对数或缩尾，固定的 goalposts / target 不再与数据同单位',
          'coinr outlier treatment logs or winsorises some indicators, so fixed goalposts / targets would no longer be in the units of the data',
        ),
        bi(
          'goalposts / distance-to-target 请用 outliers "none"',
          'use outliers "none" with goalposts / distance-to-target',
        ),
        file,
        'spec-normalize',
      ),
    );
  return out;
}

/** The power mean's exponent present exactly when needed; harmonic / power kept out of the uncertainty analysis. */
function aggregateProblems(s: Parsed, file?: string): Problem[] {
  const out: Problem[] = [];
  const m = s.aggregate?.method ?? SPEC_DEFAULTS.aggregate.method;
  if (m === 'power' && s.aggregate?.p === undefined)
    out.push(
      problem(
        'aggregate.p',
        bi('幂平均（power）需要指数 p', 'the power mean needs an exponent p'),
        bi(
          '写 aggregate: {method: "power", p: 0.5}（p = 1 算术、p = −1 调和；p 越小越不可补偿）',
          'write aggregate: {method: "power", p: 0.5} (p = 1 arithmetic, p = −1 harmonic; a smaller p compensates less)',
        ),
        file,
        'spec-aggregate',
      ),
    );
  if (m !== 'power' && s.aggregate?.p !== undefined)
    out.push(
      problem(
        'aggregate.p',
        bi(`p 只用于 method "power"，当前 method 为 "${m}"`, `p is used only by method "power"; method is "${m}"`),
        bi('删去 p，或把 method 改为 "power"', 'remove p, or set method to "power"'),
        file,
        'spec-aggregate',
      ),
    );
  if (s.uncertainty && !s.uncertainty.aggregate && (m === 'harmonic' || m === 'power'))
    out.push(
      problem(
        'uncertainty.aggregate',
        bi(
          `不确定性分析只抽取算术或几何合成，名义合成为 "${m}"`,
          `the uncertainty analysis draws arithmetic or geometric aggregation only; the nominal one is "${m}"`,
        ),
        bi(
          '写明 uncertainty.aggregate，如 ["arithmetic", "geometric"]',
          'state uncertainty.aggregate, e.g. ["arithmetic", "geometric"]',
        ),
        file,
        'spec-aggregate',
      ),
    );
  return out;
}

/** Structural and data checks on a shape-valid spec. */
function checkStructure(spec: Spec, ctx: SpecContext): Problem[] {
  const out: Problem[] = [];
  const f = ctx.file;
  const nodes = spec.nodes ?? [];
  const seen = new Map<string, string>();
  const nodeIds = new Set(nodes.map((n) => n.id));
  const indIds = new Set(spec.indicators.map((i) => i.id));
  const declare = (idv: string, path: string) => {
    if (idv === INDEX_ID)
      out.push(
        problem(
          path,
          bi(`"${INDEX_ID}" 是保留 id（总指数）`, `"${INDEX_ID}" is reserved for the composite index`),
          bi('换一个 id', 'choose another id'),
          f,
          'spec-reserved-id',
        ),
      );
    const prev = seen.get(idv);
    if (prev !== undefined)
      out.push(
        problem(
          path,
          bi(`id "${idv}" 重复（已在 ${prev} 使用）`, `duplicate id "${idv}" (already used at ${prev})`),
          bi('每个节点和指标的 id 必须唯一', 'every node and indicator id must be unique'),
          f,
          'spec-duplicate-id',
        ),
      );
    else seen.set(idv, path);
  };
  nodes.forEach((n, i) => declare(n.id, `nodes[${i}].id`));
  spec.indicators.forEach((ind, i) => declare(ind.id, `indicators[${i}].id`));

  const nodeList = [...nodeIds];
  const checkParent = (parent: string | null | undefined, path: string) => {
    if (parent === null || parent === undefined || parent === INDEX_ID) return;
    if (indIds.has(parent) && !nodeIds.has(parent)) {
      out.push(
        problem(
          path,
          bi(`父节点 "${parent}" 是指标，不是节点`, `parent "${parent}" is an indicator, not a node`),
          bi('父节点必须是 nodes 中声明的节点', 'a parent must be a node declared in nodes'),
          f,
          'spec-parent-indicator',
        ),
      );
    } else if (!nodeIds.has(parent)) {
      const near = closestName(parent, nodeList);
      out.push(
        problem(
          path,
          bi(
            `未知父节点 "${parent}"。已声明节点：${nodeList.join(', ') || '（无）'}`,
            `unknown parent "${parent}". Declared nodes: ${nodeList.join(', ') || '(none)'}`,
          ),
          near
            ? bi(`是否指 "${near}"？`, `did you mean "${near}"?`)
            : bi(
                '在 nodes 中声明该节点，或把 parent 设为 null（直接挂在总指数下）',
                'declare the node in nodes, or set parent to null (directly under the index)',
              ),
          f,
          'spec-unknown-parent',
        ),
      );
    }
  };
  nodes.forEach((n, i) => checkParent(n.parent, `nodes[${i}].parent`));
  spec.indicators.forEach((ind, i) => checkParent(ind.parent, `indicators[${i}].parent`));

  // cycles among nodes
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent ?? null] as const));
  const reported = new Set<string>();
  // nodes known to reach the top: each walk stops there, so a long chain is checked in linear time
  const rooted = new Set<string>();
  nodes.forEach((n, i) => {
    const path: string[] = [n.id];
    let cur = parentOf.get(n.id) ?? null;
    const visited = new Set([n.id]);
    let cyclic = false;
    while (cur !== null && cur !== INDEX_ID && nodeIds.has(cur) && !rooted.has(cur)) {
      path.push(cur);
      if (visited.has(cur)) {
        const cyc = path.slice(path.indexOf(cur));
        const key = [...cyc].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          out.push(
            problem(
              `nodes[${i}].parent`,
              bi(`节点形成环：${cyc.join(' → ')}`, `nodes form a cycle: ${cyc.join(' → ')}`),
              bi(
                '层级必须是一棵树：把其中一个节点的 parent 改为 null 或上层节点',
                'the hierarchy must be a tree: set one of these parents to null or to a higher node',
              ),
              f,
              'spec-cycle',
            ),
          );
        }
        cyclic = true;
        break;
      }
      visited.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (!cyclic) for (const id of path) rooted.add(id);
  });

  // empty nodes
  const hasChild = new Set<string>();
  for (const n of nodes) if (n.parent) hasChild.add(n.parent);
  for (const ind of spec.indicators) if (ind.parent) hasChild.add(ind.parent);
  nodes.forEach((n, i) => {
    if (!hasChild.has(n.id))
      out.push(
        problem(
          `nodes[${i}]`,
          bi(`节点 "${n.id}" 没有下级指标或节点`, `node "${n.id}" has no child indicators or nodes`),
          bi('给它挂上指标，或删除该节点', 'attach indicators to it or remove it'),
          f,
          'spec-empty-node',
        ),
      );
  });

  // data columns
  if (ctx.columns) {
    const cols = ctx.columns;
    const list = cols.map((c) => `"${c}"`).join(', ');
    const colProblem = (col: string, path: string, role: Bilingual) => {
      const near = closestName(col, cols);
      const inData = ctx.dataFile
        ? bi(`数据文件 ${ctx.dataFile} 中`, `the data file ${ctx.dataFile}`)
        : bi('数据中', 'the data');
      out.push(
        problem(
          path,
          bi(
            `${role.zh}列 "${col}" 不在${inData.zh}。数据中的数值列：${list || '（无）'}`,
            `${role.en} column "${col}" is not in ${inData.en}. Numeric columns in the data: ${list || '(none)'}`,
          ),
          near
            ? bi(`是否指 "${near}"？请使用准确的列名`, `did you mean "${near}"? Use the exact column name`)
            : bi('从上面的列名中选择', 'pick one of the columns listed'),
          f,
          'spec-missing-column',
        ),
      );
    };
    spec.indicators.forEach((ind, i) => {
      if (!cols.includes(ind.column)) colProblem(ind.column, `indicators[${i}].column`, bi('指标', 'indicator'));
      if (ind.denominator !== undefined && !cols.includes(ind.denominator))
        colProblem(ind.denominator, `indicators[${i}].denominator`, bi('分母', 'denominator'));
    });
  }
  if (ctx.labels && spec.labels) {
    spec.labels.forEach((l, i) => {
      if (!ctx.labels!.includes(l) && !(ctx.columns ?? []).includes(l))
        out.push(
          problem(
            `labels[${i}]`,
            bi(
              `标签列 "${l}" 不在数据中。现有标签列：${ctx.labels!.join(', ') || '（无）'}`,
              `label column "${l}" is not in the data. Label columns: ${ctx.labels!.join(', ') || '(none)'}`,
            ),
            bi('从数据的文本列中选择', 'pick a text column of the data'),
            f,
            'spec-missing-column',
          ),
        );
    });
  }
  if (spec.missing?.method === 'group-mean' && !spec.missing.group)
    out.push(
      problem(
        'missing.group',
        bi('group-mean 需要分组列', 'group-mean needs a group column'),
        bi('设置 missing.group，例如 "region"', 'set missing.group, e.g. "region"'),
        f,
        'spec-missing-field',
      ),
    );

  // children of each node (for given / AHP)
  const children = new Map<string, string[]>([[INDEX_ID, []]]);
  for (const n of nodes) children.set(n.id, []);
  for (const n of nodes) children.get(n.parent ?? INDEX_ID)?.push(n.id);
  for (const ind of spec.indicators) children.get(ind.parent ?? INDEX_ID)?.push(ind.id);

  const w = spec.weights;
  const usesMethod = (m: WeightMethod) =>
    w.method === m ||
    (w.method === 'combined' && (w.combine?.methods ?? []).includes(m)) ||
    (spec.uncertainty?.weights ?? []).includes(m);
  if (usesMethod('given')) {
    nodes.forEach((n, i) => {
      if (n.weight === undefined)
        out.push(
          problem(
            `nodes[${i}].weight`,
            bi(
              'weights.method 为 "given" 时每个节点都需要 weight',
              'weights.method "given" needs a weight on every node',
            ),
            bi('添加 weight（在同一父节点下的相对权重）', 'add weight (relative weight within its parent)'),
            f,
            'spec-missing-field',
          ),
        );
    });
    spec.indicators.forEach((ind, i) => {
      if (ind.weight === undefined)
        out.push(
          problem(
            `indicators[${i}].weight`,
            bi(
              'weights.method 为 "given" 时每个指标都需要 weight',
              'weights.method "given" needs a weight on every indicator',
            ),
            bi('添加 weight（在同一父节点下的相对权重）', 'add weight (relative weight within its parent)'),
            f,
            'spec-missing-field',
          ),
        );
    });
    for (const [parent, kids] of children) {
      const all = [
        ...nodes.filter((n) => kids.includes(n.id)).map((n) => n.weight ?? 0),
        ...spec.indicators.filter((x) => kids.includes(x.id)).map((x) => x.weight ?? 0),
      ];
      if (kids.length && all.every((v) => v === 0))
        out.push(
          problem(
            parent === INDEX_ID ? 'nodes' : `nodes(${parent})`,
            bi(`"${parent}" 的下级权重全为 0`, `the children of "${parent}" all have weight 0`),
            bi('至少给一个下级正权重', 'give at least one child a positive weight'),
            f,
            'spec-weights',
          ),
        );
    }
  }
  if (usesMethod('ahp')) {
    const ahp = w.ahp ?? {};
    for (const [parent, kids] of children) {
      if (kids.length < 2) continue;
      const m = ahp[parent];
      const path = `weights.ahp.${parent}`;
      if (!m) {
        out.push(
          problem(
            path,
            bi(
              `缺少节点 "${parent}" 的判断矩阵（下级：${kids.join(', ')}）`,
              `no pairwise comparison matrix for node "${parent}" (children: ${kids.join(', ')})`,
            ),
            bi(
              `添加 weights.ahp["${parent}"] = { items: [...], matrix: [[...]] }`,
              `add weights.ahp["${parent}"] = { items: [...], matrix: [[...]] }`,
            ),
            f,
            'spec-ahp',
          ),
        );
        continue;
      }
      const extra = m.items.filter((x) => !kids.includes(x)),
        lack = kids.filter((x) => !m.items.includes(x));
      if (extra.length || lack.length || m.items.length !== kids.length)
        out.push(
          problem(
            `${path}.items`,
            bi(
              `items 必须正好是 "${parent}" 的下级：${kids.join(', ')}${extra.length ? `；多余：${extra.join(', ')}` : ''}${lack.length ? `；缺少：${lack.join(', ')}` : ''}`,
              `items must be exactly the children of "${parent}": ${kids.join(', ')}${extra.length ? `; not children: ${extra.join(', ')}` : ''}${lack.length ? `; missing: ${lack.join(', ')}` : ''}`,
            ),
            bi('更正 items', 'correct items'),
            f,
            'spec-ahp',
          ),
        );
      const n = m.items.length;
      if (m.matrix.length !== n || m.matrix.some((r) => r.length !== n))
        out.push(
          problem(
            `${path}.matrix`,
            bi(
              `矩阵大小应为 ${n}×${n}（与 items 一致），实际为 ${m.matrix.length}×${m.matrix.map((r) => r.length).join('/')}`,
              `matrix must be ${n}×${n} (one row and column per item), got ${m.matrix.length}×${m.matrix.map((r) => r.length).join('/')}`,
            ),
            bi('每个 item 一行一列', 'one row and one column per item'),
            f,
            'spec-ahp',
          ),
        );
    }
    for (const key of Object.keys(ahp))
      if (!children.has(key))
        out.push(
          problem(
            `weights.ahp.${key}`,
            bi(`"${key}" 不是节点（总指数用 "${INDEX_ID}"）`, `"${key}" is not a node (use "${INDEX_ID}" for the top)`),
            bi('使用节点 id 作为键', 'key matrices by node id'),
            f,
            'spec-ahp',
          ),
        );
  }
  if (w.method === 'combined') {
    if (!w.combine)
      out.push(
        problem(
          'weights.combine',
          bi('weights.method 为 "combined" 时需要 combine', 'weights.method "combined" needs weights.combine'),
          bi(
            '添加 { "methods": ["ahp", "entropy"], "rule": "multiplicative" }',
            'add { "methods": ["ahp", "entropy"], "rule": "multiplicative" }',
          ),
          f,
          'spec-missing-field',
        ),
      );
    else {
      if (w.combine.methods.includes('combined'))
        out.push(
          problem(
            'weights.combine.methods',
            bi('不能嵌套 combined', 'combined cannot be nested'),
            bi('只列出基础方法', 'list base methods only'),
            f,
            'spec-value',
          ),
        );
      if (w.combine.rule === 'linear') {
        const a = w.combine.alpha;
        if (!a || a.length !== w.combine.methods.length)
          out.push(
            problem(
              'weights.combine.alpha',
              bi(
                `linear 组合需要与 methods 等长（${w.combine.methods.length}）的 alpha`,
                `the linear rule needs alpha with one coefficient per method (${w.combine.methods.length})`,
              ),
              bi('例如 "alpha": [0.5, 0.5]', 'e.g. "alpha": [0.5, 0.5]'),
              f,
              'spec-weights',
            ),
          );
        else if (Math.abs(a.reduce((x, y) => x + y, 0) - 1) > 1e-9)
          out.push(
            problem(
              'weights.combine.alpha',
              bi('alpha 之和必须为 1', 'alpha must sum to 1'),
              bi('调整系数使其和为 1', 'rescale the coefficients to sum to 1'),
              f,
              'spec-weights',
            ),
          );
      }
    }
  } else if (w.combine) {
    out.push(
      problem(
        'weights.combine',
        bi(
          '只有 weights.method 为 "combined" 时才使用 combine',
          'weights.combine is only used when weights.method is "combined"',
        ),
        bi('删除 combine 或把 method 设为 "combined"', 'remove combine or set method to "combined"'),
        f,
        'spec-unused',
      ),
    );
  }
  if (spec.uncertainty) {
    for (const [i, m] of (spec.uncertainty.weights ?? []).entries()) {
      if (m === 'combined' && !w.combine)
        out.push(
          problem(
            `uncertainty.weights[${i}]`,
            bi('"combined" 需要 weights.combine', '"combined" needs weights.combine'),
            bi('添加 weights.combine 或去掉 "combined"', 'add weights.combine or drop "combined"'),
            f,
            'spec-weights',
          ),
        );
    }
  }
  return out;
}

/**
 * Validate a spec (already parsed from JSON/YAML) and fill its defaults.
 * Returns every problem found; `spec` is undefined when the shape is invalid.
 */
export function parseSpec(input: unknown, ctx: SpecContext = {}): { spec?: FilledSpec; problems: Problem[] } {
  const r = specSchema.safeParse(input);
  if (!r.success) return { problems: r.error.issues.map((i) => issueProblem(i, ctx.file)) };
  const data = withPreset(r.data);
  const spec = fillDefaults(data);
  const problems = [
    ...conventionProblems(data, ctx.file),
    ...aggregateProblems(data, ctx.file),
    ...normalizeProblems(data, ctx.file),
    ...scoreProblems(data, ctx.file),
    ...checkStructure(spec, ctx),
  ];
  return {
    spec,
    problems: problems.some((p) => p.code === 'spec-cycle') ? problems : [...problems, ...checkLimits(spec, ctx)],
  };
}

/** Validate and fill defaults, throwing a XinzhiError listing every problem. */
export function validateSpec(input: unknown, ctx: SpecContext = {}): FilledSpec {
  const { spec, problems } = parseSpec(input, ctx);
  if (!spec || problems.some((p) => p.severity === 'error')) throw new XinzhiError(problems);
  return spec;
}

export type { NormalizeMethod };

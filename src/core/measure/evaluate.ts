/**
 * `evaluate(panel, spec)`: the measurement pipeline, data in, index out.
 * Synchronous and pure (no I/O); every step is recorded in the RunRecord.
 *
 *  1. spec: validated against the panel (spec-schema.ts), every default filled;
 *  2. indicator columns: denominated (x / d · scale) where the spec asks;
 *  3. missing values: the spec's method (default "error"), every cell reported;
 *  4. validation: finite values, duplicate rows, constant columns (warnings);
 *  5. outliers: none (default) or COINr's winsorise / log treatment;
 *  6. optional ln / ln(1+x) of the raw values;
 *  7. normalisation (pooled or by time) with direction, min-max shift;
 *  8. weights at every level (scope leaves / children, panel pooled / by-time);
 *  9. aggregation up the hierarchy (weighted arithmetic / geometric mean);
 * 10. scores of every node, ×score.scale, ranks within each time
 *     (descending, ties "min" 1,2,2,4 or "average");
 * 11. TOPSIS / grey relational / VIKOR when asked for (same weights; pooled
 *     sample, or per time with weights.panel "by-time");
 * 12. coherence: correlations, Cronbach's alpha, negative correlations warned;
 * 13. Monte Carlo uncertainty and sensitivity analysis when spec.uncertainty;
 * 14. the RunRecord (spec as used, SHA-256 data fingerprint, version, steps).
 *
 * Regeneration: `regenerate(record, panel)` checks the panel's fingerprint
 * against the record and returns `evaluate(panel, record.spec)`, which
 * reproduces every number (the record's spec has every default filled,
 * including the uncertainty seed).
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel, Time } from '../panel/types.ts';
import { denominate } from '../panel/denominate.ts';
import { imputePanel } from '../panel/impute.ts';
import { treatOutliers } from '../panel/outliers.ts';
import { validatePanel } from '../panel/validate.ts';
import { timesOf } from '../panel/ops.ts';
import { correlationMatrixOf, correlationOf, cronbachAlpha, crossProducts, type CrossProducts } from './coherence.ts';
import { buildHierarchy, globalOfAll, globalFromLocal, type Hierarchy, type LocalWeights } from './hierarchy.ts';
import {
  columnNormalizeOptions,
  hierarchyWeights,
  locate,
  nodeScores,
  normalizeMatrix,
  subset,
  type Locator,
  type TimeGroups,
  type KnownCrossProducts,
  type WeightDiagnostic,
} from './hierarchy-weights.ts';
import { AGGREGATE_FORMULA } from './aggregate.ts';
import { CAP_DEFAULT, logTransform } from './normalize.ts';
import { rank } from './rank.ts';
import { fingerprintPanel, usedColumns, type HashFunction } from './record.ts';
import {
  INDEX_ID,
  type CoherenceReport,
  type EvaluationResult,
  type NodeScoreRow,
  type NodeWeight,
  type RunRecord,
  type ScoreRow,
} from './result.ts';
import { fuzzyEvaluate, membershipColumns } from './scores/fuzzy.ts';
import { greyRelational } from './scores/gra.ts';
import { PAIRWISE_FUNCTIONS } from './scores/promethee.ts';
import { type PairwiseJob, type PairwiseOutput, type PairwiseRunner, runPairwiseJob } from './pairwise-jobs.ts';
import { rankSumRatio } from './scores/rsr.ts';
import { topsis } from './scores/topsis.ts';
import { vikor } from './scores/vikor.ts';
import { type SpecLimits, validateSpec } from './spec-schema.ts';
import type { Direction, FilledSpec, Spec } from './spec.ts';
import {
  runUncertainty,
  runUncertaintyParts,
  type UncertaintyInput,
  type UncertaintyPartRunner,
} from './uncertainty.ts';

export interface EvaluateOptions {
  /** Software version recorded in the RunRecord (the CLI passes package.json's). */
  version?: string;
  /** The JavaScript engine, recorded in the RunRecord (io/engine.ts in Node, the browser's name in the web app). */
  engine?: string;
  /** Limits of the spec check (spec-schema SPEC_LIMITS by default). */
  limits?: Partial<SpecLimits>;
  /** Progress of the uncertainty analysis: draws done of total. */
  onProgress?: (done: number, total: number) => void;
  /** Where the data came from (file name), for the record. */
  source?: string;
  /** File the spec came from, for messages. */
  specFile?: string;
  /**
   * SHA-256 for the data fingerprint: the serialised data in pieces in,
   * lower-case hex out (record.ts HashFunction). Default @noble/hashes (pure
   * JavaScript, browser-safe); Node adapters pass node:crypto's
   * (io/sha256.ts), which is faster. Any correct SHA-256 gives the same
   * fingerprint.
   */
  hash?: HashFunction;
  /**
   * Keep the prepared data and the normalised matrix with the result for the
   * next scorer of the same panel (indexScorer's `from`, the robustness
   * check), which then neither prepares nor normalises it again: for 75,000
   * rows × 40 indicators a 24 MB matrix not made twice. That scorer takes
   * them (they go with it rather than staying as long as the result), so a
   * result written or shown afterwards does not hold them. What it scores
   * is the data as this evaluation prepared it, even if the panel's columns
   * change afterwards.
   */
  keepPrepared?: boolean;
  /** Keep the sampled design of the uncertainty analysis in `uncertainty.design` (for independent checking). */
  keepDraws?: boolean;
}

/** The panel after steps 2–6: raw indicator columns aligned with the hierarchy's indicators. */
import type { Prepared } from './prepared.ts';
import { float64Of } from '../stats/gather.ts';
export type { Prepared } from './prepared.ts';

type Step = RunRecord['steps'][number];

/** Whether a column holds a missing cell (NaN); a plain loop, several times faster than `some` on a firm panel. */
function hasNaN(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

/** Time groups of the rows (times sorted as timesOf does). */
export function timeGroups(time: Time[], times: Time[]): TimeGroups {
  const pos = new Map<Time, number>(times.map((t, g) => [t, g]));
  const n = time.length;
  const index = new Int32Array(n);
  const counts = new Int32Array(times.length);
  for (let r = 0; r < n; r++) {
    const g = pos.get(time[r])!;
    index[r] = g;
    counts[g]++;
  }
  const rows = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(times.length);
  for (let r = 0; r < n; r++) {
    const g = index[r];
    rows[g][fill[g]++] = r;
  }
  return { times, index, rows };
}

/** Steps 2–6: denominate, missing values, validate, outliers, log. */
export function preparePanel(
  panel: Panel,
  spec: FilledSpec,
  warnings: Problem[],
  steps: Step[],
  record: { imputations: RunRecord['imputations']; treatments: RunRecord['treatments'] },
): Prepared {
  // 2. indicator columns (keyed by the data column, or "column / denominator")
  const keyOf = (i: Spec['indicators'][number]) =>
    i.denominator
      ? `${i.column} / ${i.denominator}${i.scale !== undefined && i.scale !== 1 ? ` × ${i.scale}` : ''}`
      : i.scale !== undefined && i.scale !== 1
        ? `${i.column} × ${i.scale}`
        : i.column;
  const keys = spec.indicators.map(keyOf);
  const uniqueKeys = [...new Set(keys)];
  let work: Panel = { unitKey: panel.unitKey, timeKey: panel.timeKey, unit: panel.unit, time: panel.time, columns: {} };
  if (panel.source !== undefined) work.source = panel.source;
  if (panel.sourceRow) work.sourceRow = panel.sourceRow;
  const labelNames = usedColumns(spec).labels;
  if (labelNames.length) {
    work.labels = {};
    for (const l of labelNames) work.labels[l] = panel.labels?.[l] ?? Array.from(panel.columns[l] ?? [], String);
  }
  const denomItems = spec.indicators
    .filter((i) => i.denominator)
    .map((i) => ({ column: i.column, denominator: i.denominator!, scale: i.scale, as: keyOf(i) }));
  if (denomItems.length) {
    const d = denominate(panel, denomItems);
    const errs = d.problems.filter((p) => p.severity === 'error');
    if (errs.length) throw new XinzhiError(errs);
    warnings.push(...d.problems);
    for (const it of denomItems) work.columns[it.as] = d.panel.columns[it.as];
    steps.push({
      step: 'denominate',
      label: bi('分母化（比值指标）', 'Denomination (ratio indicators)'),
      details: {
        formula: 'x / d × scale',
        items: denomItems.map((i) => ({ column: i.column, denominator: i.denominator, scale: i.scale ?? 1, as: i.as })),
      },
    });
  }
  for (const i of spec.indicators) {
    const k = keyOf(i);
    if (!work.columns[k]) {
      const src = panel.columns[i.column];
      work.columns[k] = i.scale !== undefined && i.scale !== 1 ? float64Of(src.length, (r) => src[r] * i.scale!) : src;
    }
  }

  // 3. missing values
  // (a panel without missing cells in the used columns is left as is — imputePanel would copy it unchanged)
  const anyMissing = uniqueKeys.some((k) => hasNaN(work.columns[k]));
  const miss = anyMissing
    ? imputePanel(work, uniqueKeys, spec.missing)
    : { panel: work, imputed: [], dropped: [], problems: [] };
  const missErr = miss.problems.filter((p) => p.severity === 'error');
  if (missErr.length) throw new XinzhiError(missErr);
  warnings.push(...miss.problems);
  work = miss.panel;
  record.imputations.push(...miss.imputed);
  steps.push({
    step: 'missing',
    label: bi('缺失值处理', 'Missing values'),
    details: { method: spec.missing.method, imputed: miss.imputed.length, dropped: miss.dropped },
  });
  if (work.unit.length === 0)
    throw new XinzhiError({
      code: 'no-rows',
      severity: 'error',
      message: bi('处理缺失值后没有剩余数据行', 'no rows are left after treating missing values'),
      fix: bi('改用插值或均值填补，或检查数据', 'use interpolation or a mean instead of drop, or check the data'),
    });

  // 4. validation
  const positive = spec.normalize.log && !spec.normalize.logPlusOne ? uniqueKeys : undefined;
  const nonNegative = spec.normalize.log && spec.normalize.logPlusOne ? uniqueKeys : undefined;
  const vp = validatePanel(work, {
    columns: uniqueKeys,
    ...(positive ? { positive } : {}),
    ...(nonNegative ? { nonNegative } : {}),
  });
  const vErr = vp.filter((p) => p.severity === 'error');
  if (vErr.length) throw new XinzhiError(vErr);
  warnings.push(...vp);
  steps.push({
    step: 'validate',
    label: bi('数据校验', 'Validation'),
    details: { rows: work.unit.length, warnings: vp.length },
  });

  // 5. outliers
  if (spec.outliers && spec.outliers.method !== 'none') {
    const t = treatOutliers(work, uniqueKeys, spec.outliers);
    work = t.panel;
    record.treatments.push(...t.treated);
    steps.push({
      step: 'outliers',
      label: bi('异常值处理（COINr）', 'Outlier treatment (COINr)'),
      details: { ...spec.outliers, summary: t.summary },
    });
  }

  const times = timesOf(work);
  const groups = timeGroups(work.time, times);
  const loc: Locator = {
    unit: work.unit,
    time: work.time,
    indicators: spec.indicators.map((i) => i.id),
    hasTime: work.timeKey !== null,
  };

  // 6. log
  let raw = keys.map((k) => work.columns[k]);
  if (spec.normalize.log) {
    raw = raw.map((x, j) => {
      try {
        return logTransform(x, { plusOne: spec.normalize.logPlusOne });
      } catch (e) {
        return locate(e, 'log', loc, null, [loc.indicators[j]]);
      }
    });
    steps.push({
      step: 'log',
      label: bi('对数变换', 'Log transform'),
      details: { formula: spec.normalize.logPlusOne ? 'ln(1 + x)' : 'ln x' },
    });
  }
  return {
    unit: work.unit,
    time: work.time,
    groups,
    raw,
    directions: spec.indicators.map((i) => i.direction),
    loc,
    labels: work.labels ?? {},
  };
}

/** Ranks within each time group. */
export function ranksByTime(
  values: Float64Array,
  groups: TimeGroups,
  order: 'desc' | 'asc',
  ties: 'min' | 'average',
): Float64Array {
  const out = new Float64Array(values.length);
  for (const rows of groups.rows) {
    const len = rows.length;
    const v = new Float64Array(len);
    for (let i = 0; i < len; i++) v[i] = values[rows[i]];
    const rk = rank(v, { order, ties });
    for (let i = 0; i < len; i++) out[rows[i]] = rk[i];
  }
  return out;
}

/** Warnings about the spec itself against the panel (before any computation). */
function specWarnings(spec: FilledSpec, panel: Panel): Problem[] {
  const out: Problem[] = [];
  if (spec.unit !== panel.unitKey || (spec.time ?? null) !== panel.timeKey) {
    out.push({
      code: 'spec-keys',
      severity: 'warning',
      message: bi(
        `规格的 unit/time（${spec.unit}/${spec.time}）与面板（${panel.unitKey}/${panel.timeKey}）不同；按面板计算`,
        `the spec's unit/time (${spec.unit}/${spec.time}) differ from the panel's (${panel.unitKey}/${panel.timeKey}); the panel's are used`,
      ),
      fix: bi('读取数据时使用规格中的列名', "read the data with the spec's column names"),
    });
  }
  if (spec.normalize.method === 'none') {
    const reversed = spec.indicators.filter((i) => i.direction === '-').map((i) => i.id);
    if (reversed.length)
      out.push({
        code: 'direction-ignored',
        severity: 'warning',
        message: bi(
          `normalize.method 为 "none"，负向指标按原值计入（方向被忽略）：${reversed.join('、')}`,
          `normalize.method "none" ignores direction; these "−" indicators enter as they are: ${reversed.join(', ')}`,
        ),
        fix: bi(
          '先把负向指标转换为正向，或选择 minmax 等会处理方向的方法',
          'turn them into "+" indicators first, or use a method that applies direction such as minmax',
        ),
      });
  }
  return out;
}

/** Local and global weight of every node and indicator (means over times, and per time when weights vary by time). */
export function collectNodeWeights(
  h: Hierarchy,
  local: LocalWeights[],
  groups: Pick<TimeGroups, 'times'>,
): { nodeWeights: NodeWeight[]; weights: Record<string, number> } {
  const byTime = local.length > 1;
  const globals = local.map((l) => globalOfAll(h, l));
  const nodeWeights: NodeWeight[] = [];
  const mean = (f: (g: number) => number) => {
    let s = 0;
    for (let g = 0; g < local.length; g++) s += f(g);
    return s / local.length;
  };
  for (const id of [...h.topDown.filter((x) => x !== INDEX_ID), ...h.indicators]) {
    const hn = h.byId.get(id)!;
    const parent = hn.parent!;
    const k = h.byId.get(parent)!.children.indexOf(id);
    const w: NodeWeight = {
      id,
      parent: parent === INDEX_ID ? null : parent,
      kind: hn.kind === 'indicator' ? 'indicator' : 'node',
      local: mean((g) => local[g].get(parent)![k]),
      global: mean((g) => globals[g].get(id)!),
    };
    if (byTime) {
      w.byTime = {};
      groups.times.forEach((t, g) => {
        w.byTime![String(t)] = { local: local[g].get(parent)![k], global: globals[g].get(id)! };
      });
    }
    nodeWeights.push(w);
  }
  const weights: Record<string, number> = {};
  for (const w of nodeWeights) if (w.kind === 'indicator') weights[w.id] = w.global;
  return { nodeWeights, weights };
}

/**
 * A rank as stored in a score row: a whole rank as a small integer, which V8
 * keeps inside the row, not in a number object of its own (a rank read from
 * a Float64Array is a double; a fractional one, from average ties, stays
 * as it is). The same value; 16 bytes less per row: 375,000 rows at 5,000
 * firms × 15 years (104 → 88 bytes a row, measured with --expose-gc).
 * @example wholeRank(3) // 3, held as a small integer
 */
function wholeRank(x: number): number {
  return Number.isInteger(x) && x < 0x3fffffff ? x | 0 : x;
}

/** Score rows of the index and of every node, with their ranks. */
function scoreRowsOf(
  h: Hierarchy,
  prep: Prepared,
  scores: Map<string, Float64Array>,
  nodeRanks: Map<string, Float64Array>,
): { scoreRows: ScoreRow[]; nodeScoreRows: NodeScoreRow[] } {
  const n = prep.unit.length;
  const { unit: units, time: times } = prep;
  const index = scores.get(INDEX_ID)!,
    indexRank = nodeRanks.get(INDEX_ID)!;
  const scoreRows: ScoreRow[] = new Array(n);
  for (let r = 0; r < n; r++)
    scoreRows[r] = { unit: units[r], time: times[r], score: index[r], rank: wholeRank(indexRank[r]) };
  const nodeScoreRows: NodeScoreRow[] = new Array(h.topDown.length * n);
  let q = 0;
  for (const node of h.topDown) {
    const s = scores.get(node)!,
      rk = nodeRanks.get(node)!;
    for (let r = 0; r < n; r++)
      nodeScoreRows[q++] = { node, unit: units[r], time: times[r], score: s[r], rank: wholeRank(rk[r]) };
  }
  return { scoreRows, nodeScoreRows };
}

/** What the extra MCDM scores (TOPSIS, GRA, VIKOR) share: data, weights and the samples (pooled or per time). */
interface ExtraScoreContext {
  h: Hierarchy;
  prep: Prepared;
  X: Float64Array[];
  /** Rows of each sample (null = all rows) and the effective indicator weights used for it. */
  samples: Array<{ rows: Int32Array | null; w: number[] }>;
  ties: 'min' | 'average';
  byTime: boolean;
  /** Where the samples of Copeland and gaussian PROMETHEE go to be computed elsewhere (evaluateAsync's `pairwise`). */
  defer?: DeferredPairwise[];
}

/** A pairwise method's samples handed back by evaluateSteps, and what completes the result once they are computed. */
interface DeferredPairwise {
  jobs: PairwiseJob[];
  finish: (outs: Array<PairwiseOutput | undefined>) => void;
}

/**
 * One loop shape for every extra score: run the method on each sample, scatter
 * its named outputs back to panel rows, and rank one of them within each time.
 */
function scoreBySample<K extends string>(
  ctx: ExtraScoreContext,
  label: string,
  keys: readonly K[],
  run: (rows: Int32Array | null, w: number[], sample: number) => Record<K, ArrayLike<number>>,
  rankBy: K,
  order: 'asc' | 'desc',
): { out: Record<K, Float64Array>; rank: Float64Array } {
  const n = ctx.prep.unit.length;
  const out = Object.fromEntries(keys.map((k) => [k, new Float64Array(n)])) as Record<K, Float64Array>;
  for (const [i, s] of ctx.samples.entries()) {
    let res: Record<K, ArrayLike<number>>;
    try {
      res = run(s.rows, s.w, i);
    } catch (e) {
      locate(e, label, ctx.prep.loc, s.rows, ctx.h.indicators);
    }
    for (const k of keys) {
      const src = res[k],
        dst = out[k];
      for (let i = 0; i < src.length; i++) dst[s.rows ? s.rows[i] : i] = src[i];
    }
  }
  return { out, rank: ranksByTime(out[rankBy], ctx.prep.groups, order, ctx.ties) };
}

/** A method's result rows: each panel row's unit and time, its outputs `keys` (in that order) and its rank. */
function methodRows<K extends string>(
  prep: Prepared,
  keys: readonly K[],
  { out, rank }: { out: Record<K, Float64Array>; rank: Float64Array },
): Array<{ unit: string; time: Time } & Record<K, number> & { rank: number }> {
  return Array.from({ length: prep.unit.length }, (_, r) => {
    const row: Record<string, string | Time | number> = { unit: prep.unit[r], time: prep.time[r] };
    for (const k of keys) row[k] = out[k][r];
    row.rank = rank[r];
    return row as { unit: string; time: Time } & Record<K, number> & { rank: number };
  });
}

/** Step 11: TOPSIS, grey relational, VIKOR, RSR and fuzzy scores when the spec asks for them. */
function extraScores(
  ctx: ExtraScoreContext,
  sc: FilledSpec['score'],
  result: EvaluationResult,
  steps: Step[],
  warnings: Problem[],
): void {
  scoresRsrFuzzy(ctx, sc, result, steps, warnings);
  const { h, prep, X, byTime } = ctx;
  const take = (cols: Float64Array[], rows: Int32Array | null) => cols.map((x) => subset(x, rows));
  const plus: Direction[] = h.indicators.map(() => '+');
  const sample = byTime ? 'per time' : 'pooled';
  if (sc.topsis) {
    const tn = sc.topsis.normalize;
    const keys = ['dPlus', 'dMinus', 'closeness'] as const;
    result.topsis = methodRows(
      prep,
      keys,
      scoreBySample(
        ctx,
        'TOPSIS',
        keys,
        (rows, w) =>
          tn === 'none'
            ? topsis(take(X, rows), w, plus, { normalize: 'none' })
            : topsis(take(prep.raw, rows), w, prep.directions, { normalize: tn }),
        'closeness',
        'desc',
      ),
    );
    steps.push({
      step: 'topsis',
      label: bi('TOPSIS 贴近度', 'TOPSIS closeness'),
      details: {
        normalize: tn,
        data: tn === 'none' ? 'normalised (directions applied)' : 'raw after treatment, with directions',
        weights: 'effective indicator weights',
        sample,
      },
    });
  }
  if (sc.gra) {
    const rho = sc.gra.rho;
    const given = sc.gra.reference;
    const reference = given ? h.indicators.map((id) => given[id]) : undefined;
    const keys = ['grade'] as const;
    result.gra = methodRows(
      prep,
      keys,
      scoreBySample(
        ctx,
        'GRA',
        keys,
        (rows, w) => greyRelational(take(X, rows), w, { rho, ...(reference ? { reference } : {}) }),
        'grade',
        'desc',
      ),
    );
    steps.push({
      step: 'gra',
      label: bi('灰色关联度', 'Grey relational grade'),
      details: { rho, data: 'normalised', reference: reference ? given : 'column maxima', sample },
    });
  }
  if (sc.vikor) {
    const v = sc.vikor.v;
    const keys = ['S', 'R', 'Q'] as const;
    result.vikor = methodRows(
      prep,
      keys,
      scoreBySample(ctx, 'VIKOR', keys, (rows, w) => vikor(take(X, rows), w, plus, { v }), 'Q', 'asc'),
    );
    steps.push({
      step: 'vikor',
      label: bi('VIKOR 妥协解', 'VIKOR compromise'),
      details: { v, data: 'normalised', rank: 'ascending Q (1 = best)', sample },
    });
  }
}

/**
 * Largest sample the methods that compare every pair take (n² pairs): Copeland
 * and PROMETHEE II with a gaussian criterion. 10,000 holds every A-share firm
 * in one year; with 40 indicators such a sample takes about 4.5 s (Copeland) or
 * 22 s (gaussian) on one core; evaluateAsync's `pairwise` spreads the samples,
 * and a large one's criteria or rows, over several. PROMETHEE II's other functions are computed
 * from sorted columns and take any size.
 */
export const MAX_PAIRWISE_ROWS = 10_000;

function checkPairwiseSize(ctx: ExtraScoreContext, methods: string[]): void {
  if (!methods.length) return;
  const n = Math.max(...ctx.samples.map((s) => (s.rows ? s.rows.length : ctx.prep.unit.length)));
  const names = methods.join(' / ');
  if (n > MAX_PAIRWISE_ROWS)
    throw new XinzhiError({
      code: 'pairwise-too-large',
      severity: 'error',
      message: bi(
        `${names} 比较每一对单位-时间，样本有 ${n} 行（上限 ${MAX_PAIRWISE_ROWS}）`,
        `${names} compare${methods.length === 1 ? 's' : ''} every pair of unit-times; the sample has ${n} rows (limit ${MAX_PAIRWISE_ROWS})`,
      ),
      fix: bi(
        '用 weights.panel: "by-time" 按期比较，或减少单位' +
          (methods.some((m) => m.includes('gaussian')) ? '；PROMETHEE 的其余偏好函数不受此限' : ''),
        'compare within each time with weights.panel: "by-time", or use fewer units' +
          (methods.some((m) => m.includes('gaussian'))
            ? "; PROMETHEE's other preference functions have no such limit"
            : ''),
      ),
    });
}

/** Rank-sum ratio (raw data with directions) and fuzzy evaluation (normalised data), per sample. */
function scoresRsrFuzzy(
  ctx: ExtraScoreContext,
  sc: FilledSpec['score'],
  result: EvaluationResult,
  steps: Step[],
  warnings: Problem[],
): void {
  const { prep, X, byTime } = ctx;
  const take = (cols: Float64Array[], rows: Int32Array | null) => cols.map((x) => subset(x, rows));
  const sample = byTime ? 'per time' : 'pooled';
  const rowsOf = <T>(f: (r: number) => T): T[] => Array.from({ length: prep.unit.length }, (_, r) => f(r));
  const prom = sc.promethee;
  checkPairwiseSize(ctx, [
    ...(prom && ctx.h.indicators.some((id) => PAIRWISE_FUNCTIONS.includes(prom.criteria[id].fn))
      ? ['PROMETHEE II (gaussian)']
      : []),
    ...(sc.copeland ? ['Copeland'] : []),
  ]);
  const jobCols: Float64Array[][] = []; // a sample's columns, shared by the two methods' jobs
  const colsOf = (i: number) => (jobCols[i] ??= take(X, ctx.samples[i].rows));
  /**
   * A pairwise method's rows (and each sample's output), from the jobs'
   * outputs where given, else computed here. With `into` (ctx.defer) the
   * jobs are handed there and the result completed once they are computed;
   * an empty `complete` meanwhile keeps the member's place in the result.
   */
  const pairwise = <K extends string>(
    label: string,
    keys: readonly K[],
    rankBy: K,
    jobOf: (i: number) => PairwiseJob,
    into: DeferredPairwise[] | undefined,
    complete: (rows: ReturnType<typeof methodRows<K>>, outs: PairwiseOutput[]) => void,
  ): void => {
    const finish = (given: Array<PairwiseOutput | undefined>) => {
      const outs: PairwiseOutput[] = [];
      const run = (_rows: Int32Array | null, _w: number[], i: number) =>
        (outs[i] = given[i] ?? runPairwiseJob(jobOf(i))) as unknown as Record<K, Float64Array>;
      complete(methodRows(prep, keys, scoreBySample(ctx, label, keys, run, rankBy, 'desc')), outs);
    };
    if (into) {
      complete([], []);
      into.push({ jobs: ctx.samples.map((_, i) => jobOf(i)), finish });
    } else finish([]);
  };
  if (sc.promethee) {
    const byId = sc.promethee.criteria;
    const criteria = ctx.h.indicators.map((id) => byId[id]);
    const gaussian = criteria.some((c) => PAIRWISE_FUNCTIONS.includes(c.fn)); // else quick here: not sent
    pairwise(
      'PROMETHEE II',
      ['phiPlus', 'phiMinus', 'phi'] as const,
      'phi',
      (i) => ({ method: 'promethee', cols: colsOf(i), w: ctx.samples[i].w, criteria }),
      gaussian ? ctx.defer : undefined,
      (rows) => (result.promethee = rows),
    );
    steps.push({
      step: 'promethee',
      label: bi('PROMETHEE II 净流量', 'PROMETHEE II net flows'),
      details: {
        criteria: byId,
        data: 'normalised (directions applied)',
        weights: 'effective indicator weights',
        sample,
      },
    });
  }
  if (sc.copeland) {
    const frac: Array<{ time: unknown; fracDominant: number }> = [];
    pairwise(
      'Copeland',
      ['score'] as const,
      'score',
      (i) => ({ method: 'copeland', cols: colsOf(i), w: ctx.samples[i].w }),
      ctx.defer,
      (rows, outs) => {
        result.copeland = rows;
        outs.forEach((o, i) => {
          const rowsOfSample = ctx.samples[i].rows;
          frac.push({
            time: rowsOfSample ? prep.time[rowsOfSample[0]] : null,
            fracDominant: (o as { fracDominant: number }).fracDominant,
          });
        });
      },
    );
    steps.push({
      step: 'copeland',
      label: bi('Copeland 得分（加权优序矩阵）', 'Copeland scores (weighted outranking matrix)'),
      details: {
        data: 'normalised (directions applied)',
        weights: 'effective indicator weights',
        sample,
        fracDominant: frac,
      },
    });
  }
  if (sc.rsr) {
    const o = sc.rsr;
    const models: NonNullable<EvaluationResult['rsrModel']> = [];
    const keys = ['rsr', 'probit', 'fitted', 'grade'] as const;
    result.rsr = methodRows(
      prep,
      keys,
      scoreBySample(
        ctx,
        'RSR',
        keys,
        (rows, w) => {
          const r = rankSumRatio(take(prep.raw, rows), w, prep.directions, { variant: o.variant, grades: o.grades });
          const t = rows ? prep.time[rows[0]] : null;
          models.push({
            time: t,
            variant: o.variant,
            regression: r.regression,
            distribution: r.distribution,
            probitCutoffs: r.probitCutoffs,
            rsrCutoffs: r.rsrCutoffs,
          });
          for (const m of r.warnings)
            warnings.push({
              code: 'rsr-degenerate',
              severity: 'warning',
              ...(t !== null ? { time: t } : {}),
              message: m,
              fix: bi(
                '需要至少两个不同的 RSR 值（更多单位或更有区分度的指标）',
                'needs at least two distinct RSR values (more units, or indicators that discriminate)',
              ),
            });
          return r;
        },
        'rsr',
        'desc',
      ),
    );
    result.rsrModel = models;
    steps.push({
      step: 'rsr',
      label: bi('秩和比（RSR）', 'Rank-sum ratio (RSR)'),
      details: {
        variant: o.variant,
        grades: o.grades,
        data: 'raw after treatment, with directions',
        weights: 'effective indicator weights',
        regression: 'RSR on probit over the distinct values (OLS)',
        sample,
      },
    });
  }
  if (sc.fuzzy) {
    const o = sc.fuzzy;
    const g = o.scores.length;
    const { out, rank } = scoreBySample(
      ctx,
      'fuzzy',
      ['score', 'grade', 'tie', ...Array.from({ length: g }, (_, k) => `b${k}`)] as const,
      (rows, w) => {
        const r = take(X, rows).map((x) => membershipColumns(x, o.functions));
        const f = fuzzyEvaluate(r, w, { operator: o.operator, scores: o.scores });
        for (const m of f.warnings)
          warnings.push({
            code: 'fuzzy-no-membership',
            severity: 'warning',
            message: m,
            fix: bi(
              '检查隶属函数是否覆盖标准化值的范围',
              'check that the membership functions cover the range of the normalised values',
            ),
          });
        return {
          score: f.score,
          grade: f.grade,
          tie: f.tie,
          ...Object.fromEntries(f.normalised.map((b, k) => [`b${k}`, b])),
        };
      },
      'score',
      'desc',
    );
    result.fuzzy = rowsOf((r) => ({
      unit: prep.unit[r],
      time: prep.time[r],
      membership: Array.from({ length: g }, (_, k) => out[`b${k}`][r]),
      grade: out.grade[r],
      tie: out.tie[r] === 1,
      score: out.score[r],
      rank: rank[r],
    }));
    steps.push({
      step: 'fuzzy',
      label: bi('模糊综合评价', 'Fuzzy comprehensive evaluation'),
      details: {
        operator: o.operator,
        functions: o.functions,
        scores: o.scores,
        ...(o.grades ? { grades: o.grades } : {}),
        data: 'normalised',
        weights: 'effective indicator weights',
        sample,
      },
    });
  }
}

/** The evaluation pipeline (see module comment): named steps, each returning its values. */
export function evaluate(panel: Panel, specInput: Spec | unknown, opts: EvaluateOptions = {}): EvaluationResult {
  return evaluateSteps(panel, specInput, opts, null);
}

/** Where the uncertainty analysis's draws run when they do not run in this thread. */
export interface ParallelDraws {
  /** Computes a range of draws (the Node CLI: on a worker thread, io/uncertainty-pool.ts). */
  runPart: UncertaintyPartRunner;
  /** Number of ranges the draws are split into (the number of workers). */
  parts: number;
}

/**
 * `evaluate` with the uncertainty analysis's draws split over `parallel.parts`
 * ranges run by `parallel.runPart`, and the samples of Copeland and gaussian
 * PROMETHEE II (each time's, or the pooled one) computed by `pairwise` (worker threads in Node:
 * io/uncertainty-pool.ts, io/pairwise-pool.ts); the result is the same as
 * evaluate's (for the same seed). Without either, evaluate.
 *
 * @example await evaluateAsync(panel, spec, { parallel: { runPart, parts: 2 }, pairwise: pairwiseRunner() })
 */
export async function evaluateAsync(
  panel: Panel,
  specInput: Spec | unknown,
  opts: EvaluateOptions & { parallel?: ParallelDraws; pairwise?: PairwiseRunner } = {},
): Promise<EvaluationResult> {
  const { parallel, pairwise, ...rest } = opts;
  if (!parallel && !pairwise) return evaluate(panel, specInput, rest);
  const deferred: Deferred = { uncertainty: parallel !== undefined, ...(pairwise ? { pairwise: [] } : {}) };
  const result = evaluateSteps(panel, specInput, rest, deferred);
  if (pairwise && deferred.pairwise?.length) {
    const jobs = deferred.pairwise.flatMap((d) => d.jobs);
    // a runner that fails leaves every sample to this thread, which reports any error where it lies
    const outs = await pairwise(jobs).catch(() => jobs.map(() => undefined));
    let at = 0;
    for (const d of deferred.pairwise) {
      d.finish(outs.slice(at, at + d.jobs.length));
      at += d.jobs.length;
    }
  }
  if (deferred.input && parallel)
    result.uncertainty = await runUncertaintyParts(deferred.input, parallel.runPart, parallel.parts);
  return result;
}

/**
 * The weights and the index scores and ranks of `evaluate`, without what a
 * re-run under another method does not need (the data fingerprint, normalised
 * values, node score rows, extra scores, coherence, Monte Carlo): the same
 * numbers as evaluate's `weights` and `scores`, in a fraction of its time on
 * a firm panel. Used by the robustness check (through indexScorer).
 *
 * @example indexScores(panel, { ...spec, weights: { method: 'critic' } }).scores[0].rank
 */
export function indexScores(
  panel: Panel,
  specInput: Spec | unknown,
  opts: EvaluateOptions = {},
): Pick<EvaluationResult, 'weights' | 'scores'> {
  return indexScorer(panel, opts)(specInput);
}

/**
 * The prepared data and normalised matrix of evaluations run with
 * `keepPrepared`, by result, with the panel they came from, until a scorer
 * of that panel takes them.
 */
const keptPrepared = new WeakMap<EvaluationResult, { panel: Panel; key: string; data: PreparedData }>();

/** Prepared data, its normalised matrix and, once the coherence check has run, the cross-products of its columns. */
interface PreparedData {
  prep: Prepared;
  X: Float64Array[];
  cross?: CrossProducts;
}

/** What decides the prepared data: everything in the filled spec but the weights (and the score's ties and scale, applied after). */
function preparedKey(spec: FilledSpec): string {
  return JSON.stringify({ ...spec, weights: null, score: null });
}

/**
 * indexScores for several specs on one panel: specs that differ only in
 * their weights (the robustness check's methods) share one preparation and
 * one normalisation of the data, and with `from` (an evaluation of this
 * panel run with `keepPrepared`) the evaluation's own, which this scorer
 * takes (a later scorer from the same result prepares the data again).
 * `keepTime` leaves out the score rows of the times it refuses (the check
 * reads only the latest).
 *
 * @example const score = indexScorer(panel, {}, result); score(critic); score(equal)
 */
export function indexScorer(
  panel: Panel,
  opts: EvaluateOptions = {},
  from?: EvaluationResult,
): (specInput: Spec | unknown, keepTime?: (time: Time) => boolean) => Pick<EvaluationResult, 'weights' | 'scores'> {
  const prepared = new Map<string, PreparedData>();
  const kept = from && keptPrepared.get(from);
  if (kept && kept.panel === panel) {
    prepared.set(kept.key, kept.data);
    keptPrepared.delete(from); // held by this scorer alone from now on
  }
  return (specInput, keepTime) => {
    const spec = specOf(panel, specInput, opts);
    const key = preparedKey(spec);
    let data = prepared.get(key);
    if (!data) {
      const prep = preparePanel(panel, spec, specWarnings(spec, panel), [], { imputations: [], treatments: [] });
      data = { prep, X: normalizedMatrix(spec, prep) };
      prepared.set(key, data);
    }
    const { prep, X, cross } = data;
    const h = buildHierarchy(spec);
    const { local, scores, nodeRanks } = weighScoreRank(h, spec, X, prep, [], [INDEX_ID], cross && { cols: X, cross });
    const index = scores.get(INDEX_ID)!;
    const rank = nodeRanks.get(INDEX_ID)!;
    const rows: ScoreRow[] = [];
    for (let r = 0; r < index.length; r++)
      if (!keepTime || keepTime(prep.time[r]))
        rows.push({ unit: prep.unit[r], time: prep.time[r], score: index[r], rank: rank[r] });
    return { weights: collectNodeWeights(h, local, prep.groups).weights, scores: rows };
  };
}

/** The spec checked against the panel's columns and labels, every default filled in. */
function specOf(panel: Panel, specInput: Spec | unknown, opts: EvaluateOptions): FilledSpec {
  return validateSpec(specInput, {
    columns: Object.keys(panel.columns),
    labels: Object.keys(panel.labels ?? {}),
    ...(opts.specFile ? { file: opts.specFile } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
}

/** Step 7: the normalised indicator columns of the prepared data. */
function normalizedMatrix(spec: FilledSpec, prep: Prepared): Float64Array[] {
  const norm = spec.normalize;
  return normalizeMatrix(
    prep.raw,
    prep.directions,
    norm.method,
    norm.shift,
    norm.panel,
    prep.groups,
    prep.loc,
    columnNormalizeOptions(spec),
  );
}

/**
 * Steps 8–10: local weights, node scores (times the score scale) and their
 * ranks within each time, of every node or of `ranked` only (indexScorer
 * needs the index's).
 */
function weighScoreRank(
  h: Hierarchy,
  spec: FilledSpec,
  X: Float64Array[],
  prep: Prepared,
  diag: WeightDiagnostic[],
  ranked: readonly string[] = h.topDown,
  known?: KnownCrossProducts,
): {
  local: ReturnType<typeof hierarchyWeights>;
  scores: Map<string, Float64Array>;
  nodeRanks: Map<string, Float64Array>;
} {
  const { groups, loc } = prep;
  const agg = spec.aggregate.method;
  const local = hierarchyWeights(h, spec, spec.weights.method, agg, X, groups, diag, loc, known);
  const scores = nodeScores(h, X, local, groups, agg, loc, spec.aggregate.p);
  const scale = spec.score.scale;
  if (scale !== 1)
    for (const node of h.topDown) {
      const s = scores.get(node)!;
      for (let r = 0; r < s.length; r++) s[r] *= scale;
    }
  const nodeRanks = new Map<string, Float64Array>();
  for (const node of ranked) nodeRanks.set(node, ranksByTime(scores.get(node)!, groups, 'desc', spec.score.ties));
  return { local, scores, nodeRanks };
}

/**
 * What evaluateSteps hands back instead of computing: the uncertainty
 * analysis's input (when `uncertainty`), and the samples of the pairwise
 * scores (when `pairwise` is given), each with what completes
 * the result.
 */
interface Deferred {
  uncertainty: boolean;
  input?: UncertaintyInput;
  pairwise?: DeferredPairwise[];
}

/** The pipeline; with `deferred`, what it asks for is handed back there instead of being run. */
function evaluateSteps(
  panel: Panel,
  specInput: Spec | unknown,
  opts: EvaluateOptions,
  deferred: Deferred | null,
): EvaluationResult {
  const spec = specOf(panel, specInput, opts);
  const steps: Step[] = [];
  const rec = { imputations: [] as RunRecord['imputations'], treatments: [] as RunRecord['treatments'] };
  steps.push({
    step: 'spec',
    label: bi('规格校验并补全默认值', 'Spec validated, defaults filled'),
    details: { indicators: spec.indicators.length, nodes: spec.nodes.length },
  });
  const warnings = specWarnings(spec, panel);
  const used = usedColumns(spec);
  const fingerprint = fingerprintPanel(panel, used.columns, used.labels, opts.hash);

  const h = buildHierarchy(spec);
  const prep = preparePanel(panel, spec, warnings, steps, rec);
  const { groups } = prep;
  const n = prep.unit.length;

  // 7. normalisation
  const norm = spec.normalize;
  const X = normalizedMatrix(spec, prep);
  steps.push({
    step: 'normalize',
    label: bi('无量纲化', 'Normalisation'),
    details: {
      method: norm.method,
      shift: norm.method === 'minmax' ? norm.shift : 0,
      panel: norm.panel,
      ...(norm.method === 'distance-to-target' ? { targetVariant: norm.targetVariant } : {}),
      ...(norm.method === 'goalposts' || norm.method === 'distance-to-target'
        ? { cap: norm.cap ?? CAP_DEFAULT[norm.method] }
        : {}),
      formula:
        norm.method === 'minmax' ? '(x − min)/(max − min) + shift; (max − x)/(max − min) + shift for "−"' : norm.method,
    },
  });

  // 8. weights
  const diag: WeightDiagnostic[] = [];
  const agg = spec.aggregate.method;
  const { local, scores, nodeRanks } = weighScoreRank(h, spec, X, prep, diag);
  steps.push({
    step: 'weights',
    label: bi('赋权', 'Weights'),
    details: { method: spec.weights.method, scope: spec.weights.scope, panel: spec.weights.panel },
  });
  steps.push({
    step: 'aggregate',
    label: bi('逐级合成', 'Aggregation up the hierarchy'),
    details: {
      method: agg,
      ...(agg === 'power' ? { p: spec.aggregate.p } : {}),
      formula: AGGREGATE_FORMULA[agg],
      scale: spec.score.scale,
    },
  });
  steps.push({
    step: 'rank',
    label: bi('排名（同一时间内）', 'Ranks (within each time)'),
    details: { order: 'descending (1 = highest)', ties: spec.score.ties },
  });

  const { nodeWeights, weights } = collectNodeWeights(h, local, groups);
  const { scoreRows, nodeScoreRows } = scoreRowsOf(h, prep, scores, nodeRanks);
  const result: EvaluationResult = {
    weights,
    scores: scoreRows,
    units: [...new Set(prep.unit)],
    times: groups.times,
    indicators: spec.indicators.map((i) => ({
      id: i.id,
      column: i.column,
      direction: i.direction,
      parent: i.parent ?? null,
      ...(i.name ? { name: i.name } : {}),
      ...(i.unit ? { unit: i.unit } : {}),
      ...(i.framework ? { framework: i.framework } : {}),
    })),
    nodeWeights,
    nodeScores: nodeScoreRows,
    normalized: {
      unit: prep.unit,
      time: prep.time,
      values: Object.fromEntries(h.indicators.map((id, j) => [id, X[j]])),
    },
    diagnostics: { weights: diag },
    coherence: undefined as unknown as CoherenceReport,
    record: undefined as unknown as RunRecord,
  };
  if (Object.keys(prep.labels).length) result.diagnostics.labels = prep.labels;

  // 11. extra MCDM scores
  const byTime = local.length > 1;
  const gl = local.map((l) => Array.from(globalFromLocal(h, l)));
  const samples = byTime
    ? groups.rows.map((rows, g) => ({ rows: rows as Int32Array | null, w: gl[g] }))
    : [{ rows: null, w: gl[0] }];
  extraScores(
    { h, prep, X, samples, ties: spec.score.ties, byTime, ...(deferred?.pairwise ? { defer: deferred.pairwise } : {}) },
    spec.score,
    result,
    steps,
    warnings,
  );

  // 12. coherence
  const checked = coherence(h, X, scores, warnings);
  result.coherence = checked.report;
  steps.push({
    step: 'coherence',
    label: bi('统计一致性检验', 'Statistical coherence'),
    details: { correlation: 'Pearson, pooled over all rows, normalised data', alpha: 'Cronbach (1951) per node' },
  });

  // 13. uncertainty
  if (spec.uncertainty) {
    const input: UncertaintyInput = {
      h,
      spec,
      prep,
      nominalRank: nodeRanks.get(INDEX_ID)!,
      normalized: X,
      nominalWeights: local,
      onProgress: opts.onProgress,
      ...(opts.keepDraws ? { keepDraws: true } : {}),
    };
    if (deferred?.uncertainty) deferred.input = input;
    else result.uncertainty = runUncertainty(input);
    steps.push({
      step: 'uncertainty',
      label: bi('不确定性与敏感性分析（蒙特卡洛）', 'Uncertainty and sensitivity analysis (Monte Carlo)'),
      details: {
        ...spec.uncertainty,
        influence:
          'first-order index S_i = Var(E[rank | choice_i]) / Var(rank), averaged over unit-times (Saisana, Saltelli & Tarantola 2005)',
      },
    });
  }

  // 14. record
  result.record = {
    software: { name: 'xinzhi', version: opts.version ?? 'unknown', ...(opts.engine ? { engine: opts.engine } : {}) },
    spec,
    dataFingerprint: fingerprint,
    data: {
      ...((opts.source ?? panel.source) ? { source: opts.source ?? panel.source } : {}),
      rows: n,
      units: result.units.length,
      times: groups.times.length,
      columns: used.columns,
    },
    imputations: rec.imputations,
    treatments: rec.treatments,
    warnings,
    steps,
  };
  // the check's cross-products of X's columns come first: CRITIC weights in the robustness check reuse them
  if (opts.keepPrepared)
    keptPrepared.set(result, { panel, key: preparedKey(spec), data: { prep, X, cross: checked.cross } });
  return result;
}

/**
 * Step 12: correlations, alpha, negative correlations with the parent
 * (warnings). One pass of cross-products over the indicator columns and the
 * scores of the index and of every parent node gives the indicator matrix and
 * each indicator's correlation with its parent and the index (the same numbers
 * as pairwise computation); the items' variances for alpha come from it too.
 */
function coherence(
  h: Hierarchy,
  X: Float64Array[],
  scores: Map<string, Float64Array>,
  warnings: Problem[],
): { report: CoherenceReport; cross: CrossProducts } {
  const k = X.length;
  const extra = [INDEX_ID, ...new Set(h.indicators.map((id) => h.byId.get(id)!.parent!).filter((p) => p !== INDEX_ID))];
  const col = new Map<string, number>(extra.map((id, e) => [id, k + e]));
  const cp = crossProducts([...X, ...extra.map((id) => scores.get(id)!)], 'correlation', (a) => a < k);
  const withParent: Record<string, number> = {};
  const withIndex: Record<string, number> = {};
  const negativeWithParent: string[] = [];
  h.indicators.forEach((id, j) => {
    const p = h.byId.get(id)!.parent!;
    withIndex[id] = correlationOf(cp, j, k);
    withParent[id] = p === INDEX_ID ? withIndex[id] : correlationOf(cp, j, col.get(p)!);
    if (withParent[id] < 0) {
      negativeWithParent.push(id);
      warnings.push({
        code: 'negative-with-parent',
        severity: 'warning',
        column: id,
        message: bi(
          `指标 "${id}" 与所属维度 "${p}" 负相关（r = ${withParent[id].toFixed(3)}）`,
          `indicator "${id}" correlates negatively with its dimension "${p}" (r = ${withParent[id].toFixed(3)})`,
        ),
        fix: bi(
          '检查方向（+/−）是否正确，或该指标是否属于这一维度',
          'check its direction (+/−) and whether it belongs in this dimension',
        ),
      });
    }
  });
  const cronbach: Record<string, number> = {};
  const n = cp.n;
  for (const node of h.topDown) {
    const leaves = h.byId.get(node)!.leaves;
    if (leaves.length >= 2)
      cronbach[node] = cronbachAlpha(
        leaves.map((j) => X[j]),
        leaves.map((j) => cp.ss[j] / (n - 1)),
      );
  }
  return {
    report: {
      indicators: h.indicators,
      indicatorCorrelation: correlationMatrixOf(cp, k),
      withParent,
      withIndex,
      cronbachAlpha: cronbach,
      negativeWithParent,
    },
    cross: cp,
  };
}

/**
 * Re-run a recorded evaluation on a panel: the panel's fingerprint must match
 * the record's (else a XinzhiError "fingerprint-mismatch"), and the result is
 * `evaluate(panel, record.spec)` — identical numbers.
 */
export function regenerate(record: RunRecord, panel: Panel, opts: EvaluateOptions = {}): EvaluationResult {
  const used = usedColumns(record.spec);
  const fp = fingerprintPanel(panel, used.columns, used.labels, opts.hash);
  if (fp !== record.dataFingerprint) {
    throw new XinzhiError({
      code: 'fingerprint-mismatch',
      severity: 'error',
      message: bi(
        `数据指纹不符：记录为 ${record.dataFingerprint.slice(0, 16)}…，当前数据为 ${fp.slice(0, 16)}…（数据已改变）`,
        `data fingerprint mismatch: the record has ${record.dataFingerprint.slice(0, 16)}…, this panel ${fp.slice(0, 16)}… (the data changed)`,
      ),
      fix: bi('使用生成该记录时的同一份数据', 'use the same data the record was made from'),
    });
  }
  return evaluate(panel, record.spec, {
    version: opts.version ?? record.software.version,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.hash ? { hash: opts.hash } : {}),
    ...(record.data.source ? { source: record.data.source } : {}),
  });
}

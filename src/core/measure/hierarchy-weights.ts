/**
 * Normalisation of the indicator matrix, weights at every level of the
 * hierarchy, and node scores — the numerical core shared by `evaluate` and
 * the Monte Carlo uncertainty analysis.
 *
 * Weight scope (spec `weights.scope`):
 * - `leaves` (the usual NQPF practice): the method weighs all indicators
 *   together, W_j; a node's global weight is Σ of its indicators' W_j and a
 *   child's local weight is its global weight over its parent's.
 * - `children` (COINr style): bottom-up, each node weighs its own children
 *   from their values — indicator columns or the children's aggregated scores;
 *   with `equal`, each child of a node gets 1/(number of children).
 * `ahp` and `given` are local by nature (one comparison matrix / one set of
 * relative weights per node) and give the same weights under both scopes;
 * inside `combined` under `leaves` they enter as global weights (products of
 * locals along the path).
 *
 * Weight panel (spec `weights.panel`): `pooled` uses all unit-times as one
 * sample (one weight set, the time-fixed "global" entropy); `by-time`
 * computes one weight set per time from that time's rows.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Time } from '../panel/types.ts';
import { aggregateColumns, AggregateDomainError, type AggregateMethod } from './aggregate.ts';
import { globalFromLocal, localFromGlobal, type Hierarchy, type LocalWeights } from './hierarchy.ts';
import { normalizeColumn, type NormalizeOptions } from './normalize.ts';
import { INDEX_ID } from './result.ts';
import type { Direction, FilledSpec, NormalizeMethod, WeightMethod } from './spec.ts';
import { ahpWeights } from './weights/ahp.ts';
import { combineWeights } from './weights/combine.ts';
import { criticWeights } from './weights/critic.ts';
import type { CrossProducts } from './coherence.ts';
import { cvWeights } from './weights/cv.ts';
import { type EntropyOptions, entropyWeights } from './weights/entropy.ts';
import { equalWeights } from './weights/equal.ts';
import { MeasureInputError } from './weights/input.ts';
import { pcaWeights } from './weights/pca.ts';
import { gather } from '../stats/gather.ts';

/** Rows grouped by time: `index[r]` is the time position of row r; `rows[g]` the rows of time g. */
export interface TimeGroups {
  times: Time[];
  index: Int32Array;
  rows: Int32Array[];
}

/** Where a numerical failure happened, to turn method errors into located problems. */
export interface Locator {
  unit: string[];
  time: Time[];
  indicators: string[];
  hasTime: boolean;
}

/** Re-throw a method error with unit / time / indicator names and the pipeline step. */
export function locate(
  e: unknown,
  step: string,
  loc: Locator,
  rows: ArrayLike<number> | null,
  cols: string[] | null,
): never {
  if (e instanceof MeasureInputError || e instanceof AggregateDomainError) {
    const idx = e instanceof AggregateDomainError ? e.row : e.index;
    const cj = e instanceof AggregateDomainError ? e.child : e.columnIndex;
    const p: Problem = { ...e.problems[0] };
    const where: string[] = [];
    if (idx !== undefined) {
      const r = rows ? rows[idx] : idx;
      p.unit = loc.unit[r];
      if (loc.hasTime) p.time = loc.time[r];
    } else if (rows?.length && loc.hasTime) {
      // a sample of one time (too few rows, say): that time
      const t = loc.time[rows[0]];
      if (Array.prototype.every.call(rows, (r: number) => loc.time[r] === t)) p.time = t;
    }
    if (cj !== undefined && cols) {
      p.column = cols[cj];
      where.push(cols[cj]);
    }
    // a method's own message may begin with its name already
    const own = (text: string, sep: string) =>
      text.startsWith(step + sep) ? text.slice(step.length + sep.length) : text;
    p.message = bi(
      `${step}${where.length ? `（${where.join(', ')}）` : ''}：${own(p.message.zh, '：')}`,
      `${step}${where.length ? ` (${where.join(', ')})` : ''}: ${own(p.message.en, ': ')}`,
    );
    throw new XinzhiError(p);
  }
  throw e;
}

/** The values of `x` at `rows` (all of `x`, not copied, when rows is null). */
export function subset(x: Float64Array, rows: Int32Array | null): Float64Array {
  return rows === null ? x : gather(x, rows);
}

/** Per-indicator options of goalposts / distance-to-target normalisation. */
export type ColumnNormalizeOptions = Pick<NormalizeOptions, 'goalposts' | 'target' | 'targetVariant' | 'cap' | 'range'>;

/**
 * The per-indicator normalisation options of a spec: goalposts and targets,
 * put on the scale of the values (ln or ln(1 + x) when normalize.log is set),
 * with the spec's targetVariant and cap.
 */
export function columnNormalizeOptions(spec: FilledSpec): ColumnNormalizeOptions[] {
  const { log, logPlusOne, targetVariant, cap, range } = spec.normalize;
  const f = (v: number) => (!log ? v : logPlusOne ? Math.log1p(v) : Math.log(v));
  return spec.indicators.map((ind) => ({
    ...(ind.goalposts ? { goalposts: [f(ind.goalposts[0]), f(ind.goalposts[1])] as const } : {}),
    ...(ind.target !== undefined ? { target: f(ind.target) } : {}),
    ...(targetVariant ? { targetVariant } : {}),
    ...(cap !== undefined ? { cap } : {}),
    ...(range ? { range } : {}),
  }));
}

/**
 * Normalise every indicator column (pooled over all rows, or per time with
 * panel "by-time"); see normalize.ts for the formulas. `columns` holds the
 * per-indicator goalposts / targets (columnNormalizeOptions).
 */
export function normalizeMatrix(
  raw: Float64Array[],
  directions: Direction[],
  method: NormalizeMethod,
  shift: number,
  panel: 'pooled' | 'by-time',
  groups: TimeGroups,
  loc: Locator,
  columns?: ColumnNormalizeOptions[],
): Float64Array[] {
  return raw.map((x, j) => {
    const opts: NormalizeOptions = { ...columns?.[j], method, direction: directions[j], shift };
    try {
      if (panel === 'pooled') return normalizeColumn(x, opts);
      const out = new Float64Array(x.length);
      for (const rows of groups.rows) {
        let part: Float64Array;
        try {
          part = normalizeColumn(subset(x, rows), opts);
        } catch (e) {
          locate(e, `normalise ${method}`, loc, rows, [loc.indicators[j]]);
        }
        for (let i = 0; i < rows.length; i++) out[rows[i]] = part[i];
      }
      return out;
    } catch (e) {
      return locate(e, `normalise ${method}`, loc, null, [loc.indicators[j]]);
    }
  });
}

/** The spec's entropy conventions, with the number of distinct periods of the sample's rows when k = "periods". */
function entropyOptions(
  spec: FilledSpec,
  loc: Locator,
  rows: Int32Array | null,
): EntropyOptions & { periods?: number } {
  const e = spec.weights.entropy;
  if (!e) return {};
  if (e.k !== 'periods') return e;
  if (!loc.hasTime) return { ...e, periods: 0 };
  const seen = new Set<unknown>();
  if (rows) for (const r of rows) seen.add(loc.time[r]);
  else for (const t of loc.time) seen.add(t);
  return { ...e, periods: seen.size };
}

/**
 * Cross-products already computed over `cols` (and perhaps more columns
 * after them): CRITIC on exactly these columns (the same array) uses them.
 */
export interface KnownCrossProducts {
  cols: Float64Array[];
  cross: CrossProducts;
}

/** One weight vector from data columns by a data-driven method (CRITIC from `known` cross-products when they are of `cols`), with the method's diagnostics. */
export function dataWeights(
  method: WeightMethod,
  cols: Float64Array[],
  entropy: EntropyOptions & { periods?: number } = {},
  known?: KnownCrossProducts,
): { weights: number[]; details: Record<string, unknown> } {
  switch (method) {
    case 'entropy': {
      const r = entropyWeights(cols, entropy);
      return { weights: r.weights, details: { entropy: r.entropy, divergence: r.divergence } };
    }
    case 'critic': {
      const r = criticWeights(cols, known?.cols === cols ? { cross: known.cross } : {});
      return { weights: r.weights, details: { sd: r.sd, conflict: r.conflict, information: r.information } };
    }
    case 'cv': {
      const r = cvWeights(cols);
      return { weights: r.weights, details: { cv: r.cv } };
    }
    case 'pca': {
      const r = pcaWeights(cols);
      return {
        weights: r.weights,
        details: { eigenvalues: r.eigenvalues, explained: r.explained, components: r.components },
      };
    }
    case 'equal':
      return { weights: equalWeights(cols.length), details: {} };
    default:
      throw new Error(`not a data-driven weight method: ${method}`);
  }
}

/** Local weights of a node's children from the spec (given) or its AHP matrix. */
function subjectiveLocal(
  h: Hierarchy,
  spec: FilledSpec,
  method: 'given' | 'ahp',
  node: string,
  diag: WeightDiagnostic[],
  time: Time | null,
): Float64Array {
  const kids = h.byId.get(node)!.children;
  if (kids.length === 1) return Float64Array.of(1);
  if (method === 'given') {
    const w = kids.map(
      (c) =>
        (h.byId.get(c)!.kind === 'indicator'
          ? spec.indicators.find((i) => i.id === c)!.weight
          : spec.nodes!.find((n) => n.id === c)!.weight) ?? 0,
    );
    const s = w.reduce((a, b) => a + b, 0);
    return Float64Array.from(w, (v) => v / s);
  }
  const m = spec.weights.ahp![node];
  const perm = kids.map((c) => m.items.indexOf(c));
  const matrix = perm.map((i) => perm.map((j) => m.matrix[i][j]));
  let r;
  try {
    r = ahpWeights(matrix, { allowInconsistent: spec.weights.allowInconsistent });
  } catch (e) {
    if (e instanceof XinzhiError) {
      const p = { ...e.problems[0] };
      p.message = bi(`weights.ahp.${node}：${p.message.zh}`, `weights.ahp.${node}: ${p.message.en}`);
      throw new XinzhiError(p);
    }
    throw e;
  }
  diag.push({
    time,
    node,
    method: 'ahp',
    ids: kids,
    weights: r.weights,
    details: { lambdaMax: r.lambdaMax, CI: r.CI, RI: r.RI, CR: r.CR },
  });
  return Float64Array.from(r.weights);
}

export interface WeightDiagnostic {
  time: Time | null;
  node: string;
  method: WeightMethod;
  ids: string[];
  weights: number[];
  details: Record<string, unknown>;
}

/**
 * Local weights of every node for one sample of rows (all rows, or one
 * time's rows): `X` are the normalised indicator columns restricted to the
 * sample. Under scope "children" the children's scores are aggregated with
 * `aggregate` on the same sample. `known`: see dataWeights.
 */
export function sampleLocalWeights(
  h: Hierarchy,
  spec: FilledSpec,
  method: WeightMethod,
  aggregate: AggregateMethod,
  X: Float64Array[],
  time: Time | null,
  diag: WeightDiagnostic[],
  loc: Locator,
  rows: Int32Array | null,
  known?: KnownCrossProducts,
): LocalWeights {
  const scope = spec.weights.scope;
  const methods = method === 'combined' ? spec.weights.combine!.methods : [method];
  const isSubjective = (m: WeightMethod) => m === 'given' || m === 'ahp';
  const where = (node: string) => `weights ${method}${time !== null ? ` @${String(time)}` : ''} [${node}]`;
  const entropyOpts = entropyOptions(spec, loc, rows);

  if (scope === 'leaves' || methods.every(isSubjective)) {
    if (method === 'given' || method === 'ahp') {
      const local: LocalWeights = new Map();
      for (const node of h.topDown) local.set(node, subjectiveLocal(h, spec, method, node, diag, time));
      return local;
    }
    const sets: number[][] = [];
    for (const m of methods) {
      if (isSubjective(m)) {
        const local: LocalWeights = new Map();
        for (const node of h.topDown) local.set(node, subjectiveLocal(h, spec, m as 'given' | 'ahp', node, diag, time));
        sets.push(Array.from(globalFromLocal(h, local)));
      } else {
        try {
          const r = dataWeights(m, X, entropyOpts, known);
          diag.push({ time, node: INDEX_ID, method: m, ids: h.indicators, weights: r.weights, details: r.details });
          sets.push(r.weights);
        } catch (e) {
          locate(e, where(INDEX_ID), loc, rows, h.indicators);
        }
      }
    }
    let g = sets[0];
    if (method === 'combined') {
      const c = spec.weights.combine!;
      const r = combineWeights(sets, c.rule, c.alpha);
      diag.push({
        time,
        node: INDEX_ID,
        method: 'combined',
        ids: h.indicators,
        weights: r.weights,
        details: { rule: c.rule, methods: c.methods, coefficients: r.coefficients },
      });
      g = r.weights;
    }
    return localFromGlobal(h, g);
  }

  // scope "children": bottom-up
  const local: LocalWeights = new Map();
  const scores = new Map<string, Float64Array>();
  h.indicators.forEach((id, j) => scores.set(id, X[j]));
  for (const node of h.bottomUp) {
    const kids = h.byId.get(node)!.children;
    const cols = kids.map((c) => scores.get(c)!);
    const sets: number[][] = [];
    for (const m of methods) {
      if (isSubjective(m)) sets.push(Array.from(subjectiveLocal(h, spec, m as 'given' | 'ahp', node, diag, time)));
      else {
        try {
          const r = dataWeights(m, cols, entropyOpts);
          diag.push({ time, node, method: m, ids: kids, weights: r.weights, details: r.details });
          sets.push(r.weights);
        } catch (e) {
          locate(e, where(node), loc, rows, kids);
        }
      }
    }
    let w = sets[0];
    if (method === 'combined') {
      const c = spec.weights.combine!;
      const r = combineWeights(sets, c.rule, c.alpha);
      diag.push({
        time,
        node,
        method: 'combined',
        ids: kids,
        weights: r.weights,
        details: { rule: c.rule, methods: c.methods, coefficients: r.coefficients },
      });
      w = r.weights;
    }
    const lw = Float64Array.from(w);
    local.set(node, lw);
    try {
      scores.set(node, aggregateColumns(cols, [lw], null, aggregate, spec.aggregate.p));
    } catch (e) {
      locate(e, `aggregate ${aggregate} [${node}]`, loc, rows, kids);
    }
  }
  return local;
}

/** Local weights per weight group: one entry (pooled) or one per time (by-time). */
export function hierarchyWeights(
  h: Hierarchy,
  spec: FilledSpec,
  method: WeightMethod,
  aggregate: AggregateMethod,
  X: Float64Array[],
  groups: TimeGroups,
  diag: WeightDiagnostic[],
  loc: Locator,
  known?: KnownCrossProducts,
): LocalWeights[] {
  if (spec.weights.panel === 'pooled')
    return [sampleLocalWeights(h, spec, method, aggregate, X, null, diag, loc, null, known)];
  return groups.rows.map((rows, g) =>
    sampleLocalWeights(
      h,
      spec,
      method,
      aggregate,
      X.map((x) => subset(x, rows)),
      groups.times[g],
      diag,
      loc,
      rows,
    ),
  );
}

/**
 * Scores of every node (index included) on every row: bottom-up weighted
 * arithmetic, geometric, harmonic or power means of the children with the local weights of the
 * row's weight group.
 */
export function nodeScores(
  h: Hierarchy,
  X: Float64Array[],
  local: LocalWeights[],
  groups: TimeGroups,
  aggregate: AggregateMethod,
  loc: Locator,
  /** Exponent of the power mean (aggregate "power"). */
  p?: number,
): Map<string, Float64Array> {
  const scores = new Map<string, Float64Array>();
  h.indicators.forEach((id, j) => scores.set(id, X[j]));
  const groupIdx = local.length === 1 ? null : groups.index;
  for (const node of h.bottomUp) {
    const kids = h.byId.get(node)!.children;
    try {
      scores.set(
        node,
        aggregateColumns(
          kids.map((c) => scores.get(c)!),
          local.map((l) => l.get(node)!),
          groupIdx,
          aggregate,
          p,
        ),
      );
    } catch (e) {
      locate(e, `aggregate ${aggregate} [${node}]`, loc, null, kids);
    }
  }
  return scores;
}

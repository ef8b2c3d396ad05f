/**
 * Monte Carlo uncertainty and sensitivity analysis of the composite index
 * (OECD/JRC Handbook on Constructing Composite Indicators 2008, §7;
 * Saisana, Saltelli & Tarantola 2005, "Uncertainty and sensitivity analysis
 * techniques as tools for the quality assessment of composite indicators",
 * J. R. Stat. Soc. A 168(2):307–323; COINr `get_sensitivity`, R/sensitivity.R).
 *
 * Each draw d = 0..N−1 (its own seeded generator: seedrandom's ARC4 keyed with
 * "<spec.uncertainty.seed>/<d>", so a draw's numbers do not depend on which
 * other draws are computed with it, or where):
 *  1. picks a normalisation, a weighting method and an aggregation, each
 *     uniformly from the lists in spec.uncertainty (default: the nominal one);
 *  2. perturbs every local weight: w'_c = w_c (1 + a (2u − 1)), u ~ U(0, 1),
 *     a = weightNoise (default 0.25), renormalised among siblings;
 *  3. scores every unit-time and ranks units within each time (descending,
 *     ties "min").
 * Reported per unit-time: the nominal rank, the median rank and the 5 % and
 * 95 % quantiles of the rank (linear interpolation between order statistics,
 * Hyndman & Fan type 7, numpy's default).
 *
 * Influence of each choice i with more than one option: the first-order
 * (main-effect) sensitivity index of Saisana et al. 2005 and Saltelli et al.
 * (2008, Global Sensitivity Analysis: The Primer, ch. 4),
 *   S_i = Var_{X_i}(E[R | X_i]) / Var(R),
 * with R the rank of one unit-time. It is estimated per unit-time from the
 * plain Monte Carlo draws (a discrete choice splits the draws into groups, one
 * per option: S_i = Σ_l (n_l / D)(R̄_l − R̄)² / Var(R), population variances —
 * the correlation ratio η²; it is biased upwards by about (L_i − 1)/D for a
 * choice with L_i options and no effect), then averaged over the unit-times
 * whose rank varies (Var > 1e-12). `residual` = 1 − Σ S_i (clamped at 0) is
 * the share left to the weight perturbation (not given an index of its own),
 * to interactions between choices and to estimation noise.
 * This differs from COINr's `get_sensitivity(SA_type = "SA")`, whose output is
 * one number per run (the mean absolute rank shift from the nominal ranks) and
 * whose estimator uses Saltelli's A/B/AB_i design of N(d + 2) runs; the ranks'
 * median and 5 % / 95 % quantiles are the same statistics as COINr's RankStats
 * (R's quantile type 7), and the weight perturbation is COINr's
 * get_noisy_weights (w + w·a(2u − 1)).
 *
 * The sampled design (every draw's choices and the uniform numbers u of its
 * weight perturbation) is returned as `design` when `keepDraws` is set, so
 * that an independent implementation can recompute the report from it
 * (test/reference/measure/uncertainty_reference.py).
 *
 * Data-driven weights (entropy, CRITIC, ...) are always computed from the
 * nominal normalisation (spec.normalize), as the nominal run does: methods
 * such as entropy are undefined on z-scores, and this keeps "normalisation"
 * and "weighting" separate choices. The drawn normalisation changes the
 * values that are aggregated.
 *
 * Speed: normalised matrices are computed once per normalisation method
 * (with ln x for the geometric mean: Π x^w = exp Σ w ln x, so a geometric draw
 * is a weighted sum of logs, and ranks do not need the exp) and copied
 * row-major; the local weights are computed once per weighting method (and
 * aggregation, under scope "children"; the nominal ones come from the caller)
 * and only perturbed per draw. All draws' choices and
 * perturbed weights are drawn first (the generator is consumed exactly draw
 * after draw), then draws on the same matrix are scored 8 at a time in one
 * pass over it (8 running sums per row, each over the indicators in order, so
 * scores are bit-identical to Σ_j w_j x_j), ranked per time with a bucket sort
 * (radix sort when the values are too unevenly spread), and the quantiles
 * come from counting each unit-time's ranks instead of sorting its draws.
 * The draws can be split into parts computed apart (uncertaintyPart; the Node
 * CLI runs them on worker threads through runUncertaintyParts) and merged
 * (mergeUncertainty): every sum is of whole ranks, so the report is the same
 * for any split.
 */
import seedrandom from 'seedrandom';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { globalFromLocal, type Hierarchy, type LocalWeights } from './hierarchy.ts';
import {
  columnNormalizeOptions,
  hierarchyWeights,
  normalizeMatrix,
  type WeightDiagnostic,
} from './hierarchy-weights.ts';
import type { Prepared } from './prepared.ts';
import type { UncertaintyDraw, UncertaintyReport, UncertaintyRow } from './result.ts';
import type { FilledSpec, NormalizeMethod, WeightMethod } from './spec.ts';

export interface UncertaintyInput {
  h: Hierarchy;
  spec: FilledSpec;
  prep: Prepared;
  nominalRank: Float64Array;
  /** The nominal normalised matrix when the caller has it (spec.normalize applied to prep.raw): not recomputed. */
  normalized?: Float64Array[];
  /** The nominal local weights when the caller has them (spec.weights.method and spec.aggregate.method on `normalized`): not recomputed. */
  nominalWeights?: LocalWeights[];
  onProgress?: (done: number, total: number) => void;
  /** Also return the sampled design (`design`): every draw's choices and uniform numbers. */
  keepDraws?: boolean;
}

/**
 * One Monte Carlo draw as sampled: the chosen normalisation, weighting and
 * aggregation, and the uniform numbers u ~ U(0, 1) of the weight
 * perturbation, per weight group (one group, or one per time when the drawn
 * weights are per time) and per node, aligned with the node's children:
 * the perturbed local weight is w_c (1 + weightNoise (2u − 1)), renormalised
 * among siblings. The design is the input of the analysis: with the data and
 * the spec it determines every number of the report (an independent
 * implementation can recompute the report from it).
 */
export type { UncertaintyDesign, UncertaintyDraw } from './result.ts';

type Agg = 'arithmetic' | 'geometric';

/**
 * The draws [from, to) of the analysis: the ranks of every unit-time in each
 * of them and the running sums the summary needs (mergeUncertainty). Each
 * draw takes its numbers from its own generator, seeded with (seed, draw
 * number) — drawStream — so a draw gives the same ranks in whichever part it
 * is computed: parts computed apart (worker threads) and merged equal one
 * part of all draws.
 *
 * @example mergeUncertainty(inp, [uncertaintyPart(inp, 0, 500), uncertaintyPart(inp, 500, 1000)])
 */
export function uncertaintyPart(
  inp: UncertaintyInput,
  from: number,
  to: number,
  onDraws?: (done: number) => void,
): UncertaintyPart {
  const { h, spec, prep } = inp;
  const u = spec.uncertainty!;
  const D = to - from;
  const seed = u.seed;
  const noise = u.weightNoise;
  const normList: NormalizeMethod[] = u.normalize;
  const wList: WeightMethod[] = u.weights;
  const aggList: Agg[] = u.aggregate;
  const n = prep.unit.length;
  const m = h.indicators.length;
  const groups = prep.groups;
  const G = groups.rows.length;

  // --- caches ---------------------------------------------------------------
  const colMajor = new Map<string, Float64Array[]>();
  if (inp.normalized) colMajor.set(spec.normalize.method, inp.normalized);
  const getCols = (nm: NormalizeMethod) => {
    let X = colMajor.get(nm);
    if (!X) {
      X = normalizeMatrix(
        prep.raw,
        prep.directions,
        nm,
        spec.normalize.shift,
        spec.normalize.panel,
        groups,
        prep.loc,
        columnNormalizeOptions(spec),
      );
      colMajor.set(nm, X);
    }
    return X;
  };
  const colMats = new Map<string, Float64Array[]>();
  const getMat = (nm: NormalizeMethod, agg: Agg) => {
    const key = `${nm}|${agg}`;
    let M = colMats.get(key);
    if (!M) {
      const X = getCols(nm);
      M =
        agg === 'arithmetic'
          ? X
          : X.map((x, j) => {
              const out = new Float64Array(n);
              for (let r = 0; r < n; r++) {
                const v = x[r];
                if (!(v > 0)) {
                  throw new XinzhiError({
                    code: 'geometric-nonpositive',
                    severity: 'error',
                    unit: prep.unit[r],
                    column: h.indicators[j],
                    ...(prep.loc.hasTime ? { time: prep.time[r] } : {}),
                    message: bi(
                      `不确定性分析：标准化方法 ${nm} 的值 ${v} 不能用于几何平均`,
                      `uncertainty analysis: normalisation ${nm} gives ${v}, which the geometric mean cannot take`,
                    ),
                    fix: bi(
                      `几何平均只能配合恒为正的标准化：不要把 ${nm} 与 geometric 一起列入 uncertainty（zscore、none 以及含负值数据上的 vector / mean-ratio 都会产生 ≤ 0 的值）；minmax 需 normalize.shift > 0`,
                      `the geometric mean needs a normalisation that stays positive: do not list ${nm} together with geometric in uncertainty (zscore, none, and vector / mean-ratio on data with negative values give values ≤ 0); minmax needs normalize.shift > 0`,
                    ),
                  });
                }
                out[r] = Math.log(v);
              }
              return out;
            });
      colMats.set(key, M);
    }
    return M;
  };
  // weights come from the nominal normalisation whatever the drawn one (see module comment);
  // under scope "children" they depend on the aggregation too
  const baseKey = (wm: WeightMethod, agg: string) => (spec.weights.scope === 'children' ? `${wm}|${agg}` : wm);
  const baseWeights = new Map<string, LocalWeights[]>();
  if (inp.nominalWeights) baseWeights.set(baseKey(spec.weights.method, spec.aggregate.method), inp.nominalWeights);
  const getBase = (wm: WeightMethod, agg: Agg) => {
    const key = baseKey(wm, agg);
    let L = baseWeights.get(key);
    if (!L) {
      const diag: WeightDiagnostic[] = [];
      L = hierarchyWeights(h, spec, wm, agg, getCols(spec.normalize.method), groups, diag, prep.loc);
      baseWeights.set(key, L);
    }
    return L;
  };

  // --- draws ------------------------------------------------------------------
  // All draws' choices and perturbed weights first (each draw's generator
  // gives three picks, then the perturbations), so that draws on the same
  // matrix can be scored together.
  const maxUnits = maxGroupSize(groups);
  const factors = factorsOf(u);
  let rng: () => number = () => 0; // replaced by each draw's own stream below
  const pick = (k: number) => (k === 1 ? (rng(), 0) : Math.min(k - 1, Math.floor(rng() * k)));
  const level = new Int32Array(D * 3);
  const drawKey: string[] = new Array(D);
  const drawByTime = new Uint8Array(D);
  const wAll = new Float64Array(D * G * m); // global weights of draw d, weight group g at (d·G + g)·m
  const design: UncertaintyDraw[] | null = inp.keepDraws ? [] : null;
  for (let d = 0; d < D; d++) {
    rng = drawStream(seed, from + d);
    const ia = pick(normList.length),
      ib = pick(wList.length),
      ic = pick(aggList.length);
    const nm = normList[ia],
      wm = wList[ib],
      agg = aggList[ic];
    level[d * 3] = ia;
    level[d * 3 + 1] = ib;
    level[d * 3 + 2] = ic;
    const base = getBase(wm, agg);
    getMat(nm, agg);
    drawKey[d] = `${nm}|${agg}`;
    drawByTime[d] = base.length > 1 ? 1 : 0;
    // perturb local weights, then global weights per weight group
    const us: Array<Record<string, number[]>> | null = design ? [] : null;
    for (let g = 0; g < base.length; g++) {
      const pert: LocalWeights = new Map();
      const ug: Record<string, number[]> | null = us ? {} : null;
      for (const [node, lw] of base[g]) {
        const p = new Float64Array(lw.length);
        const un: number[] | null = ug ? [] : null;
        let s = 0;
        for (let k = 0; k < lw.length; k++) {
          const uk = rng();
          if (un) un.push(uk);
          p[k] = lw[k] * (1 + noise * (2 * uk - 1));
          s += p[k];
        }
        if (s > 0) for (let k = 0; k < lw.length; k++) p[k] /= s;
        pert.set(node, p);
        if (ug) ug[node] = un!;
      }
      if (us) us.push(ug!);
      wAll.set(globalFromLocal(h, pert), (d * G + g) * m);
    }
    if (design) design.push({ normalize: nm, weights: wm, aggregate: agg, u: us! });
  }

  // --- scoring and ranking, in chunks of B draws on the same matrix --------------
  // Row-major copies of the matrices: a row's m values are contiguous, and B
  // draws are scored in one pass (B running sums per row, each over the
  // indicators in order, so every score is bit-identical to Σ_j w_j x_j).
  const rowMajor = new Map<string, Float64Array>();
  const getRowMajor = (key: string) => {
    let R = rowMajor.get(key);
    if (!R) {
      const Xc = colMats.get(key)!;
      R = new Float64Array(n * m);
      for (let j = 0; j < m; j++) {
        const x = Xc[j];
        for (let r = 0, o = j; r < n; r++, o += m) R[o] = x[r];
      }
      rowMajor.set(key, R);
    }
    return R;
  };
  const B = 8;
  const chunks: number[][] = [];
  const byKey = new Map<string, number[]>();
  for (let d = 0; d < D; d++) {
    const k = `${drawKey[d]}|${drawByTime[d]}`;
    let list = byKey.get(k);
    if (!list) {
      list = [];
      byKey.set(k, list);
    }
    list.push(d);
    if (list.length === B) {
      chunks.push(list);
      byKey.set(k, []);
    }
  }
  for (const list of byKey.values()) if (list.length) chunks.push(list);

  // ranks of every unit-time in every draw, row by row (slot = order of processing)
  const ranks = maxUnits < 65536 ? new Uint16Array(n * D) : new Uint32Array(n * D);
  const sum = new Float64Array(n);
  const sumsq = new Float64Array(n);
  const condSum = factors.map((f) => Array.from({ length: f.levels }, () => new Float64Array(n)));
  const condCount = factors.map((f) => new Float64Array(f.levels));
  const activeF = [0, 1, 2].filter((f) => factors[f].levels >= 2);
  const ranker = makeRanker(maxUnits);
  const gIdx = groups.index;
  const S = new Float64Array(B * n);
  const RK = new Int32Array(B * n);
  const Wc = new Float64Array(G * B * m);
  let done = 0;
  for (const chunk of chunks) {
    const nb = chunk.length;
    const d0 = chunk[0];
    const byTime = drawByTime[d0] === 1;
    const Gc = byTime ? G : 1;
    const X = getRowMajor(drawKey[d0]);
    Wc.fill(0);
    for (let b = 0; b < nb; b++) {
      const d = chunk[b];
      for (let g = 0; g < Gc; g++) Wc.set(wAll.subarray((d * G + g) * m, (d * G + g + 1) * m), (g * B + b) * m);
      for (const f of activeF) condCount[f][level[d * 3 + f]]++;
    }
    scoreChunk(X, Wc, n, m, byTime ? gIdx : null, S);
    for (let b = 0; b < nb; b++) {
      for (let g = 0; g < G; g++) {
        const rows = groups.rows[g];
        const rk = ranker(S, b * n, rows);
        const o = b * n;
        for (let i = 0; i < rows.length; i++) RK[o + rows[i]] = rk[i];
      }
    }
    const sums = activeF.map((f) => chunk.map((d) => condSum[f][level[d * 3 + f]]));
    for (let r = 0; r < n; r++) {
      const base = r * D + done;
      let s1 = 0,
        s2 = 0;
      for (let b = 0; b < nb; b++) {
        const v = RK[b * n + r];
        ranks[base + b] = v;
        s1 += v;
        s2 += v * v;
        for (let a = 0; a < sums.length; a++) sums[a][b][r] += v;
      }
      sum[r] += s1;
      sumsq[r] += s2;
    }
    done += nb;
    onDraws?.(nb);
  }

  return {
    from,
    to,
    ranks,
    sum,
    sumsq,
    condSum,
    condCount,
    ...(design ? { design } : {}),
  };
}

/** Draws done by one part, in order: the ranks of row r in draw from + k at r·(to − from) + k, and the sums over its draws. */
export interface UncertaintyPart {
  from: number;
  to: number;
  ranks: Uint16Array | Uint32Array;
  sum: Float64Array;
  sumsq: Float64Array;
  /** Σ rank per factor, level and row; draws per factor and level. */
  condSum: Float64Array[][];
  condCount: Float64Array[];
  design?: UncertaintyDraw[];
}

/** A part's arrays, to move (not copy) between threads. */
export function partBuffers(part: UncertaintyPart): ArrayBuffer[] {
  const arrays = [part.ranks, part.sum, part.sumsq, ...part.condSum.flat(), ...part.condCount];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Below this many unit-time × draw ranks, starting threads costs more than it saves: one thread. */
export const PARALLEL_MIN_RANKS = 2_000_000;

/**
 * The random stream of draw d: seedrandom's ARC4 keyed with "seed/d", so
 * every draw's numbers depend on the seed and its number only.
 */
export function drawStream(seed: number | string, d: number): () => number {
  return seedrandom(`${seed}/${d}`);
}

/** Draws 0 … D − 1 in `parts` contiguous ranges of (nearly) equal length, empty ones left out. */
export function drawRanges(D: number, parts: number): Array<[number, number]> {
  const k = Math.max(1, Math.min(parts, D));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < k; i++) {
    const a = Math.floor((D * i) / k);
    const b = Math.floor((D * (i + 1)) / k);
    if (b > a) out.push([a, b]);
  }
  return out;
}

function maxGroupSize(groups: Prepared['groups']): number {
  return Math.max(...groups.rows.map((r) => r.length));
}

function factorsOf(u: NonNullable<FilledSpec['uncertainty']>): Array<{ name: string; levels: number }> {
  return [
    { name: 'normalize', levels: u.normalize.length },
    { name: 'weights', levels: u.weights.length },
    { name: 'aggregate', levels: u.aggregate.length },
  ];
}

/**
 * The report from parts that together hold draws 0 … D − 1 (in any order):
 * ranks gathered per unit-time, sums added (the sums are of whole ranks, so
 * exact in any order), then quantiles and influence as for one part.
 */
export function mergeUncertainty(inp: UncertaintyInput, parts: UncertaintyPart[]): UncertaintyReport {
  const u = inp.spec.uncertainty!;
  const D = u.draws;
  const n = inp.prep.unit.length;
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  let next = 0;
  for (const p of sorted) {
    if (p.from !== next) throw new Error(`uncertainty parts do not cover draws ${next}…${p.from - 1}`);
    next = p.to;
  }
  if (next !== D) throw new Error(`uncertainty parts end at draw ${next}, not ${D}`);
  const maxUnits = maxGroupSize(inp.prep.groups);
  const factors = factorsOf(u);
  let ranks: Uint16Array | Uint32Array;
  let sum: Float64Array;
  let sumsq: Float64Array;
  let condSum: Float64Array[][];
  let condCount: Float64Array[];
  if (sorted.length === 1) ({ ranks, sum, sumsq, condSum, condCount } = sorted[0]);
  else {
    ranks = maxUnits < 65536 ? new Uint16Array(n * D) : new Uint32Array(n * D);
    sum = new Float64Array(n);
    sumsq = new Float64Array(n);
    condSum = factors.map((f) => Array.from({ length: f.levels }, () => new Float64Array(n)));
    condCount = factors.map((f) => new Float64Array(f.levels));
    for (const p of sorted) {
      const Dp = p.to - p.from;
      for (let r = 0; r < n; r++) {
        ranks.set(p.ranks.subarray(r * Dp, (r + 1) * Dp), r * D + p.from);
        sum[r] += p.sum[r];
        sumsq[r] += p.sumsq[r];
      }
      for (let f = 0; f < 3; f++)
        for (let l = 0; l < factors[f].levels; l++) {
          condCount[f][l] += p.condCount[f][l];
          const a = condSum[f][l];
          const b = p.condSum[f][l];
          for (let r = 0; r < n; r++) a[r] += b[r];
        }
    }
  }
  const { rowsOut, influence } = summariseRanks({
    prep: inp.prep,
    nominalRank: inp.nominalRank,
    D,
    maxUnits,
    ranks,
    sum,
    sumsq,
    factors,
    condSum,
    condCount,
  });
  const design = inp.keepDraws ? sorted.flatMap((p) => p.design ?? []) : null;
  return {
    draws: D,
    seed: u.seed,
    ranks: rowsOut,
    influence,
    ...(design ? { design: { weightNoise: u.weightNoise, draws: design } } : {}),
  };
}

/** The whole analysis in this thread: one part of all draws. */
export function runUncertainty(inp: UncertaintyInput): UncertaintyReport {
  const D = inp.spec.uncertainty!.draws;
  return mergeUncertainty(inp, [uncertaintyPart(inp, 0, D, progressOf(inp, D))]);
}

/**
 * Computes draws [from, to) somewhere else (a worker thread: the Node
 * adapter's io/uncertainty-pool.ts) and gives back the part; onDraws is told
 * of draws done as they finish.
 */
export type UncertaintyPartRunner = (
  inp: UncertaintyInput,
  from: number,
  to: number,
  onDraws: (done: number) => void,
) => Promise<UncertaintyPart>;

/**
 * The analysis split into `parts` ranges of draws run by `runPart` at the
 * same time; the report equals runUncertainty's for the same seed, whatever
 * the number of parts.
 *
 * @example await runUncertaintyParts(inp, workerRunner, 2)
 */
export async function runUncertaintyParts(
  inp: UncertaintyInput,
  runPart: UncertaintyPartRunner,
  parts: number,
): Promise<UncertaintyReport> {
  const D = inp.spec.uncertainty!.draws;
  const onDraws = progressOf(inp, D);
  const { onProgress: _drop, ...plain } = inp;
  const done = await Promise.all(drawRanges(D, parts).map(([a, b]) => runPart(plain, a, b, onDraws ?? (() => {}))));
  return mergeUncertainty(inp, done);
}

/** Progress to the caller's onProgress about every 1 % of the draws (and at the end). */
function progressOf(inp: UncertaintyInput, D: number): ((k: number) => void) | undefined {
  const report = inp.onProgress;
  if (!report) return undefined;
  const step = Math.max(1, Math.floor(D / 100));
  let done = 0;
  let last = 0;
  return (k) => {
    done += k;
    if (done - last >= step || done === D) {
      report(done, D);
      last = done;
    }
  };
}

/** What the summary of the draws needs: every unit-time's D ranks and the running sums per factor level. */
interface RankTally {
  prep: Prepared;
  nominalRank: ArrayLike<number>;
  D: number;
  maxUnits: number;
  /** Ranks of row r in draw slot k at r·D + k. */
  ranks: Uint16Array | Uint32Array;
  sum: Float64Array;
  sumsq: Float64Array;
  factors: Array<{ name: string; levels: number }>;
  condSum: Float64Array[][];
  condCount: Float64Array[];
}

/**
 * Rank quantiles (5 %, median, 95 %; R type 7 from the order statistics, by
 * counting) per unit-time, and first-order influence of each factor:
 * S_i = Var(E[rank | choice_i]) / Var(rank), averaged over unit-times.
 */
function summariseRanks(t: RankTally): { rowsOut: UncertaintyRow[]; influence: Record<string, number> } {
  const { prep, D, maxUnits, ranks, sum, sumsq, factors, condSum, condCount } = t;
  const n = prep.unit.length;
  // quantiles from the order statistics of each row's D ranks (counting, no sort)
  const rowsOut: UncertaintyRow[] = new Array(n);
  const want = [0.05, 0.5, 0.95].map((p) => {
    const hh = (D - 1) * p;
    const lo = Math.floor(hh);
    return { p, hh, lo, hi: Math.min(lo + 1, D - 1) };
  });
  const pos = Int32Array.from(want.flatMap((w) => [w.lo, w.hi]));
  const stat = new Float64Array(pos.length);
  const hist = new Int32Array(maxUnits + 2);
  for (let r = 0; r < n; r++) {
    orderStats(ranks, r * D, D, pos, stat, hist);
    const q = want.map((w, i) => stat[2 * i] + (w.hh - w.lo) * (stat[2 * i + 1] - stat[2 * i]));
    rowsOut[r] = {
      unit: prep.unit[r],
      time: prep.time[r],
      nominalRank: t.nominalRank[r],
      medianRank: q[1],
      q05: q[0],
      q95: q[2],
    };
  }
  const influence: Record<string, number> = {};
  let total = 0;
  for (let f = 0; f < 3; f++) {
    if (factors[f].levels < 2) continue;
    let acc = 0,
      cnt = 0;
    for (let r = 0; r < n; r++) {
      const mu = sum[r] / D;
      const v = sumsq[r] / D - mu * mu;
      if (!(v > 1e-12)) continue;
      let between = 0;
      for (let l = 0; l < factors[f].levels; l++) {
        const c = condCount[f][l];
        if (c === 0) continue;
        const ml = condSum[f][l][r] / c;
        between += (c / D) * (ml - mu) * (ml - mu);
      }
      acc += between / v;
      cnt++;
    }
    influence[factors[f].name] = cnt ? acc / cnt : 0;
    total += influence[factors[f].name];
  }
  influence.residual = Math.max(0, 1 - total);
  return { rowsOut, influence };
}

/**
 * Scores of 8 draws on a row-major matrix X (n × m): S[b·n + r] = Σ_j W[(g·8 + b)·m + j] · X[r·m + j],
 * g = group[r] (0 when group is null); the sum runs over j in order from 0, as
 * a column-by-column accumulation would.
 */
function scoreChunk(
  X: Float64Array,
  W: Float64Array,
  n: number,
  m: number,
  group: Int32Array | null,
  S: Float64Array,
): void {
  const m2 = 2 * m,
    m3 = 3 * m,
    m4 = 4 * m,
    m5 = 5 * m,
    m6 = 6 * m,
    m7 = 7 * m;
  const n2 = 2 * n,
    n3 = 3 * n,
    n4 = 4 * n,
    n5 = 5 * n,
    n6 = 6 * n,
    n7 = 7 * n;
  for (let r = 0; r < n; r++) {
    const xo = r * m;
    const wo = group === null ? 0 : group[r] * 8 * m;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let j = 0; j < m; j++) {
      const x = X[xo + j];
      const w = wo + j;
      s0 += W[w] * x;
      s1 += W[w + m] * x;
      s2 += W[w + m2] * x;
      s3 += W[w + m3] * x;
      s4 += W[w + m4] * x;
      s5 += W[w + m5] * x;
      s6 += W[w + m6] * x;
      s7 += W[w + m7] * x;
    }
    S[r] = s0;
    S[n + r] = s1;
    S[n2 + r] = s2;
    S[n3 + r] = s3;
    S[n4 + r] = s4;
    S[n5 + r] = s5;
    S[n6 + r] = s6;
    S[n7 + r] = s7;
  }
}

/**
 * Order statistics of the non-negative integers v[off .. off+len): out[i] =
 * the pos[i]-th smallest (0-based; pos ascending), by counting over the range
 * of values (hist must hold max − min + 1 counts).
 */
function orderStats(
  v: Uint16Array | Uint32Array,
  off: number,
  len: number,
  pos: Int32Array,
  out: Float64Array,
  hist: Int32Array,
): void {
  let lo = v[off],
    hi = v[off];
  for (let i = 1; i < len; i++) {
    const x = v[off + i];
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
  }
  const range = hi - lo + 1;
  hist.fill(0, 0, range);
  for (let i = 0; i < len; i++) hist[v[off + i] - lo]++;
  let cum = 0,
    k = 0,
    p = 0;
  while (p < pos.length) {
    cum += hist[k];
    while (p < pos.length && pos[p] < cum) out[p++] = lo + k;
    k++;
  }
}

/**
 * Ranks (descending, ties "min": 1 + number of strictly greater values) of
 * `values[offset + rows[i]]`, exact. A bucket sort on the value range (about
 * two buckets per value; the buckets are in value order) followed by an
 * insertion sort on the exact doubles, which only moves values within their
 * bucket; when the values are spread so unevenly that a bucket holds more
 * than 48 of them (or the range is not finite), the radix sort below is used
 * instead. Ties are decided on the exact values.
 */
export function makeRanker(maxLen: number): (values: Float64Array, offset: number, rows: Int32Array) => Int32Array {
  const NB = Math.max(16, 2 * maxLen);
  const count = new Int32Array(NB + 1);
  const bkt = new Int32Array(maxLen);
  const idx = new Int32Array(maxLen);
  const ex = new Float64Array(maxLen);
  const out = new Int32Array(maxLen);
  let fallback: ((values: Float64Array, offset: number, rows: Int32Array) => Int32Array) | null = null;
  const slow = (values: Float64Array, offset: number, rows: Int32Array) =>
    (fallback ??= makeRadixRanker(maxLen))(values, offset, rows);
  return (values, offset, rows) => {
    const len = rows.length;
    let lo = Infinity,
      hi = -Infinity,
      nan = false;
    for (let i = 0; i < len; i++) {
      const v = values[offset + rows[i]];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (v !== v) nan = true;
    }
    const range = hi - lo;
    if (nan || !(range >= 0 && range < Infinity)) return slow(values, offset, rows);
    if (range === 0) {
      out.fill(1, 0, len);
      return out;
    }
    const nb = Math.max(16, 2 * len);
    const scale = (nb - 1) / range;
    count.fill(0, 0, nb + 1);
    for (let i = 0; i < len; i++) {
      let b = Math.floor((values[offset + rows[i]] - lo) * scale);
      if (b > nb - 1) b = nb - 1;
      bkt[i] = b;
      count[b + 1]++;
    }
    let maxB = 0;
    for (let b = 1; b <= nb; b++) {
      const c = count[b];
      if (c > maxB) maxB = c;
      count[b] += count[b - 1];
    }
    if (maxB > 48) return slow(values, offset, rows);
    for (let i = 0; i < len; i++) {
      const p = count[bkt[i]]++;
      idx[p] = i;
      ex[p] = values[offset + rows[i]];
    }
    for (let a = 1; a < len; a++) {
      const v = ex[a];
      if (ex[a - 1] <= v) continue;
      const o = idx[a];
      let c = a - 1;
      while (c >= 0 && ex[c] > v) {
        ex[c + 1] = ex[c];
        idx[c + 1] = idx[c];
        c--;
      }
      ex[c + 1] = v;
      idx[c + 1] = o;
    }
    let end = len;
    while (end > 0) {
      const v = ex[end - 1];
      let start = end - 1;
      while (start > 0 && ex[start - 1] === v) start--;
      const rk = len - end + 1;
      for (let a = start; a < end; a++) out[idx[a]] = rk;
      end = start;
    }
    return out;
  };
}

/**
 * The same ranks by an LSD radix sort (3 passes of 11 bits)
 * of the order-preserving 32-bit pattern of each value rounded to float32
 * (rounding is monotone), carrying the position; runs with equal float32
 * keys are then re-sorted by the exact double values (insertion sort; such
 * runs are short), and ties are decided on the exact values.
 */
export function makeRadixRanker(
  maxLen: number,
): (values: Float64Array, offset: number, rows: Int32Array) => Int32Array {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const keyA = new Uint32Array(maxLen),
    keyB = new Uint32Array(maxLen);
  const idxA = new Int32Array(maxLen),
    idxB = new Int32Array(maxLen);
  const count = new Int32Array(2048);
  const out = new Int32Array(maxLen);
  const exact = new Float64Array(maxLen);
  return (values, offset, rows) => {
    const len = rows.length;
    for (let i = 0; i < len; i++) {
      f32[0] = values[offset + rows[i]];
      const u = u32[0];
      keyA[i] = u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
      idxA[i] = i;
    }
    let ks = keyA,
      kd = keyB,
      is = idxA,
      id = idxB;
    for (let shift = 0; shift < 32; shift += 11) {
      count.fill(0);
      for (let i = 0; i < len; i++) count[(ks[i] >>> shift) & 2047]++;
      let sum = 0;
      for (let c = 0; c < 2048; c++) {
        const t = count[c];
        count[c] = sum;
        sum += t;
      }
      for (let i = 0; i < len; i++) {
        const p = count[(ks[i] >>> shift) & 2047]++;
        kd[p] = ks[i];
        id[p] = is[i];
      }
      const tk = ks;
      ks = kd;
      kd = tk;
      const ti = is;
      is = id;
      id = ti;
    }
    for (let p = 0; p < len; p++) exact[p] = values[offset + rows[is[p]]];
    // fix runs of equal float32 keys by the exact values
    let p = 0;
    while (p < len) {
      let q = p + 1;
      while (q < len && ks[q] === ks[p]) q++;
      for (let a = p + 1; a < q; a++) {
        const v = exact[a],
          o = is[a];
        let c = a - 1;
        while (c >= p && exact[c] > v) {
          exact[c + 1] = exact[c];
          is[c + 1] = is[c];
          c--;
        }
        exact[c + 1] = v;
        is[c + 1] = o;
      }
      p = q;
    }
    // descending ranks, ties "min"
    let end = len;
    while (end > 0) {
      let start = end - 1;
      while (start > 0 && exact[start - 1] === exact[end - 1]) start--;
      const rk = len - end + 1;
      for (let a = start; a < end; a++) out[is[a]] = rk;
      end = start;
    }
    return out;
  };
}

/**
 * Monte Carlo uncertainty and sensitivity analysis of the composite index
 * (OECD/JRC Handbook on Constructing Composite Indicators 2008, §7;
 * Saisana, Saltelli & Tarantola 2005, "Uncertainty and sensitivity analysis
 * techniques as tools for the quality assessment of composite indicators",
 * J. R. Stat. Soc. A 168(2):307–323; COINr `get_sensanalysis`).
 *
 * Each draw d = 1..N (seeded generator: seedrandom, ARC4, seed = spec.uncertainty.seed):
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
 * Influence of each choice i with more than one option (first-order
 * sensitivity index, Saisana et al. 2005 eq. 8):
 *   S_i = Var_{X_i}(E[R | X_i]) / Var(R),
 * estimated per unit-time from the draws (conditional means of the rank over
 * the draws with each option; population variances), then averaged over the
 * unit-times whose rank varies. `residual` = 1 − Σ S_i (clamped at 0) is the
 * share left to the weight perturbation and to interactions between choices.
 *
 * Data-driven weights (entropy, CRITIC, ...) are always computed from the
 * nominal normalisation (spec.normalize), as the nominal run does: methods
 * such as entropy are undefined on z-scores, and this keeps "normalisation"
 * and "weighting" separate choices. The drawn normalisation changes the
 * values that are aggregated.
 *
 * Speed: normalised matrices are computed once per normalisation method and
 * stored row-major (with ln x for the geometric mean: Π x^w = exp Σ w ln x,
 * so a geometric draw is a weighted sum of logs, and ranks do not need the
 * exp); the nominal local weights are computed once per (normalisation,
 * weighting, aggregation) and only perturbed per draw; each draw is then one
 * matrix-vector product and one sort per time.
 */
import seedrandom from 'seedrandom';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { globalFromLocal, type Hierarchy, type LocalWeights } from './hierarchy.ts';
import { hierarchyWeights, normalizeMatrix, type WeightDiagnostic } from './hierarchy-weights.ts';
import type { Prepared } from './evaluate.ts';
import type { UncertaintyReport, UncertaintyRow } from './result.ts';
import type { NormalizeMethod, Spec, WeightMethod } from './spec.ts';

export interface UncertaintyInput {
  h: Hierarchy;
  spec: Spec;
  prep: Prepared;
  nominalRank: Float64Array;
  onProgress?: (done: number, total: number) => void;
}

type Agg = 'arithmetic' | 'geometric';

/** Quantile of sorted values, linear interpolation (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function runUncertainty(inp: UncertaintyInput): UncertaintyReport {
  const { h, spec, prep } = inp;
  const u = spec.uncertainty!;
  const D = u.draws;
  const seed = u.seed ?? 1;
  const noise = u.weightNoise ?? 0.25;
  const normList = (u.normalize ?? [spec.normalize.method]) as NormalizeMethod[];
  const wList = (u.weights ?? [spec.weights.method]) as WeightMethod[];
  const aggList = (u.aggregate ?? [spec.aggregate.method]) as Agg[];
  const n = prep.unit.length;
  const m = h.indicators.length;
  const groups = prep.groups;
  const G = groups.rows.length;
  const rng = seedrandom(String(seed));

  // --- caches ---------------------------------------------------------------
  const colMajor = new Map<string, Float64Array[]>();
  const rowMajor = new Map<string, Float64Array>();
  const getCols = (nm: NormalizeMethod) => {
    let X = colMajor.get(nm);
    if (!X) {
      X = normalizeMatrix(prep.raw, prep.directions, nm, spec.normalize.shift ?? 0.0001, spec.normalize.panel ?? 'pooled', groups, prep.loc);
      colMajor.set(nm, X);
    }
    return X;
  };
  const getRows = (nm: NormalizeMethod, agg: Agg) => {
    const key = `${nm}|${agg}`;
    let M = rowMajor.get(key);
    if (!M) {
      const X = getCols(nm);
      M = new Float64Array(n * m);
      for (let j = 0; j < m; j++) {
        const x = X[j];
        for (let r = 0; r < n; r++) {
          const v = x[r];
          if (agg === 'geometric') {
            if (!(v > 0)) {
              throw new XinzhiError({
                code: 'geometric-nonpositive', severity: 'error', unit: prep.unit[r], column: h.indicators[j],
                ...(prep.loc.hasTime ? { time: prep.time[r] } : {}),
                message: bi(`不确定性分析：标准化方法 ${nm} 的值 ${v} 不能用于几何平均`, `uncertainty analysis: normalisation ${nm} gives ${v}, which the geometric mean cannot take`),
                fix: bi('不要把 zscore/none 与 geometric 一起列入 uncertainty，或设置 normalize.shift > 0', 'do not list zscore/none together with geometric in uncertainty, or set normalize.shift > 0'),
              });
            }
            M[r * m + j] = Math.log(v);
          } else M[r * m + j] = v;
        }
      }
      rowMajor.set(key, M);
    }
    return M;
  };
  const baseWeights = new Map<string, LocalWeights[]>();
  const getBase = (nm: NormalizeMethod, wm: WeightMethod, agg: Agg) => {
    void nm; // weights come from the nominal normalisation (see module comment)
    const key = (spec.weights.scope ?? 'leaves') === 'children' ? `${wm}|${agg}` : wm;
    let L = baseWeights.get(key);
    if (!L) {
      const diag: WeightDiagnostic[] = [];
      L = hierarchyWeights(h, spec, wm, agg, getCols(spec.normalize.method), groups, diag, prep.loc);
      baseWeights.set(key, L);
    }
    return L;
  };

  // --- storage ----------------------------------------------------------------
  const maxUnits = Math.max(...groups.rows.map((r) => r.length));
  const ranks = maxUnits < 65536 ? new Uint16Array(n * D) : new Uint32Array(n * D);
  const sum = new Float64Array(n);
  const sumsq = new Float64Array(n);
  const factors = [
    { name: 'normalize', levels: normList.length },
    { name: 'weights', levels: wList.length },
    { name: 'aggregate', levels: aggList.length },
  ];
  const condSum = factors.map((f) => Array.from({ length: f.levels }, () => new Float64Array(n)));
  const condCount = factors.map((f) => new Float64Array(f.levels));

  const gw: Float64Array[] = new Array(G);
  const activeSums: Float64Array[] = [];
  const sortedBuf = new Float64Array(maxUnits);
  const valBuf = new Float64Array(maxUnits);
  const step = Math.max(1, Math.floor(D / 100));
  const pick = (k: number) => (k === 1 ? (rng(), 0) : Math.min(k - 1, Math.floor(rng() * k)));

  for (let d = 0; d < D; d++) {
    const ia = pick(normList.length), ib = pick(wList.length), ic = pick(aggList.length);
    const nm = normList[ia], wm = wList[ib], agg = aggList[ic];
    const lv = [ia, ib, ic];
    let nActive = 0;
    for (let f = 0; f < 3; f++) {
      if (factors[f].levels < 2) continue;
      condCount[f][lv[f]]++;
      activeSums[nActive++] = condSum[f][lv[f]];
    }
    const base = getBase(nm, wm, agg);
    const M = getRows(nm, agg);
    // perturb local weights, then global weights per group
    for (let g = 0; g < base.length; g++) {
      const pert: LocalWeights = new Map();
      for (const [node, lw] of base[g]) {
        const p = new Float64Array(lw.length);
        let s = 0;
        for (let k = 0; k < lw.length; k++) { p[k] = lw[k] * (1 + noise * (2 * rng() - 1)); s += p[k]; }
        if (s > 0) for (let k = 0; k < lw.length; k++) p[k] /= s;
        pert.set(node, p);
      }
      gw[g] = globalFromLocal(h, pert);
    }
    // scores and ranks per time
    for (let g = 0; g < G; g++) {
      const rows = groups.rows[g];
      const w = base.length === 1 ? gw[0] : gw[g];
      const len = rows.length;
      for (let i = 0; i < len; i++) {
        const off = rows[i] * m;
        let s = 0;
        for (let j = 0; j < m; j++) s += M[off + j] * w[j];
        valBuf[i] = s;
        sortedBuf[i] = s;
      }
      const sorted = sortedBuf.subarray(0, len);
      sorted.sort();
      for (let i = 0; i < len; i++) {
        const v = valBuf[i];
        // 1 + number of values strictly greater than v (ties "min")
        let lo = 0, hi = len;
        while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] <= v) lo = mid + 1; else hi = mid; }
        const rk = 1 + len - lo;
        const r = rows[i];
        ranks[r * D + d] = rk;
        sum[r] += rk;
        sumsq[r] += rk * rk;
        for (let a = 0; a < nActive; a++) activeSums[a][r] += rk;
      }
    }
    if (inp.onProgress && ((d + 1) % step === 0 || d + 1 === D)) inp.onProgress(d + 1, D);
  }

  // --- summaries --------------------------------------------------------------
  const rowsOut: UncertaintyRow[] = new Array(n);
  const buf = new Float64Array(D);
  for (let r = 0; r < n; r++) {
    for (let d = 0; d < D; d++) buf[d] = ranks[r * D + d];
    buf.sort();
    rowsOut[r] = { unit: prep.unit[r], time: prep.time[r], nominalRank: inp.nominalRank[r], medianRank: quantileSorted(buf, 0.5), q05: quantileSorted(buf, 0.05), q95: quantileSorted(buf, 0.95) };
  }
  const influence: Record<string, number> = {};
  let total = 0;
  for (let f = 0; f < 3; f++) {
    if (factors[f].levels < 2) continue;
    let acc = 0, cnt = 0;
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
  return { draws: D, seed, ranks: rowsOut, influence };
}

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
 * stored column by column (with ln x for the geometric mean: Π x^w = exp Σ w ln x,
 * so a geometric draw is a weighted sum of logs, and ranks do not need the
 * exp); the nominal local weights are computed once per (normalisation,
 * weighting, aggregation) and only perturbed per draw; draws are scored in batches of 8
 * (one pass over the matrix per batch, in cache-sized tiles of rows) and
 * ranked with an O(n) radix sort per time.
 */
import seedrandom from 'seedrandom';
import { XinzhiError } from '../src/core/errors.ts';
import { bi } from '../src/core/i18n.ts';
import { globalFromLocal, type Hierarchy, type LocalWeights } from '../src/core/measure/hierarchy.ts';
import { hierarchyWeights, normalizeMatrix, type WeightDiagnostic } from '../src/core/measure/hierarchy-weights.ts';
import type { Prepared } from '../src/core/measure/evaluate.ts';
import type { UncertaintyReport, UncertaintyRow } from '../src/core/measure/result.ts';
import type { NormalizeMethod, Spec, WeightMethod } from '../src/core/measure/spec.ts';

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
  const getCols = (nm: NormalizeMethod) => {
    let X = colMajor.get(nm);
    if (!X) {
      X = normalizeMatrix(prep.raw, prep.directions, nm, spec.normalize.shift ?? 0.0001, spec.normalize.panel ?? 'pooled', groups, prep.loc);
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
      M = agg === 'arithmetic' ? X : X.map((x, j) => {
        const out = new Float64Array(n);
        for (let r = 0; r < n; r++) {
          const v = x[r];
          if (!(v > 0)) {
            throw new XinzhiError({
              code: 'geometric-nonpositive', severity: 'error', unit: prep.unit[r], column: h.indicators[j],
              ...(prep.loc.hasTime ? { time: prep.time[r] } : {}),
              message: bi(`不确定性分析：标准化方法 ${nm} 的值 ${v} 不能用于几何平均`, `uncertainty analysis: normalisation ${nm} gives ${v}, which the geometric mean cannot take`),
              fix: bi('不要把 zscore/none 与 geometric 一起列入 uncertainty，或设置 normalize.shift > 0', 'do not list zscore/none together with geometric in uncertainty, or set normalize.shift > 0'),
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

  const activeSums: Float64Array[][] = [];
  const step = Math.max(1, Math.floor(D / 100));
  const pick = (k: number) => (k === 1 ? (rng(), 0) : Math.min(k - 1, Math.floor(rng() * k)));
  const ranker = makeRanker(maxUnits);
  const B = 8; // draws per batch: the matrix is streamed once per batch
  const TILE = 2048;
  const gIdx = groups.index;
  const S = new Float64Array(B * n);
  const wFlat = new Float64Array(B * G * m);
  let lastReported = 0;

  for (let d0 = 0; d0 < D; d0 += B) {
    const nb = Math.min(B, D - d0);
    const mKey: string[] = new Array(nb);
    const byTimeW: boolean[] = new Array(nb);
    for (let b = 0; b < nb; b++) {
      const ia = pick(normList.length), ib = pick(wList.length), ic = pick(aggList.length);
      const nm = normList[ia], wm = wList[ib], agg = aggList[ic];
      const lv = [ia, ib, ic];
      const act: Float64Array[] = [];
      for (let f = 0; f < 3; f++) {
        if (factors[f].levels < 2) continue;
        condCount[f][lv[f]]++;
        act.push(condSum[f][lv[f]]);
      }
      activeSums[b] = act;
      const base = getBase(nm, wm, agg);
      getMat(nm, agg);
      mKey[b] = `${nm}|${agg}`;
      byTimeW[b] = base.length > 1;
      // perturb local weights, then global weights per weight group
      for (let g = 0; g < base.length; g++) {
        const pert: LocalWeights = new Map();
        for (const [node, lw] of base[g]) {
          const p = new Float64Array(lw.length);
          let s = 0;
          for (let k = 0; k < lw.length; k++) { p[k] = lw[k] * (1 + noise * (2 * rng() - 1)); s += p[k]; }
          if (s > 0) for (let k = 0; k < lw.length; k++) p[k] /= s;
          pert.set(node, p);
        }
        wFlat.set(globalFromLocal(h, pert), (b * G + g) * m);
      }
    }
    // scores: one pass over the matrix per distinct (normalisation, aggregation) in
    // the batch, in tiles of rows so that a tile of each column stays in cache
    for (const key of new Set(mKey)) {
      const Xc = colMats.get(key)!;
      for (let b = 0; b < nb; b++) {
        if (mKey[b] !== key) continue;
        S.fill(0, b * n, (b + 1) * n);
      }
      for (let t0 = 0; t0 < n; t0 += TILE) {
        const t1 = Math.min(n, t0 + TILE);
        for (let j = 0; j < m; j++) {
          const x = Xc[j];
          for (let b = 0; b < nb; b++) {
            if (mKey[b] !== key) continue;
            const off = b * n;
            if (!byTimeW[b]) {
              const w = wFlat[b * G * m + j];
              for (let r = t0; r < t1; r++) S[off + r] += w * x[r];
            } else {
              const wb = b * G * m + j;
              for (let r = t0; r < t1; r++) S[off + r] += wFlat[wb + gIdx[r] * m] * x[r];
            }
          }
        }
      }
    }
    // ranks within each time
    for (let b = 0; b < nb; b++) {
      const d = d0 + b;
      const act = activeSums[b];
      for (let g = 0; g < G; g++) {
        const rows = groups.rows[g];
        const rk = ranker(S, b * n, rows);
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          const v = rk[i];
          ranks[r * D + d] = v;
          sum[r] += v;
          sumsq[r] += v * v;
          for (let a = 0; a < act.length; a++) act[a][r] += v;
        }
      }
    }
    const done = d0 + nb;
    if (inp.onProgress && (done - lastReported >= step || done === D)) { inp.onProgress(done, D); lastReported = done; }
  }

  // --- summaries --------------------------------------------------------------
  const rowsOut: UncertaintyRow[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const buf = ranks.subarray(r * D, (r + 1) * D);
    buf.sort(); // in place: the draws of one row are contiguous
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

/**
 * Ranks (descending, ties "min": 1 + number of strictly greater values) of
 * `values[offset + rows[i]]`, exact: an LSD radix sort (3 passes of 11 bits)
 * of the order-preserving 32-bit pattern of each value rounded to float32
 * (rounding is monotone), carrying the position; runs with equal float32
 * keys are then re-sorted by the exact double values (insertion sort; such
 * runs are short), and ties are decided on the exact values.
 */
export function makeRanker(maxLen: number): (values: Float64Array, offset: number, rows: Int32Array) => Int32Array {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const keyA = new Uint32Array(maxLen), keyB = new Uint32Array(maxLen);
  const idxA = new Int32Array(maxLen), idxB = new Int32Array(maxLen);
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
    let ks = keyA, kd = keyB, is = idxA, id = idxB;
    for (let shift = 0; shift < 32; shift += 11) {
      count.fill(0);
      for (let i = 0; i < len; i++) count[(ks[i] >>> shift) & 2047]++;
      let sum = 0;
      for (let c = 0; c < 2048; c++) { const t = count[c]; count[c] = sum; sum += t; }
      for (let i = 0; i < len; i++) {
        const p = count[(ks[i] >>> shift) & 2047]++;
        kd[p] = ks[i];
        id[p] = is[i];
      }
      const tk = ks; ks = kd; kd = tk;
      const ti = is; is = id; id = ti;
    }
    for (let p = 0; p < len; p++) exact[p] = values[offset + rows[is[p]]];
    // fix runs of equal float32 keys by the exact values
    let p = 0;
    while (p < len) {
      let q = p + 1;
      while (q < len && ks[q] === ks[p]) q++;
      for (let a = p + 1; a < q; a++) {
        const v = exact[a], o = is[a];
        let c = a - 1;
        while (c >= p && exact[c] > v) { exact[c + 1] = exact[c]; is[c + 1] = is[c]; c--; }
        exact[c + 1] = v; is[c + 1] = o;
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

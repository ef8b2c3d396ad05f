/**
 * Mediation by the three-step method (Baron & Kenny 1986; 温忠麟 et al. 2004),
 * each step a fixed-effects regression on the same sample, fixed effects and
 * standard errors:
 *   (1) Y = c·X + controls | FE     (2) M = a·X + controls | FE
 *   (3) Y = c′·X + b·M + controls | FE
 * With OLS on one sample c = c′ + a·b exactly. Tests of the indirect effect a·b:
 *   Sobel    z = ab / √(b²s_a² + a²s_b²)
 *   Aroian   z = ab / √(b²s_a² + a²s_b² + s_a²s_b²)
 *   Goodman  z = ab / √(b²s_a² + a²s_b² − s_a²s_b²)   (null when the radicand is ≤ 0)
 * and a cluster bootstrap of a·b: clusters (units) drawn with replacement
 * (seeded), each copy its own unit in the unit fixed effect; percentile and
 * bias-corrected intervals (Efron 1987: z0 = Φ⁻¹(share of draws below ab),
 * bounds at Φ(2z0 ± z_{1−α/2})).
 * Mode "x-to-m" estimates step (2) only and says so: the recent critique of
 * the three-step method (江艇 2022, 中国工业经济) recommends identifying X → M
 * and arguing M → Y from theory and prior evidence.
 *
 * @example mediation(data, { se: 'cluster', preset: 'stata' }, { bootstrap: 500, seed: 1 }).indirect.estimate
 */
import seedrandom from 'seedrandom';
import { quantileSorted } from '../stats/descriptive.ts';
import { normalCdf, normalQuantile, normalTwoSidedP } from '../stats/distributions.ts';
import { absorb, factorOf } from './absorb.ts';
import { estimateFe, type FeData, type FeOptions, type FeResult } from './fe.ts';
import { gather } from '../stats/gather.ts';
import { resamplePicks } from '../stats/resample.ts';
import { rowsByKey } from '../panel/ops.ts';

export interface MediationData {
  y: ArrayLike<number>;
  x: ArrayLike<number>;
  m: ArrayLike<number>;
  controls: Record<string, ArrayLike<number>>;
  /** Fixed effects by name; `unitFe` names the one that identifies units (renumbered per bootstrap copy). */
  fe: Record<string, ArrayLike<string | number>>;
  /** Resampling clusters of the bootstrap (and the cluster variable when se = "cluster"). */
  cluster: ArrayLike<string | number>;
  unitFe?: string;
}

export interface MediationOptions {
  mode?: 'three-step' | 'x-to-m';
  bootstrap?: number;
  seed?: number;
  /** Confidence level of the bootstrap intervals [0.95]. */
  level?: number;
  /** a·b of the bootstrap draws when computed elsewhere (mediationDraws on mediationPicks with this seed: several threads). */
  draws?: Float64Array;
}

export interface TestRow {
  z: number | null;
  p: number | null;
}

export interface MediationResult {
  type: 'mediation';
  mode: 'three-step' | 'x-to-m';
  steps: { total?: FeResult; xToM: FeResult; outcome?: FeResult };
  /** a·b with the three normal-theory tests (three-step mode). */
  indirect?: {
    estimate: number;
    a: number;
    b: number;
    sobel: TestRow;
    aroian: TestRow;
    goodman: TestRow;
    bootstrap?: {
      draws: number;
      seed: number;
      level: number;
      percentile: [number, number];
      biasCorrected: [number, number];
      se: number;
    };
  };
  total?: number;
  direct?: number;
  /** Share of the total effect that is indirect, ab / c. */
  proportion?: number;
  note: { zh: string; en: string };
}

const NOTE_X_TO_M = {
  zh: '仅估计 X → M（江艇 2022 建议）：M → Y 的作用需由理论和已有文献论证，而非再做一次以 M 为解释变量的回归。',
  en: 'X → M only (as 江艇 2022 recommends): the effect of M on Y is argued from theory and prior evidence, not from another regression with M as a regressor.',
};
const NOTE_THREE = {
  zh: '三步法：c = c′ + ab 在同一样本、同一固定效应下精确成立；中介效应的因果解释需要 M 与 Y 之间无遗漏混杂（江艇 2022）。',
  en: 'Three-step method: c = c′ + ab holds exactly on one sample and one set of fixed effects; a causal reading needs no omitted confounder of M and Y (江艇 2022).',
};

function test(ab: number, v: number): TestRow {
  if (!(v > 0)) return { z: null, p: null };
  const z = ab / Math.sqrt(v);
  return { z, p: normalTwoSidedP(z) };
}

/** Least-squares slopes of y on the columns X by the normal equations (Cholesky); null when XᵀX is not positive definite. */
function slopes(X: Float64Array[], y: Float64Array): Float64Array | null {
  const k = X.length;
  const n = y.length;
  const A = new Float64Array(k * k);
  const r = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const xa = X[a];
    let s = 0;
    for (let i = 0; i < n; i++) s += xa[i] * y[i];
    r[a] = s;
    for (let b = 0; b <= a; b++) {
      const xb = X[b];
      let t = 0;
      for (let i = 0; i < n; i++) t += xa[i] * xb[i];
      A[a * k + b] = t;
    }
  }
  // A = LLᵀ in the lower triangle
  for (let j = 0; j < k; j++) {
    let d = A[j * k + j];
    for (let p = 0; p < j; p++) d -= A[j * k + p] ** 2;
    if (!(d > 1e-10 * A[j * k + j])) return null;
    const l = Math.sqrt(d);
    A[j * k + j] = l;
    for (let i = j + 1; i < k; i++) {
      let t = A[i * k + j];
      for (let p = 0; p < j; p++) t -= A[i * k + p] * A[j * k + p];
      A[i * k + j] = t / l;
    }
  }
  for (let i = 0; i < k; i++) {
    let t = r[i];
    for (let p = 0; p < i; p++) t -= A[i * k + p] * r[p];
    r[i] = t / A[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let t = r[i];
    for (let p = i + 1; p < k; p++) t -= A[p * k + i] * r[p];
    r[i] = t / A[i * k + i];
  }
  return r;
}

/**
 * a·b of one bootstrap sample: the same two equations as the full fit (same
 * fixed effects; the constant absorbed when there are none) without standard
 * errors — all columns absorbed together once, both equations solved by the
 * normal equations. Null when the projections do not converge or a
 * cross-product is singular: the caller then runs the full fit, which names
 * the problem.
 */
export function drawAb(d: MediationData): number | null {
  const n = d.y.length;
  const fes = Object.values(d.fe).map((v) => factorOf(v));
  const { columns, converged } = absorb(
    [d.y, d.m, d.x, ...Object.values(d.controls)],
    fes.length ? fes : [{ codes: new Int32Array(n), levels: 1 }],
  );
  if (!converged) return null;
  const [y, m, ...X] = columns;
  const a = slopes(X, m);
  const b = slopes([...X, m], y);
  return a && b ? a[0] * b[X.length] : null;
}

/** One equation of the method: y on x and the controls, the same fixed effects, clusters and SE; no singleton dropped (one sample for all three). */
function fitStep(
  fe: FeOptions,
  y: ArrayLike<number>,
  x: Record<string, ArrayLike<number>>,
  d: MediationData,
): FeResult {
  return estimateFe({ y, x: { ...x, ...d.controls }, fe: d.fe, cluster: d.cluster } as FeData, {
    ...fe,
    dropSingletons: false,
  });
}

/**
 * The clusters each bootstrap draw takes (indices in first-seen order, with
 * replacement), read from the seeded generator in draw order: drawn before
 * any fit, so the draws can be computed anywhere (several threads) and give
 * the numbers one thread gives.
 * @example mediationPicks(data, 500, 1)[0].length // the number of clusters
 */
export function mediationPicks(data: Pick<MediationData, 'cluster'>, draws: number, seed: number): Int32Array[] {
  return resamplePicks(new Set(Array.from(data.cluster, String)).size, draws, seedrandom(String(seed)));
}

/** The rows of each cluster, clusters in first-seen order. */
function clusterRows(cluster: ArrayLike<string | number>): number[][] {
  return [...rowsByKey(cluster).values()];
}

/**
 * a·b of the bootstrap samples `picks` (mediationPicks): each drawn cluster
 * copy is its own unit in the unit fixed effect and its own cluster.
 */
export function mediationDraws(
  data: MediationData,
  fe: FeOptions,
  picks: ReadonlyArray<ArrayLike<number>>,
): Float64Array {
  const members = clusterRows(data.cluster);
  const draws = new Float64Array(picks.length);
  for (let d = 0; d < picks.length; d++) {
    const pick = picks[d];
    let size = 0;
    for (let g = 0; g < pick.length; g++) size += members[pick[g]].length;
    const rows = new Int32Array(size);
    const copy = new Array<number>(size);
    let at = 0;
    for (let g = 0; g < pick.length; g++) {
      for (const r of members[pick[g]]) {
        rows[at] = r;
        copy[at++] = g;
      }
    }
    const take = (v: ArrayLike<number>) => gather(v, rows);
    const feB: Record<string, Array<string | number>> = {};
    for (const [k, v] of Object.entries(data.fe)) {
      if (k === data.unitFe) feB[k] = copy.slice();
      else {
        const col = new Array<string | number>(size);
        for (let i = 0; i < size; i++) col[i] = v[rows[i]];
        feB[k] = col;
      }
    }
    const ctl: Record<string, Float64Array> = {};
    for (const [k, v] of Object.entries(data.controls)) ctl[k] = take(v);
    const dB: MediationData = {
      y: take(data.y),
      x: take(data.x),
      m: take(data.m),
      controls: ctl,
      fe: feB,
      cluster: copy,
    };
    draws[d] =
      drawAb(dB) ??
      fitStep(fe, dB.m, { x: dB.x }, dB).coefficients.x.estimate *
        fitStep(fe, dB.y, { x: dB.x, m: dB.m }, dB).coefficients.m.estimate;
  }
  return draws;
}

export function mediation(data: MediationData, fe: FeOptions, opts: MediationOptions = {}): MediationResult {
  const mode = opts.mode ?? 'three-step';
  const step = (y: ArrayLike<number>, x: Record<string, ArrayLike<number>>) => fitStep(fe, y, x, data);
  const xToM = step(data.m, { x: data.x });
  if (mode === 'x-to-m') return { type: 'mediation', mode, steps: { xToM }, note: NOTE_X_TO_M };
  const total = step(data.y, { x: data.x });
  const outcome = step(data.y, { x: data.x, m: data.m });
  const a = xToM.coefficients.x.estimate;
  const sa = xToM.coefficients.x.se;
  const b = outcome.coefficients.m.estimate;
  const sb = outcome.coefficients.m.se;
  const ab = a * b;
  const base = b * b * sa * sa + a * a * sb * sb;
  const indirect: NonNullable<MediationResult['indirect']> = {
    estimate: ab,
    a,
    b,
    sobel: test(ab, base),
    aroian: test(ab, base + sa * sa * sb * sb),
    goodman: test(ab, base - sa * sa * sb * sb),
  };
  const B = opts.bootstrap ?? 0;
  if (B > 0) {
    const seed = opts.seed ?? 1;
    const level = opts.level ?? 0.95;
    let draws = opts.draws;
    if (draws && draws.length !== B)
      throw new Error(`mediation: ${draws.length} bootstrap draws given for ${B} replications`);
    draws ??= mediationDraws(data, fe, mediationPicks(data, B, seed));
    const sorted = Float64Array.from(draws).sort();
    const alpha = 1 - level;
    let below = 0;
    for (const v of draws) if (v < ab) below++;
    const z0 = normalQuantile(Math.min(1 - 1 / (2 * B), Math.max(1 / (2 * B), below / B)));
    const zq = normalQuantile(1 - alpha / 2);
    let mean = 0;
    for (const v of draws) mean += v / B;
    let ss = 0;
    for (const v of draws) ss += (v - mean) ** 2;
    indirect.bootstrap = {
      draws: B,
      seed,
      level,
      percentile: [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)],
      biasCorrected: [quantileSorted(sorted, normalCdf(2 * z0 - zq)), quantileSorted(sorted, normalCdf(2 * z0 + zq))],
      se: Math.sqrt(ss / (B - 1)),
    };
  }
  const c = total.coefficients.x.estimate;
  return {
    type: 'mediation',
    mode,
    steps: { total, xToM, outcome },
    indirect,
    total: c,
    direct: outcome.coefficients.x.estimate,
    proportion: ab / c,
    note: NOTE_THREE,
  };
}

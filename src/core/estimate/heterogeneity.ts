/**
 * Heterogeneity by group (east / central / west, ownership, size, …): the
 * same fixed-effects model in each group, and the test of equal slopes in the
 * interaction form — the pooled model with the term interacted with each
 * group's dummy but the first (the other regressors and the fixed effects
 * common to all groups),
 *
 *   y = β x + Σ_{g>1} γ_g (x · D_g) + controls + FE,   H0: γ = 0,
 *
 * by the Wald statistic W = γ̂ᵀ V̂_γ⁻¹ γ̂ with the model's (cluster-robust)
 * variance, reported as F = W / q on (q, df) degrees of freedom, df that of
 * the model's t tests (G − 1 when clustered). On request also the
 * seemingly-unrelated (suest) χ² test of equal slopes (suest.ts) and, with two
 * groups, Fisher's permutation test.
 *
 * @example heterogeneity(data, 'value', size, { se: 'cluster', preset: 'lsdv' }).interaction.p
 */
import { Matrix, solve } from 'ml-matrix';
import seedrandom from 'seedrandom';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { fUpperP } from '../stats/distributions.ts';
import { type CoefficientRow, estimateFe, type FeData, type FeOptions } from './fe.ts';
import { type SuestPreset, type SuestResult, suestTest } from './suest.ts';
import { shuffle } from './placebo.ts';

export interface HeterogeneityResult {
  term: string;
  /** Fisher's permutation test of the difference between two groups' coefficients (as 连玉君's bdiff), when asked. */
  permutation?: { draws: number; seed: number; difference: number; p: number };
  /** The seemingly-unrelated (Stata suest) χ² test of equal slopes, when asked. */
  suest?: SuestResult;
  /** Groups in sorted order; the first is the reference of the interaction test. */
  groups: Array<{ group: string; n: number; coefficient: CoefficientRow }>;
  interaction: { differences: Record<string, CoefficientRow>; F: number; df1: number; df2: number; p: number };
}

function subset(data: FeData, rows: number[]): FeData {
  const pick = <T>(a: ArrayLike<T>) => rows.map((i) => a[i]);
  return {
    y: pick(data.y),
    x: Object.fromEntries(Object.entries(data.x).map(([k, v]) => [k, pick(v)])),
    fe: Object.fromEntries(Object.entries(data.fe).map(([k, v]) => [k, pick(v)])),
    ...(data.cluster ? { cluster: pick(data.cluster) } : {}),
  };
}

/** The clusters' (units') group labels in each permutation draw, and each row's cluster as an index into them. */
export interface PermutationPlan {
  rowUnit: Int32Array;
  /** One array per draw: the shuffled labels of the clusters, clusters in first-seen order. */
  labels: string[][];
}

/**
 * The draws of Fisher's permutation test (bdiff): the group labels of the
 * clusters (units) shuffled with the seeded generator, keeping how many units
 * each group has, draw after draw. Taken before any estimate, so the draws
 * can be estimated anywhere (several threads) with the numbers of one thread.
 */
export function permutationPlan(data: FeData, group: ArrayLike<string>, draws: number, seed: number): PermutationPlan {
  const unitOf = data.cluster ?? Object.values(data.fe)[0];
  if (!unitOf)
    throw new XinzhiError({
      code: 'estimate-groups',
      severity: 'error',
      message: bi(
        '置换检验需要聚类或固定效应变量以确定单位',
        'the permutation test needs a cluster or fixed-effect variable to know the units',
      ),
      fix: bi('给出 "cluster": "unit"', 'give "cluster": "unit"'),
    });
  // each row's unit as an index into the units (first-seen order), found once rather than in every draw
  const unitIndex = new Map<string, number>();
  const rowUnit = new Int32Array(unitOf.length);
  for (let i = 0; i < unitOf.length; i++) {
    const u = String(unitOf[i]);
    let k = unitIndex.get(u);
    if (k === undefined) unitIndex.set(u, (k = unitIndex.size));
    rowUnit[i] = k;
  }
  const labelOf = new Map<string, string>();
  for (let i = 0; i < group.length; i++) labelOf.set(String(unitOf[i]), String(group[i]));
  const base = [...unitIndex.keys()].map((u) => labelOf.get(u)!);
  const rng = seedrandom(String(seed));
  const labels = Array.from({ length: draws }, () => shuffle(base, rng));
  return { rowUnit, labels };
}

/** b₂ − b₁ of `term` in each draw of a permutation plan (the model estimated in both groups). */
export function permutationDifferences(
  data: FeData,
  term: string,
  names: string[],
  opts: FeOptions,
  plan: PermutationPlan,
): number[] {
  return plan.labels.map((shuffled) => {
    const b = names.map((g) => {
      const rows: number[] = [];
      for (let i = 0; i < plan.rowUnit.length; i++) if (shuffled[plan.rowUnit[i]] === g) rows.push(i);
      return estimateFe(subset(data, rows), opts).coefficients[term].estimate;
    });
    return b[1] - b[0];
  });
}

/**
 * Fisher's permutation test (bdiff): p is the share of draws whose
 * |b₂ − b₁| reaches the observed one (two groups; seeded). `differences`
 * are the draws' b₂ − b₁ when computed elsewhere.
 */
function permutationTest(
  data: FeData,
  term: string,
  group: ArrayLike<string>,
  names: string[],
  observed: number,
  opts: FeOptions,
  permutation: { draws: number; seed: number; differences?: number[] },
): { draws: number; seed: number; difference: number; p: number } {
  const { draws, seed } = permutation;
  if (permutation.differences && permutation.differences.length !== draws)
    throw new Error(`heterogeneity: ${permutation.differences.length} permutation draws given for ${draws}`);
  const diffs =
    permutation.differences ??
    permutationDifferences(data, term, names, opts, permutationPlan(data, group, draws, seed));
  let hits = 0;
  for (const d of diffs) if (Math.abs(d) >= Math.abs(observed) * (1 - 1e-12)) hits++;
  return { draws, seed, difference: observed, p: hits / draws };
}

export function heterogeneity(
  data: FeData,
  term: string,
  group: ArrayLike<string>,
  opts: FeOptions,
  permutation?: { draws: number; seed: number; differences?: number[] },
  suest?: { preset: SuestPreset },
): HeterogeneityResult {
  const names = [...new Set(Array.from(group, String))].sort();
  if (names.length < 2)
    throw new XinzhiError({
      code: 'estimate-groups',
      severity: 'error',
      message: bi('分组变量只有一个组，无法比较', 'the group variable has a single group: nothing to compare'),
      fix: bi('选择至少有两个组的列', 'choose a column with at least two groups'),
    });
  const groups = names.map((g) => {
    const rows: number[] = [];
    for (let i = 0; i < group.length; i++) if (String(group[i]) === g) rows.push(i);
    const fit = estimateFe(subset(data, rows), opts);
    return { group: g, n: fit.n, coefficient: fit.coefficients[term] };
  });
  const x = data.x[term];
  const inter: Record<string, number[]> = {};
  for (const g of names.slice(1)) inter[`${term}×${g}`] = Array.from(x, (v, i) => (String(group[i]) === g ? v : 0));
  const pooled = estimateFe({ ...data, x: { ...data.x, ...inter } }, opts);
  const keys = Object.keys(inter);
  const terms = Object.keys(pooled.coefficients);
  const idx = keys.map((k) => terms.indexOf(k));
  const b = idx.map((j) => pooled.coefficients[terms[j]].estimate);
  const V = idx.map((a) => idx.map((c) => pooled.vcov[a][c]));
  // W = bᵀ V⁻¹ b, with V⁻¹ b solved once
  const z = solve(new Matrix(V), Matrix.columnVector(b)).to1DArray();
  const W = b.reduce((acc, v, i) => acc + v * z[i], 0);
  const q = keys.length;
  const F = W / q;
  const perm =
    permutation && names.length === 2 && permutation.draws > 0
      ? permutationTest(
          data,
          term,
          group,
          names,
          groups[1].coefficient.estimate - groups[0].coefficient.estimate,
          opts,
          permutation,
        )
      : undefined;
  return {
    term,
    groups,
    ...(perm ? { permutation: perm } : {}),
    ...(suest ? { suest: suestTest(data, term, group, opts, suest.preset) } : {}),
    interaction: {
      differences: Object.fromEntries(keys.map((k) => [k, pooled.coefficients[k]])),
      F,
      df1: q,
      df2: pooled.df,
      p: fUpperP(F, q, pooled.df),
    },
  };
}

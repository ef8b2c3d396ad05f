/**
 * Discrete Markov chains of a panel variable: the classic chain (Quah 1993)
 * and the spatial Markov chain conditioned on the neighbours' class
 * (Rey 2001), with steady states and the homogeneity test of Bickenbach &
 * Bode (2003) as implemented in PySAL giddy (`Spatial_Markov.Q` / `.LR`).
 *
 * Discretisation: k quantile classes. Breaks are the quantiles at c/k,
 * c = 1..k−1, by linear interpolation (R type 7 = NumPy's default, the rule of
 * mapclassify `Quantiles` used by giddy); a value x gets class
 * #{breaks b : b < x}, i.e. classes are right-closed (b_{c−1}, b_c] with the
 * first class open below (mapclassify's `searchsorted`). Breaks are `pooled`
 * over all unit-times (default; giddy `fixed=True`) or computed `byTime`.
 *
 * Transitions: a unit in class a at time t and class b at time t + lag
 * (lag counts positions in the sorted list of times; default 1) adds one to
 * n_ab; missing values (NaN) skip that pair. p_ab = n_ab / n_a·; a class never
 * seen as an origin has a zero row (reported in `emptyRows`).
 *
 * Spatial chain: the spatial lag Wy (row-standardised W) of each time is
 * discretised into k classes the same way (pooled or by time); transitions are
 * counted separately by the lag class of the unit at the origin time t.
 *
 * Steady state: π = πP, Σπ = 1 on the chain's closed communicating class.
 * Irreducible chains have a unique π > 0; a chain with one closed class
 * (e.g. one absorbing state) has a unique π supported on it; several closed
 * classes mean π is not unique and `steadyState` is null. Zero rows are
 * treated as absorbing states for this purpose (with a warning).
 *
 * Homogeneity (giddy `homogeneity`, Bickenbach & Bode 2003): with n_{l,i}
 * origins in class i under lag class l, p_{l,ij} the conditional and p_ij the
 * pooled probabilities,
 *   Q  = Σ_l Σ_i Σ_j n_{l,i} (p_{l,ij} − p_ij)² / p_ij      (terms with p_ij > 0)
 *   LR = 2 Σ_l Σ_i Σ_j n_{l,ij} ln(p_{l,ij} / p_ij)           (terms with n_{l,ij} > 0)
 *   dof = Σ_i (b_i − 1)(a_i − 1), b_i = #lag classes with n_{l,i} > 0,
 *         a_i = #j with n_ij > 0 in the pooled matrix
 * both χ²(dof) under H0 (the spatial chain equals the classic chain).
 *
 * Sojourn times (giddy `sojourn_time`): the expected number of consecutive
 * periods spent in class i once there, 1 / (1 − p_ii) — Infinity for an
 * absorbing class (p_ii = 1), NaN for a class never seen as an origin.
 * Mean first passage times (Kemeny & Snell 1976, Finite Markov Chains, §4.4;
 * giddy `fmpt` for an ergodic chain): with W the matrix whose rows are π and
 * Z = (I − P + W)⁻¹ the fundamental matrix, m_ij = (z_jj − z_ij) / π_j for
 * i ≠ j and m_ii = 1 / π_i (the mean recurrence time). Defined for an
 * irreducible chain only; otherwise null with the reason.
 */
import { Matrix, solve } from 'ml-matrix';
import { chisqCdf } from '../stats/distributions.ts';
import { quantileSorted } from '../stats/descriptive.ts';
import type { Panel, Time } from '../panel/types.ts';
import { sortTimes } from './distribution-by-time.ts';
import { lag as spatialLag, rowStandardise, type SpatialWeights } from './spatial-weights.ts';

/** A balanced unit × time layout: y[t][i] is unit i at time t (NaN when missing). */
export interface UnitTimeMatrix {
  units: string[];
  times: Time[];
  y: Float64Array[];
}

/**
 * Arrange one panel column as units × times (units in first-seen order
 * unless given; times ordered by {@link sortTimes}, as the distribution
 * analyses). A cross-section (no time) becomes one time `null`-free column
 * named "".
 */
export function unitTimeMatrix(panel: Panel, column: string, units?: string[]): UnitTimeMatrix {
  const col = panel.columns[column];
  const us = units ?? [...new Set(panel.unit)];
  const ts = sortTimes([...new Set(panel.time.map((t) => (panel.timeKey ? t : '')))]);
  const ui = new Map(us.map((u, i) => [u, i]));
  const ti = new Map(ts.map((t, i) => [String(t), i]));
  const y = ts.map(() => new Float64Array(us.length).fill(NaN));
  for (let r = 0; r < panel.unit.length; r++) {
    const i = ui.get(panel.unit[r]);
    if (i === undefined) continue;
    const t = ti.get(String(panel.timeKey ? panel.time[r] : ''))!;
    y[t][i] = col[r];
  }
  return { units: us, times: ts, y };
}

export type BreaksScope = 'pooled' | 'byTime';

/** Quantile breaks at c/k, c = 1..k−1 (R type 7) of the finite values. */
export function quantileBreaks(values: ArrayLike<number>, k: number): number[] {
  const s = Float64Array.from(Array.from(values).filter(Number.isFinite)).sort();
  const out: number[] = [];
  for (let c = 1; c < k; c++) out.push(quantileSorted(s, c / k));
  return out;
}

/** Class of x: #{b < x} (right-closed classes); −1 for NaN. */
export function classOf(x: number, breaks: ReadonlyArray<number>): number {
  if (!Number.isFinite(x)) return -1;
  let c = 0;
  while (c < breaks.length && breaks[c] < x) c++;
  return c;
}

/** Discretise every time into k quantile classes; returns classes[t][i] (−1 = missing) and the breaks used. */
export function discretise(
  y: Float64Array[],
  k: number,
  scope: BreaksScope = 'pooled',
): { classes: Int32Array[]; breaks: number[][] } {
  const pooled =
    scope === 'pooled'
      ? quantileBreaks(
          y.flatMap((row) => Array.from(row)),
          k,
        )
      : null;
  const breaks: number[][] = [];
  const classes = y.map((row) => {
    const b = pooled ?? quantileBreaks(row, k);
    breaks.push(b);
    return Int32Array.from(row, (v) => classOf(v, b));
  });
  return { classes, breaks };
}

/** Transition counts n_ab from classes[t] to classes[t + lag]. */
export function transitionCounts(
  classes: Int32Array[],
  k: number,
  lagSteps = 1,
  condition?: Int32Array[],
  conditionClass?: number,
): number[][] {
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let t = 0; t + lagSteps < classes.length; t++) {
    const a = classes[t];
    const b = classes[t + lagSteps];
    for (let i = 0; i < a.length; i++) {
      if (a[i] < 0 || b[i] < 0) continue;
      if (condition && condition[t][i] !== conditionClass) continue;
      n[a[i]][b[i]]++;
    }
  }
  return n;
}

/** Row-normalise counts: p_ab = n_ab / n_a·; zero rows stay zero. */
export function probabilities(counts: number[][]): number[][] {
  return counts.map((row) => {
    const s = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (s > 0 ? v / s : 0));
  });
}

/** Strongly connected components (Tarjan) of the graph p_ab > 0. */
function components(P: number[][]): number[][] {
  const k = P.length;
  const index = new Array<number>(k).fill(-1);
  const low = new Array<number>(k).fill(0);
  const onStack = new Array<boolean>(k).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (let w = 0; w < k; w++) {
      if (!(P[v][w] > 0)) continue;
      if (index[w] < 0) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] === index[v]) {
      const comp: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        comp.push(w);
      } while (w !== v);
      out.push(comp.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < k; v++) if (index[v] < 0) visit(v);
  return out;
}

export interface SteadyState {
  /** π, or null when it is not unique (several closed classes). */
  distribution: number[] | null;
  /** Closed communicating classes (0-based class indices). */
  closedClasses: number[][];
  /** The chain is irreducible (one communicating class containing every state). */
  irreducible: boolean;
  /** States i with p_ii = 1. */
  absorbing: number[];
  warnings: string[];
}

/** Steady-state (limiting) distribution of a transition matrix. */
export function steadyState(P: number[][]): SteadyState {
  const k = P.length;
  const warnings: string[] = [];
  const Q = P.map((row, i) => {
    const s = row.reduce((a, b) => a + b, 0);
    if (s > 0) return row.slice();
    warnings.push(`class ${i + 1} is never an origin: treated as absorbing / 第 ${i + 1} 类从未作为起点，视为吸收态`);
    return row.map((_, j) => (j === i ? 1 : 0));
  });
  const comps = components(Q);
  const compOf = new Array<number>(k);
  comps.forEach((c, ci) =>
    c.forEach((v) => {
      compOf[v] = ci;
    }),
  );
  const closed = comps.filter((c) => c.every((v) => Q[v].every((p, w) => !(p > 0) || compOf[w] === compOf[v])));
  const absorbing = Q.map((row, i) => (row[i] === 1 ? i : -1)).filter((i) => i >= 0);
  const irreducible = comps.length === 1;
  if (closed.length !== 1) {
    warnings.push(
      `${closed.length} closed classes: the steady state is not unique / 存在 ${closed.length} 个闭类，稳态分布不唯一`,
    );
    return { distribution: null, closedClasses: closed, irreducible, absorbing, warnings };
  }
  const C = closed[0];
  const m = C.length;
  // Solve π (P_C − I) = 0 with Σπ = 1: rows of (P_Cᵀ − I), last replaced by ones.
  const A = new Matrix(m, m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) A.set(a, b, Q[C[b]][C[a]] - (a === b ? 1 : 0));
  for (let b = 0; b < m; b++) A.set(m - 1, b, 1);
  const rhs = Matrix.zeros(m, 1);
  rhs.set(m - 1, 0, 1);
  const x = solve(A, rhs);
  const pi = new Array<number>(k).fill(0);
  C.forEach((s, a) => {
    pi[s] = x.get(a, 0);
  });
  return { distribution: pi, closedClasses: closed, irreducible, absorbing, warnings };
}

export interface MarkovOptions {
  /** Number of classes k (default 4). */
  classes?: number;
  breaks?: BreaksScope;
  /** Transition lag in time steps (default 1). */
  lag?: number;
  /** Divide each time's values by that time's mean first (relative levels). Default false. */
  relative?: boolean;
}

export interface MarkovResult {
  k: number;
  breaks: number[][];
  counts: number[][];
  probabilities: number[][];
  /** Number of transitions starting in each class. */
  origins: number[];
  emptyRows: number[];
  steady: SteadyState;
  transitions: number;
  /** Expected consecutive periods in each class, 1 / (1 − p_ii). */
  sojourn: number[];
  /** Mean first passage times m_ij (diagonal: mean recurrence times), or null when the chain is not irreducible. */
  firstPassage: number[][] | null;
}

/**
 * Sojourn times 1 / (1 − p_ii): Infinity when p_ii = 1, NaN for an empty row.
 * @example sojournTimes([[0.5, 0.5], [0.2, 0.8]]) // [2, 5]
 */
export function sojournTimes(P: number[][]): number[] {
  return P.map((row, i) => {
    const s = row.reduce((a, b) => a + b, 0);
    if (!(s > 0)) return Number.NaN;
    return row[i] === 1 ? Number.POSITIVE_INFINITY : 1 / (1 - row[i]);
  });
}

/**
 * Mean first passage times of an irreducible chain from the fundamental
 * matrix (module comment); null when `steady` is not irreducible or has no π.
 * @example firstPassageTimes([[0.5, 0.5], [0.2, 0.8]], steadyState([[0.5, 0.5], [0.2, 0.8]])) // [[3.5, 2], [5, 1.4]]
 */
export function firstPassageTimes(P: number[][], steady: SteadyState): number[][] | null {
  const pi = steady.distribution;
  if (!steady.irreducible || !pi || P.some((row) => !(row.reduce((a, b) => a + b, 0) > 0))) return null;
  const k = P.length;
  const A = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) A.set(i, j, (i === j ? 1 : 0) - P[i][j] + pi[j]);
  const Z = solve(A, Matrix.eye(k, k));
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === j ? 1 / pi[j] : (Z.get(j, j) - Z.get(i, j)) / pi[j])),
  );
}

function relativise(y: Float64Array[]): Float64Array[] {
  return y.map((row) => {
    const v = Array.from(row).filter(Number.isFinite);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return row.map((x) => x / m);
  });
}

function chainFrom(counts: number[][], breaks: number[][], k: number): MarkovResult {
  const P = probabilities(counts);
  const origins = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const steady = steadyState(P);
  return {
    k,
    breaks,
    counts,
    probabilities: P,
    origins,
    emptyRows: origins.map((o, i) => (o === 0 ? i : -1)).filter((i) => i >= 0),
    steady,
    transitions: origins.reduce((a, b) => a + b, 0),
    sojourn: sojournTimes(P),
    firstPassage: firstPassageTimes(P, steady),
  };
}

/** Classic (Quah) Markov chain of a unit × time matrix. */
export function markovChain(data: UnitTimeMatrix, opts: MarkovOptions = {}): MarkovResult {
  const k = opts.classes ?? 4;
  const y = opts.relative ? relativise(data.y) : data.y;
  const { classes, breaks } = discretise(y, k, opts.breaks ?? 'pooled');
  return chainFrom(transitionCounts(classes, k, opts.lag ?? 1), breaks, k);
}

export interface HomogeneityTest {
  Q: number;
  QpValue: number;
  LR: number;
  LRpValue: number;
  dof: number;
}

export interface SpatialMarkovResult {
  classic: MarkovResult;
  /** One chain per lag class l = 0..k−1 (neighbours' class at the origin time). */
  conditional: MarkovResult[];
  lagBreaks: number[][];
  homogeneity: HomogeneityTest;
}

/** Homogeneity of conditional transition-count matrices (giddy `homogeneity`, Bickenbach & Bode 2003). */
export function homogeneity(matrices: number[][][]): HomogeneityTest {
  const k = matrices[0].length;
  const T = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => matrices.reduce((s, m) => s + m[i][j], 0)),
  );
  const pij = probabilities(T);
  const A = T.map((row) => row.filter((v) => v > 0).length);
  const b = new Array<number>(k).fill(0);
  let Q = 0;
  let LR = 0;
  for (const nijm of matrices) {
    const pm = probabilities(nijm);
    nijm.forEach((row, i) => {
      const nim = row.reduce((a, c) => a + c, 0);
      if (nim > 0) b[i]++;
      for (let j = 0; j < k; j++) {
        if (pij[i][j] > 0) Q += (nim * (pm[i][j] - pij[i][j]) ** 2) / pij[i][j];
        if (row[j] > 0 && pij[i][j] > 0) LR += row[j] * Math.log(pm[i][j] / pij[i][j]);
      }
    });
  }
  LR *= 2;
  const dof = b.reduce((s, bi, i) => s + (bi - 1) * (A[i] - 1), 0);
  return { Q, QpValue: 1 - chisqCdf(Q, dof), LR, LRpValue: 1 - chisqCdf(LR, dof), dof };
}

/**
 * Spatial Markov chain (Rey 2001): transitions conditioned on the class of
 * the spatial lag at the origin time. Weights are row-standardised here;
 * data.units must be in the order of w.ids.
 */
export function spatialMarkov(data: UnitTimeMatrix, w: SpatialWeights, opts: MarkovOptions = {}): SpatialMarkovResult {
  const k = opts.classes ?? 4;
  const steps = opts.lag ?? 1;
  const scope = opts.breaks ?? 'pooled';
  if (data.units.some((u, i) => w.ids[i] !== u))
    throw new Error('spatialMarkov: units and weights are in different orders');
  const y = opts.relative ? relativise(data.y) : data.y;
  const W = w.style === 'W' ? w : rowStandardise(w);
  const ly = y.map((row) => spatialLag(W, row));
  const { classes, breaks } = discretise(y, k, scope);
  const lagged = discretise(ly, k, scope);
  const classic = chainFrom(transitionCounts(classes, k, steps), breaks, k);
  const cond = Array.from({ length: k }, (_, l) =>
    chainFrom(transitionCounts(classes, k, steps, lagged.classes, l), breaks, k),
  );
  return { classic, conditional: cond, lagBreaks: lagged.breaks, homogeneity: homogeneity(cond.map((c) => c.counts)) };
}

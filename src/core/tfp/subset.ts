/**
 * DEA programmes over a growing subset of a large reference set (column
 * generation). In every envelopment programme here the intensity λ_j of
 * reference unit j is a column with cost 0 whose entries are unit j's own
 * data; only the frontier units can carry weight at an optimum (Dulá 2011,
 * INFORMS Journal on Computing 23: 284–296). So the programme is solved with
 * the units of a subset only, each other unit's λ is priced with the row
 * duals y (reduced cost 0 − Σ_i y_i a_ij), and the units that would improve
 * the objective by more than 1e-9 (relative to the size of the terms) join
 * the subset, at most 50 at a time, until none would. The optimum is then the
 * optimum of the programme over all units. A subset programme that is not
 * optimal (infeasible, failed) gives null, for the caller to solve the whole
 * programme. Where the optimum is not unique (ties, degenerate data) the
 * primal values can be another optimal solution than the whole programme's.
 *
 * @example growingSubset(tech, obs, { rts: 'crs' }).solve(solver, (sub) => programme(sub), columnOf)
 */
import type { LinearProgram, LpSolution, LpSolver } from './lp.ts';
import type { Observation, ReturnsToScale, Technology } from './technology.ts';

/** Reference sets of at least this many units are solved on a growing subset. */
export const RESTRICTED_FROM = 200;

/** Optional hints for a programme against a reference set. */
export interface SubsetHint {
  /**
   * Units found with weight by earlier programmes against the same reference
   * set (filled as it goes): a chunk of a run (chunks.ts) passes one set to
   * all its programmes, so each starts from them. The optimal values do not
   * depend on it; where the optimum is not unique, the slacks and λ can.
   */
  frontier?: Set<Observation>;
}

/** λ_j's entries in a programme's rows, in row order, for unit t. */
export type ColumnOf = (t: Observation, out: Float64Array) => void;

export interface GrowingSubset {
  /** Reference units in the subset (indices into the technology, in the order they joined). */
  readonly units: readonly number[];
  /**
   * Solve `build(subset technology)` (λ in columns 1 … k), growing the subset
   * until no other unit's λ improves the objective; null if a programme is not optimal.
   */
  solve(
    solver: LpSolver,
    build: (sub: Technology) => LinearProgram,
    columnOf: ColumnOf,
    /** Names the row layout that columnOf writes (the columns are kept per technology and layout). */
    key: string,
  ): LpSolution | null;
  /** λ of a subset solution over the whole reference set (0 outside the subset), each divided by `divisor`; units with weight join the frontier hint. */
  lambda(sol: LpSolution, divisor?: number): number[];
  /** Only the second half of `lambda`: the subset's units with weight in `sol` join the frontier hint. */
  record(sol: LpSolution): void;
}

/**
 * A subset of `tech` to start from: `obs` itself when it belongs to the set
 * and the hint's frontier units in it, or, when the hint has none there, units
 * that are on the frontier whatever the data (seed).
 */
export function growingSubset(
  tech: Technology,
  obs: Observation,
  opts: { rts: ReturnsToScale } & SubsetHint,
): GrowingSubset {
  const n = tech.length;
  const frontier = opts.frontier ?? new Set<Observation>();
  const member = new Uint8Array(n);
  const units: number[] = [];
  const add = (j: number) => {
    if (!member[j]) {
      member[j] = 1;
      units.push(j);
    }
  };
  // the unit itself and the hint's units in this set, in the order of the set
  const pos = positionsOf(tech);
  const start: number[] = [];
  const own = pos.get(obs);
  if (own !== undefined) start.push(own);
  for (const o of frontier) {
    const j = pos.get(o);
    if (j !== undefined && j !== own) start.push(j);
  }
  const hinted = start.length > (own === undefined ? 0 : 1);
  for (const j of Int32Array.from(start).sort()) add(j); // ascending (a typed array sorts numbers natively)
  if (!hinted) seed(tech, opts.rts, add);
  const record = (sol: LpSolution) =>
    units.forEach((j, p) => {
      if (sol.x[1 + p] > 0) frontier.add(tech[j]);
    });
  return {
    units,
    solve(solver, build, columnOf, key) {
      for (;;) {
        const lp = build(units.map((j) => tech[j]));
        const sol = solver.solve(lp);
        if (sol.status !== 'optimal' || !sol.rowDual) return null;
        const y = sol.rowDual;
        const rows = y.length;
        const P = pricingBlocksOf(tech, `${key}:${rows}`, rows, columnOf);
        const gains = improving(P, y, lp.sense, member);
        if (!gains.length) return sol;
        gains.sort((p, q) => q[0] - p[0] || p[1] - q[1]);
        for (let k = 0; k < Math.min(50, gains.length); k++) add(gains[k][1]);
      }
    },
    record,
    lambda(sol, divisor = 1) {
      const out = new Array<number>(n).fill(0);
      units.forEach((j, p) => {
        out[j] = sol.x[1 + p] / divisor;
      });
      record(sol);
      return out;
    },
  };
}

/**
 * The units not in `member` whose λ would improve the objective, as
 * [gain / size, unit] (gain: the reduced cost 0 − Σ_i y_i a_ij, negated when
 * minimising; size: 1 + Σ_i |y_i a_ij|), those with gain > 1e-9 · size, in
 * block order. A block whose box lies wholly on the side of no gain, by more
 * than rounding, is passed over: its units would not be listed, so the list
 * holds the same entries, bit for bit, as with one block of every unit.
 * @example improving(pricingBlocks(A, n, rows), rowDual, 'max', member)
 */
export function improving(
  P: PricingBlocks,
  y: ArrayLike<number>,
  sense: 'min' | 'max',
  member: Uint8Array,
): Array<[number, number]> {
  const rows = y.length;
  // minimising, a negative reduced cost improves the objective; maximising, a positive one
  const sign = sense === 'min' ? -1 : 1;
  const gains: Array<[number, number]> = [];
  for (let b = 0; b + 1 < P.starts.length; b++) {
    if (P.lo.length) {
      // the largest gain a unit in the block's box could have, sign · (−Σ y_i a_i)
      let bound = 0;
      let scale = 0;
      for (let i = 0, o = b * rows; i < rows; i++) {
        const w = -sign * y[i];
        const lo = P.lo[o + i];
        const hi = P.hi[o + i];
        bound += w > 0 ? w * hi : w * lo;
        scale += Math.abs(w) * Math.max(Math.abs(lo), Math.abs(hi));
      }
      if (bound < -1e-12 * scale) continue;
    }
    for (let q = P.starts[b]; q < P.starts[b + 1]; q++) {
      const j = P.order[q];
      if (member[j]) continue;
      let reduced = 0;
      let size = 1;
      for (let i = 0, o = q * rows; i < rows; i++) {
        const v = y[i] * P.columns[o + i];
        reduced -= v;
        size += Math.abs(v);
      }
      const gain = sign * reduced;
      if (gain > 1e-9 * size) gains.push([gain / size, j]);
    }
  }
  return gains;
}

/**
 * Units on the frontier (at least weakly) whatever the data: for each
 * input–output pair the best ratio y_r / x_i, and under variable returns the
 * smallest of each input and the largest of each output (lowest index on ties).
 */
function seed(tech: Technology, rts: ReturnsToScale, add: (j: number) => void): void {
  const best = (score: (t: Observation) => number) => {
    let at = 0;
    let top = score(tech[0]);
    for (let j = 1; j < tech.length; j++) {
      const v = score(tech[j]);
      if (v > top) {
        at = j;
        top = v;
      }
    }
    add(at);
  };
  const m = tech[0].x.length;
  const s = tech[0].y.length;
  for (let i = 0; i < m; i++)
    for (let r = 0; r < s; r++) best((t) => (t.x[i] > 0 ? t.y[r] / t.x[i] : t.y[r] > 0 ? Infinity : 0));
  if (rts === 'vrs') {
    for (let i = 0; i < m; i++) best((t) => -t.x[i]);
    for (let r = 0; r < s; r++) best((t) => t.y[r]);
  }
}

/** Each technology's units by position, made once (a technology is read-only). */
const positions = new WeakMap<Technology, Map<Observation, number>>();

function positionsOf(tech: Technology): Map<Observation, number> {
  let map = positions.get(tech);
  if (!map) {
    map = new Map();
    for (let j = 0; j < tech.length; j++) if (!map.has(tech[j])) map.set(tech[j], j);
    positions.set(tech, map);
  }
  return map;
}

/**
 * A technology's λ columns for pricing: the units in blocks of at most
 * PRICING_BLOCK that lie close together (the leaves of a k-d tree over the
 * columns' entries), each block with its bounding box, so that a block whose
 * box lies wholly on the side of no gain is passed over without reading its
 * units (the k-d tree: Bentley 1975, Communications of the ACM 18: 509–517).
 */
export interface PricingBlocks {
  /** Units in block order. */
  order: Int32Array;
  /** Their columns in that order: unit order[q] at q·rows. */
  columns: Float64Array;
  /** Block b holds positions starts[b] … starts[b + 1] − 1. */
  starts: Int32Array;
  /** Block b's box in row i: lo[b·rows + i] … hi[b·rows + i]; empty for one block without a box (none passed over). */
  lo: Float64Array;
  hi: Float64Array;
}

/** Units per pricing block (a leaf of the k-d tree). */
const PRICING_BLOCK = 16;

/** Pricings of a technology before its blocks are made (a super-efficiency programme's own set is priced a few times only). */
const BLOCKS_FROM_PRICING = 16;

/** Each technology's columns, made once per technology and row layout, and its blocks once it has been priced often. */
const blockCache = new WeakMap<Technology, Map<string, { pricings: number; blocks: PricingBlocks }>>();

function pricingBlocksOf(tech: Technology, key: string, rows: number, columnOf: ColumnOf): PricingBlocks {
  let byKey = blockCache.get(tech);
  if (!byKey) blockCache.set(tech, (byKey = new Map()));
  let entry = byKey.get(key);
  if (!entry) {
    const n = tech.length;
    const columns = new Float64Array(n * rows);
    for (let j = 0; j < n; j++) columnOf(tech[j], columns.subarray(j * rows, (j + 1) * rows));
    byKey.set(key, (entry = { pricings: 0, blocks: oneBlock(columns, n) }));
  }
  if (++entry.pricings === BLOCKS_FROM_PRICING) entry.blocks = pricingBlocks(entry.blocks.columns, tech.length, rows);
  return entry.blocks;
}

/** One block of every unit of `n` columns, in their own order, without a box (none passed over). */
export function oneBlock(columns: Float64Array, n: number): PricingBlocks {
  return {
    order: Int32Array.from({ length: n }, (_, j) => j),
    columns,
    starts: Int32Array.of(0, n),
    lo: new Float64Array(0),
    hi: new Float64Array(0),
  };
}

/**
 * Blocks of `n` columns (unit j's entries at A[j·rows …]): split at the
 * median of the row whose entries spread most (relative to that row's range
 * over all units) until a part has at most PRICING_BLOCK units.
 */
export function pricingBlocks(A: Float64Array, n: number, rows: number): PricingBlocks {
  const order = Int32Array.from({ length: n }, (_, j) => j);
  const range = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < n; j++) {
      lo = Math.min(lo, A[j * rows + i]);
      hi = Math.max(hi, A[j * rows + i]);
    }
    range[i] = hi > lo ? hi - lo : 1;
  }
  const starts = [0];
  const split = (from: number, to: number) => {
    if (to - from <= PRICING_BLOCK) {
      starts.push(to);
      return;
    }
    let row = 0;
    let widest = -1;
    for (let i = 0; i < rows; i++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let q = from; q < to; q++) {
        const v = A[order[q] * rows + i];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if ((hi - lo) / range[i] > widest) {
        widest = (hi - lo) / range[i];
        row = i;
      }
    }
    order.subarray(from, to).sort((p, q) => A[p * rows + row] - A[q * rows + row] || p - q);
    const mid = (from + to) >> 1;
    split(from, mid);
    split(mid, to);
  };
  split(0, n);
  const blocks = starts.length - 1;
  const columns = new Float64Array(n * rows);
  const lo = new Float64Array(blocks * rows).fill(Infinity);
  const hi = new Float64Array(blocks * rows).fill(-Infinity);
  for (let b = 0; b < blocks; b++)
    for (let q = starts[b]; q < starts[b + 1]; q++)
      for (let i = 0; i < rows; i++) {
        const v = A[order[q] * rows + i];
        columns[q * rows + i] = v;
        lo[b * rows + i] = Math.min(lo[b * rows + i], v);
        hi[b * rows + i] = Math.max(hi[b * rows + i], v);
      }
  return { order, columns, starts: Int32Array.from(starts), lo, hi };
}

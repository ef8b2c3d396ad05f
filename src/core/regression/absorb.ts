/**
 * Absorbing fixed effects: factor codes, singleton removal, the within
 * transformation by alternating projections, and the degrees of freedom the
 * absorbed effects use.
 *
 *   Alternating projections (Guimarães & Portugal 2010; Gaure 2013, R lfe;
 *   Correia 2017, reghdfe): demean each column by every fixed effect in turn
 *   and repeat until the largest change of a sweep is below tol × the
 *   column's scale. With one fixed effect one sweep is exact.
 *   Singletons: an observation alone in a group of any fixed effect is
 *   dropped, repeatedly until none is left (reghdfe's default; Correia 2015).
 *
 * @example absorb([[1, 2, 3, 4]], [[0, 0, 1, 1]]).columns[0] // [-0.5, 0.5, -0.5, 0.5]
 */

/** Integer codes 0..levels−1 of a factor, in first-seen order. */
export interface Factor {
  codes: Int32Array;
  levels: number;
}

/**
 * Codes of the values of a column (compared as strings). Columns of numbers
 * take a faster path with the same codes: small non-negative integers index a
 * table, other numbers a Map keyed by the number (two doubles are equal
 * exactly when their strings are).
 */
export function factorOf(values: ArrayLike<string | number>): Factor {
  const n = values.length;
  const codes = new Int32Array(n);
  let numeric = true;
  let small = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number') {
      numeric = false;
      break;
    }
    if (small && !(Number.isInteger(v) && v >= 0 && v <= 4 * n + 1024 && !Object.is(v, -0))) small = false;
  }
  if (numeric && small) {
    let max = 0;
    for (let i = 0; i < n; i++) if ((values[i] as number) > max) max = values[i] as number;
    const table = new Int32Array(max + 1).fill(-1);
    let levels = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let c = table[v];
      if (c === -1) {
        c = levels++;
        table[v] = c;
      }
      codes[i] = c;
    }
    return { codes, levels };
  }
  if (numeric) {
    const ids = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let c = ids.get(v);
      if (c === undefined) {
        c = ids.size;
        ids.set(v, c);
      }
      codes[i] = c;
    }
    return { codes, levels: ids.size };
  }
  const ids = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = String(values[i]);
    let c = ids.get(k);
    if (c === undefined) {
      c = ids.size;
      ids.set(k, c);
    }
    codes[i] = c;
  }
  return { codes, levels: ids.size };
}

/**
 * Rows kept after dropping singletons iteratively (an observation that is the
 * only one in its group of some fixed effect). Returns the kept row indices.
 */
export function dropSingletons(fes: Factor[], n: number): Int32Array {
  const keep = new Uint8Array(n).fill(1);
  let changed = fes.length > 0;
  while (changed) {
    changed = false;
    for (const f of fes) {
      const count = new Int32Array(f.levels);
      for (let i = 0; i < n; i++) if (keep[i]) count[f.codes[i]]++;
      for (let i = 0; i < n; i++) {
        if (keep[i] && count[f.codes[i]] === 1) {
          keep[i] = 0;
          changed = true;
        }
      }
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) rows.push(i);
  return Int32Array.from(rows);
}

/** A factor restricted to some rows, recoded to consecutive levels. */
export function subsetFactor(f: Factor, rows: Int32Array): Factor {
  if (rows.length === f.codes.length) return f; // every row kept (rows are increasing): the codes are already consecutive
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = f.codes[rows[i]];
  return factorOf(codes);
}

export interface AbsorbResult {
  /** Demeaned columns. */
  columns: Float64Array[];
  /** Sweeps used (the largest over the columns). */
  iterations: number;
  converged: boolean;
}

/** Demean columns by every fixed effect by alternating projections (tolerance relative to each column's scale). */
export function absorb(
  columns: ReadonlyArray<ArrayLike<number>>,
  fes: ReadonlyArray<Factor | ArrayLike<number>>,
  tol = 1e-13,
  maxIter = 10_000,
): AbsorbResult {
  const factors: Factor[] = fes.map((f) => ('levels' in f ? f : factorOf(Array.from(f as ArrayLike<number>))));
  let iterations = 0;
  let converged = true;
  const out = columns.map((col) => {
    const x = Float64Array.from(col);
    if (factors.length === 0) return x;
    let scale = 0;
    for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
    const limit = tol * Math.max(scale, 1e-300);
    const sums = factors.map((f) => new Float64Array(f.levels));
    const counts = factors.map((f) => {
      const c = new Float64Array(f.levels);
      for (let i = 0; i < x.length; i++) c[f.codes[i]]++;
      return c;
    });
    let it = 0;
    for (; it < maxIter; it++) {
      let change = 0;
      for (let d = 0; d < factors.length; d++) {
        const { codes } = factors[d];
        const s = sums[d].fill(0);
        for (let i = 0; i < x.length; i++) s[codes[i]] += x[i];
        for (let l = 0; l < s.length; l++) s[l] /= counts[d][l];
        for (let i = 0; i < x.length; i++) {
          const m = s[codes[i]];
          x[i] -= m;
          const a = Math.abs(m);
          if (a > change) change = a;
        }
      }
      if (factors.length === 1 || change <= limit) {
        it++;
        break;
      }
    }
    if (it >= maxIter) converged = false;
    iterations = Math.max(iterations, it);
    return x;
  });
  return { columns: out, iterations, converged };
}

/** True when every level of the fixed effect lies within one cluster (the effect is nested in the clusters). */
export function nestedIn(fe: Factor, cluster: Factor): boolean {
  const of = new Int32Array(fe.levels).fill(-1);
  for (let i = 0; i < fe.codes.length; i++) {
    const l = fe.codes[i];
    const c = cluster.codes[i];
    if (of[l] === -1) of[l] = c;
    else if (of[l] !== c) return false;
  }
  return true;
}

/** Connected components of the bipartite graph of two fixed effects (their redundant levels, Abowd et al. 2002). */
export function components(a: Factor, b: Factor): number {
  const parent = Int32Array.from({ length: a.levels + b.levels }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < a.codes.length; i++) {
    const x = find(a.codes[i]);
    const y = find(a.levels + b.codes[i]);
    if (x !== y) parent[x] = y;
  }
  let n = 0;
  for (let i = 0; i < parent.length; i++) if (find(i) === i) n++;
  return n;
}

/**
 * Degrees of freedom used by absorbed fixed effects, counting the constant:
 * the first effect's levels, each further effect's levels − 1, less the extra
 * redundancy between the first two (components − 1, exact for two effects; for
 * three or more, further redundancy is not searched, as reghdfe's default).
 */
export function absorbedDf(fes: Factor[]): number {
  if (fes.length === 0) return 1;
  let df = fes[0].levels;
  for (let d = 1; d < fes.length; d++) df += fes[d].levels - 1;
  if (fes.length >= 2) df -= components(fes[0], fes[1]) - 1;
  return df;
}

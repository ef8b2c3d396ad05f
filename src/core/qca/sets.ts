/**
 * Calibrated set data and the conjunctions (implicants) evaluated on it.
 *
 * A condition is either a fuzzy set (memberships in [0, 1]; binary crisp sets
 * are fuzzy sets with values 0/1) or a multi-value crisp set (levels
 * 0 … k−1, Cronqvist & Berg-Schlosser 2009). An implicant gives each
 * condition a value, or −1 when the condition does not appear ("don't care").
 * Membership of a case in an implicant is the minimum over its literals:
 * fuzzy value 1 → x, value 0 → 1 − x (negation), multi-value v → [x = v]
 * (Duşa 2019, ch. 3). Notation as in the R package QCA: `DEV*~URB` for binary
 * and fuzzy sets, `DEV[2]*IND[0]` for multi-value sets.
 */

export interface SetCondition {
  name: string;
  kind: 'fuzzy' | 'multi';
  /** 2 for fuzzy and binary sets; k for a multi-value set. */
  levels: number;
  values: number[];
}

export interface SetData {
  cases: string[];
  conditions: SetCondition[];
  /** Outcome name as written (e.g. "SURV", "~SURV", "SURV[1]"). */
  outcomeName: string;
  /** Membership in the outcome (already negated / set to a level when asked). */
  outcome: number[];
}

/** −1 = condition absent from the conjunction. */
export type Implicant = number[];

/**
 * Membership of case k in one literal (condition j at value v).
 * @example literalMembership({ name: 'A', kind: 'fuzzy', levels: 2, values: [0.7] }, 0, 0) // 0.3 (rounded)
 */
export function literalMembership(c: SetCondition, v: number, k: number): number {
  const x = c.values[k];
  if (c.kind === 'multi') return x === v ? 1 : 0;
  return v === 1 ? x : 1 - x;
}

/**
 * Memberships of all cases in a conjunction: min over its literals (1 for the empty conjunction).
 * @example implicantMembership(data, [1, -1, 0])
 */
export function implicantMembership(data: Pick<SetData, 'conditions' | 'cases'>, imp: Implicant): number[] {
  return data.cases.map((_, k) => {
    let m = 1;
    imp.forEach((v, j) => {
      if (v >= 0) m = Math.min(m, literalMembership(data.conditions[j], v, k));
    });
    return m;
  });
}

/** Case-wise maximum (fuzzy union) of several membership vectors; all zeros for none. */
export function unionMembership(parts: readonly number[][], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const p of parts) for (let k = 0; k < n; k++) out[k] = Math.max(out[k], p[k]);
  return out;
}

/**
 * An implicant written as QCA writes it: `DEV*~URB`, `DEV[2]*IND[0]`; the empty conjunction is "1".
 * @example implicantLabel(data.conditions, [1, 0, -1]) // 'A*~B' for conditions A, B, C
 */
export function implicantLabel(conditions: readonly SetCondition[], imp: Implicant): string {
  const parts: string[] = [];
  imp.forEach((v, j) => {
    if (v < 0) return;
    const c = conditions[j];
    parts.push(c.kind === 'multi' ? `${c.name}[${v}]` : v === 1 ? c.name : `~${c.name}`);
  });
  return parts.length ? parts.join('*') : '1';
}

/** Number of literals in an implicant. */
export function literalCount(imp: Implicant): number {
  return imp.filter((v) => v >= 0).length;
}

/**
 * QCA's order of terms in a solution: fewer literals first; then, condition by condition,
 * a present value before a lower one before absence (the order of the R package's printed solutions).
 */
export function compareImplicants(a: Implicant, b: Implicant): number {
  const d = literalCount(a) - literalCount(b);
  if (d !== 0) return d;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return b[j] - a[j];
  return 0;
}

/** True when implicant `a` covers configuration (or implicant) `b`: every literal of a is in b. */
export function covers(a: Implicant, b: Implicant): boolean {
  return a.every((v, j) => v < 0 || v === b[j]);
}

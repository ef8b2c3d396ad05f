/**
 * Parameters of fit for set relations (Ragin 2006, "Set relations in social
 * research", Political Analysis 14: 291–310; Ragin 2008, ch. 3; Schneider &
 * Wagemann 2012, ch. 5 and 9; Duşa 2019, QCA with R, ch. 5–6). X is the
 * membership in a condition or expression, Y in the outcome, ∧ the minimum:
 *
 *   sufficiency  inclS = Σ(X∧Y)/ΣX        covS = Σ(X∧Y)/ΣY
 *                PRI   = (Σ(X∧Y) − Σ(X∧Y∧~Y)) / (ΣX − Σ(X∧Y∧~Y))
 *   necessity    inclN = Σ(X∧Y)/ΣY        covN = Σ(X∧Y)/ΣX
 *                RoN   = Σ(1−X) / Σ(1 − X∧Y)       (relevance of necessity, Schneider & Wagemann 2012)
 *
 * These are the formulas of the R package QCA (`pof()`), which also match fs/QCA.
 * A zero denominator (e.g. X ≡ 0) gives NaN: the measure is undefined, not 0.
 */

export interface SufficiencyFit {
  /** Consistency of sufficiency (inclS). */
  inclS: number;
  /** Proportional reduction in inconsistency. */
  PRI: number;
  /** Raw coverage of sufficiency (covS). */
  covS: number;
}

export interface NecessityFit {
  /** Consistency of necessity (inclN). */
  inclN: number;
  /** Relevance of necessity. */
  RoN: number;
  /** Coverage of necessity (covN). */
  covN: number;
}

function sums(x: readonly number[], y: readonly number[]) {
  let sx = 0,
    sy = 0,
    sxy = 0,
    sxyny = 0,
    snx = 0,
    snxy = 0;
  for (let k = 0; k < x.length; k++) {
    const xy = Math.min(x[k], y[k]);
    sx += x[k];
    sy += y[k];
    sxy += xy;
    sxyny += Math.min(xy, 1 - y[k]);
    snx += 1 - x[k];
    snxy += 1 - xy;
  }
  return { sx, sy, sxy, sxyny, snx, snxy };
}

/**
 * inclS, PRI and covS of "X is sufficient for Y" (formulas in the module comment).
 * @example sufficiencyFit([0.8, 0.2], [0.9, 0.1]).inclS // 1
 */
export function sufficiencyFit(x: readonly number[], y: readonly number[]): SufficiencyFit {
  const s = sums(x, y);
  return { inclS: s.sxy / s.sx, PRI: (s.sxy - s.sxyny) / (s.sx - s.sxyny), covS: s.sxy / s.sy };
}

/**
 * inclN, RoN and covN of "X is necessary for Y" (formulas in the module comment).
 * @example necessityFit([0.9, 0.3], [0.8, 0.2]).inclN // 1
 */
export function necessityFit(x: readonly number[], y: readonly number[]): NecessityFit {
  const s = sums(x, y);
  return { inclN: s.sxy / s.sy, RoN: s.snx / s.snxy, covN: s.sxy / s.sx };
}

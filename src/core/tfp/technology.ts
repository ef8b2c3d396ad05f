/**
 * The data a DEA model sees: observations (one per unit, or per unit and
 * period) with inputs x, desirable outputs y and undesirable outputs b, and a
 * reference technology (the observations that span the frontier).
 */

/** One decision-making unit (DMU) in one period. */
export interface Observation {
  /** Inputs, m ≥ 1 values. */
  x: number[];
  /** Desirable outputs, s1 ≥ 1 values. */
  y: number[];
  /** Undesirable outputs, s2 ≥ 0 values (empty when the model has none). */
  b: number[];
}

/** Returns to scale of the frontier: constant (CCR) or variable (BCC, Σλ = 1). */
export type ReturnsToScale = 'crs' | 'vrs';

/** Which observations span the frontier. */
export type Technology = readonly Observation[];

/** Σ_j λ_j v_j for one coordinate: the column of the technology used in an LP row. */
export function column(tech: Technology, pick: (o: Observation) => number): number[] {
  return tech.map(pick);
}

/**
 * Dense coefficient row of length `width`, with `values` written from `offset`.
 * @example placeRow(5, 1, [2, 3]) // [0, 2, 3, 0, 0]
 */
export function placeRow(
  width: number,
  offset: number,
  values: number[],
  extra: Array<[number, number]> = [],
): number[] {
  const row = new Array<number>(width).fill(0);
  for (let j = 0; j < values.length; j++) row[offset + j] = values[j];
  for (const [at, value] of extra) row[at] += value;
  return row;
}

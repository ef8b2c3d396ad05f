/** The result of one DEA programme for one observation. */
import type { LpStatus } from './lp.ts';

export interface Slacks {
  /** Input excesses s⁻ (one per input). */
  x: number[];
  /** Desirable-output shortfalls s⁺ / sᵍ (one per desirable output). */
  y: number[];
  /** Undesirable-output excesses sᵇ (one per undesirable output). */
  b: number[];
}

export interface DeaScore {
  /** 'optimal', or why no score exists (e.g. 'infeasible' super-efficiency). */
  status: LpStatus;
  /** Efficiency score; null when the programme has no optimum. */
  efficiency: number | null;
  /** Slacks at the optimum (for radial models: after the second, max-slack phase); empty arrays if none. */
  slacks: Slacks;
  /** Intensity weights λ over the reference observations; empty if none. */
  lambda: number[];
}

/** A score for a programme without optimum. */
export function noScore(status: LpStatus): DeaScore {
  return { status, efficiency: null, slacks: { x: [], y: [], b: [] }, lambda: [] };
}

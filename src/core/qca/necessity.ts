/**
 * Analysis of necessity for single conditions and their negations
 * (Ragin 2006; Schneider & Wagemann 2012, ch. 3 and 9; Duşa 2019, ch. 5;
 * R package QCA, `pof(..., relation = "necessity")`). For each condition X
 * and its negation ~X (each level of a multi-value condition): inclN, RoN and
 * covN as defined in fit.ts. A common reading (Schneider & Wagemann 2012):
 * inclN ≥ 0.9 with a RoN that is not low marks a candidate necessary condition.
 */
import { necessityFit, type NecessityFit } from './fit.ts';
import { implicantLabel, implicantMembership, type SetData } from './sets.ts';

export interface NecessityRow extends NecessityFit {
  /** e.g. "DEV", "~DEV", "DEV[2]" */
  label: string;
  condition: string;
  value: number;
}

export interface NecessityResult {
  outcomeName: string;
  rows: NecessityRow[];
}

/**
 * inclN, RoN, covN of every condition and negation for the outcome.
 * @example necessity(data).rows.filter((r) => r.inclN >= 0.9)
 */
export function necessity(data: SetData): NecessityResult {
  const rows: NecessityRow[] = [];
  data.conditions.forEach((c, j) => {
    const values = c.kind === 'multi' ? Array.from({ length: c.levels }, (_, v) => v) : [1, 0];
    for (const value of values) {
      const imp = data.conditions.map((_, u) => (u === j ? value : -1));
      rows.push({
        label: implicantLabel(data.conditions, imp),
        condition: c.name,
        value,
        ...necessityFit(implicantMembership(data, imp), data.outcome),
      });
    }
  });
  return { outcomeName: data.outcomeName, rows };
}

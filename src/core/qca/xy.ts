/**
 * Data of an XY plot (Ragin 2008, ch. 3; Schneider & Wagemann 2012, §5.2):
 * each case's membership in an expression (x) against the outcome (y). Cases
 * above the diagonal (x ≤ y) are consistent with sufficiency, cases below it
 * deviate; the plot carries inclS, PRI and covS of the expression.
 */
import { sufficiencyFit, type SufficiencyFit } from './fit.ts';
import { implicantLabel, implicantMembership, unionMembership, type Implicant, type SetData } from './sets.ts';

export interface XYPlot extends SufficiencyFit {
  /** The expression on the x axis, e.g. "DEV*~IND + URB*STB". */
  x: string;
  y: string;
  points: Array<{ case: string; x: number; y: number }>;
}

/**
 * XY plot of a sum of implicants (one implicant for a single term) against the outcome.
 * @example xyPlot(data, [[1, -1, -1, 0, -1]]).inclS
 */
export function xyPlot(data: SetData, implicants: readonly Implicant[]): XYPlot {
  const x = unionMembership(
    implicants.map((imp) => implicantMembership(data, imp)),
    data.cases.length,
  );
  return {
    x: implicants.map((imp) => implicantLabel(data.conditions, imp)).join(' + '),
    y: data.outcomeName,
    points: data.cases.map((c, k) => ({ case: c, x: x[k], y: data.outcome[k] })),
    ...sufficiencyFit(x, data.outcome),
  };
}

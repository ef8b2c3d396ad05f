/**
 * Sensitivity of the solutions to the truth-table cut-offs (Schneider &
 * Wagemann 2012, ch. 11; Oana & Schneider 2024, "A robustness test protocol
 * for applied QCA", Sociological Methods & Research). The truth
 * table and the three solutions are recomputed for every pair of a
 * consistency cut-off and a frequency cut-off; each cell records the
 * solutions' expressions and the fit of their first model, and the summary
 * says whether each solution stays the same over the whole grid.
 */
import { XinzhiError } from '../errors.ts';
import { minimize, type DirectionalExpectations, type Solution } from './minimize.ts';
import type { SetData } from './sets.ts';
import { truthTable } from './truth-table.ts';

export interface RobustnessOptions {
  inclCuts: number[];
  nCuts: number[];
  priCut?: number;
  dirExp?: DirectionalExpectations | null;
}

export interface SolutionSummary {
  /** One expression per model (several when the chart has several minimal solutions). */
  expressions: string[];
  inclS: number;
  PRI: number;
  covS: number;
}

export interface RobustnessCell {
  inclCut: number;
  nCut: number;
  positiveRows: number;
  /** null when no row is positive at these cut-offs. */
  complex: SolutionSummary | null;
  parsimonious: SolutionSummary | null;
  intermediate: SolutionSummary | null;
}

export interface RobustnessResult {
  options: RobustnessOptions;
  cells: RobustnessCell[];
  /** True when the solution's expressions are the same in every cell. */
  stable: { complex: boolean; parsimonious: boolean; intermediate: boolean | null };
}

function summary(solutions: Solution[]): SolutionSummary {
  const models = solutions.flatMap((s) => s.models);
  const first = models[0];
  return {
    expressions: [...new Set(models.map((m) => m.expression))],
    inclS: first.inclS,
    PRI: first.PRI,
    covS: first.covS,
  };
}

/**
 * Recompute the solutions over a grid of consistency and frequency cut-offs.
 * @example robustness(data, { inclCuts: [0.75, 0.8, 0.85], nCuts: [1, 2] }).stable.parsimonious
 */
export function robustness(data: SetData, opts: RobustnessOptions): RobustnessResult {
  const cells: RobustnessCell[] = [];
  for (const inclCut of opts.inclCuts) {
    for (const nCut of opts.nCuts) {
      const tt = truthTable(data, { inclCut, nCut, priCut: opts.priCut ?? 0 });
      const positiveRows = tt.rows.filter((r) => r.OUT === '1').length;
      let cell: RobustnessCell = { inclCut, nCut, positiveRows, complex: null, parsimonious: null, intermediate: null };
      try {
        const res = minimize(data, tt, { dirExp: opts.dirExp ?? null });
        cell = {
          ...cell,
          complex: summary([res.complex]),
          parsimonious: summary([res.parsimonious]),
          intermediate: res.intermediate ? summary(res.intermediate) : null,
        };
      } catch (e) {
        if (!(e instanceof XinzhiError && e.problems[0]?.code === 'qca-no-positive-rows')) throw e;
      }
      cells.push(cell);
    }
  }
  const same = (pick: (c: RobustnessCell) => SolutionSummary | null) =>
    new Set(cells.map((c) => JSON.stringify(pick(c)?.expressions ?? null))).size === 1;
  return {
    options: { ...opts },
    cells,
    stable: {
      complex: same((c) => c.complex),
      parsimonious: same((c) => c.parsimonious),
      intermediate: opts.dirExp ? same((c) => c.intermediate) : null,
    },
  };
}

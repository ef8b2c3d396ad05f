/**
 * The configuration table of a solution, as management and sociology papers
 * print it (Ragin & Fiss 2008, in Ragin 2008, ch. 11; Fiss 2011, Academy of
 * Management Journal 54: 393–420): one column per term, one row per
 * condition, a cell for each literal. A literal is "core" when the
 * parsimonious term that contains the solution term also has it (it survives
 * every counterfactual), "peripheral" otherwise. Papers draw ● / ⊗ for core
 * presence / absence and small • / ⓧ for peripheral ones, a blank for "don't care".
 */
import type { MinimizeResult, SolutionModel } from './minimize.ts';
import { covers } from './sets.ts';

export interface ConfigurationCell {
  /** Level in the term (1 presence, 0 absence, k a multi-value level), null when the condition is absent. */
  value: number | null;
  core: boolean;
}

export interface ConfigurationTable {
  conditions: string[];
  /** One column per term of the model. */
  terms: Array<{ label: string; cells: ConfigurationCell[]; covS: number; covU: number; inclS: number; PRI: number }>;
  inclS: number;
  PRI: number;
  covS: number;
}

/**
 * Configuration table of one model; core literals are those shared with a parsimonious term that covers the term.
 * @example configurationTable(result, result.intermediate![0].models[0])
 */
export function configurationTable(result: MinimizeResult, model: SolutionModel): ConfigurationTable {
  const parsimonious = result.parsimonious.models.flatMap((m) => m.terms.map((t) => t.implicant));
  return {
    conditions: [...result.conditions],
    terms: model.terms.map((t) => {
      const cores = parsimonious.filter((p) => covers(p, t.implicant));
      return {
        label: t.label,
        covS: t.covS,
        covU: t.covU,
        inclS: t.inclS,
        PRI: t.PRI,
        cells: t.implicant.map((v, j) =>
          v < 0 ? { value: null, core: false } : { value: v, core: cores.some((p) => p[j] === v) },
        ),
      };
    }),
    inclS: model.inclS,
    PRI: model.PRI,
    covS: model.covS,
  };
}

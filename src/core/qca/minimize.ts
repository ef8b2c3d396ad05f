/**
 * Complex, parsimonious and intermediate solutions of a truth table, with
 * their parameters of fit (Ragin 2008, ch. 8–9; Schneider & Wagemann 2012,
 * ch. 6–8; Duşa 2019, ch. 8; R package QCA, `minimize()`).
 *
 * - complex (conservative): the positive rows (OUT = 1) alone;
 * - parsimonious: remainders (OUT = ?) may be used as don't-cares; the
 *   remainders an implicant of the solution covers are its simplifying assumptions;
 * - intermediate (Ragin & Sonnett 2005; Ragin 2008, ch. 9): for each
 *   parsimonious model, only the "easy counterfactuals" may be used: its
 *   simplifying assumptions that differ from some positive row only in
 *   conditions set to the expected direction (or in conditions without an
 *   expectation). This reproduces QCA's intermediate solutions.
 * Each model lists its terms with inclS, PRI, covS and unique coverage
 * covU = covS(model) − covS(model without the term), and the model's own
 * inclS, PRI, covS (the model's membership is the maximum over its terms).
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { sufficiencyFit } from './fit.ts';
import { primeImplicants, solveChart } from './quine-mccluskey.ts';
import { covers, implicantLabel, implicantMembership, unionMembership, type Implicant, type SetData } from './sets.ts';
import { rowIndex, type TruthTable } from './truth-table.ts';

export type SolutionKind = 'complex' | 'parsimonious' | 'intermediate';

export interface SolutionTerm {
  label: string;
  implicant: Implicant;
  inclS: number;
  PRI: number;
  covS: number;
  /** Unique coverage within this model (for a single-term model it equals covS; QCA prints "-"). */
  covU: number;
  /** Cases of positive rows the term covers. */
  cases: string[];
}

export interface SolutionModel {
  /** "M1", "M2", … */
  id: string;
  /** e.g. "DEV*~IND + URB*STB" */
  expression: string;
  terms: SolutionTerm[];
  inclS: number;
  PRI: number;
  covS: number;
}

export interface Solution {
  kind: SolutionKind;
  /** For an intermediate solution: the parsimonious model it derives from ("P1", …). */
  from?: string;
  models: SolutionModel[];
  /** Remainders used as don't-cares (simplifying assumptions, or easy counterfactuals), as row numbers. */
  counterfactuals: number[];
}

/** Expected level per condition (1 = presence, 0 = absence, k for a multi-value level); null = no expectation. */
export type DirectionalExpectations = Array<number | null>;

export interface MinimizeResult {
  outcomeName: string;
  conditions: string[];
  truthTableOptions: TruthTable['options'];
  directionalExpectations: DirectionalExpectations | null;
  complex: Solution;
  parsimonious: Solution;
  intermediate: Solution[] | null;
}

function noPositives(): XinzhiError {
  return new XinzhiError({
    code: 'qca-no-positive-rows',
    severity: 'error',
    message: bi('真值表中没有结果为 1 的行，无可最简化', 'no truth-table row has OUT = 1: nothing to minimise'),
    fix: bi(
      '降低一致性阈值（inclCut）或频数阈值（nCut），或检查结果变量',
      'lower the consistency (inclCut) or frequency (nCut) cut-off, or check the outcome',
    ),
  });
}

/** The fit of one model (a set of implicants) on the data: per term and overall. */
export function modelFit(
  data: SetData,
  implicants: readonly Implicant[],
  positiveCases: ReadonlySet<string>,
  id = 'M1',
): SolutionModel {
  const n = data.cases.length;
  const parts = implicants.map((imp) => implicantMembership(data, imp));
  const whole = sufficiencyFit(unionMembership(parts, n), data.outcome);
  const terms = implicants.map((imp, t) => {
    const fit = sufficiencyFit(parts[t], data.outcome);
    const others = sufficiencyFit(
      unionMembership(
        parts.filter((_, u) => u !== t),
        n,
      ),
      data.outcome,
    ).covS;
    return {
      label: implicantLabel(data.conditions, imp),
      implicant: [...imp],
      ...fit,
      covU: whole.covS - (parts.length > 1 ? others : 0),
      cases: data.cases.filter((c, k) => parts[t][k] > 0.5 && positiveCases.has(c)),
    };
  });
  return { id, expression: terms.map((t) => t.label).join(' + '), terms, ...whole };
}

function solve(
  data: SetData,
  positives: Implicant[],
  dontCares: Implicant[],
  positiveCases: Set<string>,
): { models: SolutionModel[]; primes: Implicant[]; chosen: number[][] } {
  const levels = data.conditions.map((c) => c.levels);
  const primes = primeImplicants(positives, dontCares, levels);
  const chosen = solveChart(primes, positives);
  const models = chosen.map((sol, m) =>
    modelFit(
      data,
      sol.map((r) => primes[r]),
      positiveCases,
      `M${m + 1}`,
    ),
  );
  return { models, primes, chosen };
}

/**
 * Parse directional expectations written as QCA does: "DEV, URB, ~IND" (presence, absence), "DEV[2]" for a
 * multi-value level; conditions not named have no expectation.
 * @example parseDirectionalExpectations('DEV, ~IND', ['DEV', 'URB', 'IND']) // [1, null, 0]
 */
export function parseDirectionalExpectations(text: string, conditions: readonly string[]): DirectionalExpectations {
  const out: DirectionalExpectations = conditions.map(() => null);
  for (const raw of text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(~?)([^[\]~]+?)(?:\[(\d+)\])?$/.exec(raw);
    const j = m ? conditions.indexOf(m[2].trim()) : -1;
    if (!m || j < 0)
      throw new XinzhiError({
        code: 'qca-dir-exp',
        severity: 'error',
        message: bi(`无法识别的方向预期 "${raw}"`, `cannot read the directional expectation "${raw}"`),
        fix: bi(
          `写成 "条件"、"~条件" 或 "条件[水平]"，条件取自：${conditions.join(', ')}`,
          `write "COND", "~COND" or "COND[level]" with a condition among: ${conditions.join(', ')}`,
        ),
      });
    out[j] = m[3] !== undefined ? Number(m[3]) : m[1] ? 0 : 1;
  }
  return out;
}

/**
 * The three solutions of a truth table (see the module comment).
 * @example minimize(data, truthTable(data, { inclCut: 0.8 }), { dirExp: [1, 1, 1, 1, 1] }).intermediate
 */
export function minimize(
  data: SetData,
  tt: TruthTable,
  opts: { dirExp?: DirectionalExpectations | null } = {},
): MinimizeResult {
  const levels = data.conditions.map((c) => c.levels);
  const positiveRows = tt.rows.filter((r) => r.OUT === '1');
  if (positiveRows.length === 0) throw noPositives();
  const positives = positiveRows.map((r) => r.config);
  const positiveCases = new Set(positiveRows.flatMap((r) => r.cases));
  const remainders = [...tt.rows.filter((r) => r.OUT === '?').map((r) => r.config), ...tt.remainders];
  const toRows = (configs: Implicant[]) => configs.map((c) => rowIndex(c, levels)).sort((a, b) => a - b);

  const complex: Solution = {
    kind: 'complex',
    models: solve(data, positives, [], positiveCases).models,
    counterfactuals: [],
  };
  const pars = solve(data, positives, remainders, positiveCases);
  const simplifying = pars.chosen.map((sol) => remainders.filter((r) => sol.some((p) => covers(pars.primes[p], r))));
  const parsimonious: Solution = {
    kind: 'parsimonious',
    models: pars.models,
    counterfactuals: toRows(remainders.filter((r) => simplifying.some((s) => s.includes(r)))),
  };

  const dirExp = opts.dirExp ?? null;
  if (dirExp && dirExp.length !== levels.length)
    throw new XinzhiError({
      code: 'qca-dir-exp',
      severity: 'error',
      message: bi(
        '方向预期的个数与条件个数不同',
        'the number of directional expectations differs from the number of conditions',
      ),
      fix: bi('每个条件给一个预期（或不给）', 'give one expectation (or none) per condition'),
    });
  let intermediate: Solution[] | null = null;
  if (dirExp) {
    const easyFrom = (r: Implicant, c: Implicant) =>
      r.every((v, j) => v === c[j] || dirExp[j] === null || dirExp[j] === v);
    intermediate = simplifying.map((sa, m) => {
      const easy = sa.filter((r) => positives.some((c) => easyFrom(r, c)));
      return {
        kind: 'intermediate' as const,
        from: `P${m + 1}`,
        models: solve(data, positives, easy, positiveCases).models,
        counterfactuals: toRows(easy),
      };
    });
  }
  return {
    outcomeName: tt.outcomeName,
    conditions: data.conditions.map((c) => c.name),
    truthTableOptions: tt.options,
    directionalExpectations: dirExp,
    complex,
    parsimonious,
    intermediate,
  };
}

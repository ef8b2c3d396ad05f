/**
 * The truth table of calibrated set data (Ragin 2008, ch. 7; Duşa 2019, ch. 7;
 * R package QCA, `truthTable()`).
 *
 * Rows are the corners of the property space: every combination of condition
 * values, numbered as in QCA (1 + the configuration read as a mixed-radix
 * number, first condition most significant). A case belongs to the one row in
 * which its membership exceeds 0.5; a case with a membership of exactly 0.5 in
 * any condition belongs to no row (and is reported). For each row r with case
 * memberships m_r (over all cases, not only those in the row):
 *   incl = Σ min(m_r, Y) / Σ m_r,   PRI = (Σ min(m_r,Y) − Σ min(m_r,Y,~Y)) / (Σ m_r − Σ min(m_r,Y,~Y)),
 *   n = number of cases with m_r > 0.5.
 * Output value OUT: '?' (remainder) when n < nCut; else '1' when incl ≥ inclCut and PRI ≥ priCut;
 * 'C' (contradiction) when inclCut0 ≤ incl < inclCut; else '0'. Comparisons allow 1e-10 of rounding, so a
 * consistency that prints as the cut-off passes it.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import { sufficiencyFit } from './fit.ts';
import { implicantMembership, type Implicant, type SetData } from './sets.ts';

export interface TruthTableOptions {
  /** Consistency cut-off for OUT = 1 (QCA `incl.cut[1]`; default 1). */
  inclCut?: number;
  /** Lower consistency cut-off: rows between it and inclCut are contradictions 'C' (QCA `incl.cut[2]`). */
  inclCut0?: number;
  /** Frequency cut-off: rows with fewer cases are remainders (default 1). */
  nCut?: number;
  /** Rows with PRI below it are negative (default 0). */
  priCut?: number;
}

export type OutputValue = '1' | '0' | 'C' | '?';

export interface TruthTableRow {
  /** QCA's row number (1-based). */
  index: number;
  config: number[];
  n: number;
  cases: string[];
  incl: number;
  PRI: number;
  OUT: OutputValue;
}

export interface TruthTable {
  conditions: Array<{ name: string; kind: 'fuzzy' | 'multi'; levels: number }>;
  outcomeName: string;
  options: Required<TruthTableOptions>;
  /** Rows with at least one case, by row number. */
  rows: TruthTableRow[];
  /** Configurations without any case (logical remainders), by row number. */
  remainders: number[][];
  /** Cases on no row (a membership of exactly 0.5). */
  unassigned: string[];
  warnings: Problem[];
}

/** Tolerance of the cut-off comparisons. */
export const CUT_TOLERANCE = 1e-10;
/** Largest truth table built (2^16 rows). */
export const MAX_TRUTH_TABLE_ROWS = 65536;

/** QCA's row number of a configuration: 1 + mixed-radix value, first condition most significant. */
export function rowIndex(config: readonly number[], levels: readonly number[]): number {
  let idx = 0;
  config.forEach((v, j) => {
    idx = idx * levels[j] + v;
  });
  return idx + 1;
}

/** Every configuration of the given levels in row-number order. */
export function allConfigurations(levels: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const k of levels) out = out.flatMap((c) => Array.from({ length: k }, (_, v) => [...c, v]));
  return out;
}

function cutProblem(name: string, value: number): XinzhiError {
  return new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: bi(`${name} = ${value} 超出范围`, `${name} = ${value} is out of range`),
    fix: bi(
      '一致性阈值取 0–1 之间的数，频数阈值取不小于 1 的整数',
      'consistency cut-offs lie in [0, 1]; the frequency cut-off is an integer ≥ 1',
    ),
  });
}

/**
 * Build the truth table (definitions in the module comment).
 * @example truthTable(data, { inclCut: 0.8 }).rows.filter((r) => r.OUT === '1')
 */
export function truthTable(data: SetData, opts: TruthTableOptions = {}): TruthTable {
  const inclCut = opts.inclCut ?? 1;
  const options: Required<TruthTableOptions> = {
    inclCut,
    inclCut0: opts.inclCut0 ?? inclCut,
    nCut: opts.nCut ?? 1,
    priCut: opts.priCut ?? 0,
  };
  for (const key of ['inclCut', 'inclCut0', 'priCut'] as const)
    if (!(options[key] >= 0 && options[key] <= 1)) throw cutProblem(key, options[key]);
  if (!(Number.isInteger(options.nCut) && options.nCut >= 1)) throw cutProblem('nCut', options.nCut);
  if (options.inclCut0 > options.inclCut) throw cutProblem('inclCut0', options.inclCut0);
  if (data.conditions.length === 0 || data.cases.length === 0)
    throw new XinzhiError({
      code: 'qca-empty',
      severity: 'error',
      message: bi('没有条件或没有案例', 'no conditions or no cases'),
      fix: bi('至少给出一个条件和一个案例', 'give at least one condition and one case'),
    });
  const levels = data.conditions.map((c) => c.levels);
  const size = levels.reduce((a, b) => a * b, 1);
  if (size > MAX_TRUTH_TABLE_ROWS)
    throw new XinzhiError({
      code: 'qca-too-many-conditions',
      severity: 'error',
      message: bi(
        `真值表有 ${size} 行，超过上限 ${MAX_TRUTH_TABLE_ROWS}`,
        `the truth table would have ${size} rows, above the limit of ${MAX_TRUTH_TABLE_ROWS}`,
      ),
      fix: bi('减少条件个数（一般不超过 8–10 个）', 'use fewer conditions (usually no more than 8–10)'),
    });

  // Each case's row: fuzzy value above 0.5 → 1, below → 0, exactly 0.5 → no row.
  const byRow = new Map<number, { config: number[]; cases: number[] }>();
  const unassigned: string[] = [];
  data.cases.forEach((name, k) => {
    const config = data.conditions.map((c) =>
      c.kind === 'multi' ? c.values[k] : c.values[k] > 0.5 ? 1 : c.values[k] < 0.5 ? 0 : -1,
    );
    if (config.includes(-1)) {
      unassigned.push(name);
      return;
    }
    const idx = rowIndex(config, levels);
    const entry = byRow.get(idx) ?? { config, cases: [] };
    entry.cases.push(k);
    byRow.set(idx, entry);
  });
  const warnings: Problem[] = unassigned.map((c) => ({
    code: 'qca-half-membership',
    severity: 'warning',
    unit: c,
    message: bi(
      '该案例在某个条件上的隶属度恰为 0.5，不属于任何真值表行',
      'this case has a membership of exactly 0.5 in a condition and belongs to no truth-table row',
    ),
    fix: bi(
      '调整该条件的交叉点后重新校准，不要手工改为 0.501',
      "move that condition's crossover and recalibrate; do not hand-edit the value to 0.501",
    ),
  }));

  const rows: TruthTableRow[] = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, { config, cases }]) => {
      const fit = sufficiencyFit(implicantMembership(data, config as Implicant), data.outcome);
      const n = cases.length;
      let OUT: OutputValue;
      if (n < options.nCut) OUT = '?';
      else if (fit.inclS >= options.inclCut - CUT_TOLERANCE && !(fit.PRI < options.priCut - CUT_TOLERANCE)) OUT = '1';
      else if (fit.inclS >= options.inclCut0 - CUT_TOLERANCE && fit.inclS < options.inclCut - CUT_TOLERANCE) OUT = 'C';
      else OUT = '0';
      return { index, config, n, cases: cases.map((k) => data.cases[k]), incl: fit.inclS, PRI: fit.PRI, OUT };
    });
  const remainders = allConfigurations(levels).filter((c) => !byRow.has(rowIndex(c, levels)));
  return {
    conditions: data.conditions.map((c) => ({ name: c.name, kind: c.kind, levels: c.levels })),
    outcomeName: data.outcomeName,
    options,
    rows,
    remainders,
    unassigned,
    warnings,
  };
}

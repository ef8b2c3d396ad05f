/**
 * From a table as read (RawTable) to calibrated set data. Every problem names
 * the file, row and column and the fix; nothing is filled or dropped.
 *
 * A column whose values all lie in [0, 1] is a fuzzy set (0/1 values: a binary
 * crisp set); a column of whole numbers with a maximum above 1 is a
 * multi-value set with levels 0 … max. Any other column must be calibrated
 * first (`calibrate`). The outcome may be negated ("~SURV") or, for a
 * multi-value outcome, set to one level ("SURV[1]").
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import { closestName } from '../panel/problems.ts';
import type { RawTable } from '../panel/raw-table.ts';
import { halfMembershipWarnings } from './calibrate.ts';
import type { SetCondition, SetData } from './sets.ts';

export interface SetDataOptions {
  conditions: string[];
  /** Outcome column, optionally "~NAME" (negation) or "NAME[v]" (one level of a multi-value outcome). */
  outcome: string;
  /** Column with case names (default: a column named "case", else row numbers). */
  caseColumn?: string;
}

/** Spreadsheet row of data row i. */
const sheetRow = (table: RawTable, i: number) => table.firstDataRow + i;

/** Index of a column, or an error naming the closest header. */
export function requireTableColumn(table: RawTable, name: string, role: Bilingualish): number {
  const j = table.header.indexOf(name);
  if (j >= 0) return j;
  const near = closestName(name, table.header);
  throw new XinzhiError({
    code: 'missing-column',
    severity: 'error',
    file: table.name,
    column: name,
    message: bi(`找不到${role.zh}列 "${name}"`, `${role.en} column "${name}" not found`),
    fix: near
      ? bi(`是否指 "${near}"？`, `did you mean "${near}"?`)
      : bi(`可用的列：${table.header.join(', ')}`, `columns available: ${table.header.join(', ')}`),
  });
}
type Bilingualish = { zh: string; en: string };

/**
 * The numbers of one column; empty or non-numeric cells are errors naming their rows.
 * @example numericColumn(table, 'DEV')
 */
export function numericColumn(table: RawTable, name: string, role: Bilingualish = bi('', '')): number[] {
  const j = requireTableColumn(table, name, role);
  const problems: Problem[] = [];
  const out = table.rows.map((r, i) => {
    const cell = r[j];
    const v = typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : NaN;
    if (!Number.isFinite(v))
      problems.push({
        code: 'non-numeric',
        severity: 'error',
        file: table.name,
        row: sheetRow(table, i),
        column: name,
        message: bi(`单元格 "${cell ?? ''}" 不是有限数值`, `cell "${cell ?? ''}" is not a finite number`),
        fix: bi(
          '填入数值；QCA 不允许缺失值，删除该案例需明确说明',
          'enter a number; QCA allows no missing values (remove the case explicitly if need be)',
        ),
      });
    return v;
  });
  if (problems.length) throw new XinzhiError(problems);
  return out;
}

function setColumn(table: RawTable, name: string): SetCondition {
  const values = numericColumn(table, name, bi('条件', 'condition'));
  // Fuzzy: every value in [0, 1]. Multi-value (some value above 1): every value a whole number.
  const multi = values.some((v) => v > 1);
  const bad = values.findIndex((v) => v < 0 || (multi && !Number.isInteger(v)));
  if (bad >= 0)
    throw new XinzhiError({
      code: 'qca-not-calibrated',
      severity: 'error',
      file: table.name,
      row: sheetRow(table, bad),
      column: name,
      message: bi(
        `值 ${values[bad]} 既不是 [0,1] 内的隶属度，也不是多值集合的水平`,
        `value ${values[bad]} is neither a membership in [0, 1] nor a multi-value level`,
      ),
      fix: bi('先用 xinzhi qca calibrate 校准该列', 'calibrate the column first (xinzhi qca calibrate)'),
    });
  const max = Math.max(...values);
  if (max > 1) return { name, kind: 'multi', levels: max + 1, values };
  return { name, kind: 'fuzzy', levels: 2, values };
}

/**
 * Build SetData and collect warnings (memberships of exactly 0.5).
 * @example setDataFromTable(table, { conditions: ['DEV', 'URB'], outcome: 'SURV' })
 */
export function setDataFromTable(table: RawTable, opts: SetDataOptions): { data: SetData; warnings: Problem[] } {
  if (opts.conditions.length === 0)
    throw new XinzhiError({
      code: 'qca-no-conditions',
      severity: 'error',
      file: table.name,
      message: bi('没有给出条件', 'no conditions given'),
      fix: bi('用 --conditions A,B,C 列出条件列', 'list the condition columns with --conditions A,B,C'),
    });
  const m = /^(~?)(.+?)(?:\[(\d+)\])?$/.exec(opts.outcome.trim());
  const outName = m ? m[2] : opts.outcome;
  if (opts.conditions.includes(outName))
    throw new XinzhiError({
      code: 'qca-outcome-condition',
      severity: 'error',
      file: table.name,
      column: outName,
      message: bi('结果变量同时被列为条件', 'the outcome is also listed as a condition'),
      fix: bi('从条件中去掉结果列', 'remove the outcome from the conditions'),
    });
  const conditions = opts.conditions.map((c) => setColumn(table, c));
  const y = setColumn(table, outName);
  let outcome: number[];
  if (y.kind === 'multi' || (m && m[3] !== undefined)) {
    if (!m || m[3] === undefined)
      throw new XinzhiError({
        code: 'qca-outcome-level',
        severity: 'error',
        file: table.name,
        column: outName,
        message: bi('多值结果需要指定水平', 'a multi-value outcome needs a level'),
        fix: bi(`写成 ${outName}[1]`, `write ${outName}[1]`),
      });
    const level = Number(m[3]);
    outcome = y.values.map((v) => (v === level ? 1 : 0));
    if (m[1]) outcome = outcome.map((v) => 1 - v);
  } else outcome = m && m[1] ? y.values.map((v) => 1 - v) : y.values;
  let cases: string[];
  const caseCol = opts.caseColumn ?? (table.header.includes('case') ? 'case' : undefined);
  if (caseCol !== undefined) {
    const j = requireTableColumn(table, caseCol, bi('案例', 'case'));
    cases = table.rows.map((r) => String(r[j] ?? ''));
    const seen = new Map<string, number>();
    const problems: Problem[] = [];
    cases.forEach((c, i) => {
      if (c === '' || seen.has(c))
        problems.push({
          code: c === '' ? 'empty-case' : 'duplicate-case',
          severity: 'error',
          file: table.name,
          row: sheetRow(table, i),
          column: caseCol,
          message:
            c === ''
              ? bi('案例名为空', 'empty case name')
              : bi(
                  `案例 "${c}" 重复（第 ${seen.get(c)} 行已有）`,
                  `case "${c}" repeats (already on row ${seen.get(c)})`,
                ),
          fix: bi('每个案例一行，名称唯一', 'one row per case, with a unique name'),
        });
      else seen.set(c, sheetRow(table, i));
    });
    if (problems.length) throw new XinzhiError(problems);
  } else cases = table.rows.map((_, i) => String(sheetRow(table, i)));
  const rows = table.rows.map((_, i) => sheetRow(table, i));
  const warnings = conditions.flatMap((c) =>
    c.kind === 'fuzzy' ? halfMembershipWarnings(c.values, c.name, { file: table.name, rows, cases }) : [],
  );
  return { data: { cases, conditions, outcomeName: opts.outcome.trim(), outcome }, warnings };
}

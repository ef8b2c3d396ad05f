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
import { MAX_TRUTH_TABLE_ROWS } from './truth-table.ts';
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
  let max = 0;
  for (const v of values) if (v > max) max = v;
  // levels beyond the truth table's limit can never be analysed: say so before any loop over them
  if (max + 1 > MAX_TRUTH_TABLE_ROWS)
    throw new XinzhiError({
      code: 'qca-too-many-levels',
      severity: 'error',
      file: table.name,
      row: sheetRow(table, values.indexOf(max)),
      column: name,
      message: bi(
        `列 ${name} 的最大值 ${max} 作为多值集合的水平将有 ${max + 1} 个水平，超过真值表上限 ${MAX_TRUTH_TABLE_ROWS} 行`,
        `the largest value of ${name}, ${max}, read as a multi-value level gives ${max + 1} levels, above the truth table's limit of ${MAX_TRUTH_TABLE_ROWS} rows`,
      ),
      fix: bi(
        '这多半是未校准的原始数据：先用 xinzhi qca calibrate 校准该列',
        'this is most likely raw data: calibrate the column first (xinzhi qca calibrate)',
      ),
    });
  if (max > 1) return { name, kind: 'multi', levels: max + 1, values };
  return { name, kind: 'fuzzy', levels: 2, values };
}

/**
 * A condition every case is out of (all memberships 0), or a multi-value level
 * no case has: its fit measures would divide by 0, so it is named before any
 * analysis.
 */
function absentSet(table: RawTable, c: SetCondition): void {
  const present =
    c.kind === 'multi'
      ? Array.from({ length: c.levels }, (_, v) => c.values.includes(v))
      : [c.values.some((v) => v < 1), c.values.some((v) => v > 0)];
  const missing = present.findIndex((p) => !p);
  if (missing < 0) return;
  const what = c.kind === 'multi' ? `${c.name}[${missing}]` : missing === 0 ? `~${c.name}` : c.name;
  throw new XinzhiError({
    code: 'qca-empty-set',
    severity: 'error',
    file: table.name,
    column: c.name,
    message: bi(
      `条件 ${what} 不出现在任何案例中（隶属度全为 0），其一致性和覆盖度无法计算`,
      `the condition ${what} occurs in no case (membership 0 everywhere): its consistency and coverage cannot be computed`,
    ),
    fix: bi(
      c.kind === 'multi'
        ? `多值条件的水平应为 0…k 且无空缺：重新编码 ${c.name}`
        : `去掉条件 ${c.name}，或检查该列是否读错`,
      c.kind === 'multi'
        ? `the levels of a multi-value condition must be 0…k without gaps: recode ${c.name}`
        : `drop the condition ${c.name} (a condition that does not vary between cases explains nothing), or check that the column was read as meant`,
    ),
  });
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
  if (table.rows.length === 0)
    throw new XinzhiError({
      code: 'qca-no-cases',
      severity: 'error',
      file: table.name,
      message: bi('数据中没有案例（只有表头）', 'the data has no cases (only a header)'),
      fix: bi(
        '每个案例一行，填入条件和结果的隶属度',
        'add one row per case with the memberships of the conditions and the outcome',
      ),
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
  } else outcome = m?.[1] ? y.values.map((v) => 1 - v) : y.values;
  if (!outcome.some((v) => v > 0))
    throw new XinzhiError({
      code: 'qca-empty-outcome',
      severity: 'error',
      file: table.name,
      column: outName,
      message: bi(
        `结果 ${opts.outcome.trim()} 在所有案例中的隶属度都为 0，没有可解释的结果（一致性和覆盖度的分母为 0）`,
        `the outcome ${opts.outcome.trim()} has membership 0 in every case: there is no outcome to explain (consistency and coverage would divide by 0)`,
      ),
      fix: bi(
        '检查结果列、取反（~）和水平（[v]）是否写对，该水平须至少出现在一个案例中',
        'check the outcome column, the negation (~) and the level ([v]): the level must occur in at least one case',
      ),
    });
  for (const c of conditions) absentSet(table, c);
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

/**
 * Checks of a panel before measurement. Every problem names the unit, time,
 * column and (when the panel came from a file) the file and source row, and
 * says how to fix it.
 *
 * | code                | severity | when |
 * |---------------------|----------|------|
 * | missing-column      | error    | a requested column is not in the panel |
 * | missing-value       | error    | NaN cell in a used column (fix: the `missing` spec option) |
 * | infinite            | error    | +Inf / −Inf cell |
 * | duplicate-row       | error    | the same (unit, time) twice |
 * | unbalanced          | error if `balanced: true`, warning if unset, skipped if `false` | a unit lacks some times |
 * | constant-column     | warning  | all finite values equal |
 * | non-positive        | error    | zero or negative in a `positive` column (log, geometric mean, ratios) |
 * | negative            | error    | negative in a `nonNegative` column |
 * | single-unit         | warning  | only one unit |
 * | single-time         | warning  | only one time in a panel with a time column |
 */
import type { Problem } from '../src/core/errors.ts';
import { bi } from '../src/core/i18n.ts';
import type { Panel, Time } from '../src/core/panel/types.ts';
import { cellWhere, missingColumnProblem, ProblemList } from '../src/core/panel/problems.ts';
import { timesOf, unitsOf, rowsByUnit } from '../src/core/panel/ops.ts';

export interface ValidateOptions {
  columns: string[];
  /** Columns that must be > 0 (log transform, geometric aggregation, ...). */
  positive?: string[];
  /** Columns that must be ≥ 0. */
  nonNegative?: string[];
  /** true: a unit missing some times is an error; false: not checked; unset: warning. */
  balanced?: boolean;
}

/** Validate the used columns of a panel; returns all problems found (errors and warnings). */
export function validatePanel(panel: Panel, opts: ValidateOptions): Problem[] {
  const probs = new ProblemList();
  const file = panel.source;
  const n = panel.unit.length;
  const available = Object.keys(panel.columns);
  const cols = opts.columns.filter((c) => {
    if (panel.columns[c]) return true;
    probs.add(missingColumnProblem(c, available, bi('指标', 'indicator'), file));
    return false;
  });

  if (n === 0) {
    probs.add({ code: 'empty-file', severity: 'error', file, message: bi('面板没有数据行。', 'The panel has no rows.'), fix: bi('检查数据文件和所选工作表。', 'Check the data file and the sheet chosen.') });
    return probs.done();
  }

  // duplicate (unit, time)
  const seen = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const key = `${panel.unit[r]}\u0000${String(panel.time[r])}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r);
      continue;
    }
    const a = panel.sourceRow?.[first];
    const b = panel.sourceRow?.[r];
    const rows = a !== undefined && b !== undefined ? bi(`（第 ${a} 行和第 ${b} 行）`, ` (rows ${a} and ${b})`) : bi('', '');
    probs.add({
      ...cellWhere(panel, r),
      code: 'duplicate-row',
      severity: 'error',
      message: bi(`同一单位和时间出现两次${rows.zh}。`, `The same unit and time appear twice${rows.en}.`),
      fix: bi('删除重复行，或核对单位/时间是否填错。', 'Delete the duplicate row, or check whether the unit / time is mistyped.'),
    });
  }

  // cells
  const positive = new Set(opts.positive ?? []);
  const nonNegative = new Set(opts.nonNegative ?? []);
  for (const c of cols) {
    const col = panel.columns[c];
    let lo = Infinity;
    let hi = -Infinity;
    let finite = 0;
    for (let r = 0; r < n; r++) {
      const v = col[r];
      if (Number.isNaN(v)) {
        probs.add({
          ...cellWhere(panel, r, c),
          code: 'missing-value',
          severity: 'error',
          message: bi('缺失值。', 'Missing value.'),
          fix: bi(
            '补齐数据，或在规格中选择缺失值处理方法，如 "missing": {"method": "interpolate"}（线性插值）、"unit-mean"、"time-mean"、"group-mean"（需 "group"）或 "drop"。',
            'Fill in the value, or choose a missing-value method in the spec, e.g. "missing": {"method": "interpolate"} (linear within the unit), "unit-mean", "time-mean", "group-mean" (with "group") or "drop".',
          ),
        });
        continue;
      }
      if (!Number.isFinite(v)) {
        probs.add({
          ...cellWhere(panel, r, c),
          code: 'infinite',
          severity: 'error',
          message: bi(`数值为 ${v > 0 ? '+' : '−'}∞（通常来自除以零）。`, `The value is ${v > 0 ? '+' : '−'}Inf (often from a division by zero).`),
          fix: bi('在源数据中修正该单元格（检查其计算公式的分母）。', 'Correct the cell in the source data (check the denominator of its formula).'),
        });
        continue;
      }
      finite++;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (positive.has(c) && v <= 0) {
        probs.add({
          ...cellWhere(panel, r, c),
          code: 'non-positive',
          severity: 'error',
          message: bi(`数值 ${v} 不是正数，而所选方法（如对数、几何平均）要求正数。`, `The value ${v} is not positive, but the method chosen (e.g. log, geometric mean) needs positive values.`),
          fix: bi('改用不要求正数的方法（如 min-max 标准化加平移 shift），或核对该数据。', 'Use a method that accepts it (e.g. min-max normalisation with a shift), or check the value.'),
        });
      } else if (nonNegative.has(c) && v < 0) {
        probs.add({
          ...cellWhere(panel, r, c),
          code: 'negative',
          severity: 'error',
          message: bi(`数值 ${v} 为负，而所选方法要求非负数。`, `The value ${v} is negative, but the method chosen needs non-negative values.`),
          fix: bi('改用接受负值的方法（如 min-max 标准化），或核对该数据。', 'Use a method that accepts negatives (e.g. min-max normalisation), or check the value.'),
        });
      }
    }
    if (finite > 0 && lo === hi) {
      probs.add({
        code: 'constant-column',
        severity: 'warning',
        file,
        column: c,
        message: bi(
          `该列所有值都等于 ${lo}，不区分任何单位：min-max 标准化时 max−min = 0（无定义），熵值法和 CRITIC 会给它零权重，z-score 的标准差为 0。`,
          `Every value equals ${lo}, so it does not distinguish units: min-max normalisation has max − min = 0 (undefined), entropy and CRITIC weighting give it zero weight, and its z-score standard deviation is 0.`,
        ),
        fix: bi('从指标体系中去掉该列，或核对数据是否整列复制错误。', 'Drop the column from the indicator system, or check whether the column was pasted wrongly.'),
      });
    }
  }

  // balance
  const units = unitsOf(panel);
  const times = panel.timeKey === null ? [] : timesOf(panel);
  if (panel.timeKey !== null && opts.balanced !== false && times.length > 1) {
    const byUnit = rowsByUnit(panel);
    for (const u of units) {
      const has = new Set<Time>(byUnit.get(u)!.map((r) => panel.time[r]));
      const lacking = times.filter((t) => !has.has(t));
      if (lacking.length === 0) continue;
      probs.add({
        code: 'unbalanced',
        severity: opts.balanced === true ? 'error' : 'warning',
        file,
        unit: u,
        message: bi(`单位 ${u} 缺少以下时间的行：${lacking.join('、')}（非平衡面板）。`, `Unit ${u} has no rows for time(s) ${lacking.join(', ')} (unbalanced panel).`),
        fix: bi('补上这些年份的行（值可留空再用缺失值方法处理），或删去该单位。', 'Add rows for those years (values may be left empty and handled by a missing-value method), or drop the unit.'),
      });
    }
  }
  if (units.length === 1) {
    probs.add({
      code: 'single-unit',
      severity: 'warning',
      file,
      message: bi('只有一个单位：无法进行单位之间的比较，按时间的标准化和权重只反映时间变化。', 'Only one unit: nothing to compare across units; normalisation and weights reflect change over time only.'),
    });
  }
  if (panel.timeKey !== null && times.length === 1) {
    probs.add({
      code: 'single-time',
      severity: 'warning',
      file,
      message: bi(`只有一个时间（${times[0]}）：这是截面数据，插值、趋势和收敛分析不可用。`, `Only one time (${times[0]}): this is a cross-section; interpolation, trends and convergence are not available.`),
    });
  }
  return probs.done();
}

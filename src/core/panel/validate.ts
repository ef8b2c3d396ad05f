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
import type { Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel, Time } from './types.ts';
import { cellWhere, missingColumnProblem, ProblemList } from './problems.ts';
import { timesOf } from './ops.ts';

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
  const available = Object.keys(panel.columns);
  const cols = opts.columns.filter((c) => {
    if (panel.columns[c]) return true;
    probs.add(missingColumnProblem(c, available, bi('指标', 'indicator'), file));
    return false;
  });
  if (panel.unit.length === 0) {
    probs.add({
      code: 'empty-file',
      severity: 'error',
      file,
      message: bi('面板没有数据行。', 'The panel has no rows.'),
      fix: bi('检查数据文件和所选工作表。', 'Check the data file and the sheet chosen.'),
    });
    return probs.done();
  }
  const codes = rowCodes(panel);
  duplicateRowProblems(panel, codes, probs);
  cellProblems(panel, cols, opts, probs);
  const units = [...codes.unitIds.keys()];
  const times = panel.timeKey === null ? [] : timesOf(panel);
  balanceProblems(panel, codes, units, times, opts, probs);
  shapeWarnings(panel, units, times, probs);
  return probs.done();
}

/** Integer codes of the rows: units in first-seen order (as unitsOf), times in first-seen order. */
interface RowCodes {
  unitCode: Int32Array;
  unitIds: Map<string, number>;
  timeCode: Int32Array;
  timeValues: Time[];
}

function rowCodes(panel: Panel): RowCodes {
  const n = panel.unit.length;
  const unitCode = new Int32Array(n);
  const unitIds = new Map<string, number>();
  const timeCode = new Int32Array(n);
  const timeIds = new Map<Time, number>();
  const timeValues: Time[] = [];
  for (let r = 0; r < n; r++) {
    const u = panel.unit[r];
    let c = unitIds.get(u);
    if (c === undefined) {
      c = unitIds.size;
      unitIds.set(u, c);
    }
    unitCode[r] = c;
    const t = panel.time[r];
    let d = timeIds.get(t);
    if (d === undefined) {
      d = timeIds.size;
      timeIds.set(t, d);
      timeValues.push(t);
    }
    timeCode[r] = d;
  }

  return { unitCode, unitIds, timeCode, timeValues };
}

/** The same (unit, time) twice (times compared as String(time)): an error naming both source rows. */
function duplicateRowProblems(panel: Panel, codes: RowCodes, probs: ProblemList): void {
  const n = panel.unit.length;
  const { unitCode, timeCode, timeValues } = codes;
  const U = codes.unitIds.size;
  const strIds = new Map<string, number>();
  const timeStr = Int32Array.from(timeValues, (t) => {
    const k = String(t);
    let c = strIds.get(k);
    if (c === undefined) {
      c = strIds.size;
      strIds.set(k, c);
    }
    return c;
  });
  const TS = strIds.size;
  const dense = U * TS <= 4 * n + 4096;
  const firstDense = dense ? new Int32Array(U * TS).fill(-1) : null;
  const firstMap = dense ? null : new Map<number, number>();
  for (let r = 0; r < n; r++) {
    const key = unitCode[r] * TS + timeStr[timeCode[r]];
    let first: number | undefined;
    if (firstDense) {
      const f = firstDense[key];
      if (f < 0) {
        firstDense[key] = r;
        continue;
      }
      first = f;
    } else {
      first = firstMap!.get(key);
      if (first === undefined) {
        firstMap!.set(key, r);
        continue;
      }
    }
    const a = panel.sourceRow?.[first];
    const b = panel.sourceRow?.[r];
    const rows =
      a !== undefined && b !== undefined ? bi(`（第 ${a} 行和第 ${b} 行）`, ` (rows ${a} and ${b})`) : bi('', '');
    probs.add({
      ...cellWhere(panel, r),
      code: 'duplicate-row',
      severity: 'error',
      message: bi(`同一单位和时间出现两次${rows.zh}。`, `The same unit and time appear twice${rows.en}.`),
      fix: bi(
        '删除重复行，或核对单位/时间是否填错。',
        'Delete the duplicate row, or check whether the unit / time is mistyped.',
      ),
    });
  }
}

/** Missing, infinite, non-positive or negative cells, and constant columns. */
function cellProblems(panel: Panel, cols: string[], opts: ValidateOptions, probs: ProblemList): void {
  const n = panel.unit.length;
  const file = panel.source;
  const positive = new Set(opts.positive ?? []);
  const nonNegative = new Set(opts.nonNegative ?? []);
  for (const c of cols) {
    const col = panel.columns[c];
    const isPositive = positive.has(c);
    const isNonNegative = nonNegative.has(c);
    // one tight pass; the cell-by-cell loop below runs only when a cell has a problem
    const sc = scanColumn(col, n, isPositive ? 1 : isNonNegative ? 2 : 0);
    const lo = sc.lo,
      hi = sc.hi,
      finite = sc.finite;
    for (let r = sc.firstBad; r < n; r++) {
      const v = col[r];
      if (v - v === 0 && !(isPositive && v <= 0) && !(isNonNegative && v < 0)) continue;
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
          message: bi(
            `数值为 ${v > 0 ? '+' : '−'}∞（通常来自除以零）。`,
            `The value is ${v > 0 ? '+' : '−'}Inf (often from a division by zero).`,
          ),
          fix: bi(
            '在源数据中修正该单元格（检查其计算公式的分母）。',
            'Correct the cell in the source data (check the denominator of its formula).',
          ),
        });
        continue;
      }
      if (isPositive && v <= 0) {
        probs.add({
          ...cellWhere(panel, r, c),
          code: 'non-positive',
          severity: 'error',
          message: bi(
            `数值 ${v} 不是正数，而所选方法（如对数、几何平均）要求正数。`,
            `The value ${v} is not positive, but the method chosen (e.g. log, geometric mean) needs positive values.`,
          ),
          fix: bi(
            '改用不要求正数的方法（如 min-max 标准化加平移 shift），或核对该数据。',
            'Use a method that accepts it (e.g. min-max normalisation with a shift), or check the value.',
          ),
        });
      } else if (isNonNegative && v < 0) {
        probs.add({
          ...cellWhere(panel, r, c),
          code: 'negative',
          severity: 'error',
          message: bi(
            `数值 ${v} 为负，而所选方法要求非负数。`,
            `The value ${v} is negative, but the method chosen needs non-negative values.`,
          ),
          fix: bi(
            '改用接受负值的方法（如 min-max 标准化），或核对该数据。',
            'Use a method that accepts negatives (e.g. min-max normalisation), or check the value.',
          ),
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
        fix: bi(
          '从指标体系中去掉该列，或核对数据是否整列复制错误。',
          'Drop the column from the indicator system, or check whether the column was pasted wrongly.',
        ),
      });
    }
  }
}

/** Units that lack some times (error, warning or not checked as `balanced` says). */
function balanceProblems(
  panel: Panel,
  codes: RowCodes,
  units: string[],
  times: Time[],
  opts: ValidateOptions,
  probs: ProblemList,
): void {
  const n = panel.unit.length;
  const file = panel.source;
  const { unitCode, timeCode, timeValues } = codes;
  const U = codes.unitIds.size;
  if (panel.timeKey !== null && opts.balanced !== false && times.length > 1) {
    const T = times.length;
    const sortedPos = new Map<Time, number>(times.map((t, i) => [t, i]));
    const timePos = Int32Array.from(timeValues, (t) => sortedPos.get(t)!);
    const dense2 = U * T <= 4 * n + 4096;
    const present = dense2 ? new Uint8Array(U * T) : null;
    const has: Array<Set<number>> | null = dense2 ? null : Array.from({ length: U }, () => new Set<number>());
    const count = new Int32Array(U);
    for (let r = 0; r < n; r++) {
      const u = unitCode[r],
        t = timePos[timeCode[r]];
      if (present) {
        if (present[u * T + t] === 0) {
          present[u * T + t] = 1;
          count[u]++;
        }
      } else if (!has![u].has(t)) {
        has![u].add(t);
        count[u]++;
      }
    }
    for (let ui = 0; ui < U; ui++) {
      if (count[ui] === T) continue;
      const u = units[ui];
      const lacking = times.filter((_, t) => (present ? present[ui * T + t] === 0 : !has![ui].has(t)));
      if (lacking.length === 0) continue;
      probs.add({
        code: 'unbalanced',
        severity: opts.balanced === true ? 'error' : 'warning',
        file,
        unit: u,
        message: bi(
          `单位 ${u} 缺少以下时间的行：${lacking.join('、')}（非平衡面板）。`,
          `Unit ${u} has no rows for time(s) ${lacking.join(', ')} (unbalanced panel).`,
        ),
        fix: bi(
          '补上这些年份的行（值可留空再用缺失值方法处理），或删去该单位。',
          'Add rows for those years (values may be left empty and handled by a missing-value method), or drop the unit.',
        ),
      });
    }
  }
}

/** One unit or one time: warnings about what cannot be compared. */
function shapeWarnings(panel: Panel, units: string[], times: Time[], probs: ProblemList): void {
  const file = panel.source;
  if (units.length === 1) {
    probs.add({
      code: 'single-unit',
      severity: 'warning',
      file,
      message: bi(
        '只有一个单位：无法进行单位之间的比较，按时间的标准化和权重只反映时间变化。',
        'Only one unit: nothing to compare across units; normalisation and weights reflect change over time only.',
      ),
    });
  }
  if (panel.timeKey !== null && times.length === 1) {
    probs.add({
      code: 'single-time',
      severity: 'warning',
      file,
      message: bi(
        `只有一个时间（${times[0]}）：这是截面数据，插值、趋势和收敛分析不可用。`,
        `Only one time (${times[0]}): this is a cross-section; interpolation, trends and convergence are not available.`,
      ),
    });
  }
}

/**
 * min, max and count of the finite values of a column, and the first row
 * with a problem (non-finite; ≤ 0 under sign 1 "positive"; < 0 under sign 2
 * "non-negative"), n when none.
 */
function scanColumn(
  col: Float64Array,
  n: number,
  sign: 0 | 1 | 2,
): { lo: number; hi: number; finite: number; firstBad: number } {
  // quick pass: v − v is 0 for a finite value and NaN otherwise, so the sum stays 0 only when all are finite
  let qlo = col[0],
    qhi = col[0],
    nonFinite = 0;
  for (let r = 0; r < n; r++) {
    const v = col[r];
    nonFinite += v - v;
    if (v < qlo) qlo = v;
    else if (v > qhi) qhi = v;
  }
  if (nonFinite === 0 && (sign === 0 || (sign === 1 ? qlo > 0 : qlo >= 0)))
    return { lo: qlo, hi: qhi, finite: n, firstBad: n };
  let lo = Infinity;
  let hi = -Infinity;
  let finite = 0;
  let firstBad = n;
  for (let r = 0; r < n; r++) {
    const v = col[r];
    if (v - v === 0) {
      finite++;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (sign === 0 || (sign === 1 ? v > 0 : v >= 0)) continue;
    }
    if (firstBad === n) firstBad = r;
  }
  return { lo, hi, finite, firstBad };
}

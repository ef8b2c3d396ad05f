/**
 * Rows read back from an engine that ran a compiled index build, turned into
 * the shapes of `evaluate`'s result: global indicator weights (and per time),
 * node weights, index scores with ranks and node scores. A NULL weight means
 * the engine met a missing value or a value the method cannot take; it is
 * reported with the indicator's id and a fix, never turned into a number.
 *
 * Example: readEngineRows(plan, weightRows, scoreRows).weights.x1
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import { collectNodeWeights } from '../measure/evaluate.ts';
import { buildHierarchy, localFromGlobal } from '../measure/hierarchy.ts';
import type { NodeWeight, ScoreRow } from '../measure/result.ts';
import type { Time } from '../panel/types.ts';
import { COLUMN_ROLE, missingColumnProblem } from '../panel/problems.ts';
import type { SqlPlan } from './compile.ts';

export type EngineRow = Record<string, unknown>;

export interface EngineResult {
  /** Global indicator weights (pooled; under by-time, their means over times, as `evaluate` reports them). */
  weights: Record<string, number>;
  /** Global indicator weights per time, when they vary by time. */
  weightsByTime?: Record<string, Record<string, number>>;
  nodeWeights: NodeWeight[];
  scores: ScoreRow[];
  /** Scores of the dimensions (not ranked in the engine). */
  nodeScores: Array<{ node: string; unit: string; time: Time; score: number }>;
}

/** A number from an engine cell (drivers return number, bigint or numeric strings). */
function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return null;
}

function timeOf(v: unknown, hasTime: boolean): Time {
  if (!hasTime) return null as unknown as Time;
  const n = num(v);
  return typeof v === 'string' && (n === null || String(n) !== v) ? v : (n as number);
}

/**
 * The problems the check queries of long data found (compile.ts `long`): each
 * indicator name of the spec that the table does not hold, as the file
 * reader's missing column (with the closest name), and each (unit, time,
 * indicator) with more than one record, as its duplicate row. Empty when the
 * data are fit for the pivot.
 * @example longDataProblems(plan, [{ i__: 'x1' }], [], 'firms.parquet')
 */
export function longDataProblems(
  plan: SqlPlan,
  nameRows: EngineRow[],
  duplicateRows: EngineRow[],
  source?: string,
): Problem[] {
  const available = nameRows.map((r) => String(r.i__ ?? '')).filter((n) => n !== '');
  const have = new Set(available);
  const problems: Problem[] = (plan.long?.names ?? [])
    .filter((n) => !have.has(n))
    .map((n) => missingColumnProblem(n, available, COLUMN_ROLE.column, source));
  const hasTime = plan.spec.time !== null;
  for (const r of duplicateRows) {
    const unit = String(r.u__);
    const time = timeOf(r.t__, hasTime);
    const name = String(r.i__);
    const n = num(r.n__) ?? 2;
    problems.push({
      code: 'duplicate-row',
      severity: 'error',
      ...(source ? { file: source } : {}),
      column: name,
      unit,
      ...(hasTime ? { time: time as string | number } : {}),
      message: bi(
        `单位 ${unit}${hasTime ? `、时间 ${time}` : ''} 的指标 "${name}" 有 ${n} 条记录。`,
        `Indicator "${name}" for unit ${unit}${hasTime ? `, time ${time}` : ''} has ${n} records.`,
      ),
      fix: bi(
        '删除重复记录，或核对单位/时间是否填错。',
        'Delete the duplicate records, or check whether the unit / time is mistyped.',
      ),
    });
  }
  return problems;
}

/** Convert the weights and scores rows of a compiled plan (see compile.ts). */
export function readEngineRows(plan: SqlPlan, weightRows: EngineRow[], scoreRows: EngineRow[]): EngineResult {
  const { indicators, spec } = plan;
  const hasTime = spec.time !== null;
  const problems: Problem[] = [];
  const weightSets = weightRows.map((row) => {
    const w = indicators.map((id, j) => {
      const v = num(row[`w_${j}`]);
      const missing = num(row[`missing_${j}`]) ?? 0;
      if (v === null || !Number.isFinite(v)) {
        problems.push({
          code: missing > 0 ? 'sql-missing' : 'sql-weight-undefined',
          severity: 'error',
          column: spec.indicators[j].column,
          ...(plan.weightsByTime && hasTime ? { time: timeOf(row.t__, true) as string | number } : {}),
          message:
            missing > 0
              ? bi(
                  `指标 ${id} 有 ${missing} 个缺失值（NULL），无法在数据库中计算权重。`,
                  `indicator ${id} has ${missing} missing values (NULL); the weights cannot be computed in the database.`,
                )
              : bi(
                  `指标 ${id} 的权重无定义（${spec.weights.method} 需要非负、均值为正的数据）。`,
                  `the weight of indicator ${id} is undefined (${spec.weights.method} needs non-negative data with a positive mean).`,
                ),
          fix:
            missing > 0
              ? bi('先在数据库中补齐或删除缺失值，再运行。', 'Fill or remove the missing values in the database first.')
              : bi('检查该列的数据与标准化方法。', 'Check the column and the normalisation method.'),
        });
      }
      return v ?? Number.NaN;
    });
    return { time: timeOf(row.t__, hasTime), w };
  });
  if (problems.length) throw new XinzhiError(problems);
  if (!weightSets.length) throw new Error('the engine returned no weights row');
  weightSets.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));

  const h = buildHierarchy(spec);
  const { nodeWeights, weights } = collectNodeWeights(
    h,
    weightSets.map((s) => localFromGlobal(h, s.w)),
    { times: weightSets.map((s) => s.time) },
  );

  const scores: ScoreRow[] = [];
  const nodeScores: EngineResult['nodeScores'] = [];
  for (const row of scoreRows) {
    const unit = String(row.u__);
    const time = timeOf(row.t__, hasTime);
    const score = num(row.score);
    if (score === null) throw new Error(`the engine returned no score for ${unit} ${String(time)}`);
    const rank = num(row.rk) ?? Number.NaN;
    scores.push({ unit, time, score, rank });
    plan.nodes.forEach((node, i) => nodeScores.push({ node, unit, time, score: num(row[`n_${i}`]) ?? Number.NaN }));
  }
  const result: EngineResult = { weights, nodeWeights, scores, nodeScores };
  const toRecord = (w: number[]) => Object.fromEntries(indicators.map((id, j) => [id, w[j]]));
  if (plan.weightsByTime)
    result.weightsByTime = Object.fromEntries(weightSets.map((s) => [String(s.time), toRecord(s.w)]));
  return result;
}

/**
 * The scores of an evaluation as regression variables: the index and every
 * scored node (dimension) become panel columns named `score:<node>`
 * (`score:index` for the composite), joined to the data rows by unit and time.
 * This is how an index built with `xinzhi evaluate` is used as Y (or X) in
 * `estimate`, in the web app and the library alike.
 *
 * @example joinScores(panel, result).columns['score:index'][0]
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { EvaluationResult } from '../measure/result.ts';
import { INDEX_ID } from '../measure/result.ts';
import type { Panel, Time } from '../panel/types.ts';

/** Prefix of score columns. */
export const SCORE_PREFIX = 'score:';

/** Column name of a node's score. */
export function scoreColumn(node: string): string {
  return `${SCORE_PREFIX}${node}`;
}

/** True when a column name refers to a score of the evaluation. */
export function isScoreColumn(name: string): boolean {
  return name.startsWith(SCORE_PREFIX);
}

export interface ScoreVariable {
  column: string;
  node: string;
}

/** The score variables an evaluation offers, the index first, then its nodes in result order. */
export function scoreVariables(result: EvaluationResult): ScoreVariable[] {
  const nodes = new Set<string>([INDEX_ID]);
  for (const r of result.nodeScores) nodes.add(r.node);
  return [...nodes].map((node) => ({ column: scoreColumn(node), node }));
}

const key = (unit: string, time: Time) => `${unit}\u0000${String(time)}`;

/**
 * The panel with the score columns `names` (e.g. `score:index`) added, matched
 * row by row on unit and time. A data row the evaluation has no score for is
 * an error naming the unit, time and source row (never a silent NaN).
 */
export function joinScores(panel: Panel, result: EvaluationResult, names: string[]): Panel {
  const wanted = names.filter(isScoreColumn);
  if (!wanted.length) return panel;
  const known = new Set(scoreVariables(result).map((v) => v.column));
  const columns = { ...panel.columns };
  for (const name of wanted) {
    if (!known.has(name))
      throw new XinzhiError({
        code: 'estimate-score',
        severity: 'error',
        column: name,
        message: bi(`测度结果中没有得分 "${name}"`, `the evaluation has no score "${name}"`),
        fix: bi(`可用：${[...known].slice(0, 12).join('、')}`, `available: ${[...known].slice(0, 12).join(', ')}`),
      });
    const node = name.slice(SCORE_PREFIX.length);
    const byKey = new Map<string, number>();
    if (node === INDEX_ID) for (const r of result.scores) byKey.set(key(r.unit, r.time), r.score);
    for (const r of result.nodeScores) if (r.node === node) byKey.set(key(r.unit, r.time), r.score);
    const col = new Float64Array(panel.unit.length);
    for (let i = 0; i < col.length; i++) {
      const v = byKey.get(key(panel.unit[i], panel.time[i]));
      if (v === undefined)
        throw new XinzhiError({
          code: 'estimate-score-row',
          severity: 'error',
          ...(panel.source ? { file: panel.source } : {}),
          ...(panel.sourceRow ? { row: panel.sourceRow[i] } : {}),
          column: name,
          message: bi(
            `${panel.unit[i]}（${String(panel.time[i])}）没有得分 "${name}"`,
            `${panel.unit[i]} (${String(panel.time[i])}) has no score "${name}"`,
          ),
          fix: bi(
            '先对同一数据（相同的单位与时期）运行测度，或改用数据中的列',
            'evaluate the same data (same units and times) first, or use a column of the data',
          ),
        });
      col[i] = v;
    }
    columns[name] = col;
  }
  return { ...panel, columns };
}

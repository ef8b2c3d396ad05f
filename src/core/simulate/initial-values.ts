/**
 * Initial values of a model's stocks from measured data: a firm's
 * self-assessment (core/assess, path scores 0–100) or the node scores of an
 * index (core/measure, one unit and time). The value used is score / 100 for
 * an assessment and score / score.scale for an index, so both land on the
 * 0–1 capability scale of the seed-000 model; nothing is clipped or filled:
 * a path that is incomplete or not applicable, a unit-time absent from the
 * index, or a value outside the accepted range is an error that names it.
 *
 * @example initialFromAssessment(scores).set // { quality_efficiency_capability: "0.62", ... }
 */
import type { AssessmentScores } from '../assess/score.ts';
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { EvaluationResult } from '../measure/result.ts';

/** Seed 000's three paths and the stocks of the shipped seed-000 model that stand for them. */
export const SEED000_PATH_STOCKS: Record<string, string> = {
  's000.path.quality-efficiency': 'quality_efficiency_capability',
  's000.path.cooperation': 'cooperation_capability',
  's000.path.innovation': 'innovation_capability',
};

export interface InitialValues {
  /** Stock name → initial value as an equation (a number written in full precision). */
  set: Record<string, string>;
  /** Where each value came from. */
  sources: Array<{ stock: string; node: string; score: number; value: number }>;
}

function fail(problems: Problem[]): never {
  throw new XinzhiError(problems);
}

/**
 * The three path capabilities of the seed-000 model from a self-assessment:
 * path score / 100 (assessment scores are 0–100).
 */
export function initialFromAssessment(
  scores: AssessmentScores,
  map: Record<string, string> = SEED000_PATH_STOCKS,
): InitialValues {
  const set: Record<string, string> = {};
  const sources: InitialValues['sources'] = [];
  const problems: Problem[] = [];
  for (const [node, stock] of Object.entries(map)) {
    const s = scores.nodes[node];
    if (!s || s.score === null) {
      problems.push({
        code: 'initial-missing',
        severity: 'error',
        column: node,
        message: bi(
          `自评中路径 ${node} 没有得分（${s ? s.status : '不在问卷中'}），无法作为 ${stock} 的初值`,
          `path ${node} has no score in the self-assessment (${s ? s.status : 'not in the instrument'}), so it cannot set ${stock}`,
        ),
        fix: bi(
          `回答该路径的全部题目，或用 --set ${stock}=数值 直接给出初值`,
          `answer every item of that path, or give the value with --set ${stock}=value`,
        ),
      });
      continue;
    }
    const value = s.score / 100;
    set[stock] = String(value);
    sources.push({ stock, node, score: s.score, value });
  }
  if (problems.length) fail(problems);
  return { set, sources };
}

/**
 * Stocks from the node scores of an index result for one unit and time:
 * score / score.scale; accepted in [0, 1 + shift] (min-max with a shift puts
 * scores up to 1 + shift).
 *
 * @example initialFromIndex(result, { unit: 'Beijing', time: 2022, map: { quality_efficiency_capability: 'means' } })
 */
export function initialFromIndex(
  result: Pick<EvaluationResult, 'nodeScores'> & {
    record: { spec: { score: { scale: number }; normalize: { method: string; shift: number } } };
  },
  opts: { unit: string; time: string | number | null; map: Record<string, string> },
): InitialValues {
  const scale = result.record.spec.score.scale || 1;
  const shift = result.record.spec.normalize.method === 'minmax' ? result.record.spec.normalize.shift : 0;
  const top = 1 + shift;
  const set: Record<string, string> = {};
  const sources: InitialValues['sources'] = [];
  const problems: Problem[] = [];
  const sameTime = (t: unknown) => opts.time === null || String(t) === String(opts.time);
  for (const [stock, node] of Object.entries(opts.map)) {
    const row = result.nodeScores.find((r) => r.node === node && r.unit === opts.unit && sameTime(r.time));
    if (!row) {
      const known = [...new Set(result.nodeScores.map((r) => r.node))];
      problems.push({
        code: 'initial-missing',
        severity: 'error',
        unit: opts.unit,
        ...(opts.time !== null ? { time: opts.time } : {}),
        column: node,
        message: bi(
          `指数结果中没有 ${opts.unit}${opts.time !== null ? ` ${opts.time}` : ''} 的节点 ${node} 得分`,
          `the index result has no score of node ${node} for ${opts.unit}${opts.time !== null ? ` ${opts.time}` : ''}`,
        ),
        fix: bi(
          `节点可选：${known.join(', ')}；并检查单位与时间`,
          `nodes: ${known.join(', ')}; check the unit and time too`,
        ),
      });
      continue;
    }
    const value = row.score / scale;
    if (!(value >= 0 && value <= top * (1 + 1e-12))) {
      problems.push({
        code: 'initial-range',
        severity: 'error',
        unit: opts.unit,
        column: node,
        message: bi(
          `节点 ${node} 的得分折算为 ${value}，不在 [0, ${top}] 内，不能作为能力存量的初值`,
          `node ${node}'s score comes to ${value}, outside [0, ${top}], so it cannot start a capability stock`,
        ),
        fix: bi('用 min-max 标准化的指数，或用 --set 给出初值', 'use a min-max index, or give the value with --set'),
      });
      continue;
    }
    set[stock] = String(value);
    sources.push({ stock, node, score: row.score, value });
  }
  if (problems.length) fail(problems);
  return { set, sources };
}

/**
 * Estimation in the web app: the loaded table read as the panel a model needs
 * (the same tableToPanel the CLI's readPanelFile uses), the current
 * evaluation's scores joined as `score:<node>` columns, then the core's
 * runEstimate. The view only formats what this returns.
 */
import { type DescribeResult, describe } from '../../core/analysis/describe.ts';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { checkEstimateModel, type EstimateModelInput } from '../../core/estimate/model.ts';
import { type EstimateResult, modelColumns, runEstimate } from '../../core/estimate/run.ts';
import { isScoreColumn, joinScores, type ScoreVariable, scoreVariables } from '../../core/estimate/score-columns.ts';
import type { EvaluationResult } from '../../core/measure/result.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import type { RawTable } from '../../core/panel/raw-table.ts';
import type { Roles } from './session.ts';

/** A model as the view builds it: unit and time come from the data's roles. */
export type EstimateRequest = Omit<EstimateModelInput, 'unit' | 'time'>;

export interface EstimateOutput {
  result: EstimateResult;
  unit: string;
  time: string;
  /** Score columns offered by the current evaluation (empty without one). */
  scores: ScoreVariable[];
  /** Descriptive statistics and correlations of the model's variables on the rows read (the paper's first table). */
  describe: DescribeResult;
}

/** Unit and time columns: those of the evaluation, else the roles chosen on the data page. */
function unitTime(roles: Roles | undefined, result: EvaluationResult | undefined): { unit: string; time: string } {
  const spec = result?.record.spec;
  const unit = spec?.unit ?? roles?.unit;
  const time = spec?.time ?? roles?.time;
  if (!unit || !time)
    throw new XinzhiError({
      code: 'estimate-roles',
      severity: 'error',
      message: bi(
        '回归需要面板数据：尚未指定单位列和时间列',
        'a regression needs panel data: no unit and time columns are set',
      ),
      fix: bi('在“数据”页选择单位列和时间列', 'choose the unit and time columns on the Data page'),
    });
  return { unit, time };
}

export function estimateOnTable(
  table: RawTable,
  ctx: {
    roles?: Roles;
    result?: EvaluationResult;
    layout: { shape?: 'wide' | 'long'; indicator?: string; value?: string };
    req: EstimateRequest;
  },
): EstimateOutput {
  const { unit, time } = unitTime(ctx.roles, ctx.result);
  const model = checkEstimateModel({ ...ctx.req, unit, time }, '', 'model');
  const { numeric, labels } = modelColumns(model);
  const read = tableToPanel(table, {
    unit,
    time,
    columns: numeric.filter((c) => !isScoreColumn(c)),
    labels,
    ...ctx.layout,
  });
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new XinzhiError(errors);
  const scored = numeric.filter(isScoreColumn);
  if (scored.length && !ctx.result)
    throw new XinzhiError({
      code: 'estimate-no-result',
      severity: 'error',
      column: scored[0],
      message: bi('模型用到了指数得分，但尚无测度结果', 'the model uses index scores but there is no evaluation yet'),
      fix: bi('先运行测度，或改用数据中的列', 'run the evaluation first, or use columns of the data'),
    });
  const panel = ctx.result ? joinScores(read.panel, ctx.result, scored) : read.panel;
  const used = numeric.filter((c, i) => numeric.indexOf(c) === i);
  return {
    result: runEstimate(panel, [model]),
    describe: describe(Object.fromEntries(used.map((c) => [c, panel.columns[c]])), { time: panel.time }),
    unit,
    time,
    scores: ctx.result ? scoreVariables(ctx.result) : [],
  };
}

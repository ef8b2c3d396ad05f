/**
 * Estimation in the web app: the loaded table read as the panel a model needs
 * (the same tableToPanel the CLI's readPanelFile uses), the current
 * evaluation's scores joined as `score:<node>` columns, then the core's
 * runEstimate. Spatial models get their weights from the core's modelWeights
 * with the province boundaries the app loaded (queen, rook, knn, idw) or the
 * uploaded edge list (`"weights": "file"`), as `xinzhi estimate` builds them
 * from the same boundaries. The view only formats what this returns.
 */
import { type DescribeResult, describe } from '../../core/analysis/describe.ts';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { checkEstimateModel, type EstimateModel, type EstimateModelInput } from '../../core/estimate/model.ts';
import { type EstimateResult, modelColumns, runEstimate, runEstimateAsync } from '../../core/estimate/run.ts';
import type { EstimateContext } from '../../core/estimate/run-sdm.ts';
import type { ComputePools } from './compute-pool.ts';
import type { Edge } from '../../core/analysis/spatial-weights.ts';
import { modelWeightsContext, spatialColumns } from '../../core/estimate/model-weights.ts';
import { provinceShapes } from '../../core/geo/province-shapes.ts';
import { isScoreColumn, joinScores, type ScoreVariable, scoreVariables } from '../../core/estimate/score-columns.ts';
import type { EvaluationResult } from '../../core/measure/result.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import type { RawTable } from '../../core/panel/raw-table.ts';
import type { Panel } from '../../core/panel/types.ts';
import type { Roles } from './session.ts';

/**
 * A model as the view builds it: unit and time come from the data's roles;
 * `"weights": "file"` stands for the edge list uploaded on the page.
 */
export type EstimateRequest = Omit<EstimateModelInput, 'unit' | 'time'>;

/** What spatial models may be built from: the province boundaries the app loaded, the uploaded edge list. */
export interface EstimateSpatialSources {
  geojson?: unknown;
  weightsFile?: { name: string; edges: ReadonlyArray<Edge> };
}

export interface EstimateOutput {
  result: EstimateResult;
  unit: string;
  time: string;
  /** Score columns offered by the current evaluation (empty without one). */
  scores: ScoreVariable[];
  /** Descriptive statistics and correlations of the model's variables on the rows read (the paper's first table). */
  describe: DescribeResult;
  /** Web Workers that computed the draws at once, when more than the app's one. */
  threads?: number;
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

/** What an estimation on a table needs besides the table. */
export interface EstimateContextOnTable {
  roles?: Roles;
  result?: EvaluationResult;
  layout: { shape?: 'wide' | 'long'; indicator?: string; value?: string };
  req: EstimateRequest;
  spatial?: EstimateSpatialSources;
}

/** The estimation page's model on the table (the core's runEstimate). */
export function estimateOnTable(table: RawTable, ctx: EstimateContextOnTable): EstimateOutput {
  const { run, ...rest } = estimateInput(table, ctx);
  return { result: runEstimate(...run), ...rest };
}

/** estimateOnTable with the model's draws spread by `parallel` (the app's worker: compute workers): the same result. */
export async function estimateOnTableAsync(
  table: RawTable,
  ctx: EstimateContextOnTable,
  parallel: ComputePools['estimate'],
): Promise<EstimateOutput> {
  const { run, ...rest } = estimateInput(table, ctx);
  return { result: await runEstimateAsync(...run, parallel), ...rest };
}

/** The model checked, its panel read (scores joined) and described: runEstimate's arguments and the rest of the output. */
function estimateInput(
  table: RawTable,
  ctx: EstimateContextOnTable,
): Omit<EstimateOutput, 'result'> & { run: [Panel, EstimateModel[], EstimateContext] } {
  const { unit, time } = unitTime(ctx.roles, ctx.result);
  const file = ctx.req.weights === 'file' ? uploadedWeights(ctx.spatial) : undefined;
  const model = checkEstimateModel(
    { ...ctx.req, unit, time, ...(file ? { weights: `file:${file.name}` } : {}) },
    '',
    'model',
  );
  const columns = modelColumns(model);
  const numeric = [...new Set([...columns.numeric, ...spatialColumns(model)])];
  const labels = columns.labels.filter((c) => !numeric.includes(c));
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
    run: [panel, [model], spatialContext(panel, model, ctx.spatial ?? {})],
    describe: describe(Object.fromEntries(used.map((c) => [c, panel.columns[c]])), { time: panel.time }),
    unit,
    time,
    scores: ctx.result ? scoreVariables(ctx.result) : [],
  };
}

/** The uploaded edge list, or an error saying to upload one. */
function uploadedWeights(sources: EstimateSpatialSources | undefined): { name: string; edges: ReadonlyArray<Edge> } {
  if (sources?.weightsFile) return sources.weightsFile;
  throw new XinzhiError({
    code: 'no-weights-file',
    severity: 'error',
    column: 'weights',
    message: bi('尚未上传空间权重文件', 'no spatial weights file has been uploaded'),
    fix: bi(
      '上传边列表（from,to[,weight]），或选择邻接、近邻、距离权重',
      'upload an edge list (from,to[,weight]), or choose contiguity, nearest-neighbour or distance weights',
    ),
  });
}

/** The weights of a spatial model from the loaded boundaries or the uploaded edge list (the CLI reads files instead). */
function spatialContext(panel: Panel, model: EstimateModel, sources: EstimateSpatialSources) {
  if (!model.spatial) return {};
  return modelWeightsContext(panel, [model], {
    shapes: (units) => {
      if (sources.geojson === undefined)
        throw new XinzhiError({
          code: 'no-geo',
          severity: 'error',
          column: 'weights',
          message: bi(
            '省级边界尚未加载，无法构建空间权重',
            'the province boundaries are not loaded, so the weights cannot be built',
          ),
          fix: bi('稍候重试，或上传空间权重边列表', 'try again in a moment, or upload a weights edge list'),
        });
      return provinceShapes(units, sources.geojson);
    },
    edges: () => {
      const f = uploadedWeights(sources);
      return { edges: f.edges, source: f.name };
    },
  });
}

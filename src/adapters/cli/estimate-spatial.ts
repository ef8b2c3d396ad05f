/**
 * `xinzhi estimate` for the spatial panel models (sdm / sar / sem): the weights
 * of each model are built here at the adapter edge (boundary or edge-list files
 * read by io/spatial.ts, raw weights passed to the pure core), and the results
 * are formatted: a regression-table column, the impacts, the tests.
 */
import type { Lang } from '../../core/i18n.ts';
import { basename } from 'node:path';
import type { Edge } from '../../core/analysis/spatial-weights.ts';
import { needsShapes, parseWeightsSpec } from '../../core/analysis/weights-spec.ts';
import { modelWeightsContext } from '../../core/estimate/model-weights.ts';
import type { SpatialSpec } from '../../core/estimate/sdm-model.ts';
import type { MultiPolygonRings } from '../../core/geo/geometry.ts';
import type { FeResult } from '../../core/estimate/fe.ts';
import type { EstimateModel } from '../../core/estimate/model.ts';
import type { EstimateResult } from '../../core/estimate/run.ts';
import type { EstimateContext, SpatialModelResult } from '../../core/estimate/run-sdm.ts';
import type { Panel } from '../../core/panel/types.ts';
import { stars } from '../../core/stats/stars.ts';
import { readEdgeList, shapesForUnits } from '../io/spatial.ts';
import { textTable } from './analyze/input.ts';

/** Whether a model result is a spatial panel model. */
export const isSpatial = (m: { type: string }): m is SpatialModelResult =>
  m.type === 'sdm' || m.type === 'sar' || m.type === 'sem';

export { spatialColumns } from '../../core/estimate/model-weights.ts';

/**
 * The weights of every spatial model over the panel's units: the boundary
 * and edge-list files are read here, the matrix is built by the core's
 * modelWeights (the web app passes its own boundaries to the same function).
 */
export async function spatialContext(panel: Panel, models: EstimateModel[]): Promise<EstimateContext> {
  const units = [...new Set(panel.unit)];
  const shapes = new Map<string, MultiPolygonRings[]>();
  const edges = new Map<string, Edge[]>();
  const shapeKey = (s: SpatialSpec) => JSON.stringify([s.geo ?? null, s.geoKey ?? null]);
  for (const m of models) {
    if (!m.spatial) continue;
    const spec = parseWeightsSpec(m.spatial.weights);
    const k = shapeKey(m.spatial);
    if (needsShapes(spec) && !shapes.has(k))
      shapes.set(k, await shapesForUnits(units, m.spatial.geo, m.spatial.geoKey));
    if (spec.kind === 'file' && !edges.has(spec.path)) edges.set(spec.path, await readEdgeList(spec.path));
  }
  return modelWeightsContext(panel, models, {
    shapes: (_units, s) => shapes.get(shapeKey(s))!,
    edges: (path) => ({ edges: edges.get(path)!, source: basename(path) }),
  });
}

/** A spatial model as a column of the regression table: β, θ (W*x) and ρ / λ, z in place of t. */
export function spatialTableColumn(m: SpatialModelResult, lang: Lang) {
  const zt = (r: { estimate: number; se: number; z: number; p: number }) => ({ ...r, t: r.z });
  const coefficients = Object.fromEntries([
    ...Object.entries(m.coefficients).map(([k, r]) => [k, zt(r)] as const),
    ...(m.rho ? [['rho', zt(m.rho)] as const] : []),
    ...(m.lambda ? [['lambda', zt(m.lambda)] as const] : []),
  ]);
  const fit = {
    type: 'fe',
    coefficients,
    n: m.n,
    r2Within: Number.NaN,
    fe: m.model.fe,
    options: {
      se:
        lang === 'zh'
          ? `极大似然（${m.options.info === 'observed' ? '观测' : '期望'}信息矩阵）`
          : `ML (${m.options.info} information)`,
      preset: 'stata',
      dropSingletons: false,
    },
  } as unknown as FeResult;
  const label = `${m.y} (${m.type.toUpperCase()}${lang === 'zh' ? '，极大似然' : ', ML'})`;
  return [{ label, fit, cluster: null }];
}

/** Per spatial model: the variant, the impacts with simulated standard errors, and the tests. */
export function spatialLines(res: EstimateResult, lang: Lang): string[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '—');
  const out: string[] = [];
  for (const m of res.models) {
    if (!isSpatial(m)) continue;
    const fe = { unit: L('个体', 'unit'), time: L('时间', 'time'), both: L('双向', 'two-way') }[m.fe];
    out.push(
      L(
        `${m.name}：${m.type.toUpperCase()} 空间面板模型，${fe}固定效应，极大似然（组内变换后取空间滞后，特征值对数行列式），${m.units} 个单位 × ${m.periods} 期，空间权重 ${m.model.spatial!.weights}（行标准化），ρ 搜索区间 (${f(m.interval[0])}, ${f(m.interval[1])})；标准误：${m.options.info === 'observed' ? '观测信息矩阵' : '期望信息矩阵'}${m.options.correction === 'lee-yu' ? '；Lee–Yu (2010) 偏差校正' : ''}；对数似然 ${m.logLik.toFixed(3)}，σ² = ${m.sigma2.toPrecision(5)}。`,
        `${m.name}: ${m.type.toUpperCase()} spatial panel model, ${fe} fixed effects, maximum likelihood (spatial lags of the within-transformed data, log-determinant from eigenvalues), ${m.units} units × ${m.periods} periods, weights ${m.model.spatial!.weights} (row-standardised), ρ searched on (${f(m.interval[0])}, ${f(m.interval[1])}); standard errors: ${m.options.info} information${m.options.correction === 'lee-yu' ? '; Lee–Yu (2010) bias correction' : ''}; log-likelihood ${m.logLik.toFixed(3)}, σ² = ${m.sigma2.toPrecision(5)}.`,
      ),
    );
    if (m.impacts) {
      const cell = (r: { estimate: number; se: number; p: number }) => `${f(r.estimate)}${stars(r.p)} (${f(r.se)})`;
      out.push(
        textTable(
          [
            L('效应分解', 'Impacts'),
            L('直接效应', 'Direct'),
            L('间接效应（溢出）', 'Indirect (spillover)'),
            L('总效应', 'Total'),
          ],
          Object.keys(m.impacts.direct).map((k) => [
            k,
            cell(m.impacts!.direct[k]),
            cell(m.impacts!.indirect[k]),
            cell(m.impacts!.total[k]),
          ]),
        ),
      );
      out.push(
        L(
          `效应为精确值 (I − ρW)⁻¹(βI + θW)（LeSage & Pace 2009），括号内标准误由参数渐近分布模拟 ${m.impacts.draws} 次（种子 ${m.impacts.seed}）。`,
          `Exact impacts (I − ρW)⁻¹(βI + θW) (LeSage & Pace 2009); standard errors in parentheses from ${m.impacts.draws} draws of the parameters' asymptotic distribution (seed ${m.impacts.seed}).`,
        ),
      );
    }
    const t = m.tests;
    const row = (label: string, r?: { statistic: number; df: number; p: number }) =>
      r ? [[label, r.statistic.toFixed(3), String(r.df), r.p.toFixed(4)]] : [];
    out.push(
      textTable(
        [L('检验', 'Test'), L('统计量', 'Statistic'), 'df', 'p'],
        [
          ...row(L('LM 滞后（非空间 FE 模型）', 'LM lag (non-spatial FE model)'), t.lmLag),
          ...row(L('稳健 LM 滞后', 'Robust LM lag'), t.robustLmLag),
          ...row(L('LM 误差', 'LM error'), t.lmError),
          ...row(L('稳健 LM 误差', 'Robust LM error'), t.robustLmError),
          ...row(L('LR：SDM 退化为 SAR（θ = 0）', 'LR: SDM → SAR (θ = 0)'), t.lrSar),
          ...row(L('Wald：SDM 退化为 SAR（θ = 0）', 'Wald: SDM → SAR (θ = 0)'), t.waldSar),
          ...row(L('LR：SDM 退化为 SEM（θ + ρβ = 0）', 'LR: SDM → SEM (θ + ρβ = 0)'), t.lrSem),
          ...row(L('Wald：SDM 退化为 SEM（θ + ρβ = 0）', 'Wald: SDM → SEM (θ + ρβ = 0)'), t.waldSem),
        ],
      ),
    );
  }
  return out;
}

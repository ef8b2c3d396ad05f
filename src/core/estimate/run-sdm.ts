/**
 * Runs a spatial panel model of a model file (sdm.ts) on a panel with the
 * weights the caller built (the adapters read boundary and edge-list files),
 * and writes its interpretation sentence.
 *
 * @example runSpatial(panel, model, { weights: () => queenWeights }).impacts?.indirect
 */
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { SpatialWeights } from '../analysis/spatial-weights.ts';
import type { Panel } from '../panel/types.ts';
import type { EstimateModel } from './model.ts';
import type { ModelCommon } from './model-common.ts';
import { estimateSpatialPanel, type SpatialPanelResult } from './sdm.ts';

/** What the runner needs from outside the core: the raw weights of a model (over the panel's units). */
export interface EstimateContext {
  weights?: (model: EstimateModel) => SpatialWeights;
  /** a·b of a mediation model's bootstrap draws computed elsewhere (runEstimateAsync: several threads). */
  mediationDraws?: Map<EstimateModel, Float64Array>;
  /** A DID model's placebo estimates computed elsewhere (runEstimateAsync: several threads). */
  placeboEstimates?: Map<EstimateModel, number[]>;
  /** b₂ − b₁ of a heterogeneity model's permutation draws computed elsewhere (runEstimateAsync: several threads). */
  permutationDifferences?: Map<EstimateModel, number[]>;
}

export type SpatialModelResult = SpatialPanelResult & ModelCommon;

export function runSpatial(panel: Panel, m: EstimateModel, context: EstimateContext): SpatialModelResult {
  const spec = m.spatial!;
  if (!context.weights)
    throw new XinzhiError({
      code: 'estimate-weights',
      severity: 'error',
      message: bi('空间模型需要空间权重，但未提供', 'a spatial model needs spatial weights, and none were given'),
      fix: bi('在模型文件中写 "weights"', 'set "weights" in the model file'),
    });
  const x = [...m.x, ...m.controls];
  const col = (c: string) => {
    const v = panel.columns[c];
    if (!v)
      throw new XinzhiError({
        code: 'estimate-column',
        severity: 'error',
        ...(panel.source ? { file: panel.source } : {}),
        column: c,
        message: bi(`数据中没有列 "${c}"`, `the data have no column "${c}"`),
        fix: bi('核对模型文件中的列名', 'check the column names in the model file'),
      });
    return v;
  };
  const r = estimateSpatialPanel(
    {
      y: col(m.y),
      x: Object.fromEntries(x.map((c) => [c, col(c)])),
      unit: panel.unit,
      time: panel.time,
      weights: context.weights(m),
      ...(panel.source ? { source: panel.source } : {}),
    },
    {
      type: m.type as SpatialPanelResult['type'],
      fe: spec.fe,
      info: spec.info,
      correction: spec.correction,
      draws: spec.draws,
      seed: spec.seed,
    },
  );
  return { ...r, name: m.name, y: m.y, model: m, interpretation: interpretSpatial(r, m.x[0], m.y) };
}

const sig = (p: number) => (p < 0.01 ? 1 : p < 0.05 ? 5 : p < 0.1 ? 10 : 0);

/** One sentence: the spatial parameter, then the direct and indirect (spillover) effects of the lead regressor. */
export function interpretSpatial(r: SpatialPanelResult, lead: string, y: string): Bilingual {
  const g = (v: number) => v.toPrecision(4);
  const level = (p: number, zh: boolean) => {
    // a missing p (singular information matrix, too few observations) gives no verdict
    if (!Number.isFinite(p))
      return zh ? '标准误无法计算，不做显著性判断' : 'no standard error, so no verdict on significance';
    const s = sig(p);
    return s ? (zh ? `在 ${s}% 水平上显著` : `significant at ${s}%`) : zh ? '不显著' : 'not significant';
  };
  if (r.type === 'sem') {
    const l = r.lambda!;
    const b = r.coefficients[lead];
    return bi(
      `误差项的空间相关系数 λ = ${g(l.estimate)}（${level(l.p, true)}）；${lead} 的系数为 ${g(b.estimate)}（${level(b.p, true)}${Number.isFinite(b.p) ? `，p = ${b.p.toPrecision(3)}` : ''}）。`,
      `The spatial error parameter is λ = ${g(l.estimate)} (${level(l.p, false)}); the coefficient of ${lead} is ${g(b.estimate)} (${level(b.p, false)}${Number.isFinite(b.p) ? `, p = ${b.p.toPrecision(3)}` : ''}).`,
    );
  }
  const rho = r.rho!;
  const d = r.impacts!.direct[lead];
  const ind = r.impacts!.indirect[lead];
  return bi(
    `${y} 的空间自回归系数 ρ = ${g(rho.estimate)}（${level(rho.p, true)}）。${lead} 的直接效应（本地区 ${lead} 增加 1 个单位对本地区 ${y} 的平均影响）为 ${g(d.estimate)}（${level(d.p, true)}）；间接效应（空间溢出，对其他地区 ${y} 的影响之和）为 ${g(ind.estimate)}（${level(ind.p, true)}）。`,
    `The spatial autoregressive parameter of ${y} is ρ = ${g(rho.estimate)} (${level(rho.p, false)}). The direct effect of ${lead} (one more unit in a region on its own ${y}, on average) is ${g(d.estimate)} (${level(d.p, false)}); the indirect (spillover) effect, summed over the other regions' ${y}, is ${g(ind.estimate)} (${level(ind.p, false)}).`,
  );
}

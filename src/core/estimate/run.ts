/**
 * Runs the models of a model file on a panel: one results object per model
 * (carrying the options used) that the CLI, reports and the web app format.
 * Missing values in a used column are an error naming the row, never dropped.
 *
 * @example runEstimate(panel, checkEstimateModels(json)).models[0].coefficients.capital.se
 */
import { type Problem, XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { cellWhere } from '../panel/problems.ts';
import type { Panel } from '../panel/types.ts';
import { estimateFe, type FeResult } from './fe.ts';
import type { EstimateModel } from './model.ts';

export interface EstimateModelResult extends FeResult {
  name: string;
  y: string;
  model: EstimateModel;
  /** One plain sentence per model on the first regressor (bilingual). */
  interpretation: { zh: string; en: string };
}

export interface EstimateResult {
  models: EstimateModelResult[];
}

/** Columns a model needs as numbers (y, x, controls) and as labels (fixed effects and cluster other than unit / time). */
export function modelColumns(m: EstimateModel): { numeric: string[]; labels: string[] } {
  const labels = [...m.fe, ...(m.cluster ? [m.cluster] : [])].filter((c) => c !== m.unit && c !== m.time);
  return { numeric: [m.y, ...m.x, ...m.controls], labels: [...new Set(labels)] };
}

function column(panel: Panel, name: string): ArrayLike<string | number> {
  if (name === panel.unitKey) return panel.unit;
  if (name === panel.timeKey) return panel.time;
  const l = panel.labels?.[name];
  if (l) return l;
  const c = panel.columns[name];
  if (c) return c;
  throw new XinzhiError({
    code: 'estimate-column',
    severity: 'error',
    ...(panel.source ? { file: panel.source } : {}),
    column: name,
    message: bi(`数据中没有列 "${name}"`, `the data have no column "${name}"`),
    fix: bi('核对模型文件中的列名', 'check the column names in the model file'),
  });
}

export function runEstimate(panel: Panel, models: EstimateModel[]): EstimateResult {
  const out: EstimateModelResult[] = models.map((m) => {
    const problems: Problem[] = [];
    for (const c of [m.y, ...m.x, ...m.controls]) {
      const v = panel.columns[c];
      if (!v) continue;
      for (let r = 0; r < v.length; r++) {
        if (!Number.isFinite(v[r])) {
          problems.push({
            ...cellWhere(panel, r, c),
            code: 'estimate-missing',
            severity: 'error',
            message: bi('回归变量缺失或不是有限数值', 'a regression variable is missing or not a finite number'),
            fix: bi(
              '补齐该单元格，或在数据中删去该行（估计不会悄悄丢弃观测）',
              'fill the cell, or delete the row in the data (estimation never drops observations silently)',
            ),
          });
        }
      }
    }
    if (problems.length) throw new XinzhiError(problems.slice(0, 50));
    const x: Record<string, ArrayLike<number>> = {};
    for (const t of [...m.x, ...m.controls]) x[t] = column(panel, t) as ArrayLike<number>;
    const fe: Record<string, ArrayLike<string | number>> = {};
    for (const f of m.fe) fe[f] = column(panel, f);
    const fit = estimateFe(
      {
        y: column(panel, m.y) as ArrayLike<number>,
        x,
        fe,
        ...(m.cluster ? { cluster: column(panel, m.cluster) } : {}),
      },
      { se: m.se, preset: m.preset, dropSingletons: m.dropSingletons },
    );
    const lead = m.x[0];
    const c = fit.coefficients[lead];
    const stars = c.p < 0.01 ? 1 : c.p < 0.05 ? 5 : c.p < 0.1 ? 10 : 0;
    const dir = c.estimate > 0;
    const interpretation = stars
      ? bi(
          `控制其他变量和固定效应后，${lead} 每增加 1 个单位，${m.y} 平均${dir ? '增加' : '减少'} ${Math.abs(c.estimate).toPrecision(4)}（在 ${stars}% 水平上显著，p = ${c.p.toPrecision(3)}）。`,
          `Holding the other regressors and the fixed effects fixed, one more unit of ${lead} goes with ${Math.abs(c.estimate).toPrecision(4)} ${dir ? 'more' : 'less'} ${m.y} on average (significant at ${stars}%, p = ${c.p.toPrecision(3)}).`,
        )
      : bi(
          `${lead} 对 ${m.y} 的系数为 ${c.estimate.toPrecision(4)}，在 10% 水平上不显著（p = ${c.p.toPrecision(3)}），不能据此认为存在影响。`,
          `The coefficient of ${lead} on ${m.y} is ${c.estimate.toPrecision(4)} and not significant at 10% (p = ${c.p.toPrecision(3)}): the data do not show an effect.`,
        );
    return { ...fit, name: m.name, y: m.y, model: m, interpretation };
  });
  return { models: out };
}

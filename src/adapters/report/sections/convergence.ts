/**
 * Report section: σ-convergence lines (standard deviation and coefficient of
 * variation per time) and a β-convergence table (one column per model).
 */
import type { BetaResult, SigmaResult } from '../../../core/analysis/convergence.ts';
import { bi, type Lang } from '../../../core/i18n.ts';
import { chartFigure } from '../charts.ts';
import type { ReportSection } from '../html.ts';
import { paragraph } from '../markup.ts';
import { threeLineTable, type TableCell } from '../tables.ts';
import { timeLinesChart } from './gini.ts';
import { stars } from '../../../core/stats/stars.ts';

/** The convergence section. */
export function convergenceSection(opts: {
  lang: Lang;
  sigma?: SigmaResult;
  beta?: BetaResult[];
  value?: string;
  id?: string;
}): ReportSection {
  const lang = opts.lang;
  const parts: string[] = [];
  if (opts.sigma) {
    const s = opts.sigma;
    parts.push(
      chartFigure(
        timeLinesChart(
          s.rows.map((r) => r.time),
          [
            { name: bi('标准差', 'standard deviation'), values: s.rows.map((r) => r.sd) },
            { name: bi('变异系数', 'coefficient of variation'), values: s.rows.map((r) => r.cv) },
          ],
          { lang, idPrefix: 'sigma-lines' },
        ),
        {
          lang,
          id: 'sigma-figure',
          caption: bi('σ 收敛', 'σ-convergence'),
          note: bi(
            `标准差趋势斜率 ${s.slopeSd.toPrecision(3)}，变异系数趋势斜率 ${s.slopeCv.toPrecision(3)}；负值表示离散程度下降。`,
            `Slope of sd ${s.slopeSd.toPrecision(3)}, of CV ${s.slopeCv.toPrecision(3)}; negative means shrinking dispersion.`,
          ),
        },
      ),
    );
  }
  if (opts.beta?.length) {
    const models = opts.beta;
    const names = [...new Set(models.flatMap((m) => m.regression.coefficients.map((c) => c.name)))];
    const rows: TableCell[][] = [];
    for (const n of names) {
      rows.push([
        n,
        ...models.map((m) => {
          const c = m.regression.coefficients.find((x) => x.name === n);
          return c ? `${c.estimate.toFixed(4)}${stars(c.p)}` : '';
        }),
      ]);
      rows.push([
        '',
        ...models.map((m) => {
          const c = m.regression.coefficients.find((x) => x.name === n);
          return c ? `(${c.se.toFixed(4)})` : '';
        }),
      ]);
    }
    rows.push([lang === 'zh' ? '收敛速度 λ' : 'speed λ', ...models.map((m) => m.speed.toFixed(4))]);
    rows.push([lang === 'zh' ? '半衰期' : 'half-life', ...models.map((m) => m.halfLife.toFixed(2))]);
    rows.push(['R²', ...models.map((m) => m.regression.rSquared.toFixed(4))]);
    rows.push(['N', ...models.map((m) => String(m.regression.n))]);
    parts.push(
      threeLineTable({
        lang,
        id: 'beta-table',
        caption: bi('β 收敛回归', 'β-convergence regressions'),
        columns: [
          { header: bi('变量', 'Term') },
          ...models.map((m, i) => ({
            header: bi(
              `(${i + 1}) ${m.type === 'absolute' ? '绝对' : '条件'}·${m.model === 'pooled' ? '混合' : '双向固定'}`,
              `(${i + 1}) ${m.type}, ${m.model}`,
            ),
          })),
        ],
        rows,
        note: bi(
          '括号内为按单位聚类的稳健标准误（CR1）；*** p<0.01，** p<0.05，* p<0.1。',
          'Cluster-robust standard errors by unit (CR1) in parentheses; *** p<0.01, ** p<0.05, * p<0.1.',
        ),
      }),
    );
  }
  parts.unshift(
    paragraph(
      bi(
        'σ 收敛看离散程度是否随时间下降；β 收敛看初始水平低的单位是否增长更快（β < 0）。',
        'σ-convergence asks whether dispersion falls over time; β-convergence whether units starting lower grow faster (β < 0).',
      ),
      lang,
    ),
  );
  return { id: opts.id ?? 'convergence', title: bi('收敛分析', 'Convergence'), html: parts.join('\n') };
}

/**
 * Report section: Markov transition probability matrices as three-line
 * tables — the classic chain and, for a spatial chain, one matrix per
 * neighbours' class — with the steady state and the homogeneity test.
 */
import type { MarkovResult, SpatialMarkovResult } from '../../../core/analysis/markov.ts';
import { bi, type Bilingual, type Lang } from '../../../core/i18n.ts';
import type { ReportSection } from '../html.ts';
import { paragraph } from '../markup.ts';
import { threeLineTable, type TableCell } from '../tables.ts';

function matrixTable(m: MarkovResult, caption: Bilingual, lang: Lang, id: string): string {
  const cls = Array.from({ length: m.k }, (_, i) => String(i + 1));
  const rows: TableCell[][] = m.probabilities.map((row, i) => [cls[i], m.origins[i], ...row]);
  if (m.steady.distribution) rows.push([lang === 'zh' ? '稳态' : 'steady state', null, ...m.steady.distribution]);
  return threeLineTable({
    lang,
    id,
    caption,
    columns: [
      { header: bi('t \\ t+1', 't \\ t+1') },
      { header: bi('n', 'n'), kind: 'integer' },
      ...cls.map((c) => ({ header: bi(c, c), kind: 'number' as const })),
    ],
    rows,
    note: m.steady.distribution
      ? undefined
      : bi('稳态分布不唯一（存在多个闭类）。', 'The steady state is not unique (several closed classes).'),
  });
}

/** The Markov section (classic, or spatial with its conditional matrices). */
export function markovSection(
  result: MarkovResult | SpatialMarkovResult,
  opts: { lang: Lang; value?: string; id?: string },
): ReportSection {
  const lang = opts.lang;
  const spatial = 'conditional' in result ? result : null;
  const classic = spatial ? spatial.classic : (result as MarkovResult);
  const parts = [
    paragraph(
      bi(
        `按分位数划分为 ${classic.k} 类（1 为最低）；表中为一期后转移到各类的概率。`,
        `Values are split into ${classic.k} quantile classes (1 = lowest); cells are the probabilities of moving to each class one step later.`,
      ),
      lang,
    ),
    matrixTable(
      classic,
      bi('传统马尔可夫转移概率矩阵', 'Classic Markov transition probabilities'),
      lang,
      'markov-classic',
    ),
  ];
  if (spatial) {
    spatial.conditional.forEach((c, l) =>
      parts.push(
        matrixTable(
          c,
          bi(`空间马尔可夫：邻居处于第 ${l + 1} 类`, `Spatial Markov: neighbours in class ${l + 1}`),
          lang,
          `markov-lag-${l + 1}`,
        ),
      ),
    );
    const h = spatial.homogeneity;
    parts.push(
      paragraph(
        bi(
          `同质性检验（Bickenbach & Bode 2003）：Q = ${h.Q.toFixed(3)}（p = ${h.QpValue.toFixed(3)}），LR = ${h.LR.toFixed(3)}（p = ${h.LRpValue.toFixed(3)}），自由度 ${h.dof}。p 较小说明邻居的类别影响转移概率。`,
          `Homogeneity test (Bickenbach & Bode 2003): Q = ${h.Q.toFixed(3)} (p = ${h.QpValue.toFixed(3)}), LR = ${h.LR.toFixed(3)} (p = ${h.LRpValue.toFixed(3)}), dof ${h.dof}. A small p means the neighbours' class changes the transition probabilities.`,
        ),
        lang,
      ),
    );
  }
  return {
    id: opts.id ?? 'markov',
    title: bi(spatial ? '空间马尔可夫链' : '马尔可夫链', spatial ? 'Spatial Markov chain' : 'Markov chain'),
    html: parts.join('\n'),
  };
}

/**
 * Report tables of the outranking and Chinese-textbook evaluation scores
 * (PROMETHEE II, Copeland, rank-sum ratio, fuzzy comprehensive evaluation) in
 * one period, beside TOPSIS / GRA / VIKOR in the "Other MCDM scores" section.
 */
import { bi, type Lang } from '../../../core/i18n.ts';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import type { Time } from '../../../core/panel/types.ts';
import { L, unitName } from '../labels.ts';
import { endsOf } from '../large-panel.ts';
import { timeKey } from '../lookup.ts';
import { threeLineTable } from '../tables.ts';

/** Whether the result has any of these scores. */
export function hasMoreScores(result: EvaluationResult): boolean {
  return !!(result.promethee || result.copeland || result.rsr || result.fuzzy);
}

/** Whether the result has any MCDM score besides the index: these or TOPSIS, GRA, VIKOR. */
export function hasMcdmScores(result: EvaluationResult): boolean {
  return !!(result.topsis || result.gra || result.vikor) || hasMoreScores(result);
}

/** The tables of the period `tk` ("" captions without a time); `ends`: only the first and last units by rank (large panels). */
export function moreScoreTables(result: EvaluationResult, lang: Lang, tk: string, ends = false): string[] {
  const at = <T extends { time: Time; rank: number }>(rows: T[]) => {
    const ranked = rows.filter((r) => timeKey(r.time) === tk).sort((a, b) => a.rank - b.rank);
    return ends ? endsOf(ranked) : ranked;
  };
  const zh = tk ? `（${tk}）` : '';
  const en = tk ? ` (${tk})` : '';
  const parts: string[] = [];
  if (result.promethee)
    parts.push(
      threeLineTable({
        lang,
        caption: bi(`PROMETHEE II 流量${zh}`, `PROMETHEE II flows${en}`),
        columns: [
          { header: L.unit },
          { header: bi('正流量 φ⁺', 'φ⁺'), kind: 'number' },
          { header: bi('负流量 φ⁻', 'φ⁻'), kind: 'number' },
          { header: bi('净流量 φ', 'net flow φ'), kind: 'number' },
          { header: L.rank, kind: 'integer' },
        ],
        rows: at(result.promethee).map((r) => [unitName(r.unit, lang), r.phiPlus, r.phiMinus, r.phi, r.rank]),
      }),
    );
  if (result.copeland)
    parts.push(
      threeLineTable({
        lang,
        caption: bi(`Copeland 得分${zh}`, `Copeland scores${en}`),
        columns: [
          { header: L.unit },
          { header: bi('得分', 'Score'), kind: 'integer' },
          { header: L.rank, kind: 'integer' },
        ],
        rows: at(result.copeland).map((r) => [unitName(r.unit, lang), r.score, r.rank]),
      }),
    );
  if (result.rsr)
    parts.push(
      threeLineTable({
        lang,
        caption: bi(`秩和比（RSR）${zh}；档次 1 为最低`, `Rank-sum ratio (RSR)${en}; grade 1 is the lowest`),
        columns: [
          { header: L.unit },
          { header: bi('RSR', 'RSR'), kind: 'number' },
          { header: bi('概率单位', 'Probit'), kind: 'number' },
          { header: bi('RSR 估计值', 'Fitted RSR'), kind: 'number' },
          { header: bi('档次', 'Grade'), kind: 'integer' },
          { header: L.rank, kind: 'integer' },
        ],
        rows: at(result.rsr).map((r) => [unitName(r.unit, lang), r.rsr, r.probit, r.fitted, r.grade, r.rank]),
      }),
    );
  if (result.fuzzy)
    parts.push(
      threeLineTable({
        lang,
        caption: bi(
          `模糊综合评价${zh}（等级按最大隶属度）`,
          `Fuzzy comprehensive evaluation${en} (grade by maximum membership)`,
        ),
        columns: [
          { header: L.unit },
          { header: bi('综合得分', 'Score'), kind: 'number' },
          { header: bi('等级', 'Grade'), kind: 'integer' },
          { header: L.rank, kind: 'integer' },
        ],
        rows: at(result.fuzzy).map((r) => [unitName(r.unit, lang), r.score, r.grade, r.rank]),
      }),
    );
  return parts;
}

/**
 * Why a unit trails the leaders, from its own data: for each indicator j the
 * contribution gap
 *
 *   gap_j = s · w_j · (ȳ_L,j − y_u,j)
 *
 * with w_j the indicator's effective (global) weight in the index at that
 * time, y the normalised values, ȳ_L the mean over the leaders (the top `k`
 * units by index at that time, the unit itself left out) and s the score
 * scale. Under arithmetic aggregation the gaps add up exactly to the leaders'
 * mean index minus the unit's index, so each gap is that indicator's share
 * of the distance; under geometric aggregation they are the weighted
 * differences only (`additive: false`). Dimension gaps are the sums over
 * their indicators. Indicators sorted by gap, largest first.
 *
 * @example contributionGap(result, 'Qinghai', 2022).indicators[0].id
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Time } from '../panel/types.ts';
import { INDEX_ID, type EvaluationResult } from './result.ts';

export interface IndicatorGap {
  id: string;
  /** Framework node the indicator stands for, when the spec links one. */
  framework?: string;
  parent: string | null;
  weight: number;
  unitValue: number;
  leadersValue: number;
  gap: number;
  /** gap / total gap (NaN when the total is 0). */
  share: number;
}

export interface ContributionGap {
  unit: string;
  time: Time;
  leaders: string[];
  /** Leaders' mean index minus the unit's index (scaled). */
  indexGap: number;
  /** Sum of the indicator gaps (equals indexGap when `additive`). */
  total: number;
  additive: boolean;
  indicators: IndicatorGap[];
  /** Gap per dimension (node id → sum of its descendant indicators' gaps). */
  dimensions: Record<string, number>;
}

export function contributionGap(result: EvaluationResult, unit: string, time: Time, k = 3): ContributionGap {
  const at = (t: Time) => String(t) === String(time);
  const rows = result.scores.filter((r) => at(r.time)).sort((a, b) => b.score - a.score);
  const own = rows.find((r) => r.unit === unit);
  if (!own)
    throw new XinzhiError({
      code: 'gap-unit',
      severity: 'error',
      unit,
      time,
      message: bi(`${unit} 在 ${String(time)} 没有得分`, `${unit} has no score in ${String(time)}`),
      fix: bi('选择结果中的单位和时期', 'choose a unit and time of the result'),
    });
  const leaders = rows.filter((r) => r.unit !== unit).slice(0, Math.max(1, k));
  const spec = result.record.spec;
  const scale = spec.score?.scale ?? 1;
  const rowOf = new Map<string, number>();
  result.normalized.unit.forEach((u, i) => {
    if (at(result.normalized.time[i])) rowOf.set(u, i);
  });
  const parentOf = new Map(result.nodeWeights.map((w) => [w.id, w.parent]));
  const indicators: IndicatorGap[] = [];
  for (const w of result.nodeWeights) {
    if (w.kind !== 'indicator') continue;
    const values = result.normalized.values[w.id];
    if (!values) continue;
    const weight = w.byTime?.[String(time)]?.global ?? w.global;
    const ui = rowOf.get(unit);
    const unitValue = ui === undefined ? Number.NaN : values[ui];
    let sum = 0;
    for (const l of leaders) sum += values[rowOf.get(l.unit) ?? -1] ?? Number.NaN;
    const leadersValue = sum / leaders.length;
    const meta = result.indicators.find((i) => i.id === w.id);
    indicators.push({
      id: w.id,
      ...(meta?.framework ? { framework: meta.framework } : {}),
      parent: w.parent,
      weight,
      unitValue,
      leadersValue,
      gap: scale * weight * (leadersValue - unitValue),
      share: Number.NaN,
    });
  }
  const total = indicators.reduce((s, g) => s + g.gap, 0);
  for (const g of indicators) g.share = total !== 0 ? g.gap / total : Number.NaN;
  indicators.sort((a, b) => b.gap - a.gap);
  const dimensions: Record<string, number> = {};
  for (const g of indicators) {
    let p = g.parent;
    while (p && p !== INDEX_ID) {
      dimensions[p] = (dimensions[p] ?? 0) + g.gap;
      p = parentOf.get(p) ?? null;
    }
  }
  const leadersMean = leaders.reduce((s, l) => s + l.score, 0) / leaders.length;
  return {
    unit,
    time,
    leaders: leaders.map((l) => l.unit),
    indexGap: leadersMean - own.score,
    total,
    additive: spec.aggregate.method === 'arithmetic',
    indicators,
    dimensions,
  };
}

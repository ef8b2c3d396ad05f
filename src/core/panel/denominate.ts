/**
 * Denomination: an indicator divided by a size column, so that large and
 * small units compare (per capita, per unit of GDP, per km²):
 *
 *   y_{i,t} = x_{i,t} / d_{i,t} · scale      (scale defaults to 1)
 *
 * written to `as` (a new column) or, without `as`, over the column itself —
 * as COINr's `Denominate()` does (Becker et al., COINr, EC JRC). Every item
 * reads the input panel's values, so the order of items does not matter.
 * A zero denominator is an error naming the cell (the result cell is NaN);
 * a missing numerator or denominator gives a missing result (left for the
 * missing-value step); a negative denominator gives a warning.
 */
import type { Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel } from './types.ts';
import { cellWhere, missingColumnProblem, ProblemList } from './problems.ts';
import { clonePanel } from './ops.ts';

export interface DenominateItem {
  column: string;
  denominator: string;
  scale?: number;
  as?: string;
}

/** Divide columns by denominators (× scale); returns a new panel and the problems found. */
export function denominate(panel: Panel, items: DenominateItem[]): { panel: Panel; problems: Problem[] } {
  const probs = new ProblemList();
  const out = clonePanel(panel);
  const available = Object.keys(panel.columns);
  for (const it of items) {
    const num = panel.columns[it.column];
    const den = panel.columns[it.denominator];
    if (!num) probs.add(missingColumnProblem(it.column, available, bi('指标', 'indicator'), panel.source));
    if (!den) probs.add(missingColumnProblem(it.denominator, available, bi('分母', 'denominator'), panel.source));
    if (!num || !den) continue;
    const scale = it.scale ?? 1;
    if (!Number.isFinite(scale) || scale === 0) {
      probs.add({
        code: 'bad-scale',
        severity: 'error',
        column: it.column,
        message: bi(`缩放系数 ${scale} 无效。`, `The scale ${scale} is not valid.`),
        fix: bi(
          '使用非零有限数，如 10000 表示“每万人”。',
          'Use a finite non-zero number, e.g. 10000 for "per 10,000 people".',
        ),
      });
      continue;
    }
    const res = new Float64Array(num.length);
    for (let r = 0; r < num.length; r++) {
      const d = den[r];
      if (d === 0) {
        res[r] = NaN;
        probs.add({
          ...cellWhere(panel, r, it.denominator),
          code: 'zero-denominator',
          severity: 'error',
          message: bi(
            `分母 "${it.denominator}" 为 0，无法计算 "${it.column}" / "${it.denominator}"。`,
            `The denominator "${it.denominator}" is 0, so "${it.column}" / "${it.denominator}" is undefined.`,
          ),
          fix: bi(
            '核对该分母数据（0 常表示缺失，应留空），或不对该指标做分母化。',
            'Check the denominator (a 0 often stands for a missing value and should be left empty), or do not denominate this indicator.',
          ),
        });
        continue;
      }
      if (d < 0) {
        probs.add({
          ...cellWhere(panel, r, it.denominator),
          code: 'negative-denominator',
          severity: 'warning',
          message: bi(
            `分母 "${it.denominator}" 为负（${d}），比值的方向会反转。`,
            `The denominator "${it.denominator}" is negative (${d}); the ratio's sign flips.`,
          ),
        });
      }
      res[r] = (num[r] / d) * scale;
    }
    out.columns[it.as ?? it.column] = res;
  }
  return { panel: out, problems: probs.done() };
}

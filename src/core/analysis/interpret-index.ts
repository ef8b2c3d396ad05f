/**
 * Interpretation of an index (the rules of core/analysis/interpret.ts): the
 * first and last unit in the latest period with their scores, how the mean
 * and the spread (coefficient of variation) changed from the first to the
 * last period, and how far the leader is ahead of the median unit.
 *
 * @example interpretIndex(result)[0].en // 'In 2022 Beijing ranks first (0.712) and Qinghai last (0.103).'
 */
import { bi, type Bilingual } from '../i18n.ts';
import { describeChange } from './interpret.ts';
import { mean, median, sd } from '../stats/descriptive.ts';
import type { EvaluationResult } from '../measure/result.ts';

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');

export function interpretIndex(
  result: EvaluationResult,
  names: (unit: string) => Bilingual = (u) => bi(u, u),
): Bilingual[] {
  const times = result.times;
  if (!times.length || !result.scores.length) return [];
  const at = (t: (typeof times)[number]) =>
    result.scores.filter((s) => String(s.time) === String(t) && Number.isFinite(s.score)).map((s) => s.score);
  const lastT = times[times.length - 1];
  const rows = result.scores
    .filter((s) => String(s.time) === String(lastT) && Number.isFinite(s.score))
    .sort((a, b) => b.score - a.score);
  if (!rows.length) return [];
  const out: Bilingual[] = [];
  const top = rows[0];
  const bottom = rows[rows.length - 1];
  if (rows.length === 1)
    out.push(
      bi(
        `${String(lastT)} 年只有一个单位（${names(top.unit).zh}，${f(top.score)}），无法排序或比较。`,
        `In ${String(lastT)} there is one unit (${names(top.unit).en}, ${f(top.score)}): no ranking or comparison.`,
      ),
    );
  else {
    const med = median(rows.map((r) => r.score));
    out.push(
      bi(
        `${String(lastT)} 年${names(top.unit).zh}排名第一（${f(top.score)}），${names(bottom.unit).zh}排名最后（${f(bottom.score)}）；第一名是中位数（${f(med)}）的 ${f(top.score / med)} 倍。`,
        `In ${String(lastT)} ${names(top.unit).en} ranks first (${f(top.score)}) and ${names(bottom.unit).en} last (${f(bottom.score)}); the leader scores ${f(top.score / med)} times the median (${f(med)}).`,
      ),
    );
  }
  if (times.length > 1) {
    const a = at(times[0]);
    const b = at(lastT);
    const cv = (x: number[]) => (x.length > 1 ? sd(x) / mean(x) : Number.NaN);
    out.push(
      bi(
        `${String(times[0])}—${String(lastT)} 年，平均得分${describeChange(mean(a), mean(b)).zh}，变异系数${describeChange(cv(a), cv(b)).zh}。`,
        `From ${String(times[0])} to ${String(lastT)} the mean score ${describeChange(mean(a), mean(b)).en} and the coefficient of variation ${describeChange(cv(a), cv(b)).en}.`,
      ),
    );
  }
  return out;
}

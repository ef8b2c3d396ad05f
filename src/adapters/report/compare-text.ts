/**
 * The terminal / text form of a preset comparison (core/measure/compare-presets.ts):
 * settings that differ, weights side by side, score and rank differences, the
 * step-by-step decomposition and the conventions of each side. Formats only;
 * every number comes from the comparison object.
 */
import type { Lang } from '../../core/i18n.ts';
import type { ComparisonStep, PresetComparison } from '../../core/measure/compare-presets.ts';

const T = {
  title: { zh: '口径比较', en: 'Comparison of conventions' },
  settings: { zh: '设置差异（按流程顺序）', en: 'Settings that differ (pipeline order)' },
  none: { zh: '（无：两侧设置相同）', en: '(none: both sides use the same settings)' },
  weights: { zh: '指标权重', en: 'Indicator weights' },
  scores: { zh: '得分与排名', en: 'Scores and ranks' },
  steps: { zh: '逐步分解（由 A 逐项换成 B 的设置）', en: 'Step by step (A switched to B one setting at a time)' },
  movers: { zh: '排名变动最大的单位', en: 'Largest rank moves' },
  conventions: { zh: '口径说明', en: 'Conventions' },
} as const;

const fmt = (v: unknown): string =>
  v === undefined ? '—' : typeof v === 'number' ? String(+v.toPrecision(6)) : JSON.stringify(v);
const num = (v: number, d = 4): string => (Number.isFinite(v) ? v.toFixed(d) : '—');

function scoreLine(s: PresetComparison['scores'], lang: Lang): string {
  return lang === 'zh'
    ? `最大 |Δ得分| ${num(s.maxAbs)}，平均 |Δ得分| ${num(s.meanAbs)}；${s.rankChanges} 个单位-年排名改变（最多 ${s.maxRankShift} 位）；逐年 Spearman 平均 ${num(s.spearman)}`
    : `max |Δscore| ${num(s.maxAbs)}, mean |Δscore| ${num(s.meanAbs)}; ${s.rankChanges} unit-years change rank (at most ${s.maxRankShift} places); Spearman within years, averaged ${num(s.spearman)}`;
}

function stepLine(step: ComparisonStep, i: number, lang: Lang): string[] {
  const what = step.settings.map((s) => `${s.setting}: ${fmt(s.a)} → ${fmt(s.b)}`).join('; ');
  const w = step.largestWeightChange;
  const wl =
    lang === 'zh'
      ? `权重变化 L1 ${num(step.weightsL1)}${w ? `（${w.indicator} ${w.change >= 0 ? '+' : ''}${num(w.change)}）` : ''}`
      : `weights L1 ${num(step.weightsL1)}${w ? ` (${w.indicator} ${w.change >= 0 ? '+' : ''}${num(w.change)})` : ''}`;
  return [`  ${i + 1}. ${what}`, `     ${wl}; ${scoreLine(step.scores, lang)}`];
}

/** The comparison as lines of text in one language. */
export function comparisonText(c: PresetComparison, lang: Lang): string[] {
  const out: string[] = [];
  out.push(`${T.title[lang]}: A = ${c.a.name[lang]}, B = ${c.b.name[lang]}`, '');
  out.push(`${T.settings[lang]}:`);
  if (!c.settings.length) out.push(`  ${T.none[lang]}`);
  for (const s of c.settings) out.push(`  ${s.setting}: A ${fmt(s.a)} | B ${fmt(s.b)}`);
  out.push('', `${T.weights[lang]}:`);
  const idw = Math.max(4, ...c.weights.map((w) => w.indicator.length));
  out.push(`  ${''.padEnd(idw)}  ${'A'.padStart(9)}  ${'B'.padStart(9)}  ${'B − A'.padStart(9)}`);
  for (const w of c.weights)
    out.push(
      `  ${w.indicator.padEnd(idw)}  ${num(w.a).padStart(9)}  ${num(w.b).padStart(9)}  ${(w.diff >= 0 ? '+' : '') + num(w.diff)}`.trimEnd(),
    );
  out.push('', `${T.scores[lang]}: ${scoreLine(c.scores, lang)}`);
  if (c.steps.length) {
    out.push('', `${T.steps[lang]}:`);
    c.steps.forEach((s, i) => out.push(...stepLine(s, i, lang)));
  }
  if (c.movers.length) {
    out.push('', `${T.movers[lang]}:`);
    for (const m of c.movers)
      out.push(`  ${m.unit} ${m.time}: ${m.rankA} → ${m.rankB} (${num(m.scoreA)} → ${num(m.scoreB)})`);
  }
  const notes = [...c.notes.a.map((n) => `  A: ${n[lang]}`), ...c.notes.b.map((n) => `  B: ${n[lang]}`)];
  if (notes.length) out.push('', `${T.conventions[lang]}:`, ...notes);
  return out;
}

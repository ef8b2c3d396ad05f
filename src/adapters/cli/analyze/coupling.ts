/**
 * `xinzhi analyze coupling`: coupling degree C (standard or corrected form),
 * comprehensive index T, coupling coordination degree D, its 10-level class
 * and (two systems) the relative development type, per unit and time.
 * Systems are columns of a panel (levels in [0, 1]) or node ids of a
 * results.json (e.g. the dimensions of an evaluation).
 * --json prints {"form", "systems", "alpha", "relativeRule", "tolerance",
 * "rows": [{unit, time, levels, C, T, D, class: {level, label, lower, upper}, relative}],
 * "byTime": [{time, meanC, meanT, meanD, classCounts}], "names"?: {id: {zh, en}}}
 * (names of the systems, from a results.json).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { couplingCoordination, COORDINATION_LABELS, type CouplingForm, type RelativeRule } from '../../../core/analysis/coupling.ts';
import { sliceByTime } from '../../../core/analysis/distribution-by-time.ts';
import { both, bi } from '../../../core/i18n.ts';
import { pickLang, printJson } from '../util.ts';
import { badOption, columnLabel, inputOptions, namesJson, panelLocate, panelTimes, readAnalysisInput, requireColumn, textTable, unitLabel, type InputOptions } from './input.ts';

interface CouplingCliOptions extends InputOptions {
  systems: string;
  alpha?: string;
  form: string;
  rule: string;
  tolerance: string;
  maxLevel?: string;
  lang?: string;
  json?: boolean;
}

/** 1 + shift for a results.json whose spec uses min-max with a shift; 1 otherwise. */
async function resultShiftRange(path: string): Promise<number> {
  if (!path.toLowerCase().endsWith('.json')) return 1;
  try {
    const doc = JSON.parse(await readFile(path, 'utf8')) as { record?: { spec?: { normalize?: { method?: string; shift?: number } } } };
    const nz = doc?.record?.spec?.normalize;
    return nz?.method === 'minmax' && typeof nz.shift === 'number' && nz.shift > 0 ? 1 + nz.shift : 1;
  } catch {
    return 1; // readAnalysisInput reports unreadable files
  }
}

export async function runCoupling(opts: CouplingCliOptions) {
  const systems = opts.systems.split(',').map((s) => s.trim()).filter(Boolean);
  if (opts.form !== 'standard' && opts.form !== 'corrected') throw badOption('--form', opts.form, bi('使用 standard 或 corrected', 'use standard or corrected'));
  if (opts.rule !== 'difference' && opts.rule !== 'ratio') throw badOption('--rule', opts.rule, bi('使用 difference 或 ratio', 'use difference or ratio'));
  const tolerance = Number(opts.tolerance);
  if (!(tolerance >= 0)) throw badOption('--tolerance', opts.tolerance, bi('须为非负数，例如 0.1', 'a non-negative number, e.g. 0.1'));
  let alpha: number[] | undefined;
  if (opts.alpha !== undefined) {
    alpha = opts.alpha.split(',').map(Number);
    if (alpha.length !== systems.length || alpha.some((a) => !(a >= 0))) throw badOption('--alpha', opts.alpha, bi(`须为 ${systems.length} 个非负数，逗号分隔`, `${systems.length} non-negative numbers separated by commas`));
  }
  const maxLevel = opts.maxLevel !== undefined ? Number(opts.maxLevel) : await resultShiftRange(opts.data);
  if (!(maxLevel > 0)) throw badOption('--max-level', String(opts.maxLevel), bi('须为正数，例如 1', 'a positive number, e.g. 1'));
  const panel = await readAnalysisInput(opts);
  const levels = systems.map((s) => requireColumn(panel, s, '--systems'));
  const times = panelTimes(panel);
  const result = couplingCoordination(
    { systems, unit: panel.unit, time: times, levels, locate: panelLocate(panel) },
    { form: opts.form as CouplingForm, alpha, relativeRule: opts.rule as RelativeRule, tolerance, maxLevel },
  );
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const byTime = sliceByTime(result.rows.length, times).map((s) => {
    const rows = s.rows.map((r) => result.rows[r]);
    const classCounts: Record<string, number> = {};
    for (const r of rows) classCounts[String(r.class.level)] = (classCounts[String(r.class.level)] ?? 0) + 1;
    return { time: s.time, n: rows.length, meanC: mean(rows.map((r) => r.C)), meanT: mean(rows.map((r) => r.T)), meanD: mean(rows.map((r) => r.D)), classCounts };
  });
  return { ...result, classes: COORDINATION_LABELS.map((label, k) => ({ level: k + 1, label, lower: k / 10, upper: (k + 1) / 10 })), byTime, ...namesJson(panel.names, systems) };
}

export function registerCoupling(analyze: Command): void {
  inputOptions(analyze.command('coupling').description('Coupling coordination degree of 2 or more systems / 耦合协调度'))
    .requiredOption('--systems <cols>', 'system level columns (in [0, 1]), comma-separated / 各系统发展水平列（逗号分隔）')
    .option('--alpha <a,b,...>', 'contributions of the systems to T (default equal) / 各系统贡献系数')
    .option('--form <form>', 'standard | corrected (王淑佳 et al. 2021) / 耦合度形式', 'standard')
    .option('--rule <rule>', 'relative development type rule: difference | ratio / 相对发展类型判定', 'difference')
    .option('--tolerance <t>', 'synchronous when |U1 − U2| ≤ t (or U1/U2 within 1 ± t) / 同步容差', '0.1')
    .option('--max-level <m>', 'accepted level range [0, m] (default 1; 1 + shift for a results.json with min-max shift) / 发展水平上限')
    .action(async (opts: CouplingCliOptions) => {
      const lang = pickLang(opts.lang);
      const r = await runCoupling(opts);
      if (opts.json) {
        printJson(r);
        return;
      }
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      const sys = (l: 'zh' | 'en') => r.systems.map((s) => columnLabel(r.names, s, l)).join(' × ');
      const out = [both(bi(`耦合协调度（${r.form === 'standard' ? '标准形式' : '修正形式'}）：${sys('zh')}`, `Coupling coordination (${r.form} form): ${sys('en')}`))];
      out.push(textTable(
        [h('单位', 'unit'), h('时间', 'time'), ...r.systems.map((s) => columnLabel(r.names, s, lang)), 'C', 'T', 'D', h('协调等级', 'class'), ...(r.systems.length === 2 ? [h('相对发展类型', 'relative type')] : [])],
        r.rows.map((x) => [unitLabel(x.unit, lang), x.time ?? '', ...x.levels, x.C, x.T, x.D, `${x.class.level} ${x.class.label[lang]}`, ...(x.relative ? [x.relative.label[lang]] : [])]),
      ));
      out.push('', textTable([h('时间', 'time'), h('平均 C', 'mean C'), h('平均 T', 'mean T'), h('平均 D', 'mean D')], r.byTime.map((b) => [b.time ?? '', b.meanC, b.meanT, b.meanD])));
      process.stdout.write(out.join('\n') + '\n');
    });
}

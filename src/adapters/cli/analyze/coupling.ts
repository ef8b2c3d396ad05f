/**
 * `xinzhi analyze coupling`: coupling degree C (standard or corrected form),
 * comprehensive index T, coupling coordination degree D, its 10-level class
 * and (two systems) the relative development type, per unit and time.
 * Systems are columns of a panel (levels in [0, 1]) or node ids of a
 * results.json (by default the index's dimensions), which the core runner
 * (core/analysis/runner.ts) analyses with the report's and the web's defaults.
 * --json prints {"form", "systems", "alpha", "relativeRule", "tolerance",
 * "rows": [{unit, time, levels, C, T, D, class: {level, label, lower, upper}, relative}],
 * "byTime": [{time, n, meanC, meanT, meanD, classCounts}], "names"?: {id: {zh, en}},
 * "levelRange"?: {scale, shift, maxLevel}} (names of the systems and the level range of
 * the scores, from a results.json).
 */
import type { Command } from 'commander';
import { ANALYSIS_DEFAULTS, couplingByTime, runAnalysis } from '../../../core/analysis/runner.ts';
import {
  couplingCoordination,
  COORDINATION_LABELS,
  type CouplingForm,
  type RelativeRule,
} from '../../../core/analysis/coupling.ts';
import { both, bi } from '../../../core/i18n.ts';
import { pickLang, printJson } from '../util.ts';
import {
  badOption,
  columnLabel,
  inputOptions,
  leftOutNote,
  manyUnits,
  namesJson,
  panelLocate,
  panelTimes,
  readAnalysisInput,
  readEvaluationInput,
  requireColumn,
  textTable,
  unitLabel,
  type InputOptions,
} from './input.ts';

interface CouplingCliOptions extends InputOptions {
  systems?: string;
  alpha?: string;
  form: string;
  rule: string;
  tolerance: string;
  maxLevel?: string;
  intervalize?: string;
  lang?: string;
  json?: boolean;
}

/** "a,b" from --intervalize as two numbers (the core checks 0 ≤ a < b ≤ max level). */
function parseInterval(v: string): [number, number] {
  const parts = v.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x)))
    throw badOption('--intervalize', v, bi('写两个数，如 0.01,0.99', 'write two numbers, e.g. 0.01,0.99'));
  return [parts[0], parts[1]];
}

export async function runCoupling(opts: CouplingCliOptions) {
  const systems = (opts.systems ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (opts.form !== 'standard' && opts.form !== 'corrected')
    throw badOption('--form', opts.form, bi('使用 standard 或 corrected', 'use standard or corrected'));
  if (opts.rule !== 'difference' && opts.rule !== 'ratio')
    throw badOption('--rule', opts.rule, bi('使用 difference 或 ratio', 'use difference or ratio'));
  const tolerance = Number(opts.tolerance);
  if (!(tolerance >= 0))
    throw badOption('--tolerance', opts.tolerance, bi('须为非负数，例如 0.1', 'a non-negative number, e.g. 0.1'));
  let alpha: number[] | undefined;
  if (opts.alpha !== undefined) {
    alpha = opts.alpha.split(',').map(Number);
    if ((systems.length && alpha.length !== systems.length) || alpha.some((a) => !(a >= 0))) {
      throw badOption(
        '--alpha',
        opts.alpha,
        bi(
          `须为 ${systems.length || '各系统的'} 个非负数，逗号分隔`,
          `${systems.length || 'one per system:'} non-negative numbers separated by commas`,
        ),
      );
    }
  }
  const maxLevel = opts.maxLevel !== undefined ? Number(opts.maxLevel) : undefined;
  if (maxLevel !== undefined && !(maxLevel > 0))
    throw badOption('--max-level', String(opts.maxLevel), bi('须为正数，例如 1', 'a positive number, e.g. 1'));
  const classes = COORDINATION_LABELS.map((label, k) => ({ level: k + 1, label, lower: k / 10, upper: (k + 1) / 10 }));
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    // a results.json: the core runner (levels = node scores / score.scale, up to 1 + shift)
    const run = runAnalysis(ev.result, 'coupling', {
      coupling: {
        form: opts.form as CouplingForm,
        systems: systems.length ? systems : 'children',
        alpha: alpha ?? 'equal',
        relativeRule: opts.rule as RelativeRule,
        tolerance,
        maxLevel: maxLevel ?? 'range',
      },
    });
    return { ...run.result, classes, byTime: run.byTime, levelRange: run.range, ...namesJson(ev.names, run.systems) };
  }
  if (!systems.length)
    throw badOption(
      '--systems',
      opts.systems ?? '',
      bi('列出各系统发展水平列，逗号分隔', 'list the system level columns, separated by commas'),
    );
  const panel = await readAnalysisInput(opts);
  const levels = systems.map((s) => requireColumn(panel, s, '--systems'));
  const times = panelTimes(panel);
  const result = couplingCoordination(
    { systems, unit: panel.unit, time: times, levels, locate: panelLocate(panel) },
    {
      form: opts.form as CouplingForm,
      alpha,
      relativeRule: opts.rule as RelativeRule,
      tolerance,
      maxLevel: maxLevel ?? 1,
      ...(opts.intervalize !== undefined ? { intervalize: parseInterval(opts.intervalize) } : {}),
    },
  );
  const byTime = couplingByTime(result);
  return { ...result, classes, byTime, ...namesJson(panel.names, systems) };
}

export function registerCoupling(analyze: Command): void {
  inputOptions(
    analyze.command('coupling').description('Coupling coordination degree of 2 or more systems / 耦合协调度'),
  )
    .option(
      '--systems <cols>',
      "system level columns (in [0, 1]), comma-separated; for a results.json default the index's dimensions / 各系统发展水平列（逗号分隔）",
    )
    .option('--alpha <a,b,...>', 'contributions of the systems to T (default equal) / 各系统贡献系数')
    .option('--form <form>', 'standard | corrected (王淑佳 et al. 2021) / 耦合度形式', ANALYSIS_DEFAULTS.coupling.form)
    .option(
      '--rule <rule>',
      'relative development type rule: difference | ratio / 相对发展类型判定',
      ANALYSIS_DEFAULTS.coupling.relativeRule,
    )
    .option(
      '--tolerance <t>',
      'synchronous when |U1 − U2| ≤ t (or U1/U2 within 1 ± t) / 同步容差',
      String(ANALYSIS_DEFAULTS.coupling.tolerance),
    )
    .option(
      '--intervalize <a,b>',
      "rescale each system's column to [a, b] first (SPSSAU's default 0.01,0.99) / 先把各系统列区间化到 [a, b]（SPSSAU 默认 0.01,0.99）",
    )
    .option(
      '--max-level <m>',
      'accepted level range [0, m] (default 1; for a results.json the scores are divided by score.scale and accepted up to 1 + shift) / 发展水平上限',
    )
    .action(async (opts: CouplingCliOptions) => {
      const lang = pickLang(opts.lang);
      const r = await runCoupling(opts);
      if (opts.json) {
        printJson(r);
        return;
      }
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      const sys = (l: 'zh' | 'en') => r.systems.map((s) => columnLabel(r.names, s, l)).join(' × ');
      const out = [
        both(
          bi(
            `耦合协调度（${r.form === 'standard' ? '标准形式' : '修正形式'}）：${sys('zh')}`,
            `Coupling coordination (${r.form} form): ${sys('en')}`,
          ),
        ),
      ];
      const units = manyUnits(r.rows.map((x) => x.unit));
      if (units !== undefined) {
        // a large panel: how many units fall in each coordination class, by period (the report's table)
        const levels = r.classes.filter((c) => r.byTime.some((b) => (b.classCounts[String(c.level)] ?? 0) > 0));
        out.push(
          textTable(
            [h('时间', 'time'), ...levels.map((c) => String(c.level))],
            r.byTime.map((b) => [b.time ?? '', ...levels.map((c) => b.classCounts[String(c.level)] ?? 0)]),
          ),
          `${h('协调等级（单位数）：', 'Coordination classes (units): ')}${levels.map((c) => `${c.level} ${c.label[lang]}`).join(h('；', '; '))}`,
        );
      } else
        out.push(
          textTable(
            [
              h('单位', 'unit'),
              h('时间', 'time'),
              ...r.systems.map((s) => columnLabel(r.names, s, lang)),
              'C',
              'T',
              'D',
              h('协调等级', 'class'),
              ...(r.systems.length === 2 ? [h('相对发展类型', 'relative type')] : []),
            ],
            r.rows.map((x) => [
              unitLabel(x.unit, lang),
              x.time ?? '',
              ...x.levels,
              x.C,
              x.T,
              x.D,
              `${x.class.level} ${x.class.label[lang]}`,
              ...(x.relative ? [x.relative.label[lang]] : []),
            ]),
          ),
        );
      out.push(
        '',
        textTable(
          [h('时间', 'time'), h('平均 C', 'mean C'), h('平均 T', 'mean T'), h('平均 D', 'mean D')],
          r.byTime.map((b) => [b.time ?? '', b.meanC, b.meanT, b.meanD]),
        ),
      );
      if (units !== undefined) out.push(leftOutNote(units, r.rows.length)[lang]);
      process.stdout.write(out.join('\n') + '\n');
    });
}

/**
 * `xinzhi analyze kde`: kernel density per time on a shared grid (for 3-D /
 * ridgeline charts) and the summary of distribution shifts.
 * --json prints {"kernel", "bandwidthRule", "cut", "peakThreshold", "times",
 * "grid", "density" (density[t][g]), "summaries" [{time, n, mean, median,
 * mode, sd, iqr, bandwidth, maxDensity, peaks, skewness, tail, change}],
 * "at"?: {"points", "values" (values[t][p], the density at the --at points)},
 * "names"?: {value column: {zh, en}}} (the name from a results.json).
 */
import type { Command } from 'commander';
import { ANALYSIS_DEFAULTS, runAnalysis } from '../../../core/analysis/runner.ts';
import { kdeByTime, type BandwidthRule, type Kernel, type KdeResult } from '../../../core/analysis/kde.ts';
import { XinzhiError } from '../../../core/errors.ts';
import { both, bi } from '../../../core/i18n.ts';
import { pickLang, printJson } from '../util.ts';
import {
  columnLabel,
  inputOptions,
  namesJson,
  panelLocate,
  panelTimes,
  readEvaluationInput,
  readObservationInput,
  requireColumn,
  textTable,
  type ColumnNames,
  type InputOptions,
} from './input.ts';

interface KdeCliOptions extends InputOptions {
  value: string;
  kernel: string;
  bw: string;
  points: string;
  allowLarge?: boolean;
  cut: string;
  peak: string;
  at?: string;
  lang?: string;
  json?: boolean;
}

function badOption(name: string, value: string, fix: { zh: string; en: string }): XinzhiError {
  return new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: bi(`${name} 的值 "${value}" 无效`, `invalid value "${value}" for ${name}`),
    fix,
  });
}

/** Grid points allowed without --allow-large. */
export const MAX_KDE_POINTS = 100_000;

/** --at "0.1,0.2": finite numbers, comma-separated. */
export function parseKdeAt(at: string | undefined): number[] | undefined {
  if (at === undefined) return undefined;
  const v = at.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x)));
  if (!v.length || v.some((x) => !Number.isFinite(x)))
    throw badOption('--at', at, bi('须为逗号分隔的数，例如 0.1,0.2,0.3', 'comma-separated numbers, e.g. 0.1,0.2,0.3'));
  return v;
}

export function parseKdeOptions(o: Pick<KdeCliOptions, 'kernel' | 'bw' | 'points' | 'cut' | 'peak' | 'allowLarge'>): {
  kernel: Kernel;
  bw: BandwidthRule | number;
  points: number;
  cut: number;
  peakThreshold: number;
} {
  if (o.kernel !== 'gaussian' && o.kernel !== 'epanechnikov')
    throw badOption('--kernel', o.kernel, bi('使用 gaussian 或 epanechnikov', 'use gaussian or epanechnikov'));
  let bw: BandwidthRule | number;
  if (o.bw === 'silverman' || o.bw === 'scott' || o.bw === 'scipy-scott') bw = o.bw;
  else {
    bw = Number(o.bw);
    if (!(bw > 0) || !Number.isFinite(bw))
      throw badOption(
        '--bw',
        o.bw,
        bi('使用 silverman、scott、scipy-scott 或正数', 'use silverman, scott, scipy-scott or a positive number'),
      );
  }
  const points = Number(o.points);
  if (!Number.isInteger(points) || points < 2)
    throw badOption('--points', o.points, bi('须为 ≥ 2 的整数，例如 512', 'an integer ≥ 2, e.g. 512'));
  if (points > MAX_KDE_POINTS && !o.allowLarge)
    throw badOption(
      '--points',
      o.points,
      bi(
        `上限为 ${MAX_KDE_POINTS}（512 已足够画图）；确需更多时加 --allow-large`,
        `the limit is ${MAX_KDE_POINTS} (512 are plenty for a figure); add --allow-large if you really need more`,
      ),
    );
  const cut = Number(o.cut);
  if (!(cut >= 0)) throw badOption('--cut', o.cut, bi('须为非负数，例如 3', 'a non-negative number, e.g. 3'));
  const peakThreshold = Number(o.peak);
  if (!(peakThreshold >= 0 && peakThreshold <= 1))
    throw badOption('--peak-threshold', o.peak, bi('须在 [0, 1] 内，例如 0.05', 'a number in [0, 1], e.g. 0.05'));
  return { kernel: o.kernel, bw, points, cut, peakThreshold };
}

export async function runKde(opts: KdeCliOptions): Promise<KdeResult & { names?: ColumnNames }> {
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    const run = runAnalysis(ev.result, 'kde', {
      node: opts.value,
      kde: { ...parseKdeOptions(opts), at: parseKdeAt(opts.at) },
    });
    return { ...run.result, ...namesJson(ev.names, [opts.value]) };
  }
  const panel = await readObservationInput(opts);
  const values = requireColumn(panel, opts.value, '--value');
  return {
    ...kdeByTime(values, panelTimes(panel), {
      ...parseKdeOptions(opts),
      at: parseKdeAt(opts.at),
      locate: panelLocate(panel),
      column: opts.value,
    }),
    ...namesJson(panel.names, [opts.value]),
  };
}

export function registerKde(analyze: Command): void {
  inputOptions(
    analyze
      .command('kde')
      .description('Kernel density per time and the shifts of the distribution / 核密度估计及分布动态'),
  )
    .requiredOption('--value <col>', 'value column / 数值列')
    .option('--kernel <k>', 'gaussian | epanechnikov / 核函数', ANALYSIS_DEFAULTS.kde.kernel)
    .option(
      '--bw <rule>',
      'silverman (R bw.nrd0) | scott (R bw.nrd) | scipy-scott | <number> / 带宽',
      String(ANALYSIS_DEFAULTS.kde.bw),
    )
    .option('--points <n>', 'grid points / 网格点数', String(ANALYSIS_DEFAULTS.kde.points))
    .option('--allow-large', 'allow more than 100000 grid points / 允许超过上限的网格点数')
    .option(
      '--cut <c>',
      'grid extends c × bandwidth beyond the data (R cut) / 网格外延倍数',
      String(ANALYSIS_DEFAULTS.kde.cut),
    )
    .option(
      '--peak-threshold <r>',
      'minimum peak height relative to the maximum / 峰的最低相对高度',
      String(ANALYSIS_DEFAULTS.kde.peakThreshold),
    )
    .option('--at <x,...>', 'also the density at these points, comma-separated / 在给定点处求密度值（逗号分隔）')
    .action(async (raw: KdeCliOptions & { peakThreshold: string }) => {
      const opts = { ...raw, peak: raw.peakThreshold };
      const lang = pickLang(opts.lang);
      const r = await runKde(opts);
      if (opts.json) {
        printJson({ value: opts.value, ...r });
        return;
      }
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      const out = [
        both(
          bi(
            `核密度估计（${columnLabel(r.names, opts.value, 'zh')}，${r.kernel} 核，带宽 ${r.bandwidthRule}）`,
            `Kernel density (${columnLabel(r.names, opts.value, 'en')}, ${r.kernel} kernel, bandwidth ${r.bandwidthRule})`,
          ),
        ),
      ];
      out.push(
        textTable(
          [
            h('时间', 'time'),
            'n',
            h('均值', 'mean'),
            h('中位数', 'median'),
            h('众数', 'mode'),
            h('标准差', 'sd'),
            'IQR',
            h('带宽', 'bw'),
            h('峰数', 'peaks'),
            h('拖尾', 'tail'),
            h('变化', 'change'),
          ],
          r.summaries.map((s) => [
            s.time ?? '',
            s.n,
            s.mean,
            s.median,
            s.mode,
            s.sd,
            s.iqr,
            s.bandwidth,
            s.peaks.length,
            lang === 'zh' ? { right: '右拖尾', left: '左拖尾', symmetric: '对称' }[s.tail] : s.tail,
            s.change ? s.change.text[lang] : '',
          ]),
        ),
      );
      if (r.at) {
        out.push(
          '',
          both(bi('给定点处的密度值', 'Density at the given points')),
          textTable(
            [h('时间', 'time'), ...r.at.points.map(String)],
            r.at.values.map((v, k) => [r.times[k] ?? '', ...v]),
          ),
        );
      }
      process.stdout.write(out.join('\n') + '\n');
    });
}

/**
 * `xinzhi analyze gra`: grey relational analysis of comparison columns
 * against a reference column (母序列), over the rows of the file (e.g. the
 * years of one region; `--of <unit>` keeps one unit's rows).
 * --json prints {"reference", "normalize", "rho", "observations", "series":
 * [{id, grade, rank, coefficients}], "names"?: {id: {zh, en}}}.
 */
import type { Command } from 'commander';
import {
  GRA_SERIES_NORMALIZATIONS,
  greyRelationalSeries,
  type GraSeriesNormalization,
} from '../../../core/analysis/grey-relational.ts';
import { XinzhiError } from '../../../core/errors.ts';
import { both, bi } from '../../../core/i18n.ts';
import { pickLang, printJson } from '../util.ts';
import {
  badOption,
  columnLabel,
  inputOptions,
  namesJson,
  readObservationInput,
  requireColumn,
  textTable,
  type InputOptions,
} from './input.ts';

interface GraCliOptions extends InputOptions {
  reference: string;
  compare: string;
  normalize: string;
  rho: string;
  of?: string;
  lang?: string;
  json?: boolean;
}

export async function runGra(opts: GraCliOptions) {
  const how = opts.normalize as GraSeriesNormalization;
  if (!GRA_SERIES_NORMALIZATIONS.includes(how))
    throw badOption(
      '--normalize',
      opts.normalize,
      bi('可选 mean、initial、minmax、none', 'use mean, initial, minmax or none'),
    );
  const rho = Number(opts.rho);
  if (!(rho > 0 && rho <= 1))
    throw badOption('--rho', opts.rho, bi('须在 (0, 1] 内，常用 0.5', 'in (0, 1], usually 0.5'));
  const ids = opts.compare
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ids.length) throw badOption('--compare', opts.compare, bi('逗号分隔的列名', 'comma-separated column names'));
  const panel = await readObservationInput(opts);
  let rows = Array.from({ length: panel.unit.length }, (_, r) => r);
  if (opts.of !== undefined) {
    rows = rows.filter((r) => panel.unit[r] === opts.of);
    if (!rows.length)
      throw new XinzhiError({
        code: 'unknown-unit',
        severity: 'error',
        file: panel.source,
        message: bi(`没有单位 "${opts.of}" 的行`, `no rows of unit "${opts.of}"`),
        fix: bi('检查 --of 与 --unit', 'check --of and --unit'),
      });
  }
  const pick = (x: Float64Array) => rows.map((r) => x[r]);
  const reference = pick(requireColumn(panel, opts.reference, '--reference'));
  const series = Object.fromEntries(ids.map((id) => [id, pick(requireColumn(panel, id, '--compare'))]));
  const r = greyRelationalSeries(reference, series, { normalize: how, rho, referenceName: opts.reference });
  return {
    reference: opts.reference,
    normalize: r.normalize,
    rho: r.rho,
    observations: rows.length,
    ...(opts.of !== undefined ? { unit: opts.of } : {}),
    series: r.series.map((id, j) => ({
      id,
      grade: r.grades[j],
      rank: r.ranks[j],
      coefficients: r.coefficients[j],
    })),
    ...namesJson(panel.names, [opts.reference, ...ids]),
  };
}

export function registerGra(analyze: Command): void {
  inputOptions(
    analyze
      .command('gra')
      .description('Grey relational analysis against a reference column / 灰色关联分析（参考序列）'),
  )
    .requiredOption('--reference <col>', 'reference series (母序列) column / 参考序列列名')
    .requiredOption('--compare <cols>', 'comparison columns, comma-separated / 比较序列列名（逗号分隔）')
    .option('--normalize <how>', 'mean (default) | initial | minmax | none / 无量纲化方法', 'mean')
    .option('--rho <r>', 'distinguishing coefficient ρ (default 0.5) / 分辨系数', '0.5')
    .option('--of <unit>', "only this unit's rows (a region's time series) / 只用该单位的行")
    .action(async (opts: GraCliOptions) => {
      const lang = pickLang(opts.lang);
      const out = await runGra(opts);
      if (opts.json) {
        printJson({
          method: { name: 'gra', source: '邓聚龙 (1987) 灰色系统基本方法; 刘思峰 等 (2017) 灰色系统理论及其应用' },
          ...out,
        });
        return;
      }
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      const ref = columnLabel(out.names, out.reference, lang);
      const best = out.series.find((s) => s.rank === 1);
      const lines = [
        both(
          bi(
            `灰色关联分析（参考序列 ${columnLabel(out.names, out.reference, 'zh')}，${out.normalize} 无量纲化，ρ = ${out.rho}，${out.observations} 个观测）`,
            `Grey relational analysis (reference ${columnLabel(out.names, out.reference, 'en')}, ${out.normalize} normalisation, ρ = ${out.rho}, ${out.observations} observations)`,
          ),
        ),
        textTable(
          [h('比较序列', 'series'), h('关联度', 'grade'), h('排序', 'rank')],
          out.series.map((s) => [columnLabel(out.names, s.id, lang), s.grade, s.rank]),
        ),
      ];
      if (best)
        lines.push(
          h(
            `与 ${ref} 关联最密切的是 ${columnLabel(out.names, best.id, lang)}（关联度 ${best.grade.toFixed(4)}）。`,
            `${columnLabel(out.names, best.id, lang)} follows ${ref} most closely (grade ${best.grade.toFixed(4)}).`,
          ),
        );
      process.stdout.write(lines.join('\n') + '\n');
    });
}

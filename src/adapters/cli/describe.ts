/**
 * `xinzhi describe --data F --unit U --time T [--columns a,b] [--by G] [--json]`:
 * the paper's first table — descriptive statistics (overall, by time, by group)
 * and the correlation matrix with stars — from core/analysis/describe.ts.
 */
import type { Command } from 'commander';
import { type DescribeResult, type DescribeRow, describe, stars } from '../../core/analysis/describe.ts';
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { readPanelFile } from '../io/read.ts';
import { textTable } from './analyze/input.ts';
import { pickLang, printJson } from './util.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

interface DescribeOptions {
  data: string;
  unit: string;
  time?: string;
  columns?: string;
  by?: string;
  json?: boolean;
  lang?: string;
}

const HEAD: Record<Lang, string[]> = {
  zh: ['变量', 'N', '缺失', '均值', '标准差', '最小值', '最大值'],
  en: ['Variable', 'N', 'Missing', 'Mean', 'SD', 'Min', 'Max'],
};

const rowsOf = (rows: DescribeRow[]) => rows.map((r) => [r.variable, r.n, r.missing, r.mean, r.sd, r.min, r.max]);

/** The correlation matrix as text: lower triangle, r to 3 decimals with stars. */
function correlationRows(d: DescribeResult): string[][] {
  return d.variables.map((v, i) => [
    `(${i + 1}) ${v}`,
    ...d.variables.map((_, j) =>
      j > i ? '' : j === i ? '1' : `${d.correlation[i][j].r.toFixed(3)}${stars(d.correlation[i][j].p)}`,
    ),
  ]);
}

export function formatDescribe(d: DescribeResult, lang: Lang): string {
  const zh = lang === 'zh';
  const out = [zh ? '描述性统计' : 'Descriptive statistics', textTable(HEAD[lang], rowsOf(d.overall))];
  for (const b of d.byTime ?? []) out.push(`${zh ? '时间' : 'Time'} ${b.time}`, textTable(HEAD[lang], rowsOf(b.rows)));
  for (const b of d.byGroup ?? [])
    out.push(`${zh ? '分组' : 'Group'} ${b.group}`, textTable(HEAD[lang], rowsOf(b.rows)));
  out.push(
    zh ? '相关系数矩阵' : 'Correlation matrix',
    textTable([zh ? '变量' : 'Variable', ...d.variables.map((_, j) => `(${j + 1})`)], correlationRows(d)),
    zh
      ? 'Pearson 相关系数，逐对使用两变量均非缺失的观测；双侧 t 检验：* p<0.1，** p<0.05，*** p<0.01。'
      : 'Pearson correlations over the rows where both variables are present; two-sided t test: * p<0.1, ** p<0.05, *** p<0.01.',
  );
  return out.join('\n');
}

export function registerDescribe(program: Command): void {
  program
    .command('describe')
    .description(COMMAND_SUMMARIES.describe)
    .requiredOption('--data <file>', 'data (CSV, XLSX, JSON) / 数据')
    .requiredOption('--unit <column>', 'unit column / 单位列')
    .option('--time <column>', 'time column (adds statistics by time) / 时间列（并按时间分列）')
    .option('--columns <list>', 'numeric columns, comma-separated (default: every numeric column) / 数值列，逗号分隔')
    .option('--by <column>', 'text column to group by, e.g. region / 分组列，如 region')
    .option('--json', 'print one JSON document / 输出一个 JSON 文档')
    .option('--lang <lang>', 'zh or en / 语言')
    .action(async (opts: DescribeOptions) => {
      const lang = pickLang(opts.lang);
      const columns = opts.columns
        ?.split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      if (opts.columns !== undefined && !columns?.length)
        throw new XinzhiError({
          code: 'bad-option',
          severity: 'error',
          column: '--columns',
          message: bi('--columns 没有列名', '--columns names no column'),
          fix: bi(
            '写成 --columns a,b,c，或省略以使用全部数值列',
            'write --columns a,b,c, or leave it out for every numeric column',
          ),
        });
      const { panel, problems } = await readPanelFile(opts.data, {
        unit: opts.unit,
        time: opts.time ?? null,
        ...(columns ? { columns } : {}),
        ...(opts.by ? { labels: [opts.by] } : {}),
      });
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new XinzhiError(errors);
      const res = describe(panel.columns, {
        ...(opts.time ? { time: panel.time } : {}),
        ...(opts.by && panel.labels?.[opts.by] ? { group: panel.labels[opts.by] } : {}),
      });
      if (opts.json) printJson(res);
      else process.stdout.write(`${formatDescribe(res, lang)}\n`);
    });
}

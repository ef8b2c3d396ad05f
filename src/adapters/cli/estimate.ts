/**
 * `xinzhi estimate --data F --model M.json [--json]`: panel regressions from a
 * model file (src/core/estimate). With --json one document,
 * `{models: [{coefficients: {term: {estimate, se, t, p}}, n, ...}]}`; otherwise
 * a regression table as papers print it (stars, standard errors in
 * parentheses, N, within R², fixed-effect and cluster rows), models side by side.
 */
import type { Command } from 'commander';
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { checkEstimateModels, type EstimateModel } from '../../core/estimate/model.ts';
import { type EstimateResult, modelColumns, runEstimate } from '../../core/estimate/run.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { readPanelFile } from '../io/read.ts';
import { textTable } from './analyze/input.ts';
import { pickLang, printJson } from './util.ts';

interface EstimateOptions {
  data: string;
  model: string;
  json?: boolean;
  lang?: string;
}

const stars = (p: number) => (p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '');

/** The regression table (rows of cells) of several models side by side. */
export function regressionTable(res: EstimateResult, lang: Lang): { headers: string[]; rows: string[][] } {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const models = res.models;
  const terms = [...new Set(models.flatMap((m) => Object.keys(m.coefficients)))];
  const headers = ['', ...models.map((m, i) => `(${i + 1}) ${m.y}`)];
  const rows: string[][] = [];
  for (const t of terms) {
    rows.push([
      t,
      ...models.map((m) =>
        m.coefficients[t] ? `${m.coefficients[t].estimate.toFixed(4)}${stars(m.coefficients[t].p)}` : '',
      ),
    ]);
    rows.push(['', ...models.map((m) => (m.coefficients[t] ? `(${m.coefficients[t].se.toFixed(4)})` : ''))]);
  }
  rows.push([L('观测数 N', 'N'), ...models.map((m) => String(m.n))]);
  rows.push([L('组内 R²', 'R² (within)'), ...models.map((m) => m.r2Within.toFixed(4))]);
  const fes = [...new Set(models.flatMap((m) => m.fe))];
  for (const f of fes)
    rows.push([
      L(`${f} 固定效应`, `${f} FE`),
      ...models.map((m) => (m.fe.includes(f) ? L('是', 'Yes') : L('否', 'No'))),
    ]);
  rows.push([L('聚类', 'Cluster'), ...models.map((m) => m.model.cluster ?? '—')]);
  rows.push([
    L('标准误', 'SE'),
    ...models.map((m) => (m.options.se === 'cluster' ? `cluster (${m.options.preset})` : m.options.se)),
  ]);
  return { headers, rows };
}

async function readData(path: string, models: EstimateModel[]) {
  const { unit, time } = models[0];
  if (models.some((m) => m.unit !== unit || m.time !== time)) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      message: bi('同一模型文件中各模型的 unit 和 time 必须相同', 'all models of one file must share unit and time'),
      fix: bi('把不同面板的模型放到不同文件中', 'put models of different panels in separate files'),
    });
  }
  const numeric = [...new Set(models.flatMap((m) => modelColumns(m).numeric))];
  const labels = [...new Set(models.flatMap((m) => modelColumns(m).labels))].filter((c) => !numeric.includes(c));
  const { panel, problems } = await readPanelFile(path, { unit, time, columns: numeric, labels });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new XinzhiError(errors);
  return panel;
}

export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description(
      'Panel regressions with fixed effects and clustered standard errors / 面板回归（固定效应、聚类标准误）',
    )
    .requiredOption('--data <file>', 'panel data (CSV, XLSX, JSON) / 面板数据')
    .requiredOption('--model <file>', 'model file (JSON or YAML), see docs/estimation.md / 模型文件')
    .option('--json', 'print one JSON document / 输出一个 JSON 文档')
    .option('--lang <lang>', 'zh or en / 语言')
    .action(async (opts: EstimateOptions) => {
      const lang = pickLang(opts.lang);
      const models = checkEstimateModels(await loadSpecFile(opts.model), opts.model);
      const panel = await readData(opts.data, models);
      const res = runEstimate(panel, models);
      if (opts.json) {
        printJson({
          models: res.models.map(({ rows: _rows, vcov, ...m }) => ({ ...m, vcov })),
        });
        return;
      }
      const { headers, rows } = regressionTable(res, lang);
      const out = [
        lang === 'zh' ? '面板回归（固定效应）' : 'Panel regression (fixed effects)',
        textTable(headers, rows),
        lang === 'zh'
          ? '括号内为标准误；*** p<0.01, ** p<0.05, * p<0.1。'
          : 'Standard errors in parentheses; *** p<0.01, ** p<0.05, * p<0.1.',
        ...res.models.map((m, i) => `(${i + 1}) ${m.interpretation[lang]}`),
        ...res.models
          .filter((m) => m.singletons > 0)
          .map((m) =>
            lang === 'zh'
              ? `模型 ${m.name}：删去 ${m.singletons} 个单例观测（reghdfe 约定）。`
              : `Model ${m.name}: ${m.singletons} singleton observations dropped (as reghdfe).`,
          ),
      ];
      process.stdout.write(out.join('\n') + '\n');
    });
}

/**
 * `xinzhi qca <calibrate|necessity|fit|truthtable|minimize|robustness>`:
 * qualitative comparative analysis (crisp, multi-value and fuzzy sets).
 * Each subcommand reads a CSV / XLSX / JSON file, computes in core/qca and
 * prints bilingual tables, or with --json one JSON document. Warnings (e.g.
 * memberships of exactly 0.5) go to stderr in both languages.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { bi } from '../../core/i18n.ts';
import { calibrateTable, parseCalibrationSpec } from '../../core/qca/calibration-spec.ts';
import { configurationTable } from '../../core/qca/configuration-table.ts';
import { expressionFit } from '../../core/qca/expression.ts';
import { setDataFromTable } from '../../core/qca/data.ts';
import { minimize, parseDirectionalExpectations, type MinimizeResult } from '../../core/qca/minimize.ts';
import { necessity } from '../../core/qca/necessity.ts';
import { robustness } from '../../core/qca/robustness.ts';
import { truthTable, type TruthTableOptions } from '../../core/qca/truth-table.ts';
import { xyPlot } from '../../core/qca/xy.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { readTableFile } from '../io/read.ts';
import { toCsv } from '../report/csv.ts';
import { badOption, pickLang, printJson } from './util.ts';
import { textTable as textTableFn } from './analyze/input.ts';
import {
  configurationText,
  expressionFitText,
  necessityText,
  printWarnings,
  robustnessText,
  solutionText,
  truthTableText,
} from './qca/format.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

interface SetOptions {
  data: string;
  sheet?: string;
  case?: string;
  conditions: string;
  outcome: string;
  lang?: string;
  json?: boolean;
}

interface CutOptions extends SetOptions {
  inclCut: string;
  inclCut0?: string;
  nCut: string;
  priCut: string;
}

function number(text: string, option: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v))
    throw badOption(option, text, bi(`给出一个数，例如 ${option} 0.8`, `give a number, e.g. ${option} 0.8`));
  return v;
}
const numbers = (text: string, option: string) => text.split(',').map((s) => number(s.trim(), option));

async function loadSets(opts: SetOptions) {
  const table = await readTableFile(opts.data, opts.sheet !== undefined ? { sheet: opts.sheet } : {});
  const conditions = opts.conditions
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return setDataFromTable(table, {
    conditions,
    outcome: opts.outcome,
    ...(opts.case !== undefined ? { caseColumn: opts.case } : {}),
  });
}

function cuts(opts: CutOptions): TruthTableOptions {
  return {
    inclCut: number(opts.inclCut, '--incl-cut'),
    nCut: number(opts.nCut, '--n-cut'),
    priCut: number(opts.priCut, '--pri-cut'),
    ...(opts.inclCut0 !== undefined ? { inclCut0: number(opts.inclCut0, '--incl-cut0') } : {}),
  };
}

function setOptions(cmd: Command): Command {
  return cmd
    .requiredOption(
      '--data <file>',
      'calibrated set data (CSV/XLSX/JSON), one row per case / 已校准的集合数据，每行一个案例',
    )
    .requiredOption('--conditions <list>', 'condition columns, comma-separated / 条件列（逗号分隔）')
    .requiredOption(
      '--outcome <col>',
      'outcome column; ~COL negates it, COL[v] picks a multi-value level / 结果列（~ 取非）',
    )
    .option('--case <col>', 'case-name column (default: "case" if present) / 案例名列')
    .option('--sheet <name>', 'XLSX sheet name / 工作表名称')
    .option('--lang <lang>', 'language of the output: zh | en / 输出语言')
    .option('--json', 'print one JSON document / 输出 JSON');
}

function cutOptions(cmd: Command): Command {
  return setOptions(cmd)
    .option('--incl-cut <x>', 'consistency cut-off for OUT = 1 / 一致性阈值', '1')
    .option('--incl-cut0 <x>', 'lower consistency cut-off: rows in between are contradictions / 矛盾行的下限')
    .option('--n-cut <n>', 'frequency cut-off (fewer cases: remainder) / 频数阈值', '1')
    .option('--pri-cut <x>', 'rows with a lower PRI are negative / PRI 阈值', '0');
}

function minimizeJson(res: MinimizeResult) {
  return {
    method: {
      name: 'qca-minimize',
      algorithm: 'Quine-McCluskey, all minimal prime-implicant covers (as R package QCA, row.dom = FALSE)',
    },
    ...res,
  };
}

export function registerQca(program: Command): void {
  const qca = program.command('qca').description(COMMAND_SUMMARIES.qca);

  qca
    .command('calibrate')
    .description('Calibrate raw columns into sets (direct, crisp, indirect) / 校准原始数据为集合')
    .requiredOption('--data <file>', 'raw data (CSV/XLSX/JSON) / 原始数据')
    .requiredOption(
      '--spec <file>',
      'calibration spec (JSON/YAML): {"preset", "columns": {COL: {method, anchors | thresholds | targets}}} / 校准设定',
    )
    .option('--case <col>', 'case-name column / 案例名列')
    .option('--sheet <name>', 'XLSX sheet name / 工作表名称')
    .option('--out <file>', 'write the table with the calibrated columns (CSV) / 输出校准后的表（CSV）')
    .option('--lang <lang>', 'language of the output: zh | en / 输出语言')
    .option('--json', 'print one JSON document / 输出 JSON')
    .action(
      async (opts: {
        data: string;
        spec: string;
        case?: string;
        sheet?: string;
        out?: string;
        lang?: string;
        json?: boolean;
      }) => {
        const lang = pickLang(opts.lang);
        const spec = parseCalibrationSpec(await loadSpecFile(opts.spec), opts.spec);
        const table = await readTableFile(opts.data, opts.sheet !== undefined ? { sheet: opts.sheet } : {});
        const res = calibrateTable(table, spec, opts.case);
        printWarnings(res.warnings);
        if (opts.out) {
          const byCol = new Map(res.columns.map((c) => [c.column, c.memberships]));
          const rows = table.rows.map((r, i) => table.header.map((h, j) => (byCol.has(h) ? byCol.get(h)![i] : r[j])));
          await writeFile(opts.out, toCsv(table.header, rows));
        }
        if (opts.json) {
          printJson({ method: { name: 'qca-calibrate' }, ...res });
          return;
        }
        const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
        const anchorText = (a: { exclusion: number; crossover: number; inclusion: number }) =>
          `e=${a.exclusion}, c=${a.crossover}, i=${a.inclusion}`;
        const describe = (c: (typeof res.columns)[number]) =>
          c.method === 'direct'
            ? h(
                `直接法 ${anchorText(c.anchors)}，对数几率 ±${c.logOdds.toFixed(3)}（${c.preset}）`,
                `direct ${anchorText(c.anchors)}, log-odds ±${c.logOdds.toFixed(3)} (${c.preset})`,
              )
            : c.method === 'crisp'
              ? h(
                  `清晰集 阈值 ${c.thresholds.join(', ')}${c.decreasing ? '（递减）' : ''}`,
                  `crisp thresholds ${c.thresholds.join(', ')}${c.decreasing ? ' (decreasing)' : ''}`,
                )
              : h(`间接法（分式 logit，目标列 ${c.targets}）`, `indirect (fractional logit on ${c.targets})`);
        const lines = [h('校准', 'Calibration'), ...res.columns.map((c) => `  ${c.column}: ${describe(c)}`)];
        lines.push(textTableOf(res, h));
        if (opts.out) lines.push(h(`已写出 ${opts.out}`, `wrote ${opts.out}`));
        process.stdout.write(lines.join('\n') + '\n');
      },
    );

  setOptions(qca.command('necessity').description('Analysis of necessity: inclN, RoN, covN / 必要条件分析')).action(
    async (opts: SetOptions) => {
      const { data, warnings } = await loadSets(opts);
      printWarnings(warnings);
      const res = necessity(data);
      if (opts.json) {
        printJson({ method: { name: 'qca-necessity' }, ...res });
        return;
      }
      process.stdout.write(necessityText(res, pickLang(opts.lang)) + '\n');
    },
  );

  setOptions(qca.command('fit').description('Fit of an expression, e.g. "A*~B + C" / 给定组态的拟合参数'))
    .requiredOption('--expression <sop>', 'sum of products, e.g. "DEV*~IND + URB*STB" / 组态表达式')
    .action(async (opts: SetOptions & { expression: string }) => {
      const { data, warnings } = await loadSets(opts);
      printWarnings(warnings);
      const res = expressionFit(data, opts.expression);
      if (opts.json) {
        printJson({ method: { name: 'qca-fit' }, ...res });
        return;
      }
      process.stdout.write(expressionFitText(res, pickLang(opts.lang)) + '\n');
    });

  cutOptions(
    qca.command('truthtable').description('Truth table with consistency, frequency and PRI cut-offs / 真值表'),
  ).action(async (opts: CutOptions) => {
    const { data, warnings } = await loadSets(opts);
    const tt = truthTable(data, cuts(opts));
    printWarnings([...warnings, ...tt.warnings]);
    if (opts.json) {
      printJson({ method: { name: 'qca-truthtable' }, ...tt });
      return;
    }
    process.stdout.write(truthTableText(tt, pickLang(opts.lang)) + '\n');
  });

  cutOptions(
    qca
      .command('minimize')
      .description('Complex, parsimonious and intermediate solutions / 布尔最简化：复杂解、简约解、中间解'),
  )
    .option(
      '--dir-exp <list>',
      'directional expectations for the intermediate solution, e.g. "DEV, URB, ~IND" / 方向预期',
    )
    .option('--xy <file>', 'write the XY plot of the main solution as SVG / 输出主解的 XY 图（SVG）')
    .option(
      '--html <file>',
      'also write necessity, truth table, solutions, configurations and the XY plot as HTML / 另存 HTML 报告',
    )
    .option('--docx <file>', 'also write the same report as a Word document / 另存 Word 报告')
    .action(async (opts: CutOptions & { dirExp?: string; xy?: string; html?: string; docx?: string }) => {
      const lang = pickLang(opts.lang);
      const { data, warnings } = await loadSets(opts);
      const tt = truthTable(data, cuts(opts));
      printWarnings([...warnings, ...tt.warnings]);
      const dirExp =
        opts.dirExp !== undefined
          ? parseDirectionalExpectations(
              opts.dirExp,
              data.conditions.map((c) => c.name),
            )
          : null;
      const res = minimize(data, tt, { dirExp });
      const main = res.intermediate ? res.intermediate[0].models[0] : res.complex.models[0];
      const xy = xyPlot(
        data,
        main.terms.map((t) => t.implicant),
      );
      if (opts.xy) await writeFile(opts.xy, (await import('../report/qca-xy-chart.ts')).xyChart(xy, { lang }));
      if (opts.html || opts.docx) {
        const { qcaReportHtml, qcaReportDocx } = await import('../report/qca-html.ts');
        const doc = {
          lang,
          necessity: necessity(data),
          truthTable: tt,
          minimize: res,
          configurations: configurationTable(res, main),
          xy,
        };
        if (opts.html) await writeFile(opts.html, qcaReportHtml(doc));
        if (opts.docx) {
          const { rasterizeSvg } = await import('../io/rasterize.ts');
          await writeFile(opts.docx, await qcaReportDocx(doc, rasterizeSvg));
        }
      }
      if (opts.json) {
        printJson({ ...minimizeJson(res), configurations: configurationTable(res, main), xy });
        return;
      }
      const parts = [
        solutionText(res.complex, res.outcomeName, lang),
        solutionText(res.parsimonious, res.outcomeName, lang),
        ...(res.intermediate ?? []).map((s) => solutionText(s, res.outcomeName, lang)),
        configurationText(configurationTable(res, main), lang),
      ];
      process.stdout.write(parts.join('\n\n') + '\n');
    });

  setOptions(
    qca
      .command('robustness')
      .description('Solutions over a grid of consistency and frequency cut-offs / 阈值稳健性检验'),
  )
    .option('--incl-cuts <list>', 'consistency cut-offs, comma-separated / 一致性阈值列表', '0.75,0.8,0.85,0.9')
    .option('--n-cuts <list>', 'frequency cut-offs, comma-separated / 频数阈值列表', '1,2')
    .option('--pri-cut <x>', 'PRI cut-off / PRI 阈值', '0')
    .option('--dir-exp <list>', 'directional expectations / 方向预期')
    .action(async (opts: SetOptions & { inclCuts: string; nCuts: string; priCut: string; dirExp?: string }) => {
      const { data, warnings } = await loadSets(opts);
      printWarnings(warnings);
      const res = robustness(data, {
        inclCuts: numbers(opts.inclCuts, '--incl-cuts'),
        nCuts: numbers(opts.nCuts, '--n-cuts'),
        priCut: number(opts.priCut, '--pri-cut'),
        dirExp:
          opts.dirExp !== undefined
            ? parseDirectionalExpectations(
                opts.dirExp,
                data.conditions.map((c) => c.name),
              )
            : null,
      });
      if (opts.json) {
        printJson({ method: { name: 'qca-robustness' }, outcomeName: data.outcomeName, ...res });
        return;
      }
      process.stdout.write(robustnessText(res, pickLang(opts.lang)) + '\n');
    });
}

function textTableOf(res: Awaited<ReturnType<typeof calibrateTable>>, h: (zh: string, en: string) => string): string {
  return textTableFn(
    [h('案例', 'case'), ...res.columns.map((c) => c.column)],
    res.cases.map((name, k) => [name, ...res.columns.map((c) => c.memberships[k])]),
    3,
  );
}

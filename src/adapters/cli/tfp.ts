/**
 * `xinzhi tfp --data FILE --model MODEL.json|yaml [--json] [--lang zh|en]`:
 * efficiency by DEA (CCR, BCC, SBM with undesirable outputs, super-SBM) or
 * productivity change (Malmquist, Malmquist–Luenberger, global ML) on a panel.
 *
 * --json prints one document: {"model" (as used), "method" {name, source},
 * "solver", "results": [{unit, time, efficiency, status, superEfficiency,
 * slacks: {column: value}, shares: {column: share}, source}], "index": [{unit,
 * from, to, value, ec, tc, status}], "cumulative": [{unit, time, value}],
 * "warnings"} (see docs/tfp.md); firm estimators print {"model", "method",
 * "se", "n", "firms", "stage2", "survival" (the exit correction's survival
 * model or null), "bootstrapFailed", "coefficients": {column: {estimate, se}},
 * "byTime": [{time, firms, mean, sd, p10, median, p90}] (ln TFP by period),
 * "tfp": [{unit, time, value}]}. Without --json: bilingual tables, the slack
 * shares (where inefficiency comes from) and a one-line interpretation.
 * --csv FILE also writes the results as a panel CSV (report/tfp-csv.ts);
 * --html FILE a standalone HTML report (report/tfp-html.ts); --docx FILE the
 * same report in Word; --xlsx FILE the results at full precision
 * (report/tfp-xlsx.ts).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { XinzhiError, formatProblem, type Problem } from '../../core/errors.ts';
import { loadFramework } from '../../core/framework/model.ts';
import { getNode, suggestIds } from '../../core/framework/query.ts';
import { both, bi, type Lang } from '../../core/i18n.ts';
import { checkTfpModel, type TfpModel } from '../../core/tfp/model.ts';
import { describeModel } from '../../core/tfp/describe.ts';
import { runTfpAsync, type TfpEfficiencyRow, type TfpResult } from '../../core/tfp/run.ts';
import { deaParts, runDeaOnWorker } from '../io/dea-pool.ts';
import { cumulativeLookup, type Spread, tfpSummary } from '../../core/tfp/summary.ts';
import { LARGE_PANEL_UNITS, SHOWN_AT_EACH_END } from '../report/large-panel.ts';
import { FIRM_SOURCES } from '../../core/tfp/firm/estimators.ts';
import { EXIT_INFER, checkFirmModel, firmColumns, isFirmType } from '../../core/tfp/firm/model.ts';
import { runFirmAsync, type FirmResult } from '../../core/tfp/firm/run.ts';
import { runReplicatesOnWorker, tfpBootstrapParts } from '../io/tfp-pool.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { tfpCsv } from '../report/tfp-csv.ts';
import { indexRowCells, tfpReportDocx, tfpReportHtml } from '../report/tfp-html.ts';
import { tfpWorkbook } from '../report/tfp-xlsx.ts';
import { rasterizeSvg } from '../io/rasterize.ts';
import { loadProvinceGeojson } from '../io/geo.ts';
import { loadLpSolver } from '../io/lp-solver.ts';
import { readPanelFile } from '../io/read.ts';
import { textTable } from './analyze/input.ts';
import { pickLang, positiveIntOption, printJson } from './util.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

interface TfpOptions {
  data: string;
  model: string;
  json?: boolean;
  lang?: string;
  csv?: string;
  html?: string;
  docx?: string;
  xlsx?: string;
  jobs?: string;
}

/** Read a firm-estimator model and the data, check both, and estimate. */
async function runFirmCommand(
  raw: Record<string, unknown>,
  opts: { data: string; model: string; jobs?: number },
): Promise<FirmResult> {
  const { model, problems } = checkFirmModel(raw, opts.model);
  if (!model) throw new XinzhiError(problems);
  const { panel, problems: read } = await readPanelFile(opts.data, {
    unit: model.unit,
    time: model.time,
    columns: firmColumns(model),
  });
  const errors = read.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  // the bootstrap replications of a large panel on one worker thread per core (the same numbers)
  const parts = tfpBootstrapParts(panel.unit.length, model.bootstrap, opts.jobs);
  return runFirmAsync(panel, model, { runPart: runReplicatesOnWorker, parts });
}

/** Read the model and the data, check both, and run (DEA / index models or firm estimators). */
export async function runTfpCommand(opts: {
  data: string;
  model: string;
  jobs?: number;
}): Promise<TfpResult | FirmResult> {
  const raw = await loadSpecFile(opts.model, '--model');
  if (typeof raw === 'object' && raw !== null && isFirmType((raw as Record<string, unknown>).type)) {
    return runFirmCommand(raw as Record<string, unknown>, opts);
  }
  const { model, problems } = checkTfpModel(raw, opts.model);
  if (!model) throw new XinzhiError(problems);
  checkNodes(model, opts.model);
  const columns = [...model.inputs, ...model.outputs, ...model.undesirable];
  const { panel, problems: read } = await readPanelFile(opts.data, { unit: model.unit, time: model.time, columns });
  const errors = read.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  // a large run's programmes on one worker thread per core (the same numbers)
  const parts = (programmes: number) => deaParts(programmes, opts.jobs);
  const result = await runTfpAsync(await loadLpSolver(), panel, model, { runPart: runDeaOnWorker, parts });
  result.warnings.unshift(...read.filter((p) => p.severity === 'warning'));
  return result;
}

function checkNodes(model: TfpModel, file: string): void {
  const framework = loadFramework();
  const problems: Problem[] = [];
  for (const [column, id] of Object.entries(model.nodes)) {
    if (getNode(framework, id)) continue;
    const near = suggestIds(framework, id, 3);
    problems.push({
      code: 'tfp-unknown-node',
      severity: 'error',
      file,
      column: 'nodes',
      message: bi(
        `列 "${column}" 指向的框架节点 "${id}" 不存在。`,
        `Framework node "${id}" given for column "${column}" does not exist.`,
      ),
      fix: bi(
        `相近的节点：${near.join(', ')}；用 xinzhi framework search 查找。`,
        `Close nodes: ${near.join(', ')}; find one with xinzhi framework search.`,
      ),
    });
  }
  if (problems.length > 0) throw new XinzhiError(problems);
}

function nodeName(id: string | null, lang: Lang): string {
  if (id === null) return '';
  const node = getNode(loadFramework(), id);
  return node ? `${id} ${node.name[lang]}` : id;
}

const pct = (v: number | undefined) => (v === undefined ? '—' : `${(100 * v).toFixed(1)}%`);
const SPREAD_HEADER = ['min', 'p25', 'median', 'p75', 'max'];
/** Centre, minimum, quartiles and maximum of a Spread as table cells. */
const spreadCells = (s: Spread) => [s.centre, s.min, s.q25, s.median, s.q75, s.max];

/** The line under a summarised firm panel: where every row is. */
function fullRowsNote(rows: number, lang: Lang): string {
  return lang === 'zh'
    ? `共 ${rows} 行，此处为概要；全部行见 --csv、--xlsx 或 --json 的输出。`
    : `${rows} rows in all; this is a summary. Every row is in the output of --csv, --xlsx or --json.`;
}

function efficiencyText(result: TfpResult, lang: Lang): string[] {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const m = result.model;
  const columns = [...m.inputs, ...m.outputs, ...m.undesirable];
  const out: string[] = [];
  out.push(
    both(
      bi(
        '效率与低效率来源（各变量的松弛占比）',
        'Efficiency and where inefficiency comes from (slack shares by variable)',
      ),
    ),
  );
  const rowCells = (r: TfpEfficiencyRow) => [
    r.unit,
    String(r.time),
    r.efficiency === null ? h(`无解（${r.status}）`, `none (${r.status})`) : r.efficiency,
    ...columns.map((c) => (r.status === 'optimal' ? pct(r.shares[c]) : '—')),
    r.source ? r.source.column : r.superEfficiency ? h('超效率', 'super-efficient') : '',
  ];
  const header = [
    h('单位', 'unit'),
    h('时间', 'time'),
    h('效率', 'efficiency'),
    ...columns,
    h('主要来源', 'main source'),
  ];
  if (result.units.length > LARGE_PANEL_UNITS) {
    // a firm panel: the distribution by period and both ends of the latest period
    const sum = tfpSummary(result, SHOWN_AT_EACH_END);
    out.push(
      textTable(
        [h('时间', 'time'), 'n', h('均值', 'mean'), ...SPREAD_HEADER, h('有效', 'efficient'), ...columns],
        sum.efficiency.map((e) => [
          String(e.time),
          String(e.n),
          ...spreadCells(e),
          String(e.efficient),
          ...columns.map((c) => pct(e.meanShares[c])),
        ]),
      ),
      h(
        '（各变量一栏为低效单位的平均松弛占比）',
        '(the variable columns are the mean slack shares of the inefficient units)',
      ),
      '',
      h(
        `${String(result.times[result.times.length - 1])} 年效率最高的 ${sum.best.length} 个单位`,
        `The ${sum.best.length} most efficient units in ${String(result.times[result.times.length - 1])}`,
      ),
      textTable(header, sum.best.map(rowCells)),
    );
    if (sum.worst.length)
      out.push(
        h(`效率最低的 ${sum.worst.length} 个单位`, `The ${sum.worst.length} least efficient units`),
        textTable(header, sum.worst.map(rowCells)),
      );
    out.push(fullRowsNote(result.results.length, lang));
  } else out.push(textTable(header, result.results.map(rowCells)));
  // One-line interpretation: mean score and the column with the largest mean share among inefficient rows.
  const scored = result.results.filter((r) => r.efficiency !== null);
  const mean = scored.reduce((a, r) => a + (r.efficiency as number), 0) / Math.max(1, scored.length);
  const inefficient = scored.filter((r) => r.source !== null);
  const meanShare = columns.map(
    (c) => [c, inefficient.reduce((a, r) => a + (r.shares[c] ?? 0), 0) / Math.max(1, inefficient.length)] as const,
  );
  const top = meanShare.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as readonly [string, number]);
  const infeasible = result.results.length - scored.length;
  out.push('');
  if (inefficient.length === 0) {
    out.push(
      h(
        `解读：平均效率 ${mean.toFixed(4)}，所有单位都在前沿上。`,
        `Reading: mean efficiency ${mean.toFixed(4)}; every unit is on the frontier.`,
      ),
    );
  } else {
    const node = m.nodes[top[0]] ?? null;
    const where = node
      ? h(
          `，对应框架节点 ${nodeName(node, lang)}（xinzhi framework diagnose ${node} 给出问题与对策）`,
          `, framework node ${nodeName(node, lang)} ` +
            `(xinzhi framework diagnose ${node} lists its problems and remedies)`,
        )
      : '';
    out.push(
      h(
        `解读：平均效率 ${mean.toFixed(4)}；${inefficient.length} 个单位-时期低效，` +
          `低效率平均最多来自 "${top[0]}"（${pct(top[1])}）${where}。`,
        `Reading: mean efficiency ${mean.toFixed(4)}; ${inefficient.length} unit-periods are inefficient, ` +
          `on average most of it from "${top[0]}" (${pct(top[1])})${where}.`,
      ),
    );
  }
  if (infeasible > 0) {
    out.push(
      h(
        `${infeasible} 个超效率规划无可行解（效率为空，不作替代）。`,
        `${infeasible} super-efficiency programmes are infeasible (efficiency left empty, nothing substituted).`,
      ),
    );
  }
  return out;
}

function indexText(result: TfpResult, lang: Lang): string[] {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const [vName, tName] =
    result.model.type === 'gml' ? ['GML', 'BPC'] : result.model.type === 'ml' ? ['ML', 'TC'] : ['M', 'TC'];
  const out: string[] = [];
  out.push(both(bi('生产率指数及其分解（>1 表示增长）', 'Productivity index and its decomposition (>1 means growth)')));
  const indexHeader = [h('单位', 'unit'), h('从', 'from'), h('到', 'to'), vName, 'EC', tName, h('状态', 'status')];
  const lastTime = result.times[result.times.length - 1];
  const cumulativeTitle = both(
    bi(`累积指数（${String(result.times[0])} = 1）`, `Cumulative index (${String(result.times[0])} = 1)`),
  );
  const cumulative = cumulativeLookup(result);
  if (result.units.length > LARGE_PANEL_UNITS) {
    // a firm panel: the index's distribution by pair of periods and both ends of the last pair
    const sum = tfpSummary(result, SHOWN_AT_EACH_END);
    out.push(
      textTable(
        [h('时期', 'periods'), 'n', h(`${vName} 几何均值`, `${vName} geo. mean`), ...SPREAD_HEADER, 'EC', tName],
        sum.index.map((p) => [`${String(p.from)}–${String(p.to)}`, String(p.n), ...spreadCells(p), p.ec, p.tc]),
      ),
      '',
      h(
        `最后一对时期 ${vName} 最高的 ${sum.indexBest.length} 个单位`,
        `The ${sum.indexBest.length} units with the largest ${vName} in the last pair of periods`,
      ),
      textTable(indexHeader, sum.indexBest.map(indexRowCells)),
    );
    if (sum.indexWorst.length)
      out.push(
        h(
          `${vName} 最低的 ${sum.indexWorst.length} 个单位`,
          `The ${sum.indexWorst.length} units with the smallest ${vName}`,
        ),
        textTable(indexHeader, sum.indexWorst.map(indexRowCells)),
      );
    out.push('', cumulativeTitle);
    const cumRows = [...sum.cumulativeBest, ...sum.cumulativeWorst].map((c) => [
      c.unit,
      ...result.times.map((t) => cumulative(c.unit, t)),
    ]);
    out.push(
      h(
        `${String(lastTime)} 年累积指数最高与最低的单位（各 ${SHOWN_AT_EACH_END} 个）`,
        `The units with the largest and smallest cumulative index in ${String(lastTime)} (${SHOWN_AT_EACH_END} each)`,
      ),
      textTable([h('单位', 'unit'), ...result.times.map(String)], cumRows),
      fullRowsNote(result.index.length, lang),
    );
  } else {
    out.push(textTable(indexHeader, result.index.map(indexRowCells)));
    out.push('', cumulativeTitle);
    out.push(
      textTable(
        [h('单位', 'unit'), ...result.times.map(String)],
        result.units.map((u) => [u, ...result.times.map((t) => cumulative(u, t))]),
      ),
    );
  }
  const ok = result.index.filter((r) => r.value !== null);
  const geo = (pick: (r: (typeof ok)[number]) => number) =>
    Math.exp(ok.reduce((a, r) => a + Math.log(pick(r)), 0) / Math.max(1, ok.length));
  out.push('');
  if (ok.length === 0) {
    out.push(
      h(
        '解读：没有可计算的指数（只有一期，或全部跨期规划无解）。',
        'Reading: no index could be computed (one period only, or every mixed-period programme is infeasible).',
      ),
    );
  } else {
    const [v, ec, tc] = [geo((r) => r.value as number), geo((r) => r.ec as number), geo((r) => r.tc as number)];
    const rate = Math.abs(100 * (v - 1)).toFixed(2);
    out.push(
      h(
        `解读：${vName} 几何平均 ${v.toFixed(4)}（每期${v >= 1 ? '增长' : '下降'} ${rate}%），` +
          `效率变化 EC ${ec.toFixed(4)}，技术变化 ${tName} ${tc.toFixed(4)}；到 ${String(lastTime)} 的累积指数见上表。`,
        `Reading: geometric mean ${vName} ${v.toFixed(4)} (${v >= 1 ? 'growth' : 'decline'} of ${rate}% a period), ` +
          `efficiency change EC ${ec.toFixed(4)}, technical change ${tName} ${tc.toFixed(4)}; ` +
          `the cumulative index to ${String(lastTime)} is above.`,
      ),
    );
  }
  const failed = result.index.length - ok.length;
  if (failed > 0) {
    out.push(
      h(
        `${failed} 个单位-时期对的跨期规划无可行解，指数为空（不作替代；可改用 gml）。`,
        `${failed} unit-period pairs have an infeasible mixed-period programme; ` +
          'their index is empty (nothing substituted; gml avoids this).',
      ),
    );
  }
  return out;
}

function firmText(result: FirmResult, lang: Lang): string[] {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const m = result.model;
  const out: string[] = [];
  out.push(both(bi('生产函数系数', 'Production-function coefficients')));
  const seLabel =
    result.se === 'bootstrap'
      ? h(`自助法标准误（${m.bootstrap} 次，种子 ${m.seed}）`, `bootstrap SE (${m.bootstrap} reps, seed ${m.seed})`)
      : h('标准误', 'SE');
  out.push(
    textTable(
      [h('变量', 'variable'), h('系数', 'estimate'), seLabel],
      Object.entries(result.coefficients).map(([c, v]) => [c, v.estimate, Number.isFinite(v.se) ? v.se : null]),
    ),
  );
  if (result.survival) {
    const sv = result.survival;
    const how =
      m.exit === EXIT_INFER ? h('由面板推断', 'read off the panel') : h(`列 "${m.exit}"`, `column "${m.exit}"`);
    out.push(
      h(
        `退出修正：${sv.link} 生存模型（${how}），${sv.rows} 个观测中 ${sv.exits} 次退出，对数似然 ${sv.logLik.toFixed(4)}；` +
          '第二阶段 ĝ 为 (ω̂_{t−1}, P̂_{t−1}) 的三次多项式。',
        `Exit correction: ${sv.link} survival model (exits ${how}), ${sv.exits} exits in ${sv.rows} observations, ` +
          `log-likelihood ${sv.logLik.toFixed(4)}; stage-2 ĝ is the cubic in (ω̂_{t−1}, P̂_{t−1}).`,
      ),
    );
  }
  if (result.bootstrapFailed > 0) {
    out.push(
      h(
        `${result.bootstrapFailed} 次自助法重复无法估计（如抽到的企业无退出），已跳过；标准误来自其余 ${m.bootstrap - result.bootstrapFailed} 次。`,
        `${result.bootstrapFailed} bootstrap replications could not be estimated (e.g. no exit among the firms drawn) ` +
          `and were skipped; the SEs come from the other ${m.bootstrap - result.bootstrapFailed}.`,
      ),
    );
  }
  // returns to scale: the inputs' elasticities (free and state variables not listed under notInputs)
  const inputs = [...m.free, ...m.state].filter((v) => !m.notInputs.includes(v));
  const sum = inputs.reduce((a, v) => a + (result.coefficients[v]?.estimate ?? 0), 0);
  const unsure = m.state.length > 1 && m.notInputs.length === 0;
  const meanTfp = result.tfp.reduce((a, r) => a + r.value, 0) / result.tfp.length;
  const rtsZh = sum > 1.005 ? '规模报酬递增' : sum < 0.995 ? '规模报酬递减' : '约为规模报酬不变';
  const rtsEn = sum > 1.005 ? 'increasing' : sum < 0.995 ? 'decreasing' : 'about constant';
  out.push('');
  out.push(
    h(
      `解读：${result.firms} 家企业、${result.n} 个观测；${inputs.join('、')} 的产出弹性之和 ${sum.toFixed(4)}（${rtsZh}）` +
        `${unsure ? '，其中计入了全部状态变量（若某个状态变量不是投入，如企业年龄，请在 "notInputs" 中列出）' : ''}；` +
        `ln TFP 均值 ${meanTfp.toFixed(4)}（--json 给出每个企业-年份的值）。`,
      `Reading: ${result.firms} firms, ${result.n} observations; the output elasticities of ${inputs.join(', ')} sum to ${sum.toFixed(4)} ` +
        `(${rtsEn} returns to scale${unsure ? '; every state variable is counted: list one that is not an input, such as firm age, under "notInputs"' : ''}); ` +
        `mean ln TFP ${meanTfp.toFixed(4)} (--json gives every firm-year).`,
    ),
  );
  return out;
}

export function registerTfp(program: Command): void {
  program
    .command('tfp')
    .description(COMMAND_SUMMARIES.tfp)
    .requiredOption('--data <file>', 'panel data (CSV, XLSX, JSON) / 面板数据')
    .requiredOption('--model <file>', 'model file (JSON or YAML), see docs/tfp.md / 模型文件')
    .option('--json', 'print one JSON document / 输出一个 JSON 文档')
    .option('--lang <lang>', 'zh or en / 语言')
    .option('--csv <file>', 'also write the results as a panel CSV for analyze / evaluate / 另存为面板 CSV')
    .option('--html <file>', 'also write a standalone HTML report / 另存 HTML 报告')
    .option('--docx <file>', 'also write the report as a Word document / 另存 Word 报告')
    .option('--xlsx <file>', 'also write the results as an XLSX workbook / 另存 XLSX')
    .option(
      '--jobs <n>',
      'worker threads for the DEA programmes, or the bootstrap of a firm estimator (default: one per CPU core for large panels; the same results with any number) / DEA 规划或企业估计量自助法的线程数（默认大面板每核一个；结果与线程数无关）',
    )
    .action(async (opts: TfpOptions) => {
      const lang = pickLang(opts.lang);
      const jobs = positiveIntOption('--jobs', opts.jobs);
      const run = await runTfpCommand({ data: opts.data, model: opts.model, ...(jobs !== undefined ? { jobs } : {}) });
      if (opts.csv) await writeFile(opts.csv, tfpCsv(run));
      const doc = opts.html || opts.docx ? { geojson: await loadProvinceGeojson() } : {};
      if (opts.html) await writeFile(opts.html, tfpReportHtml(run, lang, doc));
      if (opts.docx) await writeFile(opts.docx, await tfpReportDocx(run, lang, rasterizeSvg, doc));
      if (opts.xlsx) await writeFile(opts.xlsx, await tfpWorkbook(run, lang));
      if ('coefficients' in run) {
        const source = FIRM_SOURCES[run.model.type];
        if (opts.json) {
          printJson({
            model: run.model,
            method: { name: run.model.type, source },
            se: run.se,
            n: run.n,
            firms: run.firms,
            stage2: run.stage2,
            survival: run.survival,
            bootstrapFailed: run.bootstrapFailed,
            coefficients: run.coefficients,
            byTime: run.byTime,
            tfp: run.tfp,
          });
          return;
        }
        process.stdout.write(
          [`${run.model.type.toUpperCase()} (${source})`, '', ...firmText(run, lang)].join('\n') + '\n',
        );
        return;
      }
      const result = run;
      const method = describeModel(result.model);
      if (opts.json) {
        printJson({
          model: result.model,
          method: { name: { zh: method.zh, en: method.en }, source: method.source },
          solver: result.solver,
          results: result.results,
          index: result.index,
          cumulative: result.cumulative,
          warnings: result.warnings,
        });
        return;
      }
      const out = [lang === 'zh' ? `${method.zh}（${method.source}）` : `${method.en} (${method.source})`, ''];
      out.push(...(result.results.length > 0 ? efficiencyText(result, lang) : indexText(result, lang)));
      for (const w of result.warnings) out.push(formatProblem(w, lang));
      process.stdout.write(out.join('\n') + '\n');
    });
}

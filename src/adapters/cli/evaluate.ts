/**
 * `xinzhi evaluate`: build an index from a data file and a spec (JSON or
 * YAML); without --data / --spec, the embedded default NQPF index of the 31
 * provinces 2013–2022 (docs/default-index.md).
 *
 * Output: a bilingual ranking table of the latest time on stdout and all
 * output files in --out (default xinzhi-out/); with --json, the
 * EvaluationResult as one JSON document on stdout and nothing else (files
 * are written only when --out is given). Errors: bilingual messages on
 * stderr, non-zero exit (main.ts).
 */
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { nodeSha256 } from '../io/sha256.ts';
import { basename, relative } from 'node:path';
import { XinzhiError, formatProblem, type Problem } from '../../core/errors.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { findProvince } from '../../core/geo/provinces.ts';
import { evaluateAsync } from '../../core/measure/evaluate.ts';
import { rankRobustness, ROBUSTNESS_THRESHOLD, weightMethodName } from '../../core/measure/robustness.ts';
import type { RobustnessReport } from '../../core/measure/result.ts';
import { parseSpec } from '../../core/measure/spec-schema.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import type { Spec } from '../../core/measure/spec.ts';
import type { Panel } from '../../core/panel/types.ts';
import { readTableFile } from '../io/read.ts';
import { releasePanelColumns, releaseTableGrid } from '../io/release.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../io/defaults.ts';
import { nodeEngine } from '../io/engine.ts';
import { runPartOnWorker, uncertaintyParts } from '../io/uncertainty-pool.ts';
import { pairwiseRunner } from '../io/pairwise-pool.ts';
import { loadProvinceGeojson } from '../io/geo.ts';
import { influenceChoice } from '../report/labels.ts';
import {
  endsOf,
  isLargePanel,
  mostMoved,
  omittedNote,
  robustnessSentencesShown,
  SHOWN_AT_EACH_END,
} from '../report/large-panel.ts';
import { specPanelFromTable } from '../io/spec-panel.ts';
import { OUTPUT_FORMATS, parseOutputFormats, REPORT_FORMATS } from '../io/output-formats.ts';
import { badOption, pickLang, printJson, textWidth } from './util.ts';
import { PRESET_IDS, presetOver, type PresetId } from '../../core/measure/presets.ts';
import { writeJsonTo } from '../io/write-json.ts';
import pkg from '../../../package.json' with { type: 'json' };
import { COMMAND_SUMMARIES } from './summaries.ts';

export interface EvaluateCliOptions {
  data?: string;
  spec?: string;
  sheet?: string;
  json?: boolean;
  out?: string;
  lang?: string;
  top?: string;
  uncertainty?: string;
  seed?: string;
  jobs?: string;
  analyses?: string;
  rankShift?: string;
  maxDepth?: string;
  maxIndicators?: string;
  engine?: string;
  table?: string;
  parquet?: boolean;
  formats?: string;
  units?: string;
  preset?: string;
}

/** A preset id from --preset. */
function presetId(v: string): PresetId {
  if ((PRESET_IDS as readonly string[]).includes(v)) return v as PresetId;
  throw badOption('--preset', v, PRESET_IDS);
}

function optionError(flag: string, value: string, fix: { zh: string; en: string }): XinzhiError {
  return new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: bi(`选项 ${flag} 的值 "${value}" 无效`, `invalid value "${value}" for ${flag}`),
    fix,
  });
}

function nonNegativeInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw optionError(flag, v, bi('使用 0 或正整数', 'use 0 or a positive whole number'));
  return n;
}

function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw optionError(flag, v, bi('使用正整数', 'use a positive whole number'));
  return n;
}

/**
 * Read the data file with the columns and labels the spec uses (problems:
 * errors thrown, warnings returned). The numbers of a CSV become the panel's
 * columns in place (PanelOptions `readOnce`), and the rest of the table's
 * cell grid is freed once the panel is built (io/release.ts).
 */
export async function readSpecPanel(
  path: string,
  spec: Spec,
  sheet?: string,
): Promise<{ panel: Panel; warnings: Problem[] }> {
  const table = await readTableFile(path, sheet !== undefined ? { sheet } : {});
  const read = specPanelFromTable(table, spec, { readOnce: true });
  await releaseTableGrid(table);
  return read;
}

/** Times as a short list: consecutive integer years become ranges ("2013–2016, 2020"). */
function timeList(times: Array<string | number>): string {
  const nums = times.map(Number);
  if (!nums.every(Number.isInteger)) return times.join(', ');
  const sorted = [...new Set(nums)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

/**
 * For the terminal: warnings that differ only in time (e.g. one dropped row
 * per year of the same unit) are shown once with their times; rows are left
 * out of a merged line. results.json keeps every warning as it is.
 */
export function groupByTime(problems: Problem[]): Problem[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = [p.code, p.file ?? '', p.unit ?? '', p.column ?? '', p.message.en].join('\u0000');
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((g) => {
    if (g.length === 1 || g.some((p) => p.time === undefined)) return g[0];
    const { row: _row, ...first } = g[0];
    return { ...first, time: timeList(g.map((p) => p.time!)) };
  });
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - textWidth(s)));
  return right ? fill + s : s + fill;
}

/**
 * Which rows a terminal table shows: the first `top` when asked; otherwise
 * all of a small panel's and, for a large panel (report/large-panel.ts
 * isLargePanel), the first and last SHOWN_AT_EACH_END, as the reports do.
 * `gap` is the index in `shown` before which rows were left out (−1: none).
 */
function shownRows<T>(rows: T[], large: boolean, top?: number): { shown: T[]; gap: number } {
  if (top) return { shown: rows.slice(0, top), gap: -1 };
  if (!large) return { shown: rows, gap: -1 };
  const shown = endsOf(rows);
  return { shown, gap: shown.length < rows.length ? SHOWN_AT_EACH_END : -1 };
}

/**
 * The ranking table of the latest time, bilingual headings. A large panel
 * shows the first and last units (the reports' rule) unless `top` is given,
 * then the units named in `units` (--units), each with its rank.
 */
export function rankingTable(result: EvaluationResult, lang: Lang, top?: number, units?: readonly string[]): string {
  const latest = result.times[result.times.length - 1];
  const rows = result.scores.filter((r) => r.time === latest).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const { shown, gap } = shownRows(rows, isLargePanel(result), top);
  const spec = result.record.spec;
  const dims = result.nodeWeights.filter((w) => w.kind === 'node' && w.parent === null);
  const dimName = (id: string) => {
    const n = spec.nodes?.find((x) => x.id === id);
    return n?.name ? n.name[lang] : id;
  };
  const dimScore = new Map<string, number>();
  for (const s of result.nodeScores)
    if (s.time === latest && s.node !== INDEX_ID) dimScore.set(`${s.node}\u0000${s.unit}`, s.score);
  const title = spec.name ? `${spec.name.zh} / ${spec.name.en}` : '综合指数 / Composite index';
  const lines: string[] = [];
  lines.push(`${title} — ${lang === 'zh' ? '时间' : 'time'} ${String(latest)}`);
  const dimWidth = (id: string) => Math.max(14, textWidth(dimName(id)));
  const head = [
    pad('排名 Rank', 10),
    pad('单位 Unit', 24),
    pad('指数 Score', 12, true),
    ...dims.map((d) => pad(dimName(d.id), dimWidth(d.id), true)),
  ];
  const line = (r: (typeof rows)[number]) =>
    [
      pad(String(r.rank), 10),
      pad(unitLabel(r.unit, lang), 24),
      pad(r.score.toFixed(4), 12, true),
      ...dims.map((d) => pad((dimScore.get(`${d.id}\u0000${r.unit}`) ?? NaN).toFixed(4), dimWidth(d.id), true)),
    ].join('  ');
  lines.push(head.join('  '));
  lines.push('-'.repeat(textWidth(head.join('  '))));
  shown.forEach((r, i) => {
    if (i === gap) lines.push('…');
    lines.push(line(r));
  });
  if (gap >= 0) lines.push('', omittedNote(rows.length, shown.length)[lang]);
  else if (rows.length > shown.length)
    lines.push(
      lang === 'zh'
        ? `……另有 ${rows.length - shown.length} 个单位（--top 调整）`
        : `… ${rows.length - shown.length} more units (change with --top)`,
    );
  if (units?.length) {
    const byUnit = new Map(rows.map((r) => [r.unit, r]));
    lines.push('', lang === 'zh' ? '所选单位（--units）：' : 'Chosen units (--units):');
    for (const u of units) {
      const r = byUnit.get(u);
      if (r) lines.push(line(r));
    }
  }
  const w = Object.entries(result.weights)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  lines.push('');
  const indName = (id: string) => spec.indicators.find((x) => x.id === id)?.name?.[lang] ?? id;
  lines.push(
    `${lang === 'zh' ? '权重最大的指标：' : 'Largest indicator weights: '}${w.map(([id, v]) => `${indName(id)} ${v.toFixed(3)}`).join(lang === 'zh' ? '，' : ', ')}`,
  );
  if (result.uncertainty) {
    const inf = Object.entries(result.uncertainty.influence)
      .map(([k, v]) => `${influenceChoice(k, lang)} ${v.toFixed(3)}`)
      .join(lang === 'zh' ? '，' : ', ');
    lines.push(
      lang === 'zh'
        ? `不确定性分析（${result.uncertainty.draws} 次抽样）：排名方差贡献（一阶敏感性指数）——${inf}`
        : `Uncertainty analysis (${result.uncertainty.draws} draws): share of rank variance (first-order index) — ${inf}`,
    );
  }
  return lines.join('\n');
}

/**
 * The robustness table: ranks of the latest time under each weighting
 * method, then the sentences. A large panel lists the unit-times that move
 * most (`top` of them, default 2 × SHOWN_AT_EACH_END) and, instead of a
 * sentence per unit, how many move and where all of them are, as the reports do.
 */
export function robustnessTable(result: EvaluationResult, lang: Lang, top?: number): string {
  const r = result.robustness;
  if (!r) return '';
  const large = isLargePanel(result);
  const shown = large ? mostMoved(r.rows, top) : top ? r.rows.slice(0, top) : r.rows;
  const sentences = robustnessSentencesShown(result, r, shown.length);
  const mc = r.rows.some((row) => row.monteCarlo);
  const name = (m: string) => weightMethodName(m)[lang];
  const lines = [
    lang === 'zh'
      ? `排名稳健性：不同赋权方法下的排名（${String(r.rows[0]?.time ?? '')}）`
      : `Robustness of the ranking: ranks under different weighting methods (${String(r.rows[0]?.time ?? '')})`,
  ];
  const cols = [
    ...r.options.methods.map(name),
    lang === 'zh' ? '变动' : 'Shift',
    ...(mc ? [lang === 'zh' ? '蒙特卡洛 5–95%' : 'Monte Carlo 5–95%'] : []),
  ];
  const widths = cols.map((c) => Math.max(10, textWidth(c)));
  const head = [pad('排名 Rank', 10), pad('单位 Unit', 24), ...cols.map((c, i) => pad(c, widths[i], true))];
  lines.push(head.join('  '));
  lines.push('-'.repeat(textWidth(head.join('  '))));
  for (const row of shown) {
    const cells = [
      ...r.options.methods.map((m) => String(row.ranks[m])),
      String(row.shift),
      ...(mc ? [row.monteCarlo ? `${row.monteCarlo.q05}–${row.monteCarlo.q95}` : '—'] : []),
    ];
    lines.push(
      [
        pad(String(row.nominalRank), 10),
        pad(unitLabel(row.unit, lang), 24),
        ...cells.map((c, i) => pad(c, widths[i], true)),
      ].join('  '),
    );
  }
  lines.push('');
  for (const sentence of sentences) lines.push(sentence[lang]);
  return lines.join('\n');
}

/** A unit's label in the terminal: province names in both scripts. */
function unitLabel(u: string, lang: Lang): string {
  const p = findProvince(u);
  if (!p) return u;
  if (u === p.shortZh || u === p.nameZh) return lang === 'zh' ? u : `${p.name} ${u}`;
  return lang === 'zh' ? `${p.shortZh} ${u}` : `${u} ${p.shortZh}`;
}

export async function runEvaluate(o: EvaluateCliOptions): Promise<void> {
  const lang = pickLang(o.lang);
  const top = positiveInt('--top', o.top);
  // The report modules (charts, Word, workbook) load only when a report is written: they take most of a second.
  const analyses =
    o.analyses !== undefined ? (await import('../report/analysis-sections.ts')).parseAnalyses(o.analyses) : undefined;
  const formats = o.formats !== undefined ? parseOutputFormats(o.formats) : undefined;
  const reports = !formats || formats.some((f) => REPORT_FORMATS.includes(f)); // a report or workbook is written
  if (analyses && !reports)
    throw optionError(
      '--analyses',
      o.analyses!,
      bi(
        `分析章节写在报告与工作簿中：在 --formats 中加入 ${REPORT_FORMATS.join('、')} 之一`,
        `the analyses are sections of the reports and workbook: add one of ${REPORT_FORMATS.join(', ')} to --formats`,
      ),
    );
  if (formats && o.json && o.out === undefined)
    throw optionError(
      '--formats',
      o.formats!,
      bi(
        '--formats 选择 --out 写出的文件：与 --out 同用',
        '--formats chooses the files --out writes: give --out as well',
      ),
    );
  const draws = positiveInt('--uncertainty', o.uncertainty);
  const jobs = positiveInt('--jobs', o.jobs);
  const rankShift = o.rankShift === undefined ? ROBUSTNESS_THRESHOLD : nonNegativeInt('--rank-shift', o.rankShift);
  const maxDepth = positiveInt('--max-depth', o.maxDepth);
  const maxIndicators = positiveInt('--max-indicators', o.maxIndicators);
  const limits = {
    ...(maxDepth !== undefined ? { maxDepth } : {}),
    ...(maxIndicators !== undefined ? { maxIndicators } : {}),
  };
  let seed: number | undefined;
  if (o.seed !== undefined) {
    seed = Number(o.seed);
    if (!Number.isInteger(seed)) throw optionError('--seed', o.seed, bi('使用整数', 'use a whole number'));
  }
  if (o.data !== undefined && o.spec === undefined) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: bi('给了 --data 但没有 --spec', '--data was given without --spec'),
      fix: bi(
        '用 --spec 指定指标体系（JSON 或 YAML），或两者都省略以使用内置默认指数',
        'give the indicator system with --spec (JSON or YAML), or omit both to use the embedded default index',
      ),
    });
  }
  const outDir = o.out ?? (o.json ? undefined : 'xinzhi-out');
  if (o.units !== undefined && outDir === undefined)
    throw optionError(
      '--units',
      o.units,
      bi('--units 用于报告与工作簿：与 --out 同用', '--units is for the reports and workbook: give --out as well'),
    );
  const units = o.units
    ?.split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const specPath = o.spec ?? DEFAULT_SPEC;
  const dataPath = o.data ?? DEFAULT_DATA;
  const loaded = await loadSpecFile(specPath);
  const rawSpec = o.preset !== undefined ? presetOver(loaded as Spec, presetId(o.preset)) : loaded;
  const specFile = basename(specPath);
  const first = parseSpec(rawSpec, { file: specFile, limits });
  if (!first.spec || first.problems.some((p) => p.severity === 'error')) throw new XinzhiError(first.problems);
  let specInput: unknown = rawSpec;
  if (draws !== undefined || seed !== undefined) {
    const r = rawSpec as Record<string, unknown>;
    const u = (r.uncertainty ?? {}) as Record<string, unknown>;
    specInput = {
      ...r,
      uncertainty: {
        ...u,
        draws: draws ?? (u.draws as number | undefined) ?? 1000,
        ...(seed !== undefined ? { seed } : {}),
      },
    };
  }
  // the panel goes once the robustness check has read it (below): a let, and no object left holding it
  const read: { panel?: Panel; warnings: Problem[] } = await readSpecPanel(dataPath, first.spec, o.sheet);
  const warnings = read.warnings;
  let panel: Panel | undefined = read.panel as Panel;
  delete read.panel;

  /** A progress bar on stderr, begun at the first report of progress and stopped at the last. */
  const progress = (label: string) => {
    let bar: SingleBar | undefined;
    return (done: number, total: number) => {
      if (!bar) {
        bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true });
        bar.start(total, 0);
      }
      bar.update(done);
      if (done === total) bar.stop();
    };
  };
  const tty = !o.json && process.stderr.isTTY;
  const showBar = tty && (draws !== undefined || first.spec.uncertainty !== undefined);
  // the draws of a large uncertainty analysis on worker threads (same report as one thread)
  const D = draws ?? first.spec.uncertainty?.draws ?? 0;
  const parts = D > 0 ? uncertaintyParts(panel.unit.length, D, jobs) : 1;
  // a large panel's output thread starts now: it loads while the evaluation keeps this thread busy
  const outputOptions = { ...(o.parquet ? { parquet: true } : {}), ...(formats ? { formats } : {}) };
  const outputs = outDir !== undefined ? await import('../io/write-outputs.ts') : undefined;
  const early = outputs?.startOutputThreadEarly(new Set(panel.unit).size, panel.unit.length, outputOptions);
  try {
    const result = await evaluateAsync(panel, specInput, {
      ...(parts > 1 ? { parallel: { runPart: runPartOnWorker, parts } } : {}),
      // the samples of Copeland and gaussian PROMETHEE II on worker threads, a large one in pieces (the same scores as one thread)
      pairwise: pairwiseRunner(jobs, tty ? progress('成对比较得分 / pairwise scores') : undefined),
      version: pkg.version,
      engine: nodeEngine(),
      limits,
      source: basename(dataPath),
      specFile,
      hash: nodeSha256,
      keepPrepared: true, // the robustness check scores the same prepared data with other weights
      onProgress: showBar ? progress('不确定性分析 / uncertainty') : undefined,
    });
    result.record.warnings.unshift(...warnings);
    // nothing reads the panel after the check: its columns are freed while the outputs are written, and the
    // prepared matrix the check took from the result goes with it (48 MB for 5,000 firms × 15 years × 40 indicators)
    let freed: Promise<void> | undefined;
    const robustness = (): RobustnessReport => {
      const report = rankRobustness(panel!, result, { threshold: rankShift });
      freed = releasePanelColumns(panel!);
      panel = undefined;
      return report;
    };

    let written: string[] = [];
    if (outDir === undefined) {
      result.robustness = robustness();
      await freed;
    } else {
      const provinceLike = result.units.filter((u) => findProvince(u)).length >= result.units.length / 2;
      const geojson = provinceLike && reports ? await loadProvinceGeojson() : undefined;
      const sections = analyses
        ? (await import('../report/analysis-sections.ts')).analysisSections(result, {
            analyses,
            lang,
            geojson: await loadProvinceGeojson(),
          }).sections
        : undefined;
      written = await outputs!.writeOutputs(result, outDir, {
        ...(units ? { units } : {}),
        lang,
        ...outputOptions,
        ...(early ? { outputThread: early } : {}),
        ...(geojson ? { geojson } : {}),
        ...(sections ? { sections } : {}),
        robustness, // computed while results.json is being written
      });
    }
    if (o.json) {
      await writeJsonTo(process.stdout, result);
      return;
    }
    const out: string[] = [];
    if (o.data === undefined)
      out.push(
        lang === 'zh'
          ? '（内置默认指数：30 省强度指标面板 2013–2022（不含西藏），见 docs/default-index.md）'
          : '(embedded default index: intensity panel of 30 provinces 2013–2022, Tibet left out, see docs/default-index.md)',
      );
    out.push(rankingTable(result, lang, top, units));
    out.push('', robustnessTable(result, lang, top));
    const warn = groupByTime(result.record.warnings.filter((p) => p.severity === 'warning'));
    if (warn.length) {
      out.push('');
      out.push(`${lang === 'zh' ? '警告' : 'Warnings'} (${warn.length}):`);
      for (const p of warn.slice(0, 8)) out.push('  ' + formatProblem(p, lang));
      if (warn.length > 8)
        out.push(
          lang === 'zh'
            ? `  ……另有 ${warn.length - 8} 条（见 results.json 的 record.warnings）`
            : `  … ${warn.length - 8} more (see record.warnings in results.json)`,
        );
    }
    if (written.length) {
      out.push('');
      out.push(`${lang === 'zh' ? '输出文件' : 'Outputs written'}:`);
      for (const f of written) {
        const rel = relative(process.cwd(), f);
        out.push('  ' + (rel && !rel.startsWith('..') ? rel : f));
      }
    }
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await early?.close(); // ended already by writeOutputs unless an error came before it
  }
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description(COMMAND_SUMMARIES.evaluate)
    .option('--data <file>', 'data file: CSV, XLSX, JSON, or Parquet (run in DuckDB) / 数据文件')
    .option('--spec <file>', 'indicator system and methods: JSON or YAML / 指标体系与方法（JSON 或 YAML）')
    .option('--sheet <name>', 'XLSX sheet / 工作表名')
    .option('--json', 'print the result as JSON only / 只输出 JSON')
    .option(
      '--out <dir>',
      'write results.json, scores.csv, weights.csv, XLSX, report.html and report.docx here (default xinzhi-out/ without --json) / 输出目录',
    )
    .option(
      '--units <list>',
      'in the table, reports and workbook of a large panel, also list these units (comma-separated) / 大面板的表格、报告与工作簿中另列这些单位（逗号分隔）',
    )
    .option(
      '--parquet',
      'also write scores.parquet (written anyway for panels of more than 200 units) / 另存 Parquet（单位数超过 200 时总是写出）',
    )
    .option(
      '--formats <list>',
      `with --out, write only these (comma-separated; spec.json always): ${OUTPUT_FORMATS.join(',')} or all (default: all, parquet for panels of more than 200 units) / 与 --out 同用：只写出这些格式（逗号分隔；spec.json 总是写出）`,
    )
    .option(
      '--preset <name>',
      `conventions of a tool over the spec's methods: ${PRESET_IDS.join(', ')} (see xinzhi compare) / 采用某软件的口径`,
    )
    .option('--lang <zh|en>', 'language of the table and report / 语言')
    .option(
      '--top <n>',
      'show the first n units (default: all; the first and last 20 of more than 200 units) / 只显示前 n 名（默认全部；超过 200 个单位时显示首尾各 20 名）',
    )
    .option(
      '--uncertainty <draws>',
      'Monte Carlo uncertainty analysis with this many draws / 蒙特卡洛不确定性分析的抽样次数',
    )
    .option('--seed <s>', 'seed of the uncertainty analysis / 随机种子')
    .option(
      '--jobs <n>',
      'worker threads for the uncertainty draws and the Copeland / gaussian PROMETHEE II scores (default: one per CPU core for large panels; the same results with any number) / 不确定性分析与 Copeland、高斯型 PROMETHEE II 得分的线程数（结果与线程数无关）',
    )
    .option(
      '--rank-shift <n>',
      'name units whose rank moves by more than n places across entropy, CRITIC and equal weights (default 3) / 排名稳健性：变动超过 n 位的单位逐一说明',
    )
    .option(
      '--analyses <list>',
      'add analysis sections to report.html, report.docx and the XLSX: coupling,obstacle,gini,theil,kde,moran,lisa,markov,convergence or all / 在报告与工作簿中加入分析章节',
    )
    .option('--max-depth <n>', 'raise the limit on hierarchy levels (default 12) / 提高层级数上限（默认 12）')
    .option('--max-indicators <n>', 'raise the limit on indicators (default 2000) / 提高指标数上限（默认 2000）')
    .option(
      '--engine <url>',
      'run the build as SQL on duckdb:, postgres://… or clickhouse://host:8123 (see xinzhi sql) / 在数据库引擎中运行',
    )
    .option('--table <name>', 'with --engine: the table holding the panel / 与 --engine 同用：面板数据表')
    .action(async (opts: EvaluateCliOptions) => {
      // Parquet panels (firm scale) are read by the embedded DuckDB, where the build runs as SQL;
      // a spec SQL does not compile runs in memory on a Parquet file that fits there
      if (!opts.engine && opts.data?.toLowerCase().endsWith('.parquet')) {
        const { parquetRoute } = await import('./sql.ts');
        if ((await parquetRoute(opts.spec, opts.data)) === 'sql') opts.engine = 'duckdb:';
        else
          process.stderr.write(
            `${bi('（该设置无法编译为 SQL：Parquet 文件读入内存计算）', '(these settings do not compile to SQL: the Parquet file is read into memory)')[pickLang(opts.lang)]}\n`,
          );
      }
      if (opts.engine) {
        const { evaluateOnEngine, engineResultText } = await import('./sql.ts');
        const { dialect, result } = await evaluateOnEngine({
          spec: opts.spec,
          engine: opts.engine,
          ...(opts.data ? { data: opts.data } : { table: opts.table ?? 'panel' }),
        });
        if (opts.json) printJson({ dialect, ...result });
        else console.log(engineResultText(result, pickLang(opts.lang), opts.top ? Number(opts.top) : 10).join('\n'));
        return;
      }
      await runEvaluate(opts);
    });
}

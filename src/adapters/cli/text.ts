/**
 * `xinzhi text`: the firm digitalisation text index of annual reports (PDF,
 * TXT, HTML). --json prints one document:
 * {"dictionary", "settings", "reports": [{file, firm, year, section,
 * sectionTitle, chars, counts: {term: n}, groups: {group: n}, total, lnTotal,
 * per10k, format, pages, converted, traditionalShare, hits, dropped}],
 * "skipped": [{file, reason: {zh, en}}]}, one report per line, written as
 * each report finishes. With --out DIR: text-panel.csv / .xlsx (firm × year,
 * ready for evaluate), text-hits.csv (every hit with its page and context)
 * and text-index.json; text-progress.jsonl there lets an interrupted run
 * resume without reading finished reports again. Reports are streamed:
 * memory does not grow with their number (docs/text-index.md).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { XinzhiError } from '../../core/errors.ts';
import { bi, both, type Lang } from '../../core/i18n.ts';
import { countSettings } from '../../core/text/count.ts';
import { DEFAULT_NEGATION } from '../../core/text/filters.ts';
import { WUFEI_2021, type Dictionary } from '../../core/text/dictionary.ts';
import { chooseReports, parseReportName, type ReportName } from '../../core/text/filename.ts';
import { COUNT_RULES, type CountRule } from '../../core/text/match.ts';
import { SECTIONS, type SectionName } from '../../core/text/sections.ts';
import { CONVERSIONS, type Conversion } from '../../core/text/script.ts';
import { sortPanelRows } from '../../core/text/panel.ts';
import { listReportFiles } from '../io/read-report.ts';
import { indexReportFile, type CountSpec, type FileEntry, type IndexedFile } from '../io/index-report-file.ts';
import { readTableFile } from '../io/read.ts';
import { dictionaryFromJsonText, dictionaryFromTable } from '../text/dictionary-file.ts';
import { openTextPool } from '../io/text-pool.ts';
import { openProgress } from '../io/text-progress.ts';
import { JsonDocumentWriter, openTextOutputs, type Skipped, type TextOutputs } from '../io/text-outputs.ts';
import { textTable } from './analyze/input.ts';
import { badOption, pickLang } from './util.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

interface TextOptions {
  input: string[];
  dict?: string;
  rule: string;
  negation?: string | boolean;
  excludeContexts?: boolean;
  convert: string;
  section: string;
  namePattern?: string;
  manifest?: string;
  terms?: boolean;
  out?: string;
  jobs?: string;
  json?: boolean;
  lang?: string;
}

/** A custom dictionary: JSON ({"groups": {...}}) or CSV / XLSX with columns group, term. */
async function loadDictionary(file: string): Promise<Dictionary> {
  if (extname(file).toLowerCase() === '.json') {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new XinzhiError({
        code: 'no-file',
        severity: 'error',
        file,
        message: bi('文件不存在', 'no such file'),
        fix: bi('检查 --dict 路径', 'check the --dict path'),
      });
    });
    return dictionaryFromJsonText(text, basename(file));
  }
  return dictionaryFromTable(await readTableFile(file));
}

/** Firm and year of each file from a manifest (columns file, firm, year). */
async function loadManifest(file: string): Promise<Map<string, { firm: string; year: number; row: number }>> {
  const table = await readTableFile(file);
  const problems: XinzhiError['problems'] = [];
  const col = (name: string): number => {
    const j = table.header.findIndex((h) => h.trim().toLowerCase() === name);
    if (j < 0)
      problems.push({
        code: 'missing-column',
        severity: 'error',
        file: table.name,
        column: name,
        message: bi(`缺少列 "${name}"`, `no column "${name}"`),
        fix: bi('清单需要 file、firm、year 三列', 'a manifest needs columns file, firm, year'),
      });
    return j;
  };
  const [f, firm, year] = [col('file'), col('firm'), col('year')];
  if (problems.length) throw new XinzhiError(problems);
  const out = new Map<string, { firm: string; year: number; row: number }>();
  table.rows.forEach((r, i) => {
    const row = table.firstDataRow + i;
    const y = Number(r[year]);
    if (!Number.isInteger(y)) {
      problems.push({
        code: 'bad-year',
        severity: 'error',
        file: table.name,
        row,
        column: 'year',
        message: bi(`年度 "${r[year] ?? ''}" 不是整数`, `year "${r[year] ?? ''}" is not a whole number`),
        fix: bi('填写四位年份', 'give a four-digit year'),
      });
      return;
    }
    out.set(basename(String(r[f] ?? '')), { firm: String(r[firm] ?? ''), year: y, row });
  });
  if (problems.length) throw new XinzhiError(problems);
  return out;
}

/** Translate the command-line options into the count settings (plain data, sent to workers as is). */
function countSpec(opts: TextOptions, dictionary: Dictionary): CountSpec {
  if (!(COUNT_RULES as readonly string[]).includes(opts.rule)) throw badOption('--rule', opts.rule, COUNT_RULES);
  const rule = opts.rule as CountRule;
  let negation: CountSpec['negation'] = false;
  if (opts.negation === true) negation = true;
  else if (typeof opts.negation === 'string') {
    const window = Number(opts.negation);
    if (!Number.isInteger(window) || window < 1) throw badOption('--negation', opts.negation, ['1', '2', '4', '…']);
    negation = { ...DEFAULT_NEGATION, window };
  }
  if (!(CONVERSIONS as readonly string[]).includes(opts.convert))
    throw badOption('--convert', opts.convert, CONVERSIONS);
  return { dictionary, rule, negation, contexts: !!opts.excludeContexts, convert: opts.convert as Conversion };
}

/** What a run reports besides the reports themselves. */
export interface TextRunInfo {
  dictionary: Dictionary;
  settings: ReturnType<typeof countSettings> & { section: SectionName };
  skipped: Skipped[];
}

/** Where the reports go, one at a time, in the order of the files. */
export interface TextHandlers {
  /** Called once, before the first report. */
  begin?: (info: Omit<TextRunInfo, 'skipped'>) => Promise<void>;
  report: (entry: IndexedFile) => Promise<void>;
}

/**
 * Read, place, clean and count every report; problems with one file skip
 * that file, never the run. Reports are handed to `handlers.report` one at
 * a time in file order, and not kept: memory stays bounded however many
 * reports there are. With --out, finished reports are recorded in
 * text-progress.jsonl and read back from it (not counted again) on a rerun.
 */
export async function runText(
  opts: TextOptions,
  handlers: TextHandlers,
  progress?: (done: number, total: number) => void,
): Promise<TextRunInfo> {
  if (!(SECTIONS as readonly string[]).includes(opts.section)) throw badOption('--section', opts.section, SECTIONS);
  const section = opts.section as SectionName;
  const dictionary = opts.dict ? await loadDictionary(opts.dict) : WUFEI_2021;
  const spec = countSpec(opts, dictionary);
  const jobs = parseJobs(opts.jobs);
  let pattern: RegExp | undefined;
  if (opts.namePattern) {
    try {
      pattern = new RegExp(opts.namePattern);
    } catch (err) {
      const example = `(?<firm>\\d{6})_(?<year>\\d{4})  (${(err as Error).message})`;
      throw badOption('--name-pattern', opts.namePattern, [example]);
    }
  }
  const manifest = opts.manifest ? await loadManifest(opts.manifest) : null;
  const files = await listReportFiles(opts.input);
  const skipped: Skipped[] = [];
  const names: ReportName[] = [];
  for (const file of files) {
    if (manifest) {
      const entry = manifest.get(basename(file));
      if (entry) names.push({ file, firm: entry.firm, year: entry.year, kind: 'annual', revised: false });
      else skipped.push({ file, reason: bi('清单中没有该文件', 'the file is not in the manifest') });
      continue;
    }
    const reading = parseReportName(file, pattern);
    if (reading.ok) names.push(reading.name);
    else skipped.push({ file, reason: reading.reason });
  }
  const choice = chooseReports(names);
  skipped.push(...choice.skipped);
  const settings = { ...countSettings(spec), section };
  const checkpoint = opts.out
    ? await openProgress(opts.out, JSON.stringify({ settings, dictionary: dictionary.groups }))
    : null;
  const chosen = choice.chosen;
  const keys: string[] = [];
  for (const name of chosen) keys.push(await fileKey(name.file));
  const todo = keys.filter((key) => !checkpoint?.has(key)).length;
  const pool = jobs > 1 && todo > 1 ? openTextPool(jobs, section, spec) : null;
  await handlers.begin?.({ dictionary, settings });
  const start = (i: number): Promise<{ entry: FileEntry; fresh: boolean }> => {
    if (checkpoint?.has(keys[i])) return checkpoint.read(keys[i]).then((entry) => ({ entry, fresh: false }));
    const counting = pool ? pool.index(chosen[i]) : indexReportFile(chosen[i], section, spec);
    return counting.then((entry) => ({ entry, fresh: true }));
  };
  try {
    await inOrder(chosen.length, pool ? 2 * jobs : 1, start, async ({ entry, fresh }, i) => {
      if (fresh) await checkpoint?.append(keys[i], entry);
      if ('index' in entry) await handlers.report({ ...entry, firm: chosen[i].firm, year: chosen[i].year });
      else skipped.push(entry);
      progress?.(i + 1, chosen.length);
    });
  } finally {
    await pool?.close();
    await checkpoint?.close();
  }
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { dictionary, settings, skipped };
}

/**
 * Start up to `window` items ahead and hand their results over in order:
 * parallel work, ordered output, and at most `window` results waiting.
 */
async function inOrder<T>(
  count: number,
  window: number,
  start: (i: number) => Promise<T>,
  deliver: (value: T, i: number) => Promise<void>,
): Promise<void> {
  const started = new Map<number, Promise<T>>();
  let next = 0;
  for (let i = 0; i < count; i++) {
    while (next < count && next < i + window) {
      const promise = start(next);
      promise.catch(() => {}); // awaited below, in order; a failure then rejects the run
      started.set(next++, promise);
    }
    const value = await started.get(i)!;
    started.delete(i);
    await deliver(value, i);
  }
}

/** --jobs: worker threads (default 1, in this process). */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw badOption('--jobs', value, ['1', '2', '4', '…']);
  return n;
}

/** A file's identity for resuming: path, size and modification time. */
async function fileKey(file: string): Promise<string> {
  const info = await stat(file);
  return `${file}\u0000${info.size}\u0000${info.mtimeMs}`;
}

/** One line of the summary table per report (the reports themselves are not kept). */
type SummaryRow = Array<string | number | null>;

function summaryRow(r: IndexedFile, dictionary: Dictionary): SummaryRow {
  return [
    r.firm,
    r.year,
    r.index.section.title || r.index.section.name,
    r.index.chars,
    r.index.total,
    r.index.lnTotal,
    r.index.per10k,
    ...dictionary.groups.map((g) => r.index.groups[g.id]),
  ];
}

function printSummary(info: TextRunInfo, rows: SummaryRow[], lang: Lang, written: string[]): void {
  const h = (zh: string, en: string): string => (lang === 'zh' ? zh : en);
  const out: string[] = [];
  out.push(
    both(
      bi(
        `数字化转型文本指数（规则 ${info.settings.rule}，章节 ${info.settings.section}）`,
        `Digital transformation text index (rule ${info.settings.rule}, section ${info.settings.section})`,
      ),
    ),
  );
  out.push(
    textTable(
      [
        h('公司', 'firm'),
        h('年度', 'year'),
        h('章节', 'section'),
        h('字符数', 'chars'),
        h('频次', 'count'),
        'ln(1+n)',
        h('每万字', 'per 10k'),
        ...info.dictionary.groups.map((g) => g.name[lang]),
      ],
      sortPanelRows(rows),
    ),
  );
  if (info.skipped.length) {
    out.push('', both(bi(`跳过 ${info.skipped.length} 个文件`, `${info.skipped.length} file(s) skipped`)));
    for (const s of info.skipped) out.push(`  ${s.file}: ${s.reason[lang]}`);
  }
  if (written.length) out.push('', `${h('已写出', 'written')}: ${written.join(', ')}`);
  process.stdout.write(out.join('\n') + '\n');
}

export function registerText(program: Command): void {
  program
    .command('text')
    .description(COMMAND_SUMMARIES.text)
    .requiredOption('--input <paths...>', 'report files or directories (PDF, TXT, HTML) / 年报文件或目录')
    .option('--dict <file>', 'custom dictionary: JSON {"groups": {...}} or CSV/XLSX with group, term / 自定义词典')
    .option('--rule <rule>', `counting rule: ${COUNT_RULES.join(' | ')} / 计数规则`, 'longest')
    .option('--negation [window]', 'set aside mentions after 没/无/不/未 within the window (default 4) / 剔除否定表述')
    .option(
      '--exclude-contexts',
      'set aside mentions in shareholder, customer, supplier, biography sentences / 剔除股东、客户、供应商、高管简历语句',
    )
    .option(
      '--convert <mode>',
      `traditional → simplified before counting: ${CONVERSIONS.join(' | ')} (auto: reports mostly in traditional characters) / 繁简转换`,
      'auto',
    )
    .option('--section <s>', `part of the report counted: ${SECTIONS.join(' | ')} / 统计范围`, 'all')
    .option(
      '--name-pattern <regex>',
      'file-name pattern with named groups firm and year / 文件名模式（命名组 firm、year）',
    )
    .option('--manifest <file>', 'CSV/XLSX with columns file, firm, year / 文件清单')
    .option('--terms', 'add one panel column per term / 面板中加入每个词条的频次')
    .option('--jobs <n>', 'worker threads reading reports in parallel (default 1) / 并行线程数')
    .option('--out <dir>', 'write text-panel.csv/.xlsx, text-hits.csv, text-index.json / 输出目录')
    .option('--json', 'print one JSON document / 输出 JSON')
    .option('--lang <lang>', 'zh | en (default from LANG) / 语言')
    .action(async (opts: TextOptions) => {
      const lang = pickLang(opts.lang);
      let bar: SingleBar | undefined;
      const progress = process.stderr.isTTY
        ? (done: number, total: number): void => {
            if (!bar) {
              bar = new SingleBar({
                format: '年报 / reports [{bar}] {value}/{total} {eta_formatted}',
                stream: process.stderr,
                hideCursor: true,
              });
              bar.start(total, 0);
            }
            bar.update(done);
          }
        : undefined;
      let outputs: TextOutputs | undefined;
      const stdoutDoc = opts.json ? new JsonDocumentWriter(process.stdout) : null;
      const summary: SummaryRow[] = [];
      let dictionary: Dictionary = WUFEI_2021;
      const info = await runText(
        opts,
        {
          begin: async (head) => {
            dictionary = head.dictionary;
            if (opts.out) outputs = await openTextOutputs(opts.out, head, !!opts.terms);
            await stdoutDoc?.begin(head);
          },
          report: async (r) => {
            await outputs?.report(r);
            if (stdoutDoc) await stdoutDoc.report(r);
            else summary.push(summaryRow(r, dictionary));
          },
        },
        progress,
      );
      bar?.stop();
      const written = outputs ? await outputs.finish(info.skipped) : [];
      if (stdoutDoc) await stdoutDoc.end(info.skipped);
      else printSummary(info, summary, lang, written);
    });
}

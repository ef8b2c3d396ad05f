/**
 * `xinzhi text`: the firm digitalisation text index of annual reports (PDF,
 * TXT, HTML). --json prints one document:
 * {"dictionary", "settings", "reports": [{file, firm, year, section,
 * sectionTitle, chars, counts: {term: n}, groups: {group: n}, total, lnTotal,
 * per10k, format, pages, hits, dropped}], "skipped": [{file, reason: {zh, en}}]}.
 * With --out DIR: text-panel.csv / .xlsx (firm × year, ready for evaluate),
 * text-hits.csv (every hit with its page and context) and text-index.json;
 * text-progress.jsonl there lets an interrupted run resume without reading
 * finished reports again.
 */
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { XinzhiError } from '../../core/errors.ts';
import { bi, both, type Bilingual, type Lang } from '../../core/i18n.ts';
import { countSettings } from '../../core/text/count.ts';
import { DEFAULT_NEGATION } from '../../core/text/filters.ts';
import { dictionaryFromJson, dictionaryFromRows, WUFEI_2021, type Dictionary } from '../../core/text/dictionary.ts';
import { chooseReports, parseReportName, type ReportName } from '../../core/text/filename.ts';
import { COUNT_RULES, type CountRule } from '../../core/text/match.ts';
import { SECTIONS, type SectionName } from '../../core/text/sections.ts';
import { CONVERSIONS, type Conversion } from '../../core/text/script.ts';
import { textPanel } from '../../core/text/panel.ts';
import { listReportFiles } from '../io/read-report.ts';
import { indexReportFile, type CountSpec, type FileEntry, type IndexedFile } from '../io/index-report-file.ts';
import { readTableFile } from '../io/read.ts';
import { toCsv } from '../report/csv.ts';
import { textTable } from './analyze/input.ts';
import { badOption, pickLang, printJson } from './util.ts';
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
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new XinzhiError({
        code: 'bad-json',
        severity: 'error',
        file,
        message: bi(`JSON 格式错误：${(err as Error).message}`, `invalid JSON: ${(err as Error).message}`),
        fix: bi('修正 JSON 语法', 'fix the JSON syntax'),
      });
    }
    return dictionaryFromJson(value, basename(file));
  }
  const table = await readTableFile(file);
  const col = (name: string): number => {
    const j = table.header.findIndex((h) => h.trim().toLowerCase() === name);
    if (j < 0) {
      throw new XinzhiError({
        code: 'missing-column',
        severity: 'error',
        file: table.name,
        column: name,
        message: bi(`缺少列 "${name}"`, `no column "${name}"`),
        fix: bi('词典需要 group 与 term 两列', 'a dictionary needs columns group and term'),
      });
    }
    return j;
  };
  const g = col('group');
  const t = col('term');
  return dictionaryFromRows(
    table.rows.map((r, i) => ({ group: String(r[g] ?? ''), term: String(r[t] ?? ''), row: table.firstDataRow + i })),
    table.name,
  );
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

export interface TextRun {
  dictionary: Dictionary;
  settings: ReturnType<typeof countSettings> & { section: SectionName };
  reports: IndexedFile[];
  skipped: Array<{ file: string; reason: Bilingual }>;
}

/** Read, place, clean and count every report; problems with one file skip that file, never the run. */
export async function runText(opts: TextOptions, progress?: (done: number, total: number) => void): Promise<TextRun> {
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
  const skipped: TextRun['skipped'] = [];
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
  const reports: TextRun['reports'] = [];
  const settings = { ...countSettings(spec), section };
  const checkpoint = opts.out ? await openCheckpoint(opts.out, { settings, dictionary }) : null;
  let done = 0;
  const keep = async (name: ReportName, entry: ReportEntry, key?: string): Promise<void> => {
    if (key) await checkpoint?.append(key, entry);
    if ('index' in entry) reports.push({ ...entry, firm: name.firm, year: name.year });
    else skipped.push(entry);
    progress?.(++done, choice.chosen.length);
  };
  const todo: Array<{ name: ReportName; key: string }> = [];
  for (const name of choice.chosen) {
    const key = await fileKey(name.file);
    const entry = checkpoint?.done.get(key);
    if (entry) await keep(name, entry);
    else todo.push({ name, key });
  }
  const keys = new Map(todo.map((t) => [t.name, t.key]));
  if (jobs > 1 && todo.length > 1) {
    const { indexInPool } = await import('../io/text-pool.ts');
    await indexInPool(
      todo.map((t) => t.name),
      section,
      spec,
      jobs,
      (name, entry) => keep(name, entry, keys.get(name)),
    );
  } else {
    for (const { name, key } of todo) await keep(name, await indexReportFile(name, section, spec), key);
  }
  reports.sort((a, b) => a.firm.localeCompare(b.firm) || a.year - b.year);
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { dictionary, settings, reports, skipped };
}

/** --jobs: worker threads (default 1, in this process). */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw badOption('--jobs', value, ['1', '2', '4', '…']);
  return n;
}

type ReportEntry = FileEntry;

/** A file's identity for resuming: path, size and modification time. */
async function fileKey(file: string): Promise<string> {
  const info = await stat(file);
  return `${file}\u0000${info.size}\u0000${info.mtimeMs}`;
}

const CHECKPOINT = 'text-progress.jsonl';

/**
 * The resume record in the output directory: one JSON line per finished
 * report, after a first line holding the settings. A run with the same
 * settings and dictionary reuses the finished reports (unchanged files only);
 * different settings start the record afresh.
 */
async function openCheckpoint(
  dir: string,
  run: { settings: unknown; dictionary: Dictionary },
): Promise<{
  done: Map<string, ReportEntry>;
  append: (key: string, entry: ReportEntry) => Promise<void>;
}> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, CHECKPOINT);
  const head = JSON.stringify({ settings: run.settings, dictionary: run.dictionary.groups });
  const done = new Map<string, ReportEntry>();
  const lines = (await readFile(path, 'utf8').catch(() => '')).split('\n');
  if (lines[0] === head) {
    for (const line of lines.slice(1)) {
      if (!line.trim()) continue;
      try {
        const { key, entry } = JSON.parse(line) as { key: string; entry: ReportEntry };
        done.set(key, entry);
      } catch {
        break; // a line cut short by an interruption: that report is read again
      }
    }
  }
  await writeFile(path, [head, ...[...done].map(([key, entry]) => JSON.stringify({ key, entry }))].join('\n') + '\n');
  return { done, append: (key, entry) => appendFile(path, JSON.stringify({ key, entry }) + '\n') };
}

/** The --json document (and text-index.json). */
export function textJson(run: TextRun): unknown {
  return {
    dictionary: {
      id: run.dictionary.id,
      source: run.dictionary.source,
      groups: Object.fromEntries(run.dictionary.groups.map((g) => [g.id, { name: g.name, terms: g.terms }])),
    },
    settings: run.settings,
    reports: run.reports.map((r) => ({
      file: r.file,
      firm: r.firm,
      year: r.year,
      section: r.index.section.name,
      sectionTitle: r.index.section.title,
      chars: r.index.chars,
      counts: r.index.counts,
      groups: r.index.groups,
      total: r.index.total,
      lnTotal: r.index.lnTotal,
      per10k: r.index.per10k,
      format: r.format,
      pages: r.pages,
      ...(r.encoding ? { encoding: r.encoding } : {}),
      converted: r.index.script.converted,
      traditionalShare: r.index.script.traditionalShare,
      hits: r.index.hits,
      dropped: r.index.dropped,
    })),
    skipped: run.skipped,
  };
}

const HIT_HEADER = [
  bi('文件', 'file'),
  bi('公司', 'firm'),
  bi('年度', 'year'),
  bi('分组', 'group'),
  bi('词条', 'term'),
  bi('页码', 'page'),
  bi('位置', 'offset'),
  bi('上下文', 'context'),
  bi('剔除规则', 'set aside by'),
  bi('提示词', 'cue'),
];

/** Write panel CSV / XLSX, hits CSV and the JSON document into a directory. */
async function writeTextOutputs(run: TextRun, dir: string, terms: boolean): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const panel = textPanel(run.reports, run.dictionary, { terms });
  const hits = run.reports.flatMap((r) =>
    [...r.index.hits, ...r.index.dropped]
      .sort((a, b) => a.start - b.start)
      .map((h) => [
        basename(r.file),
        r.firm,
        r.year,
        h.group,
        h.term,
        h.page ?? null,
        h.start,
        `${h.snippet.slice(0, h.before)}【${h.snippet.slice(h.before, h.before + h.end - h.start)}】${h.snippet.slice(h.before + h.end - h.start)}`,
        h.dropped?.rule ?? null,
        h.dropped?.cue ?? null,
      ]),
  );
  const paths = ['text-panel.csv', 'text-panel.xlsx', 'text-hits.csv', 'text-index.json'].map((f) => join(dir, f));
  await writeFile(paths[0], toCsv(panel.columns, panel.rows));
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('panel');
  sheet.addRow(panel.columns);
  for (const row of panel.rows) sheet.addRow(row);
  const labels = book.addWorksheet('labels 列名');
  labels.addRow(['column', '中文', 'English']);
  for (const c of panel.columns) labels.addRow([c, panel.labels[c].zh, panel.labels[c].en]);
  await writeFile(paths[1], new Uint8Array(await book.xlsx.writeBuffer()));
  await writeFile(paths[2], toCsv(HIT_HEADER.map(both), hits));
  await writeFile(paths[3], JSON.stringify(textJson(run), null, 2) + '\n');
  return paths;
}

function printSummary(run: TextRun, lang: Lang, written: string[]): void {
  const h = (zh: string, en: string): string => (lang === 'zh' ? zh : en);
  const out: string[] = [];
  out.push(
    both(
      bi(
        `数字化转型文本指数（规则 ${run.settings.rule}，章节 ${run.settings.section}）`,
        `Digital transformation text index (rule ${run.settings.rule}, section ${run.settings.section})`,
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
        ...run.dictionary.groups.map((g) => g.name[lang]),
      ],
      run.reports.map((r) => [
        r.firm,
        r.year,
        r.index.section.title || r.index.section.name,
        r.index.chars,
        r.index.total,
        r.index.lnTotal,
        r.index.per10k,
        ...run.dictionary.groups.map((g) => r.index.groups[g.id]),
      ]),
    ),
  );
  if (run.skipped.length) {
    out.push('', both(bi(`跳过 ${run.skipped.length} 个文件`, `${run.skipped.length} file(s) skipped`)));
    for (const s of run.skipped) out.push(`  ${s.file}: ${s.reason[lang]}`);
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
      const run = await runText(opts, progress);
      bar?.stop();
      const written = opts.out ? await writeTextOutputs(run, opts.out, !!opts.terms) : [];
      if (opts.json) printJson(textJson(run));
      else printSummary(run, lang, written);
    });
}

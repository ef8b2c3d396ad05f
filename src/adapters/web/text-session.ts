/**
 * The text-index page's computation (run in the worker): annual reports
 * dropped on the page (PDF, TXT, HTML) are placed by their file names
 * (`parseReportName`, `chooseReports`), read and cleaned by the reader the
 * CLI uses (`text/read-bytes.ts`: pdf.js with the character maps served with
 * the app), and counted by the CLI's counting step (`text/index-entry.ts` →
 * core `indexReport`) under the rule, section, conversion, filters and
 * dictionary chosen — the same steps, in the same order and with the same
 * defaults as `xinzhi text`. Reports already read are kept (by name and
 * content), so changing a setting counts again without reading the PDFs again.
 *
 * @example await textRequest({ files: [{ name: '600000_2020年年度报告.txt', bytes }], ...DEFAULT_TEXT_SETTINGS }, env)
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Bilingual } from '../../core/i18n.ts';
import { type CountSettings, countSettings } from '../../core/text/count.ts';
import { type Dictionary, WUFEI_2021 } from '../../core/text/dictionary.ts';
import { chooseReports, parseReportName, type ReportName } from '../../core/text/filename.ts';
import { DEFAULT_NEGATION } from '../../core/text/filters.ts';
import type { CountRule } from '../../core/text/match.ts';
import type { Conversion } from '../../core/text/script.ts';
import type { SectionName } from '../../core/text/sections.ts';
import { dictionaryFromBytes } from '../text/dictionary-file.ts';
import { countOptions, type CountSpec, type IndexedFile, indexReadReport } from '../text/index-entry.ts';
import type { PdfAssets } from '../text/pdf.ts';
import { type ReadReport, readReportBytes } from '../text/read-bytes.ts';

export interface TextFileInput {
  name: string;
  bytes: Uint8Array;
}

/** The page's choices; each maps to the option of `xinzhi text` named beside it. */
export interface TextSettings {
  /** --rule */
  rule: CountRule;
  /** --section */
  section: SectionName;
  /** --convert */
  convert: Conversion;
  /** --negation WINDOW (characters), or false for no negation rule. */
  negation: number | false;
  /** --exclude-contexts */
  contexts: boolean;
  /** --name-pattern: a regular expression with named groups firm and year ('' for the built-in reading). */
  namePattern: string;
}

/** The defaults of `xinzhi text`. */
export const DEFAULT_TEXT_SETTINGS: TextSettings = {
  rule: 'longest',
  section: 'all',
  convert: 'auto',
  negation: false,
  contexts: false,
  namePattern: '',
};

export interface TextRequest extends TextSettings {
  files: TextFileInput[];
  /** --dict: a custom dictionary (JSON, CSV, XLSX); absent: Wu Fei et al. (2021). */
  dictionary?: TextFileInput;
}

export interface TextSkipped {
  file: string;
  reason: Bilingual;
}

export interface TextOutput {
  dictionary: Dictionary;
  /** The settings as used, as `xinzhi text --json` records them. */
  settings: CountSettings & { section: SectionName };
  /** Counted reports, sorted by firm and year (as the panel). */
  reports: IndexedFile[];
  /** Files not counted, with the reason, sorted by file name. */
  skipped: TextSkipped[];
}

/** What the page's surroundings supply: where pdf.js finds its assets, how jieba is loaded. */
export interface TextEnv {
  pdfAssets: () => PdfAssets | Promise<PdfAssets>;
  /** Load the segmenter's WebAssembly before the tokens rule runs (the browser's jieba needs it). */
  loadSegmenter?: () => Promise<void>;
}

/**
 * Reports read so far: content key → cleaned text, or the reason it could not
 * be read. Promises are kept, so a count started while another is reading the
 * same file waits for that reading instead of reading it twice.
 */
const readCache = new Map<string, Promise<ReadReport | { reason: Bilingual }>>();

/** A file's identity: its name, size and an FNV-1a hash of its bytes. */
function contentKey(f: TextFileInput): string {
  let h = 0x811c9dc5;
  const b = f.bytes;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return `${f.name}\u0000${b.length}\u0000${(h >>> 0).toString(16)}`;
}

function readCached(f: TextFileInput, key: string, env: TextEnv): Promise<ReadReport | { reason: Bilingual }> {
  let read = readCache.get(key);
  if (!read) {
    read = readReportBytes(f.bytes, f.name, env.pdfAssets).catch((err: unknown) => {
      if (!(err instanceof XinzhiError)) {
        readCache.delete(key);
        throw err;
      }
      return { reason: err.problems[0].message };
    });
    readCache.set(key, read);
  }
  return read;
}

function namePattern(source: string): RegExp | undefined {
  if (!source) return undefined;
  try {
    return new RegExp(source);
  } catch (err) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: 'namePattern',
      message: bi(
        `文件名模式不是有效的正则表达式：${(err as Error).message}`,
        `the file-name pattern is not a valid regular expression: ${(err as Error).message}`,
      ),
      fix: bi(
        '使用命名组 firm 与 year，如 (?<firm>\\d{6})_(?<year>\\d{4})',
        'use named groups firm and year, e.g. (?<firm>\\d{6})_(?<year>\\d{4})',
      ),
    });
  }
}

/** The count settings as plain data, as `xinzhi text` builds them from its options. */
function countSpec(req: TextRequest, dictionary: Dictionary): CountSpec {
  return {
    dictionary,
    rule: req.rule,
    negation: req.negation === false ? false : { ...DEFAULT_NEGATION, window: req.negation },
    contexts: req.contexts,
    convert: req.convert,
  };
}

/**
 * Place, read and count the dropped reports. Problems with one file skip
 * that file with its reason; bad settings or a bad dictionary stop the run
 * with the core's bilingual problems.
 */
export async function textRequest(req: TextRequest, env: TextEnv): Promise<TextOutput> {
  const dictionary = req.dictionary ? await dictionaryFromBytes(req.dictionary.bytes, req.dictionary.name) : WUFEI_2021;
  const spec = countSpec(req, dictionary);
  const settings = { ...countSettings(spec), section: req.section };
  const pattern = namePattern(req.namePattern);
  const files = [...req.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const skipped: TextSkipped[] = [];
  const names: ReportName[] = [];
  for (const f of files) {
    const reading = parseReportName(f.name, pattern);
    if (reading.ok) names.push(reading.name);
    else skipped.push({ file: f.name, reason: reading.reason });
  }
  const choice = chooseReports(names);
  skipped.push(...choice.skipped);
  if (spec.rule === 'tokens') await env.loadSegmenter?.();
  const opts = await countOptions(spec);
  const byName = new Map(files.map((f) => [f.name, f]));
  const keys = new Set<string>();
  const reports: IndexedFile[] = [];
  for (const name of choice.chosen) {
    const file = byName.get(name.file)!;
    const key = contentKey(file);
    keys.add(key);
    const read = await readCached(file, key, env);
    if ('reason' in read) {
      skipped.push({ file: name.file, reason: read.reason });
      continue;
    }
    try {
      const entry = indexReadReport(name, read, req.section, opts);
      if ('index' in entry) reports.push(entry);
      else skipped.push(entry);
    } catch (err) {
      if (!(err instanceof XinzhiError)) throw err;
      skipped.push({ file: name.file, reason: err.problems[0].message });
    }
  }
  for (const key of readCache.keys()) if (!keys.has(key)) readCache.delete(key); // files no longer on the page
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { dictionary, settings, reports, skipped };
}

/**
 * Write every output of an evaluation into a folder (Node): results.json,
 * spec.json (the spec as used, so the run can be repeated), scores.csv
 * (written line by line as it is made: write-lines.ts),
 * weights.csv, xinzhi-results.xlsx, report.html and report.docx (the same
 * sections as a Word document); for large panels (or when asked) also
 * scores.parquet (write-parquet.ts), and for large panels robustness.csv
 * (every row of the robustness check) and mcdm-scores.csv (every unit-time's
 * TOPSIS, GRA, VIKOR, PROMETHEE II, Copeland, RSR and fuzzy scores), which
 * the reports summarise. The contents come from
 * the pure report modules (adapters/report), which the web app uses as well.
 * `formats` chooses which of them are written (io/output-formats.ts).
 * A large result's results.json and scores.csv are written on a worker thread
 * (output-thread.ts) while the reports are made here (without reports, here),
 * and scores.parquet by
 * whichever of the two threads is free first (otherwise Parquet is begun
 * here before the reports and written by DuckDB's threads meanwhile); the
 * files are the same as when written one after another. With a third core,
 * report.docx is made on a thread of its own too (docx-worker.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import type { EvaluationResult } from '../../core/measure/result.ts';
import type { RobustnessReport } from '../../core/measure/robustness.ts';
import {
  MCDM_CSV,
  mcdmCsvLines,
  robustnessCsvLines,
  scoresCsvLines,
  scoresCsvPlan,
  weightsCsv,
} from '../report/csv.ts';
import type { ReportSection } from '../report/html.ts';
import { specJson } from '../report/json.ts';
import { writeJsonFile } from './write-json.ts';
import { writeLinesFile } from './write-lines.ts';
import { hasMcdmScores } from '../report/sections/more-scores.ts';
import { chosenUnits, isLargePanel, isLargeUnitCount, ROBUSTNESS_CSV } from '../report/large-panel.ts';
import {
  type ScoresParquetPlan,
  scoresParquetPlan,
  writeScoresParquet,
  writeScoresParquetPlan,
} from './write-parquet.ts';
import { OutputThread, type ParquetOffer } from './output-thread.ts';
import type { DocxJob } from './docx-worker.ts';
import { jobWorker } from './worker-thread.ts';
import type { OutputFormat } from './output-formats.ts';

/** Rows of node scores from which results.json and scores.csv are written on a worker thread (io/output-thread.ts). */
export const OUTPUT_THREAD_MIN_ROWS = 50_000;

export interface WriteOutputsOptions {
  lang: Lang;
  /** Province boundaries for the report's map (see io/geo.ts loadProvinceGeojson). */
  geojson?: unknown;
  /** Further report sections (analyses) appended to report.html. */
  sections?: ReportSection[];
  /** Date shown in the report (default: now). */
  date?: string;
  /** Also write scores.parquet (without `formats`, always for panels of more than LARGE_PANEL_UNITS units). */
  parquet?: boolean;
  /**
   * The files to write (spec.json always; see OUTPUT_FORMATS). Default:
   * all but `parquet`, which follows `parquet` and the panel's size; given,
   * exactly these (and `parquet` when asked). See io/output-formats.ts.
   * @example { formats: ['json', 'csv'] } // results.json, spec.json, scores.csv, weights.csv
   */
  formats?: readonly OutputFormat[];
  /** Units a large panel's reports and workbook list by name (checked: report/large-panel.ts chosenUnits). */
  units?: string[];
  /**
   * The robustness check, computed here and set on the result
   * (`result.robustness`) after results.json has begun on the output thread,
   * which formats what comes before it in the file meanwhile.
   * @example { robustness: () => rankRobustness(panel, result) }
   */
  robustness?: () => RobustnessReport;
  /**
   * Make report.docx on a thread of its own (default: for a result written
   * on the output thread, on a machine with WORD_THREAD_MIN_CORES cores or
   * more). The same document either way, but for the docx package's
   * drawing numbers (docPr ids), which Word only needs unique: they follow
   * the order in which the figures finish drawing, and go on from the
   * documents the thread made before.
   */
  wordThread?: boolean;
  /**
   * An output thread the caller started before the evaluation
   * (startOutputThreadEarly), so that its modules, and DuckDB when it is to
   * write scores.parquet, load on the core the evaluation leaves idle. Used
   * when this result calls for the thread, else ended; either way
   * writeOutputs ends it (the caller ends it itself only when writeOutputs is
   * not reached).
   */
  outputThread?: OutputThread;
}

/** What writeOutputs writes, and whether on the output thread (outputPlan). */
export interface OutputPlan {
  json: boolean;
  csv: boolean;
  xlsx: boolean;
  html: boolean;
  docx: boolean;
  parquet: boolean;
  /** results.json and scores.csv written on the output thread (and scores.parquet offered to it). */
  thread: boolean;
}

/**
 * The outputs of a result of `units` units and `scoreRows` node-score rows
 * under `opts`: the formats asked for (default all but Parquet, which large
 * panels get), and the output thread from OUTPUT_THREAD_MIN_ROWS rows when
 * a report is made beside results.json or scores.csv.
 * @example outputPlan(5000, 300_000, {}).thread // true
 */
export function outputPlan(
  units: number,
  scoreRows: number,
  opts: Pick<WriteOutputsOptions, 'formats' | 'parquet'>,
): OutputPlan {
  const want = (f: OutputFormat) => (opts.formats ? opts.formats.includes(f) : f !== 'parquet');
  const [json, csv, xlsx, html, docx] = (['json', 'csv', 'xlsx', 'html', 'docx'] as const).map(want);
  const parquet = Boolean(opts.parquet) || (opts.formats ? want('parquet') : isLargeUnitCount(units));
  const thread = scoreRows >= OUTPUT_THREAD_MIN_ROWS && (xlsx || html || docx) && (json || csv);
  return { json, csv, xlsx, html, docx, parquet, thread };
}

/**
 * The output thread, started before the evaluation of a panel of `units`
 * units and `rows` unit-times when writeOutputs will use one (a result has
 * at least one node-score row per unit-time: its index), with DuckDB loading
 * in it when it will be offered scores.parquet; else undefined. Its start-up
 * and DuckDB's loading (about 0.4 s of CPU) then take the core the
 * evaluation leaves idle: the 20,000-firm `evaluate --out` ended 0.3 s
 * sooner (7.72 → 7.42 s, mean of three in turn); the 5,000-firm one, where
 * this thread finishes last with the reports, not measurably.
 * @example const early = startOutputThreadEarly(5000, 75_000, {}); await writeOutputs(result, dir, { lang, outputThread: early })
 */
export function startOutputThreadEarly(
  units: number,
  rows: number,
  opts: Pick<WriteOutputsOptions, 'formats' | 'parquet'>,
): OutputThread | undefined {
  const plan = outputPlan(units, rows, opts);
  if (!plan.thread) return undefined;
  const thread = OutputThread.start();
  if (plan.parquet && plan.csv) thread.preloadParquet();
  return thread;
}

/**
 * Cores from which a large result's Word report is made on a third thread.
 * With two, the output thread and this one already keep both busy: on the
 * 5,000-firm benchmark a third thread took as long (3.46 against 3.44 s)
 * and added its own heap.
 */
export const WORD_THREAD_MIN_CORES = 3;

/** File names of the outputs. */
export const OUTPUT_FILES = {
  results: 'results.json',
  spec: 'spec.json',
  scores: 'scores.csv',
  weights: 'weights.csv',
  workbook: 'xinzhi-results.xlsx',
  report: 'report.html',
  word: 'report.docx',
} as const;

/** Written after OUTPUT_FILES for large panels or when asked (then ROBUSTNESS_CSV, report/large-panel.ts, for large panels). */
export const PARQUET_FILE = 'scores.parquet';

/** Create the output folder (with parents); a path that cannot be created is an error naming it and the reason. */
export async function outputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why: Record<string, [string, string]> = {
      ENOTDIR: ['路径中的某一部分是文件而不是文件夹', 'a part of the path is a file, not a folder'],
      EEXIST: ['同名文件已存在', 'a file of that name exists'],
      EACCES: ['没有写权限', 'no permission to write there'],
      EPERM: ['没有写权限', 'no permission to write there'],
      EROFS: ['文件系统只读', 'the file system is read-only'],
    };
    const [zh, en] = why[code] ?? [`系统错误 ${code}`, `system error ${code}`];
    throw new XinzhiError({
      code: 'out-dir',
      severity: 'error',
      file: dir,
      message: bi(`无法创建输出文件夹 "${dir}"：${zh}`, `cannot create the output folder "${dir}": ${en}`),
      fix: bi('用 --out 指定一个可写的文件夹', 'give --out a folder you can write to'),
    });
  }
}

/** report.docx made in this thread (docx and sharp loaded only then: a large panel's is made on a thread of its own). */
async function wordHere(sections: ReportSection[], opts: Omit<DocxJob, 'sections'>): Promise<Uint8Array> {
  const [{ reportDocx }, { rasterizeSvg }] = await Promise.all([import('../report/docx.ts'), import('./rasterize.ts')]);
  return reportDocx(sections, { ...opts, rasterize: rasterizeSvg });
}

/**
 * Create `dir` (with parents) and write the outputs `opts.formats` asks for
 * (default all); returns the written paths in OUTPUT_FILES order.
 */
export async function writeOutputs(
  result: EvaluationResult,
  dir: string,
  opts: WriteOutputsOptions,
): Promise<string[]> {
  const plan = outputPlan(result.units.length, result.nodeScores.length, opts);
  const { json, csv, xlsx, html, docx, parquet } = plan;
  // a thread started early but not called for goes now
  if (opts.outputThread && !plan.thread) void opts.outputThread.close();
  let units: string[] | undefined;
  try {
    units = opts.units ? chosenUnits(result, opts.units) : undefined; // an unknown unit stops before any file is written
    await outputDir(dir);
  } catch (e) {
    await opts.outputThread?.close();
    throw e;
  }
  const paths: string[] = [];
  // a large result's results.json and scores.csv are written by a worker thread while the reports are made
  // here; with no report to make, here (a second thread's heap for no gain)
  const thread = plan.thread ? (opts.outputThread ?? OutputThread.start()) : undefined;
  // and, given a core for it, its Word report on another, started now so that its modules load meanwhile
  const wordThread =
    docx && (opts.wordThread ?? (thread !== undefined && availableParallelism() >= WORD_THREAD_MIN_CORES))
      ? jobWorker<Uint8Array>(import.meta.url, '../io/docx-worker')
      : undefined;
  const pending: Array<Promise<void>> = [];
  const start = (p: Promise<void>) => {
    p.catch(() => undefined); // awaited below
    pending.push(p);
  };
  const parquetPath = join(dir, PARQUET_FILE);
  let offer: { parquet: ParquetOffer; plan: ScoresParquetPlan } | undefined; // scores.parquet offered to the thread
  const threadFiles: Array<Promise<void>> = [];
  try {
    const scoresPath = join(dir, OUTPUT_FILES.scores);
    if (json) paths.push(join(dir, OUTPUT_FILES.results));
    if (thread && json) {
      // results.json ends with the robustness check: the thread formats the rest while it is computed
      let settle: { resolve: (r: RobustnessReport) => void; reject: (e: unknown) => void } | undefined;
      const late = opts.robustness
        ? new Promise<RobustnessReport>((resolve, reject) => (settle = { resolve, reject }))
        : undefined;
      const written = thread.writeJson(paths[0], late ? { ...result, robustness: late } : result);
      start(written);
      threadFiles.push(written);
      if (settle) {
        try {
          settle.resolve((result.robustness = opts.robustness!()));
        } catch (e) {
          settle.reject(e);
          throw e;
        }
      }
    } else {
      if (opts.robustness) result.robustness = opts.robustness();
      if (json) start(writeJsonFile(paths[0], result));
    }
    if (thread && csv) {
      const plan = scoresCsvPlan(result, opts.lang);
      const parquetPlan = parquet ? scoresParquetPlan(result, plan) : undefined;
      const sent = thread.writeScores(scoresPath, plan, parquetPlan && { path: parquetPath, plan: parquetPlan });
      start(sent.csv);
      threadFiles.push(sent.csv);
      if (sent.parquet && parquetPlan) {
        offer = { parquet: sent.parquet, plan: parquetPlan };
        threadFiles.push(offer.parquet.settled);
      }
    }
    // the thread's memory goes as soon as its files are written
    if (thread) void Promise.allSettled(threadFiles).then(() => thread.close());
    await writeFile(join(dir, OUTPUT_FILES.spec), specJson(result));
    paths.push(join(dir, OUTPUT_FILES.spec));
    // scores.csv (one line per unit and time) is written as its lines are made
    if (csv && !thread) await writeLinesFile(scoresPath, scoresCsvLines(result, opts.lang));
    if (csv) paths.push(scoresPath);
    if (parquet && !offer) start(writeScoresParquet(result, parquetPath));
    // the report modules (charts, workbook) load only when a report is written
    const htmlReport = html || docx ? await import('../report/html.ts') : undefined;
    const parts = htmlReport
      ? htmlReport.reportParts(result, {
          lang: opts.lang,
          ...(units ? { units } : {}),
          ...(opts.geojson !== undefined ? { geojson: opts.geojson } : {}),
          ...(opts.sections ? { sections: opts.sections } : {}),
          ...(opts.date ? { date: opts.date } : {}),
        })
      : undefined;
    // report.docx begun first: made on its thread (or its figures drawn on libuv's) while the workbook is made here
    const word =
      parts && docx
        ? wordThread
          ? wordThread.run({ ...parts, lang: opts.lang } satisfies DocxJob)
          : wordHere(parts.sections, { ...parts, lang: opts.lang })
        : undefined;
    word?.catch(() => undefined); // awaited below
    const contents: Array<[string, () => Promise<string | Uint8Array> | string]> = [];
    if (csv) contents.push([OUTPUT_FILES.weights, () => weightsCsv(result, opts.lang)]);
    if (xlsx)
      contents.push([
        OUTPUT_FILES.workbook,
        async () =>
          (await import('../report/xlsx.ts')).workbook(result, {
            lang: opts.lang,
            ...(opts.sections ? { sections: opts.sections } : {}),
            ...(units ? { units } : {}),
          }),
      ]);
    if (htmlReport && parts && html)
      contents.push([OUTPUT_FILES.report, () => htmlReport.reportDocument({ lang: opts.lang, ...parts })]);
    if (word) contents.push([OUTPUT_FILES.word, () => word]);
    for (const [name, body] of contents) {
      const path = join(dir, name);
      await writeFile(path, await body());
      paths.push(path);
    }
    if (parquet) paths.push(parquetPath);
    if (csv && isLargePanel(result) && result.robustness) {
      // the reports list the unit-times that move most; every row is here
      const path = join(dir, ROBUSTNESS_CSV);
      await writeLinesFile(path, robustnessCsvLines(result, opts.lang));
      paths.push(path);
    }
    if (csv && isLargePanel(result) && hasMcdmScores(result)) {
      // the reports list the first and last units by each method's rank; every row is here
      const path = join(dir, MCDM_CSV);
      await writeLinesFile(path, mcdmCsvLines(result, opts.lang));
      paths.push(path);
    }
    // the reports are done: scores.parquet is written here unless the thread has begun it
    if (offer) start(offer.parquet.take() ? writeScoresParquetPlan(offer.plan, parquetPath) : offer.parquet.settled);
    await Promise.all(pending);
  } finally {
    wordThread?.cancel(); // ended already unless an error came first
    await thread?.close(); // on an error, after a scores.parquet the thread has begun
  }
  return paths;
}

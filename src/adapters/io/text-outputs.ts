/**
 * The outputs of `xinzhi text`, written one report at a time so memory does
 * not grow with the hits of a batch: text-hits.csv and text-index.json (and
 * the --json document on standard output) are appended to as each report
 * finishes; only the panel row of each report (a few numbers) is kept, for
 * text-panel.csv / .xlsx sorted by firm and year at the end.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { both, type Bilingual } from '../../core/i18n.ts';
import type { Dictionary } from '../../core/text/dictionary.ts';
import { sortPanelRows, textPanelColumns, textPanelRow } from '../../core/text/panel.ts';
import { BOM, csvField, toCsv, type CsvCell } from '../report/csv.ts';
import { TEXT_HIT_HEADER, textHitRows } from '../report/text-csv.ts';
import type { IndexedFile } from './index-report-file.ts';

export interface Skipped {
  file: string;
  reason: Bilingual;
}

/** The run-level part of the JSON document. */
export interface TextHead {
  dictionary: Dictionary;
  settings: unknown;
}

/** The JSON head: dictionary (id, source, groups) and settings. */
function headJson(head: TextHead): { dictionary: unknown; settings: unknown } {
  return {
    dictionary: {
      id: head.dictionary.id,
      source: head.dictionary.source,
      groups: Object.fromEntries(head.dictionary.groups.map((g) => [g.id, { name: g.name, terms: g.terms }])),
    },
    settings: head.settings,
  };
}

/** One report as it appears in `reports` of the JSON document. */
export function reportJson(r: IndexedFile): unknown {
  return {
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
  };
}

/** Write to a stream, waiting when its buffer is full. */
function writeTo(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(text, (err) => (err ? reject(err) : ok && resolve()));
    if (!ok) stream.once('drain', resolve);
  });
}

/**
 * The JSON document {dictionary, settings, reports: [...], skipped: [...]},
 * written as it goes: one report per line inside `reports`.
 */
export class JsonDocumentWriter {
  private first = true;
  constructor(private readonly out: Writable) {}

  begin(head: TextHead): Promise<void> {
    const json = JSON.stringify(headJson(head));
    return writeTo(this.out, `${json.slice(0, -1)},"reports":[\n`);
  }

  report(r: IndexedFile): Promise<void> {
    const sep = this.first ? '' : ',\n';
    this.first = false;
    return writeTo(this.out, sep + JSON.stringify(reportJson(r)));
  }

  end(skipped: Skipped[]): Promise<void> {
    return writeTo(this.out, `\n],"skipped":${JSON.stringify(skipped)}}\n`);
  }
}

/** The hits of one report as CSV records (report/text-csv.ts, shared with the web page). */
export const hitRows = textHitRows;

const csvRecord = (row: CsvCell[]): string => `${row.map(csvField).join(',')}\r\n`;

const closeStream = (s: WriteStream): Promise<void> =>
  new Promise((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));

export interface TextOutputs {
  report: (r: IndexedFile) => Promise<void>;
  /** Write the panel and close the files; returns their paths. */
  finish: (skipped: Skipped[]) => Promise<string[]>;
}

/**
 * Open text-hits.csv and text-index.json in `dir` for writing as reports
 * finish; text-panel.csv / .xlsx are written by `finish`.
 * @example const out = await openTextOutputs('out', { dictionary, settings }, false);
 */
export async function openTextOutputs(dir: string, head: TextHead, terms: boolean): Promise<TextOutputs> {
  await mkdir(dir, { recursive: true });
  const paths = ['text-panel.csv', 'text-panel.xlsx', 'text-hits.csv', 'text-index.json'].map((f) => join(dir, f));
  const hits = createWriteStream(paths[2]);
  const json = createWriteStream(paths[3]);
  const doc = new JsonDocumentWriter(json);
  await writeTo(hits, BOM + csvRecord(TEXT_HIT_HEADER.map(both)));
  await doc.begin(head);
  const panel = textPanelColumns(head.dictionary, { terms });
  const rows: Array<Array<string | number | null>> = [];
  return {
    report: async (r) => {
      rows.push(textPanelRow(r, head.dictionary, { terms }));
      const records = hitRows(r);
      if (records.length) await writeTo(hits, records.map(csvRecord).join(''));
      await doc.report(r);
    },
    finish: async (skipped) => {
      await doc.end(skipped);
      await Promise.all([closeStream(hits), closeStream(json)]);
      sortPanelRows(rows);
      await writeFile(paths[0], toCsv(panel.columns, rows));
      const { default: ExcelJS } = await import('#exceljs');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('panel');
      sheet.addRow(panel.columns);
      for (const row of rows) sheet.addRow(row);
      const labels = book.addWorksheet('labels 列名');
      labels.addRow(['column', '中文', 'English']);
      for (const c of panel.columns) labels.addRow([c, panel.labels[c].zh, panel.labels[c].en]);
      await writeFile(paths[1], new Uint8Array(await book.xlsx.writeBuffer()));
      return paths;
    },
  };
}

/**
 * The kinds of output `xinzhi evaluate --out` writes and `--formats` chooses
 * from, and the files of each: json results.json; csv scores.csv and
 * weights.csv (and, for large panels, robustness.csv and mcdm-scores.csv);
 * parquet scores.parquet; xlsx the workbook; html report.html; docx
 * report.docx. spec.json is always written.
 *
 * @example parseOutputFormats('json,csv') // ['json', 'csv']
 */
import { bi } from '../../core/i18n.ts';
import { parseNameList } from '../../core/panel/name-list.ts';

export const OUTPUT_FORMATS = ['json', 'csv', 'parquet', 'xlsx', 'html', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Formats that are reports (where --analyses and --units show). */
export const REPORT_FORMATS: readonly OutputFormat[] = ['xlsx', 'html', 'docx'];

/** A comma-separated list of formats (any case, `all` for every one) in OUTPUT_FORMATS order; an unknown or empty list is a bad-option error. */
export function parseOutputFormats(list: string): OutputFormat[] {
  return parseNameList(list, OUTPUT_FORMATS, { option: '--formats', what: bi('格式', 'formats') });
}

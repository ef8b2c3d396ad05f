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
import { XinzhiError } from '../../core/errors.ts';
import { closestName } from '../../core/panel/problems.ts';

export const OUTPUT_FORMATS = ['json', 'csv', 'parquet', 'xlsx', 'html', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Formats that are reports (where --analyses and --units show). */
export const REPORT_FORMATS: readonly OutputFormat[] = ['xlsx', 'html', 'docx'];

/** A comma-separated list of formats (any case, `all` for every one) in OUTPUT_FORMATS order; an unknown or empty list is a bad-option error. */
export function parseOutputFormats(list: string): OutputFormat[] {
  const names = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('all')) return [...OUTPUT_FORMATS];
  const bad = names.filter((n) => !(OUTPUT_FORMATS as readonly string[]).includes(n));
  if (bad.length || !names.length) {
    const near = bad.length ? closestName(bad[0], [...OUTPUT_FORMATS]) : undefined;
    const hint = near ? bi(`（是否想用 ${near}？）`, ` (did you mean ${near}?)`) : bi('', '');
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: '--formats',
      message: bi(
        `--formats 中有未知的格式：${bad.join(', ') || '（空）'}${hint.zh}`,
        `unknown formats in --formats: ${bad.join(', ') || '(empty)'}${hint.en}`,
      ),
      fix: bi(
        `用逗号分隔，可选：${OUTPUT_FORMATS.join(',')} 或 all`,
        `separate with commas, from ${OUTPUT_FORMATS.join(',')} or all`,
      ),
    });
  }
  return OUTPUT_FORMATS.filter((f) => names.includes(f));
}

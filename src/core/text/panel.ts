/**
 * The firm × year panel of text-index results: one row per report with the
 * firm, year, section, characters, total, ln(1 + total), intensity and the
 * count of every group (and, when asked, every term). Column ids are plain
 * names so `xinzhi evaluate` and the analyses read the file directly
 * (`unit: "firm"`, `time: "year"`); `labels` gives each a zh/en name.
 */
import { bi, type Bilingual } from '../i18n.ts';
import type { Dictionary } from './dictionary.ts';
import type { ReportIndex } from './report-index.ts';

export interface IndexedReport {
  file: string;
  firm: string;
  year: number;
  index: ReportIndex;
}

export interface TextPanel {
  columns: string[];
  labels: Record<string, Bilingual>;
  rows: Array<Array<string | number | null>>;
}

export interface PanelOptions {
  /** One column per term (`term:<term>`) after the groups. */
  terms?: boolean;
}

/**
 * The panel's columns and their zh/en labels.
 * @example textPanelColumns(WUFEI_2021).columns.slice(0, 4) // ['firm', 'year', 'section', 'chars']
 */
export function textPanelColumns(dictionary: Dictionary, opts: PanelOptions = {}): Omit<TextPanel, 'rows'> {
  const terms = opts.terms ? dictionary.groups.flatMap((g) => g.terms) : [];
  const labels: Record<string, Bilingual> = {
    firm: bi('公司（股票代码）', 'firm (stock code)'),
    year: bi('年度', 'year'),
    section: bi('章节', 'section'),
    chars: bi('字符数', 'characters'),
    total: bi('关键词总频次', 'keyword count'),
    lnTotal: bi('数字化转型指数 ln(1+频次)', 'digital transformation ln(1 + count)'),
    per10k: bi('每万字频次', 'count per 10,000 characters'),
  };
  for (const g of dictionary.groups) labels[g.id] = g.name;
  for (const term of terms) labels[`term:${term}`] = bi(term, term);
  const columns = [
    'firm',
    'year',
    'section',
    'chars',
    'total',
    'lnTotal',
    'per10k',
    ...dictionary.groups.map((g) => g.id),
    ...terms.map((t) => `term:${t}`),
  ];
  return { columns, labels };
}

/**
 * One report's panel row (the columns of textPanelColumns), so a panel can be
 * built one report at a time without keeping the reports.
 * @example textPanelRow(report, WUFEI_2021).slice(0, 2) // ['600000', 2020]
 */
export function textPanelRow(
  report: IndexedReport,
  dictionary: Dictionary,
  opts: PanelOptions = {},
): Array<string | number | null> {
  const { index } = report;
  return [
    report.firm,
    report.year,
    index.section.name,
    index.chars,
    index.total,
    index.lnTotal,
    index.per10k,
    ...dictionary.groups.map((g) => index.groups[g.id]),
    ...(opts.terms ? dictionary.groups.flatMap((g) => g.terms.map((t) => index.counts[t])) : []),
  ];
}

/**
 * Panel rows in place, sorted by firm (column 0) and year (column 1).
 * @example sortPanelRows([['600000', 2021], ['000001', 2020]]) // [['000001', 2020], ['600000', 2021]]
 */
export function sortPanelRows<T extends Array<string | number | null>>(rows: T[]): T[] {
  return rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
}

/**
 * Panel rows sorted by firm and year.
 * @example textPanel(reports, WUFEI_2021).columns.slice(0, 4) // ['firm', 'year', 'section', 'chars']
 */
export function textPanel(reports: IndexedReport[], dictionary: Dictionary, opts: PanelOptions = {}): TextPanel {
  return {
    ...textPanelColumns(dictionary, opts),
    rows: sortPanelRows(reports.map((r) => textPanelRow(r, dictionary, opts))),
  };
}

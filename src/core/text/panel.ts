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

/**
 * Panel rows sorted by firm and year.
 * @example textPanel(reports, WUFEI_2021).columns.slice(0, 4) // ['firm', 'year', 'section', 'chars']
 */
export function textPanel(reports: IndexedReport[], dictionary: Dictionary, opts: { terms?: boolean } = {}): TextPanel {
  const groupIds = dictionary.groups.map((g) => g.id);
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
    ...groupIds,
    ...terms.map((t) => `term:${t}`),
  ];
  const rows = [...reports]
    .sort((a, b) => a.firm.localeCompare(b.firm) || a.year - b.year)
    .map((r) => [
      r.firm,
      r.year,
      r.index.section.name,
      r.index.chars,
      r.index.total,
      r.index.lnTotal,
      r.index.per10k,
      ...groupIds.map((g) => r.index.groups[g]),
      ...terms.map((t) => r.index.counts[t]),
    ]);
  return { columns, labels, rows };
}

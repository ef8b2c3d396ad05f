/**
 * The text index's CSV files, browser-safe: the hits (every mention with its
 * page and context, the mention as written in 【】, set-aside mentions with
 * their rule and cue) and the firm × year panel. `xinzhi text --out` writes
 * text-hits.csv one report at a time with `textHitRows`; the web page builds
 * the same files from the reports it holds.
 */
import { bi, both } from '../../core/i18n.ts';
import type { Dictionary } from '../../core/text/dictionary.ts';
import { textPanel, type IndexedReport, type PanelOptions } from '../../core/text/panel.ts';
import { toCsv, type CsvCell } from './csv.ts';

/** Header of text-hits.csv (zh / en in each cell). */
export const TEXT_HIT_HEADER = [
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

const basename = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/**
 * The hits of one report as CSV records, counted and set-aside ones in text
 * order, the mention (as written) in 【】.
 * @example textHitRows(report)[0] // ['600519_2021年年度报告.txt', '600519', 2021, 'artificial_intelligence', '人工智能', 3, 1204, '…推进【人工智能】应用…', null, null]
 */
export function textHitRows(r: IndexedReport): CsvCell[][] {
  return [...r.index.hits, ...r.index.dropped]
    .sort((a, b) => a.start - b.start)
    .map((h) => {
      const to = h.before + h.end - h.start;
      return [
        basename(r.file),
        r.firm,
        r.year,
        h.group,
        h.term,
        h.page ?? null,
        h.start,
        `${h.snippet.slice(0, h.before)}【${h.snippet.slice(h.before, to)}】${h.snippet.slice(to)}`,
        h.dropped?.rule ?? null,
        h.dropped?.cue ?? null,
      ];
    });
}

/**
 * text-hits.csv of a set of reports (UTF-8 with BOM), in the order given.
 * @example textHitsCsv(reports).split('\r\n')[0] // '\uFEFF文件 file,公司 firm,…'
 */
export function textHitsCsv(reports: IndexedReport[]): string {
  return toCsv(TEXT_HIT_HEADER.map(both), reports.flatMap(textHitRows));
}

/**
 * text-panel.csv of a set of reports: one row per firm and year, sorted
 * (core `textPanel`), with a column per term when asked.
 * @example textPanelCsv(reports, WUFEI_2021).split('\r\n')[0] // '\uFEFFfirm,year,section,chars,total,lnTotal,per10k,…'
 */
export function textPanelCsv(reports: IndexedReport[], dictionary: Dictionary, opts: PanelOptions = {}): string {
  const panel = textPanel(reports, dictionary, opts);
  return toCsv(panel.columns, panel.rows);
}

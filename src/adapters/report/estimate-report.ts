/**
 * The documents of `xinzhi estimate`, all made from one results object
 * (src/core/estimate/run.ts) through the tables of estimate-tables.ts:
 * - HTML (one standalone file) and Word (the same sections): the regression
 *   table, each model's own tables, the event-study plots as SVG figures, the
 *   notes on the sample (winsorising, lags, singletons, framework node) and the
 *   interpretation sentence of every model;
 * - XLSX: a sheet per table with every number at full precision (the cell
 *   format adds the stars and parentheses), plus a sheet of notes;
 * - CSV: the tables one after another as they are printed.
 *
 * @example writeFileSync('est.html', estimateReportHtml(result, 'zh'))
 */
import { modelReading } from '../../core/estimate/model-common.ts';
import ExcelJS from '#exceljs';
import type { EstimateModelResult, EstimateResult } from '../../core/estimate/run.ts';
import { bi, type Bilingual, type Lang } from '../../core/i18n.ts';
import { chartFigure } from './charts.ts';
import { BOM, csvField } from './csv.ts';
import { type Rasterize, reportDocx } from './docx.ts';
import { eventPlotPoints, eventStudyChart } from './event-study-chart.ts';
import { cellNumFmt, cellText, type EstTable, type EstTableOptions, estimateTables } from './estimate-tables.ts';
import { reportDocument, type ReportSection } from './html.ts';
import { paragraph } from './markup.ts';
import { threeLineTable, type TableColumn } from './tables.ts';
import { addSheet, xlsxBytes } from './xlsx.ts';

export type EstimateReportOptions = EstTableOptions & {
  /** Figures of the event-study plots in the model sections (default true; the web page shows the CLI's plot beside them). */
  plots?: boolean;
};

/** A table as a three-line HTML table in `lang` (numbers preformatted by cellText). */
export function estTableHtml(t: EstTable, lang: Lang): string {
  const columns: TableColumn[] = t.head.map((header, j) => ({
    header,
    kind: j === 0 || t.textColumns?.includes(j) ? 'text' : 'number',
  }));
  return threeLineTable({
    caption: t.caption,
    columns,
    rows: t.rows.map((r) => r.map((c) => cellText(c, lang))),
    lang,
    id: `est-${t.id}`,
    ...(t.note ? { note: t.note } : {}),
  });
}

/** The plot of a model that has one: an event study's periods, Callaway–Sant'Anna's dynamic aggregation. */
function plotOf(m: EstimateModelResult, k: number, lang: Lang): string | null {
  const points = eventPlotPoints(m);
  if (!points) return null;
  const caption = bi(
    `${m.name}：相对处理时期的效应与 95% 置信区间`,
    `${m.name}: effects by period relative to treatment, 95% CI`,
  );
  const svg = eventStudyChart(points, { lang, caption, title: false, idPrefix: `est-plot-${k + 1}` });
  return chartFigure(svg, { caption, lang, id: `est-figure-${k + 1}` });
}

/** Notes on how the sample of a model was prepared (winsorising, lags, singletons, framework node). */
function sampleNotes(m: EstimateModelResult): Bilingual[] {
  const out: Bilingual[] = [];
  if (m.winsor) {
    const w = m.winsor;
    const vars = Object.entries(w.vars)
      .map(([v, c]) => `${v} (${c.low} + ${c.high})`)
      .join(', ');
    out.push(
      bi(
        `缩尾（Stata winsor2 百分位）：${w.p[0]}%–${w.p[1]}%${w.by ? `，按 ${w.by} 分组` : ''}；被替换的值个数（下 + 上）：${vars}。`,
        `Winsorised (Stata winsor2 percentiles) at ${w.p[0]}%–${w.p[1]}%${w.by ? ` within ${w.by}` : ''}; values replaced (low + high): ${vars}.`,
      ),
    );
  }
  if (m.lagDropped !== undefined)
    out.push(
      bi(
        `滞后项在 t − k 无值而删去 ${m.lagDropped} 行。`,
        `${m.lagDropped} rows dropped because a lagged term has no value at t − k.`,
      ),
    );
  if (m.type === 'fe' && m.singletons > 0)
    out.push(
      bi(
        `删去 ${m.singletons} 个单例观测（reghdfe 约定）。`,
        `${m.singletons} singleton observations dropped (as reghdfe).`,
      ),
    );
  if (m.framework) {
    const role = m.type === 'moderation' ? bi('调节变量', 'moderator') : bi('中介变量', 'mediator');
    out.push(
      bi(
        `${role.zh}代表框架节点「${m.framework.name.zh}」（${m.framework.id}）；依据：${m.framework.cites.map((c) => c.zh).join('；')}。`,
        `The ${role.en} stands for the framework node "${m.framework.name.en}" (${m.framework.id}); source: ${m.framework.cites.map((c) => c.en).join('; ')}.`,
      ),
    );
  }
  return out;
}

/** Title, subtitle and sections of the report; the HTML and Word documents show the same. */
export function estimateReportParts(
  res: EstimateResult,
  lang: Lang,
  opts: EstimateReportOptions = {},
): { title: Bilingual; subtitle: Bilingual; sections: ReportSection[] } {
  const tables = estimateTables(res, opts);
  const sections: ReportSection[] = [];
  const main = tables.find((t) => t.id === 'regression');
  if (main)
    sections.push({
      id: 'est-regression',
      title: bi('回归结果', 'Regression results'),
      html: estTableHtml(main, lang),
    });
  res.models.forEach((m, k) => {
    const own = tables.filter((t) => t.id.startsWith(`m${k + 1}-`));
    const plot = opts.plots === false ? null : plotOf(m, k, lang);
    const notes = sampleNotes(m);
    if (m.type === 'mediation' && !m.indirect) notes.push(m.note);
    if (own.length === 0 && !plot && notes.length === 0) return;
    sections.push({
      id: `est-model-${k + 1}`,
      title: bi(`模型 ${m.name}`, `Model ${m.name}`),
      html: [
        ...own.map((t) => estTableHtml(t, lang)),
        ...(plot ? [plot] : []),
        ...notes.map((n) => paragraph(n, lang)),
      ].join('\n'),
    });
  });
  sections.push({
    id: 'est-interpretation',
    title: bi('解读', 'Interpretation'),
    html: res.models
      .map((m) => {
        const r = modelReading(m);
        return paragraph(bi(`${m.name}：${r.zh}`, `${m.name}: ${r.en}`), lang);
      })
      .join('\n'),
  });
  const n = res.models.length;
  return {
    title: bi('效应估计', 'Effect estimation'),
    subtitle: bi(
      `${n} 个模型：${res.models.map((m) => m.name).join('、')}`,
      `${n} model${n > 1 ? 's' : ''}: ${res.models.map((m) => m.name).join(', ')}`,
    ),
    sections,
  };
}

/**
 * The report as one HTML document in `lang` (captions and notes carry the other language beneath).
 * @example writeFileSync('est.html', estimateReportHtml(result, 'zh'))
 */
export function estimateReportHtml(res: EstimateResult, lang: Lang, opts: EstimateReportOptions = {}): string {
  return reportDocument({ lang, ...estimateReportParts(res, lang, opts) });
}

/**
 * The same report as a Word document (three-line Word tables, plots as images).
 * @example writeFileSync('est.docx', await estimateReportDocx(result, 'zh', rasterizeSvg))
 */
export function estimateReportDocx(
  res: EstimateResult,
  lang: Lang,
  rasterize: Rasterize,
  opts: EstimateReportOptions = {},
): Promise<Uint8Array> {
  const parts = estimateReportParts(res, lang, opts);
  return reportDocx(parts.sections, { lang, title: parts.title, subtitle: parts.subtitle, rasterize });
}

/** Sheet name of the i-th table: "1 回归 Regression", at most 31 characters, unique by its number. */
function sheetName(t: EstTable, i: number): string {
  const name = `${i + 1} ${t.caption.en}`.replace(/[\\/?*[\]:]/g, ' ');
  return name.length > 31 ? name.slice(0, 31) : name;
}

/**
 * The workbook: a notes sheet (captions, table notes, interpretation), then one
 * sheet per table. Numbers are stored at full precision; each cell's number
 * format shows its decimals, stars and parentheses.
 * @example writeFileSync('est.xlsx', await estimateWorkbook(result, 'zh'))
 */
export async function estimateWorkbook(
  res: EstimateResult,
  lang: Lang,
  opts: EstimateReportOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xinzhi';
  const tables = estimateTables(res, opts);
  const notes: Array<Array<string>> = tables.map((t, i) => [
    sheetName(t, i),
    t.caption[lang],
    t.note ? t.note[lang] : '',
  ]);
  for (const m of res.models) notes.push([m.name, bi('解读', 'Interpretation')[lang], modelReading(m)[lang]]);
  addSheet(
    wb,
    '0 说明 Notes',
    [
      { header: bi('工作表 / 模型', 'Sheet / model'), width: 30 },
      { header: bi('标题', 'Caption'), width: 50 },
      { header: bi('注', 'Note'), width: 100 },
    ],
    notes,
  );
  tables.forEach((t, i) => {
    const ws = addSheet(
      wb,
      sheetName(t, i),
      t.head.map((h, j) => ({ header: h, width: j === 0 ? 28 : 18 })),
      t.rows.map((r) => r.map((c) => (c === null ? null : typeof c === 'string' ? c : 'zh' in c ? c[lang] : c.v))),
    );
    t.rows.forEach((r, ri) =>
      r.forEach((c, j) => {
        if (c !== null && typeof c === 'object' && !('zh' in c)) {
          const cell = ws.getRow(ri + 2).getCell(j + 1);
          cell.numFmt = cellNumFmt(c);
          cell.alignment = { horizontal: 'right' };
        }
      }),
    );
  });
  return xlsxBytes(wb);
}

/**
 * The tables as printed, one after another in one CSV (UTF-8 with BOM, CRLF):
 * a caption line, the header, the rows, the note, then an empty line.
 * @example writeFileSync('est.csv', estimateCsv(result, 'zh'))
 */
export function estimateCsv(res: EstimateResult, lang: Lang, opts: EstimateReportOptions = {}): string {
  const lines: string[][] = [];
  for (const t of estimateTables(res, opts)) {
    lines.push([t.caption[lang]]);
    lines.push(t.head.map((h) => h[lang]));
    for (const r of t.rows) lines.push(r.map((c) => cellText(c, lang)));
    if (t.note) lines.push([t.note[lang]]);
    lines.push([]);
  }
  for (const m of res.models) lines.push([`${m.name}: ${modelReading(m)[lang]}`]);
  return BOM + lines.map((l) => `${l.map(csvField).join(',')}\r\n`).join('');
}

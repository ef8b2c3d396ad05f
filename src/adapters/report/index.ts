/**
 * Report outputs (pure: strings and bytes, usable in the browser): CSV, XLSX,
 * JSON, SVG charts and the HTML report with reusable building blocks
 * (three-line tables, chart figures, bilingual headings).
 */
export { BOM, csvField, toCsv, scoresCsv, weightsCsv, type CsvCell } from './csv.ts';
export { workbook, SHEETS, type WorkbookOptions } from './xlsx.ts';
export { resultJson, specJson, outputReplacer } from './json.ts';
export {
  renderSvg,
  normalizeSvg,
  rankingChart,
  trendChart,
  weightsChart,
  provinceMap,
  quantileBreaks,
  chartFigure,
  OCHA_CREDIT,
  PALETTE,
  MAP_COLORS,
  NO_DATA_COLOR,
  FIGURE_CSS,
  type ChartOptions,
  type ScoreChartOptions,
  type MapOptions,
  type FigureOptions,
} from './charts.ts';
export {
  threeLineTable,
  fixed,
  THREE_LINE_CSS,
  MISSING,
  type TableCell,
  type TableColumn,
  type ThreeLineTableOptions,
} from './tables.ts';
export {
  reportHtml,
  reportDocument,
  measurementSections,
  REPORT_CSS,
  type ReportSection,
  type ReportOptions,
} from './html.ts';
export { escapeHtml, biInline, biBlock, heading, paragraph, list, collapsiblePre } from './markup.ts';
export {
  matchProvinces,
  provinceFeatures,
  PROVINCE_SHARE,
  type ProvinceMatch,
  type ProvinceFeature,
} from '../../core/geo/province-match.ts';
export { hierarchy, nodeName, indexName, scoredLevels, type HierarchyEntry } from './hierarchy.ts';
export { methodChoices, type MethodChoice } from './methods-table.ts';
export { weightDiagnosticTables, rowLabels, otherDiagnostics, type WeightDiagnosticTable } from './diagnostics.ts';
export {
  estimateReportHtml,
  estimateReportDocx,
  estimateWorkbook,
  estimateCsv,
  estimateReportParts,
  type EstimateReportOptions,
} from './estimate-report.ts';
export { estimateTables, regressionTable, cellText, type EstTable, type EstCell } from './estimate-tables.ts';

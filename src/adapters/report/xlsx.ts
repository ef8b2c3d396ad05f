/**
 * The XLSX workbook (exceljs): one sheet per table, bilingual sheet names
 * ("中文 English") and headers ("中文 / English"), bold frozen header row,
 * number formats on numeric columns. Cells hold the result's numbers at full
 * precision (formats only change the display); missing / non-finite numbers
 * are empty cells. Pure: returns the file's bytes.
 */
import ExcelJS from '#exceljs';
import { parse } from 'node-html-parser';
import type { ReportSection } from './html.ts';
import { cleanText, sectionTables, textOf } from './html-tables.ts';
import { bi, both, t, type Bilingual, type Lang } from '../../core/i18n.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import { formatProblem } from '../../core/errors.ts';
import { byTimeKeys } from './csv.ts';
import { weightDiagnosticTables, otherDiagnostics, rowLabels } from './diagnostics.ts';
import { flatten, leafPath } from './flatten.ts';
import { hierarchy, nodeName, scoredLevels } from './hierarchy.ts';
import { weightMethodName } from '../../core/measure/robustness.ts';
import { hasProvinceUnit, influenceChoice, L, rankUnder, unitName } from './labels.ts';
import { ScoreTable, latestTime, timeKey, unitsByRank } from './lookup.ts';
import {
  DISTRIBUTION_COLUMNS,
  distributionRows,
  endsOf,
  groupColumns,
  groupDistributionRows,
  groupLabels,
  isLargePanel,
  listedNote,
  mostMoved,
  movedNote,
  omittedNote,
} from './large-panel.ts';
import { MCDM_CSV } from './csv.ts';

export interface WorkbookOptions {
  /** Language of the single-language cells (kinds, messages); headers are always bilingual. */
  lang: Lang;
  /** Analysis sections of the report (analysis-sections.ts): each becomes a sheet with its tables and interpretation. */
  sections?: ReportSection[];
  /** Units listed in the unit sheets of a large panel besides the first and last by rank. */
  units?: string[];
}

/** Sheet name of an analysis section: "分析 " + its English title, cut to Excel's 31 characters, unique. */
function sectionSheetName(title: string, used: Set<string>): string {
  const base = `分析 ${title}`
    .replace(/:/g, ' -')
    .replace(/[/\\?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base.slice(0, 28)} ${k}`;
  used.add(name);
  return name;
}

/** One sheet per analysis section: each table under its caption (numbers as numbers), then the interpretation. */
function addSectionSheets(wb: ExcelJS.Workbook, sections: ReportSection[], lang: Lang): void {
  const used = new Set(wb.worksheets.map((w) => w.name));
  for (const sec of sections) {
    const tables = sectionTables(sec.html);
    const text = parse(sec.html)
      .querySelectorAll('.interpretation p')
      .map((p) => cleanText(textOf(p)));
    if (!tables.length && !text.length) continue;
    const ws = wb.addWorksheet(sectionSheetName(sec.title.en, used));
    ws.addRow([sec.title[lang]]).font = { bold: true, size: 12 };
    for (const tb of tables) {
      ws.addRow([]);
      if (tb.caption) ws.addRow([tb.caption]).font = { bold: true };
      tb.rows.forEach((r, i) => {
        const row = ws.addRow(r.map((c) => (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(c) ? Number(c) : c || null)));
        if (i < tb.head) row.font = { bold: true };
      });
    }
    if (text.length) {
      ws.addRow([]);
      ws.addRow([lang === 'zh' ? '解读' : 'Interpretation']).font = { bold: true };
      for (const x of text) ws.addRow([x]);
    }
    ws.getColumn(1).width = 28;
  }
}

/** Sheet names (≤ 31 characters, no / \ ? * [ ] :). */
export const SHEETS = {
  indexScores: '指数得分 Index scores',
  indexRanks: '指数排名 Index ranks',
  nodeScores: '各级得分 Node scores',
  weights: '权重 Weights',
  weightsByTime: '分期权重 Weights by time',
  normalized: '标准化数据 Normalised data',
  diagnostics: '赋权诊断 Weight diagnostics',
  otherDiagnostics: '其他诊断 Other diagnostics',
  correlations: '相关矩阵 Correlations',
  coherence: '一致性 Coherence',
  reliability: '信度 Reliability',
  topsis: 'TOPSIS',
  gra: '灰色关联 GRA',
  vikor: 'VIKOR',
  uncertainty: '不确定性 Uncertainty',
  robustness: '稳健性 Robustness',
  influence: '敏感性 Influence',
  imputations: '插补 Imputations',
  treatments: '处理 Treatments',
  warnings: '警告 Warnings',
  record: '运行记录 Run record',
  distribution: '分布 Distribution',
  groups: '分组 Groups',
  spec: '设定 Spec',
} as const;

/** Number formats. */
const FMT = { score: '0.0000', weight: '0.0000', rank: '0', corr: '0.000', general: 'General' } as const;

export type Cell = string | number | boolean | null | undefined;

export interface ColumnDef {
  header: Bilingual;
  numFmt?: string;
  width?: number;
}

/** Cell value for exceljs: non-finite numbers and undefined → null (empty cell). */
function cellValue(v: Cell): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

/** Add a sheet with a bold, frozen bilingual header row and the given rows. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: ColumnDef[], rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: both(c.header),
    width: c.width ?? Math.min(40, Math.max(10, both(c.header).length + 2)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(cellValue));
  return ws;
}

/** Wide table of one measure of the index: units × times. */
function indexWide(
  result: EvaluationResult,
  table: ScoreTable,
  pick: 'score' | 'rank',
  names: UnitNames,
  units: string[] = result.units,
): { columns: ColumnDef[]; rows: Cell[][] } {
  const fmt = pick === 'score' ? FMT.score : FMT.rank;
  const columns: ColumnDef[] = [
    ...names.columns(),
    ...result.times.map((tm) => ({ header: { zh: timeKey(tm), en: timeKey(tm) }, numFmt: fmt })),
  ];
  const rows = units.map((u) => [...names.cells(u), ...result.times.map((tm) => table.get(INDEX_ID, u, tm)?.[pick])]);
  return { columns, rows };
}

/**
 * The unit column, followed by a "名称 / Name" column with the unit's display
 * name in the workbook's language (`unitName`) when at least one unit is a
 * province. The unit column keeps the data's spelling (the key to join on).
 */
interface UnitNames {
  columns(width?: number, header?: Bilingual): ColumnDef[];
  cells(unit: string | null | undefined): Cell[];
}

function unitNames(result: EvaluationResult, lang: Lang): UnitNames {
  const on = hasProvinceUnit(result.units);
  return {
    columns: (width = 18, header = L.unitName) => [{ header: L.unit, width }, ...(on ? [{ header, width }] : [])],
    cells: (unit) => [unit, ...(on ? [unit === null || unit === undefined ? null : unitName(unit, lang)] : [])],
  };
}

/** The workbook as bytes. */
export async function workbook(result: EvaluationResult, opts: WorkbookOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `xinzhi ${result.record.software.version}`;
  const table = ScoreTable.of(result);
  const lang = opts.lang;
  const names = unitNames(result, lang);

  // a large panel (firms) lists the first and last units by the latest rank; the full tables are in scores.csv
  const large = isLargePanel(result);
  const ends = large ? endsOf(unitsByRank(result, table, latestTime(result))) : result.units;
  const listed = large ? [...ends, ...(opts.units ?? []).filter((u) => !ends.includes(u))] : ends;
  const keep = large ? new Set(listed) : null;
  const note = large ? [[t(omittedNote(result.units.length, listed.length), lang)]] : [];
  /** A sheet's rows: in a large panel those of the listed units, with a note naming `files`, which have every row. */
  const listedRows = <T extends { unit: string }>(
    rows: T[],
    cells: (r: T) => Cell[],
    files = `${MCDM_CSV}, results.json`,
  ): Cell[][] =>
    keep
      ? [
          ...rows.filter((r) => keep.has(r.unit)).map(cells),
          [t(listedNote(result.units.length, listed.length, files), lang)],
        ]
      : rows.map(cells);
  const scores = indexWide(result, table, 'score', names, listed);
  addSheet(wb, SHEETS.indexScores, scores.columns, [...scores.rows, ...note]);
  const ranks = indexWide(result, table, 'rank', names, listed);
  addSheet(wb, SHEETS.indexRanks, ranks.columns, [...ranks.rows, ...note]);
  if (large)
    addSheet(
      wb,
      SHEETS.distribution,
      DISTRIBUTION_COLUMNS.map((c, i) => ({ header: c.header, ...(i > 1 ? { numFmt: FMT.score } : {}) })),
      distributionRows(result, table).map((r) => r.map((c) => (typeof c === 'object' && c !== null ? null : c))),
    );
  // large panels with label columns: the latest period's distribution within each group, one block per label
  if (large && groupLabels(result).length)
    addSheet(
      wb,
      SHEETS.groups,
      [
        { header: bi('分组变量', 'Label') },
        ...groupColumns(bi('分组', 'Group')).map((c, i) => ({
          header: c.header,
          ...(i > 1 ? { numFmt: FMT.score } : {}),
        })),
      ],
      groupLabels(result).flatMap((label) =>
        groupDistributionRows(result, table, label).map((r) => [
          label,
          ...r.map((c) => (typeof c === 'object' && c !== null ? null : c)),
        ]),
      ),
    );

  const entries = hierarchy(result);
  const levelOf = new Map<string, number>(entries.map((e) => [e.id, e.level]));
  levelOf.set(INDEX_ID, 0);
  const nodeOrder = new Map(
    scoredLevels(result)
      .flat()
      .map((id, i) => [id, i]),
  );
  const nodeRows = (keep ? result.nodeScores.filter((r) => keep.has(r.unit)) : [...result.nodeScores])
    .sort((a, b) => (nodeOrder.get(a.node) ?? 1e9) - (nodeOrder.get(b.node) ?? 1e9))
    .map((r) => [
      r.node,
      t(nodeName(result, r.node), lang),
      levelOf.get(r.node),
      ...names.cells(r.unit),
      r.time,
      r.score,
      r.rank,
    ]);
  addSheet(
    wb,
    SHEETS.nodeScores,
    [
      { header: L.node, width: 14 },
      { header: L.name, width: 24 },
      { header: L.level, numFmt: FMT.rank },
      ...names.columns(18, L.unitNameLong),
      { header: L.time },
      { header: L.score, numFmt: FMT.score },
      { header: L.rank, numFmt: FMT.rank },
    ],
    [...nodeRows, ...note],
  );

  addSheet(
    wb,
    SHEETS.weights,
    [
      { header: L.id, width: 14 },
      { header: L.kind },
      { header: L.parent, width: 14 },
      { header: L.level, numFmt: FMT.rank },
      { header: L.nameZh, width: 24 },
      { header: L.nameEn, width: 28 },
      { header: L.column, width: 28 },
      { header: L.direction },
      { header: L.measure },
      { header: L.localWeight, numFmt: FMT.weight },
      { header: L.globalWeight, numFmt: FMT.weight },
    ],
    entries.map((e) => [
      e.id,
      t(e.kind === 'node' ? L.kindNode : L.kindIndicator, lang),
      e.parent,
      e.level,
      e.name.zh,
      e.name.en,
      e.column,
      e.direction,
      e.measure,
      e.weight.local,
      e.weight.global,
    ]),
  );

  const times = byTimeKeys(result);
  if (times.length) {
    addSheet(
      wb,
      SHEETS.weightsByTime,
      [
        { header: L.id, width: 14 },
        { header: L.kind },
        { header: L.time },
        { header: L.localWeight, numFmt: FMT.weight },
        { header: L.globalWeight, numFmt: FMT.weight },
      ],
      entries.flatMap((e) =>
        times
          .filter((tk) => e.weight.byTime?.[tk])
          .map((tk) => [
            e.id,
            t(e.kind === 'node' ? L.kindNode : L.kindIndicator, lang),
            timeCell(result, tk),
            e.weight.byTime![tk].local,
            e.weight.byTime![tk].global,
          ]),
      ),
    );
  }

  const indIds = result.indicators.map((i) => i.id);
  const norm = result.normalized;
  const labels = rowLabels(result);
  const labelKeys = Object.keys(labels);
  addSheet(
    wb,
    SHEETS.normalized,
    [
      ...names.columns(),
      { header: L.time },
      ...labelKeys.map((k) => ({ header: { zh: k, en: k }, width: 14 })),
      ...result.indicators.map((i) => ({ header: indicatorHeader(result, i.id), numFmt: FMT.score })),
    ],
    [
      ...norm.unit.flatMap((u, r) =>
        keep && !keep.has(u)
          ? []
          : [
              [
                ...names.cells(u),
                norm.time[r],
                ...labelKeys.map((k) => labels[k][r]),
                ...indIds.map((id) => norm.values[id]?.[r]),
              ],
            ],
      ),
      ...note,
    ],
  );

  const diag = weightDiagnosticTables(result);
  if (diag.length) {
    const colKeys = [...new Set(diag.flatMap((d) => d.columns.map((c) => c.key)))];
    const scalarKeys = [...new Set(diag.flatMap((d) => Object.keys(d.scalars)))];
    addSheet(
      wb,
      SHEETS.diagnostics,
      [
        { header: L.time },
        { header: L.node, width: 14 },
        { header: L.method, width: 12 },
        { header: L.id, width: 18 },
        { header: L.name, width: 24 },
        { header: L.weight, numFmt: FMT.weight },
        ...colKeys.map((k) => ({ header: { zh: k, en: k }, numFmt: FMT.score })),
        ...scalarKeys.map((k) => ({ header: { zh: k, en: k } })),
      ],
      diag.flatMap((d) =>
        d.ids.map((id, i) => [
          d.time,
          d.node,
          d.method,
          id,
          t(nodeName(result, id), lang),
          d.weights[i],
          ...colKeys.map((k) => d.columns.find((c) => c.key === k)?.values[i] ?? null),
          ...scalarKeys.map((k) => scalarCell(d.scalars[k])),
        ]),
      ),
    );
  }
  const other = otherDiagnostics(result);
  if (other.length) {
    addSheet(
      wb,
      SHEETS.otherDiagnostics,
      [
        { header: L.key, width: 28 },
        { header: L.item, width: 16 },
        { header: L.value, width: 20 },
      ],
      other.map((r) => [r.path, r.item, r.value]),
    );
  }

  const coh = result.coherence;
  addSheet(
    wb,
    SHEETS.correlations,
    [{ header: L.id, width: 14 }, ...coh.indicators.map((id) => ({ header: { zh: id, en: id }, numFmt: FMT.corr }))],
    coh.indicators.map((id, i) => [id, ...coh.indicators.map((_, j) => coh.indicatorCorrelation[i]?.[j])]),
  );
  addSheet(
    wb,
    SHEETS.coherence,
    [
      { header: L.id, width: 14 },
      { header: L.name, width: 24 },
      { header: L.parent, width: 14 },
      { header: L.withParent, numFmt: FMT.corr },
      { header: L.withIndex, numFmt: FMT.corr },
      { header: L.negativeWithParent },
    ],
    coh.indicators.map((id) => [
      id,
      t(nodeName(result, id), lang),
      result.indicators.find((i) => i.id === id)?.parent ?? INDEX_ID,
      coh.withParent[id],
      coh.withIndex[id],
      t(coh.negativeWithParent.includes(id) ? L.yes : L.no, lang),
    ]),
  );
  addSheet(
    wb,
    SHEETS.reliability,
    [
      { header: L.node, width: 14 },
      { header: L.name, width: 24 },
      { header: L.cronbachAlpha, numFmt: FMT.corr },
    ],
    Object.entries(coh.cronbachAlpha).map(([id, a]) => [id, t(nodeName(result, id), lang), a]),
  );

  if (result.topsis)
    addSheet(
      wb,
      SHEETS.topsis,
      [
        ...names.columns(),
        { header: L.time },
        { header: L.dPlus, numFmt: FMT.score },
        { header: L.dMinus, numFmt: FMT.score },
        { header: L.closeness, numFmt: FMT.score },
        { header: L.rank, numFmt: FMT.rank },
      ],
      listedRows(result.topsis, (r) => [...names.cells(r.unit), r.time, r.dPlus, r.dMinus, r.closeness, r.rank]),
    );
  if (result.gra)
    addSheet(
      wb,
      SHEETS.gra,
      [
        ...names.columns(),
        { header: L.time },
        { header: L.grade, numFmt: FMT.score },
        { header: L.rank, numFmt: FMT.rank },
      ],
      listedRows(result.gra, (r) => [...names.cells(r.unit), r.time, r.grade, r.rank]),
    );
  if (result.vikor)
    addSheet(
      wb,
      SHEETS.vikor,
      [
        ...names.columns(),
        { header: L.time },
        { header: { zh: 'S（群体效用）', en: 'S (group utility)' }, numFmt: FMT.score },
        { header: { zh: 'R（个体遗憾）', en: 'R (individual regret)' }, numFmt: FMT.score },
        { header: { zh: 'Q（折衷值）', en: 'Q (compromise)' }, numFmt: FMT.score },
        { header: L.rank, numFmt: FMT.rank },
      ],
      listedRows(result.vikor, (r) => [...names.cells(r.unit), r.time, r.S, r.R, r.Q, r.rank]),
    );

  if (result.robustness) {
    const r = result.robustness;
    // a large panel lists the unit-times that move most (all rows in robustness.csv)
    const rows = large ? mostMoved(r.rows) : r.rows;
    addSheet(
      wb,
      SHEETS.robustness,
      [
        ...names.columns(),
        { header: L.time },
        { header: L.nominalRank, numFmt: FMT.rank },
        ...r.options.methods.map((m) => ({ header: rankUnder(weightMethodName(m)), numFmt: FMT.rank })),
        { header: L.rankShift, numFmt: FMT.rank },
        { header: L.q05, numFmt: '0.0' },
        { header: L.q95, numFmt: '0.0' },
      ],
      [
        ...rows.map((row) => [
          ...names.cells(row.unit),
          row.time,
          row.nominalRank,
          ...r.options.methods.map((m) => row.ranks[m]),
          row.shift,
          row.monteCarlo?.q05 ?? null,
          row.monteCarlo?.q95 ?? null,
        ]),
        ...(large ? [[t(movedNote(r, rows.length), lang)]] : []),
      ],
    );
  }

  if (result.uncertainty) {
    const u = result.uncertainty;
    addSheet(
      wb,
      SHEETS.uncertainty,
      [
        ...names.columns(),
        { header: L.time },
        { header: L.nominalRank, numFmt: FMT.rank },
        { header: L.medianRank, numFmt: '0.0' },
        { header: L.q05, numFmt: '0.0' },
        { header: L.q95, numFmt: '0.0' },
      ],
      listedRows(
        u.ranks,
        (r) => [...names.cells(r.unit), r.time, r.nominalRank, r.medianRank, r.q05, r.q95],
        'results.json',
      ),
    );
    addSheet(
      wb,
      SHEETS.influence,
      [
        { header: L.choice, width: 18 },
        { header: L.influence, numFmt: FMT.corr },
      ],
      Object.entries(u.influence).map(([k, v]) => [influenceChoice(k, lang), v]),
    );
  }

  const rec = result.record;
  addSheet(
    wb,
    SHEETS.imputations,
    [
      ...names.columns(),
      { header: L.time },
      { header: L.column, width: 28 },
      { header: L.value, numFmt: FMT.general },
      { header: L.method, width: 16 },
    ],
    capped(
      rec.imputations.map((c) => [...names.cells(c.unit), c.time, c.column, c.value, c.method]),
      lang,
    ),
  );
  addSheet(
    wb,
    SHEETS.treatments,
    [
      ...names.columns(),
      { header: L.time },
      { header: L.column, width: 28 },
      { header: L.from },
      { header: L.to },
      { header: L.treatment, width: 18 },
    ],
    capped(
      rec.treatments.map((c) => [...names.cells(c.unit), c.time, c.column, c.from, c.to, c.treatment]),
      lang,
    ),
  );
  addSheet(
    wb,
    SHEETS.warnings,
    [
      { header: L.code, width: 20 },
      { header: L.severity },
      { header: L.message, width: 60 },
      { header: L.fix, width: 40 },
      { header: L.column, width: 20 },
      ...names.columns(14),
      { header: L.time },
    ],
    rec.warnings.map((p) => [
      p.code,
      p.severity,
      t(p.message, lang),
      p.fix ? t(p.fix, lang) : null,
      p.column,
      ...names.cells(p.unit),
      p.time,
    ]),
  );

  addSheet(
    wb,
    SHEETS.record,
    [
      { header: L.key, width: 30 },
      { header: L.value, width: 70 },
    ],
    recordRows(result, lang),
  );
  addSheet(
    wb,
    SHEETS.spec,
    [
      { header: L.path, width: 36 },
      { header: L.value, width: 40 },
    ],
    flatten(rec.spec).map((r) => [leafPath(r), r.value]),
  );

  if (opts.sections?.length) addSectionSheets(wb, opts.sections, lang);
  return xlsxBytes(wb);
}

/**
 * The .xlsx bytes of a workbook, deflated at level 1 (zlib's fastest): the
 * sheets' XML packs about three times faster than at exceljs' default level
 * for a slightly larger file, and Excel reads every level alike.
 */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  shareNumberFormats(wb);
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * Cells whose style holds only a number format (or nothing) share one style
 * object per format. exceljs gives every new cell its own copy of the
 * column's style and recognises a style it has written by the object, so
 * without this it works out the style of each cell afresh (sharing saves
 * about 55 ms on a firm panel's workbook); the file is the same. Run just
 * before writing: a later change to one cell's style would reach the others.
 */
function shareNumberFormats(wb: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const style = cell.style as Partial<ExcelJS.Style>;
        let fmt = '';
        for (const k in style) {
          if (k !== 'numFmt' || typeof style.numFmt !== 'string') return;
          fmt = style.numFmt;
        }
        let one = shared.get(fmt);
        if (!one) shared.set(fmt, (one = fmt ? { numFmt: fmt } : {}));
        cell.style = one;
      }),
    ),
  );
}

/** Data rows a sheet can hold (Excel's 1,048,576 rows less the header). */
export const XLSX_MAX_ROWS = 1_048_575;

/** Rows cut to what a sheet holds, the last row saying how many were left out and where they are. */
function capped(rows: Cell[][], lang: Lang, max = XLSX_MAX_ROWS): Cell[][] {
  if (rows.length <= max) return rows;
  const shown = max - 1;
  const text =
    lang === 'zh'
      ? `共 ${rows.length} 行，Excel 一张表只能容纳前 ${shown} 行；全部记录见 results.json。`
      : `${rows.length} rows: an Excel sheet holds only the first ${shown}; every record is in results.json.`;
  return [...rows.slice(0, shown), [text]];
}

/** A diagnostic scalar as a cell: numbers and strings as they are, anything else as JSON. */
function scalarCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return JSON.stringify(v, (_k, x) => (ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : x));
}

/** Header of an indicator column: "名称 / Name [id]". */
function indicatorHeader(result: EvaluationResult, id: string): Bilingual {
  const n = nodeName(result, id);
  return n.zh === id && n.en === id ? { zh: id, en: id } : { zh: `${n.zh} [${id}]`, en: `${n.en} [${id}]` };
}

/** A time key as it appears in the result's `times` (number stays a number). */
function timeCell(result: EvaluationResult, key: string): string | number {
  return result.times.find((tm) => timeKey(tm) === key) ?? key;
}

/** Key/value rows describing the run. */
function recordRows(result: EvaluationResult, lang: Lang): Cell[][] {
  const rec = result.record;
  const rows: Cell[][] = [
    [both({ zh: '软件', en: 'Software' }), `${rec.software.name} ${rec.software.version}`],
    [both({ zh: '数据指纹（SHA-256）', en: 'Data fingerprint (SHA-256)' }), rec.dataFingerprint],
    [both({ zh: '数据来源', en: 'Data source' }), rec.data.source ?? null],
    [both({ zh: '行数', en: 'Rows' }), rec.data.rows],
    [both({ zh: '单位数', en: 'Units' }), rec.data.units],
    [both({ zh: '时期数', en: 'Times' }), rec.data.times],
    [both({ zh: '使用的列', en: 'Columns used' }), rec.data.columns.join(', ')],
  ];
  for (const s of rec.steps) rows.push([`${both(s.label)} [${s.step}]`, JSON.stringify(s.details)]);
  for (const w of rec.warnings) rows.push([both({ zh: '警告', en: 'Warning' }), formatProblem(w, lang)]);
  return rows;
}

/**
 * CSV outputs: scores.csv, weights.csv and robustness.csv. UTF-8 with a byte-order mark so
 * Excel opens Chinese text correctly; RFC 4180 (CRLF line ends, fields with
 * comma, quote, CR or LF quoted, quotes doubled); headers "中文 / English".
 * Numbers are written with JavaScript's shortest round-trip form, so parsing
 * them back gives the same doubles; missing / non-finite numbers are empty.
 */
import { both, t, type Lang } from '../../core/i18n.ts';
import type { EvaluationResult } from '../../core/measure/result.ts';
import { hierarchy, nodeName, scoreColumnNodes } from './hierarchy.ts';
import { weightMethodName } from '../../core/measure/robustness.ts';
import { hasProvinceUnit, L, rankOf, rankUnder, scoreOf, scoreUnder, unitName, withTime } from './labels.ts';
import { scoreRows } from './lookup.ts';
import { numberField, scoresCsvBlocks, type ScoresCsvPlan } from './csv-lines.ts';

/** A CSV cell value. */
export type CsvCell = string | number | null | undefined;

/** UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

/** One field per RFC 4180: quoted when it holds a comma, quote, CR or LF (or leading/trailing space). */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberField(value);
  if (/[",\r\n]/.test(value) || value !== value.trim()) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** A whole CSV document: BOM, header line, rows, CRLF after every record. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return BOM + lines.map((l) => `${l}\r\n`).join('');
}

/**
 * scores.csv — one row per unit and time (units in result order within each
 * time): unit, time, index score and rank, then the score and rank of every
 * scored dimension in hierarchy order. When at least one unit is a province,
 * a "名称 / Name" column after the unit gives its display name in `lang`
 * (`unitName`: 广东 / Guangdong; other units unchanged); the unit column keeps
 * the data's spelling. Headers are always bilingual.
 */
export function scoresCsv(result: EvaluationResult, lang: Lang): string {
  let out = '';
  for (const line of scoresCsvLines(result, lang)) out += line;
  return out;
}

/**
 * scores.csv as it is produced: the BOM and header line, then the
 * CRLF-terminated lines of every unit and time in blocks of about 64 kB
 * (scoresCsv joins them; the file writer streams them, so a large panel
 * never needs the whole text). Each unit's field is made once, and the
 * numbers are read from the score table's columns.
 *
 * @example for (const piece of scoresCsvLines(result, 'zh')) out.write(piece)
 */
export function* scoresCsvLines(result: EvaluationResult, lang: Lang): Generator<string> {
  yield* scoresCsvBlocks(scoresCsvPlan(result, lang));
}

/** The plan of scores.csv (lines in time order, units in result order within a time; only unit-times with an index score). */
export function scoresCsvPlan(result: EvaluationResult, lang: Lang): ScoresCsvPlan {
  const nodes = scoreColumnNodes(result);
  const named = hasProvinceUnit(result.units);
  const header = [both(L.unit), ...(named ? [both(L.unitName)] : []), both(L.time)];
  for (const id of nodes) header.push(both(scoreOf(nodeName(result, id))), both(rankOf(nodeName(result, id))));
  const unitFields = result.units.map((u) => (named ? `${csvField(u)},${csvField(unitName(u, lang))}` : csvField(u)));
  return {
    head: `${BOM}${header.map(csvField).join(',')}\r\n`,
    unitFields,
    timeFields: result.times.map((time) => csvField(time)),
    ...scoreRows(result, nodes),
  };
}

/**
 * weights.csv — one row per dimension and indicator in hierarchy order: id,
 * kind, parent, level, name (in `lang`), data column, direction, local and
 * global weight; then local and global weight per time when the weights were
 * computed by time.
 */
export function weightsCsv(result: EvaluationResult, lang: Lang): string {
  const entries = hierarchy(result);
  const times = byTimeKeys(result);
  const header = [L.id, L.kind, L.parent, L.level, L.name, L.column, L.direction, L.localWeight, L.globalWeight].map(
    both,
  );
  for (const tk of times) header.push(both(withTime(L.localWeight, tk)), both(withTime(L.globalWeight, tk)));
  const rows = entries.map((e) => {
    const row: CsvCell[] = [
      e.id,
      t(e.kind === 'node' ? L.kindNode : L.kindIndicator, lang),
      e.parent,
      e.level,
      t(e.name, lang),
      e.column ?? '',
      e.direction ?? '',
      e.weight.local,
      e.weight.global,
    ];
    for (const tk of times) row.push(e.weight.byTime?.[tk]?.local, e.weight.byTime?.[tk]?.global);
    return row;
  });
  return toCsv(header, rows);
}

/** Time keys of by-time weights, in the result's time order (then any others). */
export function byTimeKeys(result: EvaluationResult): string[] {
  const present = new Set<string>();
  for (const w of result.nodeWeights) for (const k of Object.keys(w.byTime ?? {})) present.add(k);
  const ordered = result.times.map(String).filter((k) => present.has(k));
  for (const k of present) if (!ordered.includes(k)) ordered.push(k);
  return ordered;
}

/**
 * robustness.csv — every row of the robustness check (result.robustness):
 * unit (and its display name for provinces), time, nominal rank, the rank and
 * score under each compared weighting method, the rank shift and, when the
 * uncertainty analysis ran, its 5 % and 95 % rank quantiles; in the report's
 * order. Written beside the reports of a large panel, whose tables list only
 * the unit-times that move most.
 *
 * @example for (const line of robustnessCsvLines(result, 'en')) out.write(line)
 */
export function* robustnessCsvLines(result: EvaluationResult, lang: Lang): Generator<string> {
  const r = result.robustness;
  if (!r) return;
  const named = hasProvinceUnit(result.units);
  const mc = r.rows.some((row) => row.monteCarlo);
  const methods = r.options.methods;
  const header = [
    both(L.unit),
    ...(named ? [both(L.unitName)] : []),
    both(L.time),
    both(L.nominalRank),
    ...methods.flatMap((m) => [both(rankUnder(weightMethodName(m))), both(scoreUnder(weightMethodName(m)))]),
    both(L.rankShift),
    ...(mc ? [both(L.q05), both(L.q95)] : []),
  ];
  yield `${BOM}${header.map(csvField).join(',')}\r\n`;
  for (const row of r.rows) {
    const cells: CsvCell[] = [row.unit, ...(named ? [unitName(row.unit, lang)] : []), row.time, row.nominalRank];
    for (const m of methods) cells.push(row.ranks[m], row.scores[m]);
    cells.push(row.shift);
    if (mc) cells.push(row.monteCarlo?.q05, row.monteCarlo?.q95);
    yield `${cells.map(csvField).join(',')}\r\n`;
  }
}

/** File with every unit-time's TOPSIS, GRA, VIKOR, PROMETHEE II, Copeland, RSR and fuzzy scores, beside the reports of a large panel. */
export const MCDM_CSV = 'mcdm-scores.csv';

/**
 * mcdm-scores.csv — the other MCDM scores of every unit and time, one row
 * per unit-time in result order, the columns of each method the spec asked
 * for (the reports of a large panel list the first and last units only).
 * Headers "中文 / English" as the other CSV files; nothing when the result
 * has none of these scores.
 */
export function* mcdmCsvLines(result: EvaluationResult, lang: Lang): Generator<string> {
  type Row = { unit: string; time: unknown };
  const methods: Array<{ rows: Row[]; header: string[]; cells: (i: number) => CsvCell[] }> = [];
  const add = <T extends Row>(rows: T[] | undefined, header: string[], cells: (r: T) => CsvCell[]) => {
    if (rows) methods.push({ rows, header, cells: (i) => cells(rows[i]) });
  };
  const h = (zh: string, en: string) => `${zh} / ${en}`;
  add(
    result.topsis,
    ['TOPSIS D+', 'TOPSIS D−', h('TOPSIS 贴近度', 'TOPSIS closeness'), h('TOPSIS 排名', 'TOPSIS rank')],
    (r) => [r.dPlus, r.dMinus, r.closeness, r.rank],
  );
  add(result.gra, [h('灰色关联度', 'GRA grade'), h('灰色关联排名', 'GRA rank')], (r) => [r.grade, r.rank]);
  add(result.vikor, ['VIKOR S', 'VIKOR R', 'VIKOR Q', h('VIKOR 排名', 'VIKOR rank')], (r) => [r.S, r.R, r.Q, r.rank]);
  add(
    result.promethee,
    [
      'PROMETHEE φ⁺',
      'PROMETHEE φ⁻',
      h('PROMETHEE 净流量 φ', 'PROMETHEE net flow φ'),
      h('PROMETHEE 排名', 'PROMETHEE rank'),
    ],
    (r) => [r.phiPlus, r.phiMinus, r.phi, r.rank],
  );
  add(result.copeland, [h('Copeland 得分', 'Copeland score'), h('Copeland 排名', 'Copeland rank')], (r) => [
    r.score,
    r.rank,
  ]);
  add(
    result.rsr,
    [
      'RSR',
      h('RSR 概率单位', 'RSR probit'),
      h('RSR 估计值', 'RSR fitted'),
      h('RSR 档次', 'RSR grade'),
      h('RSR 排名', 'RSR rank'),
    ],
    (r) => [r.rsr, r.probit, r.fitted, r.grade, r.rank],
  );
  add(
    result.fuzzy,
    [
      h('模糊综合得分', 'Fuzzy score'),
      h('模糊等级', 'Fuzzy grade'),
      h('模糊排名', 'Fuzzy rank'),
      ...(result.fuzzy?.[0]?.membership ?? []).map((_, k) => h(`隶属度 ${k + 1}`, `membership ${k + 1}`)),
    ],
    (r) => [r.score, r.grade, r.rank, ...r.membership],
  );
  if (!methods.length) return;
  const named = hasProvinceUnit(result.units);
  const header = [
    both(L.unit),
    ...(named ? [both(L.unitName)] : []),
    both(L.time),
    ...methods.flatMap((m) => m.header),
  ];
  yield `${BOM}${header.map(csvField).join(',')}\r\n`;
  const first = methods[0].rows;
  for (let i = 0; i < first.length; i++) {
    const { unit, time } = first[i];
    // every method's rows are the evaluation's unit-times in the same order
    for (const m of methods)
      if (m.rows[i].unit !== unit || m.rows[i].time !== time)
        throw new Error(
          `mcdmCsvLines: row ${i} is ${m.rows[i].unit} ${String(m.rows[i].time)} in one method, ${unit} ${String(time)} in another`,
        );
    const cells: CsvCell[] = [unit, ...(named ? [unitName(unit, lang)] : []), time as CsvCell];
    for (const m of methods) cells.push(...m.cells(i));
    yield `${cells.map(csvField).join(',')}\r\n`;
  }
}

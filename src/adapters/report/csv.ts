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

/**
 * Reports of large panels (firm panels: thousands of units) summarise instead
 * of listing every unit: the best and worst units of the latest period, the
 * distribution of the index by period (mean and quantiles), and charts of
 * those units only. The full per-unit tables stay in scores.csv and
 * results.json, which the report names.
 *
 * Example: isLargePanel(result) is true for 5,000 firms (> LARGE_PANEL_UNITS).
 */
import { bi, type Bilingual } from '../../core/i18n.ts';
import {
  INDEX_ID,
  type EvaluationResult,
  type RobustnessReport,
  type RobustnessRow,
} from '../../core/measure/result.ts';
import { quantileSorted } from '../../core/stats/descriptive.ts';
import { XinzhiError } from '../../core/errors.ts';
import { failedSentences } from '../../core/measure/robustness.ts';
import { closestName } from '../../core/panel/problems.ts';
import { rowLabels } from './diagnostics.ts';
import { L } from './labels.ts';
import { latestTime, type ScoreTable, timeKey } from './lookup.ts';
import type { TableCell, TableColumn } from './tables.ts';

/** Above this many units a report summarises. */
export const LARGE_PANEL_UNITS = 200;
/** Units shown at each end of the ranking in a summarised report. */
export const SHOWN_AT_EACH_END = 20;

export function isLargePanel(result: EvaluationResult): boolean {
  return isLargeUnitCount(result.units.length);
}

/** Whether a panel of `units` units is large (before its result exists: io/write-outputs.ts outputPlan). */
export function isLargeUnitCount(units: number): boolean {
  return units > LARGE_PANEL_UNITS;
}

/** The first and last `each` units of a ranked list (all of them when the list is short). */
export function endsOf<T>(ranked: readonly T[], each = SHOWN_AT_EACH_END): T[] {
  return ranked.length <= 2 * each ? [...ranked] : [...ranked.slice(0, each), ...ranked.slice(-each)];
}

/** The sentence under a summarised table: how many units are left out and where they are. */
export function omittedNote(total: number, shown: number): Bilingual {
  return bi(
    `共 ${total} 个单位，此处列出排名前 ${SHOWN_AT_EACH_END} 位与后 ${SHOWN_AT_EACH_END} 位（省略 ${total - shown} 个）；全部单位的得分与排名见 scores.csv 与 results.json。`,
    `${total} units: the first and last ${SHOWN_AT_EACH_END} by rank are listed here (${total - shown} left out); every unit's scores and ranks are in scores.csv and results.json.`,
  );
}

/**
 * The note under a workbook sheet of a large panel that lists the units of the
 * index sheets only (the first and last by the latest index rank, and the
 * chosen units); `files`: where every row is.
 */
export function listedNote(total: number, shown: number, files: string): Bilingual {
  return bi(
    `共 ${total} 个单位，此处只列出指数表中的 ${shown} 个单位（按最新指数排名的前后各 ${SHOWN_AT_EACH_END} 位及指定单位）；全部行见 ${files}。`,
    `${total} units: only the ${shown} units of the index sheets are listed here (the first and last ${SHOWN_AT_EACH_END} by the latest index rank, and the chosen units); every row is in ${files}.`,
  );
}

/** File with every row of the robustness check, written beside the reports of a large panel. */
export const ROBUSTNESS_CSV = 'robustness.csv';

/**
 * The robustness rows a summarised report lists: the 2 × SHOWN_AT_EACH_END
 * unit-times whose rank moves most across the weighting methods (largest
 * shift first, then by the nominal rank).
 */
export function mostMoved(rows: readonly RobustnessRow[], shown = 2 * SHOWN_AT_EACH_END): RobustnessRow[] {
  return [...rows].sort((a, b) => b.shift - a.shift || a.nominalRank - b.nominalRank).slice(0, shown);
}

/** Unit-times whose rank moves by more than the check's threshold. */
function movedCount(r: RobustnessReport): number {
  return r.rows.filter((row) => row.shift > r.options.threshold).length;
}

/** The sentence of a summarised robustness table: how many move, which are listed, where the rest are. */
export function movedNote(r: RobustnessReport, shown: number): Bilingual {
  const moved = movedCount(r);
  return bi(
    `${r.rows.length} 个单位-时期中，${moved} 个的排名随赋权方法变动超过 ${r.options.threshold} 位；此处列出变动最大的 ${shown} 个，全部见 ${ROBUSTNESS_CSV} 与 results.json。`,
    `Of ${r.rows.length} unit-times, ${moved} move by more than ${r.options.threshold} places with the weighting method; the ${shown} that move most are listed here, all of them in ${ROBUSTNESS_CSV} and results.json.`,
  );
}

/**
 * The sentences under a large panel's robustness table that lists every row
 * (the web app's, sortable by the shift): how many move, instead of a
 * sentence for each; then the methods that could not score the data.
 */
export function movedCountSentences(r: RobustnessReport): Bilingual[] {
  const moved = movedCount(r);
  return [
    bi(
      `${r.rows.length} 个单位-时期中，${moved} 个的排名随赋权方法变动超过 ${r.options.threshold} 位（按“排名变动”排序可查看）。`,
      `Of ${r.rows.length} unit-times, ${moved} move by more than ${r.options.threshold} places with the weighting method (sort by the rank shift to see them).`,
    ),
    ...failedSentences(r.failed),
  ];
}

/**
 * The report's robustness sentences: all of them for a small panel; for a
 * large one, instead of a sentence per unit-time that moves, the note on how
 * many move, then the methods that could not score the data.
 */
export function robustnessSentencesShown(result: EvaluationResult, r: RobustnessReport, shown: number): Bilingual[] {
  return isLargePanel(result) ? [movedNote(r, shown), ...failedSentences(r.failed)] : r.sentences;
}

const PROBS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

/** Columns of the distribution table: period, n, mean, min, P10, P25, median, P75, P90, max. */
export const DISTRIBUTION_COLUMNS: TableColumn[] = [
  { header: bi('时期', 'Period') },
  { header: bi('单位数', 'Units'), kind: 'integer' },
  { header: bi('均值', 'Mean'), kind: 'number' },
  { header: bi('最小值', 'Min'), kind: 'number' },
  { header: bi('P10', 'P10'), kind: 'number' },
  { header: bi('P25', 'P25'), kind: 'number' },
  { header: bi('中位数', 'Median'), kind: 'number' },
  { header: bi('P75', 'P75'), kind: 'number' },
  { header: bi('P90', 'P90'), kind: 'number' },
  { header: bi('最大值', 'Max'), kind: 'number' },
];

/** n, mean, min, P10, P25, median, P75, P90, max of the finite values (quantiles as R type 7). */
function summaryCells(values: number[]): TableCell[] {
  const v = Float64Array.from(values.filter((x) => Number.isFinite(x))).sort();
  let sum = 0;
  for (const x of v) sum += x;
  return [v.length, v.length ? sum / v.length : null, ...PROBS.map((p) => (v.length ? quantileSorted(v, p) : null))];
}

/** The index's distribution by period (quantiles as R type 7), rows for DISTRIBUTION_COLUMNS. */
export function distributionRows(result: EvaluationResult, table: ScoreTable, node = INDEX_ID): TableCell[][] {
  return result.times.map((tm) => [timeKey(tm), ...summaryCells(result.units.map((u) => table.score(node, u, tm)))]);
}

/** Columns of a group table: the group (headed `header`), then DISTRIBUTION_COLUMNS' statistics. */
export function groupColumns(header: Bilingual): TableColumn[] {
  return [{ header }, ...DISTRIBUTION_COLUMNS.slice(1)];
}

/**
 * The index's distribution in the latest period within each group of a label
 * column (industry, province …: the spec's `labels`), groups in first-seen
 * order, rows for groupColumns. A unit-time without a label value is in the
 * group "" (shown as "—").
 */
export function groupDistributionRows(result: EvaluationResult, table: ScoreTable, label: string): TableCell[][] {
  const values = rowLabels(result)[label];
  const time = latestTime(result);
  if (!values || time === undefined) return [];
  const tk = timeKey(time);
  const groups = new Map<string, number[]>();
  const { unit, time: times } = result.normalized;
  for (let r = 0; r < unit.length; r++) {
    if (timeKey(times[r]) !== tk) continue;
    const g = values[r];
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(table.score(INDEX_ID, unit[r], time));
  }
  return [...groups].map(([g, v]) => [g === '' ? '—' : g, ...summaryCells(v)]);
}

/** The label columns a report can group by (the spec's labels kept with the result). */
export function groupLabels(result: EvaluationResult): string[] {
  return Object.keys(rowLabels(result));
}

/**
 * The units a user asked to see in a summarised report, checked against the
 * result: an unknown unit is a XinzhiError naming it and the closest unit.
 * @example chosenUnits(result, ['u12', 'u7'])
 */
export function chosenUnits(result: EvaluationResult, units: readonly string[]): string[] {
  const known = new Set(result.units);
  const bad = units.filter((u) => !known.has(u));
  if (bad.length)
    throw new XinzhiError(
      bad.map((u) => {
        const near = closestName(u, result.units);
        return {
          code: 'unknown-unit',
          severity: 'error' as const,
          column: '--units',
          message: bi(`结果中没有单位 "${u}"。`, `The result has no unit "${u}".`),
          fix: near
            ? bi(`是否指 "${near}"？`, `Did you mean "${near}"?`)
            : bi('使用数据中单位列的写法。', "Spell it as the data's unit column does."),
        };
      }),
    );
  return [...new Set(units)];
}

/** Columns of the chosen units' table: unit, then the index score and rank in each period. */
export function chosenColumns(result: EvaluationResult): TableColumn[] {
  return [
    { header: L.unit },
    ...result.times.flatMap((tm): TableColumn[] => [
      { header: bi(`${timeKey(tm)} 得分`, `${timeKey(tm)} score`), kind: 'number', decimals: 4 },
      { header: bi(`${timeKey(tm)} 排名`, `${timeKey(tm)} rank`), kind: 'integer' },
    ]),
  ];
}

/** Rows of the chosen units' table (chosenColumns): each unit's index score and rank in every period. */
export function chosenRows(result: EvaluationResult, table: ScoreTable, units: readonly string[]): TableCell[][] {
  return units.map((u) => [
    u,
    ...result.times.flatMap((tm) => [table.score(INDEX_ID, u, tm), table.rank(INDEX_ID, u, tm)]),
  ]);
}

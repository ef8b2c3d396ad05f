/**
 * Collecting problems about a table or panel. A file with one systematic
 * mistake (say, every cell of a column has a unit suffix) would otherwise
 * produce thousands of identical messages: after `cap` problems with the
 * same code and column, one summary problem says how many more there were.
 */
import type { Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel } from './types.ts';
import { editDistance as levenshtein } from '../text/edit-distance.ts';

export class ProblemList {
  readonly items: Problem[] = [];
  private readonly counts = new Map<string, { n: number; first: Problem }>();
  constructor(private readonly cap = 10) {}

  add(p: Problem): void {
    const key = `${p.code}\u0000${p.column ?? ''}`;
    const c = this.counts.get(key);
    if (!c) {
      this.counts.set(key, { n: 1, first: p });
      this.items.push(p);
      return;
    }
    c.n++;
    if (c.n <= this.cap) this.items.push(p);
  }

  /** The problems, with one summary per (code, column) whose count exceeded the cap. */
  done(): Problem[] {
    const out = [...this.items];
    for (const { n, first } of this.counts.values()) {
      if (n > this.cap) {
        out.push({
          code: first.code,
          severity: first.severity,
          file: first.file,
          column: first.column,
          message: bi(
            `同类问题另有 ${n - this.cap} 处未逐一列出（共 ${n} 处）。`,
            `${n - this.cap} more problems of this kind not listed (${n} in all).`,
          ),
          fix: first.fix,
        });
      }
    }
    return out;
  }
}

/** Location fields of a panel cell for a Problem: file, source row, unit, time, column. */
export function cellWhere(
  panel: Panel,
  r: number,
  column?: string,
): Pick<Problem, 'file' | 'row' | 'unit' | 'time' | 'column'> {
  const w: Pick<Problem, 'file' | 'row' | 'unit' | 'time' | 'column'> = { unit: panel.unit[r] };
  if (panel.source !== undefined) w.file = panel.source;
  if (panel.sourceRow && panel.sourceRow[r] !== undefined) w.row = panel.sourceRow[r];
  if (panel.timeKey !== null) w.time = panel.time[r];
  if (column !== undefined) w.column = column;
  return w;
}

/**
 * Levenshtein distance ignoring case and surrounding spaces, for "did you mean"
 * hints on column names.
 * @example editDistance(' GDP ', 'gpd') // 2
 */
export function editDistance(a: string, b: string): number {
  return levenshtein(a.trim().toLowerCase(), b.trim().toLowerCase());
}

/** The closest name among `names` (exact case-insensitive match first, then containment, then edit distance). */
export function closestName(name: string, names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const low = name.trim().toLowerCase();
  const exact = names.find((n) => n.trim().toLowerCase() === low);
  if (exact !== undefined) return exact;
  const contains = names.find(
    (n) => low.length > 1 && (n.toLowerCase().includes(low) || low.includes(n.toLowerCase().trim())) && n.trim() !== '',
  );
  if (contains !== undefined) return contains;
  let best = names[0];
  let bestD = Infinity;
  for (const n of names) {
    const d = editDistance(name, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return bestD <= Math.max(2, Math.ceil(low.length / 2)) ? best : undefined;
}

/** What a column is for, as missingColumnProblem names it ("the unit column …"). */
export const COLUMN_ROLE = {
  unit: bi('单位（个体）', 'unit'),
  time: bi('时间', 'time'),
  label: bi('标签', 'label'),
  column: bi('指标', 'indicator'),
  denominator: bi('分母', 'denominator'),
  indicator: bi('指标名', 'indicator-name'),
  value: bi('数值', 'value'),
};

/** Problem for a requested column that is not there, listing what is available and the closest match. */
export function missingColumnProblem(
  column: string,
  available: string[],
  role: { zh: string; en: string },
  file?: string,
): Problem {
  const near = closestName(column, available);
  const list = available.map((a) => `"${a}"`).join(', ');
  return {
    code: 'missing-column',
    severity: 'error',
    file,
    column,
    message: bi(
      `找不到${role.zh}列 "${column}"。现有列：${list}`,
      `The ${role.en} column "${column}" is not in the data. Available columns: ${list}`,
    ),
    fix:
      near !== undefined
        ? bi(
            `是否指 "${near}"？请改用准确的列名（区分大小写和空格）。`,
            `Did you mean "${near}"? Use the exact column name (case and spaces matter).`,
          )
        : bi(
            '从上面的列名中选择，或在数据中加入该列。',
            'Pick one of the columns above, or add the column to the data.',
          ),
  };
}

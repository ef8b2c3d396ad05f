/**
 * Score look-ups over an EvaluationResult: by node, unit and time, with the
 * index's rows taken from `nodeScores` (node = INDEX_ID) or, when absent
 * there, from the contract `scores`.
 */
import type { Time } from '../../core/panel/types.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';

export interface ScoreCell {
  score: number;
  /** Rank among units in the same time (1 = best); NaN when unknown. */
  rank: number;
}

/** Key of a time value as text (times are compared as text: 2013 and "2013" are the same). */
export function timeKey(time: Time): string {
  return String(time);
}

/** The last time of the result (its `times` order), or undefined for an empty result. */
export function latestTime(result: EvaluationResult): Time | undefined {
  return result.times.length ? result.times[result.times.length - 1] : undefined;
}

/** Tables already built, per result (a result is not changed after it is computed). */
const built = new WeakMap<EvaluationResult, ScoreTable>();

/** Look-up table of scores and ranks of every scored node (index included). */
export class ScoreTable {
  /** node → unit → time key → cell (nested maps: no key string is built per look-up). */
  private readonly cells = new Map<string, Map<string, Map<string, ScoreCell>>>();

  /**
   * The table of a result, built once and shared by every report part (the
   * CSV, charts, HTML and workbook of one `--out` run ask for it many times).
   */
  static of(result: EvaluationResult): ScoreTable {
    let t = built.get(result);
    if (!t) {
      t = new ScoreTable(result);
      built.set(result, t);
    }
    return t;
  }

  constructor(result: EvaluationResult) {
    for (const r of result.nodeScores) this.put(r.node, r.unit, r.time, { score: r.score, rank: r.rank }, true);
    for (const r of result.scores)
      this.put(INDEX_ID, r.unit, r.time, { score: r.score, rank: r.rank ?? Number.NaN }, false);
  }

  private put(node: string, unit: string, time: Time, cell: ScoreCell, replace: boolean): void {
    let byUnit = this.cells.get(node);
    if (!byUnit) this.cells.set(node, (byUnit = new Map()));
    let byTime = byUnit.get(unit);
    if (!byTime) byUnit.set(unit, (byTime = new Map()));
    const k = timeKey(time);
    if (replace || !byTime.has(k)) byTime.set(k, cell);
  }

  /** Score and rank, or undefined when the result has no such row. */
  get(node: string, unit: string, time: Time): ScoreCell | undefined {
    return this.at(node, unit, timeKey(time));
  }

  /** `get` with the time key already made (timeKey(time)): for loops over many units of one time. */
  at(node: string, unit: string, key: string): ScoreCell | undefined {
    return this.cells.get(node)?.get(unit)?.get(key);
  }

  /** Score, NaN when absent. */
  score(node: string, unit: string, time: Time): number {
    return this.get(node, unit, time)?.score ?? Number.NaN;
  }

  /** Rank, NaN when absent. */
  rank(node: string, unit: string, time: Time): number {
    return this.get(node, unit, time)?.rank ?? Number.NaN;
  }
}

/** Units ordered by their index rank at `time` (best first; units without a rank keep their order at the end). */
export function unitsByRank(result: EvaluationResult, table: ScoreTable, time: Time | undefined): string[] {
  if (time === undefined) return [...result.units];
  const pos = new Map(result.units.map((u, i) => [u, i]));
  return [...result.units].sort((a, b) => {
    const ra = table.rank(INDEX_ID, a, time);
    const rb = table.rank(INDEX_ID, b, time);
    const fa = Number.isFinite(ra) ? ra : Infinity;
    const fb = Number.isFinite(rb) ? rb : Infinity;
    return fa !== fb ? fa - fb : pos.get(a)! - pos.get(b)!;
  });
}

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

/**
 * Typed arrays on shared memory where the runtime offers it (Node; a browser
 * page only when cross-origin isolated): scores.csv's and scores.parquet's
 * plan (scoreRows) is then posted to the output thread (io/output-thread.ts)
 * without a copy — about 22 MB less for 20,000 firms × 15 years.
 */
const SHARED = typeof SharedArrayBuffer === 'function';

/** A typed array of n zeros, shared where possible. */
function shareable<T>(Ctor: { new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number }, n: number): T {
  const bytes = Ctor.BYTES_PER_ELEMENT * n;
  return new Ctor(SHARED ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** Key of a time value as text (times are compared as text: 2013 and "2013" are the same). */
export function timeKey(time: Time): string {
  return typeof time === 'string' ? time : String(time);
}

/** The last time of the result (its `times` order), or undefined for an empty result. */
export function latestTime(result: EvaluationResult): Time | undefined {
  return result.times.length ? result.times[result.times.length - 1] : undefined;
}

/**
 * The rows of scores.csv and scores.parquet: the unit-times with an index
 * score, times in order and units in result order within each time, as
 * (unit position, time position, table cell) triples.
 * @example const rows = indexedCells(result, ScoreTable.of(result)); rows[2] // cell of the first row
 */
export function indexedCells(result: EvaluationResult, table: ScoreTable): Int32Array {
  const index = table.column(INDEX_ID);
  const out = shareable(Int32Array, 3 * result.units.length * result.times.length);
  let n = 0;
  result.times.forEach((time, t) => {
    const tk = timeKey(time);
    for (let u = 0; u < result.units.length; u++) {
      const i = table.cell(result.units[u], tk);
      if (i < 0 || index?.has[i] !== 1) continue;
      out[n++] = u;
      out[n++] = t;
      out[n++] = i;
    }
  });
  return out.subarray(0, n);
}

/**
 * What scores.csv and scores.parquet are written from: their rows
 * (indexedCells) and the scores and ranks of each of `nodes` by table cell
 * (null for a node without scores).
 * @example const { lines, columns } = scoreRows(result, ['index']); columns[0]?.score[lines[2]] // the first row's index score
 */
export function scoreRows(
  result: EvaluationResult,
  nodes: readonly string[],
): { lines: Int32Array; columns: Array<{ score: Float64Array; rank: Float64Array } | null> } {
  const table = ScoreTable.of(result);
  return {
    lines: indexedCells(result, table),
    columns: nodes.map((id) => {
      const c = table.column(id);
      return c ? { score: c.score, rank: c.rank } : null;
    }),
  };
}

/** Tables already built, per result (a result is not changed after it is computed). */
const built = new WeakMap<EvaluationResult, ScoreTable>();

/** Look-up table of scores and ranks of every scored node (index included). */
export class ScoreTable {
  /** Position of each unit and time key (unit-time cell = unit position × times + time position). */
  private readonly unitPos = new Map<string, number>();
  private readonly timePos = new Map<string, number>();
  /** Time position by the time as given (number or text): no text is made for a time seen before. */
  private readonly timeOf = new Map<Time, number>();
  private readonly nTimes: number;
  /** node → score and rank of every unit-time cell (NaN score and `has` 0 where the result has no row). */
  private readonly cells = new Map<string, { score: Float64Array; rank: Float64Array; has: Uint8Array }>();

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
    // positions: the result's units and times in order, then any a row holds beyond them
    const place = (pos: Map<string, number>, k: string) => pos.has(k) || pos.set(k, pos.size);
    for (const u of result.units) place(this.unitPos, u);
    for (const t of result.times) place(this.timePos, timeKey(t));
    for (const rows of [result.nodeScores, result.scores])
      for (const r of rows) {
        place(this.unitPos, r.unit);
        if (!this.timeOf.has(r.time)) {
          const k = timeKey(r.time);
          place(this.timePos, k);
          this.timeOf.set(r.time, this.timePos.get(k)!);
        }
      }
    this.nTimes = this.timePos.size;
    for (const r of result.nodeScores) this.put(r.node, r.unit, r.time, r.score, r.rank, true);
    for (const r of result.scores) this.put(INDEX_ID, r.unit, r.time, r.score, r.rank ?? Number.NaN, false);
  }

  private put(node: string, unit: string, time: Time, score: number, rank: number, replace: boolean): void {
    let c = this.cells.get(node);
    if (!c) {
      const size = this.unitPos.size * this.nTimes;
      c = {
        score: shareable(Float64Array, size).fill(Number.NaN),
        rank: shareable(Float64Array, size).fill(Number.NaN),
        has: new Uint8Array(size),
      };
      this.cells.set(node, c);
    }
    const i = this.unitPos.get(unit)! * this.nTimes + this.timeOf.get(time)!; // both placed above
    if (replace || !c.has[i]) {
      c.score[i] = score;
      c.rank[i] = rank;
      c.has[i] = 1;
    }
  }

  /** Position of a unit-time cell (-1 when the unit or time is not in the result): for loops over many cells. */
  cell(unit: string, key: string): number {
    const u = this.unitPos.get(unit);
    const t = this.timePos.get(key);
    return u === undefined || t === undefined ? -1 : u * this.nTimes + t;
  }

  /** A node's scores, ranks and row flags by cell position (undefined when it has none): for loops over every cell. */
  column(node: string): { score: Float64Array; rank: Float64Array; has: Uint8Array } | undefined {
    return this.cells.get(node);
  }

  /** Whether the node has a row at cell position `i` (ScoreTable.cell). */
  hasAt(node: string, i: number): boolean {
    return i >= 0 && this.cells.get(node)?.has[i] === 1;
  }

  /** Score at cell position `i`, NaN when absent. */
  scoreAt(node: string, i: number): number {
    return i >= 0 ? (this.cells.get(node)?.score[i] ?? Number.NaN) : Number.NaN;
  }

  /** Rank at cell position `i`, NaN when absent. */
  rankAt(node: string, i: number): number {
    return i >= 0 ? (this.cells.get(node)?.rank[i] ?? Number.NaN) : Number.NaN;
  }

  /** Score and rank, or undefined when the result has no such row. */
  get(node: string, unit: string, time: Time): ScoreCell | undefined {
    const i = this.cell(unit, timeKey(time));
    return this.hasAt(node, i) ? { score: this.scoreAt(node, i), rank: this.rankAt(node, i) } : undefined;
  }

  /** Score, NaN when absent. */
  score(node: string, unit: string, time: Time): number {
    return this.scoreAt(node, this.cell(unit, timeKey(time)));
  }

  /** Rank, NaN when absent. */
  rank(node: string, unit: string, time: Time): number {
    return this.rankAt(node, this.cell(unit, timeKey(time)));
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

/**
 * CSV text from arrays, with nothing else imported (the writing thread,
 * io/output-worker.ts, loads only this): a number as a field, and the lines
 * of scores.csv from its plan (report/csv.ts scoresCsvPlan).
 */

/**
 * scores.csv as arrays (what another thread needs to write it: io/output-thread.ts):
 * the header line, each unit's and time's field, the unit, time and score-table
 * cell of every line, and the score and rank columns in column order (null for
 * a node without scores).
 */
export interface ScoresCsvPlan {
  head: string;
  unitFields: string[];
  timeFields: string[];
  /** Per line: unit position, time position, cell position in `columns`. */
  lines: Int32Array;
  columns: Array<{ score: Float64Array; rank: Float64Array } | null>;
}

/** The text of scores.csv from its plan, in blocks of about 64 kB. */
export function* scoresCsvBlocks(plan: ScoresCsvPlan): Generator<string> {
  yield plan.head;
  const { unitFields, timeFields, lines, columns } = plan;
  let block = '';
  for (let k = 0; k < lines.length; k += 3) {
    const i = lines[k + 2];
    let line = `${unitFields[lines[k]]},${timeFields[lines[k + 1]]}`;
    for (const c of columns) line += c ? `,${numberField(c.score[i])},${numberField(c.rank[i])}` : ',,';
    block += `${line}\r\n`;
    if (block.length >= 1 << 16) {
      yield block;
      block = '';
    }
  }
  if (block) yield block;
}

/** A number as csvField writes it: shortest round-trip form, empty when not finite. */
export function numberField(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

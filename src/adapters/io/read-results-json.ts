/**
 * A results.json read piece by piece from the file (formats/json-members.ts):
 * the long lists in blocks, each indicator's normalised values as a
 * Float64Array (null → NaN), no string of the whole file; any other JSON
 * text is parsed whole, with JSON.parse's value or error. Used by `analyze`
 * (cli/analyze/input.ts) and `simulate --init-index`.
 *
 * @example readResultsJson('out/results.json') // { weights, scores, …, normalized: { unit, time, values: { x1: Float64Array } }, … }
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { type JsonPlan, type JsonSource, parseJsonObject } from '../formats/json-members.ts';

/** How a results.json is read: the long lists in blocks, the normalised values as Float64Arrays. */
const RESULTS_PLAN = {
  scores: 'rows',
  nodeScores: 'rows',
  normalized: { unit: 'rows', time: 'rows', values: { '*': 'numbers' } },
} as const satisfies { [key: string]: JsonPlan };

/**
 * A results.json as JSON.parse reads it, piece by piece from its bytes (no
 * string of the whole file; formats/json-members.ts), the normalised values
 * as Float64Arrays; any other JSON text is parsed whole, with JSON.parse's
 * errors.
 */
export function parseResultsJson(source: JsonSource | Uint8Array): unknown {
  return parseJsonObject(source, RESULTS_PLAN);
}

/** parseResultsJson of a file, read a piece at a time (readFileSync only for JSON.parse of the whole text); a file that cannot be opened throws Node's error. */
export function readResultsJson(path: string): unknown {
  const fd = openSync(path, 'r');
  try {
    return parseResultsJson({ read: (into) => readSync(fd, into), whole: () => readFileSync(path) });
  } finally {
    closeSync(fd);
  }
}

/**
 * results.json and spec.json: the EvaluationResult and its spec as JSON
 * documents. Typed arrays become plain arrays; NaN and ±Infinity become null
 * (JSON has no non-finite numbers).
 */
import type { EvaluationResult } from '../../core/measure/result.ts';

/** JSON.stringify replacer: typed arrays → arrays, non-finite numbers → null. */
export function outputReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** results.json: the whole result, pretty-printed, newline-terminated. */
export function resultJson(result: EvaluationResult): string {
  return JSON.stringify(result, outputReplacer, 2) + '\n';
}

/** spec.json: the spec as used (every default filled in), pretty-printed. */
export function specJson(result: EvaluationResult): string {
  return JSON.stringify(result.record.spec, outputReplacer, 2) + '\n';
}

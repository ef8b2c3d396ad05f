/**
 * Reading the open `diagnostics` record of a result for presentation:
 * - `diagnostics.weights`: one entry per weighting run (time, node, method,
 *   ids, weights, details), where details hold per-id arrays (entropy e_j,
 *   divergence d_j, CRITIC σ_j and conflict, ...) and scalars (AHP λmax, CI,
 *   CR, ...) — turned into one table each;
 * - `diagnostics.labels`: label columns (e.g. region) aligned with the
 *   normalised rows;
 * - anything else: flattened to (path, item, value) leaves.
 */
import type { EvaluationResult } from '../../core/measure/result.ts';
import type { Time } from '../../core/panel/types.ts';
import { flatten, type FlatRow } from './flatten.ts';

export interface WeightDiagnosticTable {
  time: Time | null;
  node: string;
  method: string;
  ids: string[];
  weights: number[];
  /** Per-id columns (arrays as long as `ids`), in detail key order. */
  columns: Array<{ key: string; values: Array<number | string | null> }>;
  /** Other details (scalars, matrices) as they are. */
  scalars: Record<string, unknown>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

function asArray(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return undefined;
}

function cell(v: unknown): number | string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return null;
  return JSON.stringify(v);
}

/** One table per weighting run in `diagnostics.weights` (entries of another shape are skipped). */
export function weightDiagnosticTables(result: EvaluationResult): WeightDiagnosticTable[] {
  const list = asArray(result.diagnostics.weights);
  if (!list) return [];
  const out: WeightDiagnosticTable[] = [];
  for (const e of list) {
    if (!isRecord(e)) continue;
    const ids = asArray(e.ids);
    if (!ids?.every((x) => typeof x === 'string')) continue;
    const weights = asArray(e.weights) ?? [];
    const columns: WeightDiagnosticTable['columns'] = [];
    const scalars: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(isRecord(e.details) ? e.details : {})) {
      const arr = asArray(v);
      if (
        arr &&
        arr.length === ids.length &&
        arr.every((x) => typeof x === 'number' || typeof x === 'string' || x === null)
      ) {
        columns.push({ key: k, values: arr.map(cell) });
      } else {
        scalars[k] = v;
      }
    }
    out.push({
      time: typeof e.time === 'string' || typeof e.time === 'number' ? e.time : null,
      node: typeof e.node === 'string' ? e.node : '',
      method: typeof e.method === 'string' ? e.method : '',
      ids: ids as string[],
      weights: weights.map((w) => (typeof w === 'number' ? w : Number.NaN)),
      columns,
      scalars,
    });
  }
  return out;
}

/** Label columns of `diagnostics.labels` whose length matches the normalised rows. */
export function rowLabels(result: EvaluationResult): Record<string, string[]> {
  const labels = result.diagnostics.labels;
  const out: Record<string, string[]> = {};
  if (!isRecord(labels)) return out;
  const n = result.normalized.unit.length;
  for (const [k, v] of Object.entries(labels)) {
    const arr = asArray(v);
    if (arr && arr.length === n) out[k] = arr.map((x) => (x === null || x === undefined ? '' : String(x)));
  }
  return out;
}

/** Leaves of every diagnostic not presented by `weightDiagnosticTables` or `rowLabels`. */
export function otherDiagnostics(result: EvaluationResult): FlatRow[] {
  const rest: Record<string, unknown> = { ...result.diagnostics };
  if (weightDiagnosticTables(result).length) delete rest.weights;
  const labels = rowLabels(result);
  if (isRecord(rest.labels) && Object.keys(labels).length === Object.keys(rest.labels).length) delete rest.labels;
  return flatten(rest);
}

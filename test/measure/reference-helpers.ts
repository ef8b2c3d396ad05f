/**
 * Helpers for comparing measurement methods with the independent reference
 * numbers in test/reference/measure/fixtures (written by reference.py with
 * NumPy / SciPy / pandas). JSON null stands for NaN.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'measure', 'fixtures');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** Relative tolerance of every comparison. */
export const REL = 1e-9;
/** Absolute floor for values that are 0 up to rounding (e.g. d_j of a constant column, CR of a consistent matrix). */
export const ABS = 1e-12;

function walk(actual: unknown, expected: unknown, path: string, errors: string[]): void {
  if (expected === null || (typeof expected === 'number' && Number.isNaN(expected))) {
    if (!(typeof actual === 'number' && Number.isNaN(actual)))
      errors.push(`${path}: expected NaN, got ${String(actual)}`);
    return;
  }
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') {
      errors.push(`${path}: expected ${expected}, got ${String(actual)}`);
      return;
    }
    const tol = Math.max(REL * Math.abs(expected), ABS);
    if (!(Math.abs(actual - expected) <= tol))
      errors.push(`${path}: expected ${expected}, got ${actual} (diff ${Math.abs(actual - expected)})`);
    return;
  }
  if (Array.isArray(expected)) {
    const a = actual as ArrayLike<unknown>;
    if (a === null || a === undefined || typeof a.length !== 'number') {
      errors.push(`${path}: expected an array, got ${String(actual)}`);
      return;
    }
    if (a.length !== expected.length) {
      errors.push(`${path}: expected length ${expected.length}, got ${a.length}`);
      return;
    }
    for (let i = 0; i < expected.length; i++) walk(a[i], expected[i], `${path}[${i}]`, errors);
    return;
  }
  if (typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      walk((actual as Record<string, unknown>)?.[k], v, `${path}.${k}`, errors);
    }
    return;
  }
  if (actual !== expected) errors.push(`${path}: expected ${String(expected)}, got ${String(actual)}`);
}

/**
 * Assert that every number in `expected` (nested arrays / objects, null = NaN)
 * matches `actual` to 1e-9 relative (absolute floor 1e-12). Keys absent from
 * `expected` are not checked.
 */
export function expectClose(actual: unknown, expected: unknown, label = 'value'): void {
  const errors: string[] = [];
  walk(actual, expected, label, errors);
  expect(errors.slice(0, 10), errors.length ? `${errors.length} mismatches` : '').toEqual([]);
}

/** One number to 1e-9 relative plus 1e-12 absolute; throws naming `what` (for loops over many rows). */
export function close(actual: number, expected: number, what: string): void {
  const tol = REL * Math.abs(expected) + ABS;
  if (!(Math.abs(actual - expected) <= tol))
    throw new Error(`${what}: got ${actual}, expected ${expected} (|diff| ${Math.abs(actual - expected)} > ${tol})`);
}

/** Columns (one array per indicator) from the fixture's column-major `raw`. */
export function columns(raw: number[][]): Float64Array[] {
  return raw.map((c) => Float64Array.from(c));
}

/** Catch a thrown error (for asserting its class and fields). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

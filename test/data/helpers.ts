/** Shared helpers for the data-layer tests: repo paths and fixture loading. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
export const fromRoot = (p: string): string => ROOT + p;

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function readJson<T = any>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** |a − b| ≤ rel·max(|b|, tiny); NaN only equals NaN / null. */
export function expectClose(a: number, b: number | null, rel = 1e-9, what = ''): void {
  if (b === null || Number.isNaN(b)) {
    expect(Number.isNaN(a), `${what}: expected missing, got ${a}`).toBe(true);
    return;
  }
  const tol = rel * Math.max(Math.abs(b), 1e-300);
  expect(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (rel ${Math.abs(a - b) / Math.abs(b)})`).toBe(true);
}

/**
 * The bad-input contract (issue 17): a call either succeeds with finite
 * numbers where numbers are promised, or fails with a XinzhiError whose every
 * problem has a code and a message in both languages — never another
 * exception (a crash with a stack trace), never a hang (vitest's timeout).
 */
import { expect } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: XinzhiError };

export function underContract<T>(f: () => T, label: string): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!(e instanceof XinzhiError)) {
      throw new Error(`${label}: not a XinzhiError: ${(e as Error)?.stack ?? String(e)}`);
    }
    for (const p of e.problems) {
      expect(p.code, label).toBeTruthy();
      expect(p.message.zh.length, label).toBeGreaterThan(0);
      expect(p.message.en.length, label).toBeGreaterThan(0);
      expect(p.message.en, label).not.toMatch(
        /Cannot read properties|is not a function|undefined is not|Invalid typed array/,
      );
    }
    return { ok: false, error: e };
  }
}

export async function underContractAsync<T>(f: () => Promise<T>, label: string): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return underContract(() => {
      throw e;
    }, label) as Outcome<T>;
  }
}

/** Every number of a list is finite. */
export function expectFinite(values: Iterable<number>, label: string): void {
  for (const v of values) expect(Number.isFinite(v), `${label}: ${v}`).toBe(true);
}

/** Runs and seed of the property tests: a fixed seed in CI; scripts/fuzz.ts sets FUZZ_RUNS / FUZZ_SEED for longer runs. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
export const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

/**
 * Stated limits and bad input of the simulation engine (issue 17): a horizon
 * of more time steps than the limit (or an infinite one), too many Monte Carlo
 * runs, equations nested or chained beyond the parser's limits are errors
 * before any work; a variable that becomes NaN or ±∞ is named in a warning.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { MAX_EXPR_DEPTH, MAX_EXPR_TREE_DEPTH } from '../../src/core/simulate/expr.ts';
import { compileModel, monteCarlo, readVensim, simulate } from '../../src/core/simulate/index.ts';
import { SIMULATION_LIMITS } from '../../src/core/simulate/limits.ts';

const mdl = (growth: string, stop = 10) => `{UTF-8}
level = INTEG(growth, 1) ~ ~ |
growth = ${growth} ~ ~ |
rate = 0.1 ~ ~ |
INITIAL TIME = 0 ~ year ~ |
FINAL TIME = ${stop} ~ year ~ |
TIME STEP = 1 ~ year ~ |
SAVEPER = TIME STEP ~ year ~ |
`;

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XinzhiError);
    return (e as XinzhiError).problems[0].code;
  }
  throw new Error('expected a XinzhiError');
}

describe('simulate: limits and bad input', () => {
  it('refuses more time steps than the limit before running, and the limit can be raised', () => {
    const c = compileModel(readVensim(mdl('rate'), 'm.mdl'));
    expect(code(() => simulate(c, { stop: SIMULATION_LIMITS.maxSteps + 1 }))).toBe('sd-too-many-steps');
    expect(code(() => simulate(c, { stop: 1e12 }))).toBe('sd-too-many-steps');
    expect(simulate(c, { stop: 20, maxSteps: 20 }).time.length).toBe(21);
    expect(code(() => simulate(c, { stop: 21, maxSteps: 20 }))).toBe('sd-too-many-steps');
  });

  it('an infinite or NaN stop time is a settings error, not an endless loop', () => {
    const c = compileModel(readVensim(mdl('rate'), 'm.mdl'));
    expect(code(() => simulate(c, { stop: Number.POSITIVE_INFINITY }))).toBe('sd-specs');
    expect(code(() => simulate(c, { stop: Number.NaN }))).toBe('sd-specs');
  });

  it('refuses more Monte Carlo runs than the limit', () => {
    const m = readVensim(mdl('rate'), 'm.mdl');
    const ranges = [{ name: 'rate', min: 0, max: 1 }];
    expect(code(() => monteCarlo(m, ranges, { runs: 1e12 }))).toBe('sd-too-many-runs');
    expect(code(() => monteCarlo(m, ranges, { runs: 5, maxRuns: 4 }))).toBe('sd-too-many-runs');
    expect(monteCarlo(m, ranges, { runs: 4, maxRuns: 4 }).runs).toBe(4);
  });

  it('an equation nested too deep, or a chain too long, is a parse error naming the limit', () => {
    const deep = `${'('.repeat(MAX_EXPR_DEPTH + 1)}1${')'.repeat(MAX_EXPR_DEPTH + 1)}`;
    expect(code(() => readVensim(mdl(deep), 'm.mdl'))).toBe('sd-parse');
    expect(code(() => readVensim(mdl(`${'-'.repeat(5000)}1`), 'm.mdl'))).toBe('sd-parse');
    const chain = Array.from({ length: MAX_EXPR_TREE_DEPTH + 1 }, () => 'rate').join(' + ');
    expect(code(() => compileModel(readVensim(mdl(chain), 'm.mdl')))).toBe('sd-parse');
    // within the limits both run
    const ok = `${'('.repeat(50)}rate${')'.repeat(50)} + ${Array.from({ length: 500 }, () => 'rate').join(' + ')}`;
    expect(simulate(compileModel(readVensim(mdl(ok), 'm.mdl'))).series.growth[0]).toBeCloseTo(50.1, 9);
  });

  it('a variable that becomes ±∞ keeps its IEEE values and is named in a warning', () => {
    const r = simulate(compileModel(readVensim(mdl('1 / (Time - 2)', 4), 'm.mdl')));
    expect(r.series.growth[2]).toBe(Number.POSITIVE_INFINITY);
    const w = r.warnings ?? [];
    expect(w.map((p) => [p.code, p.column, p.severity])).toEqual([
      ['sd-not-finite', 'growth', 'warning'],
      ['sd-not-finite', 'level', 'warning'],
    ]);
    expect(w[0].message.en).toMatch(/from time 2/);
    expect(w[0].fix?.en).toMatch(/XIDZ/);
    expect(simulate(compileModel(readVensim(mdl('rate'), 'm.mdl'))).warnings).toBeUndefined();
  });

  it('the command: --max-steps lifts the limit, a bad value is named, warnings go to stderr and into --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-sim-limits-'));
    const file = join(dir, 'm.mdl');
    writeFileSync(file, mdl('1 / (Time - 2)', 4));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['bin/run-ts.js', 'src/adapters/cli/main.ts', 'simulate', '--model', file, ...args], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C', LC_ALL: '' },
      });
    const bad = run(['--max-steps', 'x']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--max-steps');
    const tooLong = run(['--stop', '40', '--max-steps', '10']);
    expect(tooLong.stderr).toMatch(/40 time steps, above the limit of 10/);
    const ok = run(['--json']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/the variable growth is Infinity from time 2 on/);
    expect(JSON.parse(ok.stdout).warnings.map((w: { column: string }) => w.column)).toEqual(['growth', 'level']);
  }, 60_000);
});

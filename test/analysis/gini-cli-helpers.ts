/** Run `node bin/xinzhi.js …` for the analysis CLI tests. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PANEL = `${ROOT}data/province-panel/province_panel_2013_2022.csv`;

export function xinzhi(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${ROOT}bin/xinzhi.js`, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The stdout of `xinzhi …args --jobs 1`, checked to exit 0 and to equal that
 * of `--jobs 3` (a command that runs on worker threads gives the same output
 * on any number of them).
 */
export function sameOnThreads(args: string[]): string {
  const a = xinzhi([...args, '--jobs', '1']);
  const b = xinzhi([...args, '--jobs', '3']);
  expect(a.status, a.stderr).toBe(0);
  expect(b.status, b.stderr).toBe(0);
  expect(b.stdout).toBe(a.stdout);
  return a.stdout;
}

/** Run `node bin/xinzhi.js …` for the analysis CLI tests. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

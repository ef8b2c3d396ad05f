/**
 * bin/huge-pages.js: xinzhi starts itself again with malloc's large blocks in
 * huge pages when a file on its command line is large, and that child's
 * output, exit code and signal are the command's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HUGE_PAGES_MIN_BYTES, HUGE_PAGES_TUNABLE, hugePagesEnv } from '../../bin/huge-pages.js';
import { ROOT } from '../cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-huge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const large = join(dir, 'large.csv');
writeFileSync(large, '');
truncateSync(large, HUGE_PAGES_MIN_BYTES); // sparse: the size is what counts
const small = join(dir, 'small.csv');
writeFileSync(small, 'unit,year,x\na,2020,1\n');

describe('hugePagesEnv', () => {
  it('adds the tunable on Linux when an argument names a file of HUGE_PAGES_MIN_BYTES or more', () => {
    const env = { PATH: '/bin' };
    expect(hugePagesEnv(['evaluate', '--data', large], env, 'linux')).toEqual({
      PATH: '/bin',
      GLIBC_TUNABLES: HUGE_PAGES_TUNABLE,
    });
    expect(hugePagesEnv([`--data=${large}`], env, 'linux')?.GLIBC_TUNABLES).toBe(HUGE_PAGES_TUNABLE);
    // other tunables are kept
    expect(hugePagesEnv([large], { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux')?.GLIBC_TUNABLES).toBe(
      `glibc.malloc.arena_max=2:${HUGE_PAGES_TUNABLE}`,
    );
  });

  it('leaves the process as it is: small or no files, other systems, XINZHI_HUGE_PAGES=0, the tunable already set, the server', () => {
    expect(hugePagesEnv(['evaluate', '--data', small], {}, 'linux')).toBeUndefined();
    expect(hugePagesEnv(['evaluate', '--data', join(dir, 'missing.csv'), '--json'], {}, 'linux')).toBeUndefined();
    expect(hugePagesEnv(['--data', dir], {}, 'linux')).toBeUndefined(); // a folder
    expect(hugePagesEnv([large], {}, 'darwin')).toBeUndefined();
    expect(hugePagesEnv([large], {}, 'win32')).toBeUndefined();
    expect(hugePagesEnv([large], { XINZHI_HUGE_PAGES: '0' }, 'linux')).toBeUndefined();
    expect(hugePagesEnv([large], { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, 'linux')).toBeUndefined();
    expect(hugePagesEnv(['serve', '--db', large], {}, 'linux')).toBeUndefined(); // a server takes its own signals
  });
});

describe.runIf(process.platform === 'linux')('runAgainWith', () => {
  const child = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [join(ROOT, 'test', 'cli', 'huge-pages-child.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, GLIBC_TUNABLES: '', XINZHI_HUGE_PAGES: '', ...env },
    });

  it('runs the script again with the tunable; its output and exit code are the command’s', () => {
    const ok = child([large, '0']);
    expect(ok.stdout).toBe(`child ${HUGE_PAGES_TUNABLE}\n`);
    expect(ok.status).toBe(0);
    const failed = child([large, '3']);
    expect(failed.stdout).toBe(`child ${HUGE_PAGES_TUNABLE}\n`);
    expect(failed.status).toBe(3);
  });

  it('ends by the signal that ended the child', () => {
    const killed = child([large, 'SIGTERM']);
    expect(killed.status).toBeNull();
    expect(killed.signal).toBe('SIGTERM');
  });

  it('runs here, once, for a small file or when turned off', () => {
    expect(child([small, '3']).stdout).toBe('here\n');
    expect(child([large, '3'], { XINZHI_HUGE_PAGES: '0' }).stdout).toBe('here\n');
  });

  it('xinzhi on a large file: the same error, message and exit code as without huge pages', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `unit,year,x\n${'a,2020,"x\n'.repeat(HUGE_PAGES_MIN_BYTES / 10 + 1)}`);
    // large enough that the command starts again (else the two runs below would be the same run)
    expect(hugePagesEnv(['evaluate', '--data', bad], {}, 'linux')).toBeDefined();
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'xinzhi.js'), 'evaluate', '--data', bad, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, GLIBC_TUNABLES: '', ...env },
      });
    const again = run({ XINZHI_HUGE_PAGES: '' });
    const here = run({ XINZHI_HUGE_PAGES: '0' });
    expect(again.status).not.toBe(0);
    expect(again.status).toBe(here.status);
    expect(again.stderr).toBe(here.stderr);
    expect(again.stdout).toBe(here.stdout);
  }, 60_000);
});

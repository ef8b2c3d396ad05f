/** `xinzhi assess` through the real entry point: the embedded example, --before, bad answers files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/xinzhi.js'), 'assess', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-assess-'));

describe('xinzhi assess', () => {
  it('scores the embedded example firm: JSON with scores, level, report', () => {
    const out = JSON.parse(
      execFileSync(process.execPath, [join(ROOT, 'bin/xinzhi.js'), 'assess', '--json'], { encoding: 'utf8' }),
    );
    expect(out.instrument).toEqual({ id: 'xinzhi-nqpf-firm', version: '1.0.0' });
    expect(out.scores.nodes.nqpf.status).toBe('scored');
    expect(out.scores.gatedLevel).toBeLessThanOrEqual(out.scores.band);
    expect(out.report.bottleneck.path).toBe('s000.path.cooperation');
    expect(out.report.priorities[0].node).toBe('s000.main.relationship-building');
  }, 60_000);
  it('prints bilingual text and the change from an earlier assessment', () => {
    const before = join(dir, 'before.json');
    writeFileSync(before, JSON.stringify({ answers: { 's000.trust-basis': { level: 0 } } }));
    const r = run('--before', before, '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Scores \(0–100\)/);
    expect(r.stdout).toMatch(/Bottleneck path/);
    expect(r.stdout).toMatch(/Change \(T0 → T1\)/);
  }, 60_000);
  it('writes the report as HTML, Word and XLSX', () => {
    const html = join(dir, 'r.html');
    const docx = join(dir, 'r.docx');
    const xlsx = join(dir, 'r.xlsx');
    const r = run('--html', html, '--docx', docx, '--xlsx', xlsx, '--lang', 'en');
    expect(r.status).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/NQPF self-assessment report/);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
  it('names the file and the field of a bad answer', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ answers: { 's000.trust-basis': { level: 9 }, 's000.user-circles': 'high' } }));
    const r = run('--answers', bad);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.json/);
    expect(r.stderr).toMatch(/answers\.s000\.user-circles/);
    const bad2 = join(dir, 'bad2.json');
    writeFileSync(bad2, JSON.stringify({ answers: { 's000.trust-basis': { level: 9 } } }));
    const r2 = run('--answers', bad2, '--lang', 'zh');
    expect(r2.stderr).toMatch(/bad2\.json/);
    expect(r2.stderr).toMatch(/s000\.trust-basis/);
    const missing = run('--answers', join(dir, 'nope.json'), '--lang', 'en');
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file \(ENOENT\) Fix: check the --answers path/);
  }, 60_000);
});

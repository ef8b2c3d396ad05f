/** `xinzhi qca` run as a user runs it: one child process per call, on the committed reference data. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPath, r3 } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/xinzhi.js', 'qca', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const LF = ['--data', dataPath('lipset_LF.csv'), '--conditions', 'DEV,URB,LIT,IND,STB', '--outcome', 'SURV'];

describe('xinzhi qca', () => {
  it('minimize --json prints one document with the three solutions, the configuration table and the XY data', () => {
    const r = run(['minimize', ...LF, '--incl-cut', '0.8', '--dir-exp', 'DEV, URB, LIT, IND, STB', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.parsimonious.models[0].expression).toBe('DEV*~IND + URB*STB');
    expect(doc.intermediate[0].models[0].expression).toBe('DEV*URB*LIT*STB + DEV*LIT*~IND*STB');
    expect(doc.truthTableOptions).toEqual({ inclCut: 0.8, inclCut0: 0.8, nCut: 1, priCut: 0 });
    expect(doc.configurations.terms[1].cells[3]).toEqual({ value: 0, core: true });
    expect(r3(doc.xy.covS)).toBe(0.66);
  });
  it('prints bilingual tables with ● / ⊗ configurations and writes the XY plot', () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'xinzhi-qca-')), 'xy.svg');
    const r = run([
      'minimize',
      ...LF,
      '--incl-cut',
      '0.8',
      '--dir-exp',
      'DEV, URB, LIT, IND, STB',
      '--lang',
      'zh',
      '--xy',
      svg,
    ]);
    expect(r.code).toBe(0);
    const plot = readFileSync(svg, 'utf8');
    expect(plot).toMatch(/^<svg/);
    expect(plot).toMatch(/inclS = 0\.866/);
    expect(plot).toMatch(/>NL</);
    expect(r.stdout).toMatch(/中间解/);
    expect(r.stdout).toMatch(/⊗/);
    expect(r.stdout).toMatch(/0\.866/);
  });
  it('shortens long case lists in the terminal and the report, and keeps every case in --json', () => {
    // 300 firms, two crisp conditions: each truth-table row holds about 75 firms
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-qca-'));
    const file = join(dir, 'firms.csv');
    const lines = ['case,A,B,Y'];
    for (let i = 0; i < 300; i++)
      lines.push(`firm${i},${i % 2},${Math.floor(i / 2) % 2},${i % 2 || Math.floor(i / 2) % 2 ? 1 : 0}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const args = ['--data', file, '--conditions', 'A,B', '--outcome', 'Y'];
    const text = run(['minimize', ...args, '--html', join(dir, 'r.html')]);
    expect(text.code).toBe(0);
    const widest = Math.max(...text.stdout.split('\n').map((l) => l.length));
    expect(widest).toBeLessThan(200);
    expect(text.stdout).toMatch(/firm1,firm3,.*… \(150 in all\)/);
    expect(text.stdout).toMatch(/the JSON output \(xinzhi qca --json\) lists every case/);
    const zh = run(['truthtable', ...args, '--lang', 'zh']);
    expect(zh.stdout).toMatch(/…（共 75 个）/);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toMatch(/… \(150 in all\)/);
    expect(html).not.toMatch(/firm299, firm/);
    const doc = JSON.parse(run(['minimize', ...args, '--json']).stdout);
    const term = doc.parsimonious.models[0].terms.find((t: { label: string }) => t.label === 'A');
    expect(term.cases).toHaveLength(150);
  });
  it('calibrate writes the calibrated table and warns about memberships of exactly 0.5', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-qca-'));
    const spec = join(dir, 'calib.json');
    writeFileSync(
      spec,
      JSON.stringify({
        preset: 'qca',
        columns: {
          DEV: { method: 'direct', anchors: [400, 550, 900] },
          STB: { method: 'direct', anchors: [14, 10, 5] },
        },
      }),
    );
    const out = join(dir, 'sets.csv');
    const r = run(['calibrate', '--data', dataPath('lipset_LR.csv'), '--spec', spec, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.columns.map((c: { column: string; logOdds: number }) => [c.column, r3(c.logOdds)])).toEqual([
      ['DEV', 2.944],
      ['STB', 2.944],
    ]);
    expect(doc.warnings.map((w: { unit: string }) => w.unit)).toEqual(['AU', 'GR']);
    expect(r.stderr).toMatch(/row 2, column "STB"/);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFcase,DEV,URB/);
  });
  it('robustness --json lists every cell of the grid and says which solutions are stable', () => {
    const r = run(['robustness', ...LF, '--incl-cuts', '0.75,0.8', '--n-cuts', '1', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(
      doc.cells.map((c: { inclCut: number; parsimonious: { expressions: string[] } }) => [
        c.inclCut,
        c.parsimonious.expressions[0],
      ]),
    ).toEqual([
      [0.75, 'DEV*~IND + URB*STB'],
      [0.8, 'DEV*~IND + URB*STB'],
    ]);
    expect(doc.stable.parsimonious).toBe(true);
  });
  it('bad input: non-zero exit, stderr names the file, row, column and the fix in both languages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-qca-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'case,A,Y\na,0.2,1\nb,x,0\n');
    const r = run(['truthtable', '--data', bad, '--conditions', 'A', '--outcome', 'Y', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/文件 bad\.csv, 第 3 行, 列 "A"/);
    expect(r.stderr).toMatch(/file bad\.csv, row 3, column "A".*Fix:/);
  });
});

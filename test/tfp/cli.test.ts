/**
 * `xinzhi tfp`: the --json contract (one document with results / index /
 * cumulative), bilingual tables with slack shares and the reading line, and
 * errors on stderr naming file, row, column and fix.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTfpCommand } from '../../src/adapters/cli/tfp.ts';
import { tfpReportParts } from '../../src/adapters/report/tfp-html.ts';
import type { FirmResult } from '../../src/core/tfp/firm/run.ts';
import type { TfpResult } from '../../src/core/tfp/run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea.json', import.meta.url), 'utf8'));

function xinzhi(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${ROOT}bin/xinzhi.js`, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-tfp-'));
  const rows = fx.green.x.map((x: number[], j: number) =>
    [`u${j + 1}`, 2020, x[0], x[1], fx.green.y[j][0], fx.green.b[j][0]].join(','),
  );
  write('green.csv', ['unit,year,Labour,Energy,GDP,CO2', ...rows].join('\n') + '\n');
  write(
    'sbm.json',
    JSON.stringify({
      type: 'sbm',
      unit: 'unit',
      time: 'year',
      inputs: ['Labour', 'Energy'],
      outputs: ['GDP'],
      undesirable: ['CO2'],
      nodes: { Labour: 'factor.laborer', Energy: 'factor.object' },
    }),
  );
});

describe('xinzhi tfp', () => {
  it('--json prints one document whose efficiencies match SciPy, with slacks and shares by column', () => {
    const r = xinzhi(['tfp', '--data', join(dir, 'green.csv'), '--model', join(dir, 'sbm.json'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.model).toMatchObject({ type: 'sbm', rts: 'crs', orientation: 'none', super: false });
    expect(doc.results).toHaveLength(10);
    doc.results.forEach(
      (row: { efficiency: number; slacks: Record<string, number>; unit: string; time: number }, j: number) => {
        expect(row.unit).toBe(`u${j + 1}`);
        expect(row.time).toBe(2020);
        expect(Math.abs(row.efficiency - fx.green.sbm.crs[j])).toBeLessThan(1e-8);
        expect(Object.keys(row.slacks)).toEqual(['Labour', 'Energy', 'GDP', 'CO2']);
      },
    );
    expect(doc.index).toEqual([]);
    expect(doc.solver).toMatch(/HiGHS/);
  });

  it('prints bilingual tables with slack shares and a reading that names the framework node', () => {
    const zh = xinzhi(['tfp', '--data', join(dir, 'green.csv'), '--model', join(dir, 'sbm.json'), '--lang', 'zh']);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('效率与低效率来源（各变量的松弛占比） / Efficiency and where inefficiency comes from');
    expect(zh.stdout).toMatch(/解读：平均效率 0\.\d{4}/);
    expect(zh.stdout).toMatch(/xinzhi framework diagnose factor\.(laborer|object)|form\.green/);
  });

  it('a zero input stops with both languages on stderr, naming file, row, column and fix', () => {
    const text = readFileSync(join(dir, 'green.csv'), 'utf8').split('\n');
    text[3] = text[3].replace(/^(u3,2020,)[^,]+/, '$10');
    const bad = write('zero.csv', text.join('\n'));
    const r = xinzhi(['tfp', '--data', bad, '--model', join(dir, 'sbm.json')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('文件 zero.csv, 第 4 行, 列 "Labour"');
    expect(r.stderr).toContain('file zero.csv, row 4, column "Labour"');
    expect(r.stderr).toMatch(/Fix: /);
  });

  it('an unknown column and an unknown framework node are errors with suggestions', async () => {
    const m1 = write(
      'm1.json',
      JSON.stringify({ type: 'ccr', unit: 'unit', time: 'year', inputs: ['Labor'], outputs: ['GDP'] }),
    );
    const r1 = xinzhi(['tfp', '--data', join(dir, 'green.csv'), '--model', m1]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toContain('Did you mean "Labour"');
    const m2 = write(
      'm2.json',
      JSON.stringify({
        type: 'ccr',
        unit: 'unit',
        time: 'year',
        inputs: ['Labour'],
        outputs: ['GDP'],
        nodes: { Labour: 'factor.labor' },
      }),
    );
    await expect(runTfpCommand({ data: join(dir, 'green.csv'), model: m2 })).rejects.toThrow(/factor\.laborer/);
  });

  it('the worked provincial GTFP example runs: index for every pair, cumulative with 2013 = 1', async () => {
    const r = (await runTfpCommand({
      data: `${ROOT}data/tfp/gtfp-province.csv`,
      model: `${ROOT}data/tfp/gtfp-province.yaml`,
    })) as TfpResult;
    expect(r.index).toHaveLength(30 * 9);
    expect(r.index[0]).toMatchObject({ unit: 'Beijing', from: 2013, to: 2014, status: 'optimal' });
    expect(Object.keys(r.index[0])).toEqual(['unit', 'from', 'to', 'status', 'value', 'ec', 'tc']);
    expect(r.cumulative.filter((c) => c.time === 2013).every((c) => c.value === 1)).toBe(true);
  });

  it('the provincial GTFP example maps the last cumulative index; a non-province panel gets no map', async () => {
    const r = (await runTfpCommand({
      data: `${ROOT}data/tfp/gtfp-province.csv`,
      model: `${ROOT}data/tfp/gtfp-province.yaml`,
    })) as TfpResult;
    const geojson = JSON.parse(readFileSync(`${ROOT}data/geo/china_provinces.geojson`, 'utf8'));
    const parts = tfpReportParts(r, 'en', { geojson });
    const map = parts.sections.find((s) => s.id === 'tfp-map');
    expect(map?.html).toMatch(/<svg/);
    expect(map?.html).toContain('Cumulative GML index, 2022 (2013 = 1)');
    // the legend's top class ends at the largest cumulative value of 2022
    const last = r.cumulative.filter((c) => c.time === 2022).map((c) => c.value as number);
    expect(map?.html).toContain(Math.max(...last).toFixed(3));
    const green = xinzhi([
      'tfp',
      '--data',
      join(dir, 'green.csv'),
      '--model',
      join(dir, 'sbm.json'),
      '--html',
      join(dir, 'g.html'),
    ]);
    expect(green.status).toBe(0);
    expect(readFileSync(join(dir, 'g.html'), 'utf8')).not.toContain('tfp-map');
  }, 60_000);

  it('firm estimators: --json gives coefficients {estimate, se} and tfp[] per firm-year (OLS = statsmodels)', () => {
    const ffx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/firm.json', import.meta.url), 'utf8'));
    const model = write(
      'ols.json',
      JSON.stringify({ type: 'ols', unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], state: ['lnk'] }),
    );
    const r = xinzhi(['tfp', '--data', 'data/tfp/firm-panel.csv', '--model', model, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.coefficients)).toEqual(['lnl', 'lnk']);
    expect(Math.abs(doc.coefficients.lnl.estimate - ffx.ols.beta[0])).toBeLessThan(1e-9);
    expect(Math.abs(doc.coefficients.lnk.se - ffx.ols.se[1])).toBeLessThan(1e-9);
    expect(doc.tfp).toHaveLength(1200);
    expect(Object.keys(doc.tfp[0])).toEqual(['unit', 'time', 'value']);
  });

  it('firm estimators: the example LP model with a seeded bootstrap, and its checks', async () => {
    const model = write(
      'acf.yaml',
      'type: acf\nunit: firm\ntime: year\noutput: lny\nfree: [lnl]\nstate: [lnk]\nproxy: lnm\nbootstrap: 3\nseed: 7\n',
    );
    const a = (await runTfpCommand({ data: `${ROOT}data/tfp/firm-panel.csv`, model })) as FirmResult;
    const b = (await runTfpCommand({ data: `${ROOT}data/tfp/firm-panel.csv`, model })) as FirmResult;
    expect(a.se).toBe('bootstrap');
    expect(a.coefficients).toEqual(b.coefficients);
    expect(a.stage2).toBe(150 * 7);
    const bad = write(
      'bad.json',
      JSON.stringify({ type: 'lp', unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], state: ['lnk'] }),
    );
    await expect(runTfpCommand({ data: `${ROOT}data/tfp/firm-panel.csv`, model: bad })).rejects.toThrow(/"proxy"/);
  });
});

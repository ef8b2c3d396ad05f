import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { moranSection } from '../../src/adapters/report/sections/moran.ts';
import { lisaSection } from '../../src/adapters/report/sections/lisa.ts';
import { markovSection } from '../../src/adapters/report/sections/markov.ts';
import { convergenceSection } from '../../src/adapters/report/sections/convergence.ts';
import { moranScatter } from '../../src/core/analysis/moran.ts';
import { markovChain } from '../../src/core/analysis/markov.ts';
import { sigmaConvergence, betaConvergence } from '../../src/core/analysis/convergence.ts';
import { edgeListWeights, rowStandardise } from '../../src/core/analysis/spatial-weights.ts';
import { close, geojson, spdep, units31, values } from './spatial-helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const DATA = 'data/province-panel/province_panel_2013_2022.csv';
const cli = (...args: string[]) =>
  JSON.parse(execFileSync('node', ['bin/xinzhi.js', 'analyze', ...args, '--json'], { cwd: root, encoding: 'utf8' }));
const base = ['--data', DATA, '--unit', 'Province', '--time', 'Year'];

describe('xinzhi analyze (spatial commands)', () => {
  it('moran --weights queen: the contract fields equal spdep moran.test', () => {
    const out = cli('moran', ...base, '--value', 'Digital Economy', '--weights', 'queen');
    expect(out.results).toHaveLength(10);
    const refs = (spdep.moran as Array<Record<string, number | string>>).filter(
      (m) => m.column === 'Digital Economy' && m.weights === 'queen',
    );
    out.results.forEach((r: Record<string, number>, i: number) => {
      expect(r.time).toBe(refs[i].year);
      for (const [k, rk] of [
        ['I', 'I'],
        ['z', 'z'],
        ['p', 'p'],
        ['zNormal', 'zN'],
      ])
        expect(close(r[k], Number(refs[i][rk]))).toBe(true);
    });
  }, 60_000);

  it('moran --weights file:PATH equals queen; permutations carry a seed', () => {
    const a = cli(
      'moran',
      ...base,
      '--value',
      'Urbanization Level',
      '--weights',
      'file:test/reference/analysis/fixtures/queen31_edges.csv',
      '--permutations',
      '99',
      '--seed',
      '5',
    );
    const b = cli('moran', ...base, '--value', 'Urbanization Level', '--weights', 'queen');
    expect(a.results[9].I).toBeCloseTo(b.results[9].I, 14);
    expect(a.results[9].permutation.seed).toBe('5');
  }, 60_000);

  it('lisa, weights, markov, convergence print one JSON document', () => {
    const l = cli('lisa', ...base, '--value', 'Urbanization Level', '--weights', 'queen');
    const u2022 = l.results[9].units as Array<Record<string, number | string>>;
    u2022.forEach((u, i) => expect(close(Number(u.Ii), spdep.local_conditional.Ii[i])).toBe(true));
    const w = cli('weights', '--unit-list', 'Beijing,Tianjin,Hebei', '--weights', 'queen');
    expect(w.weights.units[0]).toEqual({ unit: 'Beijing', neighbours: ['Tianjin', 'Hebei'], weights: [0.5, 0.5] });
    const m = cli('markov', ...base, '--value', 'Digital Economy', '--spatial', '--weights', 'queen');
    expect(m.spatial.conditional).toHaveLength(4);
    expect(m.spatial.homogeneity.dof).toBeGreaterThan(0);
    const c = cli(
      'convergence',
      ...base,
      '--value',
      'Economic Development Level',
      '--type',
      'beta',
      '--model',
      'twoways',
      '--controls',
      'Urbanization Level',
    );
    expect(c.coefficients.map((x: { name: string }) => x.name)).toEqual(['ln_y', 'Urbanization Level']);
  }, 60_000);

  it('errors are bilingual on stderr with a non-zero exit', () => {
    const r = spawnSync(
      'node',
      ['bin/xinzhi.js', 'analyze', 'moran', ...base, '--value', 'Digital Economy', '--weights', 'hexagon', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/空间权重/);
    expect(r.stderr).toMatch(/spatial weights/);
    const u = spawnSync(
      'node',
      ['bin/xinzhi.js', 'analyze', 'weights', '--unit-list', 'Beijing,Atlantis', '--weights', 'queen', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(u.status).not.toBe(0);
    expect(u.stderr).toMatch(/Atlantis/);
  }, 60_000);
});

describe('report sections render', () => {
  it('moran, lisa, markov, convergence sections produce HTML with SVG and tables', async () => {
    const { readEdgeList } = await import('../../src/adapters/io/spatial.ts');
    const w = rowStandardise(
      edgeListWeights(units31, await readEdgeList(`${root}test/reference/analysis/fixtures/queen31_edges.csv`)),
    );
    const x = values('Urbanization Level', 2022);
    const mo = moranSection([{ time: 2022, I: 0.4, expected: -1 / 30, z: 3, p: 0.001 }], {
      lang: 'zh',
      scatter: { time: 2022, data: moranScatter(x, w) },
    });
    expect(mo.html).toContain('<svg');
    const li = lisaSection(
      units31.map((u, i) => ({ unit: u, Ii: 0, z: 0, p: 1, cluster: i === 0 ? 'HH' : 'ns' })),
      { lang: 'en', geojson: geojson(), time: 2022 },
    );
    expect(li.html).toContain('<svg');
    const data = { units: units31, times: [2021, 2022], y: [values('Urbanization Level', 2021), x] };
    expect(markovSection(markovChain(data), { lang: 'en' }).html).toContain('three-line');
    const cs = convergenceSection({ lang: 'zh', sigma: sigmaConvergence(data), beta: [betaConvergence(data)] });
    expect(cs.html).toContain('β');
  });
});

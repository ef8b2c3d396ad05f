import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/core/framework/index.ts';
import {
  applyScenario,
  compileModel,
  parseScenarioFile,
  readXmile,
  runScenarios,
  simulate,
  writeXmile,
} from '../../src/core/simulate/index.ts';
import { describeWithShared, sharedPath } from '../shared-data.ts';

const MODEL_TEXT = readFileSync(new URL('../../data/simulate/seed000.xmile', import.meta.url), 'utf8');
const SCENARIOS = parseScenarioFile(
  JSON.parse(readFileSync(new URL('../../data/simulate/seed000-scenarios.json', import.meta.url), 'utf8')),
);
// Expected numbers: test/reference/simulate/integrators.py re-implements the model in NumPy.
const REF = JSON.parse(
  readFileSync(new URL('../reference/simulate/fixtures/integrators.json', import.meta.url), 'utf8'),
).seed000;
const model = readXmile(MODEL_TEXT, 'seed000.xmile');

function expectClose(got: Record<string, number[]>, want: Record<string, number[]>): void {
  for (const [name, values] of Object.entries(want)) {
    if (name === 'time') continue;
    expect(got[name], name).toBeDefined();
    values.forEach((w, i) =>
      expect(Math.abs(got[name][i] - w), `${name}[${i}]`).toBeLessThanOrEqual(1e-9 * Math.max(1e-12, Math.abs(w))),
    );
  }
}

describe('seed-000 loop model against a NumPy implementation of its equations', () => {
  it('Euler, DT 1/16, saved every 0.5', () => {
    const r = simulate(compileModel(model));
    expect(r.time).toEqual(REF.euler.time);
    expectClose(r.series, REF.euler);
  });
  it('RK4, DT 0.25', () => {
    const r = simulate(compileModel(model), { method: 'rk4', dt: 0.25 });
    expectClose(r.series, REF.rk4);
  });
  it('the collaboration-shock and technology-delay scenarios of the shipped scenario file', () => {
    const runs = runScenarios(
      model,
      SCENARIOS.filter((s) => s.id === 'collaboration-shock' || s.id === 'technology-delay'),
    );
    expectClose(runs[0].result.series, REF['collaboration-shock']);
    expectClose(runs[1].result.series, REF['technology-delay']);
  });
  it('survives a round trip through the XMILE writer', () => {
    const again = readXmile(writeXmile(model));
    expect(simulate(compileModel(again)).series).toEqual(simulate(compileModel(model)).series);
    expect(again.variables.map((v) => v.doc)).toEqual(model.variables.map((v) => v.doc));
  });
});

/** Stocks of the model and the framework's path nodes they stand for. */
const PATH_OF: Record<string, string> = {
  quality_efficiency_capability: 's000.path.quality-efficiency',
  cooperation_capability: 's000.path.cooperation',
  innovation_capability: 's000.path.innovation',
};
const BUILDING_OF: Record<string, string> = {
  quality_efficiency_capability: 'quality_efficiency_building',
  cooperation_capability: 'cooperation_building',
  innovation_capability: 'innovation_building',
};

describe('seed-000 loop model against the framework', () => {
  it('has a positive link between two paths exactly where the framework has a "reinforces" relation (五、进一步讨论)', () => {
    const fw = loadFramework();
    const paths = new Set(Object.values(PATH_OF));
    const expected = fw.relations
      .filter((r) => r.type === 'reinforces' && paths.has(r.from) && paths.has(r.to))
      .map((r) => `${r.from}→${r.to}`)
      .sort();
    expect(expected).toHaveLength(6);
    const base = simulate(compileModel(model), { stop: 0 });
    const found: string[] = [];
    for (const from of Object.keys(PATH_OF)) {
      const bumped = applyScenario(model, {
        id: 'bump',
        set: { [from]: String(Number(model.variables.find((v) => v.name === from)!.text) + 0.01) },
      });
      const r = simulate(compileModel(bumped), { stop: 0 });
      for (const to of Object.keys(PATH_OF)) {
        if (to === from) continue;
        const change = r.series[BUILDING_OF[to]][0] - base.series[BUILDING_OF[to]][0];
        if (change > 0) found.push(`${PATH_OF[from]}→${PATH_OF[to]}`);
        expect(change, `${from} → ${to}`).toBeGreaterThanOrEqual(0); // no negative link between paths
      }
    }
    expect(found.sort()).toEqual(expected);
  });
  it('cites a section of seed 000 for every variable and says the numbers are illustrative', () => {
    for (const v of model.variables) expect(v.doc, v.name).toMatch(/\[seed 000 [^\]]+\]$/);
    expect(MODEL_TEXT).toMatch(/not numbers/);
    for (const v of model.variables.filter(
      (x) => x.kind === 'aux' && /^[\d.]+$/.test(x.text) && x.name !== 'collaboration_shock_fraction',
    )) {
      expect(v.doc, v.name).toMatch(/Illustrative value/);
    }
  });
  it('the loop matters: without the six links the NQPF level ends far lower', () => {
    const [base, noLoop] = runScenarios(
      model,
      SCENARIOS.filter((s) => s.id === 'baseline' || s.id === 'no-loop'),
    );
    expect(noLoop.summary.nqpf_level.final).toBeLessThan(base.summary.nqpf_level.final - 0.2);
  });
  it('investment scenarios keep the same total digital investment at every time', () => {
    const keys = ['digital_investment_quality', 'digital_investment_cooperation', 'digital_investment_innovation'];
    const runs = runScenarios(
      model,
      SCENARIOS.filter((s) => s.id.endsWith('-first') || s.id === 'baseline'),
    );
    for (const r of runs) {
      r.result.time.forEach((_, i) =>
        expect(keys.reduce((s, k) => s + r.result.series[k][i], 0)).toBeCloseTo(0.19, 12),
      );
    }
  });
});

describeWithShared('seeds/000_bdc2d3c482bae5da.txt', 'seed-000 model citations against the paper', () => {
  it('every section a variable cites is a heading or figure of seed 000', () => {
    const seed = readFileSync(sharedPath('seeds/000_bdc2d3c482bae5da.txt')!, 'utf8').replace(/\s+/g, '');
    for (const v of model.variables) {
      const cite = /\[seed 000 ([^\]]+)\]$/.exec(v.doc ?? '')![1];
      for (const part of cite.split(/;\s*/)) {
        for (const piece of part.split(/(?=[(（][一二三四五六][)）])/))
          expect(seed, `${v.name}: ${piece}`).toContain(piece.replace(/\s+/g, ''));
      }
    }
  });
});

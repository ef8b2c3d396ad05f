/**
 * `xinzhi estimate` with sdm / sar / sem models: the weights built from the
 * model file's `weights` (queen from the bundled boundaries, file:PATH edge
 * lists), the JSON contract, the bilingual table and errors. The numbers are
 * those of R (fixtures/sdm.json, test/reference/estimate/sdm_reference.R).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL, ROOT, xinzhi } from '../analysis/gini-cli-helpers.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/sdm.json', import.meta.url), 'utf8'));
const MODEL = `${ROOT}data/estimate/province-sdm.json`;
const EDGES = `${ROOT}test/reference/analysis/fixtures/queen31_edges.csv`;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function modelFile(fields: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-sdm-'));
  const path = join(dir, 'model.json');
  writeFileSync(
    path,
    JSON.stringify({
      type: 'sdm',
      y: fx.y,
      x: fx.x,
      unit: 'Province',
      time: 'Year',
      draws: 200,
      ...fields,
    }),
  );
  return path;
}

describe('xinzhi estimate: spatial panel models', () => {
  it('--json gives rho, coefficients with W*x terms, impacts, tests, n and logLik; queen = the R contiguity', () => {
    const r = xinzhi(['estimate', '--data', PANEL, '--model', MODEL, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const [sdm, sar, sem] = JSON.parse(r.stdout).models;
    expect(sdm.type).toBe('sdm');
    expect(Object.keys(sdm.coefficients)).toEqual([...fx.x, ...fx.x.map((k: string) => `W*${k}`)]);
    expect(Object.keys(sdm.rho).sort()).toEqual(['estimate', 'p', 'se', 'z']);
    expect(rel(sdm.rho.estimate, fx.both.hand.rho)).toBeLessThan(1e-8);
    expect(rel(sdm.logLik, fx.both.hand.logLik)).toBeLessThan(1e-12);
    expect(rel(sdm.impacts.total[fx.x[1]].estimate, fx.both.hand.total[1])).toBeLessThan(1e-7);
    expect(Object.keys(sdm.impacts)).toEqual(['direct', 'indirect', 'total', 'draws', 'seed']);
    expect(sdm.n).toBe(310);
    expect(rel(sdm.tests.lrSar.statistic, fx.both.hand.lrSar)).toBeLessThan(1e-7);
    expect(rel(sdm.tests.lmLag.statistic, fx.both.spatialreg.lm.LMlag)).toBeLessThan(1e-9);
    expect(sdm.options).toEqual({
      info: 'observed',
      correction: 'none',
      logDet: 'eigenvalues',
      weights: 'row-standardised',
    });
    expect(sar.tests.lrSar).toBeUndefined();
    expect(rel(sar.logLik, fx.both.spatialreg.sar_logLik)).toBeLessThan(1e-12);
    expect(sem.lambda.estimate).toBeCloseTo(fx.both.hand.sem_lambda, 6);
  });

  it('reads file:PATH edge lists and prints the impacts and tests in Chinese', () => {
    const model = modelFile({ fe: ['unit'], weights: `file:${EDGES}` });
    const j = xinzhi(['estimate', '--data', PANEL, '--model', model, '--json']);
    expect(j.status, j.stderr).toBe(0);
    expect(rel(JSON.parse(j.stdout).models[0].rho.estimate, fx.unit.hand.rho)).toBeLessThan(1e-8);
    const t = xinzhi(['estimate', '--data', PANEL, '--model', model, '--lang', 'zh']);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('间接效应（溢出）');
    expect(t.stdout).toContain('LR：SDM 退化为 SAR');
    expect(t.stdout).toContain('个体固定效应');
    expect(t.stdout).toContain('空间自回归系数 ρ');
  });

  it('names the units of the data missing from an edge list (and of the list missing from the data)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-sdm-'));
    const edges = join(dir, 'edges.csv');
    const lines = readFileSync(EDGES, 'utf8').trim().split('\n');
    writeFileSync(
      edges,
      [lines[0], ...lines.slice(1).filter((l) => !l.includes('Tibet')), 'Atlantis,Beijing', 'Beijing,Atlantis'].join(
        '\n',
      ),
    );
    const r = xinzhi([
      'estimate',
      '--data',
      PANEL,
      '--model',
      modelFile({ fe: ['unit'], weights: `file:${edges}` }),
      '--lang',
      'en',
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Atlantis');
  });

  it('rejects a spatial model without weights, or with a cluster, naming the field', () => {
    const r = xinzhi(['estimate', '--data', PANEL, '--model', modelFile({}), '--lang', 'en']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('weights');
    const c = xinzhi(['estimate', '--data', PANEL, '--model', modelFile({ weights: 'queen', cluster: 'unit' })]);
    expect(c.status).not.toBe(0);
    expect(c.stderr).toContain('cluster');
  });
});

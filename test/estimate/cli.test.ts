/** `xinzhi estimate`: the JSON contract, the paper table, and bilingual errors for bad model files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, xinzhi } from '../analysis/gini-cli-helpers.ts';
import { checkEstimateModel } from '../../src/core/estimate/model.ts';

const DATA = `${ROOT}data/estimate/grunfeld.csv`;
const MODEL = `${ROOT}data/estimate/grunfeld-fe.json`;

describe('xinzhi estimate', () => {
  it('--json prints models[].coefficients.<term>.{estimate, se, t, p} and n (the Stata preset on Grunfeld)', () => {
    const r = xinzhi(['estimate', '--data', DATA, '--model', MODEL, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.models).toHaveLength(2);
    const c = doc.models[0].coefficients.capital;
    expect(Object.keys(c).sort()).toEqual(['estimate', 'p', 'se', 't']);
    expect(doc.models[0].n).toBe(200);
    expect(doc.models[0].options).toMatchObject({ se: 'cluster', preset: 'stata' });
  });

  it('prints a regression table with stars, standard errors, N and FE rows, in Chinese', () => {
    const r = xinzhi(['estimate', '--data', DATA, '--model', MODEL, '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0.3579***');
    expect(r.stdout).toContain('(0.0478)');
    expect(r.stdout).toContain('观测数 N');
    expect(r.stdout).toContain('year 固定效应');
  });

  it('a mediation model prints its three equations, ab with Sobel / Aroian / Goodman, and JSON fields indirect and sobel', () => {
    const model = `${ROOT}data/estimate/grunfeld-mediation.json`;
    const r = xinzhi(['estimate', '--data', DATA, '--model', model, '--json']);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout).models[0];
    expect(m.type).toBe('mediation');
    expect(Object.keys(m.coefficients).sort()).toEqual(['capital', 'value']);
    expect(m.indirect.bootstrap.draws).toBe(200);
    expect(m.sobel.z).toBeCloseTo(2.2349053887886678, 9);
    const t = xinzhi(['estimate', '--data', DATA, '--model', model, '--lang', 'en']);
    expect(t.stdout).toContain('(3) inv (with M)');
    expect(t.stdout).toContain('Sobel z = 2.2349');
  });

  it('a moderation model prints the centred interaction and the simple slopes', () => {
    const model = `${ROOT}data/estimate/grunfeld-moderation.json`;
    const r = xinzhi(['estimate', '--data', DATA, '--model', model, '--json']);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout).models[0];
    expect(Object.keys(m.coefficients)).toEqual(['value', 'capital', 'value×capital']);
    expect(m.slopes.map((s: { at: string }) => s.at)).toEqual(['low', 'mean', 'high']);
    expect(m.slopes[0].estimate).toBeCloseTo(0.04622490021189006, 12);
  });

  it('an iv model prints the 2SLS coefficient and the first-stage F', () => {
    const model = `${ROOT}data/estimate/grunfeld-iv.json`;
    const r = xinzhi(['estimate', '--data', DATA, '--model', model, '--json']);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout).models[0];
    expect(m.coefficients.value.estimate).toBeCloseTo(0.87162113912032613, 12);
    expect(m.firstStageF.value).toBeGreaterThan(10);
    const t = xinzhi(['estimate', '--data', DATA, '--model', model, '--lang', 'en']);
    expect(t.stdout).toContain('First-stage F');
  });

  it('a bad model file names the field and the fix in both languages, with a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-estimate-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ type: 'fe', y: 'inv', x: [], unit: 'firm', time: 'year' }));
    const r = xinzhi(['estimate', '--data', DATA, '--model', bad]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('model field x');
    expect(r.stderr).toMatch(/模型字段/);
    expect(r.stderr).toMatch(/model field/);
  });

  it('a cluster preset without a cluster is refused; "unit" / "time" resolve to their columns', () => {
    expect(() => checkEstimateModel({ type: 'fe', y: 'a', x: ['b'], unit: 'u', time: 't', se: 'stata' })).toThrow(
      /cluster/,
    );
    const m = checkEstimateModel({ type: 'fe', y: 'a', x: ['b'], unit: 'u', time: 't', cluster: 'unit' });
    expect(m).toMatchObject({ fe: ['u', 't'], cluster: 'u', se: 'cluster', preset: 'stata' });
  });
});

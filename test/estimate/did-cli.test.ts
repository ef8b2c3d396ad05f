/** `xinzhi estimate` with DID models: the JSON names, the terminal tables, --plot, and bilingual errors. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, xinzhi } from '../analysis/gini-cli-helpers.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/did.json', import.meta.url), 'utf8'));
const cs = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/cs.json', import.meta.url), 'utf8'));
const data = (f: string) => `${ROOT}data/estimate/${f}`;

describe('xinzhi estimate: DID family', () => {
  it('--json on the common-timing example: att of the 2×2 and TWFE models and the placebo summary', () => {
    const r = xinzhi(['estimate', '--data', data('did-common.csv'), '--model', data('did-common.json'), '--json']);
    expect(r.status).toBe(0);
    const [m22, tw] = JSON.parse(r.stdout).models;
    expect(m22.att.estimate).toBeCloseTo(fx.did2x2.att.estimate, 12);
    expect(m22.coefficients['treat×post'].se).toBeCloseTo(fx.did2x2.att.se, 12);
    expect(tw.att.ci[1]).toBeCloseTo(fx.twfe.att.ci[1], 12);
    expect(Object.keys(tw.placebo)).toEqual([
      'draws',
      'seed',
      'actual',
      'mean',
      'sd',
      'quantiles',
      'share',
      'estimates',
    ]);
    expect(tw.placebo.estimates).toHaveLength(500);
  });

  it('prints the event study, the pre-trend test and the Callaway–Sant’Anna tables in English, and writes the plots', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-did-'));
    const plot = join(dir, 'es.svg');
    const r = xinzhi([
      'estimate',
      '--data',
      data('did-staggered.csv'),
      '--model',
      data('did-staggered.json'),
      '--lang',
      'en',
      '--plot',
      plot,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(1) y (event study)');
    expect(r.stdout).toContain('Pre-trend test (all leads zero): F(3, 59)');
    expect(r.stdout).toContain(cs.never_varying.aggregations.simple.estimate.toFixed(4));
    expect(readFileSync(join(dir, 'es-1.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(join(dir, 'es-2.svg'), 'utf8')).toContain('Period relative to treatment');
  });

  it('an empty cohort cell means never treated, as 0 does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-did-'));
    const csv = readFileSync(data('did-staggered.csv'), 'utf8').replace(/^(\d+,\d+),0,/gm, '$1,,');
    writeFileSync(join(dir, 'd.csv'), csv);
    const model = join(dir, 'm.json');
    writeFileSync(model, JSON.stringify({ type: 'did', y: 'y', cohort: 'cohort', unit: 'unit', time: 'year' }));
    const r = xinzhi(['estimate', '--data', join(dir, 'd.csv'), '--model', model, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).models[0].att.estimate).toBeCloseTo(cs.never_varying.aggregations.simple.estimate, 12);
  });

  it('a did model with neither treat/post nor cohort fails with a message in both languages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-did-'));
    const model = join(dir, 'bad.json');
    writeFileSync(model, JSON.stringify({ type: 'did', y: 'y', unit: 'unit', time: 'year' }));
    const r = xinzhi(['estimate', '--data', data('did-common.csv'), '--model', model]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('treat');
    expect(r.stderr).toMatch(/二选一/);
  });
});

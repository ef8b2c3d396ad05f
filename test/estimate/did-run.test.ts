/**
 * The DID family through the model file and the runner: fields and their
 * errors, cohort parsing (0 or empty = never treated), the JSON names
 * (att, gt, aggregations, pretrend, periods, placebo), the bilingual terminal
 * lines, and the placebo checked by its distributional properties.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEstimateModel, checkEstimateModels } from '../../src/core/estimate/model.ts';
import { runEstimate } from '../../src/core/estimate/run.ts';
import { cohortColumn } from '../../src/core/estimate/run-did.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { didLines } from '../../src/adapters/cli/estimate-did.ts';
import { regressionTable } from '../../src/adapters/cli/estimate.ts';
import { readCsv } from './did-data.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/did.json', import.meta.url), 'utf8'));
const cs = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/cs.json', import.meta.url), 'utf8'));

function panelOf(name: string, labels: string[] = []): Panel {
  const c = readCsv(name);
  return {
    unitKey: 'unit',
    timeKey: 'year',
    unit: c.unit.map(String),
    time: c.year,
    columns: Object.fromEntries(
      Object.entries(c)
        .filter(([k]) => !labels.includes(k))
        .map(([k, v]) => [k, Float64Array.from(v)]),
    ),
    labels: Object.fromEntries(labels.map((k) => [k, c[k].map((v) => (v === 0 ? '' : String(v)))])),
    source: name,
    sourceRow: c.unit.map((_, i) => i + 2),
  };
}
const common = panelOf('did-common.csv');
const stag = panelOf('did-staggered.csv', ['cohort']);
const base = { y: 'y', unit: 'unit', time: 'year' };
const run = (p: Panel, m: object) => runEstimate(p, [checkEstimateModel(m)]).models[0];

describe('model file: did and event-study fields', () => {
  it('did with treat and post fills the two-way FE design and Stata clustering', () => {
    const m = checkEstimateModel({ ...base, type: 'did', treat: 'treat', post: 'post', cluster: 'unit' });
    expect(m.did).toMatchObject({ design: 'treat-post', estimator: 'twfe' });
    expect(m.fe).toEqual(['unit', 'year']);
    expect(m.preset).toBe('stata');
  });
  it('did with a cohort defaults to Callaway–Sant’Anna, never-treated controls and the varying base', () => {
    const m = checkEstimateModel({ ...base, type: 'did', cohort: 'cohort' });
    expect(m.did).toMatchObject({ design: 'cohort', estimator: 'cs', control: 'never', base: 'varying' });
  });
  const bad: Array<[string, object, RegExp]> = [
    ['neither treat/post nor cohort', { type: 'did' }, /treat and post, or cohort/],
    ['both designs', { type: 'did', treat: 'a', post: 'b', cohort: 'c' }, /one of the two/],
    ['treat without post', { type: 'did', treat: 'a' }, /go together/],
    ['cs with treat/post', { type: 'did', treat: 'a', post: 'b', estimator: 'cs' }, /needs a cohort column/],
    ['event study without cohort', { type: 'event-study' }, /needs a cohort/],
    ['a window on did', { type: 'did', cohort: 'c', window: [-3, 3] }, /belong to event studies/],
    ['x on a did model', { type: 'did', cohort: 'c', x: ['v'] }, /take no x/],
    ['placebo on an event study', { type: 'event-study', cohort: 'c', placebo: { draws: 10 } }, /did models/],
    ['an unknown control group', { type: 'did', cohort: 'c', control: 'later' }, /control/],
  ];
  for (const [what, m, re] of bad) {
    it(`rejects ${what}, in both languages`, () => {
      let err: unknown;
      try {
        checkEstimateModel({ ...base, ...m });
      } catch (e) {
        err = e;
      }
      expect(String((err as Error)?.message)).toMatch(re);
    });
  }
  it('other model types still need x', () => {
    expect(() => checkEstimateModel({ ...base, type: 'fe' })).toThrow(/x is missing/);
  });
});

describe('cohort column: 0 or empty = never treated, one value per unit', () => {
  it('reads empty cells as 0', () => {
    const g = cohortColumn(stag, 'cohort');
    expect(g[0]).toBe(0);
    expect(Math.max(...g)).toBe(2008);
  });
  it('a text cohort or one that changes within a unit is an error naming the row', () => {
    const labels = { cohort: stag.labels!.cohort.map((v, i) => (i === 0 ? 'soon' : v)) };
    expect(() => cohortColumn({ ...stag, labels }, 'cohort')).toThrow(/"soon" is not a period/);
    const moved = { cohort: stag.labels!.cohort.map((v, i) => (i === 1 ? '2005' : v)) };
    try {
      cohortColumn({ ...stag, labels: moved }, 'cohort');
      expect.unreachable();
    } catch (e) {
      expect((e as { problems: Array<{ row: number }> }).problems[0].row).toBe(3);
    }
  });
});

describe('runner: JSON fields of each DID model equal the reference numbers', () => {
  it('did (two-way FE): att, coefficients and n', () => {
    const r = run(common, { ...base, type: 'did', treat: 'treat', post: 'post', controls: ['x'], cluster: 'unit' });
    expect(r.type).toBe('did');
    if (r.type !== 'did' || r.estimator === 'cs') throw new Error('expected a regression DID');
    expect(r.att.estimate).toBeCloseTo(fx.twfe.att.estimate, 12);
    expect(r.coefficients['treat×post'].se).toBeCloseTo(fx.twfe.att.se, 12);
    expect(r.n).toBe(240);
    expect(r.interpretation.zh).toContain('在 1% 水平上显著');
  });
  it('event-study: periods (with the reference −1), pretrend', () => {
    const r = run(stag, {
      ...base,
      type: 'event-study',
      cohort: 'cohort',
      cluster: 'unit',
      window: [-4, 4],
      bin: true,
    });
    if (r.type !== 'event-study') throw new Error('expected an event study');
    expect(r.periods.map((p) => p.period)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    expect(r.pretrend!.F).toBeCloseTo(fx.eventBinned.pretrend.F, 10);
    expect(r.interpretation.en).toMatch(/leads/);
  });
  it('did with cohort and estimator cs: att = the simple aggregation, gt and aggregations', () => {
    const r = run(stag, { ...base, type: 'did', cohort: 'cohort', control: 'notyet' });
    if (r.type !== 'did' || r.estimator !== 'cs') throw new Error('expected Callaway–Sant’Anna');
    expect(r.att.estimate).toBeCloseTo(cs.notyet_varying.aggregations.simple.estimate, 12);
    expect(r.coefficients.ATT.se).toBeCloseTo(cs.notyet_varying.aggregations.simple.se, 12);
    expect(r.gt).toHaveLength(cs.notyet_varying.gt.length);
    expect(Object.keys(r.aggregations)).toEqual(['simple', 'dynamic', 'group', 'calendar']);
    expect(r.n).toBe(600);
  });
  it('did with cohort and estimator twfe: the static TWFE', () => {
    const r = run(stag, { ...base, type: 'did', cohort: 'cohort', estimator: 'twfe', cluster: 'unit' });
    if (r.type !== 'did' || r.estimator === 'cs') throw new Error('expected TWFE');
    expect(r.att.estimate).toBeCloseTo(fx.staggeredTwfe.att.estimate, 12);
  });
  it('a missing treat value is an error naming file, row and column', () => {
    const treat = Float64Array.from(common.columns.treat);
    treat[4] = Number.NaN;
    const p = { ...common, columns: { ...common.columns, treat } };
    expect(() => run(p, { ...base, type: 'did', treat: 'treat', post: 'post', cluster: 'unit' })).toThrow(/missing/);
  });
});

describe('terminal: tables and sentences in both languages', () => {
  const res = runEstimate(
    stag,
    checkEstimateModels({
      models: [
        { ...base, type: 'event-study', cohort: 'cohort', cluster: 'unit', window: [-3, 3], bin: true },
        { ...base, type: 'did', cohort: 'cohort' },
      ],
    }),
  );
  it('the event study enters the regression table; Callaway–Sant’Anna does not', () => {
    const t = regressionTable(res, 'en');
    expect(t.headers).toHaveLength(2);
    expect(t.rows.map((r) => r[0])).toContain('pre_3');
  });
  it('prints the event-study table, the pre-trend F and the CS tables', () => {
    const zh = didLines(res, 'zh').join('\n');
    expect(zh).toContain('平行趋势检验');
    expect(zh).toContain('0（基期）');
    expect(zh).toContain('简单加权（simple）');
    const en = didLines(res, 'en').join('\n');
    expect(en).toContain('Pre-trend test (all leads zero): F(2, 59)');
    expect(en).toContain("Callaway–Sant'Anna (2021) staggered DID, never-treated controls");
  });
});

describe('placebo by random assignment: distributional properties', () => {
  const model = {
    ...base,
    type: 'did',
    treat: 'treat',
    post: 'post',
    cluster: 'unit',
    placebo: { draws: 300, seed: 11 },
  };
  const r = run(common, model);
  if (r.type !== 'did' || !r.placebo) throw new Error('expected a placebo');
  const p = r.placebo;
  it('is reproducible with its seed and changes with another seed', () => {
    const again = run(common, model);
    expect(again.type === 'did' && again.placebo?.estimates).toEqual(p.estimates);
    const other = run(common, { ...model, placebo: { draws: 300, seed: 12 } });
    expect(other.type === 'did' && other.placebo?.estimates).not.toEqual(p.estimates);
  });
  it('placebo estimates centre on zero (mean within 4 standard errors of the mean) while the actual ATT lies far out', () => {
    expect(p.draws).toBe(300);
    expect(Math.abs(p.mean)).toBeLessThan((4 * p.sd) / Math.sqrt(p.draws));
    expect(p.share).toBeLessThan(0.02);
    expect(Math.abs(p.actual)).toBeGreaterThan(p.quantiles.q99);
  });
  it('summary statistics are those of the draws (type-7 quantiles, n − 1 SD, two-sided share)', () => {
    const e = [...p.estimates].sort((a, b) => a - b);
    const mean = e.reduce((s, v) => s + v, 0) / e.length;
    expect(p.mean).toBeCloseTo(mean, 14);
    expect(p.sd).toBeCloseTo(Math.sqrt(e.reduce((s, v) => s + (v - mean) ** 2, 0) / (e.length - 1)), 14);
    const h = (e.length - 1) * 0.5;
    expect(p.quantiles.q50).toBeCloseTo(
      e[Math.floor(h)] + (h - Math.floor(h)) * (e[Math.ceil(h)] - e[Math.floor(h)]),
      14,
    );
  });
  it('with no true effect the actual estimate is an ordinary draw: the share is not small', () => {
    // outcome with the treated-after effect removed: y − ATT·treat·post
    const att = r.att.estimate;
    const y = Float64Array.from(common.columns.y, (v, i) => v - att * common.columns.treat[i] * common.columns.post[i]);
    const q = run({ ...common, columns: { ...common.columns, y } }, model);
    if (q.type !== 'did' || !q.placebo) throw new Error('expected a placebo');
    expect(Math.abs(q.att.estimate)).toBeLessThan(1e-9);
    expect(q.placebo.share).toBeGreaterThan(0.9);
  });
  it('units-and-dates also draws the treatment date; cohort placebos keep the cohort sizes', () => {
    const ud = run(common, { ...model, placebo: { draws: 50, seed: 2, mode: 'units-and-dates' } });
    expect(ud.type === 'did' && ud.placebo!.draws).toBe(50);
    const c = run(stag, { ...base, type: 'did', cohort: 'cohort', placebo: { draws: 40, seed: 5 } });
    if (c.type !== 'did' || !c.placebo) throw new Error('expected a placebo');
    expect(Math.abs(c.placebo.mean)).toBeLessThan(c.placebo.actual / 3);
    expect(c.placebo.share).toBe(0);
  });
  it('a treat that varies within a unit cannot be reassigned by unit', () => {
    const treat = Float64Array.from(common.columns.treat, (v, i) => (i === 0 ? 1 - v : v));
    expect(() => run({ ...common, columns: { ...common.columns, treat } }, model)).toThrow(/varies within unit/);
  });
});
